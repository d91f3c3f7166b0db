import GRDB
import GRDBSQLite

// The few statements every message runs (its inbound row, task, status history, outbound row, log rows,
// counters) are bound and stepped through SQLite's C API on the statement GRDB prepared and caches. GRDB's
// own `execute(arguments:)` converts every value to a `DatabaseValue`, validates the arguments against the
// statement, nests a `withCString` per string and calls its observation hooks around each step: on the
// benchmark's rows that doubled the cost of a message (docs/PERFORMANCE.md, storage). The hooks serve
// transaction observers, which the store never registers, and the tracking of BEGIN/COMMIT statements, which
// these statements are not. Values are stored with the storage classes GRDB gives them (Bool as 0/1,
// bytes as a BLOB), so GRDB reads them back the same way.

/// SQLite's `SQLITE_TRANSIENT`: SQLite copies the value before the bind call returns.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// One cached statement bound value by value, in parameter order, then run; only valid inside the
/// transaction that made it.
struct DirectStatement {
    private let statement: Statement
    private let handle: SQLiteStatement
    private let connection: SQLiteConnection?
    private var index: Int32 = 0
    private var bindFailure: Int32 = SQLITE_OK

    /// The statement of `sql` from the connection's cache, reset and without values.
    init(_ db: Database, cached sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
        sqlite3_reset(handle)  // its code is the previous run's, already reported then
        sqlite3_clear_bindings(handle)
    }

    private mutating func next() -> Int32 {
        index += 1
        return index
    }

    private mutating func check(_ code: Int32) {
        if code != SQLITE_OK && bindFailure == SQLITE_OK { bindFailure = code }
    }

    /// Binds the next parameter to a text, or NULL.
    mutating func bind(_ value: String?) {
        let position = next()
        guard var text = value else { return check(sqlite3_bind_null(handle, position)) }
        check(text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return sqlite3_bind_text(handle, position, "", 0, transient) }  // '' is not NULL
            return start.withMemoryRebound(to: CChar.self, capacity: bytes.count) { sqlite3_bind_text(handle, position, $0, Int32(bytes.count), transient) }
        })
    }

    /// Binds the next parameter to an integer, or NULL.
    mutating func bind(_ value: Int64?) {
        let position = next()
        guard let value else { return check(sqlite3_bind_null(handle, position)) }
        check(sqlite3_bind_int64(handle, position, value))
    }

    /// Binds the next parameter to an integer, or NULL.
    mutating func bind(_ value: Int?) { bind(value.map(Int64.init)) }

    /// Binds the next parameter to 1 or 0, or NULL.
    mutating func bind(_ value: Bool?) { bind(value.map { $0 ? Int64(1) : 0 }) }

    /// Binds the next parameter to a real number, or NULL.
    mutating func bind(_ value: Double?) {
        let position = next()
        guard let value else { return check(sqlite3_bind_null(handle, position)) }
        check(sqlite3_bind_double(handle, position, value))
    }

    /// Binds the next parameter to a BLOB, or NULL.
    mutating func bind(_ value: [UInt8]?) {
        let position = next()
        guard let value else { return check(sqlite3_bind_null(handle, position)) }
        check(value.withUnsafeBytes { bytes in
            sqlite3_bind_blob(handle, position, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), transient)
        })
    }

    /// Runs the statement to its end.
    func execute() throws {
        try checkBound()
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_DONE: return
            case SQLITE_ROW: continue
            case let code: throw failure(code)
            }
        }
    }

    /// Runs a statement that returns at most one integer, and gives it (nil when there is no row).
    func executeReturningInt64IfAny() throws -> Int64? {
        try checkBound()
        let code = sqlite3_step(handle)
        guard code == SQLITE_ROW else {
            if code == SQLITE_DONE { return nil }
            throw failure(code)
        }
        let value = sqlite3_column_int64(handle, 0)
        try execute()  // the rest of the statement's work, to SQLITE_DONE
        return value
    }

    /// Runs a SELECT of `Record`'s columns (written with ``ColumnList/sql``) and gives its rows decoded, in order;
    /// rows that decode to nil are left out.
    func fetchAll<Record: DirectRecord>(_: Record.Type) throws -> [Record] {
        let row = try startReading(Record.columnList)
        defer { sqlite3_reset(handle) }
        var records: [Record] = []
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_DONE: return records
            case SQLITE_ROW: if let record = Record(row: row) { records.append(record) }
            case let code: throw failure(code)
            }
        }
    }

    /// Runs a SELECT of `Record`'s columns and gives its first row decoded (nil when there is none, or it decodes
    /// to nil).
    func fetchOne<Record: DirectRecord>(_: Record.Type) throws -> Record? {
        let row = try startReading(Record.columnList)
        defer { sqlite3_reset(handle) }  // the rest of the rows are not wanted
        switch sqlite3_step(handle) {
        case SQLITE_DONE: return nil
        case SQLITE_ROW: return Record(row: row)
        case let code: throw failure(code)
        }
    }

    /// Checks the bindings and that the statement selects `columns`, and gives the row that reads them.
    private func startReading(_ columns: ColumnList) throws -> DirectRow {
        try checkBound()
        precondition(Int(sqlite3_column_count(handle)) == columns.positions.count, "the statement does not select the column list")
        return DirectRow(handle: handle, columns: columns)
    }

    private func checkBound() throws {
        let expected = sqlite3_bind_parameter_count(handle)
        guard bindFailure == SQLITE_OK, index == expected else {
            throw DatabaseError(resultCode: bindFailure == SQLITE_OK ? .SQLITE_MISUSE : ResultCode(rawValue: bindFailure),
                                message: "\(index) values bound for \(expected) parameters", sql: statement.sql)
        }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        // The extended code (e.g. SQLITE_CONSTRAINT_UNIQUE) and message of the failed step.
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        let message = connection.map { String(cString: sqlite3_errmsg($0)) }
        sqlite3_reset(handle)
        return DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: statement.sql)
    }
}

/// A record's column list, as written into its SELECTs, with where each column stands in it.
struct ColumnList: Sendable {
    /// The list as SQL (`id, file_name, …`).
    let sql: String
    /// Column name → position in ``sql``.
    let positions: [String: Int32]

    init(_ sql: String) {
        self.sql = sql
        var positions: [String: Int32] = [:]
        for (index, name) in sql.split(separator: ",").enumerated() { positions[String(name.filter { !$0.isWhitespace })] = Int32(index) }
        self.positions = positions
    }
}

/// A record read by ``DirectStatement/fetchAll(_:)`` and ``DirectStatement/fetchOne(_:)``: its SELECTs write
/// ``columnList``'s SQL as their column list.
protocol DirectRecord {
    /// The columns read, in the order of the SELECT.
    static var columnList: ColumnList { get }
    /// The record of the current row; nil leaves the row out.
    init?(row: DirectRow)
}

/// The current row of a SELECT run by ``DirectStatement``, read by column name from SQLite's C API: reading
/// records through GRDB's `Row` (a copy of every value, then a generic decoding per column) was most of the
/// planner's snapshot (docs/PERFORMANCE.md, intake). Only valid while the statement stands on the row.
struct DirectRow {
    fileprivate let handle: SQLiteStatement
    fileprivate let columns: ColumnList

    /// The value of a column of the list. A NULL in a column read as non-optional is a broken schema (the
    /// columns read so are NOT NULL), and stops the program as GRDB's own decoding would.
    subscript<Value: DirectColumnValue>(_ name: String) -> Value {
        guard let position = columns.positions[name] else { preconditionFailure("\(name) is not in the column list") }
        guard let value = Value.read(handle, position) else { preconditionFailure("\(name) is NULL") }
        return value
    }
}

/// A type read from a column of the current row (nil for NULL), with SQLite's conversions between storage classes.
protocol DirectColumnValue {
    /// The value at `column` of the current row, nil when it is NULL.
    static func read(_ handle: SQLiteStatement, _ column: Int32) -> Self?
}

extension String: DirectColumnValue {
    static func read(_ handle: SQLiteStatement, _ column: Int32) -> String? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL, let text = sqlite3_column_text(handle, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }
}

extension Int64: DirectColumnValue {
    static func read(_ handle: SQLiteStatement, _ column: Int32) -> Int64? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
    }
}

extension Int: DirectColumnValue {
    static func read(_ handle: SQLiteStatement, _ column: Int32) -> Int? { Int64.read(handle, column).map { Int($0) } }
}

extension Bool: DirectColumnValue {
    static func read(_ handle: SQLiteStatement, _ column: Int32) -> Bool? { Int64.read(handle, column).map { $0 != 0 } }
}

extension Double: DirectColumnValue {
    static func read(_ handle: SQLiteStatement, _ column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }
}

extension [UInt8]: DirectColumnValue {
    static func read(_ handle: SQLiteStatement, _ column: Int32) -> [UInt8]? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL else { return nil }
        let bytes = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))  // asked after the pointer is taken, as SQLite advises
        guard let bytes else { return [] }  // a zero-length BLOB
        return [UInt8](UnsafeRawBufferPointer(start: bytes, count: count))
    }
}

extension Optional: DirectColumnValue where Wrapped: DirectColumnValue {
    /// `.some(nil)` for NULL: an optional column is always read.
    static func read(_ handle: SQLiteStatement, _ column: Int32) -> Wrapped?? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? .some(nil) : Wrapped.read(handle, column).map { .some($0) }
    }
}
