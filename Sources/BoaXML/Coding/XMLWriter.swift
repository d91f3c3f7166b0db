/// Writes a message as indented UTF-8 XML with the `BT` prefix, the same bytes for the same values.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0

    private mutating func indent() { text += String(repeating: "  ", count: depth) }

    /// Opens the root element and declares the namespace on it.
    mutating func startRoot(_ name: String) {
        text += "<\(XMLNames.prefix):\(name) xmlns:\(XMLNames.prefix)=\"\(XMLNames.namespace)\">\n"
        depth = 1
    }

    /// Opens an element with element content.
    mutating func start(_ name: String) {
        indent()
        text += "<\(XMLNames.prefix):\(name)>\n"
        depth += 1
    }

    /// Closes an element with element content.
    mutating func end(_ name: String) {
        depth -= 1
        indent()
        text += "</\(XMLNames.prefix):\(name)>\n"
    }

    /// An element with element content written by `body`.
    mutating func group(_ name: String, _ body: (inout XMLWriter) -> Void) {
        start(name)
        body(&self)
        end(name)
    }

    /// An element with text content.
    mutating func leaf(_ name: String, _ value: String) {
        indent()
        text += "<\(XMLNames.prefix):\(name)>\(XMLWriter.escape(value))</\(XMLNames.prefix):\(name)>\n"
    }

    /// An element with text content, left out when the value is nil.
    mutating func leaf(_ name: String, _ value: String?) {
        if let value { leaf(name, value) }
    }

    /// An element with a value written by its description (numbers, times, codes), left out when nil.
    mutating func leaf(_ name: String, _ value: (some CustomStringConvertible)?) {
        if let value { leaf(name, value.description) }
    }

    /// Escapes text content: `&`, `<`, `>`, and carriage returns (which a parser would otherwise turn into
    /// line feeds, changing the value).
    static func escape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x0D }) else { return value }
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\r": escaped += "&#13;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
