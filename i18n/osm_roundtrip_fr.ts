<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>OsmRoundtripErrors</name>
    <message>
        <location filename="../plugin/core/errors.py" line="60"/>
        <source>The operation was cancelled.</source>
        <translation>L’opération a été annulée.</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="52"/>
        <source>The server at {url} answered with a web page instead of data: {snippet}</source>
        <translation>Le serveur {url} a répondu par une page web au lieu de données : {snippet}</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="63"/>
        <source>The server at {url} sent invalid JSON ({error}).</source>
        <translation>Le serveur {url} a envoyé du JSON invalide ({error}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="158"/>
        <source>The server {host} did not answer within {seconds} s.</source>
        <translation>Le serveur {host} n’a pas répondu en {seconds} s.</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="166"/>
        <source>Could not connect to {host}: {reason}</source>
        <translation>Impossible de se connecter à {host} : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="172"/>
        <source>The request to {host} failed: {reason}</source>
        <translation>La requête vers {host} a échoué : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="191"/>
        <source>The server refused the request because of rate limiting (HTTP {status}). {body}</source>
        <translation>Le serveur a refusé la requête à cause d’une limitation de débit (HTTP {status}). {body}</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="201"/>
        <source>The server answered HTTP {status}: {body}</source>
        <translation>Le serveur a répondu HTTP {status} : {body}</translation>
    </message>
</context>
<context>
    <name>OsmRoundtripPlugin</name>
    <message>
        <location filename="../plugin/main.py" line="49"/>
        <source>OSM Roundtrip</source>
        <translation>OSM Roundtrip</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="56"/>
        <source>Search OpenStreetMap (Nominatim)</source>
        <translation>Rechercher dans OpenStreetMap (Nominatim)</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="59"/>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
</context>
<context>
    <name>OsmRoundtripProvider</name>
    <message>
        <location filename="../plugin/adapters/processing/provider.py" line="26"/>
        <source>OSM Roundtrip</source>
        <translation>OSM Roundtrip</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <location filename="../ui/search_dock.py" line="26"/>
        <source>OSM Roundtrip search</source>
        <translation>Recherche OSM Roundtrip</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="8"/>
        <source>Search OpenStreetMap with Nominatim.</source>
        <translation>Rechercher dans OpenStreetMap avec Nominatim.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="17"/>
        <source>Data © OpenStreetMap contributors, ODbL. Search by Nominatim.</source>
        <translation>Données © contributeurs d’OpenStreetMap, ODbL. Recherche par Nominatim.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/settings_page.py" line="22"/>
        <source>OpenStreetMap (production)</source>
        <translation>OpenStreetMap (production)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="22"/>
        <source>OpenStreetMap development server</source>
        <translation>Serveur de développement OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="22"/>
        <source>Local sandbox</source>
        <translation>Bac à sable local</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="22"/>
        <source>Custom URL</source>
        <translation>URL personnalisée</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="33"/>
        <source>Same as QGIS</source>
        <translation>Comme QGIS</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="8"/>
        <source>Nominatim search</source>
        <translation>Recherche Nominatim</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="10"/>
        <source>Server URL</source>
        <translation>URL du serveur</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="12"/>
        <source>Extra parameters (e.g. key=…)</source>
        <translation>Paramètres supplémentaires (p. ex. key=…)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="14"/>
        <source>Seconds between requests</source>
        <translation>Secondes entre les requêtes</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="16"/>
        <source>Contact email (sent to Nominatim)</source>
        <translation>Courriel de contact (envoyé à Nominatim)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="23"/>
        <source>OpenStreetMap editing API</source>
        <translation>API d’édition OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="25"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="27"/>
        <source>Local sandbox URL</source>
        <translation>URL du bac à sable local</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="29"/>
        <source>Custom API URL (…/api/0.6)</source>
        <translation>URL d’API personnalisée (…/api/0.6)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="31"/>
        <source>OAuth 2.0 client ID</source>
        <translation>Identifiant client OAuth 2.0</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="38"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="40"/>
        <source>Language of results</source>
        <translation>Langue des résultats</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="42"/>
        <source>Network timeout (s)</source>
        <translation>Délai réseau (s)</translation>
    </message>
</context>
</TS>