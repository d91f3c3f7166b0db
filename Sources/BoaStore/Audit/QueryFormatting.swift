import Foundation

/// How `boa-coord sql` prints a result.
public enum QueryFormat: String, CaseIterable, Sendable {
    /// Aligned columns with a header line.
    case table
    /// RFC 4180 CSV with a header row.
    case csv
    /// One JSON array of objects keyed by column name; NULL is `null`, numbers are numbers.
    case json
}

extension QueryResult {
    /// The result written in a format.
    public func formatted(as format: QueryFormat) -> String {
        switch format {
        case .table: table()
        case .csv: csv()
        case .json: json()
        }
    }

    private static func plain(_ value: QueryValue) -> String {
        switch value {
        case .null: ""
        case .integer(let number): String(number)
        case .real(let number): realText(number)
        case .text(let text): text
        case .blob(let data): data.base64EncodedString()
        }
    }

    private static func realText(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 { return String(format: "%.1f", number) }
        return "\(number)"
    }

    private func table() -> String {
        let cells = rows.map { $0.map { value -> String in value == .null ? "NULL" : QueryResult.plain(value) } }
        var widths = columns.map(\.count)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var text = line(columns) + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { text += line(row) + "\n" }
        text += "(\(rows.count) \(rows.count == 1 ? "row" : "rows"))\n"
        return text
    }

    private func csv() -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var text = columns.map(field).joined(separator: ",") + "\r\n"
        for row in rows { text += row.map { field(QueryResult.plain($0)) }.joined(separator: ",") + "\r\n" }
        return text
    }

    private func json() -> String {
        func string(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        func value(_ value: QueryValue) -> String {
            switch value {
            case .null: "null"
            case .integer(let number): String(number)
            case .real(let number): number.isFinite ? "\(number)" : "null"
            case .text(let text): string(text)
            case .blob(let data): string(data.base64EncodedString())
            }
        }
        let objects = rows.map { row in
            "{" + zip(columns, row).map { "\(string($0)):\(value($1))" }.joined(separator: ",") + "}"
        }
        return "[" + objects.joined(separator: ",\n ") + "]\n"
    }
}
