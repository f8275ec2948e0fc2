<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BuildOsmChangeAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="76"/>
        <source>Build osmChange from edited layers</source>
        <translation>Créer un osmChange à partir des couches modifiées</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="79"/>
        <source>Compares the saved layers of a download&apos;s GeoPackage with the data downloaded (the base snapshot kept in the same file) and writes the changes as an osmChange (.osc) file, ordered for upload: creates, modifies, deletes. Nothing is uploaded. Unsaved edits of open layers are not included: save them first.</source>
        <translation>Compare les couches enregistrées du GeoPackage d’un téléchargement avec les données téléchargées (l’état de référence conservé dans le même fichier) et écrit les modifications dans un fichier osmChange (.osc), dans l’ordre d’envoi : créations, modifications, suppressions. Rien n’est envoyé. Les modifications non enregistrées des couches ouvertes ne sont pas prises en compte : enregistrez-les d’abord.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="87"/>
        <source>GeoPackage of a download</source>
        <translation>GeoPackage d’un téléchargement</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="92"/>
        <source>osmChange file</source>
        <translation>Fichier osmChange</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="92"/>
        <source>osmChange (*.osc)</source>
        <translation>osmChange (*.osc)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="107"/>
        <source>{created} created, {modified} modified, {deleted} deleted</source>
        <translation>créés : {created}, modifiés : {modified}, supprimés : {deleted}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="113"/>
        <source>The layers have no changes: the file is empty.</source>
        <translation>Les couches ne contiennent aucune modification : le fichier est vide.</translation>
    </message>
</context>
<context>
    <name>ChangesetForm</name>
    <message>
        <location filename="../ui/review_changeset.py" line="32"/>
        <source>What did you change, and why? E.g. &quot;Added benches in the park&quot;</source>
        <translation>Qu’avez-vous modifié, et pourquoi ? Par ex. « Ajout de bancs dans le parc »</translation>
    </message>
    <message>
        <location filename="../ui/review_changeset.py" line="98"/>
        <source>Choose whether this is an import or a mechanical edit.</source>
        <translation>Indiquez s’il s’agit d’un import ou d’une modification mécanique.</translation>
    </message>
    <message>
        <location filename="../ui/review_changeset.py" line="44"/>
        <source>Imports and mechanical edits follow rules of their own:&lt;br&gt;• the &lt;a href=&quot;{guidelines}&quot;&gt;Import Guidelines&lt;/a&gt; ask you to discuss an import with the local community and on the imports list first, to check that the licence allows it and to document it on a wiki page;&lt;br&gt;• the &lt;a href=&quot;{conduct}&quot;&gt;Automated Edits code of conduct&lt;/a&gt; asks you to document and discuss a mechanical edit first and to make it from a dedicated account.&lt;br&gt;Give the address of that documentation page.</source>
        <translation>Les imports et les modifications mécaniques suivent des règles qui leur sont propres :&lt;br&gt;• les &lt;a href=&quot;{guidelines}&quot;&gt;règles d’import&lt;/a&gt; demandent de discuter d’abord d’un import avec la communauté locale et sur la liste de diffusion imports, de vérifier que la licence le permet et de le documenter sur une page du wiki ;&lt;br&gt;• le &lt;a href=&quot;{conduct}&quot;&gt;code de conduite des modifications automatisées&lt;/a&gt; demande de documenter et de discuter d’abord une modification mécanique et de la faire depuis un compte dédié.&lt;br&gt;Indiquez l’adresse de cette page de documentation.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="7"/>
        <source>Resolve upload conflicts</source>
        <translation>Résoudre les conflits d’envoi</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="25"/>
        <source>Element</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="29"/>
        <source>Theirs (server)</source>
        <translation>Leur version (serveur)</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="42"/>
        <source>Take theirs for all</source>
        <translation>Prendre la version du serveur pour tous</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="56"/>
        <source>tag {key}</source>
        <translation>attribut {key}</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="58"/>
        <source>position</source>
        <translation>position</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="59"/>
        <source>vertices</source>
        <translation>sommets</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="60"/>
        <source>members</source>
        <translation>membres</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="61"/>
        <source>deleted or changed</source>
        <translation>supprimé ou modifié</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="66"/>
        <source>(deleted)</source>
        <translation>(supprimé)</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="66"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/conflict_dialog.py" line="72"/>
        <source>%n vertices</source>
        <translation>
            <numerusform>%n sommet</numerusform>
            <numerusform>%n sommets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/conflict_dialog.py" line="74"/>
        <source>%n members</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="76"/>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="28"/>
        <source>Yours</source>
        <translation>La vôtre</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="97"/>
        <source>Theirs</source>
        <translation>La leur</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="12"/>
        <source>Someone else changed these elements on the server after your download, and so did you. What only one of you changed is merged by itself. Below are the parts you both changed differently: choose for each whether &lt;b&gt;yours&lt;/b&gt; or &lt;b&gt;theirs&lt;/b&gt; is kept. Nothing of yours was uploaded for them yet.</source>
        <translation>Quelqu’un d’autre a modifié ces éléments sur le serveur après votre téléchargement, et vous aussi. Ce qu’un seul d’entre vous a modifié est fusionné automatiquement. Ci-dessous, les parties que vous avez modifiées tous les deux différemment : choisissez pour chacune si &lt;b&gt;la vôtre&lt;/b&gt; ou &lt;b&gt;la leur&lt;/b&gt; est conservée. Rien de vos modifications n’a encore été envoyé pour ces éléments.</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="26"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="27"/>
        <source>At download</source>
        <translation>Au téléchargement</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="30"/>
        <source>Keep</source>
        <translation>Conserver</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.ui" line="37"/>
        <source>Keep yours for all</source>
        <translation>Conserver la vôtre partout</translation>
    </message>
</context>
<context>
    <name>DownloadBboxAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="189"/>
        <source>Download OSM data (bounding box)</source>
        <translation>Télécharger des données OSM (rectangle englobant)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="192"/>
        <source>Downloads every node, way and relation of the extent from an OSM API 0.6 server into a GeoPackage with the layers osm_points, osm_lines, osm_polygons and osm_relations and the base snapshot needed to upload edits. Large extents are split into several requests within the server's limits. ENDPOINT is the API base URL (…/api/0.6); empty uses the server chosen in the plugin settings.</source>
        <translation>Télécharge tous les nœuds, chemins et relations de l’emprise depuis un serveur OSM API 0.6 dans un GeoPackage contenant les couches osm_points, osm_lines, osm_polygons et osm_relations ainsi que l’état de référence nécessaire à l’envoi des modifications. Les grandes emprises sont découpées en plusieurs requêtes dans les limites du serveur. ENDPOINT est l’URL de base de l’API (…/api/0.6) ; vide, le serveur choisi dans les paramètres de l’extension est utilisé.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="201"/>
        <source>Extent</source>
        <translation>Emprise</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="202"/>
        <source>OSM API URL (…/api/0.6)</source>
        <translation>URL de l’API OSM (…/api/0.6)</translation>
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
        <translation>Téléchargement de {bbox} depuis {url}</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <location filename="../ui/download_dialog.ui" line="16"/>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="81"/>
        <source>OpenStreetMap (production)</source>
        <translation>OpenStreetMap (production)</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="82"/>
        <source>OpenStreetMap development server</source>
        <translation>Serveur de développement OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="83"/>
        <source>Local sandbox</source>
        <translation>Bac à sable local</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="84"/>
        <source>Custom URL</source>
        <translation>URL personnalisée</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="94"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="95"/>
        <source>Save the download as</source>
        <translation>Enregistrer le téléchargement sous</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="101"/>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="263"/>
        <source>Choose the area to download.</source>
        <translation>Choisissez la zone à télécharger.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="197"/>
        <source>This is a large area: the download may take long and load the server.</source>
        <translation>C’est une grande zone : le téléchargement peut être long et charger le serveur.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="246"/>
        <source>Large download</source>
        <translation>Téléchargement volumineux</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="246"/>
        <source>The area covers about {area} km². Downloading it takes long, puts load on the OpenStreetMap servers and gives layers that are slow to edit. Download anyway?</source>
        <translation>La zone couvre environ {area} km². Son téléchargement est long, charge les serveurs d’OpenStreetMap et produit des couches lentes à modifier. Télécharger quand même ?</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="266"/>
        <source>Enter the URL of the OSM API.</source>
        <translation>Saisissez l’URL de l’API OSM.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="283"/>
        <source>The folder {folder} does not exist.</source>
        <translation>Le dossier {folder} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="393"/>
        <source>Open an OSM file</source>
        <translation>Ouvrir un fichier OSM</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="6"/>
        <source>Download OSM data</source>
        <translation>Télécharger des données OSM</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="10"/>
        <source>Download every node, way and relation of an area from the OpenStreetMap editing API into editable layers.</source>
        <translation>Télécharger tous les nœuds, chemins et relations d’une zone depuis l’API d’édition OpenStreetMap dans des couches modifiables.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="27"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="29"/>
        <source>OSM API</source>
        <translation>API OSM</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="31"/>
        <source>API URL</source>
        <translation>URL de l’API</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="32"/>
        <source>https://example.org/api/0.6</source>
        <translation>https://example.org/api/0.6</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="38"/>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="40"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="44"/>
        <source>Edits are saved in this file; the layers are grouped under its name.</source>
        <translation>Les modifications sont enregistrées dans ce fichier ; les couches sont regroupées sous son nom.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.ui" line="56"/>
        <source>Data © OpenStreetMap contributors, ODbL.</source>
        <translation>Données © contributeurs d’OpenStreetMap, ODbL.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="470"/>
        <source>Write the data into a new file, or replace the file and lose what it holds?</source>
        <translation>Écrire les données dans un nouveau fichier, ou remplacer le fichier et perdre ce qu’il contient ?</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="476"/>
        <source>Write a new file</source>
        <translation>Écrire un nouveau fichier</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="480"/>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/download_dialog.py" line="194"/>
        <source>About {area} km², at least %n requests to the server.</source>
        <translation>
            <numerusform>Environ {area} km², au moins %n requête au serveur.</numerusform>
            <numerusform>Environ {area} km², au moins %n requêtes au serveur.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="97"/>
        <source>Choose where to save the download</source>
        <translation>Choisir où enregistrer le téléchargement</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="270"/>
        <source>Choose the GeoPackage to save the download in. (Downloads go to the project&apos;s folder, or to the download folder set in the settings, when there is one.)</source>
        <translation>Choisissez le GeoPackage dans lequel enregistrer le téléchargement. (Les téléchargements vont dans le dossier du projet, ou dans le dossier de téléchargement défini dans les paramètres, s’il y en a un.)</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="356"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.py" line="393"/>
        <source>OpenStreetMap files (*.osm *.osm.pbf *.pbf *.xml)</source>
        <translation>Fichiers OpenStreetMap (*.osm *.osm.pbf *.pbf *.xml)</translation>
    </message>
</context>
<context>
    <name>DownloadService</name>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="284"/>
        <source>Downloading OpenStreetMap data into {name}</source>
        <translation>Téléchargement des données OpenStreetMap dans {name}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="321"/>
        <source>Reading {file}</source>
        <translation>Lecture de {file}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="421"/>
        <source>The OSM data could not be loaded: {reason}</source>
        <translation>Les données OSM n’ont pas pu être chargées : {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="481"/>
        <source>%n relations reach outside the area and are marked incomplete; areas among them are drawn from the rings that are complete.</source>
        <translation>
            <numerusform>%n relation dépasse la zone et est marquée incomplète ; si c’est une surface, elle est dessinée à partir de ses anneaux complets.</numerusform>
            <numerusform>%n relations dépassent la zone et sont marquées incomplètes ; les surfaces parmi elles sont dessinées à partir de leurs anneaux complets.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="491"/>
        <source>%n ways use nodes that are not in the data (for example way {example}): they are drawn through the nodes that are there, marked incomplete, and uploaded with all their nodes.</source>
        <translation>
            <numerusform>%n chemin utilise des nœuds absents des données (chemin {example}) : il est dessiné par les nœuds présents, marqué incomplet et envoyé avec tous ses nœuds.</numerusform>
            <numerusform>%n chemins utilisent des nœuds absents des données (par exemple le chemin {example}) : ils sont dessinés par les nœuds présents, marqués incomplets et envoyés avec tous leurs nœuds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="380"/>
        <source>Download cancelled; nothing was changed.</source>
        <translation>Téléchargement annulé ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="445"/>
        <source>The area holds no OSM data; the group “{name}” is empty.</source>
        <translation>La zone ne contient aucune donnée OSM ; le groupe « {name} » est vide.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="449"/>
        <source>{list} and {last}</source>
        <translation>{list} et {last}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="456"/>
        <source>Downloaded {counts} into “{name}”.</source>
        <translation>Téléchargé dans « {name} » : {counts}.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="415"/>
        <source>The layers are saved in {path}.</source>
        <translation>Les couches sont enregistrées dans {path}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="436"/>
        <source>%n points</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="436"/>
        <source>%n lines</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="436"/>
        <source>%n polygons</source>
        <translation>
            <numerusform>%n polygone</numerusform>
            <numerusform>%n polygones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="436"/>
        <source>%n relations</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="460"/>
        <source>%n relations reach outside the area.</source>
        <translation>
            <numerusform>%n relation dépasse la zone.</numerusform>
            <numerusform>%n relations dépassent la zone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="467"/>
        <source>%n ways lack some of their nodes.</source>
        <translation>
            <numerusform>%n chemin n’a pas tous ses nœuds.</numerusform>
            <numerusform>%n chemins n’ont pas tous leurs nœuds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GeocodeTable</name>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="405"/>
        <source>Geocode table (Nominatim)</source>
        <translation>Géocoder une table (Nominatim)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="408"/>
        <source>Geocodes each row of a table: free-form from one field, or structured from the address fields mapped below. The output keeps every input attribute and adds status (ok, not_found, empty, error), status_text, osm_type, osm_id, display_name and more; rows that fail keep their attributes and have no geometry. Requests are spaced as the server&apos;s usage policy requires (at least 1 s for the public server) and identical addresses are asked once.</source>
        <translation>Géocode chaque ligne d’une table : en texte libre à partir d’un champ, ou de façon structurée à partir des champs d’adresse associés ci-dessous. La sortie conserve tous les attributs d’entrée et ajoute status (ok, not_found, empty, error), status_text, osm_type, osm_id, display_name, etc. ; les lignes en échec conservent leurs attributs et n’ont pas de géométrie. Les requêtes sont espacées comme l’exige la politique d’utilisation du serveur (au moins 1 s pour le serveur public) et les adresses identiques ne sont demandées qu’une fois.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="418"/>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="423"/>
        <source>Free-form address field</source>
        <translation>Champ d’adresse (texte libre)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="432"/>
        <source>Amenity field (structured)</source>
        <translation>Champ équipement (structuré)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="433"/>
        <source>Street field (structured)</source>
        <translation>Champ rue (structuré)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="434"/>
        <source>City field (structured)</source>
        <translation>Champ ville (structuré)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="435"/>
        <source>County field (structured)</source>
        <translation>Champ département (structuré)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="436"/>
        <source>State field (structured)</source>
        <translation>Champ région (structuré)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="437"/>
        <source>Country field (structured)</source>
        <translation>Champ pays (structuré)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="438"/>
        <source>Postcode field (structured)</source>
        <translation>Champ code postal (structuré)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="446"/>
        <source>Limit to countries (ISO codes, e.g. li,ch)</source>
        <translation>Limiter aux pays (codes ISO, p. ex. li,ch)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="455"/>
        <source>Geocoded</source>
        <translation>Géocodé</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="458"/>
        <source>Rows geocoded</source>
        <translation>Lignes géocodées</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="459"/>
        <source>Rows not geocoded</source>
        <translation>Lignes non géocodées</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="469"/>
        <source>Choose either a free-form address field or structured address fields, not both.</source>
        <translation>Choisissez soit un champ d’adresse en texte libre, soit des champs d’adresse structurés, mais pas les deux.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="476"/>
        <source>Choose the field that holds the address (free-form) or at least one structured address field.</source>
        <translation>Choisissez le champ qui contient l’adresse (texte libre) ou au moins un champ d’adresse structuré.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="485"/>
        <source>The table has no field “{field}”.</source>
        <translation>La table n’a pas de champ « {field} ».</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="504"/>
        <source>Server: {url}; at least {seconds} s between requests.</source>
        <translation>Serveur : {url} ; au moins {seconds} s entre les requêtes.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="545"/>
        <source>{failed} of {total} rows could not be geocoded; see status_text.</source>
        <translation>{failed} lignes sur {total} n’ont pas pu être géocodées ; voir status_text.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="565"/>
        <source>No address in this row.</source>
        <translation>Aucune adresse dans cette ligne.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="574"/>
        <source>Row {id}: {message}</source>
        <translation>Ligne {id} : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="579"/>
        <source>Nothing found.</source>
        <translation>Aucun résultat.</translation>
    </message>
</context>
<context>
    <name>LoadOsmFileAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="253"/>
        <source>Load .osm file</source>
        <translation>Charger un fichier .osm</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="263"/>
        <source>OSM file</source>
        <translation>Fichier OSM</translation>
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
        <translation>Le fichier {path} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="256"/>
        <source>Reads an OSM file (OSM XML .osm or OSM PBF .osm.pbf) into a GeoPackage with the layers osm_points, osm_lines, osm_polygons and osm_relations and the base snapshot, exactly like a download from the API.</source>
        <translation>Lit un fichier OSM (OSM XML .osm ou OSM PBF .osm.pbf) dans un GeoPackage contenant les couches osm_points, osm_lines, osm_polygons et osm_relations ainsi que l’état de référence, exactement comme un téléchargement depuis l’API.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="263"/>
        <source>OpenStreetMap files (*.osm *.osm.pbf *.pbf *.xml)</source>
        <translation>Fichiers OpenStreetMap (*.osm *.osm.pbf *.pbf *.xml)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../ui/login_dialog.py" line="67"/>
        <source>Log in to &lt;b&gt;{server}&lt;/b&gt;</source>
        <translation>Se connecter à &lt;b&gt;{server}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="77"/>
        <source>Code or address</source>
        <translation>Code ou adresse</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="98"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="124"/>
        <source>Waiting for the browser…</source>
        <translation>En attente du navigateur…</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="125"/>
        <source>QGIS cannot receive the browser&apos;s answer: paste the code the server shows after you approved the access.</source>
        <translation>QGIS ne peut pas recevoir la réponse du navigateur : collez le code que le serveur affiche après que vous avez autorisé l’accès.</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="129"/>
        <source>Exchanging the code…</source>
        <translation>Échange du code…</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="148"/>
        <source>The address of the login page is in the clipboard.</source>
        <translation>L’adresse de la page de connexion est dans le presse-papiers.</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="155"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="162"/>
        <source>Logged in. Asking the server for the account name…</source>
        <translation>Connecté. Demande du nom du compte au serveur…</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="186"/>
        <source>Asking for the account name</source>
        <translation>Demande du nom du compte</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="197"/>
        <source>Logged in as &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>Connecté en tant que &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="201"/>
        <source>Logged in. The account name is not available: {reason}</source>
        <translation>Connecté. Le nom du compte n’est pas disponible : {reason}</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="225"/>
        <source>Open the browser again</source>
        <translation>Rouvrir le navigateur</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="226"/>
        <source>Copy the address</source>
        <translation>Copier l’adresse</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="231"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="7"/>
        <source>Log in to OpenStreetMap</source>
        <translation>Se connecter à OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="26"/>
        <source>Approve the access in the browser. If the browser runs on another computer, or QGIS does not receive its answer, paste the code the server shows (or the whole address the browser ended on) here:</source>
        <translation>Autorisez l’accès dans le navigateur. Si le navigateur tourne sur un autre ordinateur, ou si QGIS ne reçoit pas sa réponse, collez ici le code affiché par le serveur (ou l’adresse complète à laquelle le navigateur a abouti) :</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="32"/>
        <source>Use the code</source>
        <translation>Utiliser le code</translation>
    </message>
</context>
<context>
    <name>NominatimLayers</name>
    <message>
        <location filename="../plugin/adapters/nominatim_layers.py" line="179"/>
        <source>Nominatim points</source>
        <translation>Points Nominatim</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/nominatim_layers.py" line="180"/>
        <source>Nominatim outlines</source>
        <translation>Contours Nominatim</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/nominatim_layers.py" line="181"/>
        <source>Nominatim outlines (lines)</source>
        <translation>Contours Nominatim (lignes)</translation>
    </message>
</context>
<context>
    <name>NominatimSearch</name>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="177"/>
        <source>Search places (Nominatim)</source>
        <translation>Rechercher des lieux (Nominatim)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="180"/>
        <source>Runs one Nominatim search, free-form (Query) or structured (the address fields), and writes the results as points and, with outlines, as polygons and lines in EPSG:4326. Address parts, extra tags and name details become columns (addr_*, extra_*, names_*); raw_json holds the server's answer for each place. Data © OpenStreetMap contributors, ODbL.</source>
        <translation>Exécute une recherche Nominatim, en texte libre (Requête) ou structurée (les champs d’adresse), et écrit les résultats sous forme de points et, avec les contours, de polygones et de lignes en EPSG:4326. Les parties de l’adresse, les attributs supplémentaires et les détails des noms deviennent des colonnes (addr_*, extra_*, names_*) ; raw_json contient la réponse du serveur pour chaque lieu. Données © contributeurs d’OpenStreetMap, ODbL.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="190"/>
        <source>Query (free-form)</source>
        <translation>Requête (texte libre)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="194"/>
        <source>Amenity (structured)</source>
        <translation>Équipement (structuré)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="195"/>
        <source>Street with house number (structured)</source>
        <translation>Rue avec numéro (structuré)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="196"/>
        <source>City (structured)</source>
        <translation>Ville (structuré)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="197"/>
        <source>County (structured)</source>
        <translation>Département (structuré)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="198"/>
        <source>State (structured)</source>
        <translation>Région (structuré)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="199"/>
        <source>Country (structured)</source>
        <translation>Pays (structuré)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="200"/>
        <source>Postcode (structured)</source>
        <translation>Code postal (structuré)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="204"/>
        <source>Limit to countries (ISO codes, e.g. li,ch)</source>
        <translation>Limiter aux pays (codes ISO, p. ex. li,ch)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="211"/>
        <source>Maximum number of results</source>
        <translation>Nombre maximal de résultats</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="220"/>
        <source>Preferred area (viewbox)</source>
        <translation>Zone préférée (viewbox)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="225"/>
        <source>Only results inside the preferred area</source>
        <translation>Uniquement les résultats dans la zone préférée</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="230"/>
        <source>Limit to layers</source>
        <translation>Limiter aux couches</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="241"/>
        <source>Limit to feature type</source>
        <translation>Limiter au type d’entité</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="251"/>
        <source>Exclude place ids (comma-separated)</source>
        <translation>Exclure des identifiants de lieu (séparés par des virgules)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="261"/>
        <source>Address details</source>
        <translation>Détails de l’adresse</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="261"/>
        <source>Extra tags</source>
        <translation>Attributs supplémentaires</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="261"/>
        <source>Name details</source>
        <translation>Détails des noms</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="261"/>
        <source>Fetch outlines</source>
        <translation>Récupérer les contours</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="268"/>
        <source>Outline simplification tolerance (degrees)</source>
        <translation>Tolérance de simplification des contours (degrés)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="279"/>
        <source>Remove duplicate results</source>
        <translation>Supprimer les résultats en double</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="286"/>
        <source>Nominatim points</source>
        <translation>Points Nominatim</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="291"/>
        <source>Nominatim outlines</source>
        <translation>Contours Nominatim</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="299"/>
        <source>Nominatim outlines (lines)</source>
        <translation>Contours Nominatim (lignes)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="308"/>
        <source>Number of results</source>
        <translation>Nombre de résultats</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="358"/>
        <source>Request: {url}</source>
        <translation>Requête : {url}</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="360"/>
        <source>%n places found.</source>
        <translation>
            <numerusform>%n lieu trouvé.</numerusform>
            <numerusform>%n lieux trouvés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OsmElements</name>
    <message>
        <location filename="../plugin/adapters/i18n.py" line="58"/>
        <source>node</source>
        <translation>nœud</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/i18n.py" line="59"/>
        <source>way</source>
        <translation>chemin</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/i18n.py" line="60"/>
        <source>relation</source>
        <translation>relation</translation>
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
        <translation>Erreurs</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/validation.py" line="127"/>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/validation.py" line="150"/>
        <source>OSM issues</source>
        <translation>Problèmes OSM</translation>
    </message>
</context>
<context>
    <name>OsmLayers</name>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="222"/>
        <source>The layer {layer} of {path} cannot be opened.</source>
        <translation>La couche {layer} de {path} ne peut pas être ouverte.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="327"/>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="327"/>
        <source>Shops</source>
        <translation>Commerces</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Amenities</source>
        <translation>Équipements</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="327"/>
        <source>Tourism</source>
        <translation>Tourisme</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="327"/>
        <source>Public transport</source>
        <translation>Transports en commun</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="327"/>
        <source>Trees</source>
        <translation>Arbres</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="327"/>
        <source>Entrances</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="327"/>
        <source>Addresses</source>
        <translation>Adresses</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Motorways and trunk roads</source>
        <translation>Autoroutes et voies express</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Primary roads</source>
        <translation>Routes principales</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Secondary roads</source>
        <translation>Routes secondaires</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Tertiary roads</source>
        <translation>Routes tertiaires</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Local streets</source>
        <translation>Rues locales</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Service roads</source>
        <translation>Voies de desserte</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Paths</source>
        <translation>Voies piétonnes et cyclables</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Tracks</source>
        <translation>Pistes agricoles et forestières</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Railways</source>
        <translation>Voies ferrées</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Waterways</source>
        <translation>Cours d’eau</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Power lines</source>
        <translation>Lignes électriques</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Barriers</source>
        <translation>Barrières</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="356"/>
        <source>Other roads</source>
        <translation>Autres routes</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Buildings</source>
        <translation>Bâtiments</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Water</source>
        <translation>Surfaces en eau</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Parking</source>
        <translation>Stationnement</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Sports</source>
        <translation>Équipements sportifs</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Parks</source>
        <translation>Parcs</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Forest</source>
        <translation>Forêt</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Grass</source>
        <translation>Herbe</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Farmland</source>
        <translation>Terres agricoles</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Residential</source>
        <translation>Zones résidentielles</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Commercial</source>
        <translation>Zones commerciales</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Industrial</source>
        <translation>Zones industrielles</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="397"/>
        <source>Other land use</source>
        <translation>Autre occupation du sol</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="591"/>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/osm_layers.py" line="599"/>
        <source>Incomplete (cut by the download area)</source>
        <translation>Incomplet (coupé par la zone téléchargée)</translation>
    </message>
</context>
<context>
    <name>OsmLocatorFilter</name>
    <message>
        <location filename="../ui/locator.py" line="57"/>
        <source>OpenStreetMap places (Nominatim)</source>
        <translation>Lieux OpenStreetMap (Nominatim)</translation>
    </message>
    <message>
        <location filename="../ui/locator.py" line="79"/>
        <source>Search “{text}” on OpenStreetMap (press Enter)</source>
        <translation>Rechercher « {text} » dans OpenStreetMap (touche Entrée)</translation>
    </message>
    <message>
        <location filename="../ui/locator.py" line="79"/>
        <source>in the OSM Roundtrip search panel</source>
        <translation>dans le panneau de recherche d’OSM Roundtrip</translation>
    </message>
</context>
<context>
    <name>OsmRoundtripAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/base.py" line="40"/>
        <source>“{value}” is not a value of {parameter}. Valid values: {names} (or their numbers 0 to {last}).</source>
        <translation>« {value} » n’est pas une valeur de {parameter}. Valeurs valides : {names} (ou leurs numéros de 0 à {last}).</translation>
    </message>
</context>
<context>
    <name>OsmRoundtripErrors</name>
    <message>
        <location filename="../plugin/core/errors.py" line="106"/>
        <source>The operation was cancelled.</source>
        <translation>L’opération a été annulée.</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="60"/>
        <source>The server at {url} answered with a web page instead of data: {snippet}</source>
        <translation>Le serveur {url} a répondu par une page web au lieu de données : {snippet}</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="71"/>
        <source>The server at {url} sent invalid JSON ({error}).</source>
        <translation>Le serveur {url} a envoyé du JSON invalide ({error}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="305"/>
        <source>The server {host} did not answer within {seconds} s.</source>
        <translation>Le serveur {host} n’a pas répondu en {seconds} s.</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="313"/>
        <source>Could not connect to {host}: {reason}</source>
        <translation>Impossible de se connecter à {host} : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="321"/>
        <source>The request to {host} failed: {reason}</source>
        <translation>La requête vers {host} a échoué : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="337"/>
        <source>The server refused the request because of rate limiting (HTTP {status}). {body}</source>
        <translation>Le serveur a refusé la requête à cause d’une limitation de débit (HTTP {status}). {body}</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="517"/>
        <source>The server answered HTTP {status}: {body}</source>
        <translation>Le serveur a répondu HTTP {status} : {body}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/download_service.py" line="226"/>
        <source>The layers of {path} have unsaved edits. Save or discard them, or choose another file.</source>
        <translation>Les couches de {path} ont des modifications non enregistrées. Enregistrez-les ou abandonnez-les, ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/client.py" line="270"/>
        <source>The server at {url} sent an unreadable answer: {reason}</source>
        <translation>Le serveur {url} a envoyé une réponse illisible : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/client.py" line="285"/>
        <source>The server blocked the request (HTTP {status}), usually because its usage policy was not respected: {body}</source>
        <translation>Le serveur a bloqué la requête (HTTP {status}), généralement parce que sa politique d’utilisation n’a pas été respectée : {body}</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/places.py" line="316"/>
        <source>The server sent invalid XML ({error}).</source>
        <translation>Le serveur a envoyé du XML invalide ({error}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/places.py" line="341"/>
        <source>The server sent a result that cannot be read (expected {expected}; got {got}).</source>
        <translation>Le serveur a envoyé un résultat illisible (attendu : {expected} ; reçu : {got}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="100"/>
        <source>The viewbox {viewbox} is out of range: longitudes must be within -180..180 and latitudes within -90..90.</source>
        <translation>La viewbox {viewbox} est hors limites : les longitudes doivent être comprises dans -180..180 et les latitudes dans -90..90.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="108"/>
        <source>The viewbox {viewbox} is not a proper box: its corners must differ in both longitude and latitude.</source>
        <translation>La viewbox {viewbox} n’est pas un vrai rectangle : ses coins doivent différer à la fois en longitude et en latitude.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="122"/>
        <source>The viewbox “{value}” is malformed: give four numbers x1,y1,x2,y2 (two opposite corners, longitude then latitude).</source>
        <translation>La viewbox « {value} » est mal formée : indiquez quatre nombres x1,y1,x2,y2 (deux coins opposés, longitude puis latitude).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="167"/>
        <source>The output format “{format}” is not supported; use one of {formats}.</source>
        <translation>Le format de sortie « {format} » n’est pas pris en charge ; utilisez l’un des formats suivants : {formats}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="175"/>
        <source>The layer “{layer}” is unknown; use any of {layers}.</source>
        <translation>La couche « {layer} » est inconnue ; utilisez une ou plusieurs des couches suivantes : {layers}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="182"/>
        <source>Only one outline format can be requested at a time (asked for {formats}).</source>
        <translation>Un seul format de contour peut être demandé à la fois (demandés : {formats}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="193"/>
        <source>The outline simplification tolerance must be a number of degrees, zero or more (got {value}).</source>
        <translation>La tolérance de simplification des contours doit être un nombre de degrés positif ou nul (reçu : {value}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="201"/>
        <source>An outline simplification tolerance needs an outline format (polygon_geojson, polygon_kml, polygon_svg or polygon_text).</source>
        <translation>Une tolérance de simplification des contours nécessite un format de contour (polygon_geojson, polygon_kml, polygon_svg ou polygon_text).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="208"/>
        <source>“{email}” is not a valid e-mail address.</source>
        <translation>« {email} » n’est pas une adresse électronique valide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="278"/>
        <source>A free-form query cannot be combined with structured address fields ({fields}); use one or the other.</source>
        <translation>Une requête en texte libre ne peut pas être combinée avec des champs d’adresse structurés ({fields}) ; utilisez l’un ou l’autre.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="286"/>
        <source>The query is empty: enter a search text or at least one address field.</source>
        <translation>La requête est vide : saisissez un texte de recherche ou au moins un champ d’adresse.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="296"/>
        <source>The number of results must be between 1 and {maximum} (got {limit}).</source>
        <translation>Le nombre de résultats doit être compris entre 1 et {maximum} (reçu : {limit}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="304"/>
        <source>“{code}” is not a country code: use two-letter ISO 3166-1 codes such as li or de.</source>
        <translation>« {code} » n’est pas un code de pays : utilisez des codes ISO 3166-1 à deux lettres comme li ou de.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="312"/>
        <source>The feature type “{value}” is unknown; use one of {types}.</source>
        <translation>Le type d’entité « {value} » est inconnu ; utilisez l’un des types suivants : {types}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="320"/>
        <source>“{value}” is not a place id (a positive whole number).</source>
        <translation>« {value} » n’est pas un identifiant de lieu (un nombre entier positif).</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="328"/>
        <source>Restricting the results to the viewbox (bounded) needs a viewbox.</source>
        <translation>Restreindre les résultats à la viewbox (bounded) nécessite une viewbox.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="422"/>
        <source>The position {lat}, {lon} is not valid: latitude must be within -90..90 and longitude within -180..180.</source>
        <translation>La position {lat}, {lon} n’est pas valide : la latitude doit être comprise dans -90..90 et la longitude dans -180..180.</translation>
    </message>
    <message>
        <location filename="../plugin/core/nominatim/query.py" line="435"/>
        <source>The zoom level must be between 0 and {maximum} (got {zoom}).</source>
        <translation>Le niveau de zoom doit être compris entre 0 et {maximum} (reçu : {zoom}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="135"/>
        <source>The server at {url} did not send an access token.</source>
        <translation>Le serveur {url} n’a pas envoyé de jeton d’accès.</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="331"/>
        <source>The authorization was refused: {reason}</source>
        <translation>L’autorisation a été refusée : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="323"/>
        <source>The answer of the authorization server does not belong to this login (state mismatch); please try again.</source>
        <translation>La réponse du serveur d’autorisation ne correspond pas à cette connexion (state différent) ; veuillez réessayer.</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="346"/>
        <source>No loopback listener: enter the code shown by the server.</source>
        <translation>Pas d’écoute locale (loopback) : saisissez le code affiché par le serveur.</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="354"/>
        <source>No answer from the browser within {seconds} s; the login was abandoned.</source>
        <translation>Aucune réponse du navigateur en {seconds} s ; la connexion a été abandonnée.</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="399"/>
        <source>The server refused to issue a token (HTTP {status}): {body}</source>
        <translation>Le serveur a refusé de délivrer un jeton (HTTP {status}) : {body}</translation>
    </message>
    <message>
        <location filename="../plugin/core/oauth.py" line="440"/>
        <source>Could not listen on 127.0.0.1 for the browser&apos;s answer and no way to ask for the code was given.</source>
        <translation>Impossible d’écouter sur 127.0.0.1 la réponse du navigateur, et aucun moyen de demander le code n’a été fourni.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="61"/>
        <source>{element_type} {element_id} was changed on the server by someone else (your version {provided}, server version {server}).</source>
        <translation>L’élément {element_type} {element_id} a été modifié sur le serveur par quelqu’un d’autre (votre version {provided}, version du serveur {server}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="87"/>
        <source>The changeset {changeset} was closed at {closed_at}.</source>
        <translation>Le groupe de modifications {changeset} a été fermé le {closed_at}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="123"/>
        <source>{element_type} {element_id} cannot be deleted: it is still used by {users}.</source>
        <translation>L’élément {element_type} {element_id} ne peut pas être supprimé : il est encore utilisé par {users}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="129"/>
        <source>{element_type} {element_id} refers to elements that do not exist or were deleted on the server: {users}.</source>
        <translation>L’élément {element_type} {element_id} fait référence à des éléments qui n’existent pas ou qui ont été supprimés sur le serveur : {users}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="378"/>
        <source>The server refused the upload: {body}</source>
        <translation>Le serveur a refusé l’envoi : {body}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="163"/>
        <source>{element_type} {element_id} has already been deleted on the server.</source>
        <translation>L’élément {element_type} {element_id} a déjà été supprimé sur le serveur.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="168"/>
        <source>The element has already been deleted on the server.</source>
        <translation>L’élément a déjà été supprimé sur le serveur.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="307"/>
        <source>The changeset is busy with another upload; try again in a moment. ({body})</source>
        <translation>Le groupe de modifications est occupé par un autre envoi ; réessayez dans un instant. ({body})</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="316"/>
        <source>The server refused the changeset: {body}</source>
        <translation>Le serveur a refusé le groupe de modifications : {body}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="345"/>
        <source>The upload is too large for the server (HTTP 413): {body} Upload smaller areas in separate changesets.</source>
        <translation>L’envoi est trop volumineux pour le serveur (HTTP 413) : {body} Envoyez des zones plus petites dans des groupes de modifications séparés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="358"/>
        <source>The server did not accept your login (HTTP {status}): {body} Log in again.</source>
        <translation>Le serveur n’a pas accepté votre connexion (HTTP {status}) : {body} Reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="368"/>
        <source>The server does not know the changeset or one of the elements (HTTP 404).</source>
        <translation>Le serveur ne connaît pas le groupe de modifications ou l’un des éléments (HTTP 404).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="413"/>
        <source>The server at {url} sent XML that cannot be read: {reason}</source>
        <translation>Le serveur {url} a envoyé du XML illisible : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="475"/>
        <source>The server at {url} sent no changeset.</source>
        <translation>Le serveur {url} n’a envoyé aucun groupe de modifications.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="511"/>
        <source>The server at {url} did not send an osmChange document.</source>
        <translation>Le serveur {url} n’a pas envoyé de document osmChange.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="269"/>
        <source>Your login does not allow editing the map (permission write_api is missing). Log in again and grant “Modify the map”.</source>
        <translation>Votre connexion ne permet pas de modifier la carte (l’autorisation write_api est absente). Reconnectez-vous et accordez l’autorisation de modifier la carte (« Modify the map »).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="672"/>
        <source>The server at {url} did not answer with a changeset number: {snippet}</source>
        <translation>Le serveur {url} n’a pas répondu avec un numéro de groupe de modifications : {snippet}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="708"/>
        <source>Unknown OSM layer {layer}.</source>
        <translation>Couche OSM {layer} inconnue.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="722"/>
        <source>Feature {fid} of layer {layer} has OSM type &apos;{osm_type}&apos;, which this layer cannot hold.</source>
        <translation>L’entité {fid} de la couche {layer} a le type OSM « {osm_type} », que cette couche ne peut pas contenir.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="733"/>
        <source>Feature {fid} of layer {layer} refers to {element}, which is not in the downloaded data.</source>
        <translation>L’entité {fid} de la couche {layer} fait référence à {element}, qui ne figure pas dans les données téléchargées.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="744"/>
        <source>Features {fid} and {other} of layer {layer} both carry the identity of {element}. Clear osm_id on the copy so that it becomes a new feature.</source>
        <translation>Les entités {fid} et {other} de la couche {layer} portent toutes deux l’identité de {element}. Videz osm_id dans la copie pour qu’elle devienne une nouvelle entité.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="773"/>
        <source>Relation {id} (feature {fid}) has an invalid member {member}.</source>
        <translation>La relation {id} (entité {fid}) a un membre invalide : {member}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="798"/>
        <source>Feature {fid} of layer {layer} has an invalid geometry.</source>
        <translation>L’entité {fid} de la couche {layer} a une géométrie invalide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="806"/>
        <source>Feature {fid} of layer {layer} has coordinates outside longitude -180..180 / latitude -90..90 ({lon}, {lat}): is the layer transformed to WGS84?</source>
        <translation>L’entité {fid} de la couche {layer} a des coordonnées hors de longitude -180..180 / latitude -90..90 ({lon}, {lat}) : la couche est-elle transformée en WGS84 ?</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1198"/>
        <source>Feature {fid} of layer {layer} has no geometry.</source>
        <translation>L’entité {fid} de la couche {layer} n’a pas de géométrie.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="830"/>
        <source>Point {fid} of node {id} has {parts} parts; an OSM node has one.</source>
        <translation>Le point {fid} du nœud {id} a {parts} parties ; un nœud OSM n’en a qu’une.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="854"/>
        <source>Line {fid} of way {id} has {parts} parts; an OSM way has exactly one. Split it into separate features (the copies without osm_id).</source>
        <translation>La ligne {fid} du chemin {id} a {parts} parties ; un chemin OSM en a exactement une. Séparez-la en entités distinctes (les copies sans osm_id).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="876"/>
        <source>Line {fid} of way {id} has fewer than two distinct vertices; delete the feature instead.</source>
        <translation>La ligne {fid} du chemin {id} a moins de deux sommets distincts ; supprimez plutôt l’entité.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="951"/>
        <source>Polygon {fid} of layer {layer} has a ring with fewer than three distinct vertices.</source>
        <translation>Le polygone {fid} de la couche {layer} a un anneau de moins de trois sommets distincts.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="990"/>
        <source>Polygon {fid} refers to way {id}, which is not closed.</source>
        <translation>Le polygone {fid} fait référence au chemin {id}, qui n’est pas fermé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1027"/>
        <source>multipolygon replacing the tags of {element}</source>
        <translation>multipolygone remplaçant les attributs de {element}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1049"/>
        <source>Relation {id} (feature {fid}) is incomplete or its rings do not close; its geometry cannot be changed here. Edit its member ways instead (tag edits are fine).</source>
        <translation>La relation {id} (entité {fid}) est incomplète ou ses anneaux ne se ferment pas ; sa géométrie ne peut pas être modifiée ici. Modifiez plutôt ses chemins membres (les modifications d’attributs sont possibles).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1137"/>
        <source>ring removed from {element}</source>
        <translation>anneau retiré de {element}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1186"/>
        <source>New line {fid} has fewer than two distinct vertices.</source>
        <translation>La nouvelle ligne {fid} a moins de deux sommets distincts.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1218"/>
        <source>New relation {fid} has an invalid member {member}.</source>
        <translation>La nouvelle relation {fid} a un membre invalide : {member}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1232"/>
        <source>{element} is changed differently by {first} and {second} ({what}). Make both features agree, or undo one of the edits.</source>
        <translation>L’élément {element} est modifié différemment par {first} et {second} ({what}). Mettez les deux entités en accord ou annulez l’une des modifications.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1294"/>
        <source>Way {id} would have fewer than two nodes ({source}).</source>
        <translation>Le chemin {id} aurait moins de deux nœuds ({source}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1301"/>
        <source>Way {id} would have {count} nodes, more than the {limit} a way may have ({source}). Split the line first.</source>
        <translation>Le chemin {id} aurait {count} nœuds, plus que les {limit} autorisés pour un chemin ({source}). Divisez d’abord la ligne.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1317"/>
        <source>New feature {source} collapses to a single node.</source>
        <translation>La nouvelle entité {source} se réduit à un seul nœud.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1340"/>
        <source>new point placed on this node</source>
        <translation>nouveau point placé sur ce nœud</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1462"/>
        <source>point deleted; the node stays as a vertex and loses its tags</source>
        <translation>point supprimé ; le nœud reste comme sommet et perd ses attributs</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1472"/>
        <source>feature deleted</source>
        <translation>entité supprimée</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1485"/>
        <source>member way no longer used</source>
        <translation>chemin membre désormais inutilisé</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1516"/>
        <source>node no longer used</source>
        <translation>nœud désormais inutilisé</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1563"/>
        <source>{element} removed from the members</source>
        <translation>{element} retiré des membres</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1656"/>
        <source>moved</source>
        <translation>déplacé</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1659"/>
        <source>nodes changed</source>
        <translation>nœuds modifiés</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1661"/>
        <source>members changed</source>
        <translation>membres modifiés</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1652"/>
        <source>new</source>
        <translation>nouvel élément</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="1676"/>
        <source>tags: {changes}</source>
        <translation>attributs : {changes}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="111"/>
        <source>The capabilities from {source} are not valid XML: {reason}</source>
        <translation>Les capacités (capabilities) de {source} ne sont pas du XML valide : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="119"/>
        <source>The answer from {source} is not an API capabilities document.</source>
        <translation>La réponse de {source} n’est pas un document de capacités de l’API (capabilities).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="181"/>
        <source>A bounding box needs four numbers (min_lon, min_lat, max_lon, max_lat), got {value}.</source>
        <translation>Un rectangle englobant nécessite quatre nombres (min_lon, min_lat, max_lon, max_lat), reçu : {value}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="195"/>
        <source>The bounding box value {name} is not a number: {value}</source>
        <translation>La valeur {name} du rectangle englobant n’est pas un nombre : {value}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="205"/>
        <source>The longitude {name} = {value} is outside the range -180 to 180.</source>
        <translation>La longitude {name} = {value} est hors de l’intervalle -180 à 180.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="213"/>
        <source>The latitude {name} = {value} is outside the range -90 to 90.</source>
        <translation>La latitude {name} = {value} est hors de l’intervalle -90 à 90.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="224"/>
        <source>The bounding box is empty: {low_name} ({low}) must be smaller than {high_name} ({high}).</source>
        <translation>Le rectangle englobant est vide : {low_name} ({low}) doit être inférieur à {high_name} ({high}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="236"/>
        <source>The bounding box covers {area:.4f} square degrees; the server allows at most {max_area} per request.</source>
        <translation>Le rectangle englobant couvre {area:.4f} degrés carrés ; le serveur en autorise au plus {max_area} par requête.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="370"/>
        <source>The OSM API at {url} is not available for reading (api: {api}, database: {database}).</source>
        <translation>L’API OSM {url} n’est pas disponible en lecture (API : {api}, base de données : {database}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="381"/>
        <source>The area is too large: it needs {tiles} requests to the server (at most {max_tiles}). Choose a smaller area.</source>
        <translation>La zone est trop grande : elle nécessite {tiles} requêtes au serveur (au plus {max_tiles}). Choisissez une zone plus petite.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="452"/>
        <source>Too many nodes: splitting an area into {parts} parts</source>
        <translation>Trop de nœuds : découpage d’une zone en {parts} parties</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="464"/>
        <source>Downloaded area {done} of {total}</source>
        <translation>Zone {done} sur {total} téléchargée</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="305"/>
        <source>Invalid or missing {what} in the osmChange.</source>
        <translation>Valeur {what} invalide ou manquante dans le document osmChange.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="317"/>
        <source>The osmChange cannot be read: {reason}</source>
        <translation>Le document osmChange ne peut pas être lu : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="321"/>
        <source>Not an osmChange document (root element {tag}).</source>
        <translation>Ce n’est pas un document osmChange (élément racine {tag}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="331"/>
        <source>Unknown osmChange action {action}.</source>
        <translation>Action osmChange {action} inconnue.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="359"/>
        <source>Unknown element {tag} in the osmChange.</source>
        <translation>Élément {tag} inconnu dans le document osmChange.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="391"/>
        <source>A changeset comment is required.</source>
        <translation>Un commentaire de groupe de modifications est obligatoire.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="393"/>
        <source>comment</source>
        <translation>commentaire</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="403"/>
        <source>{element} appears twice in the {action} block.</source>
        <translation>{element} apparaît deux fois dans le bloc {action}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="410"/>
        <source>{element}: id 0 is not allowed.</source>
        <translation>{element} : l’identifiant 0 n’est pas autorisé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="412"/>
        <source>{element}: new elements need a negative id.</source>
        <translation>{element} : les nouveaux éléments doivent avoir un identifiant négatif.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="417"/>
        <source>{element}: the version is missing.</source>
        <translation>{element} : la version est manquante.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="422"/>
        <source>{element} has a tag with an empty key.</source>
        <translation>{element} a un attribut dont la clé est vide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="426"/>
        <source>key</source>
        <translation>clé</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="427"/>
        <source>value of {key}</source>
        <translation>valeur de {key}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="431"/>
        <source>{element} has invalid coordinates (lat {lat}, lon {lon}).</source>
        <translation>{element} a des coordonnées invalides (latitude {lat}, longitude {lon}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="441"/>
        <source>{element} has {count} nodes; a way needs at least 2.</source>
        <translation>{element} a {count} nœuds ; un chemin en nécessite au moins 2.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="448"/>
        <source>{element} has {count} nodes; the server allows {limit}. Split the line.</source>
        <translation>{element} a {count} nœuds ; le serveur en autorise {limit}. Divisez la ligne.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="458"/>
        <source>{element} refers to node {ref}, which is not created in these changes.</source>
        <translation>{element} fait référence au nœud {ref}, qui n’est pas créé dans ces modifications.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="469"/>
        <source>{element} has {count} members; the server allows {limit}.</source>
        <translation>{element} a {count} membres ; le serveur en autorise {limit}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="478"/>
        <source>{element} has a member of unknown type {type}.</source>
        <translation>{element} a un membre de type inconnu {type}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="485"/>
        <source>{element} refers to {member}, which is not created in these changes.</source>
        <translation>{element} fait référence à {member}, qui n’est pas créé dans ces modifications.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="493"/>
        <source>{element}: a member role is longer than {limit} characters.</source>
        <translation>{element} : un rôle de membre dépasse {limit} caractères.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="509"/>
        <source>{element}: the {what} is {length} characters long; at most {limit} are allowed.</source>
        <translation>{element} : « {what} » compte {length} caractères ; {limit} au maximum sont autorisés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="519"/>
        <source>{element}: the {what} contains control characters.</source>
        <translation>{element} : « {what} » contient des caractères de contrôle.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="646"/>
        <source>The upload result cannot be read: {reason}</source>
        <translation>Le résultat de l’envoi ne peut pas être lu : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="651"/>
        <source>The upload result is not a diffResult (root element {tag}).</source>
        <translation>Le résultat de l’envoi n’est pas un diffResult (élément racine {tag}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="665"/>
        <source>Unknown element {tag} in the upload result.</source>
        <translation>Élément {tag} inconnu dans le résultat de l’envoi.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_outcome.py" line="143"/>
        <source>The upload result lists {got} elements, but {sent} were sent.</source>
        <translation>Le résultat de l’envoi liste {got} éléments, mais {sent} ont été envoyés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_outcome.py" line="175"/>
        <source>The upload result does not match what was sent ({got} for {sent}).</source>
        <translation>Le résultat de l’envoi ne correspond pas à ce qui a été envoyé ({got} pour {sent}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/osmchange.py" line="770"/>
        <source>The upload result has no new id/version for {element}.</source>
        <translation>Le résultat de l’envoi n’indique pas de nouvel identifiant ni de nouvelle version pour {element}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_errors.py" line="29"/>
        <source>A changeset comment is required: describe your changes.</source>
        <translation>Un commentaire de groupe de modifications est obligatoire : décrivez vos modifications.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_outcome.py" line="213"/>
        <source>The changeset on the server does not show clearly whether the last upload was applied. Nothing more was sent; download the area again before editing further.</source>
        <translation>Le groupe de modifications sur le serveur n’indique pas clairement si le dernier envoi a été appliqué. Rien de plus n’a été envoyé ; téléchargez à nouveau la zone avant de poursuivre les modifications.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="89"/>
        <source>The OSM data from {source} declares a document type (DTD), which is not accepted for security reasons.</source>
        <translation>Les données OSM de {source} déclarent un type de document (DTD), ce qui n’est pas accepté pour des raisons de sécurité.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="165"/>
        <source>The data from {source} is not an OSM document (it starts with &lt;{tag}&gt;).</source>
        <translation>Les données de {source} ne sont pas un document OSM (elles commencent par &lt;{tag}&gt;).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="216"/>
        <source>The OSM data from {source} is empty.</source>
        <translation>Les données OSM de {source} sont vides.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="226"/>
        <source>The OSM data from {source} is not valid XML at line {line}, column {column}: {reason}</source>
        <translation>Les données OSM de {source} ne sont pas du XML valide à la ligne {line}, colonne {column} : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="238"/>
        <source>The OSM data from {source} has an invalid value in {element}: {reason}</source>
        <translation>Les données OSM de {source} contiennent une valeur invalide dans {element} : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="293"/>
        <source>The server at {source} answered with a web page instead of OSM data.</source>
        <translation>Le serveur {source} a répondu par une page web au lieu de données OSM.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="310"/>
        <source>Could not read the file {source}: {reason}</source>
        <translation>Impossible de lire le fichier {source} : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/auth.py" line="46"/>
        <source>The QGIS authentication database is not available: {reason}</source>
        <translation>La base de données d’authentification de QGIS n’est pas disponible : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/auth.py" line="68"/>
        <source>The QGIS master password is needed to store the login safely.</source>
        <translation>Le mot de passe maître de QGIS est nécessaire pour enregistrer la connexion de façon sécurisée.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/auth.py" line="92"/>
        <source>The login could not be saved in the QGIS auth database.</source>
        <translation>La connexion n’a pas pu être enregistrée dans la base de données d’authentification de QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/upload_service.py" line="71"/>
        <source>Save the edits of {layers} before uploading: the results are written into the saved layers.</source>
        <translation>Enregistrez les modifications de {layers} avant l’envoi : les résultats sont écrits dans les couches enregistrées.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/auth.py" line="348"/>
        <source>No OAuth 2 client id is set. Register an application (not confidential, redirect URI http://127.0.0.1/callback and urn:ietf:wg:oauth:2.0:oob, permissions read_prefs and write_api) in your account settings on the server and enter its client id in the plugin settings.</source>
        <translation>Aucun identifiant client OAuth 2 n’est défini. Enregistrez une application (non confidentielle, URI de redirection http://127.0.0.1/callback et urn:ietf:wg:oauth:2.0:oob, autorisations read_prefs et write_api) dans les paramètres de votre compte sur le serveur et saisissez son identifiant client dans les paramètres de l’extension.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/auth.py" line="199"/>
        <source>{url} is not an address of an OSM API.</source>
        <translation>{url} n’est pas l’adresse d’une API OSM.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/auth.py" line="361"/>
        <source>To log in to {server}, choose it as the server in the plugin settings and enter its OAuth 2 client id there.</source>
        <translation>Pour vous connecter à {server}, choisissez-le comme serveur dans les paramètres de l’extension et saisissez-y son identifiant client OAuth 2.</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_check.py" line="45"/>
        <source>The GeoPackage {path} is damaged ({detail}). Its edits cannot be matched to OpenStreetMap: download the area again.</source>
        <translation>Le GeoPackage {path} est endommagé ({detail}). Ses modifications ne peuvent pas être mises en correspondance avec OpenStreetMap : téléchargez à nouveau la zone.</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_check.py" line="120"/>
        <source>{path} was not made by a download of OSM Roundtrip. Download the area (or open the .osm file) with the plugin to edit and upload it.</source>
        <translation>{path} ne provient pas d’un téléchargement d’OSM Roundtrip. Téléchargez la zone (ou ouvrez le fichier .osm) avec l’extension pour pouvoir la modifier et envoyer vos modifications.</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_target.py" line="55"/>
        <source>{path} already exists and holds {what}. It was not replaced.</source>
        <translation>{path} existe déjà et contient {what}. Il n’a pas été remplacé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_target.py" line="94"/>
        <source>data not made by OSM Roundtrip</source>
        <translation>des données qui ne proviennent pas d’OSM Roundtrip</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_target.py" line="98"/>
        <source>an unfinished upload</source>
        <translation>un envoi inachevé</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_target.py" line="100"/>
        <source>edits not uploaded yet ({count})</source>
        <translation>des modifications pas encore envoyées ({count})</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_target.py" line="107"/>
        <source>edits that could not be checked ({reason})</source>
        <translation>des modifications qui n’ont pas pu être vérifiées ({reason})</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_target.py" line="116"/>
        <source>tables of your own ({names})</source>
        <translation>vos propres tables ({names})</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_target.py" line="197"/>
        <source>{path} is open in another program. Close it there and try again.</source>
        <translation>{path} est ouvert dans un autre programme. Fermez-le dans ce programme et réessayez.</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="238"/>
        <source>The server {host} did not finish its answer within {seconds} s.</source>
        <translation>Le serveur {host} n’a pas terminé sa réponse en {seconds} s.</translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="283"/>
        <source>The answer of {host} is larger than {megabytes} MB, the limit for this kind of request; it was not used.</source>
        <translation>La réponse de {host} dépasse {megabytes} Mo, la limite pour ce type de requête ; elle n’a pas été utilisée.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="657"/>
        <source>The server at {url} does not open changesets (HTTP {status} for changeset/create): it serves only part of the OSM API and cannot take uploads.</source>
        <translation>Le serveur {url} n’ouvre pas de groupes de modifications (HTTP {status} pour changeset/create) : il ne fournit qu’une partie de l’API OSM et ne peut pas recevoir d’envois.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="329"/>
        <source>The server refuses the area {bbox} as too large even after splitting it: {reason} Choose a smaller area.</source>
        <translation>Le serveur refuse la zone {bbox}, trop grande, même après découpage : {reason} Choisissez une zone plus petite.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/shared_nodes.py" line="80"/>
        <source>also moves {count} ways, among them {ways}</source>
        <translation>déplace aussi {count} chemins, dont {ways}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/shared_nodes.py" line="88"/>
        <source>also moves {ways}</source>
        <translation>déplace aussi {ways}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_errors.py" line="38"/>
        <source>There is nothing to upload: no changeset was opened.</source>
        <translation>Il n’y a rien à envoyer : aucun groupe de modifications n’a été ouvert.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_errors.py" line="49"/>
        <source>{element} has an invalid {what} ({value}): ids and versions of OSM elements are whole numbers above zero. Nothing was sent; download the area again.</source>
        <translation>{element} a une valeur {what} invalide ({value}) : les identifiants et les versions des éléments OSM sont des nombres entiers supérieurs à zéro. Rien n’a été envoyé ; téléchargez à nouveau la zone.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_journal.py" line="293"/>
        <source>An upload of this file is running ({path}). Wait until it has finished.</source>
        <translation>Un envoi de ce fichier est en cours ({path}). Attendez qu’il soit terminé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_outcome.py" line="309"/>
        <source>The changeset on the server holds an element that differs from the one sent ({element}). Nothing more was sent; download the area again.</source>
        <translation>Le groupe de modifications sur le serveur contient un élément différent de celui qui a été envoyé ({element}). Rien de plus n’a été envoyé ; téléchargez à nouveau la zone.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/upload_outcome.py" line="503"/>
        <source>The outcome of the upload is unknown: the server cannot be reached to check whether it was applied ({reason}). Nothing was sent again and nothing was lost: resume the upload when the server is reachable.</source>
        <translation>Le résultat de l’envoi est inconnu : le serveur est injoignable et ne permet pas de vérifier s’il a été appliqué ({reason}). Rien n’a été renvoyé et rien n’a été perdu : reprenez l’envoi lorsque le serveur sera de nouveau joignable.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="121"/>
        <source>The OSM data from {source} has {element} without coordinates.</source>
        <translation>Les données OSM de {source} contiennent {element} sans coordonnées.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="139"/>
        <source>The OSM data from {source} has {element} at an impossible position (lat {lat}, lon {lon}).</source>
        <translation>Les données OSM de {source} contiennent {element} à une position impossible (latitude {lat}, longitude {lon}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/xmlreader.py" line="207"/>
        <source>The OSM data from {source} has {element}, an id beyond 64 bits.</source>
        <translation>Les données OSM de {source} contiennent {element}, dont l’identifiant dépasse 64 bits.</translation>
    </message>
    <message>
        <location filename="../plugin/core/servers.py" line="42"/>
        <source>Not logged in to {server}: log in to that server first.</source>
        <translation>Non connecté à {server} : connectez-vous d’abord à ce serveur.</translation>
    </message>
    <message>
        <location filename="../plugin/core/servers.py" line="108"/>
        <source>This data was downloaded from {recorded} and is uploaded only there, not to {requested}.</source>
        <translation>Ces données ont été téléchargées depuis {recorded} et ne sont envoyées que vers ce serveur, pas vers {requested}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/servers.py" line="119"/>
        <source>The data does not record the server it came from and no API address was given.</source>
        <translation>Les données n’indiquent pas le serveur dont elles proviennent et aucune adresse d’API n’a été fournie.</translation>
    </message>
    <message>
        <location filename="../plugin/core/servers.py" line="138"/>
        <source>The login does not say which server it belongs to, so it is not sent to {requested}. Enter that server&apos;s address as the URL of the authentication configuration, or log in from the plugin.</source>
        <translation>La connexion n’indique pas à quel serveur elle appartient ; elle n’est donc pas envoyée à {requested}. Saisissez l’adresse de ce serveur comme URL de la configuration d’authentification, ou connectez-vous depuis l’extension.</translation>
    </message>
    <message>
        <location filename="../plugin/core/servers.py" line="148"/>
        <source>The login belongs to {token_server}; it is never sent to {requested}.</source>
        <translation>La connexion appartient à {token_server} ; elle n’est jamais envoyée à {requested}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/servers.py" line="161"/>
        <source>The interrupted upload of this file went to {recorded}; it continues only there, not on {requested}.</source>
        <translation>L’envoi interrompu de ce fichier était destiné à {recorded} ; il ne reprend que sur ce serveur, pas sur {requested}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/upload_resume.py" line="55"/>
        <source>An interrupted upload was found for {path}, but it was made from another download of the area (the file was downloaded again or replaced since). Its results are not written into this file, where they could give features the identities of other elements, and nothing was sent. Check your changesets on the server: what it applied is in any download made after it. Then delete the folder {journal} to upload from this file.</source>
        <translation>Un envoi interrompu a été trouvé pour {path}, mais il provient d’un autre téléchargement de la zone (le fichier a depuis été téléchargé à nouveau ou remplacé). Ses résultats ne sont pas écrits dans ce fichier, où ils pourraient donner à des entités l’identité d’autres éléments, et rien n’a été envoyé. Vérifiez vos groupes de modifications sur le serveur : ce qu’il a appliqué figure dans tout téléchargement effectué après cet envoi. Supprimez ensuite le dossier {journal} pour pouvoir envoyer depuis ce fichier.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/__init__.py" line="98"/>
        <source>The tag checks (outdated tags, tags for the wrong geometry) did not run: the iD tagging schema is not available.</source>
        <translation>Les vérifications des attributs (attributs obsolètes, attributs inadaptés à la géométrie) n’ont pas été effectuées : le schéma d’attributs d’iD n’est pas disponible.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/changeset_rules.py" line="32"/>
        <source>{count} features are deleted. Make sure this is intended: large deletions are reviewed by other mappers and reverted when they are mistakes.</source>
        <translation>{count} entités sont supprimées. Assurez-vous que c’est voulu : les suppressions importantes sont examinées par d’autres contributeurs et annulées lorsqu’il s’agit d’erreurs.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/connectivity.py" line="76"/>
        <source>{way} ends {distance} m from {other} without joining it: snap the end onto the other road, or move it away.</source>
        <translation>{way} se termine à {distance} m de {other} sans s’y raccorder : accrochez l’extrémité à l’autre voie, ou éloignez-la.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/connectivity.py" line="137"/>
        <source>{way} is a new road or path that is connected to no other road or path.</source>
        <translation>{way} est une nouvelle voie (route ou sentier) qui n’est reliée à aucune autre voie.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/crossings.py" line="246"/>
        <source>Building {way} overlaps building {other}.</source>
        <translation>Le bâtiment {way} chevauche le bâtiment {other}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/crossings.py" line="269"/>
        <source>{way} ({kind}) crosses {other} ({other_kind}) without a junction, a bridge, a tunnel or a different layer.</source>
        <translation>{way} ({kind}) croise {other} ({other_kind}) sans intersection, pont, tunnel ni niveau (layer) différent.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="42"/>
        <source>{node} is at the same position as {others}.</source>
        <translation>{node} est à la même position que {others}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="72"/>
        <source>{way} has two points {distance} m apart ({node} and {other}): remove one of them.</source>
        <translation>{way} a deux points distants de {distance} m ({node} et {other}) : supprimez l’un d’eux.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="93"/>
        <source>{way} has {node} twice in a row.</source>
        <translation>{way} contient {node} deux fois de suite.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="167"/>
        <source>{way} crosses itself.</source>
        <translation>{way} s’auto-intersecte.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="167"/>
        <source>The outline of area {way} crosses itself: the area is invalid.</source>
        <translation>Le contour de la surface {way} s’auto-intersecte : la surface est invalide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="196"/>
        <source>{way} is tagged area=yes but is not closed.</source>
        <translation>{way} porte l’attribut area=yes mais n’est pas fermé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="196"/>
        <source>{way} is tagged as an area ({tags}) but is not closed.</source>
        <translation>{way} porte des attributs de surface ({tags}) mais n’est pas fermé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/geometry_rules.py" line="231"/>
        <source>The member ways of area {relation} do not form closed rings.</source>
        <translation>Les chemins membres de la surface {relation} ne forment pas d’anneaux fermés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/schema.py" line="225"/>
        <source>The tagging schema in {folder} cannot be read: {error}</source>
        <translation>Le schéma d’attributs dans {folder} ne peut pas être lu : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="64"/>
        <source>{element} has no tags: say what it is.</source>
        <translation>{element} n’a aucun attribut : indiquez ce que c’est.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="75"/>
        <source>{element} has no type tag.</source>
        <translation>{element} n’a pas d’attribut type.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="87"/>
        <source>{element} has only descriptive tags ({keys}): say what it is.</source>
        <translation>{element} n’a que des attributs descriptifs ({keys}) : indiquez ce que c’est.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="103"/>
        <source>{element} is a separate point, but {tags} is mapped as a vertex of a way.</source>
        <translation>{element} est un point isolé, mais {tags} se cartographie comme sommet d’un chemin.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="111"/>
        <source>{element} is a point, but {tags} is mapped as a line.</source>
        <translation>{element} est un point, mais {tags} se cartographie comme ligne.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="113"/>
        <source>{element} is a point, but {tags} is mapped as an area.</source>
        <translation>{element} est un point, mais {tags} se cartographie comme surface.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="109"/>
        <source>{element} is a vertex of a way, but {tags} is mapped as a separate point.</source>
        <translation>{element} est un sommet de chemin, mais {tags} se cartographie comme point isolé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="115"/>
        <source>{element} is tagged {tags}, an area, but it is not closed.</source>
        <translation>{element} porte les attributs {tags}, qui décrivent une surface, mais n’est pas fermé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="177"/>
        <source>Upgrade the tags</source>
        <translation>Mettre à jour les attributs</translation>
    </message>
    <message>
        <location filename="../plugin/core/validate/tag_rules.py" line="201"/>
        <source>{element} has outdated tags: {before} → {after}</source>
        <translation>{element} a des attributs obsolètes : {before} → {after}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/diff.py" line="912"/>
        <source>Way {id} (feature {fid}) is incomplete: some of its nodes are not in the downloaded data, so its geometry cannot be changed here. Undo the geometry edit or download its whole area (tag edits are fine).</source>
        <translation>Le chemin {id} (entité {fid}) est incomplet : certains de ses nœuds ne sont pas dans les données téléchargées, sa géométrie ne peut donc pas être modifiée ici. Annulez la modification de géométrie ou téléchargez toute sa zone (les modifications d’attributs sont possibles).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/download.py" line="429"/>
        <source>Requests planned: {total}</source>
        <translation>Requêtes prévues : {total}</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/osmchange.py" line="56"/>
        <source>The changes cannot be uploaded (%n problems):
{details}</source>
        <translation>
            <numerusform>Les modifications ne peuvent pas être envoyées (%n problème) :
{details}</numerusform>
            <numerusform>Les modifications ne peuvent pas être envoyées (%n problèmes) :
{details}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/upload_errors.py" line="114"/>
        <source>%n elements were changed on the server by someone else since your download (first: {first}). Resolve the conflicts, then upload again.</source>
        <translation>
            <numerusform>%n élément a été modifié sur le serveur par quelqu’un d’autre depuis votre téléchargement ({first}). Résolvez le conflit, puis envoyez à nouveau.</numerusform>
            <numerusform>%n éléments ont été modifiés sur le serveur par quelqu’un d’autre depuis votre téléchargement (premier : {first}). Résolvez les conflits, puis envoyez à nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../plugin/core/changeset_tags.py" line="135"/>
        <source>The comment with its hashtags has {length} characters; at most {limit} are allowed.</source>
        <translation>Le commentaire avec ses hashtags compte {length} caractères ; {limit} au plus sont permis.</translation>
    </message>
    <message>
        <location filename="../plugin/core/changeset_tags.py" line="146"/>
        <source>The source is longer than {limit} characters.</source>
        <translation>La source dépasse {limit} caractères.</translation>
    </message>
    <message>
        <location filename="../plugin/core/changeset_tags.py" line="157"/>
        <source>An import or mechanical edit needs the address of the wiki page that documents it.</source>
        <translation>Un import ou une modification mécanique demande l’adresse de la page du wiki qui le documente.</translation>
    </message>
    <message>
        <location filename="../plugin/core/changeset_tags.py" line="166"/>
        <source>The documentation address must be a web address starting with http:// or https://.</source>
        <translation>L’adresse de la documentation doit être une adresse web commençant par http:// ou https://.</translation>
    </message>
    <message>
        <location filename="../ui/review_validation.py" line="32"/>
        <source>The fix could not be saved: {reason}</source>
        <translation>La correction n’a pas pu être enregistrée : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="820"/>
        <source>The server at {url} did not name the logged-in user (no &lt;user&gt; with an id and a display name).</source>
        <translation>Le serveur {url} n’a pas indiqué l’utilisateur connecté (aucun &lt;user&gt; avec un identifiant et un nom d’affichage).</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="852"/>
        <source>The server does not know this login (HTTP 401): the login has expired or was revoked. Log in again.</source>
        <translation>Le serveur ne reconnaît pas cette connexion (HTTP 401) : la connexion a expiré ou a été révoquée. Reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="863"/>
        <source>The server does not show the account of this login (HTTP 403): {body}</source>
        <translation>Le serveur n’affiche pas le compte de cette connexion (HTTP 403) : {body}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/api.py" line="873"/>
        <source>The server {url} does not tell the account name (HTTP {status}); the login itself is kept.</source>
        <translation>Le serveur {url} n’indique pas le nom du compte (HTTP {status}) ; la connexion elle-même est conservée.</translation>
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
        <translation>{key} : {old} → {new}</translation>
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
            <numerusform>%n nœud</numerusform>
            <numerusform>%n nœuds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="207"/>
        <source>%n members</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/labels.py" line="213"/>
        <source>moved {distance} m</source>
        <translation>déplacé de {distance} m</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="173"/>
        <source>%n nodes added</source>
        <translation>
            <numerusform>%n nœud ajouté</numerusform>
            <numerusform>%n nœuds ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="175"/>
        <source>%n nodes removed</source>
        <translation>
            <numerusform>%n nœud retiré</numerusform>
            <numerusform>%n nœuds retirés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/labels.py" line="176"/>
        <source>nodes reordered</source>
        <translation>nœuds réordonnés</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="183"/>
        <source>%n members added</source>
        <translation>
            <numerusform>%n membre ajouté</numerusform>
            <numerusform>%n membres ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="185"/>
        <source>%n members removed</source>
        <translation>
            <numerusform>%n membre retiré</numerusform>
            <numerusform>%n membres retirés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/labels.py" line="186"/>
        <source>members reordered</source>
        <translation>membres réordonnés</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="196"/>
        <source>The PBF file {source} has invalid data in the block at byte {offset}: {reason}</source>
        <translation>Le fichier PBF {source} contient des données non valides dans le bloc à l’octet {offset} : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="218"/>
        <source>The PBF file {source} has a block header of {size} bytes at byte {offset}; the format allows at most 64 KiB.</source>
        <translation>Le fichier PBF {source} a un en-tête de bloc de {size} octets à l’octet {offset} ; le format autorise au plus 64 Kio.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="246"/>
        <source>The PBF file {source} has a data block of {size} bytes at byte {offset}; the format allows at most 32 MiB.</source>
        <translation>Le fichier PBF {source} a un bloc de données de {size} octets à l’octet {offset} ; le format autorise au plus 32 Mio.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="259"/>
        <source>The PBF file {source} is truncated: its block at byte {offset} is cut off.</source>
        <translation>Le fichier PBF {source} est tronqué : son bloc à l’octet {offset} est coupé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="266"/>
        <source>The file {source} is not an OSM PBF file.</source>
        <translation>Le fichier {source} n’est pas un fichier OSM PBF.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="294"/>
        <source>The PBF file {source} uses {compression} compression (block at byte {offset}), which cannot be read; only zlib is supported. Convert it, for example with: osmium cat -o out.osm.pbf {source}</source>
        <translation>Le fichier PBF {source} utilise la compression {compression} (bloc à l’octet {offset}), qui ne peut pas être lue ; seul zlib est pris en charge. Convertissez-le, par exemple avec : osmium cat -o out.osm.pbf {source}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="309"/>
        <source>The PBF file {source} has a damaged compressed block at byte {offset}: {reason}</source>
        <translation>Le fichier PBF {source} a un bloc compressé endommagé à l’octet {offset} : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="321"/>
        <source>The PBF file {source} has a block at byte {offset} that unpacks to {actual} bytes instead of the {expected} it declares.</source>
        <translation>Le fichier PBF {source} a un bloc à l’octet {offset} qui se décompresse en {actual} octets au lieu des {expected} qu’il déclare.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="511"/>
        <source>The PBF file {source} has node {id} at an impossible position in the block at byte {offset}.</source>
        <translation>Le fichier PBF {source} contient le nœud {id} à une position impossible dans le bloc à l’octet {offset}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/gpkg_check.py" line="108"/>
        <source>The GeoPackage {path} cannot be read now ({detail}). Close other programs that write to it and try again.</source>
        <translation>Le GeoPackage {path} ne peut pas être lu pour l’instant ({detail}). Fermez les autres programmes qui y écrivent, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../plugin/core/osm/pbf.py" line="344"/>
        <source>The PBF file {source} requires the feature “{feature}”, which this reader does not support.</source>
        <translation>Le fichier PBF {source} nécessite la fonctionnalité « {feature} », que ce lecteur ne prend pas en charge.</translation>
    </message>
</context>
<context>
    <name>OsmRoundtripLogin</name>
    <message>
        <location filename="../plugin/adapters/auth.py" line="554"/>
        <source>Logging in to OpenStreetMap</source>
        <translation>Connexion à OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/auth.py" line="291"/>
        <source>Logging out of OpenStreetMap</source>
        <translation>Déconnexion d’OpenStreetMap</translation>
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
        <translation>Rechercher dans OpenStreetMap (Nominatim)</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="127"/>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="75"/>
        <source>Download OSM data…</source>
        <translation>Télécharger des données OSM…</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="84"/>
        <source>Open .osm file…</source>
        <translation>Ouvrir un fichier .osm…</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="96"/>
        <source>Upload changes…</source>
        <translation>Envoyer les modifications…</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="118"/>
        <source>Save changes as .osc…</source>
        <translation>Enregistrer les modifications en .osc…</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="104"/>
        <source>Update data</source>
        <translation>Mettre à jour les données</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="110"/>
        <source>Download the areas of the active download again: other mappers&apos; changes come in, your edits stay</source>
        <translation>Télécharger à nouveau les zones du téléchargement actif : les modifications des autres contributeurs arrivent, les vôtres restent</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="148"/>
        <source>OSM tags</source>
        <translation>Attributs OSM</translation>
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
        <translation>Erreurs ({count})</translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="58"/>
        <source>Warnings ({count})</source>
        <translation>Avertissements ({count})</translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="81"/>
        <source>Click a problem to show it on the map.</source>
        <translation>Cliquez sur un problème pour l’afficher sur la carte.</translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="84"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="86"/>
        <source>Problems ({count})</source>
        <translation>Problèmes ({count})</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review_problems.py" line="94"/>
        <source>%n errors must be fixed before the upload (in the layers, or with Fix).</source>
        <translation>
            <numerusform>%n erreur doit être corrigée avant l’envoi (dans les couches, ou avec Corriger).</numerusform>
            <numerusform>%n erreurs doivent être corrigées avant l’envoi (dans les couches, ou avec Corriger).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review_problems.py" line="100"/>
        <source>%n warnings: check each of them, then tick “I have checked the warnings”.</source>
        <translation>
            <numerusform>%n avertissement : vérifiez-le, puis cochez « J’ai vérifié les avertissements ».</numerusform>
            <numerusform>%n avertissements : vérifiez chacun, puis cochez « J’ai vérifié les avertissements ».</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="105"/>
        <source>The validator found no problems.</source>
        <translation>La validation n’a trouvé aucun problème.</translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="111"/>
        <source>new {type}</source>
        <translation>{type} nouveau</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review_problems.py" line="116"/>
        <source>%n more</source>
        <translation>
            <numerusform>%n de plus</numerusform>
            <numerusform>%n de plus</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="143"/>
        <source>Fix: {what}</source>
        <translation>Correction : {what}</translation>
    </message>
    <message>
        <location filename="../ui/review_problems.py" line="146"/>
        <source>This problem has no automatic fix.</source>
        <translation>Ce problème n’a pas de correction automatique.</translation>
    </message>
</context>
<context>
    <name>ReverseGeocode</name>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="605"/>
        <source>Reverse geocode points (Nominatim)</source>
        <translation>Géocodage inverse de points (Nominatim)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="608"/>
        <source>Finds the place and address at each point. The output keeps the points and their attributes and adds status, display_name, osm_type, osm_id and one addr_* column per address part found. Zoom sets the level of detail: 3 country, 10 city, 14 suburb, 16 street, 18 building.</source>
        <translation>Trouve le lieu et l’adresse à chaque point. La sortie conserve les points et leurs attributs et ajoute status, display_name, osm_type, osm_id ainsi qu’une colonne addr_* par partie d’adresse trouvée. Le zoom fixe le niveau de détail : 3 pays, 10 ville, 14 quartier, 16 rue, 18 bâtiment.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="616"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="621"/>
        <source>Level of detail (zoom 0–18)</source>
        <translation>Niveau de détail (zoom 0–18)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="632"/>
        <source>Reverse geocoded</source>
        <translation>Géocodage inverse</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="705"/>
        <source>The feature has no point.</source>
        <translation>L’entité n’a pas de point.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="712"/>
        <source>The point cannot be converted to WGS 84.</source>
        <translation>Le point ne peut pas être converti en WGS 84.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="724"/>
        <source>Feature {id}: {message}</source>
        <translation>Entité {id} : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="729"/>
        <source>Nothing found.</source>
        <translation>Aucun résultat.</translation>
    </message>
</context>
<context>
    <name>ReviewDock</name>
    <message>
        <location filename="../ui/review_dock.py" line="177"/>
        <source>… (truncated in this view)</source>
        <translation>… (tronqué dans cet affichage)</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="223"/>
        <source>logged in</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="223"/>
        <source>not logged in</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="225"/>
        <source>Upload to &lt;b&gt;{server}&lt;/b&gt; ({state})</source>
        <translation>Envoi vers &lt;b&gt;{server}&lt;/b&gt; ({state})</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="230"/>
        <source>This file does not record the server it came from: the server of the settings is used.</source>
        <translation>Ce fichier n’indique pas le serveur dont il provient : le serveur des paramètres est utilisé.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="237"/>
        <source>The data was downloaded from this server and is uploaded only there; the server of the settings ({settings}) is not used for it.</source>
        <translation>Les données ont été téléchargées depuis ce serveur et ne sont envoyées que vers lui ; le serveur des paramètres ({settings}) n’est pas utilisé pour elles.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="250"/>
        <source>Logged in as {name} — change…</source>
        <translation>Connecté en tant que {name} — changer…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="252"/>
        <source>Log in again…</source>
        <translation>Se reconnecter…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="37"/>
        <source>Log in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="265"/>
        <source>The layers were saved since: the changes are being computed again.</source>
        <translation>Les couches ont été enregistrées entre-temps : les modifications sont recalculées.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="267"/>
        <source>There is nothing to upload.</source>
        <translation>Il n’y a rien à envoyer.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="269"/>
        <source>Log in first.</source>
        <translation>Connectez-vous d’abord.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review_dock.py" line="271"/>
        <source>The validation found %n errors: fix them (see Problems) before uploading.</source>
        <translation>
            <numerusform>La validation a trouvé %n erreur : corrigez-la (voir Problèmes) avant l’envoi.</numerusform>
            <numerusform>La validation a trouvé %n erreurs : corrigez-les (voir Problèmes) avant l’envoi.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="279"/>
        <source>Check the warnings, then tick “I have checked the warnings”.</source>
        <translation>Vérifiez les avertissements, puis cochez « J’ai vérifié les avertissements ».</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="53"/>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="54"/>
        <source>Modify</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="55"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="343"/>
        <source>{n} more</source>
        <translation>{n} de plus</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="349"/>
        <source>new {type}</source>
        <translation>{type} à créer</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="362"/>
        <source>only if unused</source>
        <translation>uniquement si inutilisé</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="369"/>
        <source>{element}, feature {features}</source>
        <translation>{element}, entité {features}</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="430"/>
        <source>vertex of {way}</source>
        <translation>sommet de {way}</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="440"/>
        <source>{count} changes are more than one changeset can hold ({limit}): they will be uploaded in several changesets.</source>
        <translation>{count} modifications dépassent ce que peut contenir un groupe de modifications ({limit}) : elles seront envoyées en plusieurs groupes de modifications.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="447"/>
        <source>This is a very large upload. Large or systematic edits must follow the &lt;a href=&quot;https://wiki.openstreetmap.org/wiki/Automated_Edits_code_of_conduct&quot;&gt;Automated Edits code of conduct&lt;/a&gt; (documented and discussed first).</source>
        <translation>Il s’agit d’un envoi très volumineux. Les modifications importantes ou systématiques doivent respecter le &lt;a href=&quot;https://wiki.openstreetmap.org/wiki/Automated_Edits_code_of_conduct&quot;&gt;code de conduite des modifications automatisées&lt;/a&gt; (documentées et discutées au préalable).</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="457"/>
        <source>The changes spread over {w:.2f}° × {h:.2f}° ({area:.1f} square degrees, more than {limit:g}). Such a changeset covers a large part of the map and is hard for others to review, and the server refuses changesets larger than the account's limit: upload distant areas separately.</source>
        <translation>Les modifications s’étendent sur {w:.2f}° × {h:.2f}° ({area:.1f} degrés carrés, plus que {limit:g}). Un tel groupe de modifications couvre une grande partie de la carte et est difficile à relire pour les autres, et le serveur refuse les groupes plus grands que la limite du compte : envoyez séparément les zones éloignées.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="618"/>
        <source>Fixed: {what}</source>
        <translation>Corrigé : {what}</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="6"/>
        <source>Review and upload changes</source>
        <translation>Vérifier et envoyer les modifications</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="56"/>
        <source>Nodes</source>
        <translation>Nœuds</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="57"/>
        <source>Ways</source>
        <translation>Chemins</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="58"/>
        <source>Relations</source>
        <translation>Relations</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="59"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="75"/>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="80"/>
        <source>Click a change to show it on the map (before: dashed).</source>
        <translation>Cliquez sur une modification pour l’afficher sur la carte (avant : en tirets).</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="91"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="92"/>
        <source>Feature</source>
        <translation>Entité</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="93"/>
        <source>Element</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="99"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="111"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="112"/>
        <source>Elements</source>
        <translation>Éléments</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="121"/>
        <source>Click a problem to show it on the map.</source>
        <translation>Cliquez sur un problème pour l’afficher sur la carte.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="127"/>
        <source>Add as layer</source>
        <translation>Ajouter comme couche</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="128"/>
        <source>Add the problems to the map as a temporary “OSM issues” layer, to work through them after closing the review</source>
        <translation>Ajouter les problèmes à la carte dans une couche temporaire « Problèmes OSM », pour les traiter après avoir fermé la relecture</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="134"/>
        <source>Fix</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="142"/>
        <source>osmChange</source>
        <translation>osmChange</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="156"/>
        <source>Changeset</source>
        <translation>Groupe de modifications</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="162"/>
        <source>Comment (required)</source>
        <translation>Commentaire (obligatoire)</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="171"/>
        <source>Your recent comments are in the list.</source>
        <translation>Vos commentaires récents sont dans la liste.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="176"/>
        <source>Hashtags</source>
        <translation>Hashtags</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="182"/>
        <source>#mapathon #hotosm-project-123 (added to the comment)</source>
        <translation>#mapathon #hotosm-project-123 (ajoutés au commentaire)</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="187"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="199"/>
        <source>Imagery used</source>
        <translation>Imagerie utilisée</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="205"/>
        <source>Names of the imagery layers, separated by &quot;;&quot;</source>
        <translation>Noms des couches d’imagerie, séparés par « ; »</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="212"/>
        <source>Request a review</source>
        <translation>Demander une relecture</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="213"/>
        <source>Ask experienced mappers to look at this changeset (review_requested=yes)</source>
        <translation>Demander à des contributeurs expérimentés de relire ce groupe de modifications (review_requested=yes)</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="218"/>
        <source>Import or mechanical edit</source>
        <translation>Import ou modification mécanique</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="248"/>
        <source>Documentation page</source>
        <translation>Page de documentation</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="254"/>
        <source>https://wiki.openstreetmap.org/wiki/…</source>
        <translation>https://wiki.openstreetmap.org/wiki/…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="276"/>
        <source>I have checked the warnings</source>
        <translation>J’ai vérifié les avertissements</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="288"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="289"/>
        <source>Compute the changes again from the saved layers</source>
        <translation>Recalculer les modifications à partir des couches enregistrées</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="294"/>
        <source>Save as .osc…</source>
        <translation>Enregistrer en .osc…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="305"/>
        <source>Upload</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="236"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="237"/>
        <source>The changeset gets the tag import=yes</source>
        <translation>Le groupe de modifications reçoit l’attribut import=yes</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="242"/>
        <source>Mechanical edit</source>
        <translation>Modification mécanique</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.ui" line="243"/>
        <source>The changeset gets the tag mechanical=yes</source>
        <translation>Le groupe de modifications reçoit l’attribut mechanical=yes</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <location filename="../ui/search_dock.py" line="77"/>
        <source>OSM Roundtrip search</source>
        <translation>Recherche OSM Roundtrip</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="194"/>
        <source>Data © OpenStreetMap contributors, ODbL. Search by Nominatim.</source>
        <translation>Données © contributeurs d’OpenStreetMap, ODbL. Recherche par Nominatim.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="97"/>
        <source>Search everywhere</source>
        <translation>Rechercher partout</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="98"/>
        <source>Prefer results in the map extent</source>
        <translation>Privilégier les résultats dans l’emprise de la carte</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="99"/>
        <source>Only results in the map extent</source>
        <translation>Uniquement les résultats dans l’emprise de la carte</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="100"/>
        <source>Any</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="84"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="82"/>
        <source>State</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="78"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="105"/>
        <source>Settlement</source>
        <translation>Localité</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="110"/>
        <source>Addresses</source>
        <translation>Adresses</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="111"/>
        <source>Points of interest</source>
        <translation>Points d’intérêt</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="112"/>
        <source>Railway</source>
        <translation>Chemin de fer</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="113"/>
        <source>Natural features</source>
        <translation>Éléments naturels</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="114"/>
        <source>Man-made features</source>
        <translation>Éléments artificiels</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="106"/>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="156"/>
        <source>Identify place on map</source>
        <translation>Identifier un lieu sur la carte</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="157"/>
        <source>Click the map to get the address and outline of the place there</source>
        <translation>Cliquez sur la carte pour obtenir l’adresse et le contour du lieu à cet endroit</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="375"/>
        <source>Looking up the place at {lat:.5f}, {lon:.5f}…</source>
        <translation>Recherche du lieu à {lat:.5f}, {lon:.5f}…</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="499"/>
        <source>Searching for “{text}”…</source>
        <translation>Recherche de « {text} »…</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="519"/>
        <source>Nominatim request</source>
        <translation>Requête Nominatim</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="557"/>
        <source>No results. Check the spelling or relax the options.</source>
        <translation>Aucun résultat. Vérifiez l’orthographe ou assouplissez les options.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="559"/>
        <source>No further results.</source>
        <translation>Aucun autre résultat.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="578"/>
        <source>Nothing found at {lat:.5f}, {lon:.5f}.</source>
        <translation>Aucun résultat à {lat:.5f}, {lon:.5f}.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="608"/>
        <source>Added to the map: points {points}, outlines {outlines}.</source>
        <translation>Ajouté à la carte : points {points}, contours {outlines}.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="613"/>
        <source>Nominatim</source>
        <translation>Nominatim</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="625"/>
        <source>Search cancelled.</source>
        <translation>Recherche annulée.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="636"/>
        <source>Nominatim search failed</source>
        <translation>Échec de la recherche Nominatim</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="47"/>
        <source>Free-form</source>
        <translation>Texte libre</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="51"/>
        <source>Place, address or feature, e.g. Vaduz</source>
        <translation>Lieu, adresse ou entité, p. ex. Vaduz</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="57"/>
        <source>Press Enter or click Search; nothing is sent while you type.</source>
        <translation>Appuyez sur Entrée ou cliquez sur « Rechercher » ; rien n’est envoyé pendant la saisie.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="71"/>
        <source>Structured</source>
        <translation>Structurée</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="74"/>
        <source>Amenity</source>
        <translation>Équipement</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="75"/>
        <source>Name or type of POI</source>
        <translation>Nom ou type du point d’intérêt</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="76"/>
        <source>Street</source>
        <translation>Rue</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="77"/>
        <source>House number and street</source>
        <translation>Numéro et rue</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="80"/>
        <source>County</source>
        <translation>Département</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="86"/>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="94"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="99"/>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="100"/>
        <source>Any; or codes such as li,ch</source>
        <translation>Tous ; ou des codes comme li,ch</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="101"/>
        <source>Map extent</source>
        <translation>Emprise de la carte</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="103"/>
        <source>Feature type</source>
        <translation>Type d’entité</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="105"/>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="107"/>
        <source>Results per page</source>
        <translation>Résultats par page</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="109"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="110"/>
        <source>e.g. de or en,fr</source>
        <translation>p. ex. de ou en,fr</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="111"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="172"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="115"/>
        <source>Extra tags</source>
        <translation>Attributs supplémentaires</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="116"/>
        <source>Names</source>
        <translation>Noms</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="132"/>
        <source>Fetch outlines (areas and lines)</source>
        <translation>Récupérer les contours (surfaces et lignes)</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="138"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="139"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="170"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="171"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="178"/>
        <source>More results</source>
        <translation>Plus de résultats</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="188"/>
        <source>Add selected</source>
        <translation>Ajouter la sélection</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="189"/>
        <source>Add all to map</source>
        <translation>Tout ajouter à la carte</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/search_dock.py" line="561"/>
        <source>%n results</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="186"/>
        <source>Download area…</source>
        <translation>Télécharger la zone…</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="186"/>
        <source>Download the OpenStreetMap data of the selected place&apos;s area for editing</source>
        <translation>Télécharger les données OpenStreetMap de la zone du lieu choisi pour les modifier</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="410"/>
        <source>Save results to GeoPackage…</source>
        <translation>Enregistrer les résultats dans un GeoPackage…</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="424"/>
        <source>No temporary result layers to save: add results first.</source>
        <translation>Aucune couche de résultats temporaire à enregistrer : ajoutez d’abord des résultats.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="429"/>
        <source>Save the results as</source>
        <translation>Enregistrer les résultats sous</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="429"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="439"/>
        <source>The results could not be saved: {reason}</source>
        <translation>Les résultats n’ont pas pu être enregistrés : {reason}</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="446"/>
        <source>Results saved to {path}; they stay with the project.</source>
        <translation>Résultats enregistrés dans {path} ; ils restent dans le projet.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.py" line="461"/>
        <source>The search results on the map are temporary layers: the project does not keep them. Save them to a GeoPackage to keep them.</source>
        <translation>Les résultats de recherche sur la carte sont des couches temporaires : le projet ne les conserve pas. Enregistrez-les dans un GeoPackage pour les conserver.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="181"/>
        <source>Save results…</source>
        <translation>Enregistrer les résultats…</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="179"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="179"/>
        <source>Take the highlights off the map (Esc in the list)</source>
        <translation>Retirer les surbrillances de la carte (Échap dans la liste)</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="181"/>
        <source>Save the result layers (points and outlines) to a GeoPackage, so they stay with the project</source>
        <translation>Enregistrer les couches de résultats (points et contours) dans un GeoPackage, pour qu’elles restent dans le projet</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/settings_page.py" line="33"/>
        <source>OpenStreetMap (production)</source>
        <translation>OpenStreetMap (production)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="33"/>
        <source>OpenStreetMap development server</source>
        <translation>Serveur de développement OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="33"/>
        <source>Local sandbox</source>
        <translation>Bac à sable local</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="33"/>
        <source>Custom URL</source>
        <translation>URL personnalisée</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="44"/>
        <source>Same as QGIS</source>
        <translation>Comme QGIS</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="8"/>
        <source>Nominatim search</source>
        <translation>Recherche Nominatim</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="11"/>
        <source>Server URL</source>
        <translation>URL du serveur</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="13"/>
        <source>Extra parameters (e.g. key=…)</source>
        <translation>Paramètres supplémentaires (p. ex. key=…)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="15"/>
        <source>Seconds between requests</source>
        <translation>Secondes entre les requêtes</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="17"/>
        <source>Contact email (sent to Nominatim)</source>
        <translation>Courriel de contact (envoyé à Nominatim)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="24"/>
        <source>OpenStreetMap editing API</source>
        <translation>API d’édition OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="27"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="29"/>
        <source>Local sandbox URL</source>
        <translation>URL du bac à sable local</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="31"/>
        <source>Custom API URL (…/api/0.6)</source>
        <translation>URL d’API personnalisée (…/api/0.6)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="33"/>
        <source>OAuth 2.0 client ID</source>
        <translation>Identifiant client OAuth 2.0</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="49"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="54"/>
        <source>Network timeout (s)</source>
        <translation>Délai réseau (s)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="52"/>
        <source>Language (plugin and search results)</source>
        <translation>Langue (extension et résultats de recherche)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="56"/>
        <source>Folder for new downloads</source>
        <translation>Dossier des nouveaux téléchargements</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="55"/>
        <source>The project&apos;s folder</source>
        <translation>Le dossier du projet</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="104"/>
        <source>Required to log in</source>
        <translation>Nécessaire pour se connecter</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="127"/>
        <source>Enter the server&apos;s address first</source>
        <translation>Saisissez d’abord l’adresse du serveur</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="129"/>
        <source>Logged in as &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>Connecté en tant que &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="133"/>
        <source>Logged in</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="135"/>
        <source>Not logged in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="138"/>
        <source>Log in again…</source>
        <translation>Se reconnecter…</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="39"/>
        <source>Log in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="35"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.ui" line="40"/>
        <source>Log out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="125"/>
        <source>Logging out…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="195"/>
        <source>Logged out here; the server could not be told: {reason}&lt;br&gt;You can revoke the access on the website under &lt;a href=&quot;{url}&quot;&gt;My Settings → OAuth 2 applications&lt;/a&gt;.</source>
        <translation>Déconnecté ici ; le serveur n’a pas pu en être informé : {reason}&lt;br&gt;Vous pouvez révoquer l’accès sur le site web, dans &lt;a href=&quot;{url}&quot;&gt;Mes paramètres → Applications OAuth 2&lt;/a&gt;.</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="203"/>
        <source>Logged out; {server} has revoked the access.</source>
        <translation>Déconnecté ; {server} a révoqué l’accès.</translation>
    </message>
</context>
<context>
    <name>TagDock</name>
    <message>
        <location filename="../ui/tag_editor.py" line="634"/>
        <source>OSM tags</source>
        <translation>Attributs OSM</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="522"/>
        <source>Start editing</source>
        <translation>Commencer l’édition</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="583"/>
        <source>Select a feature of an OSM layer to see its tags.</source>
        <translation>Sélectionnez une entité d’une couche OSM pour voir ses attributs.</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="587"/>
        <source>Select a feature of {layer} to see its tags.</source>
        <translation>Sélectionnez une entité de {layer} pour voir ses attributs.</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="594"/>
        <source>The selected feature cannot be read.</source>
        <translation>L’entité sélectionnée ne peut pas être lue.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tag_editor.py" line="601"/>
        <source>%n features selected; the first is shown.</source>
        <translation>
            <numerusform>%n entité sélectionnée ; elle est affichée.</numerusform>
            <numerusform>%n entités sélectionnées ; la première est affichée.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="603"/>
        <source>The layer is not in edit mode: the tags are read-only.</source>
        <translation>La couche n’est pas en mode édition : les attributs sont en lecture seule.</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="630"/>
        <source>Edit OSM tags</source>
        <translation>Modifier les attributs OSM</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="634"/>
        <source>The tags could not be written to {layer}.</source>
        <translation>Les attributs n’ont pas pu être écrits dans {layer}.</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <location filename="../ui/tag_editor.py" line="182"/>
        <source>Change…</source>
        <translation>Changer…</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="88"/>
        <source>Choose another kind of feature (preset)</source>
        <translation>Choisir un autre type d’entité (préréglage)</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="100"/>
        <source>Search feature type, e.g. bench, restaurant</source>
        <translation>Rechercher un type d’entité, p. ex. banc, restaurant</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="126"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="126"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="182"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="263"/>
        <source>Presets unavailable (no tagging schema)</source>
        <translation>Préréglages indisponibles (pas de schéma d’attributs)</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="291"/>
        <source>Click: yes, no, not set</source>
        <translation>Clic : oui, non, non défini</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="355"/>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tag_editor.py" line="392"/>
        <source>All tags (%n)</source>
        <translation>
            <numerusform>Tous les attributs (%n)</numerusform>
            <numerusform>Tous les attributs (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="402"/>
        <source>Type a key here to add a tag</source>
        <translation>Saisissez une clé ici pour ajouter un attribut</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="409"/>
        <source>Remove the tag {key}</source>
        <translation>Supprimer l’attribut {key}</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor.py" line="492"/>
        <source>new</source>
        <translation>nouvel élément</translation>
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
        <translation>L’éditeur d’attributs OSM : préréglages, champs et tous les attributs.</translation>
    </message>
    <message>
        <location filename="../ui/tag_editor_form.py" line="147"/>
        <source>OSM tags</source>
        <translation>Attributs OSM</translation>
    </message>
</context>
<context>
    <name>TopologyGuard</name>
    <message>
        <location filename="../plugin/adapters/topology.py" line="89"/>
        <source>Topological editing and snapping are on while you edit OSM layers: a vertex that streets share moves in all of them, as it will in OpenStreetMap. Your own settings come back when you stop editing.</source>
        <translation>L’édition topologique et l’accrochage sont activés pendant que vous modifiez des couches OSM : un sommet partagé par plusieurs rues se déplace dans chacune d’elles, comme ce sera le cas dans OpenStreetMap. Vos propres paramètres sont rétablis lorsque vous arrêtez l’édition.</translation>
    </message>
</context>
<context>
    <name>UploadAction</name>
    <message>
        <location filename="../ui/upload_action.py" line="85"/>
        <source>Load OSM data first: there are no OSM layers in the project.</source>
        <translation>Chargez d’abord des données OSM : le projet ne contient aucune couche OSM.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="103"/>
        <source>Unsaved edits</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="103"/>
        <source>The OSM layers have unsaved edits. Save them now?</source>
        <translation>Les couches OSM ont des modifications non enregistrées. Les enregistrer maintenant ?</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="143"/>
        <source>There are no changes to save.</source>
        <translation>Il n’y a aucune modification à enregistrer.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="145"/>
        <source>Save the changes as osmChange</source>
        <translation>Enregistrer les modifications en osmChange</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="145"/>
        <source>osmChange (*.osc)</source>
        <translation>osmChange (*.osc)</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="226"/>
        <source>The layers have no changes to upload.</source>
        <translation>Les couches ne contiennent aucune modification à envoyer.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="697"/>
        <source>Fetching the server&apos;s versions</source>
        <translation>Récupération des versions du serveur</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="527"/>
        <source>An upload of this file was interrupted: checking on the server what it applied before computing what is left.</source>
        <translation>Un envoi de ce fichier a été interrompu : vérification sur le serveur de ce qui a été appliqué avant de calculer ce qu’il reste à envoyer.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="154"/>
        <source>%n changes saved to {path}</source>
        <translation>
            <numerusform>%n modification enregistrée dans {path}</numerusform>
            <numerusform>%n modifications enregistrées dans {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="540"/>
        <source>The interrupted upload had applied %n changes; they are now in the layers.</source>
        <translation>
            <numerusform>L’envoi interrompu avait appliqué %n modification ; elle est maintenant dans les couches.</numerusform>
            <numerusform>L’envoi interrompu avait appliqué %n modifications ; elles sont maintenant dans les couches.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="169"/>
        <source>The changes are being computed already.</source>
        <translation>Les modifications sont déjà en cours de calcul.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="198"/>
        <source>The review was cancelled.</source>
        <translation>La relecture a été annulée.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="207"/>
        <source>Computing the changes to upload</source>
        <translation>Calcul des modifications à envoyer</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="439"/>
        <source>An upload of this file was interrupted: run Upload changes… first, which settles it with the server, then update the data.</source>
        <translation>Un envoi de ce fichier a été interrompu : lancez d’abord « Envoyer les modifications… », qui le règle avec le serveur, puis mettez à jour les données.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="448"/>
        <source>Another task of this file is running.</source>
        <translation>Une autre tâche de ce fichier est en cours.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="467"/>
        <source>The update was cancelled; the file is unchanged.</source>
        <translation>La mise à jour a été annulée ; le fichier est inchangé.</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="472"/>
        <source>Updated from the server: {changed} changed, {added} new and {removed} removed elements. Your edits are kept.</source>
        <translation>Mis à jour depuis le serveur : éléments modifiés : {changed}, nouveaux : {added}, retirés : {removed}. Vos modifications sont conservées.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="479"/>
        <source>%n elements were changed both by you and on the server (first: {first}): they keep your version; Upload changes… lets you resolve them.</source>
        <translation>
            <numerusform>%n élément a été modifié par vous et sur le serveur ({first}) : il garde votre version ; « Envoyer les modifications… » vous permet de résoudre le conflit.</numerusform>
            <numerusform>%n éléments ont été modifiés par vous et sur le serveur (premier : {first}) : ils gardent votre version ; « Envoyer les modifications… » vous permet de résoudre les conflits.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="488"/>
        <source>Updating the data from the server</source>
        <translation>Mise à jour des données depuis le serveur</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="688"/>
        <source>Conflicts merged: %n elements by themselves, the others as you chose. Review and upload again to send your edits.</source>
        <translation>
            <numerusform>Conflits fusionnés : %n élément automatiquement, les autres selon vos choix. Relisez et envoyez à nouveau pour transmettre vos modifications.</numerusform>
            <numerusform>Conflits fusionnés : %n éléments automatiquement, les autres selon vos choix. Relisez et envoyez à nouveau pour transmettre vos modifications.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="206"/>
        <source>Computing the changes…</source>
        <translation>Calcul des modifications…</translation>
    </message>
    <message>
        <location filename="../ui/upload_action.py" line="410"/>
        <source>Uploading…</source>
        <translation>Envoi…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="638"/>
        <source>Uploaded %n changes in changesets {changesets}</source>
        <translation>
            <numerusform>%n modification envoyée dans les groupes de modifications {changesets}</numerusform>
            <numerusform>%n modifications envoyées dans les groupes de modifications {changesets}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="640"/>
        <source>Uploaded %n changes in changeset {changesets}</source>
        <translation>
            <numerusform>%n modification envoyée dans le groupe de modifications {changesets}</numerusform>
            <numerusform>%n modifications envoyées dans le groupe de modifications {changesets}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UploadEditsAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="30"/>
        <source>Upload edits of a download</source>
        <translation>Envoyer les modifications d’un téléchargement</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="49"/>
        <source>GeoPackage of a download</source>
        <translation>GeoPackage d’un téléchargement</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="55"/>
        <source>Changes uploaded</source>
        <translation>Modifications envoyées</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="56"/>
        <source>Changes of an interrupted upload found applied</source>
        <translation>Modifications d’un envoi interrompu trouvées appliquées</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="92"/>
        <source>A changeset comment is required: describe your changes.</source>
        <translation>Un commentaire de groupe de modifications est obligatoire : décrivez vos modifications.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="104"/>
        <source>No login for {server}: log in from the plugin with that server chosen in the settings, or choose an authentication configuration whose URL is that server.</source>
        <translation>Aucune connexion pour {server} : connectez-vous depuis l’extension en choisissant ce serveur dans les paramètres, ou choisissez une configuration d’authentification dont l’URL est celle de ce serveur.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="122"/>
        <source>An upload of {path} was interrupted: it was settled with the server first ({count} changes whose outcome was open were found applied and written back).</source>
        <translation>Un envoi de {path} avait été interrompu : il a d’abord été régularisé avec le serveur ({count} modifications dont le résultat était incertain ont été trouvées appliquées et réécrites dans le fichier).</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="136"/>
        <source>Nothing to upload: the GeoPackage has no changes left to send.</source>
        <translation>Rien à envoyer : il ne reste aucune modification à envoyer dans le GeoPackage.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="33"/>
        <source>Uploads the saved edits of a download&apos;s GeoPackage to the OSM API server it was downloaded from, in a new changeset with the given comment (required) and source, and writes the results back into the GeoPackage (ids of new elements, versions), as the plugin&apos;s Upload changes does. AUTH is the QGIS authentication configuration that holds the OAuth 2.0 token; its URL must be that server (empty: the login the plugin keeps for that server). An upload of the file that was interrupted is settled first: what the server applied is written back, and only what is left is sent. When nothing is left the algorithm succeeds with 0 changes. Unsaved edits of open layers are not included: save them first. The edits are validated first, as the review does: an error (see osmroundtrip:validate) refuses the upload before anything is sent; warnings are reported.</source>
        <translation>Envoie les modifications enregistrées du GeoPackage d’un téléchargement au serveur de l’API OSM d’où il provient, dans un nouveau groupe de modifications avec le commentaire (obligatoire) et la source indiqués, et réécrit les résultats dans le GeoPackage (identifiants des nouveaux éléments, versions), comme le fait « Envoyer les modifications » de l’extension. AUTH est la configuration d’authentification QGIS qui contient le jeton OAuth 2.0 ; son URL doit être ce serveur (vide : la connexion que l’extension garde pour ce serveur). Un envoi interrompu du fichier est d’abord réglé : ce que le serveur a appliqué est réécrit, et seul le reste est envoyé. S’il ne reste rien, l’algorithme réussit avec 0 modification. Les modifications non enregistrées des couches ouvertes ne sont pas incluses : enregistrez-les d’abord. Les modifications sont d’abord validées, comme lors de la relecture : une erreur (voir osmroundtrip:validate) empêche l’envoi avant que rien ne soit transmis ; les avertissements sont signalés.</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="76"/>
        <source>Nothing was uploaded: the edits have %n errors (osmroundtrip:validate lists them with their places):</source>
        <translation>
            <numerusform>Rien n’a été envoyé : les modifications comportent %n erreur (osmroundtrip:validate l’indique avec son emplacement) :</numerusform>
            <numerusform>Rien n’a été envoyé : les modifications comportent %n erreurs (osmroundtrip:validate les liste avec leurs emplacements) :</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UploadOsmChangeAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="121"/>
        <source>Upload osmChange</source>
        <translation>Envoyer un osmChange</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="138"/>
        <source>osmChange file</source>
        <translation>Fichier osmChange</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="141"/>
        <source>OSM API URL (…/api/0.6)</source>
        <translation>URL de l’API OSM (…/api/0.6)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="159"/>
        <source>A changeset comment is required: describe your changes.</source>
        <translation>Un commentaire de groupe de modifications est obligatoire : décrivez vos modifications.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="170"/>
        <source>Continuing the interrupted upload of {path}</source>
        <translation>Reprise de l’envoi interrompu de {path}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="124"/>
        <source>Uploads an osmChange (.osc) file to an OSM API 0.6 server in a new changeset with the given comment (required) and source, in chunks within the server's limits. ENDPOINT is the API base URL (…/api/0.6); empty uses the server of the plugin settings (or, for an interrupted upload, the server it was going to). AUTH is the QGIS authentication configuration that holds the OAuth 2.0 token (empty: the one the plugin's login keeps for that server); its URL must be the same server as ENDPOINT, or nothing is sent. A journal is kept next to the file: an interrupted upload continues where it stopped when run again, after checking on the server what was applied. The GeoPackage the file was built from is not updated; download the area again before editing further.</source>
        <translation>Envoie un fichier osmChange (.osc) vers un serveur OSM API 0.6 dans un nouveau groupe de modifications avec le commentaire (obligatoire) et la source indiqués, par lots dans les limites du serveur. ENDPOINT est l’URL de base de l’API (…/api/0.6) ; vide, le serveur des paramètres de l’extension est utilisé (ou, pour un envoi interrompu, le serveur auquel il était destiné). AUTH est la configuration d’authentification QGIS qui contient le jeton OAuth 2.0 (vide : celle que la connexion de l’extension conserve pour ce serveur) ; son URL doit désigner le même serveur que ENDPOINT, sinon rien n’est envoyé. Un journal est conservé à côté du fichier : relancé, un envoi interrompu reprend là où il s’était arrêté, après vérification sur le serveur de ce qui a été appliqué. Le GeoPackage à partir duquel le fichier a été créé n’est pas mis à jour ; téléchargez à nouveau la zone avant de poursuivre les modifications.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="227"/>
        <source>No login for {server}: log in from the plugin with that server chosen in the settings, or choose an authentication configuration whose URL is that server.</source>
        <translation>Aucune connexion pour {server} : connectez-vous depuis l’extension en choisissant ce serveur dans les paramètres, ou choisissez une configuration d’authentification dont l’URL est celle de ce serveur.</translation>
    </message>
</context>
<context>
    <name>UploadService</name>
    <message>
        <location filename="../plugin/adapters/upload_service.py" line="462"/>
        <source>Uploading changes to OpenStreetMap</source>
        <translation>Envoi des modifications vers OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/upload_service.py" line="368"/>
        <source>Checking the interrupted upload</source>
        <translation>Vérification de l’envoi interrompu</translation>
    </message>
</context>
<context>
    <name>ValidateAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="29"/>
        <source>Validate edits of a download</source>
        <translation>Valider les modifications d’un téléchargement</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="32"/>
        <source>Upload</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="38"/>
        <source>Checks the saved edits of a download's GeoPackage as the review before an upload does, with the rules of JOSM's and iD's validators: untagged or unconnected new features, crossing ways without a junction, almost-junctions, duplicate and close nodes, self-intersections, unclosed areas, tags meant for another geometry, deprecated tags (iD tagging schema), many deletions and the API's limits. Only what was edited and what it touches is judged. The output layer has a point per issue with its rule, severity (error or warning), message, elements and fix. With “Fail on errors” the algorithm fails when the edits have an error, so that a model stops before it uploads them.</source>
        <translation>Vérifie les modifications enregistrées du GeoPackage d’un téléchargement comme la relecture avant un envoi, avec les règles des validateurs de JOSM et d’iD : nouveaux objets sans attributs ou non raccordés, chemins qui se croisent sans jonction, quasi-jonctions, nœuds en double ou trop proches, auto-intersections, surfaces non fermées, attributs prévus pour une autre géométrie, attributs obsolètes (schéma d’attributs d’iD), nombreuses suppressions et limites de l’API. Seul ce qui a été modifié et ce qu’il touche est jugé. La couche en sortie a un point par problème avec sa règle, sa gravité (erreur ou avertissement), son message, ses éléments et sa correction. Avec « Échouer en cas d’erreur », l’algorithme échoue quand les modifications comportent une erreur, afin qu’un modèle s’arrête avant de les envoyer.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="51"/>
        <source>GeoPackage of a download</source>
        <translation>GeoPackage d’un téléchargement</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="56"/>
        <source>Fail on errors</source>
        <translation>Échouer en cas d’erreur</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="61"/>
        <source>OSM issues</source>
        <translation>Problèmes OSM</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="62"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="63"/>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="88"/>
        <source>%n errors</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="88"/>
        <source>%n warnings</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="92"/>
        <source>The edits have %n errors: fix them before uploading (see the issues).</source>
        <translation>
            <numerusform>Les modifications comportent %n erreur : corrigez-la avant l’envoi (voir les problèmes).</numerusform>
            <numerusform>Les modifications comportent %n erreurs : corrigez-les avant l’envoi (voir les problèmes).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_LoadAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="86"/>
        <source>Load</source>
        <translation>Chargement</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="92"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="95"/>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="98"/>
        <source>Polygons</source>
        <translation>Polygones</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="101"/>
        <source>Relations</source>
        <translation>Relations</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="104"/>
        <source>Number of features</source>
        <translation>Nombre d’entités</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="116"/>
        <source>Choose the GeoPackage to write.</source>
        <translation>Choisissez le GeoPackage à écrire.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="154"/>
        <source>The GeoPackage {path} is open in the project. Remove its layers first or choose another file.</source>
        <translation>Le GeoPackage {path} est ouvert dans le projet. Retirez d’abord ses couches ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="132"/>
        <source>Replace an existing GeoPackage even if it holds edits not uploaded</source>
        <translation>Remplacer un GeoPackage existant même s’il contient des modifications non envoyées</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/load_algorithms.py" line="145"/>
        <source>Set OVERWRITE to replace it, or choose another file.</source>
        <translation>Activez OVERWRITE pour le remplacer, ou choisissez un autre fichier.</translation>
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
        <translation>URL du serveur Nominatim</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="108"/>
        <source>Seconds between requests (the public server always waits at least 1)</source>
        <translation>Secondes entre les requêtes (le serveur public attend toujours au moins 1)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="123"/>
        <source>Result language (accept-language, e.g. de or en,fr)</source>
        <translation>Langue des résultats (accept-language, p. ex. de ou en,fr)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="143"/>
        <source>The server asks to slow down: waiting {seconds} s, then going on.</source>
        <translation>Le serveur demande de ralentir : attente de {seconds} s, puis reprise.</translation>
    </message>
</context>
<context>
    <name>_UploadAlgorithm</name>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="45"/>
        <source>Upload</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="67"/>
        <source>Elements created</source>
        <translation>Éléments créés</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="68"/>
        <source>Elements modified</source>
        <translation>Éléments modifiés</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="69"/>
        <source>Elements deleted</source>
        <translation>Éléments supprimés</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="52"/>
        <source>Login (OAuth 2.0 token)</source>
        <translation>Connexion (jeton OAuth 2.0)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="57"/>
        <source>Changeset comment</source>
        <translation>Commentaire du groupe de modifications</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="58"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="59"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="59"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/processing/upload_algorithms.py" line="64"/>
        <source>Changesets</source>
        <translation>Groupes de modifications</translation>
    </message>
</context>
</TS>
