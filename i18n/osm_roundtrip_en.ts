<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConflictDialog</name>
    <message numerus="yes">
        <location filename="../ui/conflict_dialog.py" line="72"/>
        <source>%n vertices</source>
        <translation>
            <numerusform>%n vertex</numerusform>
            <numerusform>%n vertices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/conflict_dialog.py" line="74"/>
        <source>%n members</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>DownloadDialog</name>
    <message numerus="yes">
        <location filename="../ui/download_dialog.py" line="194"/>
        <source>About {area} km², at least %n requests to the server.</source>
        <translation>
            <numerusform>About {area} km², at least %n request to the server.</numerusform>
            <numerusform>About {area} km², at least %n requests to the server.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>DownloadService</name>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="481"/>
        <source>%n relations reach outside the area and are marked incomplete; areas among them are drawn from the rings that are complete.</source>
        <translation>
            <numerusform>%n relation reaches outside the area and is marked incomplete; if it is an area, it is drawn from its rings that are complete.</numerusform>
            <numerusform>%n relations reach outside the area and are marked incomplete; areas among them are drawn from the rings that are complete.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="491"/>
        <source>%n ways use nodes that are not in the data (for example way {example}): they are drawn through the nodes that are there, marked incomplete, and uploaded with all their nodes.</source>
        <translation>
            <numerusform>%n way uses nodes that are not in the data (way {example}): it is drawn through the nodes that are there, marked incomplete, and uploaded with all its nodes.</numerusform>
            <numerusform>%n ways use nodes that are not in the data (for example way {example}): they are drawn through the nodes that are there, marked incomplete, and uploaded with all their nodes.</numerusform>
        </translation>
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
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="436"/>
        <source>%n polygons</source>
        <translation>
            <numerusform>%n polygon</numerusform>
            <numerusform>%n polygons</numerusform>
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
            <numerusform>%n relation reaches outside the area.</numerusform>
            <numerusform>%n relations reach outside the area.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/download_service.py" line="467"/>
        <source>%n ways lack some of their nodes.</source>
        <translation>
            <numerusform>%n way lacks some of its nodes.</numerusform>
            <numerusform>%n ways lack some of their nodes.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>NominatimSearch</name>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/nominatim_algorithms.py" line="360"/>
        <source>%n places found.</source>
        <translation>
            <numerusform>%n place found.</numerusform>
            <numerusform>%n places found.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>OsmRoundtripErrors</name>
    <message numerus="yes">
        <location filename="../plugin/core/osm/osmchange.py" line="56"/>
        <source>The changes cannot be uploaded (%n problems):
{details}</source>
        <translation>
            <numerusform>The changes cannot be uploaded (%n problem):
{details}</numerusform>
            <numerusform>The changes cannot be uploaded (%n problems):
{details}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/upload_errors.py" line="114"/>
        <source>%n elements were changed on the server by someone else since your download (first: {first}). Resolve the conflicts, then upload again.</source>
        <translation>
            <numerusform>%n element was changed on the server by someone else since your download ({first}). Resolve the conflict, then upload again.</numerusform>
            <numerusform>%n elements were changed on the server by someone else since your download (first: {first}). Resolve the conflicts, then upload again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="173"/>
        <source>%n nodes added</source>
        <translation>
            <numerusform>%n node added</numerusform>
            <numerusform>%n nodes added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="175"/>
        <source>%n nodes removed</source>
        <translation>
            <numerusform>%n node removed</numerusform>
            <numerusform>%n nodes removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="183"/>
        <source>%n members added</source>
        <translation>
            <numerusform>%n member added</numerusform>
            <numerusform>%n members added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="185"/>
        <source>%n members removed</source>
        <translation>
            <numerusform>%n member removed</numerusform>
            <numerusform>%n members removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="204"/>
        <source>%n nodes</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/core/osm/labels.py" line="207"/>
        <source>%n members</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>ProblemsPanel</name>
    <message numerus="yes">
        <location filename="../ui/review_problems.py" line="94"/>
        <source>%n errors must be fixed before the upload (in the layers, or with Fix).</source>
        <translation>
            <numerusform>%n error must be fixed before the upload (in the layers, or with Fix).</numerusform>
            <numerusform>%n errors must be fixed before the upload (in the layers, or with Fix).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review_problems.py" line="100"/>
        <source>%n warnings: check each of them, then tick “I have checked the warnings”.</source>
        <translation>
            <numerusform>%n warning: check it, then tick “I have checked the warnings”.</numerusform>
            <numerusform>%n warnings: check each of them, then tick “I have checked the warnings”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review_problems.py" line="116"/>
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>ReviewDock</name>
    <message numerus="yes">
        <location filename="../ui/review_dock.py" line="271"/>
        <source>The validation found %n errors: fix them (see Problems) before uploading.</source>
        <translation>
            <numerusform>The validation found %n error: fix it (see Problems) before uploading.</numerusform>
            <numerusform>The validation found %n errors: fix them (see Problems) before uploading.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>SearchDock</name>
    <message numerus="yes">
        <location filename="../ui/search_dock.py" line="561"/>
        <source>%n results</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>TagDock</name>
    <message numerus="yes">
        <location filename="../ui/tag_editor.py" line="601"/>
        <source>%n features selected; the first is shown.</source>
        <translation>
            <numerusform>%n feature selected; it is shown.</numerusform>
            <numerusform>%n features selected; the first is shown.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>TagEditor</name>
    <message numerus="yes">
        <location filename="../ui/tag_editor.py" line="392"/>
        <source>All tags (%n)</source>
        <translation>
            <numerusform>All tags (%n)</numerusform>
            <numerusform>All tags (%n)</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>UploadAction</name>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="154"/>
        <source>%n changes saved to {path}</source>
        <translation>
            <numerusform>%n change saved to {path}</numerusform>
            <numerusform>%n changes saved to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="540"/>
        <source>The interrupted upload had applied %n changes; they are now in the layers.</source>
        <translation>
            <numerusform>The interrupted upload had applied %n change; it is now in the layers.</numerusform>
            <numerusform>The interrupted upload had applied %n changes; they are now in the layers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="479"/>
        <source>%n elements were changed both by you and on the server (first: {first}): they keep your version; Upload changes… lets you resolve them.</source>
        <translation>
            <numerusform>%n element was changed both by you and on the server ({first}): it keeps your version; Upload changes… lets you resolve it.</numerusform>
            <numerusform>%n elements were changed both by you and on the server (first: {first}): they keep your version; Upload changes… lets you resolve them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="688"/>
        <source>Conflicts merged: %n elements by themselves, the others as you chose. Review and upload again to send your edits.</source>
        <translation>
            <numerusform>Conflicts merged: %n element by itself, the others as you chose. Review and upload again to send your edits.</numerusform>
            <numerusform>Conflicts merged: %n elements by themselves, the others as you chose. Review and upload again to send your edits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="638"/>
        <source>Uploaded %n changes in changesets {changesets}</source>
        <translation>
            <numerusform>Uploaded %n change in changesets {changesets}</numerusform>
            <numerusform>Uploaded %n changes in changesets {changesets}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/upload_action.py" line="640"/>
        <source>Uploaded %n changes in changeset {changesets}</source>
        <translation>
            <numerusform>Uploaded %n change in changeset {changesets}</numerusform>
            <numerusform>Uploaded %n changes in changeset {changesets}</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>UploadEditsAlgorithm</name>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/upload_edits_algorithm.py" line="76"/>
        <source>Nothing was uploaded: the edits have %n errors (osmroundtrip:validate lists them with their places):</source>
        <translation>
            <numerusform>Nothing was uploaded: the edits have %n error (osmroundtrip:validate lists it with its place):</numerusform>
            <numerusform>Nothing was uploaded: the edits have %n errors (osmroundtrip:validate lists them with their places):</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>ValidateAlgorithm</name>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="88"/>
        <source>%n errors</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="88"/>
        <source>%n warnings</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../plugin/adapters/processing/validate_algorithm.py" line="92"/>
        <source>The edits have %n errors: fix them before uploading (see the issues).</source>
        <translation>
            <numerusform>The edits have %n error: fix it before uploading (see the issues).</numerusform>
            <numerusform>The edits have %n errors: fix them before uploading (see the issues).</numerusform>
        </translation>
    </message>
    </context>
</TS>