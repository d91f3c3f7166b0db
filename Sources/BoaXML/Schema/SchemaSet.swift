import CLibXML2

/// The compiled contract: one `xmlSchema` built once from the embedded XSD files and shared by every
/// thread (libxml2 only reads a compiled schema while validating).
final class SchemaSet: @unchecked Sendable {
    // @unchecked Sendable: `schema` is written once in init and only read afterwards; libxml2 documents a
    // compiled schema as safe to share between validation contexts on different threads.
    let schema: xmlSchemaPtr

    /// The one compiled schema set of the process.
    static let shared = SchemaSet()

    private init() {
        _ = LibXML.initialized
        let hub = EmbeddedSchemas.hub
        guard let bytes = LibXML.schemaFiles[hub] else { fatalError("embedded schema \(hub) is missing") }
        let collector = SchemaErrorCollector()
        let parserContext = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlSchemaNewMemParserCtxt($0, Int32(buffer.count)) }
            }
        }
        guard let parserContext else { fatalError("libxml2 could not make a schema parser context") }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        let collectorPointer = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetParserStructuredErrors(parserContext, { userData, error in
            guard let userData, let error else { return }
            let collector = Unmanaged<SchemaErrorCollector>.fromOpaque(userData).takeUnretainedValue()
            collector.messages.append(error.pointee.message.map { String(cString: $0) } ?? "unknown error")
        }, collectorPointer)
        let compiled = withExtendedLifetime(collector) { xmlSchemaParse(parserContext) }
        guard let compiled else {
            fatalError("the embedded schemas do not compile: \(collector.messages.joined(separator: "; "))")
        }
        schema = compiled
    }
}

private final class SchemaErrorCollector {
    var messages: [String] = []
}
