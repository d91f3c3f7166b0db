import CLibXML2

/// One-time, process-wide set-up of libxml2, done before any concurrent use.
///
/// `xmlInitParser()` and `xmlSchemaInitTypes()` must run once before threads use the library; catalogs are
/// switched off and the external-entity loader is replaced by one that only serves the embedded schema
/// files, so nothing a message says can make libxml2 open a file or a network connection.
enum LibXML {
    /// Runs the set-up exactly once (Swift runs a static initialiser once, thread-safely); touch it
    /// before any use of libxml2.
    static let initialized: Bool = {
        xmlInitParser()
        xmlSchemaInitTypes()
        xmlCatalogSetDefaults(XML_CATA_ALLOW_NONE)
        xmlSetExternalEntityLoader(schemaOnlyEntityLoader)
        return true
    }()

    /// The embedded schema files by name, as NUL-terminated UTF-8 kept for the life of the process.
    static let schemaFiles: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for file in EmbeddedSchemas.files { files[file.name] = Array(file.text.utf8) }
        return files
    }()
}

/// The only external-entity loader libxml2 gets: it serves the embedded schema files (for the schemas'
/// own `xs:include`s while compiling) and refuses everything else: no file, no network, no catalog.
private let schemaOnlyEntityLoader: xmlExternalEntityLoader = { url, _, context in
    guard let url, let bytes = LibXML.schemaFiles[String(cString: url)] else { return nil }
    return bytes.withUnsafeBufferPointer { buffer -> xmlParserInputPtr? in
        guard let base = buffer.baseAddress else { return nil }
        return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
            // xmlParserInputBufferCreateMem copies the bytes.
            guard let input = xmlParserInputBufferCreateMem(pointer, Int32(buffer.count), XML_CHAR_ENCODING_UTF8)
            else { return nil }
            return xmlNewIOInputStream(context, input, XML_CHAR_ENCODING_UTF8)
        }
    }
}
