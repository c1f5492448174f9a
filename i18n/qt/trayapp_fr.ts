<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Menu</name>
    <message>
        <source>{what} on {accounts}</source>
        <translation>{what} sur {accounts}</translation>
    </message>
    <message>
        <source>Away while locked: not available on this system</source>
        <translation>Absent pendant le verrouillage : non disponible sur ce système</translation>
    </message>
    <message>
        <source>Away when idle: not available on this system</source>
        <translation>Absent en cas d&apos;inactivité : non disponible sur ce système</translation>
    </message>
    <message>
        <source>&apos;trayapp doctor&apos; says what this system offers</source>
        <translation>&apos;trayapp doctor&apos; indique ce que ce système propose</translation>
    </message>
    <message>
        <source>Resume automatic status</source>
        <translation>Reprendre le statut automatique</translation>
    </message>
    <message>
        <source>Pause automatic status</source>
        <translation>Suspendre le statut automatique</translation>
    </message>
    <message>
        <source>Nothing changes by itself while paused; what it set is put back</source>
        <translation>Rien ne change tout seul pendant la pause ; ce qu’il a mis est annulé</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>{app} (demo)</source>
        <translation>{app} (démo)</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>demande votre attention</translation>
    </message>
</context>
<context>
    <name>accounts</name>
    <message>
        <source>Type the API token to look the e-mail up.</source>
        <translation>Saisissez le jeton API pour rechercher l’e-mail.</translation>
    </message>
    <message>
        <source>Edit {service} account</source>
        <translation>Modifier le compte {service}</translation>
    </message>
    <message>
        <source>Add {service} account</source>
        <translation>Ajouter un compte {service}</translation>
    </message>
    <message>
        <source>stored in the keyring; leave empty to keep it</source>
        <translation>enregistré dans le trousseau ; laissez vide pour le conserver</translation>
    </message>
    <message>
        <source>A short name for this account, used by the command line too</source>
        <translation>Un nom court pour ce compte, utilisé aussi en ligne de commande</translation>
    </message>
    <message>
        <source>Accounts hosted in the EU</source>
        <translation>Comptes hébergés dans l’UE</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Personal access &amp;token</source>
        <translation>&amp;Jeton d’accès personnel</translation>
    </message>
    <message>
        <source>&amp;Username and password</source>
        <translation>Nom d’&amp;utilisateur et mot de passe</translation>
    </message>
    <message>
        <source>User &amp;id</source>
        <translation>&amp;ID utilisateur</translation>
    </message>
    <message>
        <source>E-mail &amp;look-up</source>
        <translation>Recherche par e-mai&amp;l</translation>
    </message>
    <message>
        <source>two-factor code</source>
        <translation>code à deux facteurs</translation>
    </message>
    <message>
        <source>Account &amp;name</source>
        <translation>&amp;Nom du compte</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Se connecter avec</translation>
    </message>
    <message>
        <source>User i&amp;d</source>
        <translation>I&amp;D utilisateur</translation>
    </message>
    <message>
        <source>To&amp;ken</source>
        <translation>Je&amp;ton</translation>
    </message>
    <message>
        <source>Username or e-&amp;mail</source>
        <translation>Nom d’utilisateur ou e-&amp;mail</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <source>Two-factor c&amp;ode</source>
        <translation>C&amp;ode à deux facteurs</translation>
    </message>
    <message>
        <source>shown next to the token in My Account → Personal Access Tokens</source>
        <translation>affiché à côté du jeton dans My Account → Personal Access Tokens</translation>
    </message>
    <message>
        <source>user name or e-mail</source>
        <translation>nom d’utilisateur ou e-mail</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>&amp;Clé API</translation>
    </message>
    <message>
        <source>User &amp;uuid</source>
        <translation>&amp;UUID utilisateur</translation>
    </message>
    <message>
        <source>32 hex characters: ask your Callbell admin or support</source>
        <translation>32 caractères hexadécimaux : demandez à votre administrateur Callbell ou au support</translation>
    </message>
    <message>
        <source>API &amp;token</source>
        <translation>&amp;Jeton API</translation>
    </message>
    <message>
        <source>Find me by</source>
        <translation>Me trouver par</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>E-&amp;mail</translation>
    </message>
    <message>
        <source>numeric user id</source>
        <translation>ID utilisateur numérique</translation>
    </message>
    <message>
        <source>the e-mail you sign in with</source>
        <translation>l’e-mail avec lequel vous vous connectez</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>T&amp;ester la connexion</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>An account named &apos;{name}&apos; already exists: pick another name.</source>
        <translation>Un compte nommé « {name} » existe déjà : choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Type the address of your workspace.</source>
        <translation>Saisissez l’adresse de votre espace de travail.</translation>
    </message>
    <message>
        <source>Type your user name or e-mail.</source>
        <translation>Saisissez votre nom d’utilisateur ou votre e-mail.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <source>Type the {code}.</source>
        <translation>Saisissez le {code}.</translation>
    </message>
    <message>
        <source>Type the e-mail you sign in with.</source>
        <translation>Saisissez l’e-mail avec lequel vous vous connectez.</translation>
    </message>
    <message>
        <source>This does not look like an e-mail address.</source>
        <translation>Cela ne ressemble pas à une adresse e-mail.</translation>
    </message>
    <message>
        <source>The e-mail look-up needs the API token.</source>
        <translation>La recherche par e-mail nécessite le jeton API.</translation>
    </message>
    <message>
        <source>Type your user id.</source>
        <translation>Saisissez votre ID utilisateur.</translation>
    </message>
    <message>
        <source>Type your user uuid.</source>
        <translation>Saisissez votre UUID utilisateur.</translation>
    </message>
    <message>
        <source>Type your user id, or look it up by e-mail.</source>
        <translation>Saisissez votre ID utilisateur ou recherchez-le par e-mail.</translation>
    </message>
    <message>
        <source>Paste the token.</source>
        <translation>Collez le jeton.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>Connected as {user}.</source>
        <translation>Connecté en tant que {user}.</translation>
    </message>
    <message>
        <source>Checking the account…</source>
        <translation>Vérification du compte…</translation>
    </message>
    <message>
        <source>token</source>
        <translation>son jeton</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>sa clé API</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>son jeton API</translation>
    </message>
    <message>
        <source>trayapp forgets this account and deletes its {secret} from the system keyring. Your status on the service stays as it is.</source>
        <translation>trayapp oublie ce compte et supprime {secret} du trousseau du système. Votre statut sur le service reste tel quel.</translation>
    </message>
    <message>
        <source>Callbell shows an API key only once: adding this account again needs a new key.</source>
        <translation>Callbell n’affiche une clé API qu’une seule fois : pour rajouter ce compte, il faudra une nouvelle clé.</translation>
    </message>
    <message>
        <source>Type the token again to test it: the stored one is never read back.</source>
        <translation>Saisissez de nouveau le jeton pour le tester : celui qui est enregistré n’est jamais relu.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Connect the services whose status trayapp should set. Tokens are kept in your system keyring.</source>
        <translation>Connectez les services dont trayapp doit mettre le statut. Les jetons sont gardés dans le trousseau de votre système.</translation>
    </message>
    <message>
        <source>No accounts yet. Add one of your accounts, or try trayapp first with made-up demo accounts (nothing is sent anywhere).</source>
        <translation>Aucun compte pour l’instant. Ajoutez l’un de vos comptes, ou essayez d’abord trayapp avec des comptes de démonstration fictifs (rien n’est envoyé).</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Essayer la &amp;démo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>{service} account “{name}” at {url}</source>
        <translation>Compte {service} « {name} » sur {url}</translation>
    </message>
    <message>
        <source>The service does not accept its token: edit the account to enter a new one</source>
        <translation>Le service refuse son jeton : modifiez le compte pour en saisir un nouveau</translation>
    </message>
    <message>
        <source>&amp;Add an account</source>
        <translation>&amp;Ajouter un compte</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Remove the {service} account “{name}”?</source>
        <translation>Supprimer le compte {service} « {name} » ?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
</context>
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
        <source>Could not pause the automatic status</source>
        <translation>Impossible de suspendre le statut automatique</translation>
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
    <name>choices</name>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
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
        <source>Preset</source>
        <translation>Préréglage</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Récent</translation>
    </message>
    <message>
        <source>{service} shows: {availability}</source>
        <translation>{service} affiche : {availability}</translation>
    </message>
    <message>
        <source>every account</source>
        <translation>tous les comptes</translation>
    </message>
    <message>
        <source>only {accounts}</source>
        <translation>seulement {accounts}</translation>
    </message>
    <message>
        <source>Create “{name}”…</source>
        <translation>Créer « {name} »…</translation>
    </message>
    <message>
        <source>a new custom status</source>
        <translation>un nouveau statut personnalisé</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <source>Something unexpected went wrong; the details are in the log.</source>
        <translation>Un problème inattendu est survenu ; les détails sont dans le journal.</translation>
    </message>
    <message>
        <source>Could not set {change}</source>
        <translation>Impossible de mettre {change}</translation>
    </message>
    <message>
        <source>Could not read the status</source>
        <translation>Impossible de lire le statut</translation>
    </message>
    <message>
        <source>Waiting to send {change}</source>
        <translation>{change} en attente d’envoi</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <source>Could not refresh</source>
        <translation>Impossible d’actualiser</translation>
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
        <source>No emoji</source>
        <translation>Aucun emoji</translation>
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
        <source>Callbell emoji</source>
        <translation>Emoji Callbell</translation>
    </message>
    <message>
        <source>More emoji…</source>
        <translation>Plus d’emoji…</translation>
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
</context>
<context>
    <name>emoji</name>
    <message>
        <source>Choose an emoji</source>
        <translation>Choisir un emoji</translation>
    </message>
    <message>
        <source>Search by name: coffee, plane, calendar…</source>
        <translation>Chercher par nom anglais : coffee, plane, calendar…</translation>
    </message>
    <message>
        <source>Choose an emoji (search by name)</source>
        <translation>Choisir un emoji (recherche par nom)</translation>
    </message>
    <message>
        <source>No emoji</source>
        <translation>Aucun emoji</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
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
        <source>Needs attention</source>
        <translation>Demande votre attention</translation>
    </message>
</context>
<context>
    <name>library</name>
    <message>
        <source>your organisation&apos;s</source>
        <translation>de votre organisation</translation>
    </message>
</context>
<context>
    <name>menu</name>
    <message>
        <source>until the end of today</source>
        <translation>jusqu’à ce soir</translation>
    </message>
    <message>
        <source>until {time}</source>
        <translation>jusqu’à {time}</translation>
    </message>
    <message>
        <source>until tomorrow</source>
        <translation>jusqu’à demain</translation>
    </message>
    <message>
        <source>until tomorrow {time}</source>
        <translation>jusqu’à demain {time}</translation>
    </message>
    <message>
        <source>until {weekday}</source>
        <translation>jusqu’à {weekday}</translation>
    </message>
    <message>
        <source>until {weekday} {time}</source>
        <translation>jusqu’à {weekday} {time}</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>jusqu’au {date}</translation>
    </message>
    <message>
        <source>until {date} {time}</source>
        <translation>jusqu’au {date} {time}</translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation>à {time}</translation>
    </message>
    <message>
        <source>it</source>
        <translation>le statut</translation>
    </message>
    <message>
        <source>status not read yet</source>
        <translation>statut pas encore lu</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>aucun statut</translation>
    </message>
    <message>
        <source>token not accepted</source>
        <translation>jeton refusé</translation>
    </message>
    <message>
        <source>next: {status} {at}</source>
        <translation>ensuite : {status} {at}</translation>
    </message>
    <message>
        <source>The service no longer accepts the stored token.</source>
        <translation>Le service n’accepte plus le jeton enregistré.</translation>
    </message>
    <message>
        <source>{problem}. Fix it in Accounts…</source>
        <translation>{problem}. Corrigez-le dans Comptes…</translation>
    </message>
    <message>
        <source>starting the demo…</source>
        <translation>démarrage de la démo…</translation>
    </message>
    <message>
        <source>no accounts yet</source>
        <translation>aucun compte pour l’instant</translation>
    </message>
    <message>
        <source>{status} on {account}</source>
        <translation>{status} sur {account}</translation>
    </message>
    <message>
        <source>All statuses ({count})…</source>
        <translation>Tous les statuts ({count})…</translation>
    </message>
    <message>
        <source>Search them in Set a status…</source>
        <translation>Les chercher dans Mettre un statut…</translation>
    </message>
    <message>
        <source>{what} on {accounts}</source>
        <translation>{what} sur {accounts}</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>Terminer maintenant</translation>
    </message>
    <message>
        <source>Put back the status from before it</source>
        <translation>Remettre le statut d’avant</translation>
    </message>
    <message numerus="yes">
        <source>Keep %n min longer</source>
        <translation>
            <numerusform>Garder %n min de plus</numerusform>
            <numerusform>Garder %n min de plus</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel “{status}” {at}</source>
        <translation>Annuler « {status} » {at}</translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <translation>Démarrage de la démo…</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Aucun compte pour l’instant</translation>
    </message>
    <message>
        <source>Add an account…</source>
        <translation>Ajouter un compte…</translation>
    </message>
    <message>
        <source>Open Accounts to enter a new token</source>
        <translation>Ouvrir Comptes pour saisir un nouveau jeton</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>Presets and recent</source>
        <translation>Préréglages et récents</translation>
    </message>
    <message>
        <source>Demo mode: nothing leaves this computer</source>
        <translation>Mode démo : rien ne quitte cet ordinateur</translation>
    </message>
    <message>
        <source>New preset…</source>
        <translation>Nouveau préréglage…</translation>
    </message>
    <message>
        <source>Edit presets…</source>
        <translation>Modifier les préréglages…</translation>
    </message>
    <message>
        <source>All presets…</source>
        <translation>Tous les préréglages…</translation>
    </message>
    <message>
        <source>Set a status…</source>
        <translation>Mettre un statut…</translation>
    </message>
    <message>
        <source>Clear status</source>
        <translation>Effacer le statut</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Plus</translation>
    </message>
    <message>
        <source>New status…</source>
        <translation>Nouveau statut…</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Actualisation…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Comptes…</translation>
    </message>
    <message>
        <source>Launch at login</source>
        <translation>Lancer à l’ouverture de session</translation>
    </message>
    <message>
        <source>Not in demo mode</source>
        <translation>Pas en mode démo</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>{availability} is not offered by {accounts}</source>
        <translation>{availability} n’est pas proposé par {accounts}</translation>
    </message>
</context>
<context>
    <name>notices</name>
    <message>
        <source>Scheduled status set</source>
        <translation>Statut programmé mis</translation>
    </message>
    <message>
        <source>Status restored</source>
        <translation>Statut rétabli</translation>
    </message>
    <message>
        <source>Missed while trayapp was not running</source>
        <translation>Manqué pendant que trayapp ne tournait pas</translation>
    </message>
    <message>
        <source>A scheduled change failed</source>
        <translation>Un changement programmé a échoué</translation>
    </message>
    <message>
        <source>A scheduled change will be retried</source>
        <translation>Un changement programmé sera réessayé</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>le statut</translation>
    </message>
    <message>
        <source>Could not set {change}</source>
        <translation>Impossible de mettre {change}</translation>
    </message>
    <message>
        <source>Could not send</source>
        <translation>Impossible d’envoyer</translation>
    </message>
    <message>
        <source>Could not refresh</source>
        <translation>Impossible d’actualiser</translation>
    </message>
    <message>
        <source>{change} not sent yet</source>
        <translation>{change} pas encore envoyé</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Your own status was kept</source>
        <translation>Votre propre statut a été conservé</translation>
    </message>
    <message>
        <source>An automatic status change failed</source>
        <translation>Un changement de statut automatique a échoué</translation>
    </message>
    <message>
        <source>An automatic status change will be retried</source>
        <translation>Un changement de statut automatique sera réessayé</translation>
    </message>
    <message>
        <source>Scheduled changes</source>
        <translation>Changements programmés</translation>
    </message>
</context>
<context>
    <name>picker</name>
    <message>
        <source>Don&apos;t clear</source>
        <translation>Ne pas effacer</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Choose date and time…</source>
        <translation>Choisir la date et l’heure…</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>{count} hours</source>
        <translation>{count} heures</translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation>{count} minutes</translation>
    </message>
    <message>
        <source>Set a status</source>
        <translation>Mettre un statut</translation>
    </message>
    <message>
        <source>Search presets, statuses, or type a new status</source>
        <translation>Chercher préréglages et statuts, ou saisir un nouveau statut</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Choix</translation>
    </message>
    <message>
        <source>Clear &amp;after</source>
        <translation>Effacer &amp;après</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Envoyé à</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Mettre le statut</translation>
    </message>
    <message>
        <source>New preset…</source>
        <translation>Nouveau préréglage…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Recherche</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Créer…</translation>
    </message>
    <message>
        <source>Your organisation’s preset: it cannot be changed here.</source>
        <translation>Préréglage de votre organisation : il ne peut pas être modifié ici.</translation>
    </message>
    <message>
        <source>Choose at least one account.</source>
        <translation>Choisissez au moins un compte.</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>New preset</source>
        <translation>Nouveau préréglage</translation>
    </message>
    <message>
        <source>Preset “{name}”</source>
        <translation>Préréglage « {name} »</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Emoji</source>
        <translation>&amp;Emoji</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Shows as</source>
        <translation>Affiche comme</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Each account</source>
        <translation>Chaque compte</translation>
    </message>
    <message>
        <source>Until cleared</source>
        <translation>Jusqu’à effacement</translation>
    </message>
    <message>
        <source>&amp;Lasts</source>
        <translation>&amp;Dure</translation>
    </message>
    <message>
        <source>Your organisation’s preset: it cannot be changed here.</source>
        <translation>Préréglage de votre organisation : il ne peut pas être modifié ici.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>No custom status</source>
        <translation>Aucun statut personnalisé</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <source>Give the preset a name.</source>
        <translation>Donnez un nom au préréglage.</translation>
    </message>
    <message>
        <source>Give at least one account a status or what it shows.</source>
        <translation>Donnez à au moins un compte un statut ou ce qu’il affiche.</translation>
    </message>
    <message>
        <source>This profile keeps no presets.</source>
        <translation>Ce profil ne garde aucun préréglage.</translation>
    </message>
</context>
<context>
    <name>statusedit</name>
    <message>
        <source>Edit “{name}”</source>
        <translation>Modifier « {name} »</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>Rocket.Chat &amp;shows</source>
        <translation>Rocket.Chat &amp;affiche</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Give the status a name.</source>
        <translation>Donnez un nom au statut.</translation>
    </message>
    <message>
        <source>Delete the preset “{name}”? This cannot be undone.</source>
        <translation>Supprimer le préréglage « {name} » ? C’est irréversible.</translation>
    </message>
    <message>
        <source>Delete the status “{name}”? This cannot be undone.</source>
        <translation>Supprimer le statut « {name} » ? C’est irréversible.</translation>
    </message>
    <message>
        <source>Delete “{name}”?</source>
        <translation>Supprimer « {name} » ?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Could not delete “{name}”</source>
        <translation>Impossible de supprimer « {name} »</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>No system tray was found, so trayapp shows this window instead. On GNOME, install the “AppIndicator and KStatusNotifierItem Support” extension (or “Status Tray”), then start trayapp again.</source>
        <translation>Aucune zone de notification n’a été trouvée, trayapp affiche donc cette fenêtre à la place. Sous GNOME, installez l’extension « AppIndicator and KStatusNotifierItem Support » (ou « Status Tray »), puis relancez trayapp.</translation>
    </message>
    <message>
        <source>Run `trayapp doctor` to see why there is no tray.</source>
        <translation>Lancez `trayapp doctor` pour savoir pourquoi il n’y a pas de zone de notification.</translation>
    </message>
    <message>
        <source>Set a status…</source>
        <translation>Mettre un statut…</translation>
    </message>
    <message>
        <source>Statuses and more</source>
        <translation>Statuts et plus</translation>
    </message>
    <message>
        <source>No accounts yet: open “Statuses and more” → Accounts… to add one.</source>
        <translation>Aucun compte pour l’instant : ouvrez « Statuts et plus » → Comptes… pour en ajouter un.</translation>
    </message>
</context>
</TS>
