import BoaCore
@testable import BoaStore
import Foundation
import GRDB
import Testing

@Suite struct ProcessingLogTests {
    func fill(_ store: Store, rows: Int) throws {
        try store.write { tx in
            for index in 1...rows {
                try tx.appendLog(LogEntry(at: Int64(index) * 1000, action: index % 2 == 0 ? .sent : .received, objectType: "taak",
                                          objectId: "T2026-\(CivilCalendar.pad(Int64(index), 6))", performer: "test",
                                          confidentiality: .confidential, legalBasis: .wpgArticle8, partner: "politie-on",
                                          detail: "rij \(index) ëé"))
            }
        }
    }

    @Test func aNormalLogIsIntact() throws {
        let (store, url) = try makeStore()
        try fill(store, rows: 50)
        let result = try store.verifyLog()
        #expect(result.isIntact)
        #expect(result.rowsChecked == 50)
        #expect(try Store.verifyLog(atPath: url).isIntact)
        // The chain links each row to the one before.
        let links = try store.read { try Row.fetchAll($0.db, sql: "SELECT prev_hash, hash FROM processing_log ORDER BY seq") }
        for (previous, row) in zip(links, links.dropFirst()) {
            #expect((row["prev_hash"] as String) == (previous["hash"] as String))
        }
    }

    @Test func aLogRowUndoneWithItsSavepointLeavesNoGapInTheChain() throws {
        // The intake applies each file in a savepoint; when one fails after it logged, its rows go and the next
        // file's rows must follow the last row that stayed.
        struct Failure: Error {}
        let (store, _) = try makeStore()
        try store.write { tx in
            try tx.appendLog(LogEntry(at: 1, action: .received, objectType: "bericht", objectId: "kept-1", performer: "test"))
            #expect(throws: Failure.self) {
                try tx.savepoint {
                    try tx.appendLog(LogEntry(at: 2, action: .received, objectType: "bericht", objectId: "undone", performer: "test"))
                    throw Failure()
                }
            }
            _ = try tx.savepoint {
                try tx.appendLog(LogEntry(at: 3, action: .received, objectType: "bericht", objectId: "kept-2", performer: "test"))
            }
        }
        let rows = try store.read { try Row.fetchAll($0.db, sql: "SELECT seq, object_id FROM processing_log ORDER BY seq") }
        #expect(rows.map { $0["object_id"] as String } == ["kept-1", "kept-2"])
        #expect(rows.map { $0["seq"] as Int64 } == [1, 2])
        let result = try store.verifyLog()
        #expect(result.isIntact, "\(result)")
        #expect(result.rowsChecked == 2)
    }

    @Test func theDatabaseRefusesToChangeOrRemoveLogRows() throws {
        let (store, _) = try makeStore()
        try fill(store, rows: 3)
        for sql in ["UPDATE processing_log SET detail = 'x' WHERE seq = 2", "DELETE FROM processing_log WHERE seq = 2",
                    "DELETE FROM processing_log", "UPDATE processing_log SET seq = 9 WHERE seq = 3"] {
            #expect(throws: StoreError.self, "\(sql)") { try store.write { tx in try tx.db.execute(sql: sql) } }
        }
        // An anchor cannot point backwards (cut_seq 0), and an anchor is never changed or removed.
        #expect(throws: StoreError.self) {
            try store.write { tx in try tx.db.execute(sql: "INSERT INTO log_anchor (cut_seq, cut_hash, at, removed_rows) VALUES (0, ?, 'x', 1)", arguments: [String(repeating: "0", count: 64)]) }
        }
        #expect(try store.verifyLog().isIntact)
    }

    /// Copies the database (after a checkpoint) and opens the copy raw, as someone with file access could.
    func tamperedCopy(of url: URL, _ change: (Database) throws -> Void) throws -> URL {
        let store = try Store.open(at: url)
        try store.write { tx in try tx.db.execute(sql: "SELECT 1") }
        let copy = url.deletingLastPathComponent().appendingPathComponent("copy-\(UUID().uuidString).sqlite")
        let source = try DatabaseQueue(path: url.path)
        let destination = try DatabaseQueue(path: copy.path)
        try source.backup(to: destination)
        try destination.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER processing_log_no_update")
            try db.execute(sql: "DROP TRIGGER processing_log_no_delete")
            try change(db)
        }
        try destination.close()
        return copy
    }

    @Test func oneChangedByteIsFoundAndNamed() throws {
        let (store, url) = try makeStore()
        try fill(store, rows: 30)
        let copy = try tamperedCopy(of: url) { db in
            try db.execute(sql: "UPDATE processing_log SET detail = 'rij 17 ëf' WHERE seq = 17")
        }
        let result = try Store.verifyLog(atPath: copy)
        #expect(result.firstBadSeq == 17)
        #expect(result.rowsChecked == 16)
        #expect(result.problem?.contains("altered") == true)
        #expect(try Store.verifyLog(atPath: url).isIntact, "the original is untouched")
    }

    @Test func everyKindOfAlterationIsFound() throws {
        let (store, url) = try makeStore()
        try fill(store, rows: 20)
        let cases: [(String, Int64)] = [
            ("DELETE FROM processing_log WHERE seq = 8", 8),
            ("UPDATE processing_log SET at = '2026-01-01T00:00:00.000Z' WHERE seq = 3", 3),
            ("UPDATE processing_log SET actie = 'GELEZEN' WHERE seq = 20", 20),
            ("UPDATE processing_log SET partner = NULL WHERE seq = 1", 1),
            ("UPDATE processing_log SET hash = '\(String(repeating: "f", count: 64))' WHERE seq = 5", 5),
            ("UPDATE processing_log SET vertrouwelijkheid = 'NORMAAL' WHERE seq = 11", 11),
        ]
        for (sql, seq) in cases {
            let copy = try tamperedCopy(of: url) { db in try db.execute(sql: sql) }
            #expect(try Store.verifyLog(atPath: copy).firstBadSeq == seq, "\(sql)")
        }
        // Recomputing one row's hash after changing it does not help: the next row's link breaks.
        let copy = try tamperedCopy(of: url) { db in
            try db.execute(sql: "UPDATE processing_log SET detail = 'anders' WHERE seq = 9")
            let row = try Row.fetchOne(db, sql: "SELECT * FROM processing_log WHERE seq = 9")!
            let fields: [String?] = ["at", "actie", "object_type", "object_id", "uitvoerder", "vertrouwelijkheid", "bewaartermijn", "grondslag", "partner", "detail"].map { row[$0] }
            let hash = LogChain.hash(seq: 9, fields: fields, previous: row["prev_hash"])
            try db.execute(sql: "UPDATE processing_log SET hash = ? WHERE seq = 9", arguments: [hash])
        }
        #expect(try Store.verifyLog(atPath: copy).firstBadSeq == 10)
    }

    /// The chain's hash is SHA-256 over the canonical text `seq;` then `<utf8 length>:<text>;` per field
    /// (`-;` for NULL) and the previous hash, recomputed here from the stored row by plain string building.
    @Test func eachHashIsSHA256OfTheCanonicalTextOfItsRow() throws {
        let (store, url) = try makeStore()
        try fill(store, rows: 6)
        try store.write { tx in
            try tx.appendLog(LogEntry(at: -1, action: .read, objectType: "taak", objectId: "", performer: "tëst ✓", partner: nil, detail: nil))
        }
        let queue = try DatabaseQueue(path: url.path)
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM processing_log ORDER BY seq") }
        #expect(rows.count == 7)
        var previous = String(repeating: "0", count: 64)
        for row in rows {
            let seq: Int64 = row["seq"]
            var canonical = "\(seq);"
            for column in ["at", "actie", "object_type", "object_id", "uitvoerder", "vertrouwelijkheid", "bewaartermijn", "grondslag", "partner", "detail"] {
                let value: String? = row[column]
                canonical += value.map { "\($0.utf8.count):\($0);" } ?? "-;"
            }
            canonical += "\(previous.utf8.count):\(previous);"
            #expect(row["prev_hash"] == previous)
            #expect(row["hash"] == sha256Hex(Array(canonical.utf8)), "row \(seq)")
            previous = row["hash"]
        }
    }

    /// Stored times are fixed-width UTC with milliseconds (`2026-12-01T08:15:00.000Z`), the fields the same as
    /// Foundation's Gregorian calendar gives for the whole second, from 1906 to the year 9999.
    @Test func storedTimesMatchAnIndependentCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var instants: [Int64] = [0, -1, 1, 999, 86_399_999, 86_400_000, -86_400_000, 951_782_400_000, 253_402_300_799_999, -2_000_000_000_000]
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            instants.append(Int64(state >> 16) % 255_402_300_799_999 - 2_000_000_000_000)
        }
        func pad(_ value: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        for instant in instants {
            let second = instant >= 0 ? instant / 1000 : (instant - 999) / 1000
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(second)))
            let expected = "\(pad(parts.year!, 4))-\(pad(parts.month!, 2))-\(pad(parts.day!, 2))T\(pad(parts.hour!, 2)):\(pad(parts.minute!, 2)):\(pad(parts.second!, 2)).\(pad(Int(instant - second * 1000), 3))Z"
            #expect(StoreTime.text(instant) == expected, "\(instant)")
        }
    }
}
