<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
<context>
    <name>Menu</name>
    <message>
        <source>{what} on {accounts}</source>
        <translation>{what} su {accounts}</translation>
    </message>
    <message>
        <source>Away while locked: not available on this system</source>
        <translation>Assente con lo schermo bloccato: non disponibile su questo sistema</translation>
    </message>
    <message>
        <source>Away when idle: not available on this system</source>
        <translation>Assente per inattività: non disponibile su questo sistema</translation>
    </message>
    <message>
        <source>&apos;trayapp doctor&apos; says what this system offers</source>
        <translation>&apos;trayapp doctor&apos; indica cosa offre questo sistema</translation>
    </message>
    <message>
        <source>Resume automatic status</source>
        <translation>Riprendi lo stato automatico</translation>
    </message>
    <message>
        <source>Pause automatic status</source>
        <translation>Metti in pausa lo stato automatico</translation>
    </message>
    <message>
        <source>Nothing changes by itself while paused; what it set is put back</source>
        <translation>Durante la pausa nulla cambia da solo; ciò che aveva impostato viene ripristinato</translation>
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
        <translation>richiede attenzione</translation>
    </message>
</context>
<context>
    <name>accounts</name>
    <message>
        <source>Type the API token to look the e-mail up.</source>
        <translation>Digita il token API per cercare l’e-mail.</translation>
    </message>
    <message>
        <source>Edit {service} account</source>
        <translation>Modifica l’account {service}</translation>
    </message>
    <message>
        <source>Add {service} account</source>
        <translation>Aggiungi un account {service}</translation>
    </message>
    <message>
        <source>stored in the keyring; leave empty to keep it</source>
        <translation>salvato nel portachiavi; lascia vuoto per mantenerlo</translation>
    </message>
    <message>
        <source>A short name for this account, used by the command line too</source>
        <translation>Un nome breve per questo account, usato anche dalla riga di comando</translation>
    </message>
    <message>
        <source>Accounts hosted in the EU</source>
        <translation>Account ospitati nell’UE</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>Personal access &amp;token</source>
        <translation>&amp;Token di accesso personale</translation>
    </message>
    <message>
        <source>&amp;Username and password</source>
        <translation>Nome &amp;utente e password</translation>
    </message>
    <message>
        <source>User &amp;id</source>
        <translation>&amp;ID utente</translation>
    </message>
    <message>
        <source>E-mail &amp;look-up</source>
        <translation>Ricerca per e-mai&amp;l</translation>
    </message>
    <message>
        <source>two-factor code</source>
        <translation>codice a due fattori</translation>
    </message>
    <message>
        <source>Account &amp;name</source>
        <translation>&amp;Nome account</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>Indiri&amp;zzo</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Accedi con</translation>
    </message>
    <message>
        <source>User i&amp;d</source>
        <translation>I&amp;D utente</translation>
    </message>
    <message>
        <source>To&amp;ken</source>
        <translation>To&amp;ken</translation>
    </message>
    <message>
        <source>Username or e-&amp;mail</source>
        <translation>Nome utente o e-&amp;mail</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Two-factor c&amp;ode</source>
        <translation>C&amp;odice a due fattori</translation>
    </message>
    <message>
        <source>shown next to the token in My Account → Personal Access Tokens</source>
        <translation>mostrato accanto al token in My Account → Personal Access Tokens</translation>
    </message>
    <message>
        <source>user name or e-mail</source>
        <translation>nome utente o e-mail</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>Chiave &amp;API</translation>
    </message>
    <message>
        <source>User &amp;uuid</source>
        <translation>&amp;UUID utente</translation>
    </message>
    <message>
        <source>32 hex characters: ask your Callbell admin or support</source>
        <translation>32 caratteri esadecimali: chiedi al tuo amministratore Callbell o al supporto</translation>
    </message>
    <message>
        <source>API &amp;token</source>
        <translation>&amp;Token API</translation>
    </message>
    <message>
        <source>Find me by</source>
        <translation>Trovami tramite</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>E-&amp;mail</translation>
    </message>
    <message>
        <source>numeric user id</source>
        <translation>ID utente numerico</translation>
    </message>
    <message>
        <source>the e-mail you sign in with</source>
        <translation>l’e-mail con cui accedi</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>Prova conn&amp;essione</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>An account named &apos;{name}&apos; already exists: pick another name.</source>
        <translation>Esiste già un account chiamato «{name}»: scegli un altro nome.</translation>
    </message>
    <message>
        <source>Type the address of your workspace.</source>
        <translation>Digita l’indirizzo del tuo spazio di lavoro.</translation>
    </message>
    <message>
        <source>Type your user name or e-mail.</source>
        <translation>Digita il tuo nome utente o la tua e-mail.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Digita la tua password.</translation>
    </message>
    <message>
        <source>Type the {code}.</source>
        <translation>Digita il {code}.</translation>
    </message>
    <message>
        <source>Type the e-mail you sign in with.</source>
        <translation>Digita l’e-mail con cui accedi.</translation>
    </message>
    <message>
        <source>This does not look like an e-mail address.</source>
        <translation>Non sembra un indirizzo e-mail.</translation>
    </message>
    <message>
        <source>The e-mail look-up needs the API token.</source>
        <translation>La ricerca per e-mail richiede il token API.</translation>
    </message>
    <message>
        <source>Type your user id.</source>
        <translation>Digita il tuo ID utente.</translation>
    </message>
    <message>
        <source>Type your user uuid.</source>
        <translation>Digita il tuo UUID utente.</translation>
    </message>
    <message>
        <source>Type your user id, or look it up by e-mail.</source>
        <translation>Digita il tuo ID utente o cercalo per e-mail.</translation>
    </message>
    <message>
        <source>Paste the token.</source>
        <translation>Incolla il token.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Verifica in corso…</translation>
    </message>
    <message>
        <source>Connected as {user}.</source>
        <translation>Connesso come {user}.</translation>
    </message>
    <message>
        <source>Checking the account…</source>
        <translation>Controllo dell’account…</translation>
    </message>
    <message>
        <source>token</source>
        <translation>il suo token</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>la sua chiave API</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>il suo token API</translation>
    </message>
    <message>
        <source>trayapp forgets this account and deletes its {secret} from the system keyring. Your status on the service stays as it is.</source>
        <translation>trayapp dimentica questo account ed elimina {secret} dal portachiavi di sistema. Il tuo stato sul servizio resta com’è.</translation>
    </message>
    <message>
        <source>Callbell shows an API key only once: adding this account again needs a new key.</source>
        <translation>Callbell mostra una chiave API una volta sola: per aggiungere di nuovo questo account serve una chiave nuova.</translation>
    </message>
    <message>
        <source>Type the token again to test it: the stored one is never read back.</source>
        <translation>Digita di nuovo il token per provarlo: quello salvato non viene mai riletto.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Connect the services whose status trayapp should set. Tokens are kept in your system keyring.</source>
        <translation>Collega i servizi di cui trayapp deve impostare lo stato. I token sono conservati nel portachiavi di sistema.</translation>
    </message>
    <message>
        <source>No accounts yet. Add one of your accounts, or try trayapp first with made-up demo accounts (nothing is sent anywhere).</source>
        <translation>Ancora nessun account. Aggiungi uno dei tuoi account, oppure prova prima trayapp con account dimostrativi inventati (non viene inviato nulla).</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Aggiungi</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifica…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Rimuovi…</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Prova la &amp;demo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>{service} account “{name}” at {url}</source>
        <translation>Account {service} «{name}» su {url}</translation>
    </message>
    <message>
        <source>The service does not accept its token: edit the account to enter a new one</source>
        <translation>Il servizio non accetta il suo token: modifica l’account per inserirne uno nuovo</translation>
    </message>
    <message>
        <source>&amp;Add an account</source>
        <translation>&amp;Aggiungi un account</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Rimuovi account</translation>
    </message>
    <message>
        <source>Remove the {service} account “{name}”?</source>
        <translation>Rimuovere l’account {service} «{name}»?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
</context>
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
        <source>Could not pause the automatic status</source>
        <translation>Impossibile mettere in pausa lo stato automatico</translation>
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
    <name>choices</name>
    <message>
        <source>Available</source>
        <translation>Disponibile</translation>
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
        <source>Preset</source>
        <translation>Preset</translation>
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
        <translation>tutti gli account</translation>
    </message>
    <message>
        <source>only {accounts}</source>
        <translation>solo {accounts}</translation>
    </message>
    <message>
        <source>Create “{name}”…</source>
        <translation>Crea «{name}»…</translation>
    </message>
    <message>
        <source>a new custom status</source>
        <translation>un nuovo stato personalizzato</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <source>Something unexpected went wrong; the details are in the log.</source>
        <translation>Qualcosa di imprevisto è andato storto; i dettagli sono nel registro.</translation>
    </message>
    <message>
        <source>Could not set {change}</source>
        <translation>Impossibile impostare {change}</translation>
    </message>
    <message>
        <source>Could not read the status</source>
        <translation>Impossibile leggere lo stato</translation>
    </message>
    <message>
        <source>Waiting to send {change}</source>
        <translation>{change} in attesa di invio</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>In attesa di invio</translation>
    </message>
    <message>
        <source>Could not refresh</source>
        <translation>Impossibile aggiornare</translation>
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
        <source>No emoji</source>
        <translation>Nessun emoji</translation>
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
        <source>Callbell emoji</source>
        <translation>Emoji Callbell</translation>
    </message>
    <message>
        <source>More emoji…</source>
        <translation>Altri emoji…</translation>
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
</context>
<context>
    <name>emoji</name>
    <message>
        <source>Choose an emoji</source>
        <translation>Scegli un emoji</translation>
    </message>
    <message>
        <source>Search by name: coffee, plane, calendar…</source>
        <translation>Cerca per nome inglese: coffee, plane, calendar…</translation>
    </message>
    <message>
        <source>Choose an emoji (search by name)</source>
        <translation>Scegli un emoji (ricerca per nome)</translation>
    </message>
    <message>
        <source>No emoji</source>
        <translation>Nessun emoji</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Scegli…</translation>
    </message>
</context>
<context>
    <name>icons</name>
    <message>
        <source>Available</source>
        <translation>Disponibile</translation>
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
        <source>Needs attention</source>
        <translation>Richiede attenzione</translation>
    </message>
</context>
<context>
    <name>library</name>
    <message>
        <source>your organisation&apos;s</source>
        <translation>della tua organizzazione</translation>
    </message>
</context>
<context>
    <name>menu</name>
    <message>
        <source>until the end of today</source>
        <translation>fino a stasera</translation>
    </message>
    <message>
        <source>until {time}</source>
        <translation>fino alle {time}</translation>
    </message>
    <message>
        <source>until tomorrow</source>
        <translation>fino a domani</translation>
    </message>
    <message>
        <source>until tomorrow {time}</source>
        <translation>fino a domani alle {time}</translation>
    </message>
    <message>
        <source>until {weekday}</source>
        <translation>fino a {weekday}</translation>
    </message>
    <message>
        <source>until {weekday} {time}</source>
        <translation>fino a {weekday} alle {time}</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>fino al {date}</translation>
    </message>
    <message>
        <source>until {date} {time}</source>
        <translation>fino al {date} alle {time}</translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation>alle {time}</translation>
    </message>
    <message>
        <source>it</source>
        <translation>lo stato</translation>
    </message>
    <message>
        <source>status not read yet</source>
        <translation>stato non ancora letto</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>nessuno stato</translation>
    </message>
    <message>
        <source>token not accepted</source>
        <translation>token non accettato</translation>
    </message>
    <message>
        <source>next: {status} {at}</source>
        <translation>poi: {status} {at}</translation>
    </message>
    <message>
        <source>The service no longer accepts the stored token.</source>
        <translation>Il servizio non accetta più il token salvato.</translation>
    </message>
    <message>
        <source>{problem}. Fix it in Accounts…</source>
        <translation>{problem}. Correggilo in Account…</translation>
    </message>
    <message>
        <source>starting the demo…</source>
        <translation>avvio della demo…</translation>
    </message>
    <message>
        <source>no accounts yet</source>
        <translation>ancora nessun account</translation>
    </message>
    <message>
        <source>{status} on {account}</source>
        <translation>{status} su {account}</translation>
    </message>
    <message>
        <source>All statuses ({count})…</source>
        <translation>Tutti gli stati ({count})…</translation>
    </message>
    <message>
        <source>Search them in Set a status…</source>
        <translation>Cercali in Imposta uno stato…</translation>
    </message>
    <message>
        <source>{what} on {accounts}</source>
        <translation>{what} su {accounts}</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>Termina ora</translation>
    </message>
    <message>
        <source>Put back the status from before it</source>
        <translation>Ripristina lo stato di prima</translation>
    </message>
    <message numerus="yes">
        <source>Keep %n min longer</source>
        <translation>
            <numerusform>Mantieni %n min in più</numerusform>
            <numerusform>Mantieni %n min in più</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel “{status}” {at}</source>
        <translation>Annulla «{status}» {at}</translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <translation>Avvio della demo…</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Ancora nessun account</translation>
    </message>
    <message>
        <source>Add an account…</source>
        <translation>Aggiungi un account…</translation>
    </message>
    <message>
        <source>Open Accounts to enter a new token</source>
        <translation>Apri Account per inserire un nuovo token</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Riprova ora</translation>
    </message>
    <message>
        <source>Presets and recent</source>
        <translation>Preset e recenti</translation>
    </message>
    <message>
        <source>Demo mode: nothing leaves this computer</source>
        <translation>Modalità demo: nulla lascia questo computer</translation>
    </message>
    <message>
        <source>New preset…</source>
        <translation>Nuovo preset…</translation>
    </message>
    <message>
        <source>Edit presets…</source>
        <translation>Modifica i preset…</translation>
    </message>
    <message>
        <source>All presets…</source>
        <translation>Tutti i preset…</translation>
    </message>
    <message>
        <source>Set a status…</source>
        <translation>Imposta uno stato…</translation>
    </message>
    <message>
        <source>Clear status</source>
        <translation>Cancella lo stato</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Altro</translation>
    </message>
    <message>
        <source>New status…</source>
        <translation>Nuovo stato…</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Aggiornamento…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Account…</translation>
    </message>
    <message>
        <source>Launch at login</source>
        <translation>Avvia all’accesso</translation>
    </message>
    <message>
        <source>Not in demo mode</source>
        <translation>Non in modalità demo</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Esci</translation>
    </message>
    <message>
        <source>{availability} is not offered by {accounts}</source>
        <translation>{availability} non è offerto da {accounts}</translation>
    </message>
</context>
<context>
    <name>notices</name>
    <message>
        <source>Scheduled status set</source>
        <translation>Stato pianificato impostato</translation>
    </message>
    <message>
        <source>Status restored</source>
        <translation>Stato ripristinato</translation>
    </message>
    <message>
        <source>Missed while trayapp was not running</source>
        <translation>Perso mentre trayapp non era in esecuzione</translation>
    </message>
    <message>
        <source>A scheduled change failed</source>
        <translation>Una modifica pianificata non è riuscita</translation>
    </message>
    <message>
        <source>A scheduled change will be retried</source>
        <translation>Una modifica pianificata verrà ritentata</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>lo stato</translation>
    </message>
    <message>
        <source>Could not set {change}</source>
        <translation>Impossibile impostare {change}</translation>
    </message>
    <message>
        <source>Could not send</source>
        <translation>Impossibile inviare</translation>
    </message>
    <message>
        <source>Could not refresh</source>
        <translation>Impossibile aggiornare</translation>
    </message>
    <message>
        <source>{change} not sent yet</source>
        <translation>{change} non ancora inviato</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Inviato</translation>
    </message>
    <message>
        <source>Your own status was kept</source>
        <translation>Il tuo stato è stato mantenuto</translation>
    </message>
    <message>
        <source>An automatic status change failed</source>
        <translation>Una modifica automatica dello stato non è riuscita</translation>
    </message>
    <message>
        <source>An automatic status change will be retried</source>
        <translation>Una modifica automatica dello stato verrà ritentata</translation>
    </message>
    <message>
        <source>Scheduled changes</source>
        <translation>Modifiche pianificate</translation>
    </message>
</context>
<context>
    <name>picker</name>
    <message>
        <source>Don&apos;t clear</source>
        <translation>Non cancellare</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Oggi</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Questa settimana</translation>
    </message>
    <message>
        <source>Choose date and time…</source>
        <translation>Scegli data e ora…</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 ora</translation>
    </message>
    <message>
        <source>{count} hours</source>
        <translation>{count} ore</translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation>{count} minuti</translation>
    </message>
    <message>
        <source>Set a status</source>
        <translation>Imposta uno stato</translation>
    </message>
    <message>
        <source>Search presets, statuses, or type a new status</source>
        <translation>Cerca preset e stati, o digita un nuovo stato</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cerca</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Scelte</translation>
    </message>
    <message>
        <source>Clear &amp;after</source>
        <translation>Cancella &amp;dopo</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Va a</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Imposta stato</translation>
    </message>
    <message>
        <source>New preset…</source>
        <translation>Nuovo preset…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifica…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Elimina…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Cerca</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Crea…</translation>
    </message>
    <message>
        <source>Your organisation’s preset: it cannot be changed here.</source>
        <translation>Preset della tua organizzazione: non si può modificare qui.</translation>
    </message>
    <message>
        <source>Choose at least one account.</source>
        <translation>Scegli almeno un account.</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>New preset</source>
        <translation>Nuovo preset</translation>
    </message>
    <message>
        <source>Preset “{name}”</source>
        <translation>Preset «{name}»</translation>
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
        <translation>Stato</translation>
    </message>
    <message>
        <source>Shows as</source>
        <translation>Mostra come</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>Each account</source>
        <translation>Ogni account</translation>
    </message>
    <message>
        <source>Until cleared</source>
        <translation>Finché non viene cancellato</translation>
    </message>
    <message>
        <source>&amp;Lasts</source>
        <translation>&amp;Dura</translation>
    </message>
    <message>
        <source>Your organisation’s preset: it cannot be changed here.</source>
        <translation>Preset della tua organizzazione: non si può modificare qui.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>No custom status</source>
        <translation>Nessuno stato personalizzato</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Invariato</translation>
    </message>
    <message>
        <source>Give the preset a name.</source>
        <translation>Dai un nome al preset.</translation>
    </message>
    <message>
        <source>Give at least one account a status or what it shows.</source>
        <translation>Assegna ad almeno un account uno stato o cosa mostra.</translation>
    </message>
    <message>
        <source>This profile keeps no presets.</source>
        <translation>Questo profilo non conserva preset.</translation>
    </message>
</context>
<context>
    <name>statusedit</name>
    <message>
        <source>Edit “{name}”</source>
        <translation>Modifica «{name}»</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nome</translation>
    </message>
    <message>
        <source>Rocket.Chat &amp;shows</source>
        <translation>Rocket.Chat &amp;mostra</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>Give the status a name.</source>
        <translation>Dai un nome allo stato.</translation>
    </message>
    <message>
        <source>Delete the preset “{name}”? This cannot be undone.</source>
        <translation>Eliminare il preset «{name}»? Non si può annullare.</translation>
    </message>
    <message>
        <source>Delete the status “{name}”? This cannot be undone.</source>
        <translation>Eliminare lo stato «{name}»? Non si può annullare.</translation>
    </message>
    <message>
        <source>Delete “{name}”?</source>
        <translation>Eliminare «{name}»?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Could not delete “{name}”</source>
        <translation>Impossibile eliminare «{name}»</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>No system tray was found, so trayapp shows this window instead. On GNOME, install the “AppIndicator and KStatusNotifierItem Support” extension (or “Status Tray”), then start trayapp again.</source>
        <translation>Non è stata trovata un’area di notifica, quindi trayapp mostra invece questa finestra. Su GNOME installa l’estensione «AppIndicator and KStatusNotifierItem Support» (o «Status Tray»), poi riavvia trayapp.</translation>
    </message>
    <message>
        <source>Run `trayapp doctor` to see why there is no tray.</source>
        <translation>Esegui `trayapp doctor` per capire perché non c’è l’area di notifica.</translation>
    </message>
    <message>
        <source>Set a status…</source>
        <translation>Imposta uno stato…</translation>
    </message>
    <message>
        <source>Statuses and more</source>
        <translation>Stati e altro</translation>
    </message>
    <message>
        <source>No accounts yet: open “Statuses and more” → Accounts… to add one.</source>
        <translation>Ancora nessun account: apri «Stati e altro» → Account… per aggiungerne uno.</translation>
    </message>
</context>
</TS>
