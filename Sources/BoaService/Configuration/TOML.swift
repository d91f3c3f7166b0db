/// A value of the small TOML subset `boa-coord.toml` uses.
public enum TOMLValue: Hashable, Sendable {
    /// A string (basic `"…"` with escapes, or literal `'…'`).
    case string(String)
    /// An integer (underscores allowed).
    case integer(Int)
    /// A float.
    case float(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// An array (one line or several).
    case array([TOMLValue])
}

/// An error in `boa-coord.toml`, with its line.
public struct TOMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// What is wrong.
    public var message: String

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}

/// Reads the TOML subset the configuration needs: comments, `[table]` and `[a.b]` headers, `key = value`
/// with strings, integers, floats, booleans and arrays. Keys are returned fully qualified
/// (`partners.politie-on.applicatie`), in file order.
public enum TOMLReader {
    /// Parses a document into `(dotted key, value, line)` entries in file order.
    public static func parse(_ text: String) throws(TOMLError) -> [(key: String, value: TOMLValue, line: Int)] {
        var entries: [(key: String, value: TOMLValue, line: Int)] = []
        var seen: Set<String> = []
        var table = ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let lineNumber = index + 1
            var line = stripComment(lines[index]).trimmingWhitespace()
            index += 1
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), !line.hasPrefix("[[") else {
                    throw TOMLError(line: lineNumber, message: "a table header is written [name]")
                }
                table = String(line.dropFirst().dropLast()).trimmingWhitespace()
                guard !table.isEmpty, table.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ isBareKey(String($0)) })
                else { throw TOMLError(line: lineNumber, message: "'\(table)' is not a table name") }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw TOMLError(line: lineNumber, message: "expected key = value")
            }
            let key = String(line[..<equals]).trimmingWhitespace()
            guard isBareKey(key) else { throw TOMLError(line: lineNumber, message: "'\(key)' is not a key") }
            var valueText = String(line[line.index(after: equals)...]).trimmingWhitespace()
            // A multi-line array: keep reading until the brackets balance.
            while valueText.hasPrefix("["), bracketDepth(valueText) > 0, index < lines.count {
                line = stripComment(lines[index]).trimmingWhitespace()
                index += 1
                valueText += " " + line
            }
            var scanner = ValueScanner(Array(valueText.unicodeScalars), line: lineNumber)
            let value = try scanner.value()
            scanner.skipSpace()
            guard scanner.isAtEnd else { throw TOMLError(line: lineNumber, message: "unexpected text after the value of '\(key)'") }
            let full = table.isEmpty ? key : table + "." + key
            guard seen.insert(full).inserted else { throw TOMLError(line: lineNumber, message: "'\(full)' is set twice") }
            entries.append((full, value, lineNumber))
        }
        return entries
    }

    private static func isBareKey(_ key: String) -> Bool {
        !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
            }
    }

    private static func bracketDepth(_ text: String) -> Int {
        var depth = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "[" {
                depth += 1
            } else if character == "]" {
                depth -= 1
            }
        }
        return depth
    }

    private static func stripComment(_ line: String) -> String {
        var quote: Character?
        var escaped = false
        for (offset, character) in line.enumerated() {
            if let open = quote {
                if escaped { escaped = false } else if character == "\\" && open == "\"" { escaped = true } else if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                return String(line.prefix(offset))
            }
        }
        return line
    }
}

private struct ValueScanner {
    let scalars: [Unicode.Scalar]
    let line: Int
    var index = 0

    init(_ scalars: [Unicode.Scalar], line: Int) {
        self.scalars = scalars
        self.line = line
    }

    var isAtEnd: Bool { index >= scalars.count }

    mutating func skipSpace() { while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 } }

    func error(_ message: String) -> TOMLError { TOMLError(line: line, message: message) }

    mutating func value() throws(TOMLError) -> TOMLValue {
        skipSpace()
        guard index < scalars.count else { throw error("a value is missing") }
        switch scalars[index] {
        case "\"": return .string(try basicString())
        case "'": return .string(try literalString())
        case "[": return .array(try array())
        default: return try bare()
        }
    }

    mutating func basicString() throws(TOMLError) -> String {
        index += 1
        var result = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\"" { return String(result) }
            if scalar == "\\" {
                guard index < scalars.count else { break }
                let escape = scalars[index]
                index += 1
                switch escape {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                default: throw error("unknown escape \\\(escape)")
                }
            } else {
                result.append(scalar)
            }
        }
        throw error("a string is not closed")
    }

    mutating func literalString() throws(TOMLError) -> String {
        index += 1
        var result = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "'" { return String(result) }
            result.append(scalar)
        }
        throw error("a string is not closed")
    }

    mutating func array() throws(TOMLError) -> [TOMLValue] {
        index += 1
        var values: [TOMLValue] = []
        while true {
            skipSpace()
            guard index < scalars.count else { throw error("an array is not closed") }
            if scalars[index] == "]" {
                index += 1
                return values
            }
            values.append(try value())
            skipSpace()
            if index < scalars.count, scalars[index] == "," { index += 1 }
        }
    }

    mutating func bare() throws(TOMLError) -> TOMLValue {
        let start = index
        while index < scalars.count, scalars[index] != ",", scalars[index] != "]", scalars[index] != " ", scalars[index] != "\t" {
            index += 1
        }
        var text = String(String.UnicodeScalarView(scalars[start..<index]))
        if text == "true" { return .boolean(true) }
        if text == "false" { return .boolean(false) }
        text = text.replacingUnderscores()
        if let integer = Int(text) { return .integer(integer) }
        if let float = Double(text), text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return .float(float) }
        throw error("'\(text)' is not a value (strings need quotes)")
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
