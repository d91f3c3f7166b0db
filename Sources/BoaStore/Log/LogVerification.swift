public import Foundation
import GRDB

/// The result of checking the processing log.
public struct LogVerification: Hashable, Sendable {
    /// Rows checked.
    public var rowsChecked: Int
    /// The first bad row's sequence number, if any.
    public var firstBadSeq: Int64?
    /// Why that row is bad.
    public var problem: String?
    /// The sequence number the check started after (the last retention anchor; 0 when none).
    public var startsAfter: Int64

    /// Whether the log is complete and unaltered.
    public var isIntact: Bool { firstBadSeq == nil }
}

extension Store {
    /// Recomputes the processing log's hash chain from the last retention anchor (or from the start) and
    /// names the first row that does not fit: a changed field, a removed or inserted row, a broken link.
    public func verifyLog() throws(StoreError) -> LogVerification {
        try Store.verifyLog(in: pool)
    }

    /// Verifies the log of the database file at `url` without migrating or writing it.
    public static func verifyLog(atPath url: URL) throws(StoreError) -> LogVerification {
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            return try verifyLog(in: queue)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, doing: "open \(url.path) to verify its log")
        }
    }

    static func verifyLog(in reader: some DatabaseReader) throws(StoreError) -> LogVerification {
        do {
            return try reader.read { db in
                var expectedPrevious = LogChain.genesis
                var expectedSeq: Int64 = 1
                var startsAfter: Int64 = 0
                if let anchor = try Row.fetchOne(db, sql: "SELECT cut_seq, cut_hash FROM log_anchor ORDER BY cut_seq DESC LIMIT 1") {
                    startsAfter = anchor["cut_seq"]
                    expectedPrevious = anchor["cut_hash"]
                    expectedSeq = startsAfter + 1
                }
                var checked = 0
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT seq, at, actie, object_type, object_id, uitvoerder, vertrouwelijkheid, bewaartermijn, grondslag,
                           partner, detail, prev_hash, hash FROM processing_log WHERE seq > ? ORDER BY seq
                    """, arguments: [startsAfter])
                func bad(_ seq: Int64, _ problem: String) -> LogVerification {
                    LogVerification(rowsChecked: checked, firstBadSeq: seq, problem: problem, startsAfter: startsAfter)
                }
                while let row = try rows.next() {
                    let seq: Int64 = row[0]
                    if seq != expectedSeq {
                        return bad(expectedSeq, "row \(expectedSeq) is missing (the next row is \(seq))")
                    }
                    let fields: [String?] = (1...10).map { row[$0] }
                    let previous: String = row[11]
                    let hash: String = row[12]
                    if previous != expectedPrevious {
                        return bad(seq, "its prev_hash does not match the hash of the row before it")
                    }
                    if LogChain.hash(seq: seq, fields: fields, previous: previous) != hash {
                        return bad(seq, "its contents do not match its hash (the row was altered)")
                    }
                    expectedPrevious = hash
                    expectedSeq = seq + 1
                    checked += 1
                }
                return LogVerification(rowsChecked: checked, firstBadSeq: nil, problem: nil, startsAfter: startsAfter)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, doing: "read the processing log")
        }
    }
}
