import Foundation
import Testing

/// `boa-coord validate` as OPERATIONS.md describes it, through the real binary.
@Suite struct ValidateCommandTests {
    let example = """
        <?xml version="1.0" encoding="UTF-8"?>
        <BT:statusVerzoek_Di01 xmlns:BT="urn:nl:gemeente:boa-taak:0100">
          <BT:stuurgegevens>
            <BT:berichtcode>Di01</BT:berichtcode>
            <BT:zender><BT:organisatie>00000099000000000101</BT:organisatie><BT:applicatie>GMS</BT:applicatie></BT:zender>
            <BT:ontvanger><BT:organisatie>00000099000000000164</BT:organisatie><BT:applicatie>BOATAAK</BT:applicatie></BT:ontvanger>
            <BT:referentienummer>GMS-2026-9</BT:referentienummer>
            <BT:tijdstipBericht>20261201091500000</BT:tijdstipBericht>
            <BT:functie>statusVerzoek</BT:functie>
          </BT:stuurgegevens>
          <BT:statusvraag><BT:taakId>ON-1</BT:taakId></BT:statusvraag>
        </BT:statusVerzoek_Di01>

        """

    @Test func everyExampleIsValid() throws {
        let folders = ["examples/inbound", "examples/outbound"].map { repositoryRoot.appendingPathComponent($0) }
        var files: [String] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            files += names.filter { $0.hasSuffix(".xml") }.sorted().map { folder.appendingPathComponent($0).path }
        }
        #expect(files.count >= 19, "at least one example per root element")
        let result = try runBinary(["validate"] + files)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == files.count)
        #expect(lines.allSatisfy { $0.contains(": OK ") })
        // Every root element has an example.
        let roots = Set(lines.compactMap { $0.split(separator: " ").last.map(String.init) })
        #expect(roots.count == 19, "roots with an example: \(roots.sorted())")
        // `boa-coord validate examples/*`: the folders stand for the same files, in the same order.
        let byFolder = try runBinary(["validate"] + folders.map(\.path))
        #expect(byFolder.status == 0, "\(byFolder.standardOutput)\(byFolder.standardError)")
        #expect(byFolder.standardOutput == result.standardOutput)
        let everything = ((try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("examples").path)) ?? []).sorted()
        #expect(everything == ["inbound", "outbound"], "examples/* must name only the two folders")
    }

    @Test func aFolderStandsForTheXMLFilesBeneathIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("boa-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<a/>".utf8).write(to: folder.appendingPathComponent("b/z.xml"))
        try Data("<a/>".utf8).write(to: folder.appendingPathComponent("a.xml"))
        try Data("not xml".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        try Data("<a/>".utf8).write(to: folder.appendingPathComponent(".hidden.xml"))
        let result = try runBinary(["validate", folder.path])
        #expect(result.status == 1)
        let paths = result.standardOutput.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != ":" }) }
        #expect(paths == [folder.appendingPathComponent("a.xml").path, folder.appendingPathComponent("b/z.xml").path])
        #expect(result.standardOutput.contains("StUF055"))
    }

    @Test func reportsOneLinePerFileAndExitsOneWhenAnyIsInvalid() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try example.write(to: folder.appendingPathComponent("good.xml"), atomically: true, encoding: .utf8)
        try example.replacingOccurrences(of: "<BT:taakId>ON-1</BT:taakId>", with: "<BT:taakId></BT:taakId>")
            .write(to: folder.appendingPathComponent("bad.xml"), atomically: true, encoding: .utf8)
        try "<a><b></a>".write(to: folder.appendingPathComponent("broken.xml"), atomically: true, encoding: .utf8)
        let result = try runBinary(["validate", "good.xml", "bad.xml", "broken.xml"], in: folder)
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "good.xml: OK statusVerzoek_Di01")
        #expect(lines[1].hasPrefix("bad.xml: StUF055 11:19 Element 'BT:taakId': "), "\(lines[1])")
        #expect(lines.contains { $0.hasPrefix("broken.xml: NIETXML 1:") })
    }

    @Test func unreadableFileExitsTwo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try example.write(to: folder.appendingPathComponent("good.xml"), atomically: true, encoding: .utf8)
        // A device is not a regular file (a folder would stand for its .xml files).
        let result = try runBinary(["validate", "good.xml", "missing.xml", "/dev/null"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("good.xml: OK statusVerzoek_Di01"))
        #expect(result.standardError.contains("missing.xml"))
        #expect(result.standardError.contains("not a regular file"))
    }

    @Test func noFileIsAUsageError() throws {
        let result = try runBinary(["validate"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("FILE"))
    }

    @Test func sizeCapComesFromTheHomeConfiguration() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try example.write(to: folder.appendingPathComponent("good.xml"), atomically: true, encoding: .utf8)
        let size = example.utf8.count
        let home = folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try "[intake]\nmax_file_bytes = 100\n".write(to: home.appendingPathComponent("boa-coord.toml"), atomically: true, encoding: .utf8)
        let capped = try runBinary(["validate", "--home", home.path, "good.xml"], in: folder)
        #expect(capped.status == 1)
        #expect(capped.standardOutput == "good.xml: TEGROOT 0:0 The file is \(size) bytes, more than the maximum of 100 bytes.\n")
        // The same file at the default cap is fine, and validate changed nothing in the home.
        let normal = try runBinary(["validate", "good.xml"], in: folder)
        #expect(normal.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path) == ["boa-coord.toml"])
    }

    @Test func badConfigurationIsReported() throws {
        let home = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        try "[intake]\nmax_file_byte = 100\n".write(to: home.appendingPathComponent("boa-coord.toml"), atomically: true, encoding: .utf8)
        let result = try runBinary(["validate", "--home", home.path, "x.xml"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("intake.max_file_byte"))
    }

    @Test func helpExplainsWithAnExample() throws {
        let result = try runBinary(["validate", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("boa-coord validate examples/"))
        #expect(result.standardOutput.contains("NIETXML"))
    }
}
