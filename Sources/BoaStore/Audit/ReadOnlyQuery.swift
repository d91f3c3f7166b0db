public import Foundation
import GRDB

/// The result of a read-only query: column names and rows of values.
public struct QueryResult: Sendable {
    /// Column names, in order.
    public var columns: [String]
    /// Rows of values, each as many as there are columns.
    public var rows: [[QueryValue]]
}

/// One value of a query result.
public enum QueryValue: Hashable, Sendable {
    /// SQL NULL.
    case null
    /// An integer.
    case integer(Int64)
    /// A real number.
    case real(Double)
    /// Text.
    case text(String)
    /// A blob.
    case blob(Data)
}

/// An SQL statement that failed or was refused, with SQLite's words.
public struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// The message.
    public var description: String { message }
}

extension Store {
    /// Runs one query on a connection that cannot write: opened read-only, with `PRAGMA query_only`, and
    /// refusing `ATTACH` and any statement that is not a pure read. For `boa-coord sql` and auditors.
    public static func readOnlyQuery(databaseAt url: URL, sql: String) throws(QueryError) -> QueryResult {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw QueryError(message: "there is no database at \(url.path) (has the service run in this home?)")
        }
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA query_only = 1")
        }
        try ReadOnlySQL.check(sql)
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            return try queue.read { db in
                let statements = try db.allStatements(sql: sql)
                guard let statement = try statements.next() else { throw QueryError(message: "the query is empty") }
                if try statements.next() != nil { throw QueryError(message: "give one statement only") }
                guard statement.isReadonly else {
                    throw QueryError(message: "only reading is allowed: this statement would change the database (boa-coord sql is read-only)")
                }
                let columns = statement.columnNames
                var rows: [[QueryValue]] = []
                let cursor = try Row.fetchCursor(statement)
                while let row = try cursor.next() {
                    rows.append((0..<columns.count).map { index in
                        let value: DatabaseValue = row[index]
                        switch value.storage {
                        case .null: return .null
                        case .int64(let number): return .integer(number)
                        case .double(let number): return .real(number)
                        case .string(let text): return .text(text)
                        case .blob(let data): return .blob(data)
                        }
                    })
                }
                return QueryResult(columns: columns, rows: rows)
            }
        } catch let error as QueryError {
            throw error
        } catch let error as DatabaseError {
            var text = error.message ?? "SQLite error \(error.resultCode.rawValue)"
            if error.resultCode.primaryResultCode == .SQLITE_READONLY {
                text = "only reading is allowed: \(text)"
            }
            throw QueryError(message: text)
        } catch {
            throw QueryError(message: "\(error)")
        }
    }
}

/// The statements `boa-coord sql` lets through, judged by their first keyword (comments skipped):
/// `SELECT`, `WITH`, `VALUES`, `EXPLAIN`, and the pragmas that only describe the database. Everything
/// else (`INSERT`, `ATTACH`, `PRAGMA writable_schema = 1`, …) is refused before SQLite sees it; SQLite's
/// own read-only connection and `query_only` refuse writes a second time.
enum ReadOnlySQL {
    static let readingPragmas: Set<String> = [
        "TABLE_INFO", "TABLE_XINFO", "TABLE_LIST", "INDEX_LIST", "INDEX_INFO", "INDEX_XINFO", "FOREIGN_KEY_LIST",
        "FOREIGN_KEY_CHECK", "INTEGRITY_CHECK", "QUICK_CHECK", "DATABASE_LIST", "COMPILE_OPTIONS", "PAGE_COUNT",
        "FREELIST_COUNT", "USER_VERSION", "SCHEMA_VERSION", "JOURNAL_MODE", "PAGE_SIZE", "COLLATION_LIST", "FUNCTION_LIST",
    ]

    static func check(_ sql: String) throws(QueryError) {
        let words = keywords(sql, count: 3)
        guard let first = words.first else { throw QueryError(message: "the query is empty") }
        switch first {
        case "SELECT", "WITH", "VALUES", "EXPLAIN":
            return
        case "PRAGMA":
            let name = words.count > 1 ? words[1] : ""
            let text = sql.uppercased()
            let setsValue = text.contains("=") || (["USER_VERSION", "SCHEMA_VERSION", "JOURNAL_MODE", "PAGE_SIZE"].contains(name) && text.contains("("))
            guard readingPragmas.contains(name), !setsValue else {
                throw QueryError(message: "only reading is allowed: PRAGMA \(name.lowercased()) is refused (boa-coord sql is read-only)")
            }
        default:
            throw QueryError(message: "only reading is allowed: \(first) is refused (use SELECT, WITH, VALUES or EXPLAIN; boa-coord sql is read-only)")
        }
    }

    /// The first `count` keywords, upper-cased, skipping whitespace and comments.
    static func keywords(_ sql: String, count: Int) -> [String] {
        let scalars = Array(sql.unicodeScalars)
        var index = 0
        var words: [String] = []
        while index < scalars.count, words.count < count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace || scalar == ";" {
                index += 1
            } else if scalar == "-", index + 1 < scalars.count, scalars[index + 1] == "-" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            } else if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
                index += 2
                while index + 1 < scalars.count, !(scalars[index] == "*" && scalars[index + 1] == "/") { index += 1 }
                index += 2
            } else if scalar.properties.isAlphabetic || scalar == "_" {
                var word = String.UnicodeScalarView()
                while index < scalars.count, scalars[index].properties.isAlphabetic || scalars[index] == "_" || ("0"..."9").contains(scalars[index]) {
                    word.append(scalars[index])
                    index += 1
                }
                words.append(String(word).uppercased())
            } else {
                index += 1
            }
        }
        return words
    }
}
