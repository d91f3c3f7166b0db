import BoaCore
import BoaXML
import Foundation
import Testing

/// The schema files are the machine-readable contract: the binary carries them, and independent
/// validators accept them.
@Suite struct SchemaTests {
    @Test func embeddedSchemasMatchTheSchemaFolder() throws {
        let folder = repositoryRoot.appendingPathComponent("schemas")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xsd") }.sorted()
        #expect(names == EmbeddedSchemaFiles.names, "run scripts/embed-schemas.sh after editing a schema")
        for name in names {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(EmbeddedSchemaFiles.text(of: name).map { $0 + "\n" } == onDisk, "\(name) differs: run scripts/embed-schemas.sh")
        }
    }

    @Test func everyRootElementHasASchemaDeclaration() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("schemas/boa-taak-inbound.xsd"), encoding: .utf8)
            + String(contentsOf: repositoryRoot.appendingPathComponent("schemas/boa-taak-outbound.xsd"), encoding: .utf8)
        for kind in MessageKind.allCases {
            #expect(text.contains("<xs:element name=\"\(kind.rawValue)\""), "no global element for \(kind.rawValue)")
        }
    }

    @Test func everyElementDeclarationIsDocumented() throws {
        let folder = repositoryRoot.appendingPathComponent("schemas")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".xsd") {
            let lines = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
            for (index, line) in lines.enumerated() where line.contains("<xs:element ") {
                let next = index + 1 < lines.count ? lines[index + 1] : ""
                #expect(!line.hasSuffix("/>") && next.contains("<xs:documentation>"), "\(name):\(index + 1) element without xs:documentation")
            }
        }
    }
}
