import BoaCore
import GRDB

/// One write transaction (see ``Store/write(_:)``): the operations that record intake, tasks, officers
/// and outbound messages, and the processing log that records each of them. Only valid inside the
/// closure it was given to.
public final class StoreTransaction {
    let db: Database
    private var lastSeq: Int64
    private var lastHash: String
    /// The counters taken in this transaction: the value taken last and the value the table holds. They are
    /// written to the table once, by ``writeCounters()`` before the commit, instead of one UPSERT per value.
    private var counters: [String: (taken: Int64, stored: Int64?)] = [:]

    init(_ db: Database) throws {
        self.db = db
        if let row = try Row.fetchOne(db, cached: "SELECT seq, hash FROM processing_log ORDER BY seq DESC LIMIT 1") {
            lastSeq = row["seq"]
            lastHash = row["hash"]
        } else if let anchor = try Row.fetchOne(db, cached: "SELECT cut_seq, cut_hash FROM log_anchor ORDER BY cut_seq DESC LIMIT 1") {
            lastSeq = anchor["cut_seq"]
            lastHash = anchor["cut_hash"]
        } else {
            lastSeq = 0
            lastHash = LogChain.genesis
        }
    }

    /// Appends a row to the processing log, chained to the previous row; returns its sequence number.
    @discardableResult
    public func appendLog(_ entry: LogEntry) throws -> Int64 {
        let seq = lastSeq + 1
        let fields: [String?] = [
            StoreTime.text(entry.at), entry.action.rawValue, entry.objectType, entry.objectId, entry.performer,
            entry.confidentiality.rawValue, entry.retention.description, entry.legalBasis?.rawValue, entry.partner, entry.detail,
        ]
        let hash = LogChain.hash(seq: seq, fields: fields, previous: lastHash)
        var statement = try DirectStatement(db, cached: """
            INSERT INTO processing_log (seq, at, actie, object_type, object_id, uitvoerder, vertrouwelijkheid, bewaartermijn,
                grondslag, partner, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        statement.bind(seq)
        for field in fields { statement.bind(field) }
        statement.bind(lastHash)
        statement.bind(hash)
        try statement.execute()
        lastSeq = seq
        lastHash = hash
        return seq
    }

    /// Runs `body` in a savepoint: if it throws, its changes are undone and the error rethrown, while the
    /// surrounding transaction goes on. The log chain then goes on from the last row that stayed.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        let chain = (lastSeq, lastHash, counters)
        var result: T?
        do {
            try db.inSavepoint {
                result = try body()
                return .commit
            }
        } catch {
            (lastSeq, lastHash, counters) = chain
            throw error
        }
        guard let result else { throw StoreError(message: "savepoint ended without a result") }
        return result
    }

    /// Takes the next value of a named counter (starting at 1); counters never go back, even when rows are deleted.
    public func nextCounterValue(_ name: String) throws -> Int64 {
        if let counter = counters[name] {
            counters[name] = (counter.taken + 1, counter.stored)
            return counter.taken + 1
        }
        var statement = try DirectStatement(db, cached: "SELECT value FROM counter WHERE name = ?")
        statement.bind(name)
        let stored = try statement.executeReturningInt64IfAny()
        counters[name] = ((stored ?? 0) + 1, stored)
        return (stored ?? 0) + 1
    }

    /// Writes the counters taken in this transaction to the table, in name order; ``Store/write(_:)`` calls it
    /// before the commit.
    func writeCounters() throws {
        for (name, counter) in counters.sorted(by: { $0.key < $1.key }) where counter.taken != counter.stored {
            var statement = try DirectStatement(db, cached: """
                INSERT INTO counter (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value
                """)
            statement.bind(name)
            statement.bind(counter.taken)
            try statement.execute()
            counters[name] = (counter.taken, counter.taken)
        }
    }

    /// A value of the service's own state table.
    public func serviceState(_ key: String) throws -> String? {
        try String.fetchOne(db, cached: "SELECT value FROM service_state WHERE key = ?", arguments: [key])
    }

    /// Sets a value of the service's own state table.
    public func setServiceState(_ key: String, _ value: String) throws {
        try db.execute(cached: "INSERT INTO service_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [key, value])
    }
}
