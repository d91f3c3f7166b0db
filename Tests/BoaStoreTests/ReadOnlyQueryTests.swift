import BoaCore
@testable import BoaStore
import Foundation
import GRDB
import Testing

@Suite struct ReadOnlyQueryTests {
    static let writes: [String] = [
        "INSERT INTO service_state (key, value) VALUES ('a', 'b')",
        "UPDATE task SET status = 'AFGEROND'",
        "DELETE FROM processing_log",
        "  -- a comment first\n  DELETE FROM task",
        "/* hidden */ DROP TABLE task",
        "CREATE TABLE x (a)",
        "ATTACH DATABASE '/tmp/boa-attack.sqlite' AS other",
        "DETACH DATABASE main",
        "PRAGMA writable_schema = 1",
        "PRAGMA writable_schema=ON",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA user_version = 7",
        "PRAGMA user_version(7)",
        "PRAGMA query_only = 0",
        "VACUUM",
        "REINDEX",
        "ANALYZE",
        "BEGIN IMMEDIATE",
        "WITH x AS (SELECT 1) INSERT INTO service_state SELECT 'k', 'v' FROM x",
        "SELECT 1; DELETE FROM task",
        "REPLACE INTO counter (name, value) VALUES ('outbound', 0)",
    ]

    @Test(arguments: writes)
    func everyKindOfWriteIsRefused(sql: String) throws {
        let (store, url) = try makeStore()
        try store.write { tx in try tx.insertTask(sampleTask(TaskNumber(year: 2026, sequence: 1))) }
        #expect {
            _ = try Store.readOnlyQuery(databaseAt: url, sql: sql)
        } throws: { error in
            guard let error = error as? QueryError else { return false }
            return error.message.contains("only reading is allowed") || error.message.contains("one statement")
        }
        #expect(try store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM task") } == 1)
        #expect(try store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM service_state") } == 0)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/boa-attack.sqlite"))
    }

    @Test func readsWorkInEveryFormat() throws {
        let (store, url) = try makeStore()
        try store.write { tx in try tx.insertTask(sampleTask(TaskNumber(year: 2026, sequence: 7))) }
        let result = try Store.readOnlyQuery(databaseAt: url, sql: "SELECT taak_nummer, prioriteit, officers, first_planned_at, 2.5 AS half FROM audit_tasks")
        #expect(result.columns == ["taak_nummer", "prioriteit", "officers", "first_planned_at", "half"])
        #expect(result.rows == [[.text("T2026-000007"), .integer(2), .text(""), .null, .real(2.5)]])
        #expect(result.formatted(as: .json) == "[{\"taak_nummer\":\"T2026-000007\",\"prioriteit\":2,\"officers\":\"\",\"first_planned_at\":null,\"half\":2.5}]\n")
        #expect(result.formatted(as: .csv) == "taak_nummer,prioriteit,officers,first_planned_at,half\r\nT2026-000007,2,,,2.5\r\n")
        let table = result.formatted(as: .table)
        #expect(table.hasPrefix("taak_nummer   prioriteit  officers  first_planned_at  half\n"))
        #expect(table.contains("T2026-000007  2                     NULL              2.5\n"))
        #expect(table.hasSuffix("(1 row)\n"))
        // Reading pragmas are fine.
        #expect(try Store.readOnlyQuery(databaseAt: url, sql: "PRAGMA table_info(task)").rows.count > 40)
        #expect(try Store.readOnlyQuery(databaseAt: url, sql: "PRAGMA integrity_check").rows == [[.text("ok")]])
    }

    @Test func jsonEscapesAndEmptyResults() throws {
        let (_, url) = try makeStore()
        let empty = try Store.readOnlyQuery(databaseAt: url, sql: "SELECT * FROM audit_tasks")
        #expect(empty.formatted(as: .json) == "[]\n")
        let text = try Store.readOnlyQuery(databaseAt: url, sql: "SELECT 'a\"b\\c' || char(10) || 'd' AS t, -3 AS n")
        #expect(text.formatted(as: .json) == "[{\"t\":\"a\\\"b\\\\c\\nd\",\"n\":-3}]\n")
    }

    @Test func aMissingDatabaseIsNotCreated() throws {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("boa.sqlite")
        #expect(throws: QueryError.self) { try Store.readOnlyQuery(databaseAt: url, sql: "SELECT 1") }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }
}
