<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
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
        <source>Optional; type or pick one emoji</source>
        <translation>Optional; ein Emoji eingeben oder auswählen</translation>
    </message>
    <message>
        <source>optional, e.g. 📅</source>
        <translation>optional, z. B. 📅</translation>
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
    <message>
        <source>Set status for…</source>
        <translation>Status setzen für …</translation>
    </message>
    <message>
        <source>{status} on every account that has it</source>
        <translation>{status} auf jedem Konto, das ihn anbietet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
</context>
</TS>
