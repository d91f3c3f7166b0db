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
        func starts(_ prefix: UInt8...) -> Bool {
            guard bytes.count >= prefix.count else { return false }
            for (index, byte) in prefix.enumerated() where bytes[index] != byte { return false }
            return true
        }
        if starts(0xFE, 0xFF) || starts(0xFF, 0xFE) {
            return XMLIssue(line: 1, column: 1, message: "The file starts with a UTF-16 byte order mark; only UTF-8 is accepted.")
        }
        if starts(0x4C, 0x6F, 0xA7, 0x94) {
            return XMLIssue(line: 1, column: 1, message: "The file is EBCDIC; only UTF-8 is accepted.")
        }
        // libxml2 would read these first bytes as UTF-16 or UTF-32 without a byte order mark (XML 1.0 F.1).
        if starts(0, 0, 0, 0x3C) || starts(0x3C, 0, 0, 0) || starts(0, 0, 0x3C, 0) || starts(0, 0x3C, 0, 0) || starts(0x3C, 0, 0x3F, 0)
            || starts(0, 0x3C, 0, 0x3F)
        {
            return XMLIssue(line: 1, column: 1, message: "The file is UTF-16 or UTF-32 (NUL bytes between the characters); only UTF-8 is accepted.")
        }
        let start = starts(0xEF, 0xBB, 0xBF) ? 3 : 0
        return declaredEncodingProblem(in: bytes, from: start)
    }

    /// Reads the XML declaration's `encoding` label, if any, and rejects every label but `UTF-8` (any case).
    /// Works on the bytes in place: this runs for every message.
    private static func declaredEncodingProblem(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> XMLIssue? {
        // "<?xml" followed by whitespace.
        let opening: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0x3C, 0x3F, 0x78, 0x6D, 0x6C)
        guard bytes.count >= start + 6, bytes[start] == opening.0, bytes[start + 1] == opening.1, bytes[start + 2] == opening.2,
            bytes[start + 3] == opening.3, bytes[start + 4] == opening.4, isSpace(bytes[start + 5])
        else { return nil }
        // The declaration ends at the first "?>".
        var end = start + 5
        while end + 1 < bytes.count, !(bytes[end] == 0x3F && bytes[end + 1] == 0x3E) { end += 1 }
        let keyword: StaticString = "encoding"
        var at = -1
        keyword.withUTF8Buffer { word in
            var index = start + 5
            while index + word.count <= end {
                var match = true
                for offset in 0..<word.count where bytes[index + offset] != word[offset] {
                    match = false
                    break
                }
                if match {
                    at = index
                    return
                }
                index += 1
            }
        }
        guard at >= 0 else { return nil }
        var index = at + 8
        while index < end, isSpace(bytes[index]) { index += 1 }
        guard index < end, bytes[index] == 0x3D else { return nil }
        index += 1
        while index < end, isSpace(bytes[index]) { index += 1 }
        guard index < end, bytes[index] == 0x22 || bytes[index] == 0x27 else { return nil }
        let quote = bytes[index]
        let valueStart = index + 1
        var valueEnd = valueStart
        while valueEnd < end, bytes[valueEnd] != quote { valueEnd += 1 }
        guard valueEnd < end else { return nil }
        // "utf-8" in any letter case.
        let expected: [UInt8] = [0x75, 0x74, 0x66, 0x2D, 0x38]
        func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        if valueEnd - valueStart == 5, (0..<5).allSatisfy({ lowercased(bytes[valueStart + $0]) == expected[$0] }) { return nil }
        let label = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
        var scanner = TextPositionScanner(bytes)
        let (line, column) = scanner.position(of: valueStart)
        return XMLIssue(line: line, column: column, message: "The declared encoding is '\(label)'; only UTF-8 is accepted.")
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
