import BoaCore
import BoaXML
import Foundation

/// The repository root, found from this file's place.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The KOPPELVLAK §9 example, a valid taakVerzoek_Di01.
let specExample = """
    <?xml version="1.0" encoding="UTF-8"?>
    <BT:taakVerzoek_Di01 xmlns:BT="urn:nl:gemeente:boa-taak:0100">
      <BT:stuurgegevens>
        <BT:berichtcode>Di01</BT:berichtcode>
        <BT:zender><BT:organisatie>00000099000000000101</BT:organisatie><BT:applicatie>GMS</BT:applicatie></BT:zender>
        <BT:ontvanger><BT:organisatie>00000099000000000164</BT:organisatie><BT:applicatie>BOATAAK</BT:applicatie></BT:ontvanger>
        <BT:referentienummer>GMS-2026-4711</BT:referentienummer>
        <BT:tijdstipBericht>20261201091500000</BT:tijdstipBericht>
        <BT:functie>taakVerzoek</BT:functie>
      </BT:stuurgegevens>
      <BT:taak>
        <BT:taakId>ON-TW-2026-000815</BT:taakId>
        <BT:categorie>OVERLAST</BT:categorie>
        <BT:subcategorie>JEUGD</BT:subcategorie>
        <BT:prioriteit>2</BT:prioriteit>
        <BT:locatie>
          <BT:omschrijving>Speelveld achter de sporthal</BT:omschrijving>
          <BT:buurtcode>BU01640304</BT:buurtcode>
          <BT:punt><BT:x>250812.5</BT:x><BT:y>476530.0</BT:y></BT:punt>
        </BT:locatie>
        <BT:tijdvak><BT:uiterlijkGereed>2026-12-01T23:00:00+01:00</BT:uiterlijkGereed></BT:tijdvak>
        <BT:grondslag>WPG_ART8</BT:grondslag>
        <BT:opdrachtgever><BT:eenheid>Basisteam Twente-Midden</BT:eenheid></BT:opdrachtgever>
      </BT:taak>
    </BT:taakVerzoek_Di01>

    """

/// Reads a message from text.
func read(_ text: String, maximumSize: Int = MessageReader.defaultMaximumSize) -> Result<Message, MessageFault> {
    MessageReader(maximumSize: maximumSize).read(Array(text.utf8))
}

/// Makes a fresh temporary folder.
func temporaryFolder(_ name: String = "boa-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
