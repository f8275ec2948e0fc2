<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>OsmRoundtripErrors</name>
    <message>
        <location filename="../plugin/core/errors.py" line="60"/>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="52"/>
        <source>The server at {url} answered with a web page instead of data: {snippet}</source>
        <translation>Der Server unter {url} hat statt Daten eine Webseite geliefert: {snippet}</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="63"/>
        <source>The server at {url} sent invalid JSON ({error}).</source>
        <translation>Der Server unter {url} hat ungültiges JSON gesendet ({error}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="158"/>
        <source>The server {host} did not answer within {seconds} s.</source>
        <translation>Der Server {host} hat nicht innerhalb von {seconds} s geantwortet.</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="166"/>
        <source>Could not connect to {host}: {reason}</source>
        <translation>Keine Verbindung zu {host} möglich: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="172"/>
        <source>The request to {host} failed: {reason}</source>
        <translation>Die Anfrage an {host} ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="191"/>
        <source>The server refused the request because of rate limiting (HTTP {status}). {body}</source>
        <translation>Der Server hat die Anfrage wegen einer Ratenbegrenzung abgelehnt (HTTP {status}). {body}</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="201"/>
        <source>The server answered HTTP {status}: {body}</source>
        <translation>Der Server hat mit HTTP {status} geantwortet: {body}</translation>
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
        <translation>OpenStreetMap durchsuchen (Nominatim)</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="59"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
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
        <translation>OSM Roundtrip-Suche</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="8"/>
        <source>Search OpenStreetMap with Nominatim.</source>
        <translation>OpenStreetMap mit Nominatim durchsuchen.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="17"/>
        <source>Data © OpenStreetMap contributors, ODbL. Search by Nominatim.</source>
        <translation>Daten © OpenStreetMap-Mitwirkende, ODbL. Suche durch Nominatim.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/settings_page.py" line="22"/>
        <source>OpenStreetMap (production)</source>
        <translation>OpenStreetMap (Produktivserver)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="22"/>
        <source>OpenStreetMap development server</source>
        <translation>OpenStreetMap-Entwicklungsserver</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="22"/>
        <source>Local sandbox</source>
        <translation>Lokale Sandbox</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="22"/>
        <source>Custom URL</source>
        <translation>Eigene URL</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="33"/>
        <source>Same as QGIS</source>
        <translation>Wie QGIS</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="8"/>
        <source>Nominatim search</source>
        <translation>Nominatim-Suche</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="10"/>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="12"/>
        <source>Extra parameters (e.g. key=…)</source>
        <translation>Zusätzliche Parameter (z. B. key=…)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="14"/>
        <source>Seconds between requests</source>
        <translation>Sekunden zwischen Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="16"/>
        <source>Contact email (sent to Nominatim)</source>
        <translation>Kontakt-E-Mail (wird an Nominatim gesendet)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="23"/>
        <source>OpenStreetMap editing API</source>
        <translation>OpenStreetMap-Bearbeitungs-API</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="25"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="27"/>
        <source>Local sandbox URL</source>
        <translation>URL der lokalen Sandbox</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="29"/>
        <source>Custom API URL (…/api/0.6)</source>
        <translation>Eigene API-URL (…/api/0.6)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="31"/>
        <source>OAuth 2.0 client ID</source>
        <translation>OAuth-2.0-Client-ID</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="38"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="40"/>
        <source>Language of results</source>
        <translation>Sprache der Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="42"/>
        <source>Network timeout (s)</source>
        <translation>Netzwerk-Zeitlimit (s)</translation>
    </message>
</context>
</TS>