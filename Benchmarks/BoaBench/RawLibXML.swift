import CLibXML2

/// libxml2 errors are counted, not printed, on the raw path.
private let ignoreError: xmlStructuredErrorFunc = { _, _ in }

/// The raw libxml2 baseline: the schema compiled straight from `schemas/`, and plain
/// `xmlCtxtReadMemory` + `xmlSchemaValidateDoc` with none of the product's hardening or decoding.
final class RawSchema: @unchecked Sendable {
    // @unchecked Sendable: written once in init, then only read; libxml2 allows one compiled schema to be
    // shared by validation contexts on different threads.
    let schema: xmlSchemaPtr

    /// Compiles `hub` (and what it includes) from disk.
    ///
    /// Must run before the first `MessageReader` use: the product replaces libxml2's external-entity loader
    /// with one that serves only the embedded schema files, after which includes from disk no longer load.
    init(hub path: String) throws(UsageError) {
        xmlInitParser()
        xmlSchemaInitTypes()
        guard let parserContext = xmlSchemaNewParserCtxt(path) else { throw UsageError(message: "cannot read schema \(path)") }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        guard let schema = xmlSchemaParse(parserContext) else { throw UsageError(message: "schema \(path) does not compile") }
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }
}

/// One thread's parser and validation context for the raw baseline.
final class RawWorker: @unchecked Sendable {
    // @unchecked Sendable: each worker is used by one thread at a time (thread number = worker index).
    private let parser: xmlParserCtxtPtr
    private let validator: xmlSchemaValidCtxtPtr
    private let options = Int32(XML_PARSE_NONET.rawValue)

    init(_ schema: RawSchema) {
        guard let parser = xmlNewParserCtxt(), let validator = xmlSchemaNewValidCtxt(schema.schema) else {
            fatalError("libxml2 could not allocate a parser or validation context")
        }
        parser.pointee.sax.pointee.serror = ignoreError
        xmlSchemaSetValidStructuredErrors(validator, ignoreError, nil)
        self.parser = parser
        self.validator = validator
    }

    deinit {
        xmlFreeParserCtxt(parser)
        xmlSchemaFreeValidCtxt(validator)
    }

    /// Parses and validates one document: true if it is well-formed and valid.
    func parseAndValidate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let document = bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            xmlCtxtReadMemory(parser, $0, Int32(bytes.count), nil, nil, options)
        }
        guard let document else { return false }
        defer { xmlFreeDoc(document) }
        return xmlSchemaValidateDoc(validator, document) == 0
    }

    /// Only parses one document (no validation): true if it is well-formed. A diagnostic, to split (a).
    func parseOnly(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let document = bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            xmlCtxtReadMemory(parser, $0, Int32(bytes.count), nil, nil, options)
        }
        guard let document else { return false }
        xmlFreeDoc(document)
        return parser.pointee.wellFormed != 0
    }
}
