<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="en">
<context>
    <name>Menu</name>
    <message>
        <source>{what} on {accounts}</source>
        <translation>{what} em {accounts}</translation>
    </message>
    <message>
        <source>Away while locked: not available on this system</source>
        <translation>Ausente com a tela bloqueada: não disponível neste sistema</translation>
    </message>
    <message>
        <source>Away when idle: not available on this system</source>
        <translation>Ausente por inatividade: não disponível neste sistema</translation>
    </message>
    <message>
        <source>&apos;trayapp doctor&apos; says what this system offers</source>
        <translation>&apos;trayapp doctor&apos; mostra o que este sistema oferece</translation>
    </message>
    <message>
        <source>Resume automatic status</source>
        <translation>Retomar o status automático</translation>
    </message>
    <message>
        <source>Pause automatic status</source>
        <translation>Pausar o status automático</translation>
    </message>
    <message>
        <source>Nothing changes by itself while paused; what it set is put back</source>
        <translation>Nada muda sozinho durante a pausa; o que ele definiu é desfeito</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>{app} (demo)</source>
        <translation>{app} (demonstração)</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>precisa de atenção</translation>
    </message>
</context>
<context>
    <name>accounts</name>
    <message>
        <source>Type the API token to look the e-mail up.</source>
        <translation>Digite o token de API para buscar o e-mail.</translation>
    </message>
    <message>
        <source>Edit {service} account</source>
        <translation>Editar conta do {service}</translation>
    </message>
    <message>
        <source>Add {service} account</source>
        <translation>Adicionar conta do {service}</translation>
    </message>
    <message>
        <source>stored in the keyring; leave empty to keep it</source>
        <translation>guardado no chaveiro; deixe vazio para mantê-lo</translation>
    </message>
    <message>
        <source>A short name for this account, used by the command line too</source>
        <translation>Um nome curto para esta conta, usado também na linha de comando</translation>
    </message>
    <message>
        <source>Accounts hosted in the EU</source>
        <translation>Contas hospedadas na UE</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>Personal access &amp;token</source>
        <translation>&amp;Token de acesso pessoal</translation>
    </message>
    <message>
        <source>&amp;Username and password</source>
        <translation>&amp;Usuário e senha</translation>
    </message>
    <message>
        <source>User &amp;id</source>
        <translation>&amp;ID do usuário</translation>
    </message>
    <message>
        <source>E-mail &amp;look-up</source>
        <translation>Busca por e-mai&amp;l</translation>
    </message>
    <message>
        <source>two-factor code</source>
        <translation>código de dois fatores</translation>
    </message>
    <message>
        <source>Account &amp;name</source>
        <translation>&amp;Nome da conta</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>Ende&amp;reço</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Entrar com</translation>
    </message>
    <message>
        <source>User i&amp;d</source>
        <translation>I&amp;D do usuário</translation>
    </message>
    <message>
        <source>To&amp;ken</source>
        <translation>To&amp;ken</translation>
    </message>
    <message>
        <source>Username or e-&amp;mail</source>
        <translation>Usuário ou e-&amp;mail</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Senha</translation>
    </message>
    <message>
        <source>Two-factor c&amp;ode</source>
        <translation>Código de dois &amp;fatores</translation>
    </message>
    <message>
        <source>shown next to the token in My Account → Personal Access Tokens</source>
        <translation>mostrado ao lado do token em My Account → Personal Access Tokens</translation>
    </message>
    <message>
        <source>user name or e-mail</source>
        <translation>usuário ou e-mail</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>Chave de &amp;API</translation>
    </message>
    <message>
        <source>User &amp;uuid</source>
        <translation>&amp;UUID do usuário</translation>
    </message>
    <message>
        <source>32 hex characters: ask your Callbell admin or support</source>
        <translation>32 caracteres hexadecimais: peça ao administrador do Callbell ou ao suporte</translation>
    </message>
    <message>
        <source>API &amp;token</source>
        <translation>&amp;Token de API</translation>
    </message>
    <message>
        <source>Find me by</source>
        <translation>Encontrar-me por</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>E-&amp;mail</translation>
    </message>
    <message>
        <source>numeric user id</source>
        <translation>ID numérico do usuário</translation>
    </message>
    <message>
        <source>the e-mail you sign in with</source>
        <translation>o e-mail com que você entra</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>T&amp;estar conexão</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>An account named &apos;{name}&apos; already exists: pick another name.</source>
        <translation>Já existe uma conta chamada “{name}”: escolha outro nome.</translation>
    </message>
    <message>
        <source>Type the address of your workspace.</source>
        <translation>Digite o endereço do seu espaço de trabalho.</translation>
    </message>
    <message>
        <source>Type your user name or e-mail.</source>
        <translation>Digite seu usuário ou e-mail.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Digite sua senha.</translation>
    </message>
    <message>
        <source>Type the {code}.</source>
        <translation>Digite o {code}.</translation>
    </message>
    <message>
        <source>Type the e-mail you sign in with.</source>
        <translation>Digite o e-mail com que você entra.</translation>
    </message>
    <message>
        <source>This does not look like an e-mail address.</source>
        <translation>Isto não parece um endereço de e-mail.</translation>
    </message>
    <message>
        <source>The e-mail look-up needs the API token.</source>
        <translation>A busca por e-mail precisa do token de API.</translation>
    </message>
    <message>
        <source>Type your user id.</source>
        <translation>Digite seu ID de usuário.</translation>
    </message>
    <message>
        <source>Type your user uuid.</source>
        <translation>Digite seu UUID de usuário.</translation>
    </message>
    <message>
        <source>Type your user id, or look it up by e-mail.</source>
        <translation>Digite seu ID de usuário ou busque-o por e-mail.</translation>
    </message>
    <message>
        <source>Paste the token.</source>
        <translation>Cole o token.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testando…</translation>
    </message>
    <message>
        <source>Connected as {user}.</source>
        <translation>Conectado como {user}.</translation>
    </message>
    <message>
        <source>Checking the account…</source>
        <translation>Verificando a conta…</translation>
    </message>
    <message>
        <source>token</source>
        <translation>seu token</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>sua chave de API</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>seu token de API</translation>
    </message>
    <message>
        <source>trayapp forgets this account and deletes its {secret} from the system keyring. Your status on the service stays as it is.</source>
        <translation>O trayapp esquece esta conta e apaga {secret} do chaveiro do sistema. Seu status no serviço continua como está.</translation>
    </message>
    <message>
        <source>Callbell shows an API key only once: adding this account again needs a new key.</source>
        <translation>O Callbell mostra uma chave de API só uma vez: para adicionar esta conta de novo será preciso uma chave nova.</translation>
    </message>
    <message>
        <source>Type the token again to test it: the stored one is never read back.</source>
        <translation>Digite o token de novo para testá-lo: o guardado nunca é lido de volta.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Contas</translation>
    </message>
    <message>
        <source>Connect the services whose status trayapp should set. Tokens are kept in your system keyring.</source>
        <translation>Conecte os serviços cujo status o trayapp deve definir. Os tokens ficam no chaveiro do seu sistema.</translation>
    </message>
    <message>
        <source>No accounts yet. Add one of your accounts, or try trayapp first with made-up demo accounts (nothing is sent anywhere).</source>
        <translation>Ainda não há contas. Adicione uma das suas contas ou experimente antes o trayapp com contas de demonstração inventadas (nada é enviado).</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Adicionar</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Remover…</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Experimentar a &amp;demonstração</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>{service} account “{name}” at {url}</source>
        <translation>Conta do {service} “{name}” em {url}</translation>
    </message>
    <message>
        <source>The service does not accept its token: edit the account to enter a new one</source>
        <translation>O serviço não aceita o token: edite a conta para digitar um novo</translation>
    </message>
    <message>
        <source>&amp;Add an account</source>
        <translation>&amp;Adicionar uma conta</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Remover conta</translation>
    </message>
    <message>
        <source>Remove the {service} account “{name}”?</source>
        <translation>Remover a conta do {service} “{name}”?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Damaged settings were set aside</source>
        <translation>Configurações danificadas foram deixadas de lado</translation>
    </message>
    <message>
        <source>Could not end it now</source>
        <translation>Não foi possível encerrar agora</translation>
    </message>
    <message>
        <source>Could not cancel it</source>
        <translation>Não foi possível cancelar</translation>
    </message>
    <message>
        <source>Could not make it longer</source>
        <translation>Não foi possível prolongar</translation>
    </message>
    <message>
        <source>Launch at login</source>
        <translation>Iniciar ao entrar na sessão</translation>
    </message>
    <message>
        <source>Could not pause the automatic status</source>
        <translation>Não foi possível pausar o status automático</translation>
    </message>
    <message>
        <source>Launch at login would not start trayapp</source>
        <translation>“Iniciar ao entrar na sessão” não iniciaria o trayapp</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demonstração</translation>
    </message>
    <message>
        <source>The demo could not start: {error}</source>
        <translation>A demonstração não pôde iniciar: {error}</translation>
    </message>
    <message>
        <source>Something went wrong inside trayapp. It keeps running; the details were written to the log.</source>
        <translation>Algo deu errado no trayapp. Ele continua funcionando; os detalhes foram gravados no log.</translation>
    </message>
    <message>
        <source>trayapp is already running but does not answer</source>
        <translation>O trayapp já está em execução, mas não responde</translation>
    </message>
    <message>
        <source>Quit the other trayapp (or end it in your task manager) and start it again; see the log: {path}</source>
        <translation>Feche o outro trayapp (ou encerre-o no gerenciador de tarefas) e inicie-o novamente; veja o registro: {path}</translation>
    </message>
</context>
<context>
    <name>choices</name>
    <message>
        <source>Available</source>
        <translation>Disponível</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Predefinição</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Recente</translation>
    </message>
    <message>
        <source>{service} shows: {availability}</source>
        <translation>{service} mostra: {availability}</translation>
    </message>
    <message>
        <source>every account</source>
        <translation>todas as contas</translation>
    </message>
    <message>
        <source>only {accounts}</source>
        <translation>só {accounts}</translation>
    </message>
    <message>
        <source>Create “{name}”…</source>
        <translation>Criar “{name}”…</translation>
    </message>
    <message>
        <source>a new custom status</source>
        <translation>um novo status personalizado</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <source>Something unexpected went wrong; the details are in the log.</source>
        <translation>Algo inesperado deu errado; os detalhes estão no log.</translation>
    </message>
    <message>
        <source>Could not set {change}</source>
        <translation>Não foi possível definir {change}</translation>
    </message>
    <message>
        <source>Could not read the status</source>
        <translation>Não foi possível ler o status</translation>
    </message>
    <message>
        <source>Waiting to send {change}</source>
        <translation>{change} aguardando envio</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Aguardando envio</translation>
    </message>
    <message>
        <source>Could not refresh</source>
        <translation>Não foi possível atualizar</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>A&amp;vailable</source>
        <translation>&amp;Disponível</translation>
    </message>
    <message>
        <source>Awa&amp;y</source>
        <translation>&amp;Ausente</translation>
    </message>
    <message>
        <source>B&amp;usy</source>
        <translation>&amp;Ocupado</translation>
    </message>
    <message>
        <source>Later, at</source>
        <translation>Mais tarde, às</translation>
    </message>
    <message>
        <source>Start later</source>
        <translation>Começar mais tarde</translation>
    </message>
    <message>
        <source>When the status starts</source>
        <translation>Quando o status começa</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Termina às</translation>
    </message>
    <message>
        <source>Set an end</source>
        <translation>Definir um fim</translation>
    </message>
    <message>
        <source>When the status ends</source>
        <translation>Quando o status termina</translation>
    </message>
    <message>
        <source>Sta&amp;rt</source>
        <translation>&amp;Início</translation>
    </message>
    <message>
        <source>En&amp;d</source>
        <translation>&amp;Fim</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>O fim deve ser depois do início.</translation>
    </message>
    <message>
        <source>The end is already past.</source>
        <translation>O fim já passou.</translation>
    </message>
    <message>
        <source>The start is already past; untick it to start now.</source>
        <translation>O início já passou; desmarque para começar agora.</translation>
    </message>
    <message>
        <source>Rocket.Chat: {type}; Callbell: {callbell}; Smartsheet RM: {smartsheet}</source>
        <translation>Rocket.Chat: {type}; Callbell: {callbell}; Smartsheet RM: {smartsheet}</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponível</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>indisponível</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Novo status</translation>
    </message>
    <message>
        <source>e.g. In a meeting</source>
        <translation>ex.: Em reunião</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nome</translation>
    </message>
    <message>
        <source>Show me as</source>
        <translation>Mostrar-me como</translation>
    </message>
    <message>
        <source>Rocket.Chat &amp;type</source>
        <translation>&amp;Tipo no Rocket.Chat</translation>
    </message>
    <message>
        <source>No emoji</source>
        <translation>Nenhum emoji</translation>
    </message>
    <message>
        <source>Optional; type or pick one emoji</source>
        <translation>Opcional; digite ou escolha um emoji</translation>
    </message>
    <message>
        <source>optional, e.g. 📅</source>
        <translation>opcional, ex.: 📅</translation>
    </message>
    <message>
        <source>Callbell emoji</source>
        <translation>Emoji no Callbell</translation>
    </message>
    <message>
        <source>More emoji…</source>
        <translation>Mais emoji…</translation>
    </message>
    <message>
        <source>Callbell &amp;emoji</source>
        <translation>&amp;Emoji no Callbell</translation>
    </message>
    <message>
        <source>Smartsheet RM cannot store new statuses: it shows one of its own, with this name as the message</source>
        <translation>O Smartsheet RM não pode guardar novos status: ele mostra um dos seus, com este nome como mensagem</translation>
    </message>
    <message>
        <source>Smartsheet RM &amp;status</source>
        <translation>&amp;Status no Smartsheet RM</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Mensagem</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Contas</translation>
    </message>
    <message>
        <source>&amp;Apply it now</source>
        <translation>A&amp;plicar agora</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
    <message>
        <source>{service} cannot store new statuses; tick “Apply it now” to set one of its own statuses with this name as the message</source>
        <translation>O {service} não pode guardar novos status; marque “Aplicar agora” para definir um dos status dele com este nome como mensagem</translation>
    </message>
    <message>
        <source>Created “{name}”</source>
        <translation>“{name}” criado</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Criando…</translation>
    </message>
    <message>
        <source>Give the status a name.</source>
        <translation>Dê um nome ao status.</translation>
    </message>
    <message>
        <source>Choose at least one account.</source>
        <translation>Escolha pelo menos uma conta.</translation>
    </message>
    <message>
        <source>Smartsheet RM’s statuses are not loaded yet: refresh first.</source>
        <translation>Os status do Smartsheet RM ainda não foram carregados: atualize primeiro.</translation>
    </message>
</context>
<context>
    <name>emoji</name>
    <message>
        <source>Choose an emoji</source>
        <translation>Escolher um emoji</translation>
    </message>
    <message>
        <source>Search by name: coffee, plane, calendar…</source>
        <translation>Buscar pelo nome em inglês: coffee, plane, calendar…</translation>
    </message>
    <message>
        <source>Choose an emoji (search by name)</source>
        <translation>Escolher um emoji (busca pelo nome)</translation>
    </message>
    <message>
        <source>No emoji</source>
        <translation>Nenhum emoji</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
</context>
<context>
    <name>icons</name>
    <message>
        <source>Available</source>
        <translation>Disponível</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Precisa de atenção</translation>
    </message>
</context>
<context>
    <name>library</name>
    <message>
        <source>your organisation&apos;s</source>
        <translation>da sua organização</translation>
    </message>
</context>
<context>
    <name>menu</name>
    <message>
        <source>until the end of today</source>
        <translation>até o fim do dia</translation>
    </message>
    <message>
        <source>until {time}</source>
        <translation>até {time}</translation>
    </message>
    <message>
        <source>until tomorrow</source>
        <translation>até amanhã</translation>
    </message>
    <message>
        <source>until tomorrow {time}</source>
        <translation>até amanhã às {time}</translation>
    </message>
    <message>
        <source>until {weekday}</source>
        <translation>até {weekday}</translation>
    </message>
    <message>
        <source>until {weekday} {time}</source>
        <translation>até {weekday} às {time}</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>até {date}</translation>
    </message>
    <message>
        <source>until {date} {time}</source>
        <translation>até {date} às {time}</translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation>às {time}</translation>
    </message>
    <message>
        <source>it</source>
        <translation>o status</translation>
    </message>
    <message>
        <source>status not read yet</source>
        <translation>status ainda não lido</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>sem status</translation>
    </message>
    <message>
        <source>token not accepted</source>
        <translation>token não aceito</translation>
    </message>
    <message>
        <source>next: {status} {at}</source>
        <translation>a seguir: {status} {at}</translation>
    </message>
    <message>
        <source>The service no longer accepts the stored token.</source>
        <translation>O serviço não aceita mais o token guardado.</translation>
    </message>
    <message>
        <source>{problem}. Fix it in Accounts…</source>
        <translation>{problem}. Corrija em Contas…</translation>
    </message>
    <message>
        <source>starting the demo…</source>
        <translation>iniciando a demonstração…</translation>
    </message>
    <message>
        <source>no accounts yet</source>
        <translation>ainda não há contas</translation>
    </message>
    <message>
        <source>{status} on {account}</source>
        <translation>{status} em {account}</translation>
    </message>
    <message>
        <source>All statuses ({count})…</source>
        <translation>Todos os status ({count})…</translation>
    </message>
    <message>
        <source>Search them in Set a status…</source>
        <translation>Procure-os em Definir um status…</translation>
    </message>
    <message>
        <source>{what} on {accounts}</source>
        <translation>{what} em {accounts}</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>Encerrar agora</translation>
    </message>
    <message>
        <source>Put back the status from before it</source>
        <translation>Restaurar o status de antes</translation>
    </message>
    <message numerus="yes">
        <source>Keep %n min longer</source>
        <translation>
            <numerusform>Manter %n min a mais</numerusform>
            <numerusform>Manter %n min a mais</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel “{status}” {at}</source>
        <translation>Cancelar “{status}” {at}</translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <translation>Iniciando a demonstração…</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Ainda não há contas</translation>
    </message>
    <message>
        <source>Add an account…</source>
        <translation>Adicionar uma conta…</translation>
    </message>
    <message>
        <source>Open Accounts to enter a new token</source>
        <translation>Abrir Contas para digitar um novo token</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Tentar de novo agora</translation>
    </message>
    <message>
        <source>Presets and recent</source>
        <translation>Predefinições e recentes</translation>
    </message>
    <message>
        <source>Demo mode: nothing leaves this computer</source>
        <translation>Modo de demonstração: nada sai deste computador</translation>
    </message>
    <message>
        <source>New preset…</source>
        <translation>Nova predefinição…</translation>
    </message>
    <message>
        <source>Edit presets…</source>
        <translation>Editar predefinições…</translation>
    </message>
    <message>
        <source>All presets…</source>
        <translation>Todas as predefinições…</translation>
    </message>
    <message>
        <source>Set a status…</source>
        <translation>Definir um status…</translation>
    </message>
    <message>
        <source>Clear status</source>
        <translation>Limpar status</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mais</translation>
    </message>
    <message>
        <source>New status…</source>
        <translation>Novo status…</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Atualizando…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Contas…</translation>
    </message>
    <message>
        <source>Launch at login</source>
        <translation>Iniciar ao entrar na sessão</translation>
    </message>
    <message>
        <source>Not in demo mode</source>
        <translation>Não no modo de demonstração</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>{availability} is not offered by {accounts}</source>
        <translation>{availability} não é oferecido por {accounts}</translation>
    </message>
</context>
<context>
    <name>notices</name>
    <message>
        <source>Scheduled status set</source>
        <translation>Status agendado definido</translation>
    </message>
    <message>
        <source>Status restored</source>
        <translation>Status restaurado</translation>
    </message>
    <message>
        <source>Missed while trayapp was not running</source>
        <translation>Perdido enquanto o trayapp não estava em execução</translation>
    </message>
    <message>
        <source>A scheduled change failed</source>
        <translation>Uma mudança agendada falhou</translation>
    </message>
    <message>
        <source>A scheduled change will be retried</source>
        <translation>Uma mudança agendada será tentada de novo</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>o status</translation>
    </message>
    <message>
        <source>Could not set {change}</source>
        <translation>Não foi possível definir {change}</translation>
    </message>
    <message>
        <source>Could not send</source>
        <translation>Não foi possível enviar</translation>
    </message>
    <message>
        <source>Could not refresh</source>
        <translation>Não foi possível atualizar</translation>
    </message>
    <message>
        <source>{change} not sent yet</source>
        <translation>{change} ainda não enviado</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Your own status was kept</source>
        <translation>Seu próprio status foi mantido</translation>
    </message>
    <message>
        <source>An automatic status change failed</source>
        <translation>Uma mudança automática de status falhou</translation>
    </message>
    <message>
        <source>An automatic status change will be retried</source>
        <translation>Uma mudança automática de status será tentada de novo</translation>
    </message>
    <message>
        <source>Scheduled changes</source>
        <translation>Mudanças agendadas</translation>
    </message>
</context>
<context>
    <name>picker</name>
    <message>
        <source>Don&apos;t clear</source>
        <translation>Não limpar</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>Choose date and time…</source>
        <translation>Escolher data e hora…</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>{count} hours</source>
        <translation>{count} horas</translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation>{count} minutos</translation>
    </message>
    <message>
        <source>Set a status</source>
        <translation>Definir um status</translation>
    </message>
    <message>
        <source>Search presets, statuses, or type a new status</source>
        <translation>Buscar predefinições e status, ou digitar um novo status</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Opções</translation>
    </message>
    <message>
        <source>Clear &amp;after</source>
        <translation>Limpar &amp;depois de</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Vai para</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Definir status</translation>
    </message>
    <message>
        <source>New preset…</source>
        <translation>Nova predefinição…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Excluir…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Criar…</translation>
    </message>
    <message>
        <source>Your organisation’s preset: it cannot be changed here.</source>
        <translation>Predefinição da sua organização: não pode ser alterada aqui.</translation>
    </message>
    <message>
        <source>Choose at least one account.</source>
        <translation>Escolha pelo menos uma conta.</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>New preset</source>
        <translation>Nova predefinição</translation>
    </message>
    <message>
        <source>Preset “{name}”</source>
        <translation>Predefinição “{name}”</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nome</translation>
    </message>
    <message>
        <source>&amp;Emoji</source>
        <translation>&amp;Emoji</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Shows as</source>
        <translation>Aparece como</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <source>Each account</source>
        <translation>Cada conta</translation>
    </message>
    <message>
        <source>Until cleared</source>
        <translation>Até ser limpo</translation>
    </message>
    <message>
        <source>&amp;Lasts</source>
        <translation>&amp;Dura</translation>
    </message>
    <message>
        <source>Your organisation’s preset: it cannot be changed here.</source>
        <translation>Predefinição da sua organização: não pode ser alterada aqui.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>No custom status</source>
        <translation>Nenhum status personalizado</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sem mudança</translation>
    </message>
    <message>
        <source>Give the preset a name.</source>
        <translation>Dê um nome à predefinição.</translation>
    </message>
    <message>
        <source>Give at least one account a status or what it shows.</source>
        <translation>Dê a pelo menos uma conta um status ou o que ela mostra.</translation>
    </message>
    <message>
        <source>This profile keeps no presets.</source>
        <translation>Este perfil não guarda predefinições.</translation>
    </message>
</context>
<context>
    <name>statusedit</name>
    <message>
        <source>Edit “{name}”</source>
        <translation>Editar “{name}”</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nome</translation>
    </message>
    <message>
        <source>Rocket.Chat &amp;shows</source>
        <translation>O Rocket.Chat &amp;mostra</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Give the status a name.</source>
        <translation>Dê um nome ao status.</translation>
    </message>
    <message>
        <source>Delete the preset “{name}”? This cannot be undone.</source>
        <translation>Excluir a predefinição “{name}”? Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <source>Delete the status “{name}”? This cannot be undone.</source>
        <translation>Excluir o status “{name}”? Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <source>Delete “{name}”?</source>
        <translation>Excluir “{name}”?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Could not delete “{name}”</source>
        <translation>Não foi possível excluir “{name}”</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>No system tray was found, so trayapp shows this window instead. On GNOME, install the “AppIndicator and KStatusNotifierItem Support” extension (or “Status Tray”), then start trayapp again.</source>
        <translation>Nenhuma bandeja do sistema foi encontrada, então o trayapp mostra esta janela no lugar. No GNOME, instale a extensão “AppIndicator and KStatusNotifierItem Support” (ou “Status Tray”) e inicie o trayapp de novo.</translation>
    </message>
    <message>
        <source>Run `trayapp doctor` to see why there is no tray.</source>
        <translation>Execute `trayapp doctor` para ver por que não há bandeja.</translation>
    </message>
    <message>
        <source>Set a status…</source>
        <translation>Definir um status…</translation>
    </message>
    <message>
        <source>Statuses and more</source>
        <translation>Status e mais</translation>
    </message>
    <message>
        <source>No accounts yet: open “Statuses and more” → Accounts… to add one.</source>
        <translation>Ainda não há contas: abra “Status e mais” → Contas… para adicionar uma.</translation>
    </message>
</context>
</TS>
