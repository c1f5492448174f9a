<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
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
        <source>Optional; type or pick one emoji</source>
        <translation>Opcional; escriba o elija un emoji</translation>
    </message>
    <message>
        <source>optional, e.g. 📅</source>
        <translation>opcional, p. ej. 📅</translation>
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
    <message>
        <source>Set status for…</source>
        <translation>Poner el estado durante…</translation>
    </message>
    <message>
        <source>{status} on every account that has it</source>
        <translation>{status} en cada cuenta que lo ofrece</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
</context>
</TS>
