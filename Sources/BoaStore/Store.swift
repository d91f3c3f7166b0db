public import Foundation
import GRDB

/// The service's database: one SQLite file in WAL mode, `synchronous=FULL` (an acknowledgement is only
/// ever sent for what is durably stored), foreign keys on, a busy timeout, one writer.
///
/// Open it with ``open(at:)``; it creates or upgrades the schema itself. Every change goes through
/// ``write(_:)``, one transaction per call; the processing log is appended inside the same transaction as
/// the change it records.
///
/// ```swift
/// let store = try Store.open(at: home.appendingPathComponent("boa.sqlite"))
/// try store.write { tx in
///     try tx.appendLog(LogEntry(at: now, action: .received, objectType: "bericht", objectId: "12", performer: "intake"))
/// }
/// ```
public final class Store: Sendable {
    let pool: DatabasePool
    /// Where the database file is.
    public let url: URL

    private init(pool: DatabasePool, url: URL) {
        self.pool = pool
        self.url = url
    }

    /// Opens (creating if needed) the database at `url` and brings its schema up to date.
    public static func open(at url: URL) throws(StoreError) -> Store {
        var configuration = GRDB.Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        do {
            let pool = try DatabasePool(path: url.path, configuration: configuration)
            let migrator = Migrations.migrator
            if try pool.read({ db in try migrator.hasBeenSuperseded(db) }) {
                throw StoreError(message: "\(url.path) was made by a newer version of boa-coord (schema \(try pool.read { try migrator.appliedIdentifiers($0) }.sorted().joined(separator: ", "))); run that version or newer")
            }
            try migrator.migrate(pool)
            // GRDB opens a pool's writer with synchronous=NORMAL; a commit must be durable before an
            // acknowledgement goes out, so the one writer runs with FULL. Its page cache holds 64 MiB, and its
            // temporary files (the sub-journal of each file's savepoint) stay in memory: on disk they cost
            // about 50 page writes per message and are never needed after a crash.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
            }
            return Store(pool: pool, url: url)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, doing: "open the database at \(url.path)")
        }
    }

    /// Runs `body` in one write transaction: all of it is committed durably, or none of it.
    @discardableResult
    public func write<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write { db in
                let transaction = try StoreTransaction(db)
                let result = try body(transaction)
                try transaction.writeCounters()
                return result
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, doing: "write to the database")
        }
    }

    /// Runs `body` on a consistent read-only snapshot.
    public func read<T>(_ body: (StoreReader) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read { db in try body(StoreReader(db)) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, doing: "read the database")
        }
    }

    /// The names of the schema migrations applied, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        do {
            return try pool.read { db in try Migrations.migrator.appliedMigrations(db) }
        } catch {
            throw StoreError(error, doing: "read the schema version")
        }
    }

    /// `PRAGMA integrity_check`: `["ok"]` when the file is sound.
    public func integrityCheck() throws(StoreError) -> [String] {
        do {
            return try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        } catch {
            throw StoreError(error, doing: "check the database's integrity")
        }
    }
}

/// Read access inside ``Store/read(_:)``.
public struct StoreReader {
    let db: Database
    init(_ db: Database) { self.db = db }
}

/// A database failure: what failed, what to do, and the SQLite error underneath.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// SQLite's result code (e.g. 5 busy, 13 full, 19 constraint), if the cause was an SQLite error.
    public var sqliteCode: Int32?
    /// What failed and, where it helps, what to do.
    public var message: String

    /// Makes an error with a message.
    public init(message: String, sqliteCode: Int32? = nil) {
        self.message = message
        self.sqliteCode = sqliteCode
    }

    init(_ error: any Error, doing what: String) {
        if let database = error as? DatabaseError {
            sqliteCode = database.resultCode.primaryResultCode.rawValue
            var text = "could not \(what): \(database.message ?? "SQLite error \(database.resultCode.rawValue)")"
            switch database.resultCode.primaryResultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: text += " (the database is busy; this is retried)"
            case .SQLITE_FULL: text += " (the disk is full; free space, it is retried)"
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: text += " (check the permissions of the home folder and boa.sqlite)"
            default: break
            }
            message = text
        } else {
            sqliteCode = nil
            message = "could not \(what): \(error)"
        }
    }

    /// Whether trying again later may succeed (busy, locked, disk full, I/O), as opposed to a broken rule.
    public var isTransient: Bool {
        guard let code = sqliteCode else { return false }
        return [5, 6, 10, 13, 14].contains(code)  // BUSY, LOCKED, IOERR, FULL, CANTOPEN
    }

    /// The message.
    public var description: String { message }
}

/// The versioned, forward-only schema migrations. A database made by an earlier version opens and
/// upgrades itself; one made by a newer version is refused.
enum Migrations {
    /// One migration: its name (stored in `grdb_migrations`) and what it does.
    struct Migration: Sendable {
        /// The name, as stored in `grdb_migrations`.
        let name: String
        /// Whether GRDB turns foreign keys off for it and checks the whole file at its end (needed when a table is
        /// made again), or leaves them on.
        let foreignKeyChecks: DatabaseMigrator.ForeignKeyChecks
        /// The change, inside the migration's transaction.
        let apply: @Sendable (Database) throws -> Void

        /// A migration that runs these statements in order.
        init(_ name: String, _ statements: [String]) {
            self.name = name
            foreignKeyChecks = .deferred
            apply = { db in for statement in statements { try db.execute(sql: statement) } }
        }

        /// A migration that runs `apply`, foreign keys staying on.
        init(_ name: String, apply: @escaping @Sendable (Database) throws -> Void) {
            self.name = name
            foreignKeyChecks = .immediate
            self.apply = apply
        }
    }

    /// Every migration, oldest first. Never edit a released one: add the next.
    static let all: [Migration] = [
        Migration("v1", SchemaV1.statements),
        // What every pass reads, found without walking the history: v1 made the publisher walk every outbound row
        // from the first (long published) one on each batch, since its (state, id) index cannot give id order, and
        // made the planning step scan all tasks three times and all assignments and shifts ever made.
        Migration("v2-pass-reads-without-history", [
            "DROP INDEX outbound_message_unpublished",
            "CREATE INDEX outbound_message_unpublished_id ON outbound_message(id) WHERE state <> 'PUBLISHED'",
            "CREATE INDEX task_open ON task(id) WHERE closed_at IS NULL",
            "CREATE INDEX task_closed_without_reaction ON task(id) WHERE reactie IS NULL AND partner IS NOT NULL AND closed_at IS NOT NULL",
            "CREATE INDEX shift_end ON shift(einde)",
            "CREATE INDEX assignment_active_by_officer ON assignment(boa_id, planned_start, id) WHERE state = 'ACTIVE'",
        ]),
        // No index with a random key on the insert path of every message (see SchemaV3).
        Migration("v3-no-random-keys-on-insert", SchemaV3.statements),
        // Fewer index entries per stored message. `task_received (received_at)` is a prefix of
        // `task_received_priority (received_at, prioriteit, first_planned_at)`, which serves every lookup by
        // `received_at`. An inbound row is inserted before its task exists and most are never rejected, so the full
        // indexes on `task_id` and `rejected_path` took a NULL entry for every row (and, for `task_id`, a delete and
        // an insert when the task was linked). Every lookup of either compares with `=`, which SQLite knows implies
        // `IS NOT NULL`, so the partial indexes serve them, the foreign-key check when a task is deleted included.
        Migration("v4-fewer-index-entries-per-message", [
            "DROP INDEX task_received",
            "DROP INDEX inbound_message_task",
            "CREATE INDEX inbound_message_task ON inbound_message(task_id) WHERE task_id IS NOT NULL",
            "DROP INDEX inbound_message_rejected",
            "CREATE INDEX inbound_message_rejected ON inbound_message(rejected_path) WHERE rejected_path IS NOT NULL",
        ]),
        // CHECK constraints without IN lists: SQLite built a temporary b-tree for each list on every INSERT (see SchemaV5).
        Migration("v5-checks-without-in-lists", apply: SchemaV5.apply),
    ]

    static var migrator: DatabaseMigrator { migrator(all) }

    /// A migrator for these migrations only (a prefix of `all` makes a database of an earlier version).
    static func migrator(_ migrations: some Sequence<Migration>) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.name, foreignKeyChecks: migration.foreignKeyChecks, migrate: migration.apply)
        }
        return migrator
    }
}
