<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddLayerCommand</name>
    <message>
        <location filename="../ui/architecture/AddLayerCommand.cpp" line="11"/>
        <source>Add %1 layer</source>
        <translation>%1-Schicht hinzufügen</translation>
    </message>
</context>
<context>
    <name>DatasetPreview</name>
    <message>
        <location filename="../ui/data/DatasetPreview.cpp" line="14"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetPreview.cpp" line="15"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetPreview.cpp" line="28"/>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetPreview.cpp" line="28"/>
        <source>part</source>
        <translation>Teil</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetPreview.cpp" line="29"/>
        <source>label</source>
        <translation>Label</translation>
    </message>
</context>
<context>
    <name>EditLayerCommand</name>
    <message>
        <location filename="../ui/architecture/EditLayerCommand.cpp" line="21"/>
        <source>Change layer %1 type</source>
        <translation>Typ von Schicht %1 ändern</translation>
    </message>
    <message>
        <location filename="../ui/architecture/EditLayerCommand.cpp" line="22"/>
        <source>Change layer %1 units</source>
        <translation>Einheiten von Schicht %1 ändern</translation>
    </message>
    <message>
        <location filename="../ui/architecture/EditLayerCommand.cpp" line="24"/>
        <source>Change layer %1 dropout</source>
        <translation>Dropout von Schicht %1 ändern</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="11"/>
        <source>No such file or folder.</source>
        <translation>Datei oder Ordner nicht gefunden.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="12"/>
        <source>The file cannot be read.</source>
        <translation>Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="13"/>
        <source>Cannot write here.</source>
        <translation>Hier kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="14"/>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="15"/>
        <source>The first line is not a header row.</source>
        <translation>Die erste Zeile ist keine Kopfzeile.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="16"/>
        <source>Wrong number of fields.</source>
        <translation>Falsche Anzahl von Feldern.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="17"/>
        <source>Expected a number.</source>
        <translation>Zahl erwartet.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="18"/>
        <source>No label column.</source>
        <translation>Keine Label-Spalte.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="19"/>
        <source>Too few rows.</source>
        <translation>Zu wenige Zeilen.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="20"/>
        <source>Invalid value.</source>
        <translation>Ungültiger Wert.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="21"/>
        <source>This is not a Flightdeck project.</source>
        <translation>Dies ist kein Flightdeck-Projekt.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="23"/>
        <source>The project was written by a newer version of Flightdeck.</source>
        <translation>Das Projekt wurde mit einer neueren Version von Flightdeck geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="24"/>
        <source>The project database is damaged.</source>
        <translation>Die Projektdatenbank ist beschädigt.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="26"/>
        <source>A stored object does not match its checksum.</source>
        <translation>Ein gespeichertes Objekt stimmt nicht mit seiner Prüfsumme überein.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="27"/>
        <source>The architecture is invalid.</source>
        <translation>Die Architektur ist ungültig.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="28"/>
        <source>Invalid setting.</source>
        <translation>Ungültige Einstellung.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="29"/>
        <source>Not found.</source>
        <translation>Nicht gefunden.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="30"/>
        <source>Training failed.</source>
        <translation>Training fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="31"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="32"/>
        <source>Database error.</source>
        <translation>Datenbankfehler.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="33"/>
        <source>Input/output error.</source>
        <translation>Ein-/Ausgabefehler.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="35"/>
        <source>The disk is full. Free some space and try again.</source>
        <translation>Der Datenträger ist voll. Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="37"/>
        <source>Error.</source>
        <translation>Fehler.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="68"/>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="78"/>
        <source>Field &quot;%1&quot;: %2</source>
        <translation>Feld „%1“: %2</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="80"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="83"/>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="44"/>
        <source>architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="45"/>
        <source>dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="46"/>
        <source>dataset version</source>
        <translation>Datensatzversion</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="47"/>
        <source>split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="48"/>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="49"/>
        <source>sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="50"/>
        <source>sweep run</source>
        <translation>Sweep-Lauf</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="51"/>
        <source>alert rule</source>
        <translation>Alarmregel</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="52"/>
        <source>model alias</source>
        <translation>Modell-Alias</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="53"/>
        <source>model artifact</source>
        <translation>Modellartefakt</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="54"/>
        <source>registered model</source>
        <translation>registriertes Modell</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="72"/>
        <source>Not found: %1.</source>
        <translation>Nicht gefunden: %1.</translation>
    </message>
    <message>
        <location filename="../ui/common/ErrorText.cpp" line="73"/>
        <source>Not found: %1 %2.</source>
        <translation>Nicht gefunden: %1 %2.</translation>
    </message>
</context>
<context>
    <name>GraphRemoveNodesCommand</name>
    <message>
        <location filename="../ui/architecture/graph/commands/AddRemoveNodes.cpp" line="81"/>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/architecture/graph/commands/AddRemoveNodes.cpp" line="83"/>
        <source>Delete %n node(s)</source>
        <translation>
            <numerusform>%n Knoten löschen</numerusform>
            <numerusform>%n Knoten löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="30"/>
        <source>classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="31"/>
        <source>regression</source>
        <translation>Regression</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="32"/>
        <source>image classification</source>
        <translation>Bildklassifikation</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="41"/>
        <source>%1 distinct numbers in %2 rows: a regression target.</source>
        <translation>%1 verschiedene Zahlen in %2 Zeilen: eine Regressions-Zielgröße.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="44"/>
        <source>%1 distinct values in %2 rows: classes, though it looks more like an id.</source>
        <translation>%1 verschiedene Werte in %2 Zeilen: Klassen, obwohl es eher nach einer ID aussieht.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="46"/>
        <source>%1 distinct values in %2 rows: classes, unusually many.</source>
        <translation>%1 verschiedene Werte in %2 Zeilen: Klassen, ungewöhnlich viele.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="51"/>
        <source>%1 distinct numbers in %2 rows: class labels.</source>
        <translation>%1 verschiedene Zahlen in %2 Zeilen: Klassenlabels.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="52"/>
        <source>%1 distinct values in %2 rows: class labels.</source>
        <translation>%1 verschiedene Werte in %2 Zeilen: Klassenlabels.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="75"/>
        <source>Imported %1 as dataset version #%2: %3 rows, %4 features, label &quot;%5&quot;.</source>
        <translation>%1 als Datensatzversion #%2 importiert: %3 Zeilen, %4 Merkmale, Label „%5“.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="80"/>
        <source>Task: %1 (detected).</source>
        <translation>Aufgabe: %1 (erkannt).</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="80"/>
        <source>Task: %1 (chosen).</source>
        <translation>Aufgabe: %1 (gewählt).</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="82"/>
        <source>Rows without a label: %1 (unlabeled, in no split until labeled).</source>
        <translation>Zeilen ohne Label: %1 (ungelabelt, in keinem Split, bis sie ein Label haben).</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="85"/>
        <source>Lines skipped: %1.</source>
        <translation>Übersprungene Zeilen: %1.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="88"/>
        <source>This content already was version #%1 of the dataset, recorded as %2; a version never changes. Import it under another dataset name to record it as %3.</source>
        <translation>Dieser Inhalt war bereits Version #%1 des Datensatzes, erfasst als %2; eine Version ändert sich nie. Importieren Sie ihn unter einem anderen Datensatznamen, um ihn als %3 zu erfassen.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="99"/>
        <source>The label has %1 distinct numbers; choose classification when importing if they are classes.</source>
        <translation>Das Label hat %1 verschiedene Zahlen; wählen Sie beim Import „Klassifikation“, wenn es Klassen sind.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="108"/>
        <source>%1 × %2 × %3</source>
        <translation>%1 × %2 × %3</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="109"/>
        <source>classes from the folder names: %1</source>
        <translation>Klassen aus den Ordnernamen: %1</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="110"/>
        <source>unlabeled (a flat folder)</source>
        <translation>ohne Labels (flacher Ordner)</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="112"/>
        <source>Imported %1 images from %2 as dataset version #%3: %4, %5, in %6 s (%7 MB/s).</source>
        <translation>%1 Bilder aus %2 als Datensatzversion #%3 importiert: %4, %5, in %6 s (%7 MB/s).</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="118"/>
        <source>fit, letterboxed</source>
        <translation>eingepasst, mit Rändern</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="119"/>
        <source>crop, centred</source>
        <translation>zugeschnitten, zentriert</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="120"/>
        <source>stretch</source>
        <translation>gestreckt</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="122"/>
        <source>Resized to %1 × %2 (%3), images of other sizes: %4.</source>
        <translation>Auf %1 × %2 skaliert (%3), Bilder anderer Größe: %4.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="132"/>
        <source>Imported %1 images from %2 (%3) as dataset version #%4: %5 × %6, classes: %7, in %8 s.</source>
        <translation>%1 Bilder aus %2 (%3) als Datensatzversion #%4 importiert: %5 × %6, Klassen: %7, in %8 s.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="142"/>
        <source>Split #%1 keeps the files&apos; own test part: %2 train, %3 validation, %4 test.</source>
        <translation>Aufteilung #%1 behält den Testteil der Dateien bei: %2 Training, %3 Validierung, %4 Test.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="147"/>
        <source>Warning: its test part is empty (no t10k pair beside the training files), so runs on it cannot be evaluated; import the folder with its t10k files.</source>
        <translation>Warnung: Ihr Testteil ist leer (kein t10k-Paar neben den Trainingsdateien), daher können Läufe darauf nicht ausgewertet werden; importieren Sie den Ordner mit seinen t10k-Dateien.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="151"/>
        <source>Warning: only test (t10k) files were found, so this version has no training images and no split was made; import the folder with its train-images and train-labels files to train on it.</source>
        <translation>Warnung: Es wurden nur Testdateien (t10k) gefunden, daher hat diese Version keine Trainingsbilder und es wurde keine Aufteilung erstellt; importieren Sie den Ordner mit seinen Dateien train-images und train-labels, um darauf zu trainieren.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="163"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="165"/>
        <source>Files skipped: %1: %2</source>
        <translation>Übersprungene Dateien: %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="169"/>
        <source>and %1 more (hover for the list).</source>
        <translation>und %1 weitere (vollständige Liste im Tooltip).</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="177"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="180"/>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="191"/>
        <source>Warning: the label has %1 distinct values in %2 rows; it looks like an id, not a class.</source>
        <translation>Warnung: Das Label hat %1 verschiedene Werte in %2 Zeilen; es sieht nach einer ID aus, nicht nach einer Klasse.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="194"/>
        <source>Warning: the label has %1 distinct numbers in %2 rows; it looks like a continuous (regression) target, imported as %1 classes.</source>
        <translation>Warnung: Das Label hat %1 verschiedene Zahlen in %2 Zeilen; es sieht nach einer stetigen Zielgröße (Regression) aus und wurde als %1 Klassen importiert.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportSummary.cpp" line="197"/>
        <source>Warning: %1 classes is unusually many.</source>
        <translation>Warnung: %1 Klassen sind ungewöhnlich viele.</translation>
    </message>
</context>
<context>
    <name>MoveLayerCommand</name>
    <message>
        <location filename="../ui/architecture/MoveLayerCommand.cpp" line="10"/>
        <source>Move layer %1 up</source>
        <translation>Schicht %1 nach oben verschieben</translation>
    </message>
    <message>
        <location filename="../ui/architecture/MoveLayerCommand.cpp" line="10"/>
        <source>Move layer %1 down</source>
        <translation>Schicht %1 nach unten verschieben</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../ui/architecture/graph/NodeItem.cpp" line="79"/>
        <source>%1 parameters</source>
        <translation>%1 Parameter</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/NodeItem.cpp" line="93"/>
        <source>%1 (%2)
Output: %3
Parameters: %4
FLOPs per sample: %5</source>
        <translation>%1 (%2)
Ausgabe: %3
Parameter: %4
FLOPs pro Sample: %5</translation>
    </message>
</context>
<context>
    <name>NumberText</name>
    <message>
        <location filename="../ui/common/NumberText.cpp" line="23"/>
        <location filename="../ui/common/NumberText.cpp" line="30"/>
        <location filename="../ui/common/NumberText.cpp" line="37"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../ui/common/NumberText.cpp" line="39"/>
        <source>%1 %</source>
        <comment>a percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/common/NumberText.cpp" line="52"/>
        <source>MMM d HH:mm:ss</source>
        <comment>QDateTime format of a log time with seconds (no year)</comment>
        <translation>d. MMM HH:mm:ss</translation>
    </message>
    <message>
        <location filename="../ui/common/NumberText.cpp" line="53"/>
        <source>MMM d HH:mm</source>
        <comment>QDateTime format of a log time (no year)</comment>
        <translation>d. MMM HH:mm</translation>
    </message>
</context>
<context>
    <name>RegistryIndex</name>
    <message>
        <location filename="../ui/export/RegistryIndex.cpp" line="62"/>
        <location filename="../ui/export/RegistryIndex.cpp" line="75"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryIndex.cpp" line="70"/>
        <source>Select a version first.</source>
        <translation>Wählen Sie zuerst eine Version.</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryIndex.cpp" line="79"/>
        <source>%1 already points at v%2.</source>
        <translation>%1 zeigt bereits auf v%2.</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryIndex.cpp" line="80"/>
        <source>%1: %2 → v%3</source>
        <translation>%1: %2 → v%3</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryIndex.cpp" line="82"/>
        <source>v%1 gives up its alias “%2” (a version holds one alias).</source>
        <translation>v%1 gibt ihren Alias „%2“ ab (eine Version trägt einen Alias).</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryIndex.cpp" line="90"/>
        <source>%1 has no earlier version to roll back to.</source>
        <translation>%1 hat keine frühere Version, auf die zurückgesetzt werden kann.</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryIndex.cpp" line="91"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryIndex.cpp" line="95"/>
        <source>No version of %1 holds “%2”.</source>
        <translation>Keine Version von %1 trägt „%2“.</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryIndex.cpp" line="96"/>
        <source>%1: %2 → none</source>
        <translation>%1: %2 → keine</translation>
    </message>
</context>
<context>
    <name>RegistryScores</name>
    <message>
        <location filename="../ui/export/RegistryScores.cpp" line="44"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryScores.cpp" line="46"/>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryScores.cpp" line="48"/>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryScores.cpp" line="58"/>
        <source>val accuracy %1</source>
        <translation>Val.-Genauigkeit %1</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryScores.cpp" line="60"/>
        <source>not evaluated</source>
        <translation>nicht evaluiert</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryScores.cpp" line="60"/>
        <source>not evaluated (%1)</source>
        <translation>nicht evaluiert (%1)</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryScores.cpp" line="62"/>
        <source>%1 RMSE %2</source>
        <translation>%1: RMSE %2</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryScores.cpp" line="63"/>
        <source>%1 accuracy %2</source>
        <translation>%1: Genauigkeit %2</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryScores.cpp" line="64"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>RemoveLayerCommand</name>
    <message>
        <location filename="../ui/architecture/RemoveLayerCommand.cpp" line="10"/>
        <source>Remove %1 layer</source>
        <translation>%1-Schicht entfernen</translation>
    </message>
</context>
<context>
    <name>RenameCommand</name>
    <message>
        <location filename="../ui/architecture/RenameCommand.h" line="36"/>
        <source>Rename to &quot;%1&quot;</source>
        <translation>Umbenennen in „%1“</translation>
    </message>
</context>
<context>
    <name>RenameDatasetCommand</name>
    <message>
        <location filename="../ui/data/RenameDatasetCommand.h" line="21"/>
        <source>Rename dataset &quot;%1&quot; to &quot;%2&quot;</source>
        <translation>Datensatz „%1“ in „%2“ umbenennen</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <location filename="../ui/common/RunStatusText.cpp" line="9"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/common/RunStatusText.cpp" line="10"/>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/common/RunStatusText.cpp" line="11"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/common/RunStatusText.cpp" line="12"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/common/RunStatusText.cpp" line="13"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
</context>
<context>
    <name>RuntimeText</name>
    <message>
        <location filename="../ui/training/RuntimeText.cpp" line="27"/>
        <source>libtorch %1 · %2 · %3 · threads: %4</source>
        <translation>libtorch %1 · %2 · %3 · Threads: %4</translation>
    </message>
    <message>
        <location filename="../ui/training/RuntimeText.cpp" line="36"/>
        <source>libtorch %1
BLAS: %2
Default device: %3 (CUDA available: %4)
Intra-op threads: %5</source>
        <translation>libtorch %1
BLAS: %2
Standardgerät: %3 (CUDA verfügbar: %4)
Intra-op-Threads: %5</translation>
    </message>
    <message>
        <location filename="../ui/training/RuntimeText.cpp" line="39"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../ui/training/RuntimeText.cpp" line="39"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../ui/training/RuntimeText.cpp" line="47"/>
        <source>Warning: the reference BLAS is in use, so training runs about 30 times slower. Install libopenblas0-openmp to fix this.</source>
        <translation>Warnung: Die Referenz-BLAS ist aktiv, deshalb läuft das Training etwa 30-mal langsamer. Installieren Sie libopenblas0-openmp, um das zu beheben.</translation>
    </message>
</context>
<context>
    <name>TrainingPrerequisites</name>
    <message>
        <location filename="../ui/training/TrainingPrerequisites.cpp" line="17"/>
        <source>No project: open or create one first.</source>
        <translation>Kein Projekt: Öffnen oder erstellen Sie zuerst eines.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPrerequisites.cpp" line="19"/>
        <source>No dataset version: import or select one in the Data panel.</source>
        <translation>Keine Datensatzversion: Importieren oder wählen Sie eine im Datenbereich.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPrerequisites.cpp" line="21"/>
        <source>No split: create one for the selected version in the Data panel.</source>
        <translation>Keine Aufteilung: Erstellen Sie im Datenbereich eine für die ausgewählte Version.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPrerequisites.cpp" line="25"/>
        <source>The selected split belongs to another dataset version: select or create a split of this version.</source>
        <translation>Die ausgewählte Aufteilung gehört zu einer anderen Datensatzversion: Wählen oder erstellen Sie eine Aufteilung dieser Version.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPrerequisites.cpp" line="31"/>
        <source>No architecture: save one in the Architecture panel.</source>
        <translation>Keine Architektur: Speichern Sie eine im Architekturbereich.</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::AlertRuleDialog</name>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="31"/>
        <source>Latency p50 (ms)</source>
        <translation>Latenz p50 (ms)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="32"/>
        <source>Latency p95 (ms)</source>
        <translation>Latenz p95 (ms)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="33"/>
        <source>Latency p99 (ms)</source>
        <translation>Latenz p99 (ms)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="34"/>
        <source>Error rate (0..1)</source>
        <translation>Fehlerrate (0..1)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="35"/>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="36"/>
        <source>Share of drifting columns</source>
        <translation>Anteil driftender Spalten</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="37"/>
        <source>Feature PSI</source>
        <translation>PSI des Merkmals</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="38"/>
        <source>Feature test statistic</source>
        <translation>Teststatistik des Merkmals</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="39"/>
        <source>Feature p-value / distance</source>
        <translation>p-Wert / Abstand des Merkmals</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="40"/>
        <source>Prediction shift (largest class share change)</source>
        <translation>Vorhersageverschiebung (größte Änderung eines Klassenanteils)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="41"/>
        <source>Accuracy (ground truth)</source>
        <translation>Genauigkeit (wahre Labels)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="42"/>
        <source>Estimated accuracy (label-free)</source>
        <translation>Geschätzte Genauigkeit (ohne Labels)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="49"/>
        <source>Alert rule</source>
        <translation>Alarmregel</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="72"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="73"/>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="78"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="79"/>
        <source>&amp;Metric:</source>
        <translation>&amp;Metrik:</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="80"/>
        <source>&amp;Feature:</source>
        <translation>Merkm&amp;al:</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="83"/>
        <source>&amp;Fires when:</source>
        <translation>Aus&amp;lösen, wenn:</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="84"/>
        <source>&amp;Threshold:</source>
        <translation>&amp;Schwelle:</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRuleDialog.cpp" line="85"/>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitfenster:</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::AlertRulesView</name>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="69"/>
        <source>&amp;Add rule…</source>
        <translation>Regel &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="70"/>
        <source>&amp;Edit…</source>
        <translation>B&amp;earbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="71"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="72"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="72"/>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="72"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="90"/>
        <source>Reading alert rules</source>
        <translation>Alarmregeln werden gelesen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="108"/>
        <source>Saving alert rule</source>
        <translation>Alarmregel wird gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="142"/>
        <source>Delete alert rule</source>
        <translation>Alarmregel löschen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="143"/>
        <source>Delete the alert rule “%1”?</source>
        <translation>Die Alarmregel „%1“ löschen?</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="149"/>
        <source>Deleting alert rule</source>
        <translation>Alarmregel wird gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="168"/>
        <source>Open a project to keep alert rules; they are stored in it.</source>
        <translation>Öffnen Sie ein Projekt, um Alarmregeln anzulegen; sie werden darin gespeichert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="183"/>
        <source>%1 %2 %3 over %n min</source>
        <translation>
            <numerusform>%1 %2 %3 über %n min</numerusform>
            <numerusform>%1 %2 %3 über %n min</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="188"/>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="190"/>
        <source>not evaluated yet</source>
        <translation>noch nicht ausgewertet</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="194"/>
        <source>FIRING (%n window(s))</source>
        <translation>
            <numerusform>AUSGELÖST (%n Zeitfenster)</numerusform>
            <numerusform>AUSGELÖST (%n Zeitfenster)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="196"/>
        <source>fired in %n window(s), clear now</source>
        <translation>
            <numerusform>in %n Zeitfenster ausgelöst, jetzt ruhig</numerusform>
            <numerusform>in %n Zeitfenstern ausgelöst, jetzt ruhig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="198"/>
        <source>OK in %n window(s)</source>
        <translation>
            <numerusform>In Ordnung in %n Zeitfenster</numerusform>
            <numerusform>In Ordnung in %n Zeitfenstern</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="207"/>
        <source>value %1</source>
        <translation>Wert %1</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/AlertRulesView.cpp" line="210"/>
        <source>Double-click to show this window in every view</source>
        <translation>Doppelklick zeigt dieses Zeitfenster in allen Ansichten</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::AliasDialog</name>
    <message>
        <location filename="../ui/export/AliasDialog.cpp" line="22"/>
        <source>Promote a version</source>
        <translation>Eine Version befördern</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasDialog.cpp" line="23"/>
        <source>Roll back an alias</source>
        <translation>Einen Alias zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasDialog.cpp" line="24"/>
        <source>Clear an alias</source>
        <translation>Einen Alias entfernen</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasDialog.cpp" line="43"/>
        <source>Kept in the alias history (optional)</source>
        <translation>Wird im Alias-Verlauf festgehalten (optional)</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasDialog.cpp" line="51"/>
        <source>&amp;Promote</source>
        <translation>&amp;Befördern</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasDialog.cpp" line="52"/>
        <source>&amp;Roll back</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasDialog.cpp" line="53"/>
        <source>C&amp;lear alias</source>
        <translation>Alias &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasDialog.cpp" line="55"/>
        <source>&amp;Alias:</source>
        <translation>&amp;Alias:</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasDialog.cpp" line="56"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasDialog.cpp" line="82"/>
        <source>Choose an alias, e.g. staging or production.</source>
        <translation>Wählen Sie einen Alias, z. B. staging oder production.</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::AliasHistoryView</name>
    <message>
        <location filename="../ui/export/AliasHistoryView.cpp" line="30"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasHistoryView.cpp" line="30"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasHistoryView.cpp" line="30"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasHistoryView.cpp" line="30"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasHistoryView.cpp" line="30"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasHistoryView.cpp" line="30"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasHistoryView.cpp" line="32"/>
        <source>Alias history:</source>
        <translation>Alias-Verlauf:</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasHistoryView.cpp" line="33"/>
        <source>Alias history of “%1” (newest first):</source>
        <translation>Alias-Verlauf von „%1“ (neueste zuerst):</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasHistoryView.cpp" line="49"/>
        <source>promoted</source>
        <translation>befördert</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasHistoryView.cpp" line="50"/>
        <source>rolled back</source>
        <translation>zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../ui/export/AliasHistoryView.cpp" line="51"/>
        <source>cleared</source>
        <translation>entfernt</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::ArchitecturePanel</name>
    <message>
        <location filename="../ui/architecture/ArchitecturePanel.cpp" line="150"/>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ArchitecturePanel.cpp" line="151"/>
        <source>TorchScript models (*.pt *.pth *.ts);;All files (*)</source>
        <translation>TorchScript-Modelle (*.pt *.pth *.ts);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ArchitecturePanel.cpp" line="161"/>
        <source>Open model &quot;%1&quot; as a new architecture</source>
        <translation>Modell „%1“ als neue Architektur öffnen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ArchitecturePanel.cpp" line="221"/>
        <source>Saved architectures</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ArchitecturePanel.cpp" line="222"/>
        <source>Click an architecture to load it (undoable)</source>
        <translation>Klicken Sie auf eine Architektur, um sie zu laden (kann rückgängig gemacht werden)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ArchitecturePanel.cpp" line="223"/>
        <source>Open Model…</source>
        <translation>Modell öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ArchitecturePanel.cpp" line="224"/>
        <source>View a TorchScript model file (model.pt of an exported bundle) read-only, and edit it as a new architecture</source>
        <translation>Eine TorchScript-Modelldatei (model.pt eines exportierten Bundles) schreibgeschützt ansehen und als neue Architektur bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ArchitecturePanel.cpp" line="226"/>
        <source>Layer table</source>
        <translation>Schichttabelle</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ArchitecturePanel.cpp" line="227"/>
        <source>Graph editor</source>
        <translation>Graph-Editor</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::BundleInspector</name>
    <message>
        <location filename="../ui/export/BundleInspector.cpp" line="63"/>
        <source>Open &amp;folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/export/BundleInspector.cpp" line="64"/>
        <source>Show the bundle in the file manager</source>
        <translation>Das Paket im Dateimanager anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/export/BundleInspector.cpp" line="65"/>
        <source>&amp;Verify again</source>
        <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
        <location filename="../ui/export/BundleInspector.cpp" line="66"/>
        <source>Re-hash every file listed in manifest.json</source>
        <translation>Die Prüfsumme jeder in manifest.json aufgeführten Datei neu berechnen</translation>
    </message>
    <message>
        <location filename="../ui/export/BundleInspector.cpp" line="67"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/export/BundleInspector.cpp" line="67"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/export/BundleInspector.cpp" line="67"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../ui/export/BundleInspector.cpp" line="85"/>
        <source>Verifying bundle %1…</source>
        <translation>Paket %1 wird geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/export/BundleInspector.cpp" line="110"/>
        <source>Select an export in the registry to inspect its bundle.</source>
        <translation>Wählen Sie einen Export in der Registry aus, um sein Paket zu prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/export/BundleInspector.cpp" line="122"/>
        <source>Verifying…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/export/BundleInspector.cpp" line="138"/>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <location filename="../ui/export/BundleInspector.cpp" line="148"/>
        <source>✘ Cannot read the bundle: %1</source>
        <translation>✘ Das Paket kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/export/BundleInspector.cpp" line="151"/>
        <source>✔ Intact: all %n file(s) match their SHA-256.</source>
        <translation>
            <numerusform>✔ Intakt: %n Datei entspricht ihrer SHA-256-Prüfsumme.</numerusform>
            <numerusform>✔ Intakt: Alle %n Dateien entsprechen ihrer SHA-256-Prüfsumme.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/export/BundleInspector.cpp" line="156"/>
        <source>✘ %n problem(s) found:</source>
        <translation>
            <numerusform>✘ %n Problem gefunden:</numerusform>
            <numerusform>✘ %n Probleme gefunden:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::ClassBar</name>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="85"/>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="85"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="85"/>
        <source>Items</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="86"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="87"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="88"/>
        <source>Merge…</source>
        <translation>Zusammenführen…</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="89"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="90"/>
        <source>Key…</source>
        <translation>Taste…</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="91"/>
        <source>Add a class</source>
        <translation>Eine Klasse hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="92"/>
        <source>Move every item of the selected class into another class</source>
        <translation>Alle Elemente der ausgewählten Klasse in eine andere Klasse verschieben</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="93"/>
        <source>Delete the selected class; its items lose their label</source>
        <translation>Die ausgewählte Klasse löschen; ihre Elemente verlieren ihr Label</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="94"/>
        <source>Bind a key to the selected class</source>
        <translation>Der ausgewählten Klasse eine Taste zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="173"/>
        <location filename="../ui/labeling/ClassBar.cpp" line="175"/>
        <source>Add class</source>
        <translation>Klasse hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="173"/>
        <source>Class name:</source>
        <translation>Klassenname:</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="185"/>
        <location filename="../ui/labeling/ClassBar.cpp" line="188"/>
        <source>Rename class</source>
        <translation>Klasse umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="185"/>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="203"/>
        <source>Merge class</source>
        <translation>Klasse zusammenführen</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="204"/>
        <source>Move every item of %1 into:</source>
        <translation>Alle Elemente von %1 verschieben nach:</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="215"/>
        <source>Delete class</source>
        <translation>Klasse löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/labeling/ClassBar.cpp" line="216"/>
        <source>Delete %1? Its %n item(s) lose their label (Undo brings them back).</source>
        <translation>
            <numerusform>Klasse %1 löschen? %n Element verliert dadurch sein Label (Rückgängig stellt es wieder her).</numerusform>
            <numerusform>Klasse %1 löschen? %n Elemente verlieren dadurch ihr Label (Rückgängig stellt sie wieder her).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="228"/>
        <source>Class key</source>
        <translation>Klassentaste</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="229"/>
        <source>Key for %1 (a letter or digit):</source>
        <translation>Taste für %1 (ein Buchstabe oder eine Ziffer):</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="242"/>
        <source>Show only this class</source>
        <translation>Nur diese Klasse anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ClassBar.cpp" line="147"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::ClassCountsTable</name>
    <message>
        <location filename="../ui/data/ClassCountsTable.cpp" line="23"/>
        <source>(unlabeled)</source>
        <translation>(ohne Label)</translation>
    </message>
    <message>
        <location filename="../ui/data/ClassCountsTable.cpp" line="32"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/data/ClassCountsTable.cpp" line="48"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/data/ClassCountsTable.cpp" line="48"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/data/ClassCountsTable.cpp" line="48"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::ConfusionMatrixView</name>
    <message>
        <location filename="../ui/evaluation/ConfusionMatrixView.cpp" line="28"/>
        <source>Predicted class</source>
        <translation>Vorhergesagte Klasse</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/ConfusionMatrixView.cpp" line="29"/>
        <source>True class</source>
        <translation>Wahre Klasse</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/ConfusionMatrixView.cpp" line="95"/>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/ConfusionMatrixView.cpp" line="126"/>
        <source>True %1, predicted %2: %3
%4 % of the true %1 samples
%5 % of the samples predicted as %2</source>
        <translation>Wahr %1, vorhergesagt %2: %3
%4 % der Samples mit wahrer Klasse %1
%5 % der als %2 vorhergesagten Samples</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::CsvColumnsPage</name>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="100"/>
        <source>Reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="167"/>
        <source>Could not read the file: %1</source>
        <translation>Die Datei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="237"/>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="238"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="239"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="252"/>
        <source>%1
(%2)</source>
        <translation>%1
(%2)</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="262"/>
        <source>Choose the column that holds the label.</source>
        <translation>Wählen Sie die Spalte, die das Label enthält.</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="264"/>
        <source>Features must be numbers: rows with text in %1 will be skipped. Choose Ignore or Id for a text column.</source>
        <translation>Merkmale müssen Zahlen sein: Zeilen mit Text in %1 werden übersprungen. Wählen Sie für eine Textspalte „Ignorieren“ oder „ID“.</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="273"/>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="274"/>
        <source>What each column is: features are the numbers a model learns from, the label is what it predicts. Ignored and id columns are not stored.</source>
        <translation>Was jede Spalte ist: Merkmale sind die Zahlen, aus denen ein Modell lernt, das Label ist, was es vorhersagt. Ignorierte und ID-Spalten werden nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="276"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="276"/>
        <source>Detected</source>
        <translation>Erkannt</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="276"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="279"/>
        <source>Reading the first rows of %1…</source>
        <translation>Die ersten Zeilen von %1 werden gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="283"/>
        <source>%1: all %2 rows, %3 columns.</source>
        <translation>%1: alle %2 Zeilen, %3 Spalten.</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="286"/>
        <source>%1: the first %2 rows, %3 columns.</source>
        <translation>%1: die ersten %2 Zeilen, %3 Spalten.</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="295"/>
        <source>Feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="296"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="297"/>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvColumnsPage.cpp" line="298"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::CsvImportWizard</name>
    <message>
        <location filename="../ui/data/CsvImportWizard.cpp" line="61"/>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvImportWizard.cpp" line="62"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::CsvSummaryPage</name>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="108"/>
        <source>Reading %1 with the chosen columns…</source>
        <translation>%1 wird mit den gewählten Spalten gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="112"/>
        <source>Reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="155"/>
        <source>Could not read the file: %1</source>
        <translation>Die Datei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="207"/>
        <source>%1 Imported as %2 classes instead.</source>
        <translation>%1 Wird stattdessen als %2 Klassen importiert.</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="208"/>
        <source>%1 Imported as a regression target instead.</source>
        <translation>%1 Wird stattdessen als Regressions-Zielgröße importiert.</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="221"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="221"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="221"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="233"/>
        <source>(unlabeled)</source>
        <translation>(ohne Label)</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="245"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="246"/>
        <source>What the import will store. Nothing is written until you press Import.</source>
        <translation>Was der Import speichern wird. Nichts wird geschrieben, bevor Sie „Importieren“ drücken.</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="247"/>
        <source>Dataset name:</source>
        <translation>Datensatzname:</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="248"/>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="249"/>
        <source>Auto (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="250"/>
        <source>Classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="251"/>
        <source>Regression</source>
        <translation>Regression</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="252"/>
        <source>What the label column is: classes to predict, or a number to estimate. Auto decides from the values.</source>
        <translation>Was die Label-Spalte enthält: vorherzusagende Klassen oder eine zu schätzende Zahl. „Automatisch“ entscheidet anhand der Werte.</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="254"/>
        <source>Open Version %1</source>
        <translation>Version %1 öffnen</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="259"/>
        <source>Choose the columns first.</source>
        <translation>Wählen Sie zuerst die Spalten.</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="264"/>
        <source>%1 rows, %2 features, label &quot;%3&quot; with %4 distinct values.</source>
        <translation>%1 Zeilen, %2 Merkmale, Label „%3“ mit %4 verschiedenen Werten.</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="267"/>
        <source>Rows without a label: %1 (imported as unlabeled, in no split until labeled).</source>
        <translation>Zeilen ohne Label: %1 (als ungelabelt importiert, in keinem Split, bis sie ein Label haben).</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="269"/>
        <source>Lines skipped: %1.</source>
        <translation>Übersprungene Zeilen: %1.</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="277"/>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="280"/>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <location filename="../ui/data/CsvSummaryPage.cpp" line="283"/>
        <source>Already imported as version %1 of dataset &quot;%2&quot; (#%3, %4). Importing it again into that dataset adds no version.</source>
        <translation>Bereits importiert als Version %1 des Datensatzes „%2“ (#%3, %4). Ein erneuter Import in diesen Datensatz fügt keine Version hinzu.</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::CurveControls</name>
    <message>
        <location filename="../ui/common/CurveControls.cpp" line="70"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/common/CurveControls.cpp" line="71"/>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../ui/common/CurveControls.cpp" line="72"/>
        <source>Time since start</source>
        <translation>Zeit seit dem Start</translation>
    </message>
    <message>
        <location filename="../ui/common/CurveControls.cpp" line="73"/>
        <source>Wall time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <location filename="../ui/common/CurveControls.cpp" line="99"/>
        <source>S&amp;moothing:</source>
        <translation>&amp;Glättung:</translation>
    </message>
    <message>
        <location filename="../ui/common/CurveControls.cpp" line="100"/>
        <source>Exponential moving average as in TensorBoard; the raw curve stays faint behind it</source>
        <translation>Exponentieller gleitender Mittelwert wie in TensorBoard; die Rohkurve bleibt blass dahinter</translation>
    </message>
    <message>
        <location filename="../ui/common/CurveControls.cpp" line="103"/>
        <source>&amp;Log scale</source>
        <translation>&amp;Logarithmisch</translation>
    </message>
    <message>
        <location filename="../ui/common/CurveControls.cpp" line="106"/>
        <source>What the x axis counts</source>
        <translation>Was die x-Achse zählt</translation>
    </message>
    <message>
        <location filename="../ui/common/CurveControls.cpp" line="107"/>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/common/CurveControls.cpp" line="108"/>
        <source>Wheel to zoom, drag to pan; this fits every curve again</source>
        <translation>Mausrad zoomt, Ziehen verschiebt; dies passt alle Kurven wieder ein</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::DataImporter</name>
    <message>
        <location filename="../ui/data/DataImporter.cpp" line="86"/>
        <source>Open or create a project before importing data.</source>
        <translation>Öffnen oder erstellen Sie ein Projekt, bevor Sie Daten importieren.</translation>
    </message>
    <message>
        <location filename="../ui/data/DataImporter.cpp" line="109"/>
        <source>Import of %1 cancelled; nothing was stored.</source>
        <translation>Import von %1 abgebrochen; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/data/DataImporter.cpp" line="121"/>
        <location filename="../ui/data/DataImporter.cpp" line="154"/>
        <source>Importing %1</source>
        <translation>%1 wird importiert</translation>
    </message>
    <message>
        <location filename="../ui/data/DataImporter.cpp" line="124"/>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/data/DataImporter.cpp" line="181"/>
        <source>Importing images from %1</source>
        <translation>Bilder aus %1 werden importiert</translation>
    </message>
    <message>
        <location filename="../ui/data/DataImporter.cpp" line="206"/>
        <source>%1 / %2 images, %3 MB/s</source>
        <translation>%1 / %2 Bilder, %3 MB/s</translation>
    </message>
    <message>
        <location filename="../ui/data/DataImporter.cpp" line="208"/>
        <source>reading headers, %1 / %2 files</source>
        <translation>Dateiköpfe werden gelesen, %1 / %2 Dateien</translation>
    </message>
    <message>
        <location filename="../ui/data/DataImporter.cpp" line="217"/>
        <source>storing %1 images</source>
        <translation>%1 Bilder werden gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/data/DataImporter.cpp" line="245"/>
        <source>Importing IDX from %1</source>
        <translation>IDX aus %1 wird importiert</translation>
    </message>
    <message>
        <location filename="../ui/data/DataImporter.cpp" line="257"/>
        <source>reading %1 file pairs, %2 MB</source>
        <translation>%1 Dateipaare werden gelesen, %2 MB</translation>
    </message>
    <message>
        <location filename="../ui/data/DataImporter.cpp" line="265"/>
        <source>%1 images read at %2 MB/s, storing</source>
        <translation>%1 Bilder mit %2 MB/s gelesen, werden gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/data/DataImporter.cpp" line="283"/>
        <source>creating the split</source>
        <translation>Aufteilung wird erstellt</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::DataPanel</name>
    <message>
        <location filename="../ui/data/DataPanel.cpp" line="142"/>
        <location filename="../ui/data/DataPanel.cpp" line="156"/>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <location filename="../ui/data/DataPanel.cpp" line="149"/>
        <source>Open or create a project before importing data.</source>
        <translation>Öffnen oder erstellen Sie ein Projekt, bevor Sie Daten importieren.</translation>
    </message>
    <message>
        <location filename="../ui/data/DataPanel.cpp" line="170"/>
        <source>Importing images from %1…</source>
        <translation>Bilder aus %1 werden importiert…</translation>
    </message>
    <message>
        <location filename="../ui/data/DataPanel.cpp" line="176"/>
        <source>Importing IDX from %1…</source>
        <translation>IDX aus %1 wird importiert…</translation>
    </message>
    <message>
        <location filename="../ui/data/DataPanel.cpp" line="203"/>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <location filename="../ui/data/DataPanel.cpp" line="204"/>
        <source>Tables (*.csv *.tsv *.tab);;All files (*)</source>
        <translation>Tabellen (*.csv *.tsv *.tab);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/data/DataPanel.cpp" line="242"/>
        <source>Select a dataset version before creating a split.</source>
        <translation>Wählen Sie eine Datensatzversion aus, bevor Sie eine Aufteilung erstellen.</translation>
    </message>
    <message>
        <location filename="../ui/data/DataPanel.cpp" line="246"/>
        <source>Train and validation fractions add up to more than 1.</source>
        <translation>Trainings- und Validierungsanteil ergeben zusammen mehr als 1.</translation>
    </message>
    <message>
        <location filename="../ui/data/DataPanel.cpp" line="252"/>
        <source>Creating split</source>
        <translation>Aufteilung wird erstellt</translation>
    </message>
    <message>
        <location filename="../ui/data/DataPanel.cpp" line="260"/>
        <source>Created split #%1: %2 train, %3 validation, %4 test rows.</source>
        <translation>Aufteilung #%1 erstellt: %2 Trainings-, %3 Validierungs- und %4 Testzeilen.</translation>
    </message>
    <message>
        <location filename="../ui/data/DataPanel.cpp" line="319"/>
        <source>Splits</source>
        <translation>Aufteilungen</translation>
    </message>
    <message>
        <location filename="../ui/data/DataPanel.cpp" line="320"/>
        <source>Splits of the selected version</source>
        <translation>Aufteilungen der ausgewählten Version</translation>
    </message>
    <message>
        <location filename="../ui/data/DataPanel.cpp" line="318"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/data/DataPanel.cpp" line="321"/>
        <source>Class counts</source>
        <translation>Klassenhäufigkeiten</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::DatasetActions</name>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="102"/>
        <source>&amp;Delete Version…</source>
        <translation>Version &amp;löschen…</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="102"/>
        <source>&amp;Delete Dataset…</source>
        <translation>Datensatz &amp;löschen…</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="116"/>
        <source>Rename Dataset</source>
        <translation>Datensatz umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="117"/>
        <source>New name of “%1”:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="135"/>
        <source>A dataset needs a name.</source>
        <translation>Ein Datensatz braucht einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="137"/>
        <source>A dataset named “%1” exists already.</source>
        <translation>Es gibt schon einen Datensatz namens „%1“.</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="145"/>
        <source>Renaming dataset</source>
        <translation>Datensatz wird umbenannt</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="160"/>
        <source>Renamed the dataset to “%1”.</source>
        <translation>Datensatz in „%1“ umbenannt.</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="162"/>
        <source>Could not rename the dataset: %1</source>
        <translation>Der Datensatz konnte nicht umbenannt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="173"/>
        <source>version %1 of “%2”</source>
        <translation>Version %1 von „%2“</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="174"/>
        <source>dataset “%1”</source>
        <translation>Datensatz „%1“</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="176"/>
        <source>Checking what uses %1</source>
        <translation>Prüfe, was %1 verwendet</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="193"/>
        <source>%1 cannot be deleted.</source>
        <translation>%1 kann nicht gelöscht werden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/data/DatasetActions.cpp" line="195"/>
        <source>%n run(s) were trained on it.</source>
        <translation>
            <numerusform>%n Lauf wurde damit trainiert.</numerusform>
            <numerusform>%n Läufe wurden damit trainiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/data/DatasetActions.cpp" line="197"/>
        <source>%n registered model version(s) come from those runs.</source>
        <translation>
            <numerusform>%n registrierte Modellversion stammt aus diesen Läufen.</numerusform>
            <numerusform>%n registrierte Modellversionen stammen aus diesen Läufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/data/DatasetActions.cpp" line="199"/>
        <source>%n sweep(s) used it.</source>
        <translation>
            <numerusform>Von %n Sweep verwendet.</numerusform>
            <numerusform>Von %n Sweeps verwendet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="200"/>
        <source>Runs keep the data they were trained on, for their lineage and reruns. Delete those runs in Experiments first; a registered run stays while the registry holds it.</source>
        <translation>Läufe behalten die Daten, mit denen sie trainiert wurden, für ihre Herkunft und Wiederholungen. Löschen Sie diese Läufe zuerst unter Experimente; ein registrierter Lauf bleibt, solange die Registry ihn hält.</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="205"/>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/data/DatasetActions.cpp" line="207"/>
        <source>Its %n version(s) go with it.</source>
        <translation>
            <numerusform>Seine %n Version wird mitgelöscht.</numerusform>
            <numerusform>Seine %n Versionen werden mitgelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/data/DatasetActions.cpp" line="209"/>
        <source>%n split(s) go with it.</source>
        <translation>
            <numerusform>%n Aufteilung wird mitgelöscht.</numerusform>
            <numerusform>%n Aufteilungen werden mitgelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/data/DatasetActions.cpp" line="211"/>
        <source>%n label edit(s) go with it.</source>
        <translation>
            <numerusform>%n Label-Änderung wird mitgelöscht.</numerusform>
            <numerusform>%n Label-Änderungen werden mitgelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/data/DatasetActions.cpp" line="213"/>
        <source>%n version(s) made from it stay, without the link to it.</source>
        <translation>
            <numerusform>%n daraus erstellte Version bleibt, ohne Verweis darauf.</numerusform>
            <numerusform>%n daraus erstellte Versionen bleiben, ohne Verweis darauf.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="214"/>
        <source>No run used it. This cannot be undone.</source>
        <translation>Kein Lauf hat damit trainiert. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="224"/>
        <source>Delete Version</source>
        <translation>Version löschen</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="224"/>
        <source>Delete Dataset</source>
        <translation>Datensatz löschen</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="234"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="250"/>
        <source>Deleting %1</source>
        <translation>Lösche %1</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="271"/>
        <source>Deleted %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="273"/>
        <source>Could not delete: %1</source>
        <translation>Löschen nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="278"/>
        <source>&amp;Rename Dataset…</source>
        <translation>Datensatz &amp;umbenennen…</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="279"/>
        <source>Rename the selected dataset (undo with Edit &gt; Undo)</source>
        <translation>Den gewählten Datensatz umbenennen (rückgängig mit Bearbeiten &gt; Rückgängig)</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="280"/>
        <source>Copy Version &amp;Id</source>
        <translation>Versions-&amp;ID kopieren</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetActions.cpp" line="281"/>
        <source>Copy Content &amp;Hash</source>
        <translation>Inhalts-&amp;Hash kopieren</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::DatasetTree</name>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="32"/>
        <source>classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="34"/>
        <source>regression</source>
        <translation>Regression</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="36"/>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="46"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="47"/>
        <source>A regression target has no classes.</source>
        <translation>Eine Regressions-Zielgröße hat keine Klassen.</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="55"/>
        <source>%1 (+%2 unlabeled)</source>
        <translation>%1 (+%2 ohne Label)</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="60"/>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="65"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="69"/>
        <source>unlabeled: %1</source>
        <translation>ohne Label: %1</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="114"/>
        <source>versions: %1</source>
        <translation>Versionen: %1</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="122"/>
        <source>v%1 (#%2)</source>
        <translation>v%1 (#%2)</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="128"/>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="210"/>
        <source>Dataset / version</source>
        <translation>Datensatz / Version</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="210"/>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="210"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="210"/>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="210"/>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="211"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../ui/data/DatasetTree.cpp" line="211"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::DistributionPlot</name>
    <message>
        <location filename="../ui/monitoring/DistributionPlot.cpp" line="39"/>
        <source>reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DistributionPlot.cpp" line="40"/>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DistributionPlot.cpp" line="41"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::DriftTable</name>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="80"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="80"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="80"/>
        <source>Statistic</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="80"/>
        <source>p-value / distance</source>
        <translation>p-Wert / Abstand</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="81"/>
        <source>PSI</source>
        <translation>PSI</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="81"/>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="81"/>
        <source>Over time</source>
        <translation>Zeitverlauf</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="82"/>
        <source>The p-value for KS and chi-squared (drift when below 0.05), the distance for Wasserstein and Jensen-Shannon</source>
        <translation>Der p-Wert bei KS und Chi-Quadrat (Drift unter 0,05), der Abstand bei Wasserstein und Jensen-Shannon</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="84"/>
        <source>Population stability index: below 0.1 stable, 0.1 to 0.2 moderate shift, above 0.2 significant shift</source>
        <translation>Population Stability Index: unter 0,1 stabil, 0,1 bis 0,2 mäßige Verschiebung, über 0,2 deutliche Verschiebung</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="86"/>
        <source>The test&apos;s statistic in each drift window of the log</source>
        <translation>Die Teststatistik in jedem Drift-Zeitfenster des Protokolls</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="125"/>
        <source>prediction (output)</source>
        <translation>Vorhersage (Ausgabe)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="134"/>
        <source>not tested</source>
        <translation>nicht getestet</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="135"/>
        <source>drifted</source>
        <translation>gedriftet</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="136"/>
        <source>PSI alarm</source>
        <translation>PSI-Alarm</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="137"/>
        <source>watch</source>
        <translation>beobachten</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTable.cpp" line="138"/>
        <source>stable</source>
        <translation>stabil</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::DriftTimeCharts</name>
    <message>
        <location filename="../ui/monitoring/DriftTimeCharts.cpp" line="78"/>
        <source>Drift share</source>
        <translation>Driftanteil</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTimeCharts.cpp" line="79"/>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTimeCharts.cpp" line="80"/>
        <source>drifting columns</source>
        <translation>driftende Spalten</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTimeCharts.cpp" line="81"/>
        <source>estimated accuracy (95 % band)</source>
        <translation>geschätzte Genauigkeit (95-%-Band)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTimeCharts.cpp" line="82"/>
        <source>realized accuracy</source>
        <translation>tatsächliche Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTimeCharts.cpp" line="83"/>
        <source>Choose a reference to see drift</source>
        <translation>Wählen Sie eine Referenz, um Drift zu sehen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTimeCharts.cpp" line="86"/>
        <source>No estimate: the reference carries no confidence calibration</source>
        <translation>Keine Schätzung: Die Referenz enthält keine Konfidenzkalibrierung</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/DriftTimeCharts.cpp" line="87"/>
        <source>Drag to select a time range, wheel to zoom, double-click for the whole log</source>
        <translation>Ziehen wählt einen Zeitraum, Mausrad zoomt, Doppelklick zeigt das ganze Protokoll</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::EvaluationPanel</name>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="139"/>
        <source>test</source>
        <translation>Testdaten</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="140"/>
        <source>validation</source>
        <translation>Validierungsdaten</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="141"/>
        <source>training</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="146"/>
        <source>&amp;Split:</source>
        <translation>&amp;Daten:</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="149"/>
        <source>&amp;Evaluate</source>
        <translation>&amp;Auswerten</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="150"/>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="151"/>
        <source>Macro F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="152"/>
        <source>Weighted F1</source>
        <translation>Gewichteter F1</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="153"/>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="154"/>
        <source>E&amp;valuation:</source>
        <translation>Aus&amp;wertung:</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="155"/>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="156"/>
        <source>Rows: true class · columns: predicted class</source>
        <translation>Zeilen: wahr · Spalten: vorhergesagt</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="157"/>
        <source>&amp;Normalize by true class</source>
        <translation>Zeilenweise &amp;normieren</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="158"/>
        <source>Show each row as percentages of its true class</source>
        <translation>Jede Zeile in Prozent ihrer wahren Klasse anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="159"/>
        <source>Per class</source>
        <translation>Pro Klasse</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="166"/>
        <source>#%1 %2 split, %3</source>
        <translation>#%1 %2, %3</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="244"/>
        <source>&lt;b&gt;Run #%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Lauf #%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="245"/>
        <source>&lt;b&gt;Run #%1&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Lauf #%1&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="247"/>
        <source>&lt;b&gt;No run selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kein Lauf ausgewählt&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="251"/>
        <source>The run is still training</source>
        <translation>Der Lauf trainiert noch</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="252"/>
        <source>Evaluate the current run&apos;s model on the chosen split</source>
        <translation>Das Modell des aktuellen Laufs auf den gewählten Daten auswerten</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="258"/>
        <source>Evaluating…</source>
        <translation>Wird ausgewertet…</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="260"/>
        <source>Evaluating run #%1… This run can be evaluated when it has finished.</source>
        <translation>Lauf #%1 wird ausgewertet… Dieser Lauf kann danach ausgewertet werden.</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="266"/>
        <source>Open a project to see evaluations.</source>
        <translation>Öffnen Sie ein Projekt, um Auswertungen zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="268"/>
        <source>Select a run in Experiments to see its evaluation.</source>
        <translation>Wählen Sie unter „Experimente“ einen Lauf aus, um seine Auswertung zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="270"/>
        <source>This run is still training; evaluate it when it has finished.</source>
        <translation>Dieser Lauf trainiert noch; werten Sie ihn aus, wenn er beendet ist.</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="271"/>
        <source>This run has no evaluation yet. Choose a split and press Evaluate.</source>
        <translation>Für diesen Lauf gibt es noch keine Auswertung. Wählen Sie die Daten und klicken Sie auf „Auswerten“.</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="219"/>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="285"/>
        <source>On the %1 split</source>
        <translation>Auf den %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="305"/>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="308"/>
        <source>Most confused: true “%1” predicted as “%2” (%3 samples)</source>
        <translation>Häufigste Verwechslung: „%1“ als „%2“ vorhergesagt (%3×)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="311"/>
        <source>%n classes: too many to draw as a matrix; the table lists every class.</source>
        <translation>
            <numerusform>%n Klasse: zu viele für eine Matrix; die Tabelle listet jede Klasse.</numerusform>
            <numerusform>%n Klassen: zu viele für eine Matrix; die Tabelle listet jede Klasse.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="333"/>
        <source>Select a run in Experiments first.</source>
        <translation>Wählen Sie zuerst unter „Experimente“ einen Lauf aus.</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="334"/>
        <source>Open a project first.</source>
        <translation>Öffnen Sie zuerst ein Projekt.</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/EvaluationPanel.cpp" line="348"/>
        <source>Evaluating run %1 on the %2 split…</source>
        <translation>Lauf %1 wird auf den %2 ausgewertet…</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::ExperimentsPanel</name>
    <message>
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="184"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="185"/>
        <source>Reload the runs from the project</source>
        <translation>Die Läufe neu aus dem Projekt laden</translation>
    </message>
    <message>
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="187"/>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="188"/>
        <source>Show &amp;archived</source>
        <translation>&amp;Archivierte zeigen</translation>
    </message>
    <message>
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="194"/>
        <source>regular expression over name, status, tags, note and key=value parameters</source>
        <translation>regulärer Ausdruck über Name, Status, Tags, Notiz und Parameter als Schlüssel=Wert</translation>
    </message>
    <message>
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="203"/>
        <source>No project open.</source>
        <translation>Kein Projekt geöffnet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="209"/>
        <source>%n run(s), %1 running</source>
        <translation>
            <numerusform>%n Lauf, davon %1 aktiv</numerusform>
            <numerusform>%n Läufe, davon %1 aktiv</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="210"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="212"/>
        <source>(%n shown)</source>
        <translation>
            <numerusform>(%n angezeigt)</numerusform>
            <numerusform>(%n angezeigt)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="224"/>
        <source>Not a valid regular expression</source>
        <translation>Kein gültiger regulärer Ausdruck</translation>
    </message>
    <message>
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="269"/>
        <source>Loading runs</source>
        <translation>Läufe werden geladen</translation>
    </message>
    <message>
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="328"/>
        <source>Checking for new runs</source>
        <translation>Suche nach neuen Läufen</translation>
    </message>
    <message>
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="189"/>
        <source>At &amp;step:</source>
        <translation>Bei &amp;Schritt:</translation>
    </message>
    <message>
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="190"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../ui/experiments/ExperimentsPanel.cpp" line="191"/>
        <source>Adds each metric&apos;s value at this step (its last point at or before it), to compare runs at the same training budget</source>
        <translation>Fügt den Wert jeder Metrik bei diesem Schritt hinzu (ihr letzter Punkt bei oder vor ihm), um Läufe beim gleichen Trainingsbudget zu vergleichen</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::ExportPanel</name>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="152"/>
        <source>Export the current run</source>
        <translation>Aktuellen Lauf exportieren</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="153"/>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="154"/>
        <source>&amp;Model name:</source>
        <translation>&amp;Modellname:</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="155"/>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;; each export becomes the next version of this name in the registry</source>
        <translation>Buchstaben, Ziffern, „.“, „_“ und „-“; jeder Export wird zur nächsten Version dieses Namens in der Registry</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="157"/>
        <source>&amp;Destination:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="158"/>
        <source>Project exports folder (default)</source>
        <translation>Exportordner des Projekts (Standard)</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="159"/>
        <source>&amp;Choose folder…</source>
        <translation>Ordner &amp;wählen…</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="160"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="161"/>
        <source>Write model.pt, labels.json, preprocessing.json, model_card.md and manifest.json</source>
        <translation>model.pt, labels.json, preprocessing.json, model_card.md und manifest.json schreiben</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="163"/>
        <source>Model registry</source>
        <translation>Modell-Registry</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="165"/>
        <source>Bundle</source>
        <translation>Paket</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="176"/>
        <source>none — select a run in Experiments</source>
        <translation>keiner – wählen Sie unter „Experimente“ einen Lauf aus</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="181"/>
        <source>#%1 %2 (%3)</source>
        <translation>#%1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="188"/>
        <source>no project open</source>
        <translation>kein Projekt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="214"/>
        <source>Choose a folder for the bundle</source>
        <translation>Ordner für das Paket wählen</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="232"/>
        <source>Select a run in Experiments first.</source>
        <translation>Wählen Sie zuerst unter „Experimente“ einen Lauf aus.</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="232"/>
        <source>Open a project first.</source>
        <translation>Öffnen Sie zuerst ein Projekt.</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="304"/>
        <source>Exporting run #%1 as “%2”…</source>
        <translation>Lauf #%1 wird als „%2“ exportiert…</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="307"/>
        <source>Exporting run %1…</source>
        <translation>Lauf %1 wird exportiert…</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="316"/>
        <source>Exported version %1 of “%2” to %3</source>
        <translation>Version %1 von „%2“ nach %3 exportiert</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="249"/>
        <source>Export this run?</source>
        <translation>Diesen Lauf exportieren?</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="254"/>
        <source>Export Anyway</source>
        <translation>Trotzdem exportieren</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="272"/>
        <source>Run #%1 was cancelled: its model is the one from the epoch it stopped at, not a finished training.</source>
        <translation>Lauf #%1 wurde abgebrochen: Sein Modell stammt aus der Epoche, in der er anhielt, nicht aus einem abgeschlossenen Training.</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="276"/>
        <source>Run #%1 was interrupted: its model is its last checkpoint, not a finished training.</source>
        <translation>Lauf #%1 wurde unterbrochen: Sein Modell ist der letzte Checkpoint, nicht ein abgeschlossenes Training.</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="280"/>
        <source>Run #%1 failed: its model may be incomplete.</source>
        <translation>Lauf #%1 ist fehlgeschlagen: Sein Modell ist möglicherweise unvollständig.</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="287"/>
        <source>Run #%1 was never evaluated: nobody has measured it on held-out rows, and its model card will have no test metrics.</source>
        <translation>Lauf #%1 wurde nie evaluiert: Niemand hat ihn auf zurückgehaltenen Zeilen gemessen, und seine Modellkarte wird keine Testmetriken enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/export/ExportPanel.cpp" line="291"/>
        <source>Export it anyway?</source>
        <translation>Trotzdem exportieren?</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::GraphDocument</name>
    <message>
        <location filename="../ui/architecture/graph/GraphDocument.cpp" line="96"/>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/architecture/graph/GraphDocument.cpp" line="121"/>
        <source>Move %n node(s)</source>
        <translation>
            <numerusform>%n Knoten verschieben</numerusform>
            <numerusform>%n Knoten verschieben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphDocument.cpp" line="143"/>
        <source>There is no node &quot;%1&quot;.</source>
        <translation>Es gibt keinen Knoten „%1“.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphDocument.cpp" line="145"/>
        <source>This graph is read-only.</source>
        <translation>Dieser Graph ist schreibgeschützt.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphDocument.cpp" line="153"/>
        <source>Change %1 of %2</source>
        <translation>%1 von %2 ändern</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphDocument.cpp" line="177"/>
        <location filename="../ui/architecture/graph/GraphDocument.cpp" line="230"/>
        <source>Connect %1 to %2</source>
        <translation>%1 mit %2 verbinden</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphDocument.cpp" line="187"/>
        <location filename="../ui/architecture/graph/GraphDocument.cpp" line="229"/>
        <source>Disconnect input %1 of %2</source>
        <translation>Eingang %1 von %2 trennen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/architecture/graph/GraphDocument.cpp" line="249"/>
        <source>Paste %n node(s)</source>
        <translation>
            <numerusform>%n Knoten einfügen</numerusform>
            <numerusform>%n Knoten einfügen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphNodeFields.cpp" line="35"/>
        <source>&quot;%1&quot; is not a value for %2.</source>
        <translation>„%1“ ist kein gültiger Wert für %2.</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::GraphEditor</name>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="233"/>
        <source>The clipboard holds no graph nodes: %1</source>
        <translation>Die Zwischenablage enthält keine Graph-Knoten: %1</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="245"/>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="310"/>
        <source>Auto-layout</source>
        <translation>Automatisch anordnen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="255"/>
        <source>Template %1</source>
        <translation>Vorlage %1</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="270"/>
        <source>one output (regression)</source>
        <translation>eine Ausgabe (Regression)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="271"/>
        <source>%1 classes</source>
        <translation>%1 Klassen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="272"/>
        <source>Parameters: %1
FLOPs per sample: %2
Activation memory per sample: %3
Input %4, %5</source>
        <translation>Parameter: %1
FLOPs pro Sample: %2
Aktivierungsspeicher pro Sample: %3
Eingabe %4, %5</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="281"/>
        <source>%1, input %2: %3</source>
        <translation>%1, Eingang %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="285"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="291"/>
        <source>No problems: every shape fits.</source>
        <translation>Keine Probleme: Alle Formen passen zusammen.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="307"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="308"/>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="309"/>
        <source>Replace the graph with a template (undoable)</source>
        <translation>Den Graphen durch eine Vorlage ersetzen (kann rückgängig gemacht werden)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="311"/>
        <source>Arrange the nodes in layers by depth</source>
        <translation>Die Knoten nach ihrer Tiefe in Ebenen anordnen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="312"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="313"/>
        <source>Show the whole graph (F)</source>
        <translation>Den ganzen Graphen anzeigen (F)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="314"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="315"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="316"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="317"/>
        <source>Delete the selected nodes and edges (Delete)</source>
        <translation>Die ausgewählten Knoten und Kanten löschen (Entf)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="318"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="319"/>
        <source>Show the nodes as a table under the canvas (same graph, same undo)</source>
        <translation>Die Knoten als Tabelle unter der Zeichenfläche zeigen (derselbe Graph, dasselbe Rückgängig)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="320"/>
        <source>PyTorch code</source>
        <translation>PyTorch-Code</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="321"/>
        <source>Show the graph as a PyTorch nn.Module (read-only)</source>
        <translation>Den Graphen als PyTorch-nn.Module anzeigen (schreibgeschützt)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="322"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="323"/>
        <source>Save the graph to the project</source>
        <translation>Den Graphen im Projekt speichern</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphEditor.cpp" line="324"/>
        <source>Drag a layer onto the canvas, or double-click to add it</source>
        <translation>Eine Schicht auf die Zeichenfläche ziehen oder per Doppelklick hinzufügen</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::GraphInspector</name>
    <message>
        <location filename="../ui/architecture/graph/GraphInspector.cpp" line="82"/>
        <source>Select a node to edit its fields.</source>
        <translation>Wählen Sie einen Knoten aus, um seine Felder zu bearbeiten.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphInspector.cpp" line="103"/>
        <source>Linear to the class count</source>
        <translation>Linear-Schicht auf die Klassenanzahl</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphInspector.cpp" line="128"/>
        <source>The input takes the dataset&apos;s shape.</source>
        <translation>Die Eingabe übernimmt die Form des Datensatzes.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphInspector.cpp" line="164"/>
        <source>Output: %1
Parameters: %2
FLOPs per sample: %3
Activation memory per sample: %4</source>
        <translation>Ausgabe: %1
Parameter: %2
FLOPs pro Sample: %3
Aktivierungsspeicher pro Sample: %4</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphInspector.cpp" line="165"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphInspector.cpp" line="169"/>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::GraphProjectLink</name>
    <message>
        <location filename="../ui/architecture/graph/GraphProjectLink.cpp" line="75"/>
        <source>Open or create a project before saving an architecture.</source>
        <translation>Öffnen oder erstellen Sie ein Projekt, bevor Sie eine Architektur speichern.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphProjectLink.cpp" line="81"/>
        <source>Give the architecture a name before saving it.</source>
        <translation>Geben Sie der Architektur vor dem Speichern einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphProjectLink.cpp" line="85"/>
        <source>Fix the problems listed below before saving.</source>
        <translation>Beheben Sie vor dem Speichern die unten aufgeführten Probleme.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphProjectLink.cpp" line="98"/>
        <source>Saved architecture &quot;%1&quot; as #%2.</source>
        <translation>Architektur „%1“ als #%2 gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphProjectLink.cpp" line="119"/>
        <source>Load architecture &quot;%1&quot;</source>
        <translation>Architektur „%1“ laden</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphProjectLink.cpp" line="135"/>
        <source>Saved as #%1; training uses this architecture.</source>
        <translation>Als #%1 gespeichert; das Training nutzt sie.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphProjectLink.cpp" line="137"/>
        <source>Unsaved changes: training uses saved architecture #%1 until you save.</source>
        <translation>Ungespeicherte Änderungen: Training nutzt bis zum Speichern #%1.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphProjectLink.cpp" line="139"/>
        <source>Not saved yet: save it to train with it.</source>
        <translation>Nicht gespeichert: vor dem Training speichern.</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::GraphTableModel</name>
    <message>
        <location filename="../ui/architecture/graph/GraphTableModel.cpp" line="237"/>
        <source>%1 = %2 (double-click to change it)</source>
        <translation>%1 = %2 (Doppelklick zum Ändern)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphTableModel.cpp" line="253"/>
        <source>The node&apos;s key fields; double-click to change the first (units, channels, kernel, p, ...). The inspector has all of them.</source>
        <translation>Die wichtigsten Felder des Knotens; ein Doppelklick ändert das erste (units, Kanäle, kernel, p, …). Der Inspektor zeigt alle.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphTableModel.cpp" line="258"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphTableModel.cpp" line="259"/>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphTableModel.cpp" line="260"/>
        <source>Inputs</source>
        <translation>Eingänge</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphTableModel.cpp" line="261"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphTableModel.cpp" line="262"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphTableModel.cpp" line="263"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphTableModel.cpp" line="264"/>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <location filename="../ui/architecture/graph/GraphTableModel.cpp" line="265"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::ImageImportDialog</name>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="149"/>
        <source>Choose a folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="150"/>
        <source>Choose an IDX file</source>
        <translation>IDX-Datei wählen</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="151"/>
        <source>IDX files (*-ubyte *-ubyte.gz);;All files (*)</source>
        <translation>IDX-Dateien (*-ubyte *-ubyte.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="167"/>
        <source>Import images</source>
        <translation>Bilder importieren</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="167"/>
        <source>Import IDX</source>
        <translation>IDX importieren</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="169"/>
        <source>A folder with one subfolder per class (the subfolder names become the labels), or a flat folder of unlabeled images. PNG, JPEG and BMP; files that cannot be read are skipped and listed.</source>
        <translation>Ein Ordner mit einem Unterordner pro Klasse (die Namen der Unterordner werden zu den Labels) oder ein flacher Ordner mit Bildern ohne Label. PNG, JPEG und BMP; Dateien, die nicht gelesen werden können, werden übersprungen und aufgelistet.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="172"/>
        <source>MNIST-style IDX pairs: &lt;prefix&gt;-images-idx3-ubyte and &lt;prefix&gt;-labels-idx1-ubyte, optionally .gz. A folder imports every pair in it, and its t10k pair stays the test part of the split made at import; one file imports its pair only.</source>
        <translation>IDX-Paare im MNIST-Format: &lt;prefix&gt;-images-idx3-ubyte und &lt;prefix&gt;-labels-idx1-ubyte, optional als .gz. Bei einem Ordner wird jedes darin enthaltene Paar importiert, und sein t10k-Paar bleibt der Testteil der beim Import erstellten Aufteilung; bei einer Datei wird nur ihr Paar importiert.</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="177"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="177"/>
        <source>File or folder:</source>
        <translation>Datei oder Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="177"/>
        <source>Dataset name:</source>
        <translation>Datensatzname:</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="178"/>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="178"/>
        <source>Resize:</source>
        <translation>Skalierung:</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="178"/>
        <source>Channels:</source>
        <translation>Kanäle:</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="183"/>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="184"/>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="185"/>
        <source>from the folder name</source>
        <translation>aus dem Ordnernamen</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="186"/>
        <source>Most common size</source>
        <translation>Häufigste Größe</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="187"/>
        <source>Width × height:</source>
        <translation>Breite × Höhe:</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="188"/>
        <source>Stretch (aspect ratio not kept)</source>
        <translation>Strecken (Seitenverhältnis geht verloren)</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="189"/>
        <source>Fit (letterbox with black)</source>
        <translation>Einpassen (schwarze Ränder)</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="190"/>
        <source>Crop (cover, cut the centre)</source>
        <translation>Zuschneiden (füllend, Mitte ausschneiden)</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="191"/>
        <source>Auto (1 if every image is grayscale, else 3)</source>
        <translation>Automatisch (1, wenn alle Bilder Graustufen sind, sonst 3)</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="192"/>
        <source>1 (grayscale)</source>
        <translation>1 (Graustufen)</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="193"/>
        <source>3 (color)</source>
        <translation>3 (Farbe)</translation>
    </message>
    <message>
        <location filename="../ui/data/ImageImportDialog.cpp" line="194"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::ImportBar</name>
    <message>
        <location filename="../ui/data/ImportBar.cpp" line="64"/>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportBar.cpp" line="63"/>
        <source>Open or create a project first (File &gt; New Project or Open Project).</source>
        <translation>Öffnen oder erstellen Sie zuerst ein Projekt (Datei &gt; Neues Projekt oder Projekt öffnen).</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportBar.cpp" line="65"/>
        <source>Import a CSV or TSV file: preview its rows, choose what each column is, then import</source>
        <translation>Eine CSV- oder TSV-Datei importieren: Zeilen ansehen, die Rolle jeder Spalte wählen, dann importieren</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportBar.cpp" line="68"/>
        <source>Import images…</source>
        <translation>Bilder importieren…</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportBar.cpp" line="69"/>
        <source>Import a folder of PNG, JPEG or BMP images, one subfolder per class or flat (unlabeled)</source>
        <translation>Einen Ordner mit PNG-, JPEG- oder BMP-Bildern importieren, mit einem Unterordner pro Klasse oder flach (ohne Labels)</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportBar.cpp" line="72"/>
        <source>Import IDX…</source>
        <translation>IDX importieren…</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportBar.cpp" line="73"/>
        <source>Import MNIST-style IDX files (train and t10k pairs)</source>
        <translation>IDX-Dateien im MNIST-Format importieren (train- und t10k-Paare)</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportBar.cpp" line="75"/>
        <source>Dataset name:</source>
        <translation>Datensatzname:</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportBar.cpp" line="76"/>
        <source>from the file name</source>
        <translation>aus dem Dateinamen</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::LabelingDocument</name>
    <message numerus="yes">
        <location filename="../ui/labeling/LabelingDocument.cpp" line="118"/>
        <source>Remove label from %n item(s)</source>
        <translation>
            <numerusform>Label von %n Element entfernen</numerusform>
            <numerusform>Label von %n Elementen entfernen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/labeling/LabelingDocument.cpp" line="119"/>
        <source>Label %n item(s) %1</source>
        <translation>
            <numerusform>Label %1 an %n Element vergeben</numerusform>
            <numerusform>Label %1 an %n Elemente vergeben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/labeling/LabelingDocument.cpp" line="130"/>
        <source>Mark %n item(s) verified</source>
        <translation>
            <numerusform>%n Element als geprüft markieren</numerusform>
            <numerusform>%n Elemente als geprüft markieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/labeling/LabelingDocument.cpp" line="131"/>
        <source>Unmark %n item(s) verified</source>
        <translation>
            <numerusform>Markierung „geprüft“ von %n Element entfernen</numerusform>
            <numerusform>Markierung „geprüft“ von %n Elementen entfernen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/labeling/LabelingDocument.cpp" line="141"/>
        <source>Accept %n pre-label(s)</source>
        <translation>
            <numerusform>%n Vorab-Label übernehmen</numerusform>
            <numerusform>%n Vorab-Labels übernehmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/labeling/LabelingDocument.cpp" line="167"/>
        <source>Pre-label %n item(s) with the model</source>
        <translation>
            <numerusform>%n Element vom Modell vorab labeln lassen</numerusform>
            <numerusform>%n Elemente vom Modell vorab labeln lassen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingDocument.cpp" line="185"/>
        <source>A class name is at most %1 bytes long; this one has %2.</source>
        <translation>Ein Klassenname ist höchstens %1 Bytes lang; dieser hat %2.</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingDocument.cpp" line="190"/>
        <source>A class name cannot hold control characters such as a tab or a line break.</source>
        <translation>Ein Klassenname darf keine Steuerzeichen wie einen Tabulator oder Zeilenumbruch enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingDocument.cpp" line="220"/>
        <source>Merge class %1 into %2</source>
        <translation>Klasse %1 in %2 zusammenführen</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingDocument.cpp" line="234"/>
        <source>Delete class %1</source>
        <translation>Klasse %1 löschen</translation>
    </message>
    <message>
        <location filename="../ui/labeling/SetRowsCommand.cpp" line="37"/>
        <source>Rename class %1 to %2</source>
        <translation>Klasse %1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::LabelingPanel</name>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="161"/>
        <source>Committing labels</source>
        <translation>Labels werden festgeschrieben</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="169"/>
        <source>Nothing to commit: the labels are those of version #%1.</source>
        <translation>Nichts festzuschreiben: Die Labels sind dieselben wie in Version #%1.</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="173"/>
        <source>Committed the labels as version #%1.</source>
        <translation>Labels als Version #%1 festgeschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="190"/>
        <source>Commit labels</source>
        <translation>Labels festschreiben</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="190"/>
        <source>What changed (kept with the new version):</source>
        <translation>Was hat sich geändert (wird mit der neuen Version gespeichert):</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="204"/>
        <source>Export labels as CSV…</source>
        <translation>Labels als CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="206"/>
        <source>Export as image folders…</source>
        <translation>Als Bildordner exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="208"/>
        <source>Import labels from CSV…</source>
        <translation>Labels aus CSV importieren…</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="216"/>
        <source>Export labels</source>
        <translation>Labels exportieren</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="218"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="220"/>
        <source>Exporting labels</source>
        <translation>Labels werden exportiert</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="220"/>
        <source>Wrote %1 labels to %2.</source>
        <translation>%1 Labels nach %2 geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="230"/>
        <source>Export into a new or empty folder</source>
        <translation>In einen neuen oder leeren Ordner exportieren</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="233"/>
        <source>Exporting images</source>
        <translation>Bilder werden exportiert</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="233"/>
        <source>Wrote %1 images to %2.</source>
        <translation>%1 Bilder nach %2 geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="264"/>
        <source>Import labels</source>
        <translation>Labels importieren</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="266"/>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSV (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingActions.cpp" line="278"/>
        <source>Importing labels</source>
        <translation>Labels werden importiert</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/labeling/LabelingActions.cpp" line="288"/>
        <source>Applied %n label change(s).</source>
        <translation>
            <numerusform>%n Label-Änderung übernommen.</numerusform>
            <numerusform>%n Label-Änderungen übernommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/labeling/LabelingActions.cpp" line="290"/>
        <source>%n sample(s) are not in this version and were left out (first: %1).</source>
        <translation>
            <numerusform>%n Sample ist nicht in dieser Version enthalten und wurde ausgelassen (%1).</numerusform>
            <numerusform>%n Samples sind nicht in dieser Version enthalten und wurden ausgelassen (erstes: %1).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="164"/>
        <source>A label could not be saved: %1</source>
        <translation>Ein Label konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="201"/>
        <source>Which items the grid lists</source>
        <translation>Welche Elemente das Raster anzeigt</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="202"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="203"/>
        <source>Apply the filter again: items labeled since stay listed until then, so the grid never jumps under the cursor</source>
        <translation>Den Filter erneut anwenden: Elemente, die seitdem ein Label erhalten haben, bleiben bis dahin in der Liste, damit das Raster nie unter dem Mauszeiger springt</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="205"/>
        <source>Thumbnail size</source>
        <translation>Größe der Vorschaubilder</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="206"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="207"/>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="208"/>
        <source>Undo the last labeling action (Ctrl+Z)</source>
        <translation>Die letzte Label-Änderung rückgängig machen (Strg+Z)</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="209"/>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Wiederherstellen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="210"/>
        <source>Commit labels…</source>
        <translation>Labels festschreiben…</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="211"/>
        <source>Make a new dataset version from the current labels</source>
        <translation>Aus den aktuellen Labels eine neue Datensatzversion erstellen</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="212"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="213"/>
        <source>Keys: the class key labels and shows the next item · Right/Space skip · Left/Backspace back · V verified · Delete removes the label · Enter accepts a pre-label · Ctrl/Shift+click selects several · double-click a class to label with it</source>
        <translation>Tasten: Die Klassentaste vergibt das Label und zeigt das nächste Element · Rechts/Leertaste überspringt · Links/Rücktaste zurück · V geprüft · Entf entfernt das Label · Enter übernimmt ein Vorab-Label · Strg/Umschalt+Klick wählt mehrere aus · Doppelklick auf eine Klasse vergibt sie als Label</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="254"/>
        <source>Loading version #%1…</source>
        <translation>Version #%1 wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="256"/>
        <source>Loading labels</source>
        <translation>Labels werden geladen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/labeling/LabelingPanel.cpp" line="268"/>
        <source>%1 · version #%2 · %Ln item(s)</source>
        <translation>
            <numerusform>%1 · Version #%2 · %Ln Element</numerusform>
            <numerusform>%1 · Version #%2 · %Ln Elemente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="275"/>
        <source>The project is read-only here: labels can be viewed, not changed.</source>
        <translation>Das Projekt ist hier schreibgeschützt: Labels können angesehen, aber nicht geändert werden.</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="329"/>
        <source>All items</source>
        <translation>Alle Elemente</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="330"/>
        <source>Unlabeled</source>
        <translation>Ohne Label</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="331"/>
        <source>Labeled</source>
        <translation>Mit Label</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="332"/>
        <source>Labeled, not verified</source>
        <translation>Mit Label, nicht geprüft</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="333"/>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="334"/>
        <source>Model pre-labels</source>
        <translation>Vorab-Labels des Modells</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="335"/>
        <source>Model disagrees with the label</source>
        <translation>Modell widerspricht dem Label</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="338"/>
        <source>Class: %1</source>
        <translation>Klasse: %1</translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="354"/>
        <source>Choose a dataset version in the Data panel to label it.</source>
        <translation>Wählen Sie im Datenbereich eine Datensatzversion aus, um sie zu annotieren.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/labeling/LabelingPanel.cpp" line="364"/>
        <source>This session: %n item(s), %1 per minute, %2 s per item</source>
        <translation>
            <numerusform>Diese Sitzung: %n Element, %1 pro Minute, %2 s pro Element</numerusform>
            <numerusform>Diese Sitzung: %n Elemente, %1 pro Minute, %2 s pro Element</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/labeling/LabelingPanel.cpp" line="357"/>
        <source>Labeled %1 of %2 (%3) · verified %4</source>
        <translation>Mit Label: %1 von %2 (%3) · geprüft: %4</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::LayerStackTab</name>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="143"/>
        <source>Load architecture &quot;%1&quot;</source>
        <translation>Architektur „%1“ laden</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="152"/>
        <source>Open or create a project before saving an architecture.</source>
        <translation>Öffnen oder erstellen Sie ein Projekt, bevor Sie eine Architektur speichern.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="157"/>
        <source>Give the architecture a name before saving it.</source>
        <translation>Geben Sie der Architektur vor dem Speichern einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="171"/>
        <source>Saved architecture &quot;%1&quot; as #%2.</source>
        <translation>Architektur „%1“ als #%2 gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="244"/>
        <source>Saved as #%1; training uses this architecture.</source>
        <translation>Als #%1 gespeichert; das Training nutzt sie.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="246"/>
        <source>Unsaved changes: training uses saved architecture #%1 until you save.</source>
        <translation>Ungespeicherte Änderungen: Training nutzt bis zum Speichern #%1.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="249"/>
        <source>Not saved yet: save it to train with it.</source>
        <translation>Nicht gespeichert: vor dem Training speichern.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="288"/>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="289"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="290"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="291"/>
        <source>Add a Linear layer after the selected one</source>
        <translation>Eine Linear-Schicht nach der ausgewählten einfügen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="292"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="293"/>
        <source>Remove the selected layer</source>
        <translation>Die ausgewählte Schicht entfernen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="294"/>
        <source>Up</source>
        <translation>Auf</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="295"/>
        <source>Move the selected layer up</source>
        <translation>Die ausgewählte Schicht nach oben verschieben</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="296"/>
        <source>Down</source>
        <translation>Ab</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="297"/>
        <source>Move the selected layer down</source>
        <translation>Die ausgewählte Schicht nach unten verschieben</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="298"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="299"/>
        <source>Save the architecture to the project</source>
        <translation>Die Architektur im Projekt speichern</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerStackTab.cpp" line="300"/>
        <source>Shapes (head appended)</source>
        <translation>Formen (inkl. Ausgabeschicht)</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::LayerTableModel</name>
    <message>
        <location filename="../ui/architecture/LayerTableModel.cpp" line="40"/>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerTableModel.cpp" line="41"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerTableModel.cpp" line="42"/>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerTableModel.cpp" line="43"/>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerTableModel.cpp" line="44"/>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerTableModel.cpp" line="45"/>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerTableModel.cpp" line="74"/>
        <source>Only Linear layers have units</source>
        <translation>Nur Linear-Schichten haben Einheiten</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerTableModel.cpp" line="76"/>
        <source>Only Dropout layers have a drop probability</source>
        <translation>Nur Dropout-Schichten haben eine Dropout-Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerTableModel.cpp" line="95"/>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerTableModel.cpp" line="96"/>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <location filename="../ui/architecture/LayerTableModel.cpp" line="97"/>
        <source>Dropout p</source>
        <translation>Dropout p</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::LivePlot</name>
    <message>
        <location filename="../ui/training/LivePlot.cpp" line="127"/>
        <source>, val RMSE %1</source>
        <translation>, Val.-RMSE %1</translation>
    </message>
    <message>
        <location filename="../ui/training/LivePlot.cpp" line="129"/>
        <source>, val accuracy %1 %</source>
        <translation>, Val.-Genauigkeit %1 %</translation>
    </message>
    <message>
        <location filename="../ui/training/LivePlot.cpp" line="61"/>
        <source>train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location filename="../ui/training/LivePlot.cpp" line="62"/>
        <source>val loss (per epoch)</source>
        <translation>Val.-Verlust (Epoche)</translation>
    </message>
    <message>
        <location filename="../ui/training/LivePlot.cpp" line="63"/>
        <source>val accuracy</source>
        <translation>Val.-Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/training/LivePlot.cpp" line="63"/>
        <source>val RMSE</source>
        <translation>Val.-RMSE</translation>
    </message>
    <message>
        <location filename="../ui/training/LivePlot.cpp" line="83"/>
        <location filename="../ui/training/LivePlot.cpp" line="155"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../ui/training/LivePlot.cpp" line="83"/>
        <location filename="../ui/training/LivePlot.cpp" line="155"/>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/training/LivePlot.cpp" line="83"/>
        <location filename="../ui/training/LivePlot.cpp" line="155"/>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::LocalServer</name>
    <message>
        <location filename="../ui/export/LocalServer.cpp" line="64"/>
        <source>Run flightdeck-serve on this bundle on 127.0.0.1 and follow its prediction log in the Monitoring panel.</source>
        <translation>flightdeck-serve mit diesem Paket auf 127.0.0.1 starten und sein Vorhersageprotokoll im Monitoring-Bereich verfolgen.</translation>
    </message>
    <message>
        <location filename="../ui/export/LocalServer.cpp" line="82"/>
        <source>flightdeck-serve was not found beside the workbench or on PATH.</source>
        <translation>flightdeck-serve wurde weder neben der Workbench noch im PATH gefunden.</translation>
    </message>
    <message>
        <location filename="../ui/export/LocalServer.cpp" line="143"/>
        <source>Stop serving</source>
        <translation>Bereitstellung beenden</translation>
    </message>
    <message>
        <location filename="../ui/export/LocalServer.cpp" line="143"/>
        <source>Serve locally</source>
        <translation>Lokal bereitstellen</translation>
    </message>
    <message>
        <location filename="../ui/export/LocalServer.cpp" line="146"/>
        <source>Serving on %1 (POST /predict); log: %2</source>
        <translation>Bereitgestellt auf %1 (POST /predict); Protokoll: %2</translation>
    </message>
    <message>
        <location filename="../ui/export/LocalServer.cpp" line="148"/>
        <source>Starting…</source>
        <translation>Startet …</translation>
    </message>
    <message>
        <location filename="../ui/export/LocalServer.cpp" line="150"/>
        <source>Not serving: %1</source>
        <translation>Nicht bereitgestellt: %1</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::LoopActions</name>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="104"/>
        <source>Send to labeling</source>
        <translation>Zur Beschriftung senden</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="105"/>
        <source>The records of the selected time range (or the whole log) become a new dataset version, derived from the deployed model&apos;s training data, most uncertain first; labels come from the ground-truth file if one is chosen.</source>
        <translation>Die Datensätze des gewählten Zeitraums (oder des ganzen Protokolls) werden eine neue Datensatzversion, abgeleitet von den Trainingsdaten des eingesetzten Modells, die unsichersten zuerst; Labels kommen aus der Ground-Truth-Datei, falls eine gewählt ist.</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="108"/>
        <source>Retrain</source>
        <translation>Neu trainieren</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="109"/>
        <source>Train the deployed run&apos;s recipe on its data plus the labeled rows of the version sent to labeling, and compare old and new models.</source>
        <translation>Das Rezept des eingesetzten Laufs auf seinen Daten plus den beschrifteten Zeilen der zur Beschriftung gesendeten Version trainieren und altes und neues Modell vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="111"/>
        <source>Promote</source>
        <translation>Befördern</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="112"/>
        <source>Export the retrained model and move the &quot;production&quot; alias to it.</source>
        <translation>Das neu trainierte Modell exportieren und den Alias „production“ darauf setzen.</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="156"/>
        <source>Sending records to labeling</source>
        <translation>Datensätze werden zur Beschriftung gesendet</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="170"/>
        <source>Version %1: %2 records (%3 labeled) from the log, for labeling.</source>
        <translation>Version %1: %2 Datensätze (%3 beschriftet) aus dem Protokoll, zur Beschriftung.</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="178"/>
        <source>Send to labeling failed: %1</source>
        <translation>Senden zur Beschriftung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="190"/>
        <source>Retraining</source>
        <translation>Neues Training</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="213"/>
        <source>Retraining was cancelled.</source>
        <translation>Das neue Training wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="218"/>
        <source>Run %1 (+%2 labeled rows): fresh rows %3 → %4 (%5 rows), old test rows %6 → %7 (%8 rows).</source>
        <translation>Lauf %1 (+%2 beschriftete Zeilen): neue Zeilen %3 → %4 (%5 Zeilen), alte Testzeilen %6 → %7 (%8 Zeilen).</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="229"/>
        <source>Retraining failed: %1</source>
        <translation>Neues Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="245"/>
        <source>Promoting the retrained model</source>
        <translation>Neu trainiertes Modell wird befördert</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="253"/>
        <source>%1 v%2 is now &quot;production&quot;.</source>
        <translation>%1 v%2 ist jetzt „production“.</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/LoopActions.cpp" line="260"/>
        <source>Promote failed: %1</source>
        <translation>Befördern fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::MainActions</name>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="177"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="134"/>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="138"/>
        <source>Clear Recent Projects</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="145"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="146"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="147"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="148"/>
        <source>&amp;Data</source>
        <translation>Da&amp;ten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="149"/>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="150"/>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="151"/>
        <source>M&amp;onitor</source>
        <translation>Ü&amp;berwachung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="152"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="153"/>
        <source>&amp;Settings</source>
        <translation>E&amp;instellungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="154"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="156"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="157"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="158"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="159"/>
        <source>Undo the last edit in the panel you work in (architecture, labeling, data)</source>
        <translation>Die letzte Änderung im Bereich rückgängig machen, in dem Sie arbeiten (Architektur, Annotation, Daten)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="160"/>
        <source>Redo the last undone edit</source>
        <translation>Die zuletzt rückgängig gemachte Änderung wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="161"/>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="163"/>
        <source>Create &amp;Split</source>
        <translation>&amp;Aufteilung erstellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="164"/>
        <source>Split the selected dataset version with the Data panel&apos;s seed and fractions</source>
        <translation>Die ausgewählte Datensatzversion mit Seed und Anteilen aus dem Datenbereich aufteilen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="165"/>
        <source>&amp;Save Architecture</source>
        <translation>Architektur &amp;speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="166"/>
        <source>&amp;Open Model…</source>
        <translation>Modell ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="167"/>
        <source>View a TorchScript model file read-only, and edit it as a new architecture</source>
        <translation>Eine TorchScript-Modelldatei schreibgeschützt ansehen und als neue Architektur bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="168"/>
        <source>&amp;Start Training</source>
        <translation>Training &amp;starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="169"/>
        <source>S&amp;top Training</source>
        <translation>Training s&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="170"/>
        <source>&amp;Evaluate Run</source>
        <translation>Lauf &amp;auswerten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="171"/>
        <source>E&amp;xport Run</source>
        <translation>Lauf e&amp;xportieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="172"/>
        <source>Open &amp;Log…</source>
        <translation>&amp;Protokoll öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="173"/>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Layout zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="174"/>
        <source>Show every panel again, docked where it was on first launch</source>
        <translation>Alle Bereiche wieder anzeigen, angedockt wie beim ersten Start</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="175"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="178"/>
        <source>&amp;About Flightdeck</source>
        <translation>Ü&amp;ber Flightdeck</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="121"/>
        <source>Import a CSV or TSV file through the import wizard</source>
        <translation>Eine CSV- oder TSV-Datei mit dem Import-Assistenten importieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="122"/>
        <source>Open or create a project first</source>
        <translation>Öffnen oder erstellen Sie zuerst ein Projekt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainActions.cpp" line="176"/>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="104"/>
        <source>Could not create the project</source>
        <translation>Das Projekt konnte nicht erstellt werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="104"/>
        <source>Could not open the project</source>
        <translation>Das Projekt konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="105"/>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="114"/>
        <source>The project was found damaged</source>
        <translation>Das Projekt ist beschädigt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="115"/>
        <source>%1

It is open read-only: nothing will be written to it until the command flightdeck-cli fsck finds the database whole again (for example after restoring project.db from a backup).

%2</source>
        <translation>%1

Es ist schreibgeschützt geöffnet: Nichts wird hineingeschrieben, bis der Befehl flightdeck-cli fsck die Datenbank wieder als intakt befindet (zum Beispiel nachdem project.db aus einer Sicherung wiederhergestellt wurde).

%2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="120"/>
        <source>Opened project %1 read-only: it can be read, not changed</source>
        <translation>Projekt %1 schreibgeschützt geöffnet: Es kann gelesen, aber nicht geändert werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="123"/>
        <source>Opened project %1</source>
        <translation>Projekt %1 geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="136"/>
        <source>Checking the project database</source>
        <translation>Projektdatenbank wird geprüft</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="164"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="179"/>
        <source>About Flightdeck</source>
        <translation>Über Flightdeck</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="180"/>
        <source>&lt;b&gt;Flightdeck %1&lt;/b&gt;&lt;br&gt;A desktop workbench for the whole machine-learning lifecycle.&lt;br&gt;Build %2&lt;br&gt;%3</source>
        <translation>&lt;b&gt;Flightdeck %1&lt;/b&gt;&lt;br&gt;Eine Desktop-Arbeitsumgebung für den gesamten Lebenszyklus des maschinellen Lernens.&lt;br&gt;Build %2&lt;br&gt;%3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="194"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="345"/>
        <source>Flightdeck</source>
        <translation>Flightdeck</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="321"/>
        <source>Run #%1 finished: %2</source>
        <translation>Lauf #%1 beendet: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="324"/>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="328"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="343"/>
        <source>%1 — Flightdeck</source>
        <translation>%1 — Flightdeck</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="356"/>
        <source>Data and Labeling</source>
        <translation>Daten und Annotation</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="357"/>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="358"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="359"/>
        <source>Experiments</source>
        <translation>Experimente</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="360"/>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="361"/>
        <source>Export and Registry</source>
        <translation>Export und Registry</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="362"/>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="363"/>
        <source>Labeling</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="369"/>
        <source>%1 · reference BLAS (slow)</source>
        <translation>%1 · Referenz-BLAS (langsam)</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::MetricOverlayGroup</name>
    <message>
        <location filename="../ui/experiments/MetricOverlayGroup.cpp" line="64"/>
        <source>Metric of the selected runs (the first %1 of %2)</source>
        <translation>Metrik der ausgewählten Läufe (die ersten %1 von %2)</translation>
    </message>
    <message>
        <location filename="../ui/experiments/MetricOverlayGroup.cpp" line="65"/>
        <source>Metric of the selected runs</source>
        <translation>Metrik der ausgewählten Läufe</translation>
    </message>
    <message>
        <location filename="../ui/experiments/MetricOverlayGroup.cpp" line="66"/>
        <source>&amp;Metric:</source>
        <translation>&amp;Metrik:</translation>
    </message>
    <message>
        <location filename="../ui/experiments/MetricOverlayGroup.cpp" line="102"/>
        <source>Reading metric names</source>
        <translation>Metriknamen werden gelesen</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::MetricOverlayPlot</name>
    <message>
        <location filename="../ui/experiments/MetricOverlayPlot.cpp" line="65"/>
        <source>Select one or more runs to plot their metrics</source>
        <translation>Wählen Sie einen oder mehrere Läufe aus, um ihre Metriken darzustellen</translation>
    </message>
    <message>
        <location filename="../ui/experiments/MetricOverlayPlot.cpp" line="67"/>
        <source>The selected runs have no “%1” points</source>
        <translation>Die ausgewählten Läufe haben keine Werte für „%1“</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::MetricSeriesStore</name>
    <message>
        <location filename="../ui/common/MetricSeriesStore.cpp" line="102"/>
        <location filename="../ui/common/MetricSeriesStore.cpp" line="128"/>
        <source>Loading curves</source>
        <translation>Kurven werden geladen</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::ModelAssist</name>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="70"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="71"/>
        <source>Predict</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="72"/>
        <source>Run the model on every item (off the GUI thread)</source>
        <translation>Das Modell auf jedes Element anwenden (außerhalb des GUI-Threads)</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="73"/>
        <source>Order:</source>
        <translation>Reihenfolge:</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="74"/>
        <source>confidence ≥ </source>
        <translation>Konfidenz ≥ </translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="75"/>
        <source>Pre-label</source>
        <translation>Vorab labeln</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="76"/>
        <source>Give unlabeled items the model&apos;s class where it is this sure; they stay pre-labels until you accept them (Enter)</source>
        <translation>Elementen ohne Label die Klasse des Modells geben, wo es sich mindestens so sicher ist; sie bleiben Vorab-Labels, bis Sie sie übernehmen (Enter)</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="80"/>
        <source>Dataset order</source>
        <translation>Reihenfolge im Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="81"/>
        <source>Least confident first</source>
        <translation>Geringste Konfidenz zuerst</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="82"/>
        <source>Smallest margin first</source>
        <translation>Kleinster Abstand zuerst</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="83"/>
        <source>Highest entropy first</source>
        <translation>Höchste Entropie zuerst</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="91"/>
        <source>Train a model on this dataset to order the queue by its uncertainty and pre-label with it.</source>
        <translation>Trainieren Sie ein Modell mit diesem Datensatz, um die Warteschlange nach seiner Unsicherheit zu ordnen und damit vorab zu labeln.</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="113"/>
        <source>Finding models</source>
        <translation>Modelle werden gesucht</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="121"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="137"/>
        <source>Predicting…</source>
        <translation>Wird vorhergesagt…</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="139"/>
        <source>Predicting with run #%1</source>
        <translation>Vorhersage mit Lauf #%1</translation>
    </message>
    <message>
        <location filename="../ui/labeling/ModelAssist.cpp" line="179"/>
        <source>The model agrees with %1 of the %2 labels; %3 unlabeled items, %4 of them at the confidence threshold or above.</source>
        <translation>Das Modell stimmt mit %1 der %2 Labels überein; %3 Elemente ohne Label, davon %4 mit einer Konfidenz ab dem Schwellenwert.</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::ModelViewer</name>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="172"/>
        <source>parameter %1</source>
        <translation>Parameter %1</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="172"/>
        <source>buffer %1</source>
        <translation>Puffer %1</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="215"/>
        <source>Model viewer</source>
        <translation>Modellansicht</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="215"/>
        <source>%1 — Model viewer</source>
        <translation>%1 — Modellansicht</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="216"/>
        <source>Edit as new architecture</source>
        <translation>Als neue Architektur bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="217"/>
        <source>Open this graph in the graph editor as a new, unsaved architecture (undoable there)</source>
        <translation>Diesen Graphen im Graph-Editor als neue, ungespeicherte Architektur öffnen (dort rückgängig zu machen)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="219"/>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="220"/>
        <source>Modules and operations</source>
        <translation>Module und Operationen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="221"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="221"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="221"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="227"/>
        <source>No model open</source>
        <translation>Kein Modell geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="233"/>
        <source>This file cannot be opened as a model: %1</source>
        <translation>Diese Datei lässt sich nicht als Modell öffnen: %1</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="237"/>
        <source>%1 — %2, %3 parameters, %4 FLOPs per sample</source>
        <translation>%1 — %2, %3 Parameter, %4 FLOPs pro Sample</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="241"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="244"/>
        <source>Built by Flightdeck.</source>
        <translation>Von Flightdeck gebaut.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="245"/>
        <source>Exported by Flightdeck as %1.</source>
        <translation>Von Flightdeck als %1 exportiert.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="246"/>
        <source>one output (regression)</source>
        <translation>eine Ausgabe (Regression)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="247"/>
        <source>%1 classes</source>
        <translation>%1 Klassen</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="248"/>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="248"/>
        <source>cross-entropy</source>
        <translation>Kreuzentropie</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="249"/>
        <source>%1 Read-only: input %2, %3. The file does not store the loss, so %4 is assumed. &quot;Edit as new architecture&quot; opens it in the graph editor.</source>
        <translation>%1 Schreibgeschützt: Eingabe %2, %3. Die Datei speichert die Verlustfunktion nicht, daher wird %4 angenommen. „Als neue Architektur bearbeiten“ öffnet sie im Graph-Editor.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="254"/>
        <source>Built by Flightdeck, but its layers could not be read back (%1), so it cannot be edited. Its modules and operations are listed read-only.</source>
        <translation>Von Flightdeck gebaut, aber seine Schichten ließen sich nicht zurücklesen (%1), daher ist es nicht bearbeitbar. Seine Module und Operationen werden schreibgeschützt aufgelistet.</translation>
    </message>
    <message>
        <location filename="../ui/architecture/viewer/ModelViewer.cpp" line="259"/>
        <source>This TorchScript module (%1) was not built by Flightdeck, so it cannot be edited as an architecture. Its modules and operations are listed read-only.</source>
        <translation>Dieses TorchScript-Modul (%1) wurde nicht von Flightdeck gebaut und lässt sich daher nicht als Architektur bearbeiten. Seine Module und Operationen werden schreibgeschützt aufgelistet.</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::MonitoringCharts</name>
    <message>
        <location filename="../ui/monitoring/MonitoringCharts.cpp" line="98"/>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringCharts.cpp" line="99"/>
        <source>Requests / s</source>
        <translation>Anfragen / s</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringCharts.cpp" line="100"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringCharts.cpp" line="101"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringCharts.cpp" line="102"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringCharts.cpp" line="103"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringCharts.cpp" line="104"/>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringCharts.cpp" line="105"/>
        <source>errors/s</source>
        <translation>Fehler/s</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringCharts.cpp" line="106"/>
        <source>Drag to select a time range, wheel to zoom, double-click for the whole log</source>
        <translation>Ziehen wählt einen Zeitraum, Mausrad zoomt, Doppelklick zeigt das ganze Protokoll</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::MonitoringPanel</name>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="50"/>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="51"/>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="52"/>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="53"/>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="54"/>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="59"/>
        <source>&amp;Open log…</source>
        <translation>Protokoll ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="60"/>
        <source>Open a JSONL prediction log written by flightdeck-serve</source>
        <translation>Ein von flightdeck-serve geschriebenes JSONL-Vorhersageprotokoll öffnen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="61"/>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="62"/>
        <source>&amp;Follow</source>
        <translation>&amp;Mitverfolgen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="63"/>
        <source>Keep reading while the log grows, across rotation</source>
        <translation>Weiterlesen, während das Protokoll wächst, auch über Rotationen hinweg</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="64"/>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitfenster:</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="65"/>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="102"/>
        <source>&amp;Ground truth…</source>
        <translation>&amp;Wahre Labels…</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="66"/>
        <source>A file of request_id and label: realized accuracy next to the estimate</source>
        <translation>Eine Datei mit request_id und label: tatsächliche Genauigkeit neben der Schätzung</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="67"/>
        <source>W&amp;hole log</source>
        <translation>&amp;Ganzes Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="68"/>
        <source>Show the whole log again (drag over a time plot to select a range)</source>
        <translation>Wieder das ganze Protokoll zeigen (Ziehen über einem Zeitdiagramm wählt einen Zeitraum)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="69"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="70"/>
        <source>Skipped lines</source>
        <translation>Übersprungene Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="71"/>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="72"/>
        <source>Mean latency</source>
        <translation>Mittlere Latenz</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="73"/>
        <source>Drifting columns</source>
        <translation>Driftende Spalten</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="76"/>
        <source>&amp;Drift</source>
        <translation>&amp;Drift</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="77"/>
        <source>O&amp;perations</source>
        <translation>&amp;Betrieb</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="78"/>
        <source>&amp;Alerts</source>
        <translation>&amp;Alarme</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="129"/>
        <source>Open a JSONL prediction log: one JSON object per line with timestamp, latency_ms, prediction and optionally status, confidence and features.</source>
        <translation>Öffnen Sie ein JSONL-Vorhersageprotokoll: ein JSON-Objekt pro Zeile mit timestamp, latency_ms, prediction und optional status, confidence und features.</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="173"/>
        <source>dataset drift</source>
        <translation>Datensatz-Drift</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="173"/>
        <source>no dataset drift</source>
        <translation>kein Datensatz-Drift</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="177"/>
        <source>no reference</source>
        <translation>keine Referenz</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="298"/>
        <source>Choose a reference</source>
        <translation>Referenz wählen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="299"/>
        <source>%1: reference vs current</source>
        <translation>%1: Referenz und aktuell</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="300"/>
        <source>Selected column</source>
        <translation>Gewählte Spalte</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="301"/>
        <source>Predictions: reference vs current</source>
        <translation>Vorhersageanteile</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="310"/>
        <source>Showing the whole log</source>
        <translation>Zeigt das ganze Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="312"/>
        <source>Showing %1 – %2 UTC</source>
        <translation>Zeitraum %1 – %2 UTC</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="314"/>
        <source> (%n record(s))</source>
        <translation>
            <numerusform> (%n Eintrag)</numerusform>
            <numerusform> (%n Einträge)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="331"/>
        <source>%n alert(s) firing: %1</source>
        <translation>
            <numerusform>%n Alarm ausgelöst: %1</numerusform>
            <numerusform>%n Alarme ausgelöst: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="74"/>
        <source>Predicted classes</source>
        <translation>Vorhergesagte Klassen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="75"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="75"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="75"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanel.cpp" line="184"/>
        <source>Choose ground truth (request_id, label)</source>
        <translation>Wahre Labels wählen (request_id, label)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanel.cpp" line="224"/>
        <source>Open a prediction log</source>
        <translation>Vorhersageprotokoll öffnen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanel.cpp" line="228"/>
        <source>Prediction logs (*.jsonl *.ndjson *.log *.json)</source>
        <translation>Vorhersageprotokolle (*.jsonl *.ndjson *.log *.json)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanel.cpp" line="228"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="122"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="99"/>
        <source>No log open</source>
        <translation>Kein Protokoll geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="103"/>
        <source>&amp;Ground truth: %1</source>
        <translation>&amp;Wahre Labels: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="124"/>
        <source>Reading the log…</source>
        <translation>Protokoll wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="132"/>
        <source>No valid records in this log.</source>
        <translation>Keine gültigen Einträge in diesem Protokoll.</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="134"/>
        <source>The reference could not be read: %1</source>
        <translation>Die Referenz konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="138"/>
        <source>The log&apos;s features do not match the reference, so drift is not measured: %1</source>
        <translation>Die Merkmale des Protokolls passen nicht zur Referenz, daher wird kein Drift gemessen: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="143"/>
        <source>The selected time range holds no records.</source>
        <translation>Der gewählte Zeitraum enthält keine Einträge.</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="148"/>
        <source>Not tested: %1</source>
        <translation>Nicht getestet: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="157"/>
        <source>%1 non-empty lines</source>
        <translation>Nicht leere Zeilen: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="161"/>
        <source>%n failed request(s)</source>
        <translation>
            <numerusform>%n fehlgeschlagene Anfrage</numerusform>
            <numerusform>%n fehlgeschlagene Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="163"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="164"/>
        <source>Maximum: %1 ms</source>
        <translation>Maximum: %1 ms</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="184"/>
        <source>Auto (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="184"/>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="193"/>
        <source>Skipped lines (%1)</source>
        <translation>Übersprungene Zeilen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="197"/>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="202"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="206"/>
        <source>Every line was read.</source>
        <translation>Alle Zeilen wurden gelesen.</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="214"/>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="214"/>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="298"/>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/MonitoringPanelRender.cpp" line="240"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::NewProjectDialog</name>
    <message>
        <location filename="../ui/mainwindow/NewProjectDialog.cpp" line="8"/>
        <source>New Project: choose a folder or type a new name</source>
        <translation>Neues Projekt: Ordner wählen oder neuen Namen eingeben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/NewProjectDialog.cpp" line="15"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/NewProjectDialog.cpp" line="16"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::PerClassTable</name>
    <message>
        <location filename="../ui/evaluation/PerClassTable.cpp" line="32"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/PerClassTable.cpp" line="32"/>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/PerClassTable.cpp" line="32"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/PerClassTable.cpp" line="32"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/PerClassTable.cpp" line="32"/>
        <source>Support</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/PerClassTable.cpp" line="43"/>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/PerClassTable.cpp" line="56"/>
        <source>Macro average</source>
        <translation>Makro-Mittel</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::PreferencesDialog</name>
    <message>
        <location filename="../ui/mainwindow/PreferencesDialog.cpp" line="79"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/PreferencesDialog.cpp" line="80"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/PreferencesDialog.cpp" line="82"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/PreferencesDialog.cpp" line="83"/>
        <source>Training threads:</source>
        <translation>Trainings-Threads:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/PreferencesDialog.cpp" line="84"/>
        <source>All cores</source>
        <translation>Alle Kerne</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/PreferencesDialog.cpp" line="85"/>
        <source>libtorch intra-op threads used for new runs</source>
        <translation>libtorch-Intra-op-Threads für neue Läufe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/PreferencesDialog.cpp" line="86"/>
        <source>The language changes at once. The thread count is the default for new runs in the Training panel.</source>
        <translation>Die Sprache wechselt sofort. Die Thread-Anzahl ist der Standard für neue Läufe im Trainingsbereich.</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::QuitGuard</name>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="66"/>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="67"/>
        <source>A training run is in progress. Stop it and quit?</source>
        <translation>Ein Trainingslauf ist aktiv. Training stoppen und Flightdeck beenden?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="68"/>
        <source>A training run is in progress. Stop it and close the project?</source>
        <translation>Ein Trainingslauf ist aktiv. Training stoppen und das Projekt schließen?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="71"/>
        <source>The run stops after the current batch and is recorded as cancelled, with its metrics and its model so far.</source>
        <translation>Der Lauf stoppt nach dem aktuellen Stapel und wird als abgebrochen erfasst, mit seinen bisherigen Metriken und seinem bisherigen Modell.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="73"/>
        <source>Stop Training and Quit</source>
        <translation>Training stoppen und beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="74"/>
        <source>Stop Training and Close</source>
        <translation>Training stoppen und schließen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="76"/>
        <source>Keep Training</source>
        <translation>Weiter trainieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="85"/>
        <source>Work is running in the background</source>
        <translation>Im Hintergrund läuft noch Arbeit</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="86"/>
        <source>“%1” is still running. Cancel it and quit?</source>
        <translation>„%1“ läuft noch. Abbrechen und beenden?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="87"/>
        <source>“%1” is still running. Cancel it and close the project?</source>
        <translation>„%1“ läuft noch. Abbrechen und das Projekt schließen?</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="92"/>
        <source>%n more task(s) too.</source>
        <translation>
            <numerusform>Dazu %n weitere Aufgabe.</numerusform>
            <numerusform>Dazu %n weitere Aufgaben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="94"/>
        <source>What is already saved in the project stays; the unfinished work is discarded.</source>
        <translation>Was im Projekt schon gespeichert ist, bleibt; die unfertige Arbeit wird verworfen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="95"/>
        <source>Cancel and Quit</source>
        <translation>Abbrechen und beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="95"/>
        <source>Cancel and Close</source>
        <translation>Abbrechen und schließen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="97"/>
        <source>Keep Working</source>
        <translation>Weiterarbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="108"/>
        <source>Unsaved architecture</source>
        <translation>Ungespeicherte Architektur</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="109"/>
        <source>The architecture has unsaved changes.</source>
        <translation>Die Architektur enthält ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="110"/>
        <source>The architecture “%1” has unsaved changes.</source>
        <translation>Die Architektur „%1“ enthält ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="113"/>
        <source>Save them to the project before quitting?</source>
        <translation>Die Änderungen vor dem Beenden im Projekt speichern?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/QuitGuard.cpp" line="114"/>
        <source>Save them to the project before closing it?</source>
        <translation>Die Änderungen vor dem Schließen im Projekt speichern?</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::RecipeForm</name>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="219"/>
        <source>Validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="221"/>
        <source>Validation RMSE</source>
        <translation>Validierungs-RMSE</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="222"/>
        <source>Validation MAE</source>
        <translation>Validierungs-MAE</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="223"/>
        <source>Validation R²</source>
        <translation>Validierungs-R²</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="225"/>
        <source>Validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="311"/>
        <source>Weight decay: %1</source>
        <translation>Weight Decay: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="314"/>
        <source>Minimum learning rate: %1</source>
        <translation>Minimale Lernrate: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="317"/>
        <source>Nesterov: needs a momentum above 0 (with momentum 0 it is plain SGD).</source>
        <translation>Nesterov: braucht ein Momentum über 0 (mit Momentum 0 ist es einfaches SGD).</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="320"/>
        <source>Minimum learning rate: %1 is above the learning rate %2.</source>
        <translation>Minimale Lernrate: %1 liegt über der Lernrate %2.</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="324"/>
        <source>Task: an image version is trained as classification (images carry classes).</source>
        <translation>Aufgabe: Eine Bildversion wird als Klassifikation trainiert (Bilder tragen Klassen).</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="327"/>
        <source>Loss: cross-entropy needs classes; use MSE, L1 or Huber for a regression target.</source>
        <translation>Verlust: Kreuzentropie braucht Klassen; für ein Regressionsziel MSE, L1 oder Huber verwenden.</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="329"/>
        <source>Loss: MSE, L1 and Huber are for regression; use cross-entropy for classes.</source>
        <translation>Verlust: MSE, L1 und Huber sind für Regression; für Klassen Kreuzentropie verwenden.</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="340"/>
        <source>Optimizer:</source>
        <translation>Optimierer:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="340"/>
        <source>Momentum:</source>
        <translation>Momentum:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="340"/>
        <source>Weight decay:</source>
        <translation>Weight Decay:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="340"/>
        <source>Schedule:</source>
        <translation>LR-Verlauf:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="341"/>
        <source>Warm-up steps:</source>
        <translation>Aufwärmschritte:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="341"/>
        <source>Step every:</source>
        <translation>Stufe alle:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="341"/>
        <source>Gamma:</source>
        <translation>Gamma:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="341"/>
        <source>Minimum LR:</source>
        <translation>Minimale LR:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="342"/>
        <source>Plateau patience:</source>
        <translation>Plateau-Geduld:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="342"/>
        <source>Clip gradients:</source>
        <translation>Gradienten kappen:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="342"/>
        <source>Early stopping:</source>
        <translation>Früher Abbruch:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="343"/>
        <source>Monitor:</source>
        <translation>Überwachen:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="343"/>
        <source>Class weights:</source>
        <translation>Klassengewichte:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="343"/>
        <source>Augment:</source>
        <translation>Augmentierung:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="343"/>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="344"/>
        <source>Loss:</source>
        <translation>Verlust:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="344"/>
        <source>Huber delta:</source>
        <translation>Huber-Delta:</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="346"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="347"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="348"/>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="349"/>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="350"/>
        <source>L2 penalty for SGD and Adam, decoupled decay for AdamW</source>
        <translation>L2-Strafterm für SGD und Adam, entkoppelter Decay für AdamW</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="351"/>
        <source>Constant</source>
        <translation>Konstant</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="352"/>
        <source>Step</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="353"/>
        <source>Cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="354"/>
        <source>One-cycle</source>
        <translation>One-Cycle</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="355"/>
        <source>Reduce on plateau</source>
        <translation>Senken bei Plateau</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="356"/>
        <source>Linear warm-up over this many steps before the schedule</source>
        <translation>Lineares Aufwärmen über so viele Schritte vor dem LR-Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="357"/>
        <location filename="../ui/training/RecipeForm.cpp" line="360"/>
        <location filename="../ui/training/RecipeForm.cpp" line="364"/>
        <source> epochs</source>
        <translation> Epochen</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="358"/>
        <source>The step schedule multiplies the learning rate by this</source>
        <translation>Der Stufenverlauf multipliziert die Lernrate mit diesem Wert</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="359"/>
        <source>The floor the learning rate does not go below</source>
        <translation>Die Untergrenze, unter die die Lernrate nicht fällt</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="361"/>
        <location filename="../ui/training/RecipeForm.cpp" line="363"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="362"/>
        <source>Cut the gradients&apos; total L2 norm to this value (0 = off)</source>
        <translation>Die gesamte L2-Norm der Gradienten auf diesen Wert kappen (0 = aus)</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="365"/>
        <source>Stop after this many epochs without improvement of the monitored metric; the model is then the best epoch&apos;s (0 = off)</source>
        <translation>Nach so vielen Epochen ohne Verbesserung der überwachten Metrik abbrechen; das Modell ist dann das der besten Epoche (0 = aus)</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="367"/>
        <source>The validation metric early stopping, the plateau schedule and the best checkpoint follow</source>
        <translation>Die Validierungsmetrik, nach der sich früher Abbruch, der Plateau-Verlauf und der beste Checkpoint richten</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="370"/>
        <source>Balanced</source>
        <translation>Ausgeglichen</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="371"/>
        <source>Weigh each class by the inverse of its share of the training data</source>
        <translation>Jede Klasse mit dem Kehrwert ihres Anteils an den Trainingsdaten gewichten</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="372"/>
        <source>No crop</source>
        <translation>Kein Zuschnitt</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="373"/>
        <source>pad </source>
        <translation>Rand </translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="374"/>
        <source>Pad by this many pixels, then crop a random image-sized window</source>
        <translation>Um so viele Pixel auffüllen, dann ein zufälliges Fenster in Bildgröße ausschneiden</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="375"/>
        <source>Flip</source>
        <translation>Spiegeln</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="376"/>
        <source>Flip training images horizontally with probability 0.5</source>
        <translation>Trainingsbilder mit Wahrscheinlichkeit 0,5 horizontal spiegeln</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="377"/>
        <source>Augmentation applies to image datasets only</source>
        <translation>Augmentierung gilt nur für Bilddatensätze</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="378"/>
        <source>From the dataset</source>
        <translation>Aus dem Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="379"/>
        <source>Classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="380"/>
        <source>Regression</source>
        <translation>Regression</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="381"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="382"/>
        <source>Cross-entropy</source>
        <translation>Kreuzentropie</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="383"/>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="384"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <location filename="../ui/training/RecipeForm.cpp" line="385"/>
        <source>Huber</source>
        <translation>Huber</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::ReferencePicker</name>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="67"/>
        <source>Reference:</source>
        <translation>Referenz:</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="68"/>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="69"/>
        <source>What drift is measured against</source>
        <translation>Wogegen Drift gemessen wird</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="72"/>
        <source>Deployed model&apos;s training data</source>
        <translation>Trainingsdaten des eingesetzten Modells</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="73"/>
        <source>Dataset version of this project</source>
        <translation>Datensatzversion dieses Projekts</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="76"/>
        <source>Bundle folder…</source>
        <translation>Bundle-Ordner…</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="77"/>
        <source>Profile, dataset CSV or log file…</source>
        <translation>Profil, Datensatz-CSV oder Protokolldatei…</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="78"/>
        <source>No reference</source>
        <translation>Keine Referenz</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="83"/>
        <source>%1 v%2 (#%3, images)</source>
        <translation>%1 v%2 (#%3, Bilder)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="84"/>
        <source>%1 v%2 (#%3)</source>
        <translation>%1 v%2 (#%3)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="92"/>
        <source>No dataset version yet</source>
        <translation>Noch keine Datensatzversion</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="92"/>
        <source>Open a project first</source>
        <translation>Zuerst ein Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="100"/>
        <source>profiling %1…</source>
        <translation>%1 wird profiliert…</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="103"/>
        <source>%1 (dataset version)</source>
        <translation>%1 (Datensatzversion)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="115"/>
        <source>%1 (deployed model)</source>
        <translation>%1 (eingesetztes Modell)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="117"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="117"/>
        <source>none (open a project to use its deployed model)</source>
        <translation>keine (öffnen Sie ein Projekt, um dessen eingesetztes Modell zu verwenden)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="134"/>
        <source>Listing dataset versions</source>
        <translation>Datensatzversionen werden aufgelistet</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="98"/>
        <source>dataset version #%1</source>
        <translation>Datensatzversion #%1</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="163"/>
        <source>Profiling dataset version %1</source>
        <translation>Datensatzversion %1 wird profiliert</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="101"/>
        <source>%1, train split #%2</source>
        <translation>%1, Trainingsteil der Aufteilung #%2</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="102"/>
        <source>%1, labeled rows</source>
        <translation>%1, beschriftete Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="181"/>
        <source>The dataset version could not be profiled: %1</source>
        <translation>Die Datensatzversion konnte nicht profiliert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="187"/>
        <source>Choose a reference</source>
        <translation>Referenz wählen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="190"/>
        <source>References (*.json *.csv *.tsv *.jsonl *.ndjson *.log)</source>
        <translation>Referenzen (*.json *.csv *.tsv *.jsonl *.ndjson *.log)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="190"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="196"/>
        <source>Choose a bundle folder</source>
        <translation>Bundle-Ordner wählen</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="221"/>
        <source>Finding the deployed model</source>
        <translation>Eingesetztes Modell wird gesucht</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="241"/>
        <source>%1 has no reference_profile.json (export it again)</source>
        <translation>%1 hat keine reference_profile.json (erneut exportieren)</translation>
    </message>
    <message>
        <location filename="../ui/monitoring/ReferencePicker.cpp" line="243"/>
        <source>no registered model in this project</source>
        <translation>kein registriertes Modell in diesem Projekt</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::RegistryView</name>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="85"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="85"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="85"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="85"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="85"/>
        <source>Bundle</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="86"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="93"/>
        <source>&amp;Promote…</source>
        <translation>&amp;Befördern…</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="94"/>
        <source>Point an alias such as staging or production at the selected version; asks for the reason, which the history keeps</source>
        <translation>Einen Alias wie staging oder production auf die gewählte Version setzen; fragt nach dem Grund, den der Verlauf festhält</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="96"/>
        <source>Roll &amp;back…</source>
        <translation>Zu&amp;rücksetzen…</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="97"/>
        <source>Move an alias of this model back to the version it pointed at before</source>
        <translation>Einen Alias dieses Modells auf die Version zurücksetzen, auf die er vorher zeigte</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="99"/>
        <source>C&amp;lear alias…</source>
        <translation>Alias &amp;entfernen…</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="100"/>
        <source>Remove the selected version&apos;s alias</source>
        <translation>Den Alias der gewählten Version entfernen</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="336"/>
        <location filename="../ui/export/RegistryView.cpp" line="338"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="130"/>
        <source>Select a version to see where it came from.</source>
        <translation>Wählen Sie eine Version, um zu sehen, woher sie stammt.</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="133"/>
        <source>data version #%1 %2 (%3)</source>
        <translation>Datenversion #%1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="136"/>
        <source>no data version</source>
        <translation>keine Datenversion</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="137"/>
        <source>run #%1 %2 (%3)</source>
        <translation>Lauf #%1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="140"/>
        <source>no run</source>
        <translation>kein Lauf</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="294"/>
        <source>Promote %1 v%2 to an alias. Whatever serves the alias (flightdeck-serve --project) picks it up when it next starts.</source>
        <translation>%1 v%2 zu einem Alias befördern. Was den Alias bereitstellt (flightdeck-serve --project), übernimmt sie beim nächsten Start.</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="298"/>
        <source>Move an alias of %1.</source>
        <translation>Einen Alias von %1 verschieben.</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="333"/>
        <source>%1 was already there; nothing changed.</source>
        <translation>%1 war bereits so gesetzt; nichts geändert.</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="334"/>
        <source>%1 now points at %2 (was %3).</source>
        <translation>%1 zeigt jetzt auf %2 (vorher %3).</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="85"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="85"/>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location filename="../ui/export/RegistryView.cpp" line="227"/>
        <source>Reading the registry&apos;s scores</source>
        <translation>Bewertungen der Registry werden gelesen</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::RegressionView</name>
    <message>
        <location filename="../ui/evaluation/RegressionView.cpp" line="68"/>
        <source>Not in this report</source>
        <translation>Nicht in diesem Bericht</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/RegressionView.cpp" line="68"/>
        <source>Undefined: %1</source>
        <translation>Undefiniert: %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/RegressionView.cpp" line="82"/>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/RegressionView.cpp" line="83"/>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/RegressionView.cpp" line="84"/>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/RegressionView.cpp" line="85"/>
        <source>MAPE</source>
        <translation>MAPE</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/RegressionView.cpp" line="86"/>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <location filename="../ui/evaluation/RegressionView.cpp" line="88"/>
        <source>Regression on “%1”: errors in its units</source>
        <translation>Regression auf „%1“: Fehler in dessen Einheiten</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::RunActions</name>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="88"/>
        <source>Export the run table</source>
        <translation>Lauftabelle exportieren</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="93"/>
        <source>Export the curve</source>
        <translation>Kurve exportieren</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="101"/>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="102"/>
        <source>Hide the selected runs from the table (Show archived brings them back)</source>
        <translation>Die ausgewählten Läufe in der Tabelle ausblenden („Archivierte zeigen“ holt sie zurück)</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="103"/>
        <source>Unarchive</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="104"/>
        <source>Show the selected archived runs again</source>
        <translation>Die ausgewählten archivierten Läufe wieder anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="105"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="106"/>
        <source>Delete the selected runs with their metrics and models</source>
        <translation>Die ausgewählten Läufe mit ihren Metriken und Modellen löschen</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="107"/>
        <source>Rerun with changes</source>
        <translation>Mit Änderungen neu starten</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="108"/>
        <source>Put the selected run&apos;s recipe into the Training form</source>
        <translation>Das Rezept des ausgewählten Laufs in das Trainingsformular übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="109"/>
        <source>Export table…</source>
        <translation>Tabelle exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="110"/>
        <source>Save the rows shown as CSV</source>
        <translation>Die angezeigten Zeilen als CSV speichern</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="111"/>
        <source>Export curve…</source>
        <translation>Kurve exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="112"/>
        <source>Save every point of the metric of the selected runs as CSV</source>
        <translation>Alle Punkte der Metrik der ausgewählten Läufe als CSV speichern</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="142"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="142"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="157"/>
        <source>Archiving runs</source>
        <translation>Läufe werden archiviert</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="157"/>
        <source>Unarchiving runs</source>
        <translation>Läufe werden wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="178"/>
        <source>Delete runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/experiments/RunActions.cpp" line="179"/>
        <source>Delete %n run(s) with their metrics, checkpoints and models? This cannot be undone; archiving hides runs instead.</source>
        <translation>
            <numerusform>%n Lauf mit seinen Metriken, Checkpoints und Modellen löschen? Das lässt sich nicht rückgängig machen; Archivieren blendet Läufe nur aus.</numerusform>
            <numerusform>%n Läufe mit ihren Metriken, Checkpoints und Modellen löschen? Das lässt sich nicht rückgängig machen; Archivieren blendet Läufe nur aus.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="186"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="202"/>
        <source>Deleting runs</source>
        <translation>Läufe werden gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="244"/>
        <source>Exporting the run table</source>
        <translation>Lauftabelle wird exportiert</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="257"/>
        <source>Exporting the curve</source>
        <translation>Kurve wird exportiert</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="272"/>
        <source>Reading the run&apos;s recipe</source>
        <translation>Rezept des Laufs wird gelesen</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunActions.cpp" line="318"/>
        <source>Saving tags and note</source>
        <translation>Tags und Notiz werden gespeichert</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::RunComparisonTabs</name>
    <message>
        <location filename="../ui/experiments/RunComparisonTabs.cpp" line="46"/>
        <source>Parallel coordinates</source>
        <translation>Parallele Koordinaten</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunComparisonTabs.cpp" line="47"/>
        <source>Scatter</source>
        <translation>Streudiagramm</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunComparisonTabs.cpp" line="48"/>
        <source>Parameters that differ</source>
        <translation>Abweichende Parameter</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunComparisonTabs.cpp" line="53"/>
        <source>Select two or more runs to see their parameters against a metric.</source>
        <translation>Wählen Sie zwei oder mehr Läufe aus, um ihre Parameter gegen eine Metrik zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunComparisonTabs.cpp" line="54"/>
        <location filename="../ui/experiments/RunComparisonTabs.cpp" line="135"/>
        <source>Select two or more runs to plot two columns against each other.</source>
        <translation>Wählen Sie zwei oder mehr Läufe aus, um zwei Spalten gegeneinander aufzutragen.</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunComparisonTabs.cpp" line="105"/>
        <source>Select two or more runs to see their parameters against %1.</source>
        <translation>Wählen Sie zwei oder mehr Läufe aus, um ihre Parameter gegen %1 zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunComparisonTabs.cpp" line="106"/>
        <source>The selected runs have the same parameters.</source>
        <translation>Die ausgewählten Läufe haben dieselben Parameter.</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunComparisonTabs.cpp" line="107"/>
        <source>The selected runs have no %1 to compare.</source>
        <translation>Die ausgewählten Läufe haben kein %1 zum Vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunComparisonTabs.cpp" line="147"/>
        <source>Select two or more runs (Ctrl+click) to compare their parameters.</source>
        <translation>Wählen Sie zwei oder mehr Läufe aus (Strg+Klick), um ihre Parameter zu vergleichen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/experiments/RunComparisonTabs.cpp" line="149"/>
        <source>All parameters of the %n selected run(s) are equal.</source>
        <translation>
            <numerusform>Alle Parameter des %n ausgewählten Laufs sind gleich.</numerusform>
            <numerusform>Alle Parameter der %n ausgewählten Läufe sind gleich.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/experiments/RunComparisonTabs.cpp" line="152"/>
        <source>%n parameter(s) differ.</source>
        <translation>
            <numerusform>%n Parameter weicht ab.</numerusform>
            <numerusform>%n Parameter weichen ab.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::RunControls</name>
    <message>
        <location filename="../ui/training/RunControls.cpp" line="50"/>
        <source>Start Training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <location filename="../ui/training/RunControls.cpp" line="52"/>
        <source>Train with the current dataset version, split and architecture (F5)</source>
        <translation>Mit aktueller Datensatzversion, Aufteilung und Architektur trainieren (F5)</translation>
    </message>
    <message>
        <location filename="../ui/training/RunControls.cpp" line="54"/>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training/RunControls.cpp" line="54"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location filename="../ui/training/RunControls.cpp" line="55"/>
        <source>Continue the paused run</source>
        <translation>Den pausierten Lauf fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training/RunControls.cpp" line="56"/>
        <source>Hold the run after the current batch; it keeps its place</source>
        <translation>Den Lauf nach dem aktuellen Stapel anhalten; er behält seine Stelle</translation>
    </message>
    <message>
        <location filename="../ui/training/RunControls.cpp" line="57"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location filename="../ui/training/RunControls.cpp" line="58"/>
        <source>Stop after the current batch; the run keeps its metrics (Shift+F5)</source>
        <translation>Nach dem aktuellen Stapel stoppen; der Lauf behält seine Metriken (Umschalt+F5)</translation>
    </message>
    <message>
        <location filename="../ui/training/RunControls.cpp" line="59"/>
        <source>Sweep…</source>
        <translation>Sweep…</translation>
    </message>
    <message>
        <location filename="../ui/training/RunControls.cpp" line="61"/>
        <source>Train several runs over chosen learning rates, batch sizes, optimizers and architectures, and find the best</source>
        <translation>Mehrere Läufe über gewählte Lernraten, Batchgrößen, Optimierer und Architekturen trainieren und den besten finden</translation>
    </message>
    <message>
        <location filename="../ui/training/RunControls.cpp" line="64"/>
        <source>Resume Run</source>
        <translation>Lauf fortführen</translation>
    </message>
    <message>
        <location filename="../ui/training/RunControls.cpp" line="66"/>
        <source>Continue run #%1 from its last checkpoint</source>
        <translation>Lauf #%1 ab seinem letzten Checkpoint fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training/RunControls.cpp" line="67"/>
        <source>Select a stopped, interrupted or failed run to continue it</source>
        <translation>Einen gestoppten, unterbrochenen oder fehlgeschlagenen Lauf auswählen, um ihn fortzusetzen</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::RunScatterPlot</name>
    <message>
        <location filename="../ui/experiments/RunScatterPlot.cpp" line="91"/>
        <source>&amp;X:</source>
        <translation>&amp;X:</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunScatterPlot.cpp" line="92"/>
        <source>&amp;Y:</source>
        <translation>&amp;Y:</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunScatterPlot.cpp" line="212"/>
        <location filename="../ui/experiments/RunScatterPlot.cpp" line="213"/>
        <source>%1 (log)</source>
        <translation>%1 (log)</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::RunTableModel</name>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="227"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="228"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="229"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="230"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="231"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="232"/>
        <source>%1 (last)</source>
        <translation>%1 (letzter)</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="233"/>
        <source>%1 (best)</source>
        <translation>%1 (bester)</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="236"/>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="237"/>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="238"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="239"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="240"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="241"/>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="255"/>
        <source>Parameter %1</source>
        <translation>Parameter %1</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="256"/>
        <source>Last recorded %1</source>
        <translation>Zuletzt aufgezeichnetes %1</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="261"/>
        <source>Highest %1</source>
        <translation>Höchstes %1</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="262"/>
        <source>Lowest %1</source>
        <translation>Niedrigstes %1</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="263"/>
        <source>Comma-separated; double-click to edit</source>
        <translation>Durch Kommas getrennt; Doppelklick zum Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="264"/>
        <source>Double-click to edit</source>
        <translation>Doppelklick zum Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="265"/>
        <source>Dataset version hash (prefix)</source>
        <translation>Hash der Datensatzversion (Präfix)</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="266"/>
        <source>The sweep and trial that made the run; ★ marks the sweep&apos;s best run by its objective</source>
        <translation>Sweep und Versuch, aus denen der Lauf stammt; ★ markiert den besten Lauf des Sweeps nach seiner Zielmetrik</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="234"/>
        <source>%1 @ step %2</source>
        <translation>%1 @ Schritt %2</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunTableModel.cpp" line="258"/>
        <source>%1 at step %2 (its last point at or before it): runs compared at the same budget</source>
        <translation>%1 bei Schritt %2 (ihr letzter Punkt bei oder vor ihm): Läufe beim gleichen Budget verglichen</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::RunsTable</name>
    <message>
        <location filename="../ui/experiments/RunRow.cpp" line="26"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunRow.cpp" line="27"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunRow.cpp" line="28"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunRow.cpp" line="30"/>
        <source>best at step %1</source>
        <translation>am besten bei Schritt %1</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunRow.cpp" line="37"/>
        <source>Trial %1 of %2, its best run by %3</source>
        <translation>Versuch %1 von %2, sein bester Lauf nach %3</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunRow.cpp" line="39"/>
        <source>Trial %1 of %2</source>
        <translation>Versuch %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/experiments/RunRow.cpp" line="33"/>
        <source>recorded at step %1 (the last point at or before step %2)</source>
        <translation>aufgezeichnet bei Schritt %1 (der letzte Punkt bei oder vor Schritt %2)</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::RuntimeLines</name>
    <message>
        <location filename="../ui/training/RuntimeLines.cpp" line="26"/>
        <source>Runtime: %1</source>
        <translation>Laufzeitumgebung: %1</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::SampleListModel</name>
    <message>
        <location filename="../ui/labeling/SampleListModel.cpp" line="126"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/labeling/SampleListModel.cpp" line="129"/>
        <source>model: %1 (%2)</source>
        <translation>Modell: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::SampleView</name>
    <message>
        <location filename="../ui/labeling/SampleView.cpp" line="48"/>
        <location filename="../ui/labeling/SampleView.cpp" line="104"/>
        <source>Feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <location filename="../ui/labeling/SampleView.cpp" line="48"/>
        <location filename="../ui/labeling/SampleView.cpp" line="104"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/labeling/SampleView.cpp" line="118"/>
        <source>No item selected.</source>
        <translation>Kein Element ausgewählt.</translation>
    </message>
    <message>
        <location filename="../ui/labeling/SampleView.cpp" line="124"/>
        <source>from the import</source>
        <translation>aus dem Import</translation>
    </message>
    <message>
        <location filename="../ui/labeling/SampleView.cpp" line="125"/>
        <source>by you</source>
        <translation>von Ihnen</translation>
    </message>
    <message>
        <location filename="../ui/labeling/SampleView.cpp" line="126"/>
        <source>pre-label by the model (Enter accepts)</source>
        <translation>Vorab-Label des Modells (Enter übernimmt)</translation>
    </message>
    <message>
        <location filename="../ui/labeling/SampleView.cpp" line="128"/>
        <source>not labeled</source>
        <translation>ohne Label</translation>
    </message>
    <message>
        <location filename="../ui/labeling/SampleView.cpp" line="129"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../ui/labeling/SampleView.cpp" line="131"/>
        <source>%1 of %2: %3 — %4</source>
        <translation>%1 von %2: %3 — %4</translation>
    </message>
    <message>
        <location filename="../ui/labeling/SampleView.cpp" line="135"/>
        <source>(verified)</source>
        <translation>(geprüft)</translation>
    </message>
    <message>
        <location filename="../ui/labeling/SampleView.cpp" line="137"/>
        <source>%1 s spent</source>
        <translation>%1 s benötigt</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::SavedArchitecturesList</name>
    <message>
        <location filename="../ui/architecture/SavedArchitecturesList.cpp" line="38"/>
        <source>#%1 %2 (%3)</source>
        <translation>#%1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/SavedArchitecturesList.cpp" line="41"/>
        <source>Saved %1, spec hash %2</source>
        <translation>Gespeichert am %1, Spezifikations-Hash %2</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::ScientificSpinBox</name>
    <message>
        <location filename="../ui/training/ScientificSpinBox.cpp" line="87"/>
        <source>“%1” is not a number.</source>
        <translation>„%1“ ist keine Zahl.</translation>
    </message>
    <message>
        <location filename="../ui/training/ScientificSpinBox.cpp" line="89"/>
        <source>%1 is below the smallest accepted value, %2.</source>
        <translation>%1 liegt unter dem kleinsten zulässigen Wert %2.</translation>
    </message>
    <message>
        <location filename="../ui/training/ScientificSpinBox.cpp" line="91"/>
        <source>%1 is above the largest accepted value, %2.</source>
        <translation>%1 liegt über dem größten zulässigen Wert %2.</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::ShapeInferenceView</name>
    <message>
        <location filename="../ui/architecture/ShapeInferenceView.cpp" line="70"/>
        <source>Input width %1, one output: a regression target (current dataset version)</source>
        <translation>Eingabebreite %1, eine Ausgabe: ein Regressionsziel (aktuelle Datensatzversion)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ShapeInferenceView.cpp" line="72"/>
        <source>Input width %1, %2 classes (current dataset version)</source>
        <translation>Eingabebreite %1, %2 Klassen (aktuelle Datensatzversion)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ShapeInferenceView.cpp" line="73"/>
        <source>Input width %1, %2 classes (example: no dataset version selected)</source>
        <translation>Eingabebreite %1, %2 Klassen (Beispiel: keine Datensatzversion ausgewählt)</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ShapeInferenceView.cpp" line="88"/>
        <source>Output: %1</source>
        <comment>the appended output layer</comment>
        <translation>Ausgabe: %1</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ShapeInferenceView.cpp" line="93"/>
        <source>Total parameters: %1</source>
        <translation>Parameter insgesamt: %1</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ShapeInferenceView.cpp" line="111"/>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ShapeInferenceView.cpp" line="111"/>
        <source>Output shape</source>
        <translation>Ausgabeform</translation>
    </message>
    <message>
        <location filename="../ui/architecture/ShapeInferenceView.cpp" line="111"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::ShortcutsDialog</name>
    <message>
        <location filename="../ui/mainwindow/ShortcutsDialog.cpp" line="86"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/ShortcutsDialog.cpp" line="89"/>
        <source>Filter by action, keys or panel</source>
        <translation>Nach Aktion, Tasten oder Bereich filtern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/ShortcutsDialog.cpp" line="94"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/ShortcutsDialog.cpp" line="94"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/ShortcutsDialog.cpp" line="94"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/ShortcutsDialog.cpp" line="108"/>
        <source>Another action uses these keys here: neither fires until one changes</source>
        <translation>Eine andere Aktion nutzt hier dieselben Tasten: keine von beiden wird ausgelöst, bis eine geändert ist</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow/ShortcutsDialog.cpp" line="114"/>
        <source>%n shortcut(s) in red clash with another.</source>
        <translation>
            <numerusform>%n rot markiertes Tastenkürzel kollidiert mit einem anderen.</numerusform>
            <numerusform>%n rot markierte Tastenkürzel kollidieren mit anderen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/ShortcutsDialog.cpp" line="115"/>
        <source>Each panel&apos;s own keys work while it has the focus.</source>
        <translation>Die eigenen Tasten eines Bereichs wirken, solange er den Fokus hat.</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::SplitForm</name>
    <message>
        <location filename="../ui/data/SplitForm.cpp" line="82"/>
        <source>Test: %1</source>
        <translation>Test: %1</translation>
    </message>
    <message>
        <location filename="../ui/data/SplitForm.cpp" line="88"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../ui/data/SplitForm.cpp" line="89"/>
        <source>The same seed and data always give the same split</source>
        <translation>Gleicher Seed und gleiche Daten ergeben immer dieselbe Aufteilung</translation>
    </message>
    <message>
        <location filename="../ui/data/SplitForm.cpp" line="90"/>
        <source>Train:</source>
        <translation>Training:</translation>
    </message>
    <message>
        <location filename="../ui/data/SplitForm.cpp" line="91"/>
        <source>Val:</source>
        <translation>Validierung:</translation>
    </message>
    <message>
        <location filename="../ui/data/SplitForm.cpp" line="92"/>
        <source>Create Split</source>
        <translation>Aufteilung erstellen</translation>
    </message>
    <message>
        <location filename="../ui/data/SplitForm.cpp" line="93"/>
        <source>Create a seeded, stratified train/validation/test split</source>
        <translation>Eine reproduzierbare, stratifizierte Aufteilung in Training/Validierung/Test erstellen</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::SplitTable</name>
    <message>
        <location filename="../ui/data/SplitTable.cpp" line="54"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location filename="../ui/data/SplitTable.cpp" line="110"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location filename="../ui/data/SplitTable.cpp" line="110"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../ui/data/SplitTable.cpp" line="110"/>
        <source>Train / val / test</source>
        <translation>Training / Val. / Test</translation>
    </message>
    <message>
        <location filename="../ui/data/SplitTable.cpp" line="110"/>
        <source>Train rows</source>
        <translation>Trainingszeilen</translation>
    </message>
    <message>
        <location filename="../ui/data/SplitTable.cpp" line="111"/>
        <source>Val rows</source>
        <translation>Validierungszeilen</translation>
    </message>
    <message>
        <location filename="../ui/data/SplitTable.cpp" line="111"/>
        <source>Test rows</source>
        <translation>Testzeilen</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::SweepController</name>
    <message>
        <location filename="../ui/training/SweepController.cpp" line="105"/>
        <source>Unknown error.</source>
        <translation>Unbekannter Fehler.</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::SweepDialog</name>
    <message numerus="yes">
        <location filename="../ui/training/SweepDialog.cpp" line="158"/>
        <source>Sweep %1: %n run(s) to train.</source>
        <translation>
            <numerusform>Sweep %1: %n Lauf zu trainieren.</numerusform>
            <numerusform>Sweep %1: %n Läufe zu trainieren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/SweepDialog.cpp" line="219"/>
        <source>%n run(s): every combination, one after another.</source>
        <translation>
            <numerusform>%n Lauf: jede Kombination, nacheinander.</numerusform>
            <numerusform>%n Läufe: jede Kombination, nacheinander.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/SweepDialog.cpp" line="220"/>
        <source>%n run(s) drawn at random (seed %1), one after another.</source>
        <translation>
            <numerusform>%n Lauf zufällig gezogen (Seed %1), nacheinander.</numerusform>
            <numerusform>%n Läufe zufällig gezogen (Seed %1), nacheinander.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="252"/>
        <source>The sweep could not start: no project is open.</source>
        <translation>Der Sweep konnte nicht starten: Kein Projekt ist geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="255"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="262"/>
        <source>Run %1 of %2 (#%3): %4</source>
        <translation>Lauf %1 von %2 (#%3): %4</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="286"/>
        <source>Sweep %1 %2: the best is run %3 (%4 %5).</source>
        <translation>Sweep %1 %2: Der beste ist Lauf %3 (%4 %5).</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="291"/>
        <source>Sweep %1 %2: no run finished with a %3.</source>
        <translation>Sweep %1 %2: Kein Lauf endete mit einem Wert für %3.</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="303"/>
        <source>The sweep failed: %1</source>
        <translation>Der Sweep ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="322"/>
        <source>Cancelling after the current batch…</source>
        <translation>Wird nach dem aktuellen Batch abgebrochen…</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="347"/>
        <source>Hyperparameter Sweep</source>
        <translation>Hyperparameter-Sweep</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="348"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="348"/>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="348"/>
        <source>&amp;Architectures:</source>
        <translation>&amp;Architekturen:</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="348"/>
        <source>&amp;Learning rates:</source>
        <translation>&amp;Lernraten:</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="349"/>
        <source>&amp;Batch sizes:</source>
        <translation>&amp;Batchgrößen:</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="349"/>
        <source>Optimizers:</source>
        <translation>Optimierer:</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="349"/>
        <source>&amp;Epochs:</source>
        <translation>&amp;Epochen:</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="349"/>
        <source>&amp;Weight decays:</source>
        <translation>&amp;Weight Decays:</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="350"/>
        <source>Ranked &amp;by:</source>
        <translation>Rangfolge &amp;nach:</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="353"/>
        <source>sweep-&lt;id&gt;</source>
        <translation>sweep-&lt;id&gt;</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="354"/>
        <source>Grid: every combination</source>
        <translation>Raster: jede Kombination</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="355"/>
        <source>Random search</source>
        <translation>Zufallssuche</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="356"/>
        <source> runs</source>
        <translation> Läufe</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="357"/>
        <source>seed </source>
        <translation>Seed </translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="358"/>
        <source>e.g. 1e-3, 3e-3, or 1e-4..1e-1 for random search</source>
        <translation>z. B. 1e-3, 3e-3, oder 1e-4..1e-1 für die Zufallssuche</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="359"/>
        <source>A comma list; random search also takes a range LOW..HIGH, drawn log-uniformly</source>
        <translation>Eine Liste mit Kommas; die Zufallssuche nimmt auch einen Bereich MIN..MAX, log-gleichverteilt gezogen</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="360"/>
        <source>the recipe&apos;s %1; e.g. 32, 64</source>
        <translation>die %1 des Rezepts; z. B. 32, 64</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="361"/>
        <source>the recipe&apos;s %1; e.g. 10, 20</source>
        <translation>die %1 des Rezepts; z. B. 10, 20</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="362"/>
        <source>the recipe&apos;s; e.g. 0, 1e-4</source>
        <translation>die des Rezepts; z. B. 0, 1e-4</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="363"/>
        <source>The validation metric of the model each run keeps (its last epoch, or the best one with early stopping)</source>
        <translation>Die Validierungsmetrik des Modells, das jeder Lauf behält (seine letzte Epoche oder mit Early Stopping die beste)</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="365"/>
        <source>Check the saved architectures to try</source>
        <translation>Die gespeicherten Architekturen ankreuzen, die probiert werden sollen</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="366"/>
        <source>Start Sweep</source>
        <translation>Sweep starten</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="367"/>
        <source>Train the runs one after another with the Training form&apos;s recipe</source>
        <translation>Die Läufe nacheinander mit dem Rezept des Trainingsformulars trainieren</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="368"/>
        <source>Cancel Sweep</source>
        <translation>Sweep abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="369"/>
        <source>Stop the run in progress (recorded as cancelled) and start no other</source>
        <translation>Den laufenden Lauf beenden (als abgebrochen gespeichert) und keinen weiteren starten</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepDialog.cpp" line="370"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::SweepResultsTree</name>
    <message>
        <location filename="../ui/training/SweepResultsTree.cpp" line="68"/>
        <source>Trial</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepResultsTree.cpp" line="68"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepResultsTree.cpp" line="68"/>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepResultsTree.cpp" line="68"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepResultsTree.cpp" line="68"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/training/SweepResultsTree.cpp" line="68"/>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::TaskRunner</name>
    <message>
        <location filename="../ui/common/TaskRunner.cpp" line="109"/>
        <source>Open or create a project first.</source>
        <translation>Öffnen oder erstellen Sie zuerst ein Projekt.</translation>
    </message>
    <message>
        <location filename="../ui/common/TaskRunner.cpp" line="149"/>
        <source>Unknown error.</source>
        <translation>Unbekannter Fehler.</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::TaskStatusWidget</name>
    <message>
        <location filename="../ui/mainwindow/TaskStatusWidget.cpp" line="117"/>
        <source>Epoch %1: %p%</source>
        <translation>Epoche %1: %p %</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/TaskStatusWidget.cpp" line="127"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/TaskStatusWidget.cpp" line="128"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/TaskStatusWidget.cpp" line="128"/>
        <source>Training (paused)</source>
        <translation>Training (pausiert)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/TaskStatusWidget.cpp" line="130"/>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/TaskStatusWidget.cpp" line="144"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/TaskStatusWidget.cpp" line="145"/>
        <source>Cancel the running task and stop training</source>
        <translation>Die laufende Aufgabe abbrechen und das Training stoppen</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::TrainingController</name>
    <message>
        <location filename="../ui/common/TrainingController.cpp" line="145"/>
        <source>Unknown error.</source>
        <translation>Unbekannter Fehler.</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::TrainingForm</name>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="67"/>
        <source>%1 was refused: use a learning rate between %2 and %3. It stays %4.</source>
        <translation>%1 wurde abgelehnt: Verwenden Sie eine Lernrate zwischen %2 und %3. Sie bleibt bei %4.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="145"/>
        <source>Learning rate: %1</source>
        <translation>Lernrate: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="160"/>
        <source>A learning rate of %1 is unusually large for Adam; the loss will likely diverge. Typical values lie between 1e-4 and 1e-2.</source>
        <translation>Eine Lernrate von %1 ist für Adam ungewöhnlich groß; der Verlust divergiert dann wahrscheinlich. Übliche Werte liegen zwischen 1e-4 und 1e-2.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="180"/>
        <source>Run name:</source>
        <translation>Name des Laufs:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="181"/>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="182"/>
        <source>Batch size:</source>
        <translation>Stapelgröße:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="183"/>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="184"/>
        <source>Adam&apos;s step size, for example 0.001 or 3e-4 (%1 to %2)</source>
        <translation>Schrittweite von Adam, zum Beispiel 0,001 oder 3e-4 (%1 bis %2)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="187"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="188"/>
        <source>Threads:</source>
        <translation>Threads:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="189"/>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="190"/>
        <source>automatic (run-&lt;id&gt;)</source>
        <translation>automatisch (run-&lt;id&gt;)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="191"/>
        <source>Seeds model initialization and batch order</source>
        <translation>Bestimmt die Initialisierung des Modells und die Reihenfolge der Stapel</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="192"/>
        <source>All cores</source>
        <translation>Alle Kerne</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="193"/>
        <source>Automatic (CUDA if available)</source>
        <translation>Auto (CUDA, sonst CPU)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="194"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="195"/>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingForm.cpp" line="197"/>
        <source>This build or machine has no CUDA</source>
        <translation>Dieser Build oder dieser Rechner unterstützt kein CUDA</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::TrainingPanel</name>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="135"/>
        <source>The recipe of run #%1 is in the form: change what you want, then start.</source>
        <translation>Das Rezept von Lauf #%1 steht im Formular: ändern Sie, was Sie möchten, und starten Sie dann.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="143"/>
        <location filename="../ui/training/TrainingPanel.cpp" line="176"/>
        <source>A run is already in progress.</source>
        <translation>Ein Lauf ist bereits aktiv.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="162"/>
        <location filename="../ui/training/TrainingPanel.cpp" line="223"/>
        <source>Training could not start: a run is already going or no project is open.</source>
        <translation>Das Training konnte nicht starten: Ein Lauf ist bereits aktiv oder kein Projekt geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="166"/>
        <location filename="../ui/training/TrainingPanel.cpp" line="371"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="195"/>
        <source>Stopping after the current batch…</source>
        <translation>Wird nach dem aktuellen Stapel gestoppt…</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="208"/>
        <source>Run #%1 paused after its current batch; Continue picks it up.</source>
        <translation>Lauf #%1 nach seinem aktuellen Stapel pausiert; „Fortsetzen“ nimmt ihn wieder auf.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="209"/>
        <source>Run #%1 continues.</source>
        <translation>Lauf #%1 geht weiter.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="229"/>
        <source>Resuming run #%1 from its last checkpoint…</source>
        <translation>Lauf #%1 wird ab seinem letzten Checkpoint wieder aufgenommen …</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="241"/>
        <source>Run #%1 resumed.</source>
        <translation>Lauf #%1 wieder aufgenommen.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="243"/>
        <source>Run #%1 started.</source>
        <translation>Lauf #%1 gestartet.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="258"/>
        <source>Epoch %1 of %2, step %3 of %4</source>
        <translation>Epoche %1 von %2, Schritt %3 von %4</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="282"/>
        <source>Training stopped: its project was closed.</source>
        <translation>Training beendet: sein Projekt wurde geschlossen.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="286"/>
        <source>Run #%1 %2 (%3 samples/s).</source>
        <translation>Lauf #%1 %2 (%3 Samples/s).</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="387"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="388"/>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="371"/>
        <source>No run selected</source>
        <translation>Kein Lauf ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="373"/>
        <source>Run #%1 (paused)</source>
        <translation>Lauf #%1 (pausiert)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="374"/>
        <source>Run #%1 (live)</source>
        <translation>Lauf #%1 (live)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingPanel.cpp" line="376"/>
        <source>Run #%1 (%2)</source>
        <translation>Lauf #%1 (%2)</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::UserGuideDialog</name>
    <message>
        <location filename="../ui/mainwindow/UserGuideDialog.cpp" line="59"/>
        <source>Flightdeck User Guide</source>
        <translation>Flightdeck-Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>flightdeck::ui::VersionPreview</name>
    <message>
        <location filename="../ui/data/VersionPreview.cpp" line="38"/>
        <source>Loading version #%1…</source>
        <translation>Version #%1 wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/data/VersionPreview.cpp" line="40"/>
        <source>Loading preview</source>
        <translation>Vorschau wird geladen</translation>
    </message>
    <message>
        <location filename="../ui/data/VersionPreview.cpp" line="51"/>
        <source>Could not load the preview: %1</source>
        <translation>Die Vorschau konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/data/VersionPreview.cpp" line="62"/>
        <source>Version #%1: first %2 of %3 rows, a regression target</source>
        <translation>Version #%1: erste %2 von %3 Zeilen, eine Regressions-Zielgröße</translation>
    </message>
    <message>
        <location filename="../ui/data/VersionPreview.cpp" line="65"/>
        <source>Version #%1: first %2 of %3 rows, %4 classes</source>
        <translation>Version #%1: erste %2 von %3 Zeilen, %4 Klassen</translation>
    </message>
    <message>
        <location filename="../ui/data/VersionPreview.cpp" line="78"/>
        <source>Select a dataset version to preview it.</source>
        <translation>Wählen Sie eine Datensatzversion für die Vorschau aus.</translation>
    </message>
    <message>
        <location filename="../ui/data/VersionPreview.cpp" line="79"/>
        <source>Open or create a project to import data.</source>
        <translation>Öffnen oder erstellen Sie ein Projekt, um Daten zu importieren.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="46"/>
        <source>Flightdeck machine-learning workbench</source>
        <translation>Flightdeck – Arbeitsumgebung für maschinelles Lernen</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="50"/>
        <source>Project folder to open.</source>
        <translation>Zu öffnender Projektordner.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="53"/>
        <source>Save a screenshot of the window to &lt;file&gt; and quit.</source>
        <translation>Ein Bildschirmfoto des Fensters in &lt;file&gt; speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="56"/>
        <source>Select run &lt;id&gt; after opening.</source>
        <translation>Nach dem Öffnen den Lauf &lt;id&gt; auswählen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="59"/>
        <source>Open the prediction log &lt;file&gt; in the monitoring dashboard.</source>
        <translation>Das Vorhersageprotokoll &lt;file&gt; im Überwachungs-Dashboard öffnen.</translation>
    </message>
</context>
</TS>
