<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
<context>
    <name>app</name>
    <message>
        <source>Damaged settings were set aside</source>
        <translation>Impostazioni danneggiate messe da parte</translation>
    </message>
    <message>
        <source>Could not end it now</source>
        <translation>Impossibile terminarlo ora</translation>
    </message>
    <message>
        <source>Could not cancel it</source>
        <translation>Impossibile annullarlo</translation>
    </message>
    <message>
        <source>Could not make it longer</source>
        <translation>Impossibile prolungarlo</translation>
    </message>
    <message>
        <source>Launch at login</source>
        <translation>Avvia all’accesso</translation>
    </message>
    <message>
        <source>Launch at login would not start trayapp</source>
        <translation>«Avvia all’accesso» non avvierebbe trayapp</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>The demo could not start: {error}</source>
        <translation>Impossibile avviare la demo: {error}</translation>
    </message>
    <message>
        <source>Something went wrong inside trayapp. It keeps running; the details were written to the log.</source>
        <translation>Qualcosa è andato storto in trayapp. Continua a funzionare; i dettagli sono stati scritti nel registro.</translation>
    </message>
    <message>
        <source>trayapp is already running but does not answer</source>
        <translation>trayapp è già in esecuzione ma non risponde</translation>
    </message>
    <message>
        <source>Quit the other trayapp (or end it in your task manager) and start it again; see the log: {path}</source>
        <translation>Chiudi l’altro trayapp (o terminalo dal gestore attività) e avvialo di nuovo; vedi il registro: {path}</translation>
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
        <translation>Assente</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupato</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>A&amp;vailable</source>
        <translation>&amp;Disponibile</translation>
    </message>
    <message>
        <source>Awa&amp;y</source>
        <translation>&amp;Assente</translation>
    </message>
    <message>
        <source>B&amp;usy</source>
        <translation>&amp;Occupato</translation>
    </message>
    <message>
        <source>Later, at</source>
        <translation>Più tardi, alle</translation>
    </message>
    <message>
        <source>Start later</source>
        <translation>Inizia più tardi</translation>
    </message>
    <message>
        <source>When the status starts</source>
        <translation>Quando inizia lo stato</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Termina alle</translation>
    </message>
    <message>
        <source>Set an end</source>
        <translation>Imposta una fine</translation>
    </message>
    <message>
        <source>When the status ends</source>
        <translation>Quando termina lo stato</translation>
    </message>
    <message>
        <source>Sta&amp;rt</source>
        <translation>&amp;Inizio</translation>
    </message>
    <message>
        <source>En&amp;d</source>
        <translation>&amp;Fine</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>La fine deve essere dopo l’inizio.</translation>
    </message>
    <message>
        <source>The end is already past.</source>
        <translation>La fine è già passata.</translation>
    </message>
    <message>
        <source>The start is already past; untick it to start now.</source>
        <translation>L’inizio è già passato; togli la spunta per iniziare ora.</translation>
    </message>
    <message>
        <source>Rocket.Chat: {type}; Callbell: {callbell}; Smartsheet RM: {smartsheet}</source>
        <translation>Rocket.Chat: {type}; Callbell: {callbell}; Smartsheet RM: {smartsheet}</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponibile</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>non disponibile</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Nuovo stato</translation>
    </message>
    <message>
        <source>e.g. In a meeting</source>
        <translation>es. In riunione</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nome</translation>
    </message>
    <message>
        <source>Show me as</source>
        <translation>Mostrami come</translation>
    </message>
    <message>
        <source>Rocket.Chat &amp;type</source>
        <translation>&amp;Tipo Rocket.Chat</translation>
    </message>
    <message>
        <source>Optional; type or pick one emoji</source>
        <translation>Facoltativo; digita o scegli un emoji</translation>
    </message>
    <message>
        <source>optional, e.g. 📅</source>
        <translation>facoltativo, es. 📅</translation>
    </message>
    <message>
        <source>Callbell &amp;emoji</source>
        <translation>&amp;Emoji Callbell</translation>
    </message>
    <message>
        <source>Smartsheet RM cannot store new statuses: it shows one of its own, with this name as the message</source>
        <translation>Smartsheet RM non può salvare nuovi stati: ne mostra uno dei suoi, con questo nome come messaggio</translation>
    </message>
    <message>
        <source>Smartsheet RM &amp;status</source>
        <translation>&amp;Stato Smartsheet RM</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facoltativo</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Messaggio</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>&amp;Apply it now</source>
        <translation>A&amp;pplica subito</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crea</translation>
    </message>
    <message>
        <source>{service} cannot store new statuses; tick “Apply it now” to set one of its own statuses with this name as the message</source>
        <translation>{service} non può salvare nuovi stati; spunta «Applica subito» per impostare uno dei suoi stati con questo nome come messaggio</translation>
    </message>
    <message>
        <source>Created “{name}”</source>
        <translation>«{name}» creato</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Creazione…</translation>
    </message>
    <message>
        <source>Give the status a name.</source>
        <translation>Dai un nome allo stato.</translation>
    </message>
    <message>
        <source>Choose at least one account.</source>
        <translation>Scegli almeno un account.</translation>
    </message>
    <message>
        <source>Smartsheet RM’s statuses are not loaded yet: refresh first.</source>
        <translation>Gli stati di Smartsheet RM non sono ancora caricati: aggiorna prima.</translation>
    </message>
    <message>
        <source>Set status for…</source>
        <translation>Imposta lo stato per…</translation>
    </message>
    <message>
        <source>{status} on every account that has it</source>
        <translation>{status} su ogni account che lo offre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Applica</translation>
    </message>
</context>
</TS>
