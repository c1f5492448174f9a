<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Menu</name>
    <message>
        <source>{what} on {accounts}</source>
        <translation>{what} en {accounts}</translation>
    </message>
    <message>
        <source>Away while locked: not available on this system</source>
        <translation>Ausente con la pantalla bloqueada: no disponible en este sistema</translation>
    </message>
    <message>
        <source>Away when idle: not available on this system</source>
        <translation>Ausente por inactividad: no disponible en este sistema</translation>
    </message>
    <message>
        <source>&apos;trayapp doctor&apos; says what this system offers</source>
        <translation>&apos;trayapp doctor&apos; indica qué ofrece este sistema</translation>
    </message>
    <message>
        <source>Resume automatic status</source>
        <translation>Reanudar el estado automático</translation>
    </message>
    <message>
        <source>Pause automatic status</source>
        <translation>Pausar el estado automático</translation>
    </message>
    <message>
        <source>Nothing changes by itself while paused; what it set is put back</source>
        <translation>Nada cambia solo durante la pausa; lo que puso se deshace</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>{app} (demo)</source>
        <translation>{app} (demo)</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>requiere atención</translation>
    </message>
</context>
<context>
    <name>accounts</name>
    <message>
        <source>Type the API token to look the e-mail up.</source>
        <translation>Escriba el token de API para buscar el correo.</translation>
    </message>
    <message>
        <source>Edit {service} account</source>
        <translation>Editar la cuenta de {service}</translation>
    </message>
    <message>
        <source>Add {service} account</source>
        <translation>Añadir una cuenta de {service}</translation>
    </message>
    <message>
        <source>stored in the keyring; leave empty to keep it</source>
        <translation>guardado en el llavero; déjelo vacío para conservarlo</translation>
    </message>
    <message>
        <source>A short name for this account, used by the command line too</source>
        <translation>Un nombre corto para esta cuenta, que también usa la línea de comandos</translation>
    </message>
    <message>
        <source>Accounts hosted in the EU</source>
        <translation>Cuentas alojadas en la UE</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Personal access &amp;token</source>
        <translation>&amp;Token de acceso personal</translation>
    </message>
    <message>
        <source>&amp;Username and password</source>
        <translation>&amp;Usuario y contraseña</translation>
    </message>
    <message>
        <source>User &amp;id</source>
        <translation>&amp;ID de usuario</translation>
    </message>
    <message>
        <source>E-mail &amp;look-up</source>
        <translation>&amp;Búsqueda por correo</translation>
    </message>
    <message>
        <source>two-factor code</source>
        <translation>código de dos factores</translation>
    </message>
    <message>
        <source>Account &amp;name</source>
        <translation>&amp;Nombre de la cuenta</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>Di&amp;rección</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Iniciar sesión con</translation>
    </message>
    <message>
        <source>User i&amp;d</source>
        <translation>I&amp;D de usuario</translation>
    </message>
    <message>
        <source>To&amp;ken</source>
        <translation>To&amp;ken</translation>
    </message>
    <message>
        <source>Username or e-&amp;mail</source>
        <translation>Usuario o correo &amp;electrónico</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>Two-factor c&amp;ode</source>
        <translation>Código de dos fact&amp;ores</translation>
    </message>
    <message>
        <source>shown next to the token in My Account → Personal Access Tokens</source>
        <translation>aparece junto al token en My Account → Personal Access Tokens</translation>
    </message>
    <message>
        <source>user name or e-mail</source>
        <translation>usuario o correo electrónico</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>Clave de &amp;API</translation>
    </message>
    <message>
        <source>User &amp;uuid</source>
        <translation>&amp;UUID de usuario</translation>
    </message>
    <message>
        <source>32 hex characters: ask your Callbell admin or support</source>
        <translation>32 caracteres hexadecimales: pídalo a su administrador de Callbell o al soporte</translation>
    </message>
    <message>
        <source>API &amp;token</source>
        <translation>&amp;Token de API</translation>
    </message>
    <message>
        <source>Find me by</source>
        <translation>Encontrarme por</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>&amp;Correo electrónico</translation>
    </message>
    <message>
        <source>numeric user id</source>
        <translation>ID de usuario numérico</translation>
    </message>
    <message>
        <source>the e-mail you sign in with</source>
        <translation>el correo con el que inicia sesión</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>Probar cone&amp;xión</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>An account named &apos;{name}&apos; already exists: pick another name.</source>
        <translation>Ya existe una cuenta llamada «{name}»: elija otro nombre.</translation>
    </message>
    <message>
        <source>Type the address of your workspace.</source>
        <translation>Escriba la dirección de su espacio de trabajo.</translation>
    </message>
    <message>
        <source>Type your user name or e-mail.</source>
        <translation>Escriba su usuario o correo electrónico.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message>
        <source>Type the {code}.</source>
        <translation>Escriba el {code}.</translation>
    </message>
    <message>
        <source>Type the e-mail you sign in with.</source>
        <translation>Escriba el correo con el que inicia sesión.</translation>
    </message>
    <message>
        <source>This does not look like an e-mail address.</source>
        <translation>Esto no parece una dirección de correo.</translation>
    </message>
    <message>
        <source>The e-mail look-up needs the API token.</source>
        <translation>La búsqueda por correo necesita el token de API.</translation>
    </message>
    <message>
        <source>Type your user id.</source>
        <translation>Escriba su ID de usuario.</translation>
    </message>
    <message>
        <source>Type your user uuid.</source>
        <translation>Escriba su UUID de usuario.</translation>
    </message>
    <message>
        <source>Type your user id, or look it up by e-mail.</source>
        <translation>Escriba su ID de usuario o búsquelo por correo.</translation>
    </message>
    <message>
        <source>Paste the token.</source>
        <translation>Pegue el token.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>Connected as {user}.</source>
        <translation>Conectado como {user}.</translation>
    </message>
    <message>
        <source>Checking the account…</source>
        <translation>Comprobando la cuenta…</translation>
    </message>
    <message>
        <source>token</source>
        <translation>su token</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>su clave de API</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>su token de API</translation>
    </message>
    <message>
        <source>trayapp forgets this account and deletes its {secret} from the system keyring. Your status on the service stays as it is.</source>
        <translation>trayapp olvida esta cuenta y borra {secret} del llavero del sistema. Su estado en el servicio se queda como está.</translation>
    </message>
    <message>
        <source>Callbell shows an API key only once: adding this account again needs a new key.</source>
        <translation>Callbell muestra una clave de API una sola vez: para volver a añadir esta cuenta hará falta una nueva.</translation>
    </message>
    <message>
        <source>Type the token again to test it: the stored one is never read back.</source>
        <translation>Vuelva a escribir el token para probarlo: el guardado nunca se vuelve a leer.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Connect the services whose status trayapp should set. Tokens are kept in your system keyring.</source>
        <translation>Conecte los servicios cuyo estado debe poner trayapp. Los tokens se guardan en el llavero de su sistema.</translation>
    </message>
    <message>
        <source>No accounts yet. Add one of your accounts, or try trayapp first with made-up demo accounts (nothing is sent anywhere).</source>
        <translation>Todavía no hay cuentas. Añada una de sus cuentas o pruebe antes trayapp con cuentas de demostración inventadas (no se envía nada).</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Probar la &amp;demo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>{service} account “{name}” at {url}</source>
        <translation>Cuenta de {service} «{name}» en {url}</translation>
    </message>
    <message>
        <source>The service does not accept its token: edit the account to enter a new one</source>
        <translation>El servicio no acepta su token: edite la cuenta para escribir uno nuevo</translation>
    </message>
    <message>
        <source>&amp;Add an account</source>
        <translation>&amp;Añadir una cuenta</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Quitar la cuenta</translation>
    </message>
    <message>
        <source>Remove the {service} account “{name}”?</source>
        <translation>¿Quitar la cuenta de {service} «{name}»?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Damaged settings were set aside</source>
        <translation>Se apartaron unos ajustes dañados</translation>
    </message>
    <message>
        <source>Could not end it now</source>
        <translation>No se pudo terminar ahora</translation>
    </message>
    <message>
        <source>Could not cancel it</source>
        <translation>No se pudo cancelar</translation>
    </message>
    <message>
        <source>Could not make it longer</source>
        <translation>No se pudo alargar</translation>
    </message>
    <message>
        <source>Launch at login</source>
        <translation>Iniciar al iniciar sesión</translation>
    </message>
    <message>
        <source>Could not pause the automatic status</source>
        <translation>No se pudo pausar el estado automático</translation>
    </message>
    <message>
        <source>Launch at login would not start trayapp</source>
        <translation>«Iniciar al iniciar sesión» no arrancaría trayapp</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>The demo could not start: {error}</source>
        <translation>La demo no pudo iniciarse: {error}</translation>
    </message>
    <message>
        <source>Something went wrong inside trayapp. It keeps running; the details were written to the log.</source>
        <translation>Algo salió mal dentro de trayapp. Sigue funcionando; los detalles se guardaron en el registro.</translation>
    </message>
    <message>
        <source>trayapp is already running but does not answer</source>
        <translation>trayapp ya se está ejecutando pero no responde</translation>
    </message>
    <message>
        <source>Quit the other trayapp (or end it in your task manager) and start it again; see the log: {path}</source>
        <translation>Cierre el otro trayapp (o finalícelo en el administrador de tareas) y vuelva a iniciarlo; consulte el registro: {path}</translation>
    </message>
</context>
<context>
    <name>choices</name>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
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
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Ajuste guardado</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Reciente</translation>
    </message>
    <message>
        <source>{service} shows: {availability}</source>
        <translation>{service} muestra: {availability}</translation>
    </message>
    <message>
        <source>every account</source>
        <translation>todas las cuentas</translation>
    </message>
    <message>
        <source>only {accounts}</source>
        <translation>solo {accounts}</translation>
    </message>
    <message>
        <source>Create “{name}”…</source>
        <translation>Crear «{name}»…</translation>
    </message>
    <message>
        <source>a new custom status</source>
        <translation>un nuevo estado personalizado</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <source>Something unexpected went wrong; the details are in the log.</source>
        <translation>Algo inesperado salió mal; los detalles están en el registro.</translation>
    </message>
    <message>
        <source>Could not set {change}</source>
        <translation>No se pudo poner {change}</translation>
    </message>
    <message>
        <source>Could not read the status</source>
        <translation>No se pudo leer el estado</translation>
    </message>
    <message>
        <source>Waiting to send {change}</source>
        <translation>{change} a la espera de envío</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>A la espera de envío</translation>
    </message>
    <message>
        <source>Could not refresh</source>
        <translation>No se pudo actualizar</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
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
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>A&amp;vailable</source>
        <translation>&amp;Disponible</translation>
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
        <translation>Más tarde, a las</translation>
    </message>
    <message>
        <source>Start later</source>
        <translation>Empezar más tarde</translation>
    </message>
    <message>
        <source>When the status starts</source>
        <translation>Cuándo empieza el estado</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Termina a las</translation>
    </message>
    <message>
        <source>Set an end</source>
        <translation>Fijar un final</translation>
    </message>
    <message>
        <source>When the status ends</source>
        <translation>Cuándo termina el estado</translation>
    </message>
    <message>
        <source>Sta&amp;rt</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <source>En&amp;d</source>
        <translation>&amp;Fin</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>El final debe ser posterior al inicio.</translation>
    </message>
    <message>
        <source>The end is already past.</source>
        <translation>El final ya pasó.</translation>
    </message>
    <message>
        <source>The start is already past; untick it to start now.</source>
        <translation>El inicio ya pasó; desmárquelo para empezar ahora.</translation>
    </message>
    <message>
        <source>Rocket.Chat: {type}; Callbell: {callbell}; Smartsheet RM: {smartsheet}</source>
        <translation>Rocket.Chat: {type}; Callbell: {callbell}; Smartsheet RM: {smartsheet}</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>no disponible</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Nuevo estado</translation>
    </message>
    <message>
        <source>e.g. In a meeting</source>
        <translation>p. ej. En una reunión</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>Show me as</source>
        <translation>Mostrarme como</translation>
    </message>
    <message>
        <source>Rocket.Chat &amp;type</source>
        <translation>&amp;Tipo de Rocket.Chat</translation>
    </message>
    <message>
        <source>No emoji</source>
        <translation>Sin emoji</translation>
    </message>
    <message>
        <source>Optional; type or pick one emoji</source>
        <translation>Opcional; escriba o elija un emoji</translation>
    </message>
    <message>
        <source>optional, e.g. 📅</source>
        <translation>opcional, p. ej. 📅</translation>
    </message>
    <message>
        <source>Callbell emoji</source>
        <translation>Emoji de Callbell</translation>
    </message>
    <message>
        <source>More emoji…</source>
        <translation>Más emoji…</translation>
    </message>
    <message>
        <source>Callbell &amp;emoji</source>
        <translation>&amp;Emoji de Callbell</translation>
    </message>
    <message>
        <source>Smartsheet RM cannot store new statuses: it shows one of its own, with this name as the message</source>
        <translation>Smartsheet RM no puede guardar estados nuevos: muestra uno de los suyos, con este nombre como mensaje</translation>
    </message>
    <message>
        <source>Smartsheet RM &amp;status</source>
        <translation>E&amp;stado de Smartsheet RM</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Mensaje</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>&amp;Apply it now</source>
        <translation>A&amp;plicar ahora</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>{service} cannot store new statuses; tick “Apply it now” to set one of its own statuses with this name as the message</source>
        <translation>{service} no puede guardar estados nuevos; marque «Aplicar ahora» para poner uno de sus propios estados con este nombre como mensaje</translation>
    </message>
    <message>
        <source>Created “{name}”</source>
        <translation>«{name}» creado</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Creando…</translation>
    </message>
    <message>
        <source>Give the status a name.</source>
        <translation>Póngale un nombre al estado.</translation>
    </message>
    <message>
        <source>Choose at least one account.</source>
        <translation>Elija al menos una cuenta.</translation>
    </message>
    <message>
        <source>Smartsheet RM’s statuses are not loaded yet: refresh first.</source>
        <translation>Los estados de Smartsheet RM aún no se han cargado: actualice primero.</translation>
    </message>
</context>
<context>
    <name>emoji</name>
    <message>
        <source>Choose an emoji</source>
        <translation>Elegir un emoji</translation>
    </message>
    <message>
        <source>Search by name: coffee, plane, calendar…</source>
        <translation>Buscar por nombre en inglés: coffee, plane, calendar…</translation>
    </message>
    <message>
        <source>Choose an emoji (search by name)</source>
        <translation>Elegir un emoji (búsqueda por nombre)</translation>
    </message>
    <message>
        <source>No emoji</source>
        <translation>Sin emoji</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
</context>
<context>
    <name>icons</name>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
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
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
</context>
<context>
    <name>library</name>
    <message>
        <source>your organisation&apos;s</source>
        <translation>de su organización</translation>
    </message>
</context>
<context>
    <name>menu</name>
    <message>
        <source>until the end of today</source>
        <translation>hasta el final del día</translation>
    </message>
    <message>
        <source>until {time}</source>
        <translation>hasta las {time}</translation>
    </message>
    <message>
        <source>until tomorrow</source>
        <translation>hasta mañana</translation>
    </message>
    <message>
        <source>until tomorrow {time}</source>
        <translation>hasta mañana a las {time}</translation>
    </message>
    <message>
        <source>until {weekday}</source>
        <translation>hasta el {weekday}</translation>
    </message>
    <message>
        <source>until {weekday} {time}</source>
        <translation>hasta el {weekday} a las {time}</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>hasta el {date}</translation>
    </message>
    <message>
        <source>until {date} {time}</source>
        <translation>hasta el {date} a las {time}</translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation>a las {time}</translation>
    </message>
    <message>
        <source>it</source>
        <translation>el estado</translation>
    </message>
    <message>
        <source>status not read yet</source>
        <translation>estado aún no leído</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>sin estado</translation>
    </message>
    <message>
        <source>token not accepted</source>
        <translation>token no aceptado</translation>
    </message>
    <message>
        <source>next: {status} {at}</source>
        <translation>después: {status} {at}</translation>
    </message>
    <message>
        <source>The service no longer accepts the stored token.</source>
        <translation>El servicio ya no acepta el token guardado.</translation>
    </message>
    <message>
        <source>{problem}. Fix it in Accounts…</source>
        <translation>{problem}. Arréglelo en Cuentas…</translation>
    </message>
    <message>
        <source>starting the demo…</source>
        <translation>iniciando la demo…</translation>
    </message>
    <message>
        <source>no accounts yet</source>
        <translation>todavía no hay cuentas</translation>
    </message>
    <message>
        <source>{status} on {account}</source>
        <translation>{status} en {account}</translation>
    </message>
    <message>
        <source>All statuses ({count})…</source>
        <translation>Todos los estados ({count})…</translation>
    </message>
    <message>
        <source>Search them in Set a status…</source>
        <translation>Búsquelos en Poner un estado…</translation>
    </message>
    <message>
        <source>{what} on {accounts}</source>
        <translation>{what} en {accounts}</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>Terminar ahora</translation>
    </message>
    <message>
        <source>Put back the status from before it</source>
        <translation>Restaurar el estado de antes</translation>
    </message>
    <message numerus="yes">
        <source>Keep %n min longer</source>
        <translation>
            <numerusform>Mantener %n min más</numerusform>
            <numerusform>Mantener %n min más</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel “{status}” {at}</source>
        <translation>Cancelar «{status}» {at}</translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <translation>Iniciando la demo…</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Todavía no hay cuentas</translation>
    </message>
    <message>
        <source>Add an account…</source>
        <translation>Añadir una cuenta…</translation>
    </message>
    <message>
        <source>Open Accounts to enter a new token</source>
        <translation>Abrir Cuentas para escribir un token nuevo</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <source>Presets and recent</source>
        <translation>Ajustes guardados y recientes</translation>
    </message>
    <message>
        <source>Demo mode: nothing leaves this computer</source>
        <translation>Modo demo: nada sale de este equipo</translation>
    </message>
    <message>
        <source>New preset…</source>
        <translation>Nuevo ajuste guardado…</translation>
    </message>
    <message>
        <source>Edit presets…</source>
        <translation>Editar los ajustes guardados…</translation>
    </message>
    <message>
        <source>All presets…</source>
        <translation>Todos los ajustes guardados…</translation>
    </message>
    <message>
        <source>Set a status…</source>
        <translation>Poner un estado…</translation>
    </message>
    <message>
        <source>Clear status</source>
        <translation>Borrar el estado</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Más</translation>
    </message>
    <message>
        <source>New status…</source>
        <translation>Nuevo estado…</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Actualizando…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Cuentas…</translation>
    </message>
    <message>
        <source>Launch at login</source>
        <translation>Iniciar al iniciar sesión</translation>
    </message>
    <message>
        <source>Not in demo mode</source>
        <translation>No en modo demo</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>{availability} is not offered by {accounts}</source>
        <translation>{accounts} no ofrece {availability}</translation>
    </message>
</context>
<context>
    <name>notices</name>
    <message>
        <source>Scheduled status set</source>
        <translation>Estado programado puesto</translation>
    </message>
    <message>
        <source>Status restored</source>
        <translation>Estado restaurado</translation>
    </message>
    <message>
        <source>Missed while trayapp was not running</source>
        <translation>Perdido mientras trayapp no se ejecutaba</translation>
    </message>
    <message>
        <source>A scheduled change failed</source>
        <translation>Falló un cambio programado</translation>
    </message>
    <message>
        <source>A scheduled change will be retried</source>
        <translation>Se reintentará un cambio programado</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>el estado</translation>
    </message>
    <message>
        <source>Could not set {change}</source>
        <translation>No se pudo poner {change}</translation>
    </message>
    <message>
        <source>Could not send</source>
        <translation>No se pudo enviar</translation>
    </message>
    <message>
        <source>Could not refresh</source>
        <translation>No se pudo actualizar</translation>
    </message>
    <message>
        <source>{change} not sent yet</source>
        <translation>{change} aún no enviado</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Your own status was kept</source>
        <translation>Se mantuvo su propio estado</translation>
    </message>
    <message>
        <source>An automatic status change failed</source>
        <translation>Falló un cambio de estado automático</translation>
    </message>
    <message>
        <source>An automatic status change will be retried</source>
        <translation>Se reintentará un cambio de estado automático</translation>
    </message>
    <message>
        <source>Scheduled changes</source>
        <translation>Cambios programados</translation>
    </message>
</context>
<context>
    <name>picker</name>
    <message>
        <source>Don&apos;t clear</source>
        <translation>No borrar</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>Choose date and time…</source>
        <translation>Elegir fecha y hora…</translation>
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
        <translation>Poner un estado</translation>
    </message>
    <message>
        <source>Search presets, statuses, or type a new status</source>
        <translation>Buscar ajustes guardados y estados, o escribir un estado nuevo</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <source>Clear &amp;after</source>
        <translation>Borrar &amp;después de</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Va a</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Poner el estado</translation>
    </message>
    <message>
        <source>New preset…</source>
        <translation>Nuevo ajuste guardado…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Borrar…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Crear…</translation>
    </message>
    <message>
        <source>Your organisation’s preset: it cannot be changed here.</source>
        <translation>Ajuste guardado de su organización: no se puede cambiar aquí.</translation>
    </message>
    <message>
        <source>Choose at least one account.</source>
        <translation>Elija al menos una cuenta.</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>New preset</source>
        <translation>Nuevo ajuste guardado</translation>
    </message>
    <message>
        <source>Preset “{name}”</source>
        <translation>Ajuste guardado «{name}»</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Emoji</source>
        <translation>&amp;Emoji</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Shows as</source>
        <translation>Se muestra como</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Each account</source>
        <translation>Cada cuenta</translation>
    </message>
    <message>
        <source>Until cleared</source>
        <translation>Hasta que se borre</translation>
    </message>
    <message>
        <source>&amp;Lasts</source>
        <translation>&amp;Dura</translation>
    </message>
    <message>
        <source>Your organisation’s preset: it cannot be changed here.</source>
        <translation>Ajuste guardado de su organización: no se puede cambiar aquí.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>No custom status</source>
        <translation>Sin estado personalizado</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <source>Give the preset a name.</source>
        <translation>Póngale un nombre al ajuste guardado.</translation>
    </message>
    <message>
        <source>Give at least one account a status or what it shows.</source>
        <translation>Asigne a al menos una cuenta un estado o lo que muestra.</translation>
    </message>
    <message>
        <source>This profile keeps no presets.</source>
        <translation>Este perfil no guarda ajustes.</translation>
    </message>
</context>
<context>
    <name>statusedit</name>
    <message>
        <source>Edit “{name}”</source>
        <translation>Editar «{name}»</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>Rocket.Chat &amp;shows</source>
        <translation>Rocket.Chat &amp;muestra</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Give the status a name.</source>
        <translation>Póngale un nombre al estado.</translation>
    </message>
    <message>
        <source>Delete the preset “{name}”? This cannot be undone.</source>
        <translation>¿Borrar el ajuste guardado «{name}»? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete the status “{name}”? This cannot be undone.</source>
        <translation>¿Borrar el estado «{name}»? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete “{name}”?</source>
        <translation>¿Borrar «{name}»?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Could not delete “{name}”</source>
        <translation>No se pudo borrar «{name}»</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>No system tray was found, so trayapp shows this window instead. On GNOME, install the “AppIndicator and KStatusNotifierItem Support” extension (or “Status Tray”), then start trayapp again.</source>
        <translation>No se encontró ninguna bandeja del sistema, así que trayapp muestra esta ventana en su lugar. En GNOME, instale la extensión «AppIndicator and KStatusNotifierItem Support» (o «Status Tray») y vuelva a iniciar trayapp.</translation>
    </message>
    <message>
        <source>Run `trayapp doctor` to see why there is no tray.</source>
        <translation>Ejecute `trayapp doctor` para ver por qué no hay bandeja.</translation>
    </message>
    <message>
        <source>Set a status…</source>
        <translation>Poner un estado…</translation>
    </message>
    <message>
        <source>Statuses and more</source>
        <translation>Estados y más</translation>
    </message>
    <message>
        <source>No accounts yet: open “Statuses and more” → Accounts… to add one.</source>
        <translation>Todavía no hay cuentas: abra «Estados y más» → Cuentas… para añadir una.</translation>
    </message>
</context>
</TS>
