import BoaCore
import BoaSamples
import BoaXML
import Foundation
import Testing

/// Whether python3 with xmlschema and lxml is here (`.ci/run` installs them).
let independentValidatorsAvailable: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import xmlschema, lxml"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    } catch {
        return false
    }
}()

/// Partners validate with other tools: the Python validators xmlschema and lxml must accept our schemas,
/// accept what we write, and agree with us on what is invalid.
@Suite(.enabled(if: independentValidatorsAvailable, "needs python3 with xmlschema and lxml (pip install xmlschema lxml)"))
struct IndependentValidatorTests {
    /// Mutations of the §9 example that libxml2 rejects; the other validators must reject them too.
    static let invalidVariants: [(name: String, from: String, to: String)] = [
        ("prioriteit-5", "<BT:prioriteit>2</BT:prioriteit>", "<BT:prioriteit>5</BT:prioriteit>"),
        ("no-grondslag", "<BT:grondslag>WPG_ART8</BT:grondslag>", ""),
        ("order", "<BT:categorie>OVERLAST</BT:categorie>\n    <BT:subcategorie>JEUGD</BT:subcategorie>", "<BT:subcategorie>JEUGD</BT:subcategorie>\n    <BT:categorie>OVERLAST</BT:categorie>"),
        ("foreign-attribute", "<BT:taak>", "<BT:taak id=\"1\">"),
        ("no-offset", "2026-12-01T23:00:00+01:00", "2026-12-01T23:00:00"),
        ("subcategorie-31", "<BT:subcategorie>JEUGD</BT:subcategorie>", "<BT:subcategorie>\(String(repeating: "é", count: 31))</BT:subcategorie>"),
        ("functie-mismatch", "<BT:functie>taakVerzoek</BT:functie>", "<BT:functie>taakWijziging</BT:functie>"),
        ("berichtcode-mismatch", "<BT:berichtcode>Di01</BT:berichtcode>", "<BT:berichtcode>Du01</BT:berichtcode>"),
        ("month-13", "20261201091500000", "20261301091500000"),
        ("x-too-large", "<BT:x>250812.5</BT:x>", "<BT:x>300000.001</BT:x>"),
        ("unknown-element", "<BT:grondslag>", "<BT:extra>1</BT:extra><BT:grondslag>"),
    ]

    /// Mutations that stay valid.
    static let validVariants: [(name: String, from: String, to: String)] = [
        ("30-february", "20261201091500000", "20260230091500000"),
        ("subcategorie-30", "<BT:subcategorie>JEUGD</BT:subcategorie>", "<BT:subcategorie>\(String(repeating: "é", count: 30))</BT:subcategorie>"),
        ("zulu", "2026-12-01T23:00:00+01:00", "2026-12-01T22:00:00Z"),
        ("schema-location", "<BT:taak>", "<BT:taak xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:x http://127.0.0.1:9/x.xsd\">"),
    ]

    @Test func otherValidatorsAgreeWithOurs() throws {
        let folder = try temporaryFolder("boa-xsd")
        defer { try? FileManager.default.removeItem(at: folder) }
        let valid = folder.appendingPathComponent("valid")
        let invalid = folder.appendingPathComponent("invalid")
        try FileManager.default.createDirectory(at: valid, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: invalid, withIntermediateDirectories: true)
        // What we write, for every kind.
        for kind in MessageKind.allCases {
            for seed in UInt64(1)...5 {
                var samples = SampleMessages(seed: seed)
                let bytes = MessageWriter.encode(samples.message(kind))
                #expect(throws: Never.self) { try MessageReader().read(bytes).get() }
                try Data(bytes).write(to: valid.appendingPathComponent("\(kind.rawValue)-\(seed).xml"))
            }
        }
        for variant in Self.validVariants {
            let text = specExample.replacingOccurrences(of: variant.from, with: variant.to)
            #expect(text != specExample)
            #expect(throws: Never.self, "\(variant.name)") { try read(text).get() }
            try text.write(to: valid.appendingPathComponent("\(variant.name).xml"), atomically: true, encoding: .utf8)
        }
        for variant in Self.invalidVariants {
            let text = specExample.replacingOccurrences(of: variant.from, with: variant.to)
            #expect(text != specExample)
            guard case .failure(let fault) = read(text) else {
                Issue.record("\(variant.name) should be invalid for libxml2")
                continue
            }
            #expect(fault.code == .schemaInvalid, "\(variant.name)")
            try text.write(to: invalid.appendingPathComponent("\(variant.name).xml"), atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", repositoryRoot.appendingPathComponent("scripts/check-schemas.py").path,
            "--valid", valid.path, repositoryRoot.appendingPathComponent("examples").path, "--invalid", invalid.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains(" 0 disagreements"), "\(text)")
    }
}
