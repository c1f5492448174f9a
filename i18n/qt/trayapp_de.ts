<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Menu</name>
    <message>
        <source>{what} on {accounts}</source>
        <translation>{what} auf {accounts}</translation>
    </message>
    <message>
        <source>Away while locked: not available on this system</source>
        <translation>Abwesend bei gesperrtem Bildschirm: auf diesem System nicht verfügbar</translation>
    </message>
    <message>
        <source>Away when idle: not available on this system</source>
        <translation>Abwesend bei Inaktivität: auf diesem System nicht verfügbar</translation>
    </message>
    <message>
        <source>&apos;trayapp doctor&apos; says what this system offers</source>
        <translation>&apos;trayapp doctor&apos; zeigt, was dieses System bietet</translation>
    </message>
    <message>
        <source>Resume automatic status</source>
        <translation>Automatischen Status fortsetzen</translation>
    </message>
    <message>
        <source>Pause automatic status</source>
        <translation>Automatischen Status pausieren</translation>
    </message>
    <message>
        <source>Nothing changes by itself while paused; what it set is put back</source>
        <translation>Während der Pause ändert sich nichts von selbst; was er gesetzt hat, wird zurückgenommen</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>{app} (demo)</source>
        <translation>{app} (Demo)</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>braucht Aufmerksamkeit</translation>
    </message>
</context>
<context>
    <name>accounts</name>
    <message>
        <source>Type the API token to look the e-mail up.</source>
        <translation>Geben Sie das API-Token ein, um die E-Mail nachzuschlagen.</translation>
    </message>
    <message>
        <source>Edit {service} account</source>
        <translation>{service}-Konto bearbeiten</translation>
    </message>
    <message>
        <source>Add {service} account</source>
        <translation>{service}-Konto hinzufügen</translation>
    </message>
    <message>
        <source>stored in the keyring; leave empty to keep it</source>
        <translation>im Schlüsselbund gespeichert; leer lassen, um ihn zu behalten</translation>
    </message>
    <message>
        <source>A short name for this account, used by the command line too</source>
        <translation>Ein kurzer Name für dieses Konto, auch auf der Befehlszeile verwendet</translation>
    </message>
    <message>
        <source>Accounts hosted in the EU</source>
        <translation>In der EU gehostete Konten</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Personal access &amp;token</source>
        <translation>Persönliches Zugriffs&amp;token</translation>
    </message>
    <message>
        <source>&amp;Username and password</source>
        <translation>Ben&amp;utzername und Passwort</translation>
    </message>
    <message>
        <source>User &amp;id</source>
        <translation>Benutzer-&amp;ID</translation>
    </message>
    <message>
        <source>E-mail &amp;look-up</source>
        <translation>&amp;Suche per E-Mail</translation>
    </message>
    <message>
        <source>two-factor code</source>
        <translation>Zwei-Faktor-Code</translation>
    </message>
    <message>
        <source>Account &amp;name</source>
        <translation>Konto&amp;name</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Anmelden mit</translation>
    </message>
    <message>
        <source>User i&amp;d</source>
        <translation>Benutzer-I&amp;D</translation>
    </message>
    <message>
        <source>To&amp;ken</source>
        <translation>To&amp;ken</translation>
    </message>
    <message>
        <source>Username or e-&amp;mail</source>
        <translation>Benutzername oder E-&amp;Mail</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Two-factor c&amp;ode</source>
        <translation>Zwei-Faktor-C&amp;ode</translation>
    </message>
    <message>
        <source>shown next to the token in My Account → Personal Access Tokens</source>
        <translation>wird neben dem Token unter „My Account → Personal Access Tokens“ angezeigt</translation>
    </message>
    <message>
        <source>user name or e-mail</source>
        <translation>Benutzername oder E-Mail</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API-&amp;Schlüssel</translation>
    </message>
    <message>
        <source>User &amp;uuid</source>
        <translation>Benutzer-&amp;UUID</translation>
    </message>
    <message>
        <source>32 hex characters: ask your Callbell admin or support</source>
        <translation>32 Hex-Zeichen: Fragen Sie Ihren Callbell-Admin oder den Support</translation>
    </message>
    <message>
        <source>API &amp;token</source>
        <translation>API-&amp;Token</translation>
    </message>
    <message>
        <source>Find me by</source>
        <translation>Mich finden über</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>E-&amp;Mail</translation>
    </message>
    <message>
        <source>numeric user id</source>
        <translation>numerische Benutzer-ID</translation>
    </message>
    <message>
        <source>the e-mail you sign in with</source>
        <translation>die E-Mail, mit der Sie sich anmelden</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>Verbindung t&amp;esten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>An account named &apos;{name}&apos; already exists: pick another name.</source>
        <translation>Ein Konto namens „{name}“ gibt es schon: Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Type the address of your workspace.</source>
        <translation>Geben Sie die Adresse Ihres Arbeitsbereichs ein.</translation>
    </message>
    <message>
        <source>Type your user name or e-mail.</source>
        <translation>Geben Sie Ihren Benutzernamen oder Ihre E-Mail ein.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Type the {code}.</source>
        <translation>Geben Sie den {code} ein.</translation>
    </message>
    <message>
        <source>Type the e-mail you sign in with.</source>
        <translation>Geben Sie die E-Mail ein, mit der Sie sich anmelden.</translation>
    </message>
    <message>
        <source>This does not look like an e-mail address.</source>
        <translation>Das sieht nicht nach einer E-Mail-Adresse aus.</translation>
    </message>
    <message>
        <source>The e-mail look-up needs the API token.</source>
        <translation>Die Suche per E-Mail braucht das API-Token.</translation>
    </message>
    <message>
        <source>Type your user id.</source>
        <translation>Geben Sie Ihre Benutzer-ID ein.</translation>
    </message>
    <message>
        <source>Type your user uuid.</source>
        <translation>Geben Sie Ihre Benutzer-UUID ein.</translation>
    </message>
    <message>
        <source>Type your user id, or look it up by e-mail.</source>
        <translation>Geben Sie Ihre Benutzer-ID ein oder suchen Sie sie per E-Mail.</translation>
    </message>
    <message>
        <source>Paste the token.</source>
        <translation>Fügen Sie das Token ein.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet …</translation>
    </message>
    <message>
        <source>Connected as {user}.</source>
        <translation>Verbunden als {user}.</translation>
    </message>
    <message>
        <source>Checking the account…</source>
        <translation>Konto wird geprüft …</translation>
    </message>
    <message>
        <source>token</source>
        <translation>sein Token</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>seinen API-Schlüssel</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>sein API-Token</translation>
    </message>
    <message>
        <source>trayapp forgets this account and deletes its {secret} from the system keyring. Your status on the service stays as it is.</source>
        <translation>trayapp vergisst dieses Konto und löscht {secret} aus dem Schlüsselbund des Systems. Ihr Status beim Dienst bleibt, wie er ist.</translation>
    </message>
    <message>
        <source>Callbell shows an API key only once: adding this account again needs a new key.</source>
        <translation>Callbell zeigt einen API-Schlüssel nur einmal: Um dieses Konto wieder hinzuzufügen, brauchen Sie einen neuen.</translation>
    </message>
    <message>
        <source>Type the token again to test it: the stored one is never read back.</source>
        <translation>Geben Sie das Token erneut ein, um es zu testen: Das gespeicherte wird nie zurückgelesen.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Connect the services whose status trayapp should set. Tokens are kept in your system keyring.</source>
        <translation>Verbinden Sie die Dienste, deren Status trayapp setzen soll. Tokens werden im Schlüsselbund Ihres Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>No accounts yet. Add one of your accounts, or try trayapp first with made-up demo accounts (nothing is sent anywhere).</source>
        <translation>Noch keine Konten. Fügen Sie eines Ihrer Konten hinzu oder probieren Sie trayapp zuerst mit erfundenen Demo-Konten aus (es wird nichts verschickt).</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>{service} account “{name}” at {url}</source>
        <translation>{service}-Konto „{name}“ bei {url}</translation>
    </message>
    <message>
        <source>The service does not accept its token: edit the account to enter a new one</source>
        <translation>Der Dienst nimmt das Token nicht an: Bearbeiten Sie das Konto und geben Sie ein neues ein</translation>
    </message>
    <message>
        <source>&amp;Add an account</source>
        <translation>&amp;Konto hinzufügen</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the {service} account “{name}”?</source>
        <translation>Das {service}-Konto „{name}“ entfernen?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Damaged settings were set aside</source>
        <translation>Beschädigte Einstellungen wurden beiseitegelegt</translation>
    </message>
    <message>
        <source>Could not end it now</source>
        <translation>Konnte nicht jetzt beendet werden</translation>
    </message>
    <message>
        <source>Could not cancel it</source>
        <translation>Konnte nicht abgebrochen werden</translation>
    </message>
    <message>
        <source>Could not make it longer</source>
        <translation>Konnte nicht verlängert werden</translation>
    </message>
    <message>
        <source>Launch at login</source>
        <translation>Bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Could not pause the automatic status</source>
        <translation>Der automatische Status konnte nicht pausiert werden</translation>
    </message>
    <message>
        <source>Launch at login would not start trayapp</source>
        <translation>„Bei der Anmeldung starten“ würde trayapp nicht starten</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>The demo could not start: {error}</source>
        <translation>Die Demo konnte nicht starten: {error}</translation>
    </message>
    <message>
        <source>Something went wrong inside trayapp. It keeps running; the details were written to the log.</source>
        <translation>In trayapp ist etwas schiefgelaufen. Es läuft weiter; die Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>trayapp is already running but does not answer</source>
        <translation>trayapp läuft bereits, antwortet aber nicht</translation>
    </message>
    <message>
        <source>Quit the other trayapp (or end it in your task manager) and start it again; see the log: {path}</source>
        <translation>Beenden Sie das andere trayapp (oder beenden Sie es im Task-Manager) und starten Sie es erneut; siehe das Protokoll: {path}</translation>
    </message>
</context>
<context>
    <name>choices</name>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>{service} shows: {availability}</source>
        <translation>{service} zeigt: {availability}</translation>
    </message>
    <message>
        <source>every account</source>
        <translation>jedes Konto</translation>
    </message>
    <message>
        <source>only {accounts}</source>
        <translation>nur {accounts}</translation>
    </message>
    <message>
        <source>Create “{name}”…</source>
        <translation>„{name}“ erstellen …</translation>
    </message>
    <message>
        <source>a new custom status</source>
        <translation>ein neuer eigener Status</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <source>Something unexpected went wrong; the details are in the log.</source>
        <translation>Etwas Unerwartetes ist schiefgelaufen; die Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>Could not set {change}</source>
        <translation>{change} konnte nicht gesetzt werden</translation>
    </message>
    <message>
        <source>Could not read the status</source>
        <translation>Status konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Waiting to send {change}</source>
        <translation>{change} wartet auf das Senden</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Wartet auf das Senden</translation>
    </message>
    <message>
        <source>Could not refresh</source>
        <translation>Aktualisieren fehlgeschlagen</translation>
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
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>A&amp;vailable</source>
        <translation>&amp;Verfügbar</translation>
    </message>
    <message>
        <source>Awa&amp;y</source>
        <translation>Ab&amp;wesend</translation>
    </message>
    <message>
        <source>B&amp;usy</source>
        <translation>&amp;Beschäftigt</translation>
    </message>
    <message>
        <source>Later, at</source>
        <translation>Später, um</translation>
    </message>
    <message>
        <source>Start later</source>
        <translation>Später beginnen</translation>
    </message>
    <message>
        <source>When the status starts</source>
        <translation>Wann der Status beginnt</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Endet um</translation>
    </message>
    <message>
        <source>Set an end</source>
        <translation>Ein Ende festlegen</translation>
    </message>
    <message>
        <source>When the status ends</source>
        <translation>Wann der Status endet</translation>
    </message>
    <message>
        <source>Sta&amp;rt</source>
        <translation>Be&amp;ginn</translation>
    </message>
    <message>
        <source>En&amp;d</source>
        <translation>&amp;Ende</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>Das Ende muss nach dem Beginn liegen.</translation>
    </message>
    <message>
        <source>The end is already past.</source>
        <translation>Das Ende liegt schon in der Vergangenheit.</translation>
    </message>
    <message>
        <source>The start is already past; untick it to start now.</source>
        <translation>Der Beginn liegt schon in der Vergangenheit; Haken entfernen, um jetzt zu beginnen.</translation>
    </message>
    <message>
        <source>Rocket.Chat: {type}; Callbell: {callbell}; Smartsheet RM: {smartsheet}</source>
        <translation>Rocket.Chat: {type}; Callbell: {callbell}; Smartsheet RM: {smartsheet}</translation>
    </message>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Neuer Status</translation>
    </message>
    <message>
        <source>e.g. In a meeting</source>
        <translation>z. B. In einer Besprechung</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Show me as</source>
        <translation>Mich zeigen als</translation>
    </message>
    <message>
        <source>Rocket.Chat &amp;type</source>
        <translation>Rocket.Chat-&amp;Typ</translation>
    </message>
    <message>
        <source>No emoji</source>
        <translation>Kein Emoji</translation>
    </message>
    <message>
        <source>Optional; type or pick one emoji</source>
        <translation>Optional; ein Emoji eingeben oder auswählen</translation>
    </message>
    <message>
        <source>optional, e.g. 📅</source>
        <translation>optional, z. B. 📅</translation>
    </message>
    <message>
        <source>Callbell emoji</source>
        <translation>Callbell-Emoji</translation>
    </message>
    <message>
        <source>More emoji…</source>
        <translation>Weitere Emoji …</translation>
    </message>
    <message>
        <source>Callbell &amp;emoji</source>
        <translation>Callbell-E&amp;moji</translation>
    </message>
    <message>
        <source>Smartsheet RM cannot store new statuses: it shows one of its own, with this name as the message</source>
        <translation>Smartsheet RM kann keine neuen Status speichern: Es zeigt einen eigenen, mit diesem Namen als Nachricht</translation>
    </message>
    <message>
        <source>Smartsheet RM &amp;status</source>
        <translation>Smartsheet-RM-&amp;Status</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>Nach&amp;richt</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>&amp;Apply it now</source>
        <translation>Sofort &amp;anwenden</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>{service} cannot store new statuses; tick “Apply it now” to set one of its own statuses with this name as the message</source>
        <translation>{service} kann keine neuen Status speichern; „Sofort anwenden“ ankreuzen, um einen seiner eigenen Status mit diesem Namen als Nachricht zu setzen</translation>
    </message>
    <message>
        <source>Created “{name}”</source>
        <translation>„{name}“ erstellt</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt …</translation>
    </message>
    <message>
        <source>Give the status a name.</source>
        <translation>Geben Sie dem Status einen Namen.</translation>
    </message>
    <message>
        <source>Choose at least one account.</source>
        <translation>Wählen Sie mindestens ein Konto.</translation>
    </message>
    <message>
        <source>Smartsheet RM’s statuses are not loaded yet: refresh first.</source>
        <translation>Die Status von Smartsheet RM sind noch nicht geladen: zuerst aktualisieren.</translation>
    </message>
</context>
<context>
    <name>emoji</name>
    <message>
        <source>Choose an emoji</source>
        <translation>Emoji auswählen</translation>
    </message>
    <message>
        <source>Search by name: coffee, plane, calendar…</source>
        <translation>Nach englischem Namen suchen: coffee, plane, calendar …</translation>
    </message>
    <message>
        <source>Choose an emoji (search by name)</source>
        <translation>Emoji auswählen (Suche nach Namen)</translation>
    </message>
    <message>
        <source>No emoji</source>
        <translation>Kein Emoji</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
</context>
<context>
    <name>icons</name>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
</context>
<context>
    <name>library</name>
    <message>
        <source>your organisation&apos;s</source>
        <translation>von Ihrer Organisation</translation>
    </message>
</context>
<context>
    <name>menu</name>
    <message>
        <source>until the end of today</source>
        <translation>bis heute Abend</translation>
    </message>
    <message>
        <source>until {time}</source>
        <translation>bis {time}</translation>
    </message>
    <message>
        <source>until tomorrow</source>
        <translation>bis morgen</translation>
    </message>
    <message>
        <source>until tomorrow {time}</source>
        <translation>bis morgen {time}</translation>
    </message>
    <message>
        <source>until {weekday}</source>
        <translation>bis {weekday}</translation>
    </message>
    <message>
        <source>until {weekday} {time}</source>
        <translation>bis {weekday} {time}</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>bis {date}</translation>
    </message>
    <message>
        <source>until {date} {time}</source>
        <translation>bis {date} {time}</translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation>um {time}</translation>
    </message>
    <message>
        <source>it</source>
        <translation>ihn</translation>
    </message>
    <message>
        <source>status not read yet</source>
        <translation>Status noch nicht gelesen</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>kein Status</translation>
    </message>
    <message>
        <source>token not accepted</source>
        <translation>Token nicht angenommen</translation>
    </message>
    <message>
        <source>next: {status} {at}</source>
        <translation>als Nächstes: {status} {at}</translation>
    </message>
    <message>
        <source>The service no longer accepts the stored token.</source>
        <translation>Der Dienst nimmt das gespeicherte Token nicht mehr an.</translation>
    </message>
    <message>
        <source>{problem}. Fix it in Accounts…</source>
        <translation>{problem}. Beheben unter Konten …</translation>
    </message>
    <message>
        <source>starting the demo…</source>
        <translation>Demo wird gestartet …</translation>
    </message>
    <message>
        <source>no accounts yet</source>
        <translation>noch keine Konten</translation>
    </message>
    <message>
        <source>{status} on {account}</source>
        <translation>{status} auf {account}</translation>
    </message>
    <message>
        <source>All statuses ({count})…</source>
        <translation>Alle Status ({count}) …</translation>
    </message>
    <message>
        <source>Search them in Set a status…</source>
        <translation>In „Status setzen …“ durchsuchen</translation>
    </message>
    <message>
        <source>{what} on {accounts}</source>
        <translation>{what} auf {accounts}</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>Jetzt beenden</translation>
    </message>
    <message>
        <source>Put back the status from before it</source>
        <translation>Den Status von vorher wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>Keep %n min longer</source>
        <translation>
            <numerusform>%n Min. länger behalten</numerusform>
            <numerusform>%n Min. länger behalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel “{status}” {at}</source>
        <translation>„{status}“ {at} absagen</translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <translation>Demo wird gestartet …</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Noch keine Konten</translation>
    </message>
    <message>
        <source>Add an account…</source>
        <translation>Konto hinzufügen …</translation>
    </message>
    <message>
        <source>Open Accounts to enter a new token</source>
        <translation>Konten öffnen, um ein neues Token einzugeben</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Presets and recent</source>
        <translation>Vorlagen und zuletzt verwendet</translation>
    </message>
    <message>
        <source>Demo mode: nothing leaves this computer</source>
        <translation>Demo-Modus: Nichts verlässt diesen Computer</translation>
    </message>
    <message>
        <source>New preset…</source>
        <translation>Neue Vorlage …</translation>
    </message>
    <message>
        <source>Edit presets…</source>
        <translation>Vorlagen bearbeiten …</translation>
    </message>
    <message>
        <source>All presets…</source>
        <translation>Alle Vorlagen …</translation>
    </message>
    <message>
        <source>Set a status…</source>
        <translation>Status setzen …</translation>
    </message>
    <message>
        <source>Clear status</source>
        <translation>Status löschen</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>New status…</source>
        <translation>Neuer Status …</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Konten …</translation>
    </message>
    <message>
        <source>Launch at login</source>
        <translation>Bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Not in demo mode</source>
        <translation>Nicht im Demo-Modus</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>{availability} is not offered by {accounts}</source>
        <translation>{availability} wird von {accounts} nicht angeboten</translation>
    </message>
</context>
<context>
    <name>notices</name>
    <message>
        <source>Scheduled status set</source>
        <translation>Geplanter Status gesetzt</translation>
    </message>
    <message>
        <source>Status restored</source>
        <translation>Status wiederhergestellt</translation>
    </message>
    <message>
        <source>Missed while trayapp was not running</source>
        <translation>Verpasst, während trayapp nicht lief</translation>
    </message>
    <message>
        <source>A scheduled change failed</source>
        <translation>Eine geplante Änderung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>A scheduled change will be retried</source>
        <translation>Eine geplante Änderung wird erneut versucht</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>den Status</translation>
    </message>
    <message>
        <source>Could not set {change}</source>
        <translation>{change} konnte nicht gesetzt werden</translation>
    </message>
    <message>
        <source>Could not send</source>
        <translation>Senden fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not refresh</source>
        <translation>Aktualisieren fehlgeschlagen</translation>
    </message>
    <message>
        <source>{change} not sent yet</source>
        <translation>{change} noch nicht gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Your own status was kept</source>
        <translation>Ihr eigener Status wurde beibehalten</translation>
    </message>
    <message>
        <source>An automatic status change failed</source>
        <translation>Eine automatische Statusänderung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>An automatic status change will be retried</source>
        <translation>Eine automatische Statusänderung wird erneut versucht</translation>
    </message>
    <message>
        <source>Scheduled changes</source>
        <translation>Geplante Änderungen</translation>
    </message>
</context>
<context>
    <name>picker</name>
    <message>
        <source>Don&apos;t clear</source>
        <translation>Nicht löschen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Choose date and time…</source>
        <translation>Datum und Uhrzeit wählen …</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>{count} hours</source>
        <translation>{count} Stunden</translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation>{count} Minuten</translation>
    </message>
    <message>
        <source>Set a status</source>
        <translation>Status setzen</translation>
    </message>
    <message>
        <source>Search presets, statuses, or type a new status</source>
        <translation>Vorlagen und Status durchsuchen oder neuen Status eingeben</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Clear &amp;after</source>
        <translation>Löschen &amp;nach</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Geht an</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Status setzen</translation>
    </message>
    <message>
        <source>New preset…</source>
        <translation>Neue Vorlage …</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suche</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Erstellen …</translation>
    </message>
    <message>
        <source>Your organisation’s preset: it cannot be changed here.</source>
        <translation>Vorlage Ihrer Organisation: Sie lässt sich hier nicht ändern.</translation>
    </message>
    <message>
        <source>Choose at least one account.</source>
        <translation>Wählen Sie mindestens ein Konto.</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>New preset</source>
        <translation>Neue Vorlage</translation>
    </message>
    <message>
        <source>Preset “{name}”</source>
        <translation>Vorlage „{name}“</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
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
        <translation>Zeigt als</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Each account</source>
        <translation>Jedes Konto</translation>
    </message>
    <message>
        <source>Until cleared</source>
        <translation>Bis gelöscht</translation>
    </message>
    <message>
        <source>&amp;Lasts</source>
        <translation>&amp;Dauert</translation>
    </message>
    <message>
        <source>Your organisation’s preset: it cannot be changed here.</source>
        <translation>Vorlage Ihrer Organisation: Sie lässt sich hier nicht ändern.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>No custom status</source>
        <translation>Kein eigener Status</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Give the preset a name.</source>
        <translation>Geben Sie der Vorlage einen Namen.</translation>
    </message>
    <message>
        <source>Give at least one account a status or what it shows.</source>
        <translation>Geben Sie mindestens einem Konto einen Status oder das, was es zeigt.</translation>
    </message>
    <message>
        <source>This profile keeps no presets.</source>
        <translation>Dieses Profil speichert keine Vorlagen.</translation>
    </message>
</context>
<context>
    <name>statusedit</name>
    <message>
        <source>Edit “{name}”</source>
        <translation>„{name}“ bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Rocket.Chat &amp;shows</source>
        <translation>Rocket.Chat &amp;zeigt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Give the status a name.</source>
        <translation>Geben Sie dem Status einen Namen.</translation>
    </message>
    <message>
        <source>Delete the preset “{name}”? This cannot be undone.</source>
        <translation>Die Vorlage „{name}“ löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete the status “{name}”? This cannot be undone.</source>
        <translation>Den Status „{name}“ löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete “{name}”?</source>
        <translation>„{name}“ löschen?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Could not delete “{name}”</source>
        <translation>„{name}“ konnte nicht gelöscht werden</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>No system tray was found, so trayapp shows this window instead. On GNOME, install the “AppIndicator and KStatusNotifierItem Support” extension (or “Status Tray”), then start trayapp again.</source>
        <translation>Es wurde kein Infobereich gefunden, daher zeigt trayapp stattdessen dieses Fenster. Installieren Sie unter GNOME die Erweiterung „AppIndicator and KStatusNotifierItem Support“ (oder „Status Tray“) und starten Sie trayapp dann neu.</translation>
    </message>
    <message>
        <source>Run `trayapp doctor` to see why there is no tray.</source>
        <translation>Führen Sie `trayapp doctor` aus, um zu sehen, warum es keinen Infobereich gibt.</translation>
    </message>
    <message>
        <source>Set a status…</source>
        <translation>Status setzen …</translation>
    </message>
    <message>
        <source>Statuses and more</source>
        <translation>Status und mehr</translation>
    </message>
    <message>
        <source>No accounts yet: open “Statuses and more” → Accounts… to add one.</source>
        <translation>Noch keine Konten: Öffnen Sie „Status und mehr“ → Konten …, um eines hinzuzufügen.</translation>
    </message>
</context>
</TS>
