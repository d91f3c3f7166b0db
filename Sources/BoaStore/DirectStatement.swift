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
