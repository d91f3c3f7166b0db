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
}
