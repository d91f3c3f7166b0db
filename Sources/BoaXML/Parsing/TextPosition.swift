/// Turns byte offsets in a UTF-8 document into 1-based lines and columns (columns count characters,
/// as XSD lengths and libxml2 do), moving forward only so that a whole document costs one pass.
struct TextPositionScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    private var column = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A UTF-8 byte order mark is not a character of the first line.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
    }

    /// The line and column of the byte at `target`. Targets must not decrease between calls; an earlier
    /// target starts a new scan from the top.
    mutating func position(of target: Int) -> (line: Int, column: Int) {
        let target = min(max(target, 0), bytes.count)
        if target < offset { self = TextPositionScanner(bytes) }
        while offset < target {
            let byte = bytes[offset]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return (line, column)
    }
}

/// Checks done on the raw bytes before libxml2 sees them: the contract accepts UTF-8 only
/// (KOPPELVLAK §10), so a UTF-16/UTF-32/EBCDIC document, a NUL byte or another declared encoding is
/// `NIETXML` here, before any parser could switch encodings.
enum EncodingCheck {
    /// The first reason the bytes are not UTF-8 XML, if any.
    static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> XMLIssue? {
        if bytes.isEmpty { return XMLIssue(line: 1, column: 1, message: "The file is empty; a message is one XML document.") }
        let starts = { (prefix: [UInt8]) in bytes.count >= prefix.count && zip(prefix, bytes).allSatisfy { $0 == $1 } }
        if starts([0xFE, 0xFF]) || starts([0xFF, 0xFE]) {
            return XMLIssue(line: 1, column: 1, message: "The file starts with a UTF-16 byte order mark; only UTF-8 is accepted.")
        }
        if starts([0x4C, 0x6F, 0xA7, 0x94]) {
            return XMLIssue(line: 1, column: 1, message: "The file is EBCDIC; only UTF-8 is accepted.")
        }
        // libxml2 would read these first bytes as UTF-16 or UTF-32 without a byte order mark (XML 1.0 F.1).
        let wideStarts: [[UInt8]] = [[0, 0, 0, 0x3C], [0x3C, 0, 0, 0], [0, 0, 0x3C, 0], [0, 0x3C, 0, 0], [0x3C, 0, 0x3F, 0], [0, 0x3C, 0, 0x3F]]
        if wideStarts.contains(where: starts) {
            return XMLIssue(line: 1, column: 1, message: "The file is UTF-16 or UTF-32 (NUL bytes between the characters); only UTF-8 is accepted.")
        }
        let start = starts([0xEF, 0xBB, 0xBF]) ? 3 : 0
        return declaredEncodingProblem(in: bytes, from: start)
    }

    /// Reads the XML declaration's `encoding` label, if any, and rejects every label but `UTF-8` (any case).
    private static func declaredEncodingProblem(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> XMLIssue? {
        let opening = Array("<?xml".utf8)
        guard bytes.count >= start + 6, Array(bytes[start..<(start + 5)]) == opening,
            [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start + 5])
        else { return nil }
        // The declaration ends at the first "?>".
        var end = start + 5
        while end + 1 < bytes.count, !(bytes[end] == 0x3F && bytes[end + 1] == 0x3E) { end += 1 }
        let declaration = Array(bytes[start..<end])
        let keyword = Array("encoding".utf8)
        guard let at = declaration.firstRange(of: keyword)?.lowerBound else { return nil }
        var index = at + keyword.count
        func skipSpace() { while index < declaration.count, [0x20, 0x09, 0x0A, 0x0D].contains(declaration[index]) { index += 1 } }
        skipSpace()
        guard index < declaration.count, declaration[index] == 0x3D else { return nil }
        index += 1
        skipSpace()
        guard index < declaration.count, declaration[index] == 0x22 || declaration[index] == 0x27 else { return nil }
        let quote = declaration[index]
        let valueStart = index + 1
        guard let valueEnd = declaration[valueStart...].firstIndex(of: quote) else { return nil }
        let label = String(decoding: declaration[valueStart..<valueEnd], as: UTF8.self)
        if label.lowercased() == "utf-8" { return nil }
        var scanner = TextPositionScanner(bytes)
        let (line, column) = scanner.position(of: start + valueStart)
        return XMLIssue(line: line, column: column, message: "The declared encoding is '\(label)'; only UTF-8 is accepted.")
    }
}
