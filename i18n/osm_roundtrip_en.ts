<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DownloadDialog</name>
    <message numerus="yes">
        <location filename="../ui/download_dialog.py" line="135"/>
        <source>About {area} km², at least %n requests to the server.</source>
        <translation><numerusform>About {area} km², at least %n request to the server.</numerusform><numerusform>About {area} km², at least %n requests to the server.</numerusform></translation>
    </message>
    </context>
<context>
    <name>DownloadService</name>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="383"/>
        <source>%n relations reach outside the area and are marked incomplete; areas among them are drawn from the rings that are complete.</source>
        <translation><numerusform>%n relation reaches outside the area and is marked incomplete; if it is an area, it is drawn from its rings that are complete.</numerusform><numerusform>%n relations reach outside the area and are marked incomplete; areas among them are drawn from the rings that are complete.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="391"/>
        <source>%n ways use nodes that are not in the data (for example way {example}): they are drawn through the nodes that are there, marked incomplete, and uploaded with all their nodes.</source>
        <translation><numerusform>%n way uses nodes that are not in the data (way {example}): it is drawn through the nodes that are there, marked incomplete, and uploaded with all its nodes.</numerusform><numerusform>%n ways use nodes that are not in the data (for example way {example}): they are drawn through the nodes that are there, marked incomplete, and uploaded with all their nodes.</numerusform></translation>
    </message>
</context>
<context>
    <name>NominatimSearch</name>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="360"/>
        <source>%n places found.</source>
        <translation><numerusform>%n place found.</numerusform><numerusform>%n places found.</numerusform></translation>
    </message>
</context>
<context>
    <name>OsmRoundtripErrors</name>
    <message numerus="yes">
        <location filename="../plugin/core/osm/osmchange.py" line="56"/>
        <source>The changes cannot be uploaded (%n problems):
{details}</source>
        <translation><numerusform>The changes cannot be uploaded (%n problem):
{details}</numerusform><numerusform>The changes cannot be uploaded (%n problems):
{details}</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/upload_errors.py" line="114"/>
        <source>%n elements were changed on the server by someone else since your download (first: {first}). Resolve the conflicts, then upload again.</source>
        <translation><numerusform>%n element was changed on the server by someone else since your download ({first}). Resolve the conflict, then upload again.</numerusform><numerusform>%n elements were changed on the server by someone else since your download (first: {first}). Resolve the conflicts, then upload again.</numerusform></translation>
    </message>
    </context>
<context>
    <name>SearchDock</name>
    <message numerus="yes">
        <location filename="../ui/search_dock.py" line="364"/>
        <source>%n results</source>
        <translation><numerusform>%n result</numerusform><numerusform>%n results</numerusform></translation>
    </message>
    </context>
<context>
    <name>UploadAction</name>
    <message numerus="yes">
        <location filename="../ui/review_dialog.py" line="449"/>
        <source>%n changes saved to {path}</source>
        <translation><numerusform>%n change saved to {path}</numerusform><numerusform>%n changes saved to {path}</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review_dialog.py" line="542"/>
        <source>The interrupted upload had applied %n changes; they are now in the layers.</source>
        <translation><numerusform>The interrupted upload had applied %n change; it is now in the layers.</numerusform><numerusform>The interrupted upload had applied %n changes; they are now in the layers.</numerusform></translation>
    </message>
    </context>
</TS>