<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BuildOsmChangeAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="76"/>
        <source>Build osmChange from edited layers</source>
        <translation>osmChange aus bearbeiteten Layern erstellen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="79"/>
        <source>Compares the saved layers of a download&apos;s GeoPackage with the data downloaded (the base snapshot kept in the same file) and writes the changes as an osmChange (.osc) file, ordered for upload: creates, modifies, deletes. Nothing is uploaded. Unsaved edits of open layers are not included: save them first.</source>
        <translation>Vergleicht die gespeicherten Layer des GeoPackages eines Downloads mit den heruntergeladenen Daten (dem in derselben Datei gespeicherten Basisstand) und schreibt die Änderungen als osmChange-Datei (.osc), in der Reihenfolge für das Hochladen: Erstellungen, Änderungen, Löschungen. Es wird nichts hochgeladen. Ungespeicherte Bearbeitungen geöffneter Layer sind nicht enthalten: Speichern Sie sie zuerst.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="87"/>
        <source>GeoPackage of a download</source>
        <translation>GeoPackage eines Downloads</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="92"/>
        <source>osmChange file</source>
        <translation>osmChange-Datei</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="92"/>
        <source>osmChange (*.osc)</source>
        <translation>osmChange (*.osc)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="107"/>
        <source>{created} created, {modified} modified, {deleted} deleted</source>
        <translation>{created} erstellt, {modified} geändert, {deleted} gelöscht</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="113"/>
        <source>The layers have no changes: the file is empty.</source>
        <translation>Die Layer enthalten keine Änderungen: Die Datei ist leer.</translation>
    </message>
</context>
<context>
    <name>ChangesetForm</name>
    <message>
        <location filename="../ui/review_changeset.py" line="32"/>
        <source>What did you change, and why? E.g. &quot;Added benches in the park&quot;</source>
        <translation>Was haben Sie geändert und warum? Z. B. „Bänke im Park ergänzt“</translation>
    </message>
    <message>
        <location filename="../ui/review_changeset.py" line="98"/>
        <source>Choose whether this is an import or a mechanical edit.</source>
        <translation>Wählen Sie, ob es ein Import oder eine mechanische Bearbeitung ist.</translation>
    </message>
    <message>
        <location filename="../ui/review_changeset.py" line="44"/>
        <source>Imports and mechanical edits follow rules of their own:&lt;br&gt;• the &lt;a href=&quot;{guidelines}&quot;&gt;Import Guidelines&lt;/a&gt; ask you to discuss an import with the local community and on the imports list first, to check that the licence allows it and to document it on a wiki page;&lt;br&gt;• the &lt;a href=&quot;{conduct}&quot;&gt;Automated Edits code of conduct&lt;/a&gt; asks you to document and discuss a mechanical edit first and to make it from a dedicated account.&lt;br&gt;Give the address of that documentation page.</source>
        <translation>Für Importe und mechanische Bearbeitungen gelten eigene Regeln:&lt;br&gt;• Die &lt;a href=&quot;{guidelines}&quot;&gt;Import-Richtlinien&lt;/a&gt; verlangen, einen Import zuerst mit der lokalen Community und auf der Import-Mailingliste zu besprechen, zu prüfen, ob die Lizenz ihn erlaubt, und ihn auf einer Wiki-Seite zu dokumentieren;&lt;br&gt;• der &lt;a href=&quot;{conduct}&quot;&gt;Verhaltenskodex für automatisierte Bearbeitungen&lt;/a&gt; verlangt, eine mechanische Bearbeitung zuerst zu dokumentieren und zu besprechen und sie mit einem eigenen Benutzerkonto durchzuführen.&lt;br&gt;Geben Sie die Adresse dieser Dokumentationsseite an.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="7"/>
        <source>Resolve upload conflicts</source>
        <translation>Konflikte beim Hochladen lösen</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="25"/>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="29"/>
        <source>Theirs (server)</source>
        <translation>Fremde Version (Server)</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="42"/>
        <source>Take theirs for all</source>
        <translation>Für alle Server-Version übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="56"/>
        <source>tag {key}</source>
        <translation>Tag {key}</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="58"/>
        <source>position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="59"/>
        <source>vertices</source>
        <translation>Stützpunkte</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="60"/>
        <source>members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="61"/>
        <source>deleted or changed</source>
        <translation>gelöscht oder geändert</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="66"/>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="66"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/conflict_dialog.py" line="72"/>
        <source>%n vertices</source>
        <translation>
            <numerusform>%n Stützpunkt</numerusform>
            <numerusform>%n Stützpunkte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/conflict_dialog.py" line="74"/>
        <source>%n members</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="76"/>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="28"/>
        <source>Yours</source>
        <translation>Ihre</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="97"/>
        <source>Theirs</source>
        <translation>Deren</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="12"/>
        <source>Someone else changed these elements on the server after your download, and so did you. What only one of you changed is merged by itself. Below are the parts you both changed differently: choose for each whether &lt;b&gt;yours&lt;/b&gt; or &lt;b&gt;theirs&lt;/b&gt; is kept. Nothing of yours was uploaded for them yet.</source>
        <translation>Jemand anderes hat diese Elemente nach Ihrem Download auf dem Server geändert, und Sie ebenfalls. Was nur einer von Ihnen geändert hat, wird von selbst zusammengeführt. Unten stehen die Teile, die Sie beide unterschiedlich geändert haben: Wählen Sie für jeden, ob &lt;b&gt;Ihre&lt;/b&gt; oder &lt;b&gt;deren&lt;/b&gt; Fassung bleibt. Von Ihnen wurde für diese Elemente noch nichts hochgeladen.</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="26"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="27"/>
        <source>At download</source>
        <translation>Beim Download</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="30"/>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="37"/>
        <source>Keep yours for all</source>
        <translation>Überall Ihre behalten</translation>
    </message>
</context>
<context>
    <name>DownloadBboxAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="189"/>
        <source>Download OSM data (bounding box)</source>
        <translation>OSM-Daten herunterladen (Begrenzungsrahmen)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="192"/>
        <source>Downloads every node, way and relation of the extent from an OSM API 0.6 server into a GeoPackage with the layers osm_points, osm_lines, osm_polygons and osm_relations and the base snapshot needed to upload edits. Large extents are split into several requests within the server's limits. ENDPOINT is the API base URL (…/api/0.6); empty uses the server chosen in the plugin settings.</source>
        <translation>Lädt alle Knoten, Wege und Relationen der Ausdehnung von einem OSM-API-0.6-Server in ein GeoPackage mit den Layern osm_points, osm_lines, osm_polygons und osm_relations sowie dem Basisstand, der zum Hochladen von Bearbeitungen nötig ist. Große Ausdehnungen werden innerhalb der Grenzen des Servers auf mehrere Anfragen aufgeteilt. ENDPOINT ist die Basis-URL der API (…/api/0.6); leer bedeutet: der in den Plugin-Einstellungen gewählte Server.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="201"/>
        <source>Extent</source>
        <translation>Ausdehnung</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="202"/>
        <source>OSM API URL (…/api/0.6)</source>
        <translation>OSM-API-URL (…/api/0.6)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="207"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="207"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="228"/>
        <source>Downloading {bbox} from {url}</source>
        <translation>{bbox} wird von {url} heruntergeladen</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <location filename="../ui/download_dialog.ui" line="16"/>
        <source>Area</source>
        <translation>Gebiet</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="81"/>
        <source>OpenStreetMap (production)</source>
        <translation>OpenStreetMap (Produktivserver)</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="82"/>
        <source>OpenStreetMap development server</source>
        <translation>OpenStreetMap-Entwicklungsserver</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="83"/>
        <source>Local sandbox</source>
        <translation>Lokale Sandbox</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="84"/>
        <source>Custom URL</source>
        <translation>Eigene URL</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="94"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="95"/>
        <source>Save the download as</source>
        <translation>Download speichern unter</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="101"/>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="263"/>
        <source>Choose the area to download.</source>
        <translation>Wählen Sie das herunterzuladende Gebiet.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="197"/>
        <source>This is a large area: the download may take long and load the server.</source>
        <translation>Dies ist ein großes Gebiet: Der Download kann lange dauern und den Server belasten.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="246"/>
        <source>Large download</source>
        <translation>Großer Download</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="246"/>
        <source>The area covers about {area} km². Downloading it takes long, puts load on the OpenStreetMap servers and gives layers that are slow to edit. Download anyway?</source>
        <translation>Das Gebiet umfasst etwa {area} km². Das Herunterladen dauert lange, belastet die OpenStreetMap-Server und ergibt Layer, die sich nur langsam bearbeiten lassen. Trotzdem herunterladen?</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="266"/>
        <source>Enter the URL of the OSM API.</source>
        <translation>Geben Sie die URL der OSM-API ein.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="283"/>
        <source>The folder {folder} does not exist.</source>
        <translation>Der Ordner {folder} existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="393"/>
        <source>Open an OSM file</source>
        <translation>OSM-Datei öffnen</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="6"/>
        <source>Download OSM data</source>
        <translation>OSM-Daten herunterladen</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="10"/>
        <source>Download every node, way and relation of an area from the OpenStreetMap editing API into editable layers.</source>
        <translation>Alle Knoten, Wege und Relationen eines Gebiets von der OpenStreetMap-Bearbeitungs-API in bearbeitbare Layer herunterladen.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="27"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="29"/>
        <source>OSM API</source>
        <translation>OSM-API</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="31"/>
        <source>API URL</source>
        <translation>API-URL</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="32"/>
        <source>https://example.org/api/0.6</source>
        <translation>https://example.org/api/0.6</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="38"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="40"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="44"/>
        <source>Edits are saved in this file; the layers are grouped under its name.</source>
        <translation>Bearbeitungen werden in dieser Datei gespeichert; die Layer werden unter ihrem Namen gruppiert.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="56"/>
        <source>Data © OpenStreetMap contributors, ODbL.</source>
        <translation>Daten © OpenStreetMap-Mitwirkende, ODbL.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="470"/>
        <source>Write the data into a new file, or replace the file and lose what it holds?</source>
        <translation>Die Daten in eine neue Datei schreiben oder die Datei ersetzen und ihren Inhalt verlieren?</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="476"/>
        <source>Write a new file</source>
        <translation>Neue Datei schreiben</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="480"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/download_dialog.py" line="194"/>
        <source>About {area} km², at least %n requests to the server.</source>
        <translation>
            <numerusform>Etwa {area} km², mindestens %n Anfrage an den Server.</numerusform>
            <numerusform>Etwa {area} km², mindestens %n Anfragen an den Server.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="97"/>
        <source>Choose where to save the download</source>
        <translation>Wählen Sie, wo der Download gespeichert wird</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="270"/>
        <source>Choose the GeoPackage to save the download in. (Downloads go to the project&apos;s folder, or to the download folder set in the settings, when there is one.)</source>
        <translation>Wählen Sie das GeoPackage, in dem der Download gespeichert wird. (Downloads werden im Ordner des Projekts gespeichert oder, falls in den Einstellungen einer festgelegt ist, im Download-Ordner.)</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="356"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="393"/>
        <source>OpenStreetMap files (*.osm *.osm.pbf *.pbf *.xml)</source>
        <translation>OpenStreetMap-Dateien (*.osm *.osm.pbf *.pbf *.xml)</translation>
    </message>
</context>
<context>
    <name>DownloadService</name>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="284"/>
        <source>Downloading OpenStreetMap data into {name}</source>
        <translation>OpenStreetMap-Daten werden in {name} heruntergeladen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="321"/>
        <source>Reading {file}</source>
        <translation>{file} wird gelesen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="421"/>
        <source>The OSM data could not be loaded: {reason}</source>
        <translation>Die OSM-Daten konnten nicht geladen werden: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="481"/>
        <source>%n relations reach outside the area and are marked incomplete; areas among them are drawn from the rings that are complete.</source>
        <translation>
            <numerusform>%n Relation reicht über das Gebiet hinaus und ist als unvollständig markiert; ist sie eine Fläche, wird sie aus ihren vollständigen Ringen gezeichnet.</numerusform>
            <numerusform>%n Relationen reichen über das Gebiet hinaus und sind als unvollständig markiert; Flächen darunter werden aus ihren vollständigen Ringen gezeichnet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="491"/>
        <source>%n ways use nodes that are not in the data (for example way {example}): they are drawn through the nodes that are there, marked incomplete, and uploaded with all their nodes.</source>
        <translation>
            <numerusform>%n Weg verwendet Knoten, die nicht in den Daten sind (Weg {example}): Er wird durch die vorhandenen Knoten gezeichnet, als unvollständig markiert und mit allen seinen Knoten hochgeladen.</numerusform>
            <numerusform>%n Wege verwenden Knoten, die nicht in den Daten sind (zum Beispiel Weg {example}): Sie werden durch die vorhandenen Knoten gezeichnet, als unvollständig markiert und mit allen ihren Knoten hochgeladen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="380"/>
        <source>Download cancelled; nothing was changed.</source>
        <translation>Download abgebrochen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="445"/>
        <source>The area holds no OSM data; the group “{name}” is empty.</source>
        <translation>Das Gebiet enthält keine OSM-Daten; die Gruppe „{name}“ ist leer.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="449"/>
        <source>{list} and {last}</source>
        <translation>{list} und {last}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="456"/>
        <source>Downloaded {counts} into “{name}”.</source>
        <translation>{counts} in „{name}“ heruntergeladen.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="415"/>
        <source>The layers are saved in {path}.</source>
        <translation>Die Layer sind in {path} gespeichert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="436"/>
        <source>%n points</source>
        <translation>
            <numerusform>%n Punkt</numerusform>
            <numerusform>%n Punkte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="436"/>
        <source>%n lines</source>
        <translation>
            <numerusform>%n Linie</numerusform>
            <numerusform>%n Linien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="436"/>
        <source>%n polygons</source>
        <translation>
            <numerusform>%n Polygon</numerusform>
            <numerusform>%n Polygone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="436"/>
        <source>%n relations</source>
        <translation>
            <numerusform>%n Relation</numerusform>
            <numerusform>%n Relationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="460"/>
        <source>%n relations reach outside the area.</source>
        <translation>
            <numerusform>%n Relation reicht über das Gebiet hinaus.</numerusform>
            <numerusform>%n Relationen reichen über das Gebiet hinaus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="467"/>
        <source>%n ways lack some of their nodes.</source>
        <translation>
            <numerusform>Bei %n Weg fehlen einige Knoten.</numerusform>
            <numerusform>Bei %n Wegen fehlen einige Knoten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GeocodeTable</name>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="405"/>
        <source>Geocode table (Nominatim)</source>
        <translation>Tabelle geokodieren (Nominatim)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="408"/>
        <source>Geocodes each row of a table: free-form from one field, or structured from the address fields mapped below. The output keeps every input attribute and adds status (ok, not_found, empty, error), status_text, osm_type, osm_id, display_name and more; rows that fail keep their attributes and have no geometry. Requests are spaced as the server&apos;s usage policy requires (at least 1 s for the public server) and identical addresses are asked once.</source>
        <translation>Geokodiert jede Zeile einer Tabelle: als Freitext aus einem Feld oder strukturiert aus den unten zugeordneten Adressfeldern. Die Ausgabe behält alle Eingabeattribute und ergänzt status (ok, not_found, empty, error), status_text, osm_type, osm_id, display_name und weitere; fehlgeschlagene Zeilen behalten ihre Attribute und haben keine Geometrie. Zwischen den Anfragen wird so lange gewartet, wie es die Nutzungsrichtlinie des Servers verlangt (beim öffentlichen Server mindestens 1 s), und gleiche Adressen werden nur einmal abgefragt.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="418"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="423"/>
        <source>Free-form address field</source>
        <translation>Adressfeld (Freitext)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="432"/>
        <source>Amenity field (structured)</source>
        <translation>Feld für Einrichtung (strukturiert)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="433"/>
        <source>Street field (structured)</source>
        <translation>Feld für Straße (strukturiert)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="434"/>
        <source>City field (structured)</source>
        <translation>Feld für Ort (strukturiert)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="435"/>
        <source>County field (structured)</source>
        <translation>Feld für Kreis (strukturiert)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="436"/>
        <source>State field (structured)</source>
        <translation>Feld für Bundesland (strukturiert)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="437"/>
        <source>Country field (structured)</source>
        <translation>Feld für Land (strukturiert)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="438"/>
        <source>Postcode field (structured)</source>
        <translation>Feld für Postleitzahl (strukturiert)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="446"/>
        <source>Limit to countries (ISO codes, e.g. li,ch)</source>
        <translation>Auf Länder beschränken (ISO-Codes, z. B. li,ch)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="455"/>
        <source>Geocoded</source>
        <translation>Geokodiert</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="458"/>
        <source>Rows geocoded</source>
        <translation>Geokodierte Zeilen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="459"/>
        <source>Rows not geocoded</source>
        <translation>Nicht geokodierte Zeilen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="469"/>
        <source>Choose either a free-form address field or structured address fields, not both.</source>
        <translation>Wählen Sie entweder ein Freitext-Adressfeld oder strukturierte Adressfelder, nicht beides.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="476"/>
        <source>Choose the field that holds the address (free-form) or at least one structured address field.</source>
        <translation>Wählen Sie das Feld mit der Adresse (Freitext) oder mindestens ein strukturiertes Adressfeld.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="485"/>
        <source>The table has no field “{field}”.</source>
        <translation>Die Tabelle hat kein Feld „{field}“.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="504"/>
        <source>Server: {url}; at least {seconds} s between requests.</source>
        <translation>Server: {url}; mindestens {seconds} s zwischen Anfragen.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="545"/>
        <source>{failed} of {total} rows could not be geocoded; see status_text.</source>
        <translation>{failed} von {total} Zeilen konnten nicht geokodiert werden; siehe status_text.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="565"/>
        <source>No address in this row.</source>
        <translation>Keine Adresse in dieser Zeile.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="574"/>
        <source>Row {id}: {message}</source>
        <translation>Zeile {id}: {message}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="579"/>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
</context>
<context>
    <name>LoadOsmFileAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="253"/>
        <source>Load .osm file</source>
        <translation>.osm-Datei laden</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="263"/>
        <source>OSM file</source>
        <translation>OSM-Datei</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="270"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="270"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="281"/>
        <source>The file {path} does not exist.</source>
        <translation>Die Datei {path} existiert nicht.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="256"/>
        <source>Reads an OSM file (OSM XML .osm or OSM PBF .osm.pbf) into a GeoPackage with the layers osm_points, osm_lines, osm_polygons and osm_relations and the base snapshot, exactly like a download from the API.</source>
        <translation>Liest eine OSM-Datei (OSM XML .osm oder OSM PBF .osm.pbf) in ein GeoPackage mit den Layern osm_points, osm_lines, osm_polygons und osm_relations und dem Basisstand ein, genau wie ein Download von der API.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="263"/>
        <source>OpenStreetMap files (*.osm *.osm.pbf *.pbf *.xml)</source>
        <translation>OpenStreetMap-Dateien (*.osm *.osm.pbf *.pbf *.xml)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../ui/login_dialog.py" line="67"/>
        <source>Log in to &lt;b&gt;{server}&lt;/b&gt;</source>
        <translation>Bei &lt;b&gt;{server}&lt;/b&gt; anmelden</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="77"/>
        <source>Code or address</source>
        <translation>Code oder Adresse</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="98"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="124"/>
        <source>Waiting for the browser…</source>
        <translation>Warten auf den Browser…</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="125"/>
        <source>QGIS cannot receive the browser&apos;s answer: paste the code the server shows after you approved the access.</source>
        <translation>QGIS kann die Antwort des Browsers nicht empfangen: Fügen Sie den Code ein, den der Server anzeigt, nachdem Sie den Zugriff genehmigt haben.</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="129"/>
        <source>Exchanging the code…</source>
        <translation>Der Code wird eingelöst…</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="148"/>
        <source>The address of the login page is in the clipboard.</source>
        <translation>Die Adresse der Anmeldeseite ist in der Zwischenablage.</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="155"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="162"/>
        <source>Logged in. Asking the server for the account name…</source>
        <translation>Angemeldet. Der Kontoname wird beim Server abgefragt…</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="186"/>
        <source>Asking for the account name</source>
        <translation>Kontoname wird abgefragt</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="197"/>
        <source>Logged in as &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>Angemeldet als &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="201"/>
        <source>Logged in. The account name is not available: {reason}</source>
        <translation>Angemeldet. Der Kontoname ist nicht verfügbar: {reason}</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="225"/>
        <source>Open the browser again</source>
        <translation>Browser erneut öffnen</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="226"/>
        <source>Copy the address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="231"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="7"/>
        <source>Log in to OpenStreetMap</source>
        <translation>Bei OpenStreetMap anmelden</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="26"/>
        <source>Approve the access in the browser. If the browser runs on another computer, or QGIS does not receive its answer, paste the code the server shows (or the whole address the browser ended on) here:</source>
        <translation>Genehmigen Sie den Zugriff im Browser. Wenn der Browser auf einem anderen Computer läuft oder QGIS seine Antwort nicht empfängt, fügen Sie hier den Code ein, den der Server anzeigt (oder die ganze Adresse, bei der der Browser angekommen ist):</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="32"/>
        <source>Use the code</source>
        <translation>Code verwenden</translation>
    </message>
</context>
<context>
    <name>NominatimLayers</name>
    <message>
        <location filename="../plugin/adapters/nominatim_layers.py" line="179"/>
        <source>Nominatim points</source>
        <translation>Nominatim-Punkte</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/nominatim_layers.py" line="180"/>
        <source>Nominatim outlines</source>
        <translation>Nominatim-Umrisse</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/nominatim_layers.py" line="181"/>
        <source>Nominatim outlines (lines)</source>
        <translation>Nominatim-Umrisse (Linien)</translation>
    </message>
</context>
<context>
    <name>NominatimSearch</name>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="177"/>
        <source>Search places (Nominatim)</source>
        <translation>Orte suchen (Nominatim)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="180"/>
        <source>Runs one Nominatim search, free-form (Query) or structured (the address fields), and writes the results as points and, with outlines, as polygons and lines in EPSG:4326. Address parts, extra tags and name details become columns (addr_*, extra_*, names_*); raw_json holds the server's answer for each place. Data © OpenStreetMap contributors, ODbL.</source>
        <translation>Führt eine Nominatim-Suche aus, als Freitext (Abfrage) oder strukturiert (die Adressfelder), und schreibt die Ergebnisse als Punkte sowie, mit Umrissen, als Polygone und Linien in EPSG:4326. Adressbestandteile, zusätzliche Tags und Namensdetails werden zu Spalten (addr_*, extra_*, names_*); raw_json enthält die Antwort des Servers für jeden Ort. Daten © OpenStreetMap-Mitwirkende, ODbL.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="190"/>
        <source>Query (free-form)</source>
        <translation>Abfrage (Freitext)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="194"/>
        <source>Amenity (structured)</source>
        <translation>Einrichtung (strukturiert)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="195"/>
        <source>Street with house number (structured)</source>
        <translation>Straße mit Hausnummer (strukturiert)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="196"/>
        <source>City (structured)</source>
        <translation>Ort (strukturiert)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="197"/>
        <source>County (structured)</source>
        <translation>Kreis (strukturiert)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="198"/>
        <source>State (structured)</source>
        <translation>Bundesland (strukturiert)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="199"/>
        <source>Country (structured)</source>
        <translation>Land (strukturiert)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="200"/>
        <source>Postcode (structured)</source>
        <translation>Postleitzahl (strukturiert)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="204"/>
        <source>Limit to countries (ISO codes, e.g. li,ch)</source>
        <translation>Auf Länder beschränken (ISO-Codes, z. B. li,ch)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="211"/>
        <source>Maximum number of results</source>
        <translation>Maximale Anzahl an Ergebnissen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="220"/>
        <source>Preferred area (viewbox)</source>
        <translation>Bevorzugtes Gebiet (viewbox)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="225"/>
        <source>Only results inside the preferred area</source>
        <translation>Nur Ergebnisse im bevorzugten Gebiet</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="230"/>
        <source>Limit to layers</source>
        <translation>Auf Layer beschränken</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="241"/>
        <source>Limit to feature type</source>
        <translation>Auf Objekttyp beschränken</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="251"/>
        <source>Exclude place ids (comma-separated)</source>
        <translation>Place-IDs ausschließen (kommagetrennt)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="261"/>
        <source>Address details</source>
        <translation>Adressdetails</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="261"/>
        <source>Extra tags</source>
        <translation>Zusätzliche Tags</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="261"/>
        <source>Name details</source>
        <translation>Namensdetails</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="261"/>
        <source>Fetch outlines</source>
        <translation>Umrisse abrufen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="268"/>
        <source>Outline simplification tolerance (degrees)</source>
        <translation>Toleranz für die Vereinfachung der Umrisse (Grad)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="279"/>
        <source>Remove duplicate results</source>
        <translation>Doppelte Ergebnisse entfernen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="286"/>
        <source>Nominatim points</source>
        <translation>Nominatim-Punkte</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="291"/>
        <source>Nominatim outlines</source>
        <translation>Nominatim-Umrisse</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="299"/>
        <source>Nominatim outlines (lines)</source>
        <translation>Nominatim-Umrisse (Linien)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="308"/>
        <source>Number of results</source>
        <translation>Anzahl der Ergebnisse</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="358"/>
        <source>Request: {url}</source>
        <translation>Anfrage: {url}</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="360"/>
        <source>%n places found.</source>
        <translation>
            <numerusform>%n Ort gefunden.</numerusform>
            <numerusform>%n Orte gefunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OsmElements</name>
    <message>
        <location filename="../plugin/adapters/i18n.py" line="58"/>
        <source>node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/i18n.py" line="59"/>
        <source>way</source>
        <translation>Weg</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/i18n.py" line="60"/>
        <source>relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/i18n.py" line="67"/>
        <source>{type} {id}</source>
        <translation>{type} {id}</translation>
    </message>
</context>
<context>
    <name>OsmIssues</name>
    <message>
        <location filename="../plugin/adapters/validation.py" line="126"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/validation.py" line="127"/>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/validation.py" line="150"/>
        <source>OSM issues</source>
        <translation>OSM-Probleme</translation>
    </message>
</context>
<context>
    <name>OsmLayers</name>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="222"/>
        <source>The layer {layer} of {path} cannot be opened.</source>
        <translation>Der Layer {layer} von {path} kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="327"/>
        <source>Places</source>
        <translation>Orte</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="327"/>
        <source>Shops</source>
        <translation>Geschäfte</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Amenities</source>
        <translation>Einrichtungen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="327"/>
        <source>Tourism</source>
        <translation>Tourismus</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="327"/>
        <source>Public transport</source>
        <translation>Öffentlicher Verkehr</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="327"/>
        <source>Trees</source>
        <translation>Bäume</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="327"/>
        <source>Entrances</source>
        <translation>Eingänge</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="327"/>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Motorways and trunk roads</source>
        <translation>Autobahnen und Schnellstraßen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Primary roads</source>
        <translation>Primärstraßen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Secondary roads</source>
        <translation>Sekundärstraßen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Tertiary roads</source>
        <translation>Tertiärstraßen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Local streets</source>
        <translation>Ortsstraßen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Service roads</source>
        <translation>Zufahrtswege</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Paths</source>
        <translation>Fuß- und Radwege</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Tracks</source>
        <translation>Wirtschaftswege</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Railways</source>
        <translation>Bahnstrecken</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Waterways</source>
        <translation>Wasserläufe</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Power lines</source>
        <translation>Stromleitungen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Barriers</source>
        <translation>Barrieren</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Other roads</source>
        <translation>Sonstige Straßen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Buildings</source>
        <translation>Gebäude</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Water</source>
        <translation>Wasserflächen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Parking</source>
        <translation>Parkplätze</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Sports</source>
        <translation>Sportanlagen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Parks</source>
        <translation>Parks</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Forest</source>
        <translation>Wald</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Grass</source>
        <translation>Grasflächen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Farmland</source>
        <translation>Ackerland</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Residential</source>
        <translation>Wohngebiete</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Commercial</source>
        <translation>Geschäftsgebiete</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Industrial</source>
        <translation>Industriegebiete</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Other land use</source>
        <translation>Sonstige Landnutzung</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="591"/>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="599"/>
        <source>Incomplete (cut by the download area)</source>
        <translation>Unvollständig (vom Download-Gebiet abgeschnitten)</translation>
    </message>
</context>
<context>
    <name>OsmLocatorFilter</name>
    <message>
        <location filename="../ui/locator.py" line="57"/>
        <source>OpenStreetMap places (Nominatim)</source>
        <translation>OpenStreetMap-Orte (Nominatim)</translation>
    </message>
    <message>
        <location filename="../ui/locator.py" line="79"/>
        <source>Search “{text}” on OpenStreetMap (press Enter)</source>
        <translation>„{text}“ in OpenStreetMap suchen (Eingabetaste)</translation>
    </message>
    <message>
        <location filename="../ui/locator.py" line="79"/>
        <source>in the OSM Roundtrip search panel</source>
        <translation>im Suchbereich von OSM Roundtrip</translation>
    </message>
</context>
<context>
    <name>OsmRoundtripAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/base.py" line="40"/>
        <source>“{value}” is not a value of {parameter}. Valid values: {names} (or their numbers 0 to {last}).</source>
        <translation>„{value}“ ist kein Wert von {parameter}. Gültige Werte: {names} (oder ihre Nummern 0 bis {last}).</translation>
    </message>
</context>
<context>
    <name>OsmRoundtripErrors</name>
    <message>
        <location filename="../plugin/core/errors.py" line="106"/>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="60"/>
        <source>The server at {url} answered with a web page instead of data: {snippet}</source>
        <translation>Der Server unter {url} hat statt Daten eine Webseite geliefert: {snippet}</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="71"/>
        <source>The server at {url} sent invalid JSON ({error}).</source>
        <translation>Der Server unter {url} hat ungültiges JSON gesendet ({error}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="305"/>
        <source>The server {host} did not answer within {seconds} s.</source>
        <translation>Der Server {host} hat nicht innerhalb von {seconds} s geantwortet.</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="313"/>
        <source>Could not connect to {host}: {reason}</source>
        <translation>Keine Verbindung zu {host} möglich: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="321"/>
        <source>The request to {host} failed: {reason}</source>
        <translation>Die Anfrage an {host} ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="337"/>
        <source>The server refused the request because of rate limiting (HTTP {status}). {body}</source>
        <translation>Der Server hat die Anfrage wegen einer Ratenbegrenzung abgelehnt (HTTP {status}). {body}</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="517"/>
        <source>The server answered HTTP {status}: {body}</source>
        <translation>Der Server hat mit HTTP {status} geantwortet: {body}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="226"/>
        <source>The layers of {path} have unsaved edits. Save or discard them, or choose another file.</source>
        <translation>Die Layer von {path} haben ungespeicherte Bearbeitungen. Speichern oder verwerfen Sie sie oder wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/client.py" line="270"/>
        <source>The server at {url} sent an unreadable answer: {reason}</source>
        <translation>Der Server unter {url} hat eine unlesbare Antwort gesendet: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/client.py" line="285"/>
        <source>The server blocked the request (HTTP {status}), usually because its usage policy was not respected: {body}</source>
        <translation>Der Server hat die Anfrage blockiert (HTTP {status}), meist weil seine Nutzungsrichtlinie nicht eingehalten wurde: {body}</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/places.py" line="316"/>
        <source>The server sent invalid XML ({error}).</source>
        <translation>Der Server hat ungültiges XML gesendet ({error}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/places.py" line="341"/>
        <source>The server sent a result that cannot be read (expected {expected}; got {got}).</source>
        <translation>Der Server hat ein Ergebnis gesendet, das nicht gelesen werden kann (erwartet: {expected}; erhalten: {got}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="100"/>
        <source>The viewbox {viewbox} is out of range: longitudes must be within -180..180 and latitudes within -90..90.</source>
        <translation>Die viewbox {viewbox} liegt außerhalb des gültigen Bereichs: Längengrade müssen innerhalb von -180..180 und Breitengrade innerhalb von -90..90 liegen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="108"/>
        <source>The viewbox {viewbox} is not a proper box: its corners must differ in both longitude and latitude.</source>
        <translation>Die viewbox {viewbox} ist kein echtes Rechteck: Ihre Ecken müssen sich sowohl in der Länge als auch in der Breite unterscheiden.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="122"/>
        <source>The viewbox “{value}” is malformed: give four numbers x1,y1,x2,y2 (two opposite corners, longitude then latitude).</source>
        <translation>Die viewbox „{value}“ ist fehlerhaft: Geben Sie vier Zahlen x1,y1,x2,y2 an (zwei gegenüberliegende Ecken, jeweils Länge, dann Breite).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="167"/>
        <source>The output format “{format}” is not supported; use one of {formats}.</source>
        <translation>Das Ausgabeformat „{format}“ wird nicht unterstützt; verwenden Sie eines von {formats}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="175"/>
        <source>The layer “{layer}” is unknown; use any of {layers}.</source>
        <translation>Der Layer „{layer}“ ist unbekannt; verwenden Sie beliebige von {layers}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="182"/>
        <source>Only one outline format can be requested at a time (asked for {formats}).</source>
        <translation>Es kann nur ein Umrissformat gleichzeitig angefordert werden (angefordert: {formats}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="193"/>
        <source>The outline simplification tolerance must be a number of degrees, zero or more (got {value}).</source>
        <translation>Die Toleranz für die Vereinfachung der Umrisse muss eine Gradzahl von null oder mehr sein (erhalten: {value}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="201"/>
        <source>An outline simplification tolerance needs an outline format (polygon_geojson, polygon_kml, polygon_svg or polygon_text).</source>
        <translation>Eine Toleranz für die Vereinfachung der Umrisse erfordert ein Umrissformat (polygon_geojson, polygon_kml, polygon_svg oder polygon_text).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="208"/>
        <source>“{email}” is not a valid e-mail address.</source>
        <translation>„{email}“ ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="278"/>
        <source>A free-form query cannot be combined with structured address fields ({fields}); use one or the other.</source>
        <translation>Eine Freitextabfrage kann nicht mit strukturierten Adressfeldern ({fields}) kombiniert werden; verwenden Sie das eine oder das andere.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="286"/>
        <source>The query is empty: enter a search text or at least one address field.</source>
        <translation>Die Abfrage ist leer: Geben Sie einen Suchtext oder mindestens ein Adressfeld ein.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="296"/>
        <source>The number of results must be between 1 and {maximum} (got {limit}).</source>
        <translation>Die Anzahl der Ergebnisse muss zwischen 1 und {maximum} liegen (erhalten: {limit}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="304"/>
        <source>“{code}” is not a country code: use two-letter ISO 3166-1 codes such as li or de.</source>
        <translation>„{code}“ ist kein Ländercode: Verwenden Sie zweibuchstabige ISO-3166-1-Codes wie li oder de.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="312"/>
        <source>The feature type “{value}” is unknown; use one of {types}.</source>
        <translation>Der Objekttyp „{value}“ ist unbekannt; verwenden Sie einen von {types}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="320"/>
        <source>“{value}” is not a place id (a positive whole number).</source>
        <translation>„{value}“ ist keine Place-ID (eine positive ganze Zahl).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="328"/>
        <source>Restricting the results to the viewbox (bounded) needs a viewbox.</source>
        <translation>Um die Ergebnisse auf die viewbox zu beschränken (bounded), wird eine viewbox benötigt.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="422"/>
        <source>The position {lat}, {lon} is not valid: latitude must be within -90..90 and longitude within -180..180.</source>
        <translation>Die Position {lat}, {lon} ist ungültig: Die Breite muss innerhalb von -90..90 und die Länge innerhalb von -180..180 liegen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="435"/>
        <source>The zoom level must be between 0 and {maximum} (got {zoom}).</source>
        <translation>Die Zoomstufe muss zwischen 0 und {maximum} liegen (erhalten: {zoom}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="135"/>
        <source>The server at {url} did not send an access token.</source>
        <translation>Der Server unter {url} hat kein Zugriffstoken gesendet.</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="331"/>
        <source>The authorization was refused: {reason}</source>
        <translation>Die Autorisierung wurde verweigert: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="323"/>
        <source>The answer of the authorization server does not belong to this login (state mismatch); please try again.</source>
        <translation>Die Antwort des Autorisierungsservers gehört nicht zu dieser Anmeldung (state stimmt nicht überein); bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="346"/>
        <source>No loopback listener: enter the code shown by the server.</source>
        <translation>Kein lokaler Empfänger (Loopback): Geben Sie den vom Server angezeigten Code ein.</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="354"/>
        <source>No answer from the browser within {seconds} s; the login was abandoned.</source>
        <translation>Keine Antwort vom Browser innerhalb von {seconds} s; die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="399"/>
        <source>The server refused to issue a token (HTTP {status}): {body}</source>
        <translation>Der Server hat die Ausstellung eines Tokens verweigert (HTTP {status}): {body}</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="440"/>
        <source>Could not listen on 127.0.0.1 for the browser&apos;s answer and no way to ask for the code was given.</source>
        <translation>Auf 127.0.0.1 konnte nicht auf die Antwort des Browsers gewartet werden, und es wurde keine Möglichkeit angegeben, den Code abzufragen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="61"/>
        <source>{element_type} {element_id} was changed on the server by someone else (your version {provided}, server version {server}).</source>
        <translation>{element_type} {element_id} wurde auf dem Server von jemand anderem geändert (Ihre Version {provided}, Serverversion {server}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="87"/>
        <source>The changeset {changeset} was closed at {closed_at}.</source>
        <translation>Der Änderungssatz {changeset} wurde am {closed_at} geschlossen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="123"/>
        <source>{element_type} {element_id} cannot be deleted: it is still used by {users}.</source>
        <translation>{element_type} {element_id} kann nicht gelöscht werden: Es wird noch von {users} verwendet.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="129"/>
        <source>{element_type} {element_id} refers to elements that do not exist or were deleted on the server: {users}.</source>
        <translation>{element_type} {element_id} verweist auf Elemente, die auf dem Server nicht existieren oder gelöscht wurden: {users}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="378"/>
        <source>The server refused the upload: {body}</source>
        <translation>Der Server hat das Hochladen abgelehnt: {body}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="163"/>
        <source>{element_type} {element_id} has already been deleted on the server.</source>
        <translation>{element_type} {element_id} wurde auf dem Server bereits gelöscht.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="168"/>
        <source>The element has already been deleted on the server.</source>
        <translation>Das Element wurde auf dem Server bereits gelöscht.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="307"/>
        <source>The changeset is busy with another upload; try again in a moment. ({body})</source>
        <translation>Der Änderungssatz ist durch einen anderen Hochladevorgang belegt; versuchen Sie es gleich noch einmal. ({body})</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="316"/>
        <source>The server refused the changeset: {body}</source>
        <translation>Der Server hat den Änderungssatz abgelehnt: {body}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="345"/>
        <source>The upload is too large for the server (HTTP 413): {body} Upload smaller areas in separate changesets.</source>
        <translation>Der Upload ist zu groß für den Server (HTTP 413): {body} Laden Sie kleinere Gebiete in getrennten Änderungssätzen hoch.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="358"/>
        <source>The server did not accept your login (HTTP {status}): {body} Log in again.</source>
        <translation>Der Server hat Ihre Anmeldung nicht akzeptiert (HTTP {status}): {body} Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="368"/>
        <source>The server does not know the changeset or one of the elements (HTTP 404).</source>
        <translation>Der Server kennt den Änderungssatz oder eines der Elemente nicht (HTTP 404).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="413"/>
        <source>The server at {url} sent XML that cannot be read: {reason}</source>
        <translation>Der Server unter {url} hat XML gesendet, das nicht gelesen werden kann: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="475"/>
        <source>The server at {url} sent no changeset.</source>
        <translation>Der Server unter {url} hat keinen Änderungssatz gesendet.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="511"/>
        <source>The server at {url} did not send an osmChange document.</source>
        <translation>Der Server unter {url} hat kein osmChange-Dokument gesendet.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="269"/>
        <source>Your login does not allow editing the map (permission write_api is missing). Log in again and grant “Modify the map”.</source>
        <translation>Ihre Anmeldung erlaubt keine Bearbeitung der Karte (die Berechtigung write_api fehlt). Melden Sie sich erneut an und erteilen Sie die Berechtigung zum Bearbeiten der Karte („Modify the map“).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="672"/>
        <source>The server at {url} did not answer with a changeset number: {snippet}</source>
        <translation>Der Server unter {url} hat nicht mit einer Änderungssatznummer geantwortet: {snippet}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="708"/>
        <source>Unknown OSM layer {layer}.</source>
        <translation>Unbekannter OSM-Layer {layer}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="722"/>
        <source>Feature {fid} of layer {layer} has OSM type &apos;{osm_type}&apos;, which this layer cannot hold.</source>
        <translation>Objekt {fid} des Layers {layer} hat den OSM-Typ „{osm_type}“, den dieser Layer nicht aufnehmen kann.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="733"/>
        <source>Feature {fid} of layer {layer} refers to {element}, which is not in the downloaded data.</source>
        <translation>Objekt {fid} des Layers {layer} verweist auf {element}, das nicht in den heruntergeladenen Daten enthalten ist.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="744"/>
        <source>Features {fid} and {other} of layer {layer} both carry the identity of {element}. Clear osm_id on the copy so that it becomes a new feature.</source>
        <translation>Die Objekte {fid} und {other} des Layers {layer} tragen beide die Identität von {element}. Leeren Sie osm_id in der Kopie, damit sie zu einem neuen Objekt wird.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="773"/>
        <source>Relation {id} (feature {fid}) has an invalid member {member}.</source>
        <translation>Relation {id} (Objekt {fid}) hat ein ungültiges Mitglied {member}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="798"/>
        <source>Feature {fid} of layer {layer} has an invalid geometry.</source>
        <translation>Objekt {fid} des Layers {layer} hat eine ungültige Geometrie.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="806"/>
        <source>Feature {fid} of layer {layer} has coordinates outside longitude -180..180 / latitude -90..90 ({lon}, {lat}): is the layer transformed to WGS84?</source>
        <translation>Objekt {fid} des Layers {layer} hat Koordinaten außerhalb von Länge -180..180 / Breite -90..90 ({lon}, {lat}): Ist der Layer nach WGS84 transformiert?</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1198"/>
        <source>Feature {fid} of layer {layer} has no geometry.</source>
        <translation>Objekt {fid} des Layers {layer} hat keine Geometrie.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="830"/>
        <source>Point {fid} of node {id} has {parts} parts; an OSM node has one.</source>
        <translation>Punkt {fid} von Knoten {id} hat {parts} Teile; ein OSM-Knoten hat einen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="854"/>
        <source>Line {fid} of way {id} has {parts} parts; an OSM way has exactly one. Split it into separate features (the copies without osm_id).</source>
        <translation>Linie {fid} von Weg {id} hat {parts} Teile; ein OSM-Weg hat genau einen. Teilen Sie sie in separate Objekte auf (die Kopien ohne osm_id).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="876"/>
        <source>Line {fid} of way {id} has fewer than two distinct vertices; delete the feature instead.</source>
        <translation>Linie {fid} von Weg {id} hat weniger als zwei verschiedene Stützpunkte; löschen Sie stattdessen das Objekt.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="951"/>
        <source>Polygon {fid} of layer {layer} has a ring with fewer than three distinct vertices.</source>
        <translation>Polygon {fid} des Layers {layer} hat einen Ring mit weniger als drei verschiedenen Stützpunkten.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="990"/>
        <source>Polygon {fid} refers to way {id}, which is not closed.</source>
        <translation>Polygon {fid} verweist auf Weg {id}, der nicht geschlossen ist.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1027"/>
        <source>multipolygon replacing the tags of {element}</source>
        <translation>Multipolygon ersetzt die Tags von {element}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1049"/>
        <source>Relation {id} (feature {fid}) is incomplete or its rings do not close; its geometry cannot be changed here. Edit its member ways instead (tag edits are fine).</source>
        <translation>Relation {id} (Objekt {fid}) ist unvollständig oder ihre Ringe schließen sich nicht; ihre Geometrie kann hier nicht geändert werden. Bearbeiten Sie stattdessen ihre Mitgliedswege (Tag-Änderungen sind möglich).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1137"/>
        <source>ring removed from {element}</source>
        <translation>Ring aus {element} entfernt</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1186"/>
        <source>New line {fid} has fewer than two distinct vertices.</source>
        <translation>Neue Linie {fid} hat weniger als zwei verschiedene Stützpunkte.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1218"/>
        <source>New relation {fid} has an invalid member {member}.</source>
        <translation>Neue Relation {fid} hat ein ungültiges Mitglied {member}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1232"/>
        <source>{element} is changed differently by {first} and {second} ({what}). Make both features agree, or undo one of the edits.</source>
        <translation>{element} wird von {first} und {second} unterschiedlich geändert ({what}). Bringen Sie beide Objekte in Übereinstimmung oder machen Sie eine der Bearbeitungen rückgängig.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1294"/>
        <source>Way {id} would have fewer than two nodes ({source}).</source>
        <translation>Weg {id} hätte weniger als zwei Knoten ({source}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1301"/>
        <source>Way {id} would have {count} nodes, more than the {limit} a way may have ({source}). Split the line first.</source>
        <translation>Weg {id} hätte {count} Knoten, mehr als die {limit}, die ein Weg haben darf ({source}). Teilen Sie die Linie zuerst.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1317"/>
        <source>New feature {source} collapses to a single node.</source>
        <translation>Neues Objekt {source} fällt auf einen einzigen Knoten zusammen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1340"/>
        <source>new point placed on this node</source>
        <translation>neuer Punkt auf diesem Knoten platziert</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1462"/>
        <source>point deleted; the node stays as a vertex and loses its tags</source>
        <translation>Punkt gelöscht; der Knoten bleibt als Stützpunkt erhalten und verliert seine Tags</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1472"/>
        <source>feature deleted</source>
        <translation>Objekt gelöscht</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1485"/>
        <source>member way no longer used</source>
        <translation>Mitgliedsweg nicht mehr verwendet</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1516"/>
        <source>node no longer used</source>
        <translation>Knoten nicht mehr verwendet</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1563"/>
        <source>{element} removed from the members</source>
        <translation>{element} aus den Mitgliedern entfernt</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1656"/>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1659"/>
        <source>nodes changed</source>
        <translation>Knoten geändert</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1661"/>
        <source>members changed</source>
        <translation>Mitglieder geändert</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1652"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1676"/>
        <source>tags: {changes}</source>
        <translation>Tags: {changes}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="111"/>
        <source>The capabilities from {source} are not valid XML: {reason}</source>
        <translation>Die Capabilities von {source} sind kein gültiges XML: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="119"/>
        <source>The answer from {source} is not an API capabilities document.</source>
        <translation>Die Antwort von {source} ist kein API-Capabilities-Dokument.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="181"/>
        <source>A bounding box needs four numbers (min_lon, min_lat, max_lon, max_lat), got {value}.</source>
        <translation>Ein Begrenzungsrahmen benötigt vier Zahlen (min_lon, min_lat, max_lon, max_lat), erhalten: {value}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="195"/>
        <source>The bounding box value {name} is not a number: {value}</source>
        <translation>Der Wert {name} des Begrenzungsrahmens ist keine Zahl: {value}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="205"/>
        <source>The longitude {name} = {value} is outside the range -180 to 180.</source>
        <translation>Die Länge {name} = {value} liegt außerhalb des Bereichs -180 bis 180.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="213"/>
        <source>The latitude {name} = {value} is outside the range -90 to 90.</source>
        <translation>Die Breite {name} = {value} liegt außerhalb des Bereichs -90 bis 90.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="224"/>
        <source>The bounding box is empty: {low_name} ({low}) must be smaller than {high_name} ({high}).</source>
        <translation>Der Begrenzungsrahmen ist leer: {low_name} ({low}) muss kleiner sein als {high_name} ({high}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="236"/>
        <source>The bounding box covers {area:.4f} square degrees; the server allows at most {max_area} per request.</source>
        <translation>Der Begrenzungsrahmen umfasst {area:.4f} Quadratgrad; der Server erlaubt höchstens {max_area} pro Anfrage.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="370"/>
        <source>The OSM API at {url} is not available for reading (api: {api}, database: {database}).</source>
        <translation>Die OSM-API unter {url} steht zum Lesen nicht zur Verfügung (API: {api}, Datenbank: {database}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="381"/>
        <source>The area is too large: it needs {tiles} requests to the server (at most {max_tiles}). Choose a smaller area.</source>
        <translation>Das Gebiet ist zu groß: Es erfordert {tiles} Anfragen an den Server (höchstens {max_tiles}). Wählen Sie ein kleineres Gebiet.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="452"/>
        <source>Too many nodes: splitting an area into {parts} parts</source>
        <translation>Zu viele Knoten: Ein Gebiet wird in {parts} Teile aufgeteilt</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="464"/>
        <source>Downloaded area {done} of {total}</source>
        <translation>Gebiet {done} von {total} heruntergeladen</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="305"/>
        <source>Invalid or missing {what} in the osmChange.</source>
        <translation>Ungültiger oder fehlender Wert für {what} im osmChange-Dokument.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="317"/>
        <source>The osmChange cannot be read: {reason}</source>
        <translation>Das osmChange-Dokument kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="321"/>
        <source>Not an osmChange document (root element {tag}).</source>
        <translation>Kein osmChange-Dokument (Wurzelelement {tag}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="331"/>
        <source>Unknown osmChange action {action}.</source>
        <translation>Unbekannte osmChange-Aktion {action}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="359"/>
        <source>Unknown element {tag} in the osmChange.</source>
        <translation>Unbekanntes Element {tag} im osmChange-Dokument.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="391"/>
        <source>A changeset comment is required.</source>
        <translation>Ein Kommentar zum Änderungssatz ist erforderlich.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="393"/>
        <source>comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="403"/>
        <source>{element} appears twice in the {action} block.</source>
        <translation>{element} kommt im {action}-Block doppelt vor.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="410"/>
        <source>{element}: id 0 is not allowed.</source>
        <translation>{element}: ID 0 ist nicht erlaubt.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="412"/>
        <source>{element}: new elements need a negative id.</source>
        <translation>{element}: Neue Elemente benötigen eine negative ID.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="417"/>
        <source>{element}: the version is missing.</source>
        <translation>{element}: Die Version fehlt.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="422"/>
        <source>{element} has a tag with an empty key.</source>
        <translation>{element} hat ein Tag mit leerem Schlüssel.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="426"/>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="427"/>
        <source>value of {key}</source>
        <translation>Wert von {key}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="431"/>
        <source>{element} has invalid coordinates (lat {lat}, lon {lon}).</source>
        <translation>{element} hat ungültige Koordinaten (Breite {lat}, Länge {lon}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="441"/>
        <source>{element} has {count} nodes; a way needs at least 2.</source>
        <translation>{element} hat {count} Knoten; ein Weg benötigt mindestens 2.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="448"/>
        <source>{element} has {count} nodes; the server allows {limit}. Split the line.</source>
        <translation>{element} hat {count} Knoten; der Server erlaubt {limit}. Teilen Sie die Linie.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="458"/>
        <source>{element} refers to node {ref}, which is not created in these changes.</source>
        <translation>{element} verweist auf Knoten {ref}, der in diesen Änderungen nicht erstellt wird.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="469"/>
        <source>{element} has {count} members; the server allows {limit}.</source>
        <translation>{element} hat {count} Mitglieder; der Server erlaubt {limit}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="478"/>
        <source>{element} has a member of unknown type {type}.</source>
        <translation>{element} hat ein Mitglied unbekannten Typs {type}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="485"/>
        <source>{element} refers to {member}, which is not created in these changes.</source>
        <translation>{element} verweist auf {member}, das in diesen Änderungen nicht erstellt wird.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="493"/>
        <source>{element}: a member role is longer than {limit} characters.</source>
        <translation>{element}: Eine Mitgliedsrolle ist länger als {limit} Zeichen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="509"/>
        <source>{element}: the {what} is {length} characters long; at most {limit} are allowed.</source>
        <translation>{element}: {what} ist {length} Zeichen lang; erlaubt sind höchstens {limit}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="519"/>
        <source>{element}: the {what} contains control characters.</source>
        <translation>{element}: {what} enthält Steuerzeichen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="646"/>
        <source>The upload result cannot be read: {reason}</source>
        <translation>Das Ergebnis des Hochladens kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="651"/>
        <source>The upload result is not a diffResult (root element {tag}).</source>
        <translation>Das Ergebnis des Hochladens ist kein diffResult (Wurzelelement {tag}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="665"/>
        <source>Unknown element {tag} in the upload result.</source>
        <translation>Unbekanntes Element {tag} im Ergebnis des Hochladens.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_outcome.py" line="143"/>
        <source>The upload result lists {got} elements, but {sent} were sent.</source>
        <translation>Das Ergebnis des Hochladens führt {got} Elemente auf, gesendet wurden aber {sent}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_outcome.py" line="175"/>
        <source>The upload result does not match what was sent ({got} for {sent}).</source>
        <translation>Das Ergebnis des Hochladens passt nicht zum Gesendeten ({got} für {sent}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="770"/>
        <source>The upload result has no new id/version for {element}.</source>
        <translation>Das Ergebnis des Hochladens enthält keine neue ID/Version für {element}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_errors.py" line="29"/>
        <source>A changeset comment is required: describe your changes.</source>
        <translation>Ein Kommentar zum Änderungssatz ist erforderlich: Beschreiben Sie Ihre Änderungen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_outcome.py" line="213"/>
        <source>The changeset on the server does not show clearly whether the last upload was applied. Nothing more was sent; download the area again before editing further.</source>
        <translation>Der Änderungssatz auf dem Server lässt nicht eindeutig erkennen, ob der letzte Upload übernommen wurde. Es wurde nichts weiter gesendet; laden Sie das Gebiet erneut herunter, bevor Sie weiter bearbeiten.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="89"/>
        <source>The OSM data from {source} declares a document type (DTD), which is not accepted for security reasons.</source>
        <translation>Die OSM-Daten von {source} deklarieren einen Dokumenttyp (DTD), was aus Sicherheitsgründen nicht akzeptiert wird.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="165"/>
        <source>The data from {source} is not an OSM document (it starts with &lt;{tag}&gt;).</source>
        <translation>Die Daten von {source} sind kein OSM-Dokument (sie beginnen mit &lt;{tag}&gt;).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="216"/>
        <source>The OSM data from {source} is empty.</source>
        <translation>Die OSM-Daten von {source} sind leer.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="226"/>
        <source>The OSM data from {source} is not valid XML at line {line}, column {column}: {reason}</source>
        <translation>Die OSM-Daten von {source} sind in Zeile {line}, Spalte {column} kein gültiges XML: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="238"/>
        <source>The OSM data from {source} has an invalid value in {element}: {reason}</source>
        <translation>Die OSM-Daten von {source} enthalten einen ungültigen Wert in {element}: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="293"/>
        <source>The server at {source} answered with a web page instead of OSM data.</source>
        <translation>Der Server unter {source} hat statt OSM-Daten eine Webseite geliefert.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="310"/>
        <source>Could not read the file {source}: {reason}</source>
        <translation>Die Datei {source} konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/auth.py" line="46"/>
        <source>The QGIS authentication database is not available: {reason}</source>
        <translation>Die QGIS-Authentifizierungsdatenbank ist nicht verfügbar: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/auth.py" line="68"/>
        <source>The QGIS master password is needed to store the login safely.</source>
        <translation>Das QGIS-Master-Passwort wird benötigt, um die Anmeldung sicher zu speichern.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/auth.py" line="92"/>
        <source>The login could not be saved in the QGIS auth database.</source>
        <translation>Die Anmeldung konnte nicht in der QGIS-Authentifizierungsdatenbank gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/upload_service.py" line="71"/>
        <source>Save the edits of {layers} before uploading: the results are written into the saved layers.</source>
        <translation>Speichern Sie die Bearbeitungen von {layers} vor dem Hochladen: Die Ergebnisse werden in die gespeicherten Layer geschrieben.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/auth.py" line="348"/>
        <source>No OAuth 2 client id is set. Register an application (not confidential, redirect URI http://127.0.0.1/callback and urn:ietf:wg:oauth:2.0:oob, permissions read_prefs and write_api) in your account settings on the server and enter its client id in the plugin settings.</source>
        <translation>Es ist keine OAuth-2-Client-ID festgelegt. Registrieren Sie in Ihren Kontoeinstellungen auf dem Server eine Anwendung (nicht vertraulich, Weiterleitungs-URI http://127.0.0.1/callback und urn:ietf:wg:oauth:2.0:oob, Berechtigungen read_prefs und write_api) und tragen Sie deren Client-ID in den Plugin-Einstellungen ein.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/auth.py" line="199"/>
        <source>{url} is not an address of an OSM API.</source>
        <translation>{url} ist keine Adresse einer OSM-API.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/auth.py" line="361"/>
        <source>To log in to {server}, choose it as the server in the plugin settings and enter its OAuth 2 client id there.</source>
        <translation>Um sich bei {server} anzumelden, wählen Sie ihn in den Plugin-Einstellungen als Server und tragen Sie dort seine OAuth-2-Client-ID ein.</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_check.py" line="45"/>
        <source>The GeoPackage {path} is damaged ({detail}). Its edits cannot be matched to OpenStreetMap: download the area again.</source>
        <translation>Das GeoPackage {path} ist beschädigt ({detail}). Seine Bearbeitungen können OpenStreetMap nicht zugeordnet werden: Laden Sie das Gebiet erneut herunter.</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_check.py" line="120"/>
        <source>{path} was not made by a download of OSM Roundtrip. Download the area (or open the .osm file) with the plugin to edit and upload it.</source>
        <translation>{path} wurde nicht durch einen Download von OSM Roundtrip erstellt. Laden Sie das Gebiet mit dem Plugin herunter (oder öffnen Sie damit die .osm-Datei), um es zu bearbeiten und hochzuladen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_target.py" line="55"/>
        <source>{path} already exists and holds {what}. It was not replaced.</source>
        <translation>{path} existiert bereits und enthält {what}. Die Datei wurde nicht ersetzt.</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_target.py" line="94"/>
        <source>data not made by OSM Roundtrip</source>
        <translation>Daten, die nicht von OSM Roundtrip erstellt wurden</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_target.py" line="98"/>
        <source>an unfinished upload</source>
        <translation>einen nicht abgeschlossenen Upload</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_target.py" line="100"/>
        <source>edits not uploaded yet ({count})</source>
        <translation>noch nicht hochgeladene Bearbeitungen ({count})</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_target.py" line="107"/>
        <source>edits that could not be checked ({reason})</source>
        <translation>Bearbeitungen, die nicht geprüft werden konnten ({reason})</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_target.py" line="116"/>
        <source>tables of your own ({names})</source>
        <translation>eigene Tabellen ({names})</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_target.py" line="197"/>
        <source>{path} is open in another program. Close it there and try again.</source>
        <translation>{path} ist in einem anderen Programm geöffnet. Schließen Sie die Datei dort und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="238"/>
        <source>The server {host} did not finish its answer within {seconds} s.</source>
        <translation>Der Server {host} hat seine Antwort nicht innerhalb von {seconds} s abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="283"/>
        <source>The answer of {host} is larger than {megabytes} MB, the limit for this kind of request; it was not used.</source>
        <translation>Die Antwort von {host} ist größer als {megabytes} MB, die Grenze für diese Art von Anfrage; sie wurde nicht verwendet.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="657"/>
        <source>The server at {url} does not open changesets (HTTP {status} for changeset/create): it serves only part of the OSM API and cannot take uploads.</source>
        <translation>Der Server unter {url} öffnet keine Änderungssätze (HTTP {status} für changeset/create): Er stellt nur einen Teil der OSM-API bereit und kann keine Uploads annehmen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="329"/>
        <source>The server refuses the area {bbox} as too large even after splitting it: {reason} Choose a smaller area.</source>
        <translation>Der Server lehnt das Gebiet {bbox} auch nach dem Aufteilen als zu groß ab: {reason} Wählen Sie ein kleineres Gebiet.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/shared_nodes.py" line="80"/>
        <source>also moves {count} ways, among them {ways}</source>
        <translation>verschiebt auch {count} Wege, darunter {ways}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/shared_nodes.py" line="88"/>
        <source>also moves {ways}</source>
        <translation>verschiebt auch {ways}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_errors.py" line="38"/>
        <source>There is nothing to upload: no changeset was opened.</source>
        <translation>Es gibt nichts hochzuladen: Es wurde kein Änderungssatz geöffnet.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_errors.py" line="49"/>
        <source>{element} has an invalid {what} ({value}): ids and versions of OSM elements are whole numbers above zero. Nothing was sent; download the area again.</source>
        <translation>{element} hat einen ungültigen Wert für {what} ({value}): IDs und Versionen von OSM-Elementen sind ganze Zahlen größer als null. Es wurde nichts gesendet; laden Sie das Gebiet erneut herunter.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_journal.py" line="293"/>
        <source>An upload of this file is running ({path}). Wait until it has finished.</source>
        <translation>Ein Upload dieser Datei läuft gerade ({path}). Warten Sie, bis er abgeschlossen ist.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_outcome.py" line="309"/>
        <source>The changeset on the server holds an element that differs from the one sent ({element}). Nothing more was sent; download the area again.</source>
        <translation>Der Änderungssatz auf dem Server enthält ein Element, das sich vom gesendeten unterscheidet ({element}). Es wurde nichts weiter gesendet; laden Sie das Gebiet erneut herunter.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_outcome.py" line="503"/>
        <source>The outcome of the upload is unknown: the server cannot be reached to check whether it was applied ({reason}). Nothing was sent again and nothing was lost: resume the upload when the server is reachable.</source>
        <translation>Das Ergebnis des Uploads ist unbekannt: Der Server ist nicht erreichbar, um zu prüfen, ob er übernommen wurde ({reason}). Es wurde nichts erneut gesendet und nichts ging verloren: Setzen Sie den Upload fort, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="121"/>
        <source>The OSM data from {source} has {element} without coordinates.</source>
        <translation>Die OSM-Daten von {source} enthalten {element} ohne Koordinaten.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="139"/>
        <source>The OSM data from {source} has {element} at an impossible position (lat {lat}, lon {lon}).</source>
        <translation>Die OSM-Daten von {source} enthalten {element} an einer unmöglichen Position (Breite {lat}, Länge {lon}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="207"/>
        <source>The OSM data from {source} has {element}, an id beyond 64 bits.</source>
        <translation>Die OSM-Daten von {source} enthalten {element}, eine ID, die 64 Bit überschreitet.</translation>
    </message>
    <message>
        <location filename="../plugin/core/servers.py" line="42"/>
        <source>Not logged in to {server}: log in to that server first.</source>
        <translation>Nicht bei {server} angemeldet: Melden Sie sich zuerst bei diesem Server an.</translation>
    </message>
    <message>
        <location filename="../plugin/core/servers.py" line="108"/>
        <source>This data was downloaded from {recorded} and is uploaded only there, not to {requested}.</source>
        <translation>Diese Daten wurden von {recorded} heruntergeladen und werden nur dorthin hochgeladen, nicht auf {requested}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/servers.py" line="119"/>
        <source>The data does not record the server it came from and no API address was given.</source>
        <translation>Die Daten enthalten keine Angabe zum Server, von dem sie stammen, und es wurde keine API-Adresse angegeben.</translation>
    </message>
    <message>
        <location filename="../plugin/core/servers.py" line="138"/>
        <source>The login does not say which server it belongs to, so it is not sent to {requested}. Enter that server&apos;s address as the URL of the authentication configuration, or log in from the plugin.</source>
        <translation>Die Anmeldung gibt nicht an, zu welchem Server sie gehört, daher wird sie nicht an {requested} gesendet. Tragen Sie die Adresse dieses Servers als URL der Authentifizierungskonfiguration ein oder melden Sie sich über das Plugin an.</translation>
    </message>
    <message>
        <location filename="../plugin/core/servers.py" line="148"/>
        <source>The login belongs to {token_server}; it is never sent to {requested}.</source>
        <translation>Die Anmeldung gehört zu {token_server}; sie wird niemals an {requested} gesendet.</translation>
    </message>
    <message>
        <location filename="../plugin/core/servers.py" line="161"/>
        <source>The interrupted upload of this file went to {recorded}; it continues only there, not on {requested}.</source>
        <translation>Der unterbrochene Upload dieser Datei ging an {recorded}; er wird nur dort fortgesetzt, nicht auf {requested}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/upload_resume.py" line="55"/>
        <source>An interrupted upload was found for {path}, but it was made from another download of the area (the file was downloaded again or replaced since). Its results are not written into this file, where they could give features the identities of other elements, and nothing was sent. Check your changesets on the server: what it applied is in any download made after it. Then delete the folder {journal} to upload from this file.</source>
        <translation>Für {path} wurde ein unterbrochener Upload gefunden, er stammt jedoch aus einem anderen Download des Gebiets (die Datei wurde seitdem erneut heruntergeladen oder ersetzt). Seine Ergebnisse werden nicht in diese Datei geschrieben, wo sie Objekten die Identitäten anderer Elemente geben könnten, und es wurde nichts gesendet. Prüfen Sie Ihre Änderungssätze auf dem Server: Was er übernommen hat, ist in jedem danach erstellten Download enthalten. Löschen Sie dann den Ordner {journal}, um aus dieser Datei hochzuladen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/__init__.py" line="98"/>
        <source>The tag checks (outdated tags, tags for the wrong geometry) did not run: the iD tagging schema is not available.</source>
        <translation>Die Tag-Prüfungen (veraltete Tags, Tags für die falsche Geometrie) wurden nicht ausgeführt: Das Tagging-Schema von iD ist nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/changeset_rules.py" line="32"/>
        <source>{count} features are deleted. Make sure this is intended: large deletions are reviewed by other mappers and reverted when they are mistakes.</source>
        <translation>{count} Objekte werden gelöscht. Stellen Sie sicher, dass dies beabsichtigt ist: Umfangreiche Löschungen werden von anderen Mappern geprüft und rückgängig gemacht, wenn sie Fehler sind.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/connectivity.py" line="76"/>
        <source>{way} ends {distance} m from {other} without joining it: snap the end onto the other road, or move it away.</source>
        <translation>{way} endet {distance} m von {other} entfernt, ohne daran anzuschließen: Fangen Sie das Ende auf der anderen Straße oder verschieben Sie es weiter weg.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/connectivity.py" line="137"/>
        <source>{way} is a new road or path that is connected to no other road or path.</source>
        <translation>{way} ist eine neue Straße oder ein neuer Weg, der mit keiner anderen Straße und keinem anderen Weg verbunden ist.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/crossings.py" line="246"/>
        <source>Building {way} overlaps building {other}.</source>
        <translation>Gebäude {way} überlappt Gebäude {other}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/crossings.py" line="269"/>
        <source>{way} ({kind}) crosses {other} ({other_kind}) without a junction, a bridge, a tunnel or a different layer.</source>
        <translation>{way} ({kind}) kreuzt {other} ({other_kind}) ohne Verbindungsknoten, Brücke, Tunnel oder eine andere Ebene (layer).</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="42"/>
        <source>{node} is at the same position as {others}.</source>
        <translation>{node} liegt an derselben Position wie {others}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="72"/>
        <source>{way} has two points {distance} m apart ({node} and {other}): remove one of them.</source>
        <translation>{way} hat zwei Punkte im Abstand von {distance} m ({node} und {other}): Entfernen Sie einen davon.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="93"/>
        <source>{way} has {node} twice in a row.</source>
        <translation>{way} enthält {node} zweimal hintereinander.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="167"/>
        <source>{way} crosses itself.</source>
        <translation>{way} schneidet sich selbst.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="167"/>
        <source>The outline of area {way} crosses itself: the area is invalid.</source>
        <translation>Der Umriss der Fläche {way} schneidet sich selbst: Die Fläche ist ungültig.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="196"/>
        <source>{way} is tagged area=yes but is not closed.</source>
        <translation>{way} ist mit area=yes getaggt, aber nicht geschlossen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="196"/>
        <source>{way} is tagged as an area ({tags}) but is not closed.</source>
        <translation>{way} ist als Fläche getaggt ({tags}), aber nicht geschlossen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="231"/>
        <source>The member ways of area {relation} do not form closed rings.</source>
        <translation>Die Mitgliedswege der Fläche {relation} bilden keine geschlossenen Ringe.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/schema.py" line="225"/>
        <source>The tagging schema in {folder} cannot be read: {error}</source>
        <translation>Das Tagging-Schema in {folder} kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="64"/>
        <source>{element} has no tags: say what it is.</source>
        <translation>{element} hat keine Tags: Geben Sie an, was es ist.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="75"/>
        <source>{element} has no type tag.</source>
        <translation>{element} hat kein type-Tag.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="87"/>
        <source>{element} has only descriptive tags ({keys}): say what it is.</source>
        <translation>{element} hat nur beschreibende Tags ({keys}): Geben Sie an, was es ist.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="103"/>
        <source>{element} is a separate point, but {tags} is mapped as a vertex of a way.</source>
        <translation>{element} ist ein eigenständiger Punkt, aber {tags} wird als Stützpunkt eines Wegs erfasst.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="111"/>
        <source>{element} is a point, but {tags} is mapped as a line.</source>
        <translation>{element} ist ein Punkt, aber {tags} wird als Linie erfasst.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="113"/>
        <source>{element} is a point, but {tags} is mapped as an area.</source>
        <translation>{element} ist ein Punkt, aber {tags} wird als Fläche erfasst.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="109"/>
        <source>{element} is a vertex of a way, but {tags} is mapped as a separate point.</source>
        <translation>{element} ist ein Stützpunkt eines Wegs, aber {tags} wird als eigenständiger Punkt erfasst.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="115"/>
        <source>{element} is tagged {tags}, an area, but it is not closed.</source>
        <translation>{element} ist mit {tags} getaggt, also eine Fläche, ist aber nicht geschlossen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="177"/>
        <source>Upgrade the tags</source>
        <translation>Tags aktualisieren</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="201"/>
        <source>{element} has outdated tags: {before} → {after}</source>
        <translation>{element} hat veraltete Tags: {before} → {after}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="912"/>
        <source>Way {id} (feature {fid}) is incomplete: some of its nodes are not in the downloaded data, so its geometry cannot be changed here. Undo the geometry edit or download its whole area (tag edits are fine).</source>
        <translation>Weg {id} (Objekt {fid}) ist unvollständig: Einige seiner Knoten sind nicht in den heruntergeladenen Daten, daher kann seine Geometrie hier nicht geändert werden. Machen Sie die Geometrieänderung rückgängig oder laden Sie sein ganzes Gebiet herunter (Tag-Änderungen sind möglich).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="429"/>
        <source>Requests planned: {total}</source>
        <translation>Geplante Anfragen: {total}</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/osmchange.py" line="56"/>
        <source>The changes cannot be uploaded (%n problems):
{details}</source>
        <translation>
            <numerusform>Die Änderungen können nicht hochgeladen werden (%n Problem):
{details}</numerusform>
            <numerusform>Die Änderungen können nicht hochgeladen werden (%n Probleme):
{details}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/upload_errors.py" line="114"/>
        <source>%n elements were changed on the server by someone else since your download (first: {first}). Resolve the conflicts, then upload again.</source>
        <translation>
            <numerusform>%n Element wurde seit Ihrem Download von jemand anderem auf dem Server geändert ({first}). Lösen Sie den Konflikt und laden Sie dann erneut hoch.</numerusform>
            <numerusform>%n Elemente wurden seit Ihrem Download von jemand anderem auf dem Server geändert (erstes: {first}). Lösen Sie die Konflikte und laden Sie dann erneut hoch.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../plugin/core/changeset_tags.py" line="135"/>
        <source>The comment with its hashtags has {length} characters; at most {limit} are allowed.</source>
        <translation>Der Kommentar mit seinen Hashtags hat {length} Zeichen; höchstens {limit} sind erlaubt.</translation>
    </message>
    <message>
        <location filename="../plugin/core/changeset_tags.py" line="146"/>
        <source>The source is longer than {limit} characters.</source>
        <translation>Die Quelle ist länger als {limit} Zeichen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/changeset_tags.py" line="157"/>
        <source>An import or mechanical edit needs the address of the wiki page that documents it.</source>
        <translation>Ein Import oder eine mechanische Bearbeitung braucht die Adresse der Wiki-Seite, die sie dokumentiert.</translation>
    </message>
    <message>
        <location filename="../plugin/core/changeset_tags.py" line="166"/>
        <source>The documentation address must be a web address starting with http:// or https://.</source>
        <translation>Die Dokumentationsadresse muss eine Webadresse sein, die mit http:// oder https:// beginnt.</translation>
    </message>
    <message>
        <location filename="../ui/review_validation.py" line="32"/>
        <source>The fix could not be saved: {reason}</source>
        <translation>Die Korrektur konnte nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="820"/>
        <source>The server at {url} did not name the logged-in user (no &lt;user&gt; with an id and a display name).</source>
        <translation>Der Server unter {url} hat den angemeldeten Benutzer nicht genannt (kein &lt;user&gt; mit ID und Anzeigenamen).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="852"/>
        <source>The server does not know this login (HTTP 401): the login has expired or was revoked. Log in again.</source>
        <translation>Der Server kennt diese Anmeldung nicht (HTTP 401): Die Anmeldung ist abgelaufen oder wurde widerrufen. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="863"/>
        <source>The server does not show the account of this login (HTTP 403): {body}</source>
        <translation>Der Server zeigt das Konto dieser Anmeldung nicht an (HTTP 403): {body}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="873"/>
        <source>The server {url} does not tell the account name (HTTP {status}); the login itself is kept.</source>
        <translation>Der Server {url} nennt den Kontonamen nicht (HTTP {status}); die Anmeldung selbst bleibt erhalten.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/labels.py" line="140"/>
        <source>+ {key}={value}</source>
        <translation>+ {key}={value}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/labels.py" line="143"/>
        <source>− {key}</source>
        <translation>− {key}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/labels.py" line="145"/>
        <source>{key}: {old} → {new}</source>
        <translation>{key}: {old} → {new}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/labels.py" line="158"/>
        <source>{key}={value}</source>
        <translation>{key}={value}</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="204"/>
        <source>%n nodes</source>
        <translation>
            <numerusform>%n Knoten</numerusform>
            <numerusform>%n Knoten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="207"/>
        <source>%n members</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/labels.py" line="213"/>
        <source>moved {distance} m</source>
        <translation>um {distance} m verschoben</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="173"/>
        <source>%n nodes added</source>
        <translation>
            <numerusform>%n Knoten hinzugefügt</numerusform>
            <numerusform>%n Knoten hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="175"/>
        <source>%n nodes removed</source>
        <translation>
            <numerusform>%n Knoten entfernt</numerusform>
            <numerusform>%n Knoten entfernt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/labels.py" line="176"/>
        <source>nodes reordered</source>
        <translation>Knoten neu angeordnet</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="183"/>
        <source>%n members added</source>
        <translation>
            <numerusform>%n Mitglied hinzugefügt</numerusform>
            <numerusform>%n Mitglieder hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="185"/>
        <source>%n members removed</source>
        <translation>
            <numerusform>%n Mitglied entfernt</numerusform>
            <numerusform>%n Mitglieder entfernt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/labels.py" line="186"/>
        <source>members reordered</source>
        <translation>Mitglieder neu angeordnet</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="196"/>
        <source>The PBF file {source} has invalid data in the block at byte {offset}: {reason}</source>
        <translation>Die PBF-Datei {source} enthält ungültige Daten im Block bei Byte {offset}: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="218"/>
        <source>The PBF file {source} has a block header of {size} bytes at byte {offset}; the format allows at most 64 KiB.</source>
        <translation>Die PBF-Datei {source} hat bei Byte {offset} einen Blockkopf von {size} Bytes; das Format erlaubt höchstens 64 KiB.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="246"/>
        <source>The PBF file {source} has a data block of {size} bytes at byte {offset}; the format allows at most 32 MiB.</source>
        <translation>Die PBF-Datei {source} hat bei Byte {offset} einen Datenblock von {size} Bytes; das Format erlaubt höchstens 32 MiB.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="259"/>
        <source>The PBF file {source} is truncated: its block at byte {offset} is cut off.</source>
        <translation>Die PBF-Datei {source} ist unvollständig: Ihr Block bei Byte {offset} ist abgeschnitten.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="266"/>
        <source>The file {source} is not an OSM PBF file.</source>
        <translation>Die Datei {source} ist keine OSM-PBF-Datei.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="294"/>
        <source>The PBF file {source} uses {compression} compression (block at byte {offset}), which cannot be read; only zlib is supported. Convert it, for example with: osmium cat -o out.osm.pbf {source}</source>
        <translation>Die PBF-Datei {source} verwendet {compression}-Komprimierung (Block bei Byte {offset}), die nicht gelesen werden kann; nur zlib wird unterstützt. Konvertieren Sie die Datei, zum Beispiel mit: osmium cat -o out.osm.pbf {source}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="309"/>
        <source>The PBF file {source} has a damaged compressed block at byte {offset}: {reason}</source>
        <translation>Die PBF-Datei {source} hat bei Byte {offset} einen beschädigten komprimierten Block: {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="321"/>
        <source>The PBF file {source} has a block at byte {offset} that unpacks to {actual} bytes instead of the {expected} it declares.</source>
        <translation>Die PBF-Datei {source} hat bei Byte {offset} einen Block, der auf {actual} Bytes statt der angegebenen {expected} entpackt wird.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="511"/>
        <source>The PBF file {source} has node {id} at an impossible position in the block at byte {offset}.</source>
        <translation>Die PBF-Datei {source} hat im Block bei Byte {offset} den Knoten {id} an einer unmöglichen Position.</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_check.py" line="108"/>
        <source>The GeoPackage {path} cannot be read now ({detail}). Close other programs that write to it and try again.</source>
        <translation>Das GeoPackage {path} kann gerade nicht gelesen werden ({detail}). Schließen Sie andere Programme, die in die Datei schreiben, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="344"/>
        <source>The PBF file {source} requires the feature “{feature}”, which this reader does not support.</source>
        <translation>Die PBF-Datei {source} erfordert die Funktion „{feature}“, die dieses Leseprogramm nicht unterstützt.</translation>
    </message>
</context>
<context>
    <name>OsmRoundtripLogin</name>
    <message>
        <location filename="../plugin/adapters/auth.py" line="554"/>
        <source>Logging in to OpenStreetMap</source>
        <translation>Anmeldung bei OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/auth.py" line="291"/>
        <source>Logging out of OpenStreetMap</source>
        <translation>Abmeldung von OpenStreetMap</translation>
    </message>
</context>
<context>
    <name>OsmRoundtripPlugin</name>
    <message>
        <location filename="../plugin/main.py" line="220"/>
        <source>OSM Roundtrip</source>
        <translation>OSM Roundtrip</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="62"/>
        <source>Search OpenStreetMap (Nominatim)</source>
        <translation>OpenStreetMap durchsuchen (Nominatim)</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="127"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="75"/>
        <source>Download OSM data…</source>
        <translation>OSM-Daten herunterladen…</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="84"/>
        <source>Open .osm file…</source>
        <translation>.osm-Datei öffnen…</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="96"/>
        <source>Upload changes…</source>
        <translation>Änderungen hochladen…</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="118"/>
        <source>Save changes as .osc…</source>
        <translation>Änderungen als .osc speichern…</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="104"/>
        <source>Update data</source>
        <translation>Daten aktualisieren</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="110"/>
        <source>Download the areas of the active download again: other mappers&apos; changes come in, your edits stay</source>
        <translation>Die Gebiete des aktiven Downloads erneut herunterladen: Änderungen anderer Mapper kommen hinzu, Ihre Bearbeitungen bleiben</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="148"/>
        <source>OSM tags</source>
        <translation>OSM-Tags</translation>
    </message>
</context>
<context>
    <name>OsmRoundtripProvider</name>
    <message>
        <location filename="../plugin/adapters/processing/provider.py" line="39"/>
        <source>OSM Roundtrip</source>
        <translation>OSM Roundtrip</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../ui/review_problems.py" line="58"/>
        <source>Errors ({count})</source>
        <translation>Fehler ({count})</translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="58"/>
        <source>Warnings ({count})</source>
        <translation>Warnungen ({count})</translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="81"/>
        <source>Click a problem to show it on the map.</source>
        <translation>Klicken Sie auf ein Problem, um es auf der Karte zu zeigen.</translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="84"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="86"/>
        <source>Problems ({count})</source>
        <translation>Probleme ({count})</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review_problems.py" line="94"/>
        <source>%n errors must be fixed before the upload (in the layers, or with Fix).</source>
        <translation>
            <numerusform>%n Fehler muss vor dem Hochladen behoben werden (in den Layern oder mit Korrigieren).</numerusform>
            <numerusform>%n Fehler müssen vor dem Hochladen behoben werden (in den Layern oder mit Korrigieren).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review_problems.py" line="100"/>
        <source>%n warnings: check each of them, then tick “I have checked the warnings”.</source>
        <translation>
            <numerusform>%n Warnung: Prüfen Sie sie und haken Sie dann „Ich habe die Warnungen geprüft“ an.</numerusform>
            <numerusform>%n Warnungen: Prüfen Sie jede und haken Sie dann „Ich habe die Warnungen geprüft“ an.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="105"/>
        <source>The validator found no problems.</source>
        <translation>Die Prüfung hat keine Probleme gefunden.</translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="111"/>
        <source>new {type}</source>
        <translation>neuer {type}</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review_problems.py" line="116"/>
        <source>%n more</source>
        <translation>
            <numerusform>%n weiteres</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="143"/>
        <source>Fix: {what}</source>
        <translation>Korrektur: {what}</translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="146"/>
        <source>This problem has no automatic fix.</source>
        <translation>Für dieses Problem gibt es keine automatische Korrektur.</translation>
    </message>
</context>
<context>
    <name>ReverseGeocode</name>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="605"/>
        <source>Reverse geocode points (Nominatim)</source>
        <translation>Punkte umgekehrt geokodieren (Nominatim)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="608"/>
        <source>Finds the place and address at each point. The output keeps the points and their attributes and adds status, display_name, osm_type, osm_id and one addr_* column per address part found. Zoom sets the level of detail: 3 country, 10 city, 14 suburb, 16 street, 18 building.</source>
        <translation>Ermittelt Ort und Adresse an jedem Punkt. Die Ausgabe behält die Punkte und ihre Attribute und ergänzt status, display_name, osm_type, osm_id sowie eine addr_*-Spalte je gefundenem Adressbestandteil. Der Zoom legt die Detailstufe fest: 3 Land, 10 Stadt, 14 Stadtteil, 16 Straße, 18 Gebäude.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="616"/>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="621"/>
        <source>Level of detail (zoom 0–18)</source>
        <translation>Detailstufe (Zoom 0–18)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="632"/>
        <source>Reverse geocoded</source>
        <translation>Umgekehrt geokodiert</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="705"/>
        <source>The feature has no point.</source>
        <translation>Das Objekt hat keinen Punkt.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="712"/>
        <source>The point cannot be converted to WGS 84.</source>
        <translation>Der Punkt kann nicht nach WGS 84 transformiert werden.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="724"/>
        <source>Feature {id}: {message}</source>
        <translation>Objekt {id}: {message}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="729"/>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
</context>
<context>
    <name>ReviewDock</name>
    <message>
        <location filename="../ui/review_dock.py" line="177"/>
        <source>… (truncated in this view)</source>
        <translation>… (in dieser Ansicht gekürzt)</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="223"/>
        <source>logged in</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="223"/>
        <source>not logged in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="225"/>
        <source>Upload to &lt;b&gt;{server}&lt;/b&gt; ({state})</source>
        <translation>Hochladen auf &lt;b&gt;{server}&lt;/b&gt; ({state})</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="230"/>
        <source>This file does not record the server it came from: the server of the settings is used.</source>
        <translation>Diese Datei enthält keine Angabe zum Server, von dem sie stammt: Der Server aus den Einstellungen wird verwendet.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="237"/>
        <source>The data was downloaded from this server and is uploaded only there; the server of the settings ({settings}) is not used for it.</source>
        <translation>Die Daten wurden von diesem Server heruntergeladen und werden nur dorthin hochgeladen; der Server aus den Einstellungen ({settings}) wird dafür nicht verwendet.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="250"/>
        <source>Logged in as {name} — change…</source>
        <translation>Angemeldet als {name} — ändern…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="252"/>
        <source>Log in again…</source>
        <translation>Erneut anmelden…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="37"/>
        <source>Log in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="265"/>
        <source>The layers were saved since: the changes are being computed again.</source>
        <translation>Die Layer wurden inzwischen gespeichert: Die Änderungen werden neu berechnet.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="267"/>
        <source>There is nothing to upload.</source>
        <translation>Es gibt nichts hochzuladen.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="269"/>
        <source>Log in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review_dock.py" line="271"/>
        <source>The validation found %n errors: fix them (see Problems) before uploading.</source>
        <translation>
            <numerusform>Die Prüfung hat %n Fehler gefunden: Beheben Sie ihn vor dem Hochladen (siehe Probleme).</numerusform>
            <numerusform>Die Prüfung hat %n Fehler gefunden: Beheben Sie sie vor dem Hochladen (siehe Probleme).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="279"/>
        <source>Check the warnings, then tick “I have checked the warnings”.</source>
        <translation>Prüfen Sie die Warnungen und haken Sie dann „Ich habe die Warnungen geprüft“ an.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="53"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="54"/>
        <source>Modify</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="55"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="343"/>
        <source>{n} more</source>
        <translation>{n} weitere</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="349"/>
        <source>new {type}</source>
        <translation>{type} (neu)</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="362"/>
        <source>only if unused</source>
        <translation>nur falls unbenutzt</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="369"/>
        <source>{element}, feature {features}</source>
        <translation>{element}, Objekt {features}</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="430"/>
        <source>vertex of {way}</source>
        <translation>Stützpunkt von {way}</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="440"/>
        <source>{count} changes are more than one changeset can hold ({limit}): they will be uploaded in several changesets.</source>
        <translation>{count} Änderungen sind mehr, als ein Änderungssatz aufnehmen kann ({limit}): Sie werden in mehreren Änderungssätzen hochgeladen.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="447"/>
        <source>This is a very large upload. Large or systematic edits must follow the &lt;a href=&quot;https://wiki.openstreetmap.org/wiki/Automated_Edits_code_of_conduct&quot;&gt;Automated Edits code of conduct&lt;/a&gt; (documented and discussed first).</source>
        <translation>Dies ist ein sehr großer Upload. Umfangreiche oder systematische Bearbeitungen müssen dem &lt;a href=&quot;https://wiki.openstreetmap.org/wiki/Automated_Edits_code_of_conduct&quot;&gt;Verhaltenskodex für automatisierte Bearbeitungen&lt;/a&gt; folgen (vorher dokumentiert und diskutiert).</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="457"/>
        <source>The changes spread over {w:.2f}° × {h:.2f}° ({area:.1f} square degrees, more than {limit:g}). Such a changeset covers a large part of the map and is hard for others to review, and the server refuses changesets larger than the account's limit: upload distant areas separately.</source>
        <translation>Die Änderungen erstrecken sich über {w:.2f}° × {h:.2f}° ({area:.1f} Quadratgrad, mehr als {limit:g}). Ein solcher Änderungssatz deckt einen großen Teil der Karte ab und ist für andere schwer zu prüfen, und der Server lehnt Änderungssätze ab, die größer als die Grenze des Kontos sind: Laden Sie entfernte Gebiete getrennt hoch.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="618"/>
        <source>Fixed: {what}</source>
        <translation>Korrigiert: {what}</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="6"/>
        <source>Review and upload changes</source>
        <translation>Änderungen prüfen und hochladen</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="56"/>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="57"/>
        <source>Ways</source>
        <translation>Wege</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="58"/>
        <source>Relations</source>
        <translation>Relationen</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="59"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="75"/>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="80"/>
        <source>Click a change to show it on the map (before: dashed).</source>
        <translation>Klicken Sie auf eine Änderung, um sie auf der Karte zu zeigen (vorher: gestrichelt).</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="91"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="92"/>
        <source>Feature</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="93"/>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="99"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="111"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="112"/>
        <source>Elements</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="121"/>
        <source>Click a problem to show it on the map.</source>
        <translation>Klicken Sie auf ein Problem, um es auf der Karte zu zeigen.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="127"/>
        <source>Add as layer</source>
        <translation>Als Layer hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="128"/>
        <source>Add the problems to the map as a temporary “OSM issues” layer, to work through them after closing the review</source>
        <translation>Die Probleme als temporären Layer „OSM-Probleme“ zur Karte hinzufügen, um sie nach dem Schließen der Überprüfung abzuarbeiten</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="134"/>
        <source>Fix</source>
        <translation>Korrigieren</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="142"/>
        <source>osmChange</source>
        <translation>osmChange</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="156"/>
        <source>Changeset</source>
        <translation>Änderungssatz</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="162"/>
        <source>Comment (required)</source>
        <translation>Kommentar (erforderlich)</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="171"/>
        <source>Your recent comments are in the list.</source>
        <translation>Ihre letzten Kommentare stehen in der Liste.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="176"/>
        <source>Hashtags</source>
        <translation>Hashtags</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="182"/>
        <source>#mapathon #hotosm-project-123 (added to the comment)</source>
        <translation>#mapathon #hotosm-project-123 (wird an den Kommentar angehängt)</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="187"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="199"/>
        <source>Imagery used</source>
        <translation>Verwendete Luftbilder</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="205"/>
        <source>Names of the imagery layers, separated by &quot;;&quot;</source>
        <translation>Namen der Luftbild-Layer, getrennt durch „;“</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="212"/>
        <source>Request a review</source>
        <translation>Überprüfung anfordern</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="213"/>
        <source>Ask experienced mappers to look at this changeset (review_requested=yes)</source>
        <translation>Erfahrene Mapper bitten, diesen Änderungssatz anzusehen (review_requested=yes)</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="218"/>
        <source>Import or mechanical edit</source>
        <translation>Import oder mechanische Bearbeitung</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="248"/>
        <source>Documentation page</source>
        <translation>Dokumentationsseite</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="254"/>
        <source>https://wiki.openstreetmap.org/wiki/…</source>
        <translation>https://wiki.openstreetmap.org/wiki/…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="276"/>
        <source>I have checked the warnings</source>
        <translation>Ich habe die Warnungen geprüft</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="288"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="289"/>
        <source>Compute the changes again from the saved layers</source>
        <translation>Die Änderungen erneut aus den gespeicherten Layern berechnen</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="294"/>
        <source>Save as .osc…</source>
        <translation>Als .osc speichern…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="305"/>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="236"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="237"/>
        <source>The changeset gets the tag import=yes</source>
        <translation>Der Änderungssatz erhält das Tag import=yes</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="242"/>
        <source>Mechanical edit</source>
        <translation>Mechanische Bearbeitung</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="243"/>
        <source>The changeset gets the tag mechanical=yes</source>
        <translation>Der Änderungssatz erhält das Tag mechanical=yes</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <location filename="../ui/search_dock.py" line="77"/>
        <source>OSM Roundtrip search</source>
        <translation>OSM Roundtrip-Suche</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="194"/>
        <source>Data © OpenStreetMap contributors, ODbL. Search by Nominatim.</source>
        <translation>Daten © OpenStreetMap-Mitwirkende, ODbL. Suche durch Nominatim.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="97"/>
        <source>Search everywhere</source>
        <translation>Überall suchen</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="98"/>
        <source>Prefer results in the map extent</source>
        <translation>Ergebnisse im Kartenausschnitt bevorzugen</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="99"/>
        <source>Only results in the map extent</source>
        <translation>Nur Ergebnisse im Kartenausschnitt</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="100"/>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="84"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="82"/>
        <source>State</source>
        <translation>Bundesland</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="78"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="105"/>
        <source>Settlement</source>
        <translation>Siedlung</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="110"/>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="111"/>
        <source>Points of interest</source>
        <translation>Interessante Orte (POI)</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="112"/>
        <source>Railway</source>
        <translation>Eisenbahn</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="113"/>
        <source>Natural features</source>
        <translation>Natürliche Objekte</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="114"/>
        <source>Man-made features</source>
        <translation>Bauwerke und Anlagen</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="106"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="156"/>
        <source>Identify place on map</source>
        <translation>Ort auf der Karte identifizieren</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="157"/>
        <source>Click the map to get the address and outline of the place there</source>
        <translation>Klicken Sie in die Karte, um Adresse und Umriss des Ortes an dieser Stelle zu erhalten</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="375"/>
        <source>Looking up the place at {lat:.5f}, {lon:.5f}…</source>
        <translation>Ort bei {lat:.5f}, {lon:.5f} wird gesucht…</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="499"/>
        <source>Searching for “{text}”…</source>
        <translation>Suche nach „{text}“…</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="519"/>
        <source>Nominatim request</source>
        <translation>Nominatim-Anfrage</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="557"/>
        <source>No results. Check the spelling or relax the options.</source>
        <translation>Keine Ergebnisse. Prüfen Sie die Schreibweise oder lockern Sie die Optionen.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="559"/>
        <source>No further results.</source>
        <translation>Keine weiteren Ergebnisse.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="578"/>
        <source>Nothing found at {lat:.5f}, {lon:.5f}.</source>
        <translation>Nichts gefunden bei {lat:.5f}, {lon:.5f}.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="608"/>
        <source>Added to the map: points {points}, outlines {outlines}.</source>
        <translation>Zur Karte hinzugefügt: Punkte {points}, Umrisse {outlines}.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="613"/>
        <source>Nominatim</source>
        <translation>Nominatim</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="625"/>
        <source>Search cancelled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="636"/>
        <source>Nominatim search failed</source>
        <translation>Nominatim-Suche fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="47"/>
        <source>Free-form</source>
        <translation>Freitext</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="51"/>
        <source>Place, address or feature, e.g. Vaduz</source>
        <translation>Ort, Adresse oder Objekt, z. B. Vaduz</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="57"/>
        <source>Press Enter or click Search; nothing is sent while you type.</source>
        <translation>Drücken Sie die Eingabetaste oder klicken Sie auf „Suchen“; während der Eingabe wird nichts gesendet.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="71"/>
        <source>Structured</source>
        <translation>Strukturiert</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="74"/>
        <source>Amenity</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="75"/>
        <source>Name or type of POI</source>
        <translation>Name oder Art des POI</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="76"/>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="77"/>
        <source>House number and street</source>
        <translation>Hausnummer und Straße</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="80"/>
        <source>County</source>
        <translation>Kreis</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="86"/>
        <source>Postcode</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="94"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="99"/>
        <source>Countries</source>
        <translation>Länder</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="100"/>
        <source>Any; or codes such as li,ch</source>
        <translation>Beliebig; oder Codes wie li,ch</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="101"/>
        <source>Map extent</source>
        <translation>Kartenausschnitt</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="103"/>
        <source>Feature type</source>
        <translation>Objekttyp</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="105"/>
        <source>Layers</source>
        <translation>Layer</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="107"/>
        <source>Results per page</source>
        <translation>Ergebnisse pro Seite</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="109"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="110"/>
        <source>e.g. de or en,fr</source>
        <translation>z. B. de oder en,fr</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="111"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="172"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="115"/>
        <source>Extra tags</source>
        <translation>Zusätzliche Tags</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="116"/>
        <source>Names</source>
        <translation>Namen</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="132"/>
        <source>Fetch outlines (areas and lines)</source>
        <translation>Umrisse abrufen (Flächen und Linien)</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="138"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="139"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="170"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="171"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="178"/>
        <source>More results</source>
        <translation>Weitere Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="188"/>
        <source>Add selected</source>
        <translation>Auswahl hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="189"/>
        <source>Add all to map</source>
        <translation>Alle zur Karte hinzufügen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/search_dock.py" line="561"/>
        <source>%n results</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="186"/>
        <source>Download area…</source>
        <translation>Gebiet herunterladen…</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="186"/>
        <source>Download the OpenStreetMap data of the selected place&apos;s area for editing</source>
        <translation>Die OpenStreetMap-Daten des Gebiets des gewählten Ortes zum Bearbeiten herunterladen</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="410"/>
        <source>Save results to GeoPackage…</source>
        <translation>Ergebnisse als GeoPackage speichern…</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="424"/>
        <source>No temporary result layers to save: add results first.</source>
        <translation>Keine temporären Ergebnis-Layer zum Speichern: Fügen Sie zuerst Ergebnisse hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="429"/>
        <source>Save the results as</source>
        <translation>Ergebnisse speichern unter</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="429"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="439"/>
        <source>The results could not be saved: {reason}</source>
        <translation>Die Ergebnisse konnten nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="446"/>
        <source>Results saved to {path}; they stay with the project.</source>
        <translation>Ergebnisse in {path} gespeichert; sie bleiben beim Projekt.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="461"/>
        <source>The search results on the map are temporary layers: the project does not keep them. Save them to a GeoPackage to keep them.</source>
        <translation>Die Suchergebnisse auf der Karte sind temporäre Layer: Das Projekt behält sie nicht. Speichern Sie sie in einem GeoPackage, um sie zu behalten.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="181"/>
        <source>Save results…</source>
        <translation>Ergebnisse speichern…</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="179"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="179"/>
        <source>Take the highlights off the map (Esc in the list)</source>
        <translation>Die Hervorhebungen von der Karte entfernen (Esc in der Liste)</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="181"/>
        <source>Save the result layers (points and outlines) to a GeoPackage, so they stay with the project</source>
        <translation>Die Ergebnis-Layer (Punkte und Umrisse) in einem GeoPackage speichern, damit sie beim Projekt bleiben</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/settings_page.py" line="33"/>
        <source>OpenStreetMap (production)</source>
        <translation>OpenStreetMap (Produktivserver)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="33"/>
        <source>OpenStreetMap development server</source>
        <translation>OpenStreetMap-Entwicklungsserver</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="33"/>
        <source>Local sandbox</source>
        <translation>Lokale Sandbox</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="33"/>
        <source>Custom URL</source>
        <translation>Eigene URL</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="44"/>
        <source>Same as QGIS</source>
        <translation>Wie QGIS</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="8"/>
        <source>Nominatim search</source>
        <translation>Nominatim-Suche</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="11"/>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="13"/>
        <source>Extra parameters (e.g. key=…)</source>
        <translation>Zusätzliche Parameter (z. B. key=…)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="15"/>
        <source>Seconds between requests</source>
        <translation>Sekunden zwischen Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="17"/>
        <source>Contact email (sent to Nominatim)</source>
        <translation>Kontakt-E-Mail (wird an Nominatim gesendet)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="24"/>
        <source>OpenStreetMap editing API</source>
        <translation>OpenStreetMap-Bearbeitungs-API</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="27"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="29"/>
        <source>Local sandbox URL</source>
        <translation>URL der lokalen Sandbox</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="31"/>
        <source>Custom API URL (…/api/0.6)</source>
        <translation>Eigene API-URL (…/api/0.6)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="33"/>
        <source>OAuth 2.0 client ID</source>
        <translation>OAuth-2.0-Client-ID</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="49"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="54"/>
        <source>Network timeout (s)</source>
        <translation>Netzwerk-Zeitlimit (s)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="52"/>
        <source>Language (plugin and search results)</source>
        <translation>Sprache (Plugin und Suchergebnisse)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="56"/>
        <source>Folder for new downloads</source>
        <translation>Ordner für neue Downloads</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="55"/>
        <source>The project&apos;s folder</source>
        <translation>Der Ordner des Projekts</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="104"/>
        <source>Required to log in</source>
        <translation>Zum Anmelden erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="127"/>
        <source>Enter the server&apos;s address first</source>
        <translation>Geben Sie zuerst die Adresse des Servers ein</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="129"/>
        <source>Logged in as &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>Angemeldet als &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="133"/>
        <source>Logged in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="135"/>
        <source>Not logged in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="138"/>
        <source>Log in again…</source>
        <translation>Erneut anmelden…</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="39"/>
        <source>Log in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="35"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="40"/>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="125"/>
        <source>Logging out…</source>
        <translation>Abmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="195"/>
        <source>Logged out here; the server could not be told: {reason}&lt;br&gt;You can revoke the access on the website under &lt;a href=&quot;{url}&quot;&gt;My Settings → OAuth 2 applications&lt;/a&gt;.</source>
        <translation>Hier abgemeldet; der Server konnte nicht benachrichtigt werden: {reason}&lt;br&gt;Sie können den Zugriff auf der Website unter &lt;a href=&quot;{url}&quot;&gt;Meine Einstellungen → OAuth-2-Anwendungen&lt;/a&gt; widerrufen.</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="203"/>
        <source>Logged out; {server} has revoked the access.</source>
        <translation>Abgemeldet; {server} hat den Zugriff widerrufen.</translation>
    </message>
</context>
<context>
    <name>TagDock</name>
    <message>
        <location filename="../ui/tag_editor.py" line="634"/>
        <source>OSM tags</source>
        <translation>OSM-Tags</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="522"/>
        <source>Start editing</source>
        <translation>Bearbeitung starten</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="583"/>
        <source>Select a feature of an OSM layer to see its tags.</source>
        <translation>Wählen Sie ein Objekt eines OSM-Layers, um seine Tags zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="587"/>
        <source>Select a feature of {layer} to see its tags.</source>
        <translation>Wählen Sie ein Objekt von {layer}, um seine Tags zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="594"/>
        <source>The selected feature cannot be read.</source>
        <translation>Das ausgewählte Objekt kann nicht gelesen werden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tag_editor.py" line="601"/>
        <source>%n features selected; the first is shown.</source>
        <translation>
            <numerusform>%n Objekt ausgewählt; es wird angezeigt.</numerusform>
            <numerusform>%n Objekte ausgewählt; das erste wird angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="603"/>
        <source>The layer is not in edit mode: the tags are read-only.</source>
        <translation>Der Layer ist nicht im Bearbeitungsmodus: Die Tags sind schreibgeschützt.</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="630"/>
        <source>Edit OSM tags</source>
        <translation>OSM-Tags bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="634"/>
        <source>The tags could not be written to {layer}.</source>
        <translation>Die Tags konnten nicht in {layer} geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <location filename="../ui/tag_editor.py" line="182"/>
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="88"/>
        <source>Choose another kind of feature (preset)</source>
        <translation>Eine andere Objektart wählen (Vorlage)</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="100"/>
        <source>Search feature type, e.g. bench, restaurant</source>
        <translation>Objekttyp suchen, z. B. Bank, Restaurant</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="126"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="126"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="182"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="263"/>
        <source>Presets unavailable (no tagging schema)</source>
        <translation>Vorlagen nicht verfügbar (kein Tagging-Schema)</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="291"/>
        <source>Click: yes, no, not set</source>
        <translation>Klicken: ja, nein, nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="355"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tag_editor.py" line="392"/>
        <source>All tags (%n)</source>
        <translation>
            <numerusform>Alle Tags (%n)</numerusform>
            <numerusform>Alle Tags (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="402"/>
        <source>Type a key here to add a tag</source>
        <translation>Geben Sie hier einen Schlüssel ein, um ein Tag hinzuzufügen</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="409"/>
        <source>Remove the tag {key}</source>
        <translation>Tag {key} entfernen</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="492"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="497"/>
        <source>{element}, v{version}</source>
        <translation>{element}, v{version}</translation>
    </message>
</context>
<context>
    <name>TagEditorForm</name>
    <message>
        <location filename="../ui/tag_editor_form.py" line="129"/>
        <source>The OSM tag editor: presets, fields and all tags.</source>
        <translation>Der OSM-Tag-Editor: Vorlagen, Felder und alle Tags.</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor_form.py" line="147"/>
        <source>OSM tags</source>
        <translation>OSM-Tags</translation>
    </message>
</context>
<context>
    <name>TopologyGuard</name>
    <message>
        <location filename="../plugin/adapters/topology.py" line="89"/>
        <source>Topological editing and snapping are on while you edit OSM layers: a vertex that streets share moves in all of them, as it will in OpenStreetMap. Your own settings come back when you stop editing.</source>
        <translation>Topologisches Bearbeiten und Fangen sind eingeschaltet, während Sie OSM-Layer bearbeiten: Ein Stützpunkt, den mehrere Straßen gemeinsam nutzen, wird in allen verschoben, so wie es auch in OpenStreetMap geschieht. Ihre eigenen Einstellungen werden wiederhergestellt, wenn Sie die Bearbeitung beenden.</translation>
    </message>
</context>
<context>
    <name>UploadAction</name>
    <message>
        <location filename="../ui/upload_action.py" line="85"/>
        <source>Load OSM data first: there are no OSM layers in the project.</source>
        <translation>Laden Sie zuerst OSM-Daten: Das Projekt enthält keine OSM-Layer.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="103"/>
        <source>Unsaved edits</source>
        <translation>Ungespeicherte Bearbeitungen</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="103"/>
        <source>The OSM layers have unsaved edits. Save them now?</source>
        <translation>Die OSM-Layer haben ungespeicherte Bearbeitungen. Jetzt speichern?</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="143"/>
        <source>There are no changes to save.</source>
        <translation>Es gibt keine Änderungen zum Speichern.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="145"/>
        <source>Save the changes as osmChange</source>
        <translation>Änderungen als osmChange speichern</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="145"/>
        <source>osmChange (*.osc)</source>
        <translation>osmChange (*.osc)</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="226"/>
        <source>The layers have no changes to upload.</source>
        <translation>Die Layer enthalten keine Änderungen zum Hochladen.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="697"/>
        <source>Fetching the server&apos;s versions</source>
        <translation>Versionen des Servers werden abgerufen</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="527"/>
        <source>An upload of this file was interrupted: checking on the server what it applied before computing what is left.</source>
        <translation>Ein Upload dieser Datei wurde unterbrochen: Auf dem Server wird geprüft, was er übernommen hat, bevor der Rest berechnet wird.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="154"/>
        <source>%n changes saved to {path}</source>
        <translation>
            <numerusform>%n Änderung in {path} gespeichert</numerusform>
            <numerusform>%n Änderungen in {path} gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="540"/>
        <source>The interrupted upload had applied %n changes; they are now in the layers.</source>
        <translation>
            <numerusform>Das unterbrochene Hochladen hatte %n Änderung angewendet; sie ist jetzt in den Layern.</numerusform>
            <numerusform>Das unterbrochene Hochladen hatte %n Änderungen angewendet; sie sind jetzt in den Layern.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="169"/>
        <source>The changes are being computed already.</source>
        <translation>Die Änderungen werden bereits berechnet.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="198"/>
        <source>The review was cancelled.</source>
        <translation>Die Überprüfung wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="207"/>
        <source>Computing the changes to upload</source>
        <translation>Die hochzuladenden Änderungen werden berechnet</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="439"/>
        <source>An upload of this file was interrupted: run Upload changes… first, which settles it with the server, then update the data.</source>
        <translation>Ein Hochladen dieser Datei wurde unterbrochen: Führen Sie zuerst „Änderungen hochladen…“ aus, das es mit dem Server klärt, und aktualisieren Sie dann die Daten.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="448"/>
        <source>Another task of this file is running.</source>
        <translation>Eine andere Aufgabe dieser Datei läuft.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="467"/>
        <source>The update was cancelled; the file is unchanged.</source>
        <translation>Die Aktualisierung wurde abgebrochen; die Datei ist unverändert.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="472"/>
        <source>Updated from the server: {changed} changed, {added} new and {removed} removed elements. Your edits are kept.</source>
        <translation>Vom Server aktualisiert: geänderte Elemente: {changed}, neue: {added}, entfernte: {removed}. Ihre Bearbeitungen bleiben erhalten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="479"/>
        <source>%n elements were changed both by you and on the server (first: {first}): they keep your version; Upload changes… lets you resolve them.</source>
        <translation>
            <numerusform>%n Element wurde sowohl von Ihnen als auch auf dem Server geändert ({first}): Es behält Ihre Fassung; „Änderungen hochladen…“ lässt Sie den Konflikt lösen.</numerusform>
            <numerusform>%n Elemente wurden sowohl von Ihnen als auch auf dem Server geändert (erstes: {first}): Sie behalten Ihre Fassung; „Änderungen hochladen…“ lässt Sie die Konflikte lösen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="488"/>
        <source>Updating the data from the server</source>
        <translation>Die Daten werden vom Server aktualisiert</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="688"/>
        <source>Conflicts merged: %n elements by themselves, the others as you chose. Review and upload again to send your edits.</source>
        <translation>
            <numerusform>Konflikte zusammengeführt: %n Element von selbst, die übrigen nach Ihrer Wahl. Prüfen und laden Sie erneut hoch, um Ihre Bearbeitungen zu senden.</numerusform>
            <numerusform>Konflikte zusammengeführt: %n Elemente von selbst, die übrigen nach Ihrer Wahl. Prüfen und laden Sie erneut hoch, um Ihre Bearbeitungen zu senden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="206"/>
        <source>Computing the changes…</source>
        <translation>Änderungen werden berechnet…</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="410"/>
        <source>Uploading…</source>
        <translation>Wird hochgeladen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="638"/>
        <source>Uploaded %n changes in changesets {changesets}</source>
        <translation>
            <numerusform>%n Änderung in den Änderungssätzen {changesets} hochgeladen</numerusform>
            <numerusform>%n Änderungen in den Änderungssätzen {changesets} hochgeladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="640"/>
        <source>Uploaded %n changes in changeset {changesets}</source>
        <translation>
            <numerusform>%n Änderung im Änderungssatz {changesets} hochgeladen</numerusform>
            <numerusform>%n Änderungen im Änderungssatz {changesets} hochgeladen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UploadEditsAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="30"/>
        <source>Upload edits of a download</source>
        <translation>Bearbeitungen eines Downloads hochladen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="49"/>
        <source>GeoPackage of a download</source>
        <translation>GeoPackage eines Downloads</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="55"/>
        <source>Changes uploaded</source>
        <translation>Hochgeladene Änderungen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="56"/>
        <source>Changes of an interrupted upload found applied</source>
        <translation>Als übernommen erkannte Änderungen eines unterbrochenen Uploads</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="92"/>
        <source>A changeset comment is required: describe your changes.</source>
        <translation>Ein Kommentar zum Änderungssatz ist erforderlich: Beschreiben Sie Ihre Änderungen.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="104"/>
        <source>No login for {server}: log in from the plugin with that server chosen in the settings, or choose an authentication configuration whose URL is that server.</source>
        <translation>Keine Anmeldung für {server}: Melden Sie sich über das Plugin an, während dieser Server in den Einstellungen gewählt ist, oder wählen Sie eine Authentifizierungskonfiguration, deren URL dieser Server ist.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="122"/>
        <source>An upload of {path} was interrupted: it was settled with the server first ({count} changes whose outcome was open were found applied and written back).</source>
        <translation>Ein Upload von {path} wurde unterbrochen: Er wurde zuerst mit dem Server abgeglichen ({count} Änderungen mit offenem Ergebnis wurden als übernommen erkannt und zurückgeschrieben).</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="136"/>
        <source>Nothing to upload: the GeoPackage has no changes left to send.</source>
        <translation>Nichts hochzuladen: Das GeoPackage enthält keine noch zu sendenden Änderungen.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="33"/>
        <source>Uploads the saved edits of a download&apos;s GeoPackage to the OSM API server it was downloaded from, in a new changeset with the given comment (required) and source, and writes the results back into the GeoPackage (ids of new elements, versions), as the plugin&apos;s Upload changes does. AUTH is the QGIS authentication configuration that holds the OAuth 2.0 token; its URL must be that server (empty: the login the plugin keeps for that server). An upload of the file that was interrupted is settled first: what the server applied is written back, and only what is left is sent. When nothing is left the algorithm succeeds with 0 changes. Unsaved edits of open layers are not included: save them first. The edits are validated first, as the review does: an error (see osmroundtrip:validate) refuses the upload before anything is sent; warnings are reported.</source>
        <translation>Lädt die gespeicherten Bearbeitungen des GeoPackages eines Downloads auf den OSM-API-Server hoch, von dem es heruntergeladen wurde, in einem neuen Änderungssatz mit dem angegebenen Kommentar (Pflicht) und der Quelle, und schreibt die Ergebnisse in das GeoPackage zurück (IDs neuer Elemente, Versionen), wie es „Änderungen hochladen“ des Plugins tut. AUTH ist die QGIS-Authentifizierungskonfiguration mit dem OAuth-2.0-Token; ihre URL muss dieser Server sein (leer: die Anmeldung, die das Plugin für diesen Server aufbewahrt). Ein unterbrochenes Hochladen der Datei wird zuerst geklärt: Was der Server angewendet hat, wird zurückgeschrieben, und nur der Rest wird gesendet. Ist nichts übrig, endet der Algorithmus erfolgreich mit 0 Änderungen. Nicht gespeicherte Bearbeitungen offener Layer sind nicht enthalten: Speichern Sie sie zuerst. Die Bearbeitungen werden zuerst geprüft, wie bei der Überprüfung: Ein Fehler (siehe osmroundtrip:validate) verhindert das Hochladen, bevor etwas gesendet wird; Warnungen werden gemeldet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="76"/>
        <source>Nothing was uploaded: the edits have %n errors (osmroundtrip:validate lists them with their places):</source>
        <translation>
            <numerusform>Nichts wurde hochgeladen: Die Bearbeitungen haben %n Fehler (osmroundtrip:validate listet ihn mit seinem Ort):</numerusform>
            <numerusform>Nichts wurde hochgeladen: Die Bearbeitungen haben %n Fehler (osmroundtrip:validate listet sie mit ihren Orten):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UploadOsmChangeAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="121"/>
        <source>Upload osmChange</source>
        <translation>osmChange hochladen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="138"/>
        <source>osmChange file</source>
        <translation>osmChange-Datei</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="141"/>
        <source>OSM API URL (…/api/0.6)</source>
        <translation>OSM-API-URL (…/api/0.6)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="159"/>
        <source>A changeset comment is required: describe your changes.</source>
        <translation>Ein Kommentar zum Änderungssatz ist erforderlich: Beschreiben Sie Ihre Änderungen.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="170"/>
        <source>Continuing the interrupted upload of {path}</source>
        <translation>Unterbrochenes Hochladen von {path} wird fortgesetzt</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="124"/>
        <source>Uploads an osmChange (.osc) file to an OSM API 0.6 server in a new changeset with the given comment (required) and source, in chunks within the server's limits. ENDPOINT is the API base URL (…/api/0.6); empty uses the server of the plugin settings (or, for an interrupted upload, the server it was going to). AUTH is the QGIS authentication configuration that holds the OAuth 2.0 token (empty: the one the plugin's login keeps for that server); its URL must be the same server as ENDPOINT, or nothing is sent. A journal is kept next to the file: an interrupted upload continues where it stopped when run again, after checking on the server what was applied. The GeoPackage the file was built from is not updated; download the area again before editing further.</source>
        <translation>Lädt eine osmChange-Datei (.osc) in einem neuen Änderungssatz mit dem angegebenen Kommentar (erforderlich) und der Quelle auf einen OSM-API-0.6-Server hoch, in Teilen innerhalb der Grenzen des Servers. ENDPOINT ist die Basis-URL der API (…/api/0.6); leer bedeutet: der Server aus den Plugin-Einstellungen (bzw. bei einem unterbrochenen Upload der Server, an den dieser ging). AUTH ist die QGIS-Authentifizierungskonfiguration, die das OAuth-2.0-Token enthält (leer: die Anmeldung, die das Plugin für diesen Server speichert); ihre URL muss derselbe Server wie ENDPOINT sein, sonst wird nichts gesendet. Neben der Datei wird ein Journal geführt: Ein unterbrochener Upload wird beim erneuten Ausführen dort fortgesetzt, wo er angehalten hat, nachdem auf dem Server geprüft wurde, was übernommen wurde. Das GeoPackage, aus dem die Datei erstellt wurde, wird nicht aktualisiert; laden Sie das Gebiet erneut herunter, bevor Sie weiter bearbeiten.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="227"/>
        <source>No login for {server}: log in from the plugin with that server chosen in the settings, or choose an authentication configuration whose URL is that server.</source>
        <translation>Keine Anmeldung für {server}: Melden Sie sich über das Plugin an, während dieser Server in den Einstellungen gewählt ist, oder wählen Sie eine Authentifizierungskonfiguration, deren URL dieser Server ist.</translation>
    </message>
</context>
<context>
    <name>UploadService</name>
    <message>
        <location filename="../plugin/adapters/upload_service.py" line="462"/>
        <source>Uploading changes to OpenStreetMap</source>
        <translation>Änderungen werden zu OpenStreetMap hochgeladen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/upload_service.py" line="368"/>
        <source>Checking the interrupted upload</source>
        <translation>Unterbrochener Upload wird geprüft</translation>
    </message>
</context>
<context>
    <name>ValidateAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="29"/>
        <source>Validate edits of a download</source>
        <translation>Bearbeitungen eines Downloads prüfen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="32"/>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="38"/>
        <source>Checks the saved edits of a download's GeoPackage as the review before an upload does, with the rules of JOSM's and iD's validators: untagged or unconnected new features, crossing ways without a junction, almost-junctions, duplicate and close nodes, self-intersections, unclosed areas, tags meant for another geometry, deprecated tags (iD tagging schema), many deletions and the API's limits. Only what was edited and what it touches is judged. The output layer has a point per issue with its rule, severity (error or warning), message, elements and fix. With “Fail on errors” the algorithm fails when the edits have an error, so that a model stops before it uploads them.</source>
        <translation>Prüft die gespeicherten Bearbeitungen des GeoPackages eines Downloads wie die Überprüfung vor dem Hochladen, mit den Regeln der Prüfungen von JOSM und iD: neue Objekte ohne Tags oder ohne Verbindung, sich kreuzende Wege ohne Kreuzungspunkt, Beinahe-Kreuzungen, doppelte und sehr nahe Knoten, Selbstüberschneidungen, nicht geschlossene Flächen, Tags für eine andere Geometrie, veraltete Tags (iD-Tagging-Schema), viele Löschungen und die Grenzen der API. Beurteilt wird nur, was bearbeitet wurde und was es berührt. Der Ausgabelayer hat einen Punkt je Problem mit Regel, Schwere (Fehler oder Warnung), Meldung, Elementen und Korrektur. Mit „Bei Fehlern abbrechen“ scheitert der Algorithmus, wenn die Bearbeitungen einen Fehler haben, damit ein Modell vor dem Hochladen anhält.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="51"/>
        <source>GeoPackage of a download</source>
        <translation>GeoPackage eines Downloads</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="56"/>
        <source>Fail on errors</source>
        <translation>Bei Fehlern abbrechen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="61"/>
        <source>OSM issues</source>
        <translation>OSM-Probleme</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="62"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="63"/>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="88"/>
        <source>%n errors</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="88"/>
        <source>%n warnings</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="92"/>
        <source>The edits have %n errors: fix them before uploading (see the issues).</source>
        <translation>
            <numerusform>Die Bearbeitungen haben %n Fehler: Beheben Sie ihn vor dem Hochladen (siehe die Probleme).</numerusform>
            <numerusform>Die Bearbeitungen haben %n Fehler: Beheben Sie sie vor dem Hochladen (siehe die Probleme).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_LoadAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="86"/>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="92"/>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="95"/>
        <source>Lines</source>
        <translation>Linien</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="98"/>
        <source>Polygons</source>
        <translation>Polygone</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="101"/>
        <source>Relations</source>
        <translation>Relationen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="104"/>
        <source>Number of features</source>
        <translation>Anzahl der Objekte</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="116"/>
        <source>Choose the GeoPackage to write.</source>
        <translation>Wählen Sie das zu schreibende GeoPackage.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="154"/>
        <source>The GeoPackage {path} is open in the project. Remove its layers first or choose another file.</source>
        <translation>Das GeoPackage {path} ist im Projekt geöffnet. Entfernen Sie zuerst seine Layer oder wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="132"/>
        <source>Replace an existing GeoPackage even if it holds edits not uploaded</source>
        <translation>Vorhandenes GeoPackage ersetzen, auch wenn es noch nicht hochgeladene Bearbeitungen enthält</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="145"/>
        <source>Set OVERWRITE to replace it, or choose another file.</source>
        <translation>Setzen Sie OVERWRITE, um es zu ersetzen, oder wählen Sie eine andere Datei.</translation>
    </message>
</context>
<context>
    <name>_NominatimAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="93"/>
        <source>Nominatim</source>
        <translation>Nominatim</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="100"/>
        <source>Nominatim server URL</source>
        <translation>Nominatim-Server-URL</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="108"/>
        <source>Seconds between requests (the public server always waits at least 1)</source>
        <translation>Sekunden zwischen Anfragen (der öffentliche Server wartet immer mindestens 1)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="123"/>
        <source>Result language (accept-language, e.g. de or en,fr)</source>
        <translation>Sprache der Ergebnisse (accept-language, z. B. de oder en,fr)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="143"/>
        <source>The server asks to slow down: waiting {seconds} s, then going on.</source>
        <translation>Der Server bittet darum, langsamer zu werden: Es wird {seconds} s gewartet, dann geht es weiter.</translation>
    </message>
</context>
<context>
    <name>_UploadAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="45"/>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="67"/>
        <source>Elements created</source>
        <translation>Erstellte Elemente</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="68"/>
        <source>Elements modified</source>
        <translation>Geänderte Elemente</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="69"/>
        <source>Elements deleted</source>
        <translation>Gelöschte Elemente</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="52"/>
        <source>Login (OAuth 2.0 token)</source>
        <translation>Anmeldung (OAuth-2.0-Token)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="57"/>
        <source>Changeset comment</source>
        <translation>Kommentar zum Änderungssatz</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="58"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="59"/>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="59"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="64"/>
        <source>Changesets</source>
        <translation>Änderungssätze</translation>
    </message>
</context>
</TS>
