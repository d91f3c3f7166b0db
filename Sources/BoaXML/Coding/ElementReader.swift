import BoaCore
import CLibXML2

/// An element of a parsed, valid document, read through libxml2's tree. Valid only while the document lives.
struct Element {
    let node: xmlNodePtr
    let state: ParseState

    /// The local name.
    var name: String { String(cString: node.pointee.name) }

    /// The concatenated text and CDATA content, exactly as written (for `xs:string` types).
    var text: String {
        guard let first = node.pointee.children else { return "" }
        // Nearly always one text node: read it straight.
        if first.pointee.next == nil, first.pointee.type == XML_TEXT_NODE || first.pointee.type == XML_CDATA_SECTION_NODE,
            let content = first.pointee.content
        {
            return String(cString: content)
        }
        var text = ""
        var child: xmlNodePtr? = first
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE, let content = current.pointee.content {
                text += String(cString: content)
            }
            child = current.pointee.next
        }
        return text
    }

    /// The text with XML whitespace collapsed, as XSD reads every non-string type.
    var token: String {
        let raw = text
        let utf8 = raw.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return raw }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(raw[start...end])
    }

    /// The child elements, in order.
    var children: ChildCursor { ChildCursor(first: node.pointee.children, state: state) }

    /// A fault about this element's value that the schema let through but the service cannot hold
    /// (e.g. a number too large).
    func fault(_ message: String) -> MessageFault {
        let position = state.position(of: node) ?? (1, 1)
        return MessageFault(code: .schemaInvalid, issues: [XMLIssue(line: position.line, column: position.column, message: "Element 'BT:\(name)': \(message)")])
    }

    // MARK: typed values

    func string() -> String { text }

    func integer() throws(MessageFault) -> Int {
        let value = token
        let digits = value.hasPrefix("+") ? String(value.dropFirst()) : value
        guard let number = Int(digits) else { throw fault("'\(value)' is not an integer the service can hold.") }
        return number
    }

    func decimal() throws(MessageFault) -> Double {
        let value = token
        guard value.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D }),
            let number = Double(value.hasSuffix(".") ? value + "0" : value)
        else { throw fault("'\(value)' is not a decimal.") }
        // Millimetre precision: what the service keeps of an RD coordinate.
        return (number * 1000).rounded() / 1000
    }

    func boolean() throws(MessageFault) -> Bool {
        switch token {
        case "true", "1": return true
        case "false", "0": return false
        case let other: throw fault("'\(other)' is not a boolean.")
        }
    }

    func timestamp() throws(MessageFault) -> Timestamp {
        guard let value = Timestamp(xsdDateTime: token) else { throw fault("'\(token)' is not a time the service can hold.") }
        return value
    }

    func date() throws(MessageFault) -> LocalDate {
        guard let value = LocalDate(xsdDate: token) else { throw fault("'\(token)' is not a date the service can hold.") }
        return value
    }

    func duration() throws(MessageFault) -> RetentionPeriod {
        guard let value = RetentionPeriod(xsdDuration: token) else { throw fault("'\(token)' is not a duration the service can hold.") }
        return value
    }

    func messageTime() throws(MessageFault) -> MessageTime {
        guard let value = MessageTime(text) else { throw fault("'\(text)' is not a StUF Tijdstip.") }
        return value
    }

    func taskNumber() throws(MessageFault) -> TaskNumber {
        guard let value = TaskNumber(text) else { throw fault("'\(text)' is not a taakNummer.") }
        return value
    }

    func code<C: CodeList>(_ type: C.Type) throws(MessageFault) -> C {
        guard let value = C(rawValue: text) else { throw fault("'\(text)' is not in the code list.") }
        return value
    }

    func priority() throws(MessageFault) -> Priority {
        guard let value = Priority(rawValue: try integer()) else { throw fault("'\(token)' is not a priority.") }
        return value
    }
}

/// Walks the child elements of an element in document order, skipping text, comments and PIs.
struct ChildCursor {
    private var current: xmlNodePtr?
    private let state: ParseState

    init(first: xmlNodePtr?, state: ParseState) {
        self.state = state
        current = ChildCursor.element(from: first)
    }

    private static func element(from node: xmlNodePtr?) -> xmlNodePtr? {
        var node = node
        while let candidate = node, candidate.pointee.type != XML_ELEMENT_NODE { node = candidate.pointee.next }
        return node
    }

    private func isNamed(_ name: StaticString) -> Bool {
        guard let current else { return false }
        return name.withUTF8Buffer { wanted in
            guard let base = wanted.baseAddress else { return false }
            guard let actual = current.pointee.name else { return false }
            var index = 0
            while index < wanted.count {
                if actual[index] != base[index] { return false }
                index += 1
            }
            return actual[index] == 0
        }
    }

    /// Takes the current child; only called after `isNamed` found one.
    private mutating func advance() -> Element {
        guard let node = current else { preconditionFailure("advance() past the last child") }
        current = ChildCursor.element(from: node.pointee.next)
        return Element(node: node, state: state)
    }

    /// The next child if it is named `name`.
    mutating func optional(_ name: StaticString) -> Element? {
        isNamed(name) ? advance() : nil
    }

    /// The next child, which must be named `name`.
    mutating func required(_ name: StaticString) throws(MessageFault) -> Element {
        guard isNamed(name) else {
            let found = current.map { "found '\(String(cString: $0.pointee.name))'" } ?? "found nothing"
            let position = current.flatMap { state.position(of: $0) } ?? (1, 1)
            throw MessageFault(code: .schemaInvalid, issues: [XMLIssue(line: position.0, column: position.1, message: "Expected 'BT:\(name)', \(found).")])
        }
        return advance()
    }

    /// Every next child named `name`.
    mutating func repeated(_ name: StaticString) -> [Element] {
        var elements: [Element] = []
        while isNamed(name) { elements.append(advance()) }
        return elements
    }
}
