import BoaCore
import CLibXML2
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Parser options: no network, and nothing else. Never `NOENT`, `DTDLOAD`, `DTDATTR`, `DTDVALID`,
/// `XINCLUDE` or `HUGE` (libxml2's own limits on depth, text size and entity expansion stay in force).
private let parserOptions = Int32(XML_PARSE_NONET.rawValue)

/// The state of one parse, reached from libxml2's callbacks through the parser context's `_private`.
final class ParseState {
    let bytes: UnsafeBufferPointer<UInt8>
    private var scanner: TextPositionScanner
    /// Well-formedness errors, in the order libxml2 reported them.
    var parseIssues: [XMLIssue] = []
    /// Schema validity errors, in the order libxml2 reported them.
    var validityIssues: [XMLIssue] = []
    /// Where a DOCTYPE was met, if one was.
    var doctype: XMLIssue?
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        scanner = TextPositionScanner(bytes)
    }

    /// Notes where the start tag of `node` was read: an element node's `_private` holds the parser's byte
    /// offset there, plus one (cheap: this runs for every element). Lines and columns are only worked out for
    /// the few elements an error is about.
    @inline(__always)
    func recordStartTag(of node: xmlNodePtr, parserOffset offset: Int) {
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: offset + 1)
    }

    /// The start-tag position (line, column of its `<`) of an element, or of an attribute's element.
    func position(of node: xmlNodePtr?) -> (line: Int, column: Int)? {
        var node = node
        if let attribute = node, attribute.pointee.type == XML_ATTRIBUTE_NODE { node = attribute.pointee.parent }
        guard let node, node.pointee.type == XML_ELEMENT_NODE,
            let stored = node.pointee._private.map({ Int(bitPattern: $0) }), stored >= 1, !bytes.isEmpty
        else { return nil }
        // The parser stood inside or just after the start tag; its `<` is the last one before that place,
        // since `<` cannot occur inside a tag.
        var start = min(stored - 1, bytes.count - 1)
        while start > 0, bytes[start] != 0x3C { start -= 1 }
        return scanner.position(of: start)
    }

    /// Records a DOCTYPE: its position is that of the `<!DOCTYPE` before the parser's offset.
    func recordDoctype(parserOffset offset: Int) {
        let keyword = Array("<!DOCTYPE".utf8)
        var start = min(offset, bytes.count)
        while start > 0 {
            start -= 1
            if start + keyword.count <= bytes.count, zip(keyword, bytes[start...]).allSatisfy({ $0 == $1 }) { break }
        }
        var fresh = TextPositionScanner(bytes)
        let (line, column) = fresh.position(of: start)
        doctype = XMLIssue(line: line, column: column, message: "A DOCTYPE is not allowed: messages never carry a DTD or entity declarations.")
    }
}

/// The parser's absolute byte offset: what it has consumed (and dropped) plus its place in the buffer.
private func parserOffset(_ context: xmlParserCtxtPtr) -> Int {
    guard let input = context.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base else { return 0 }
    return Int(input.pointee.consumed) + (cur - base)
}

private func state(of context: xmlParserCtxtPtr) -> ParseState? {
    context.pointee._private.map { Unmanaged<ParseState>.fromOpaque($0).takeUnretainedValue() }
}

/// SAX2 start-element: build the node as libxml2 does, then note where its start tag is.
private let startElementHook: startElementNsSAX2Func = { ctx, localname, prefix, uri, nsCount, namespaces, attributeCount, defaultedCount, attributes in
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, nsCount, namespaces, attributeCount, defaultedCount, attributes)
    guard let ctx else { return }
    let context = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let node = context.pointee.node, strcmpXML(node.pointee.name, localname),
        let state = state(of: context)
    else { return }
    state.recordStartTag(of: node, parserOffset: parserOffset(context))
}

private func strcmpXML(_ a: UnsafePointer<xmlChar>?, _ b: UnsafePointer<xmlChar>?) -> Bool {
    guard let a, let b else { return false }
    return xmlStrEqual(a, b) != 0
}

/// SAX2 internal-subset: a DOCTYPE. Stop the parser before it reads a single declaration.
private let doctypeHook: internalSubsetSAXFunc = { ctx, _, _, _ in
    guard let ctx else { return }
    let context = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    state(of: context)?.recordDoctype(parserOffset: parserOffset(context))
    xmlStopParser(context)
}

/// Structured parser errors: keep errors and fatal errors with libxml2's line and column.
private let parseErrorHook: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let state = state(of: context) else { return }
    state.parseIssues.append(
        XMLIssue(line: Int(max(error.pointee.line, 1)), column: Int(max(error.pointee.int2, 1)), message: cleanMessage(error.pointee.message)))
}

/// Structured validity errors: place each at the start tag of the element it is about.
private let validityErrorHook: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    let state = Unmanaged<ParseState>.fromOpaque(userData).takeUnretainedValue()
    let node = error.pointee.node?.assumingMemoryBound(to: xmlNode.self)
    let position = state.position(of: node) ?? (Int(max(error.pointee.line, 1)), 1)
    state.validityIssues.append(XMLIssue(line: position.line, column: position.column, message: cleanMessage(error.pointee.message)))
}

/// libxml2's message without the trailing newline, with the contract namespace written as `BT:`.
private func cleanMessage(_ message: UnsafeMutablePointer<CChar>?) -> String {
    guard let message else { return "unknown error" }
    var text = String(cString: message)
    while text.last?.isNewline == true || text.last == " " { text.removeLast() }
    text = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    return text.replacingOccurrences(of: "{" + XMLNames.namespace + "}", with: "BT:")
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// A libxml2 parser context and schema validation context, used by one thread at a time.
final class ParserWorker {
    private var parser: xmlParserCtxtPtr
    private let validator: xmlSchemaValidCtxtPtr
    private var uses = 0

    init() {
        _ = LibXML.initialized
        guard let parser = ParserWorker.makeParser(), let validator = xmlSchemaNewValidCtxt(SchemaSet.shared.schema) else {
            fatalError("libxml2 could not allocate a parser or validation context")
        }
        self.parser = parser
        self.validator = validator
    }

    deinit {
        xmlFreeParserCtxt(parser)
        xmlSchemaFreeValidCtxt(validator)
    }

    private static func makeParser() -> xmlParserCtxtPtr? {
        guard let parser = xmlNewParserCtxt(), let sax = parser.pointee.sax else { return nil }
        sax.pointee.startElementNs = startElementHook
        sax.pointee.internalSubset = doctypeHook
        sax.pointee.serror = parseErrorHook
        sax.pointee.warning = nil
        sax.pointee.error = nil
        sax.pointee.fatalError = nil
        return parser
    }

    /// Parses and validates `bytes`, then hands the valid document to `body`; or returns the fault.
    /// The document lives only during `body`.
    func withValidDocument<T>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (xmlDocPtr, ParseState) throws(MessageFault) -> T) -> Result<T, MessageFault> {
        if let problem = EncodingCheck.problem(in: bytes) { return .failure(MessageFault(code: .notXML, issues: [problem])) }
        // Recycle the parser now and then: its name dictionary only ever grows.
        uses += 1
        if uses > 2000, let fresh = ParserWorker.makeParser() {
            xmlFreeParserCtxt(parser)
            parser = fresh
            uses = 0
        }
        let state = ParseState(bytes)
        let statePointer = Unmanaged.passUnretained(state).toOpaque()
        parser.pointee._private = statePointer
        defer { parser.pointee._private = nil }
        guard let base = bytes.baseAddress else { return .failure(MessageFault(code: .notXML, issues: [XMLIssue(line: 1, column: 1, message: "The file is empty.")])) }
        let document = withExtendedLifetime(state) {
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                xmlCtxtReadMemory(parser, $0, Int32(bytes.count), nil, nil, parserOptions)
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        if let doctype = state.doctype { return .failure(MessageFault(code: .notXML, issues: [doctype])) }
        guard let document, parser.pointee.wellFormed != 0, parser.pointee.nsWellFormed != 0 else {
            let issues = state.parseIssues.isEmpty
                ? [XMLIssue(line: 1, column: 1, message: "The document is not well-formed XML.")] : state.parseIssues
            return .failure(MessageFault(code: .notXML, issues: issues))
        }
        // libxml2 may take a NUL byte for the end of the input; XML allows no NUL anywhere.
        if let hit = memchr(base, 0, bytes.count) {
            let nul = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            var scanner = TextPositionScanner(bytes)
            let (line, column) = scanner.position(of: nul)
            return .failure(MessageFault(code: .notXML, issues: [XMLIssue(line: line, column: column, message: "A NUL byte is not allowed in XML (is the file binary?).")]))
        }
        xmlSchemaSetValidStructuredErrors(validator, validityErrorHook, statePointer)
        let verdict = withExtendedLifetime(state) { xmlSchemaValidateDoc(validator, document) }
        xmlSchemaSetValidStructuredErrors(validator, nil, nil)
        if verdict != 0 {
            let issues = state.validityIssues.isEmpty
                ? [XMLIssue(line: 1, column: 1, message: "The document is not valid against the BOA-taak schemas (libxml2 code \(verdict)).")]
                : state.validityIssues
            return .failure(MessageFault(code: .schemaInvalid, issues: issues, envelope: EnvelopeReader.sketch(of: document)))
        }
        do {
            return .success(try body(document, state))
        } catch {
            var fault = error
            fault.envelope = fault.envelope ?? EnvelopeReader.sketch(of: document)
            return .failure(fault)
        }
    }
}

/// Parser workers kept for reuse: each is used by one thread at a time, so every thread effectively has
/// its own validation context while the compiled schema is shared.
final class ParserPool: Sendable {
    private let idle = Mutex<[ParserWorkerBox]>([])

    /// The pool of the process.
    static let shared = ParserPool()

    /// Runs `body` with a worker no other thread is using.
    func withWorker<T>(_ body: (ParserWorker) -> T) -> T {
        let box = idle.withLock { $0.popLast() } ?? ParserWorkerBox(ParserWorker())
        defer { idle.withLock { $0.append(box) } }
        return body(box.worker)
    }
}

/// A worker in the pool. `@unchecked Sendable`: the pool hands a worker to one caller at a time and takes it
/// back under the same lock, so its libxml2 contexts are never used by two threads at once.
private final class ParserWorkerBox: @unchecked Sendable {
    let worker: ParserWorker
    init(_ worker: ParserWorker) { self.worker = worker }
}
