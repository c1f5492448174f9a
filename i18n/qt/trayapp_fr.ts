<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>app</name>
    <message>
        <source>Damaged settings were set aside</source>
        <translation>Des réglages endommagés ont été mis de côté</translation>
    </message>
    <message>
        <source>Could not end it now</source>
        <translation>Impossible d’y mettre fin maintenant</translation>
    </message>
    <message>
        <source>Could not cancel it</source>
        <translation>Impossible de l’annuler</translation>
    </message>
    <message>
        <source>Could not make it longer</source>
        <translation>Impossible de le prolonger</translation>
    </message>
    <message>
        <source>Launch at login</source>
        <translation>Lancer à l’ouverture de session</translation>
    </message>
    <message>
        <source>Launch at login would not start trayapp</source>
        <translation>« Lancer à l’ouverture de session » ne démarrerait pas trayapp</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>The demo could not start: {error}</source>
        <translation>La démo n’a pas pu démarrer : {error}</translation>
    </message>
    <message>
        <source>Something went wrong inside trayapp. It keeps running; the details were written to the log.</source>
        <translation>Un problème est survenu dans trayapp. Il continue de fonctionner ; les détails ont été écrits dans le journal.</translation>
    </message>
    <message>
        <source>trayapp is already running but does not answer</source>
        <translation>trayapp est déjà lancé mais ne répond pas</translation>
    </message>
    <message>
        <source>Quit the other trayapp (or end it in your task manager) and start it again; see the log: {path}</source>
        <translation>Quittez l’autre trayapp (ou arrêtez-le dans le gestionnaire des tâches) puis relancez-le ; voir le journal : {path}</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>A&amp;vailable</source>
        <translation>&amp;Disponible</translation>
    </message>
    <message>
        <source>Awa&amp;y</source>
        <translation>A&amp;bsent</translation>
    </message>
    <message>
        <source>B&amp;usy</source>
        <translation>&amp;Occupé</translation>
    </message>
    <message>
        <source>Later, at</source>
        <translation>Plus tard, à</translation>
    </message>
    <message>
        <source>Start later</source>
        <translation>Commencer plus tard</translation>
    </message>
    <message>
        <source>When the status starts</source>
        <translation>Quand le statut commence</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Se termine à</translation>
    </message>
    <message>
        <source>Set an end</source>
        <translation>Définir une fin</translation>
    </message>
    <message>
        <source>When the status ends</source>
        <translation>Quand le statut se termine</translation>
    </message>
    <message>
        <source>Sta&amp;rt</source>
        <translation>Déb&amp;ut</translation>
    </message>
    <message>
        <source>En&amp;d</source>
        <translation>&amp;Fin</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>La fin doit être après le début.</translation>
    </message>
    <message>
        <source>The end is already past.</source>
        <translation>La fin est déjà passée.</translation>
    </message>
    <message>
        <source>The start is already past; untick it to start now.</source>
        <translation>Le début est déjà passé ; décochez-le pour commencer maintenant.</translation>
    </message>
    <message>
        <source>Rocket.Chat: {type}; Callbell: {callbell}; Smartsheet RM: {smartsheet}</source>
        <translation>Rocket.Chat : {type} ; Callbell : {callbell} ; Smartsheet RM : {smartsheet}</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>non disponible</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Nouveau statut</translation>
    </message>
    <message>
        <source>e.g. In a meeting</source>
        <translation>p. ex. En réunion</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>Show me as</source>
        <translation>M’afficher comme</translation>
    </message>
    <message>
        <source>Rocket.Chat &amp;type</source>
        <translation>&amp;Type Rocket.Chat</translation>
    </message>
    <message>
        <source>Optional; type or pick one emoji</source>
        <translation>Facultatif ; saisissez ou choisissez un emoji</translation>
    </message>
    <message>
        <source>optional, e.g. 📅</source>
        <translation>facultatif, p. ex. 📅</translation>
    </message>
    <message>
        <source>Callbell &amp;emoji</source>
        <translation>&amp;Emoji Callbell</translation>
    </message>
    <message>
        <source>Smartsheet RM cannot store new statuses: it shows one of its own, with this name as the message</source>
        <translation>Smartsheet RM ne peut pas enregistrer de nouveaux statuts : il en affiche un des siens, avec ce nom comme message</translation>
    </message>
    <message>
        <source>Smartsheet RM &amp;status</source>
        <translation>&amp;Statut Smartsheet RM</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Message</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>&amp;Apply it now</source>
        <translation>&amp;Appliquer maintenant</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>{service} cannot store new statuses; tick “Apply it now” to set one of its own statuses with this name as the message</source>
        <translation>{service} ne peut pas enregistrer de nouveaux statuts ; cochez « Appliquer maintenant » pour mettre l’un de ses statuts avec ce nom comme message</translation>
    </message>
    <message>
        <source>Created “{name}”</source>
        <translation>« {name} » créé</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
    <message>
        <source>Give the status a name.</source>
        <translation>Donnez un nom au statut.</translation>
    </message>
    <message>
        <source>Choose at least one account.</source>
        <translation>Choisissez au moins un compte.</translation>
    </message>
    <message>
        <source>Smartsheet RM’s statuses are not loaded yet: refresh first.</source>
        <translation>Les statuts de Smartsheet RM ne sont pas encore chargés : actualisez d’abord.</translation>
    </message>
    <message>
        <source>Set status for…</source>
        <translation>Mettre le statut pour…</translation>
    </message>
    <message>
        <source>{status} on every account that has it</source>
        <translation>{status} sur chaque compte qui le propose</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
</context>
</TS>
