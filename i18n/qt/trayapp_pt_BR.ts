<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="en">
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
        <source>Optional; type or pick one emoji</source>
        <translation>Opcional; digite ou escolha um emoji</translation>
    </message>
    <message>
        <source>optional, e.g. 📅</source>
        <translation>opcional, ex.: 📅</translation>
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
    <message>
        <source>Set status for…</source>
        <translation>Definir status por…</translation>
    </message>
    <message>
        <source>{status} on every account that has it</source>
        <translation>{status} em cada conta que o oferece</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
</context>
</TS>
