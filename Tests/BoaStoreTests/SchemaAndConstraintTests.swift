import BoaCore
@testable import BoaStore
import Foundation
import GRDB
import Testing

@Suite struct MigrationTests {
    @Test func anEmptyFileGetsTheWholeSchema() throws {
        let (store, _) = try makeStore()
        #expect(try store.appliedMigrations() == Migrations.all.map(\.name))
        let views = try store.read { try String.fetchAll($0.db, sql: "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name") }
        #expect(views == ["audit_assignments", "audit_log", "audit_messages", "audit_task_history", "audit_tasks"])
        let mode = try store.read { try String.fetchOne($0.db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let synchronous = try store.write { tx in try Int.fetchOne(tx.db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2, "synchronous=FULL")
        let foreignKeys = try store.read { try Int.fetchOne($0.db, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == 1)
    }

    @Test func everyEarlierVersionUpgradesItself() throws {
        // A database made by each earlier version (every prefix of the migration list, the empty one too)
        // opens and upgrades to the current schema, keeping its rows.
        for count in 0..<Migrations.all.count {
            let folder = try temporaryFolder()
            let url = folder.appendingPathComponent("boa.sqlite")
            let queue = try DatabaseQueue(path: url.path)
            try Migrations.migrator(Migrations.all.prefix(count)).migrate(queue)
            if count > 0 {
                try queue.write { db in try db.execute(sql: "INSERT INTO service_state (key, value) VALUES ('made-by', ?)", arguments: ["\(count)"]) }
            }
            try queue.close()
            let store = try Store.open(at: url)
            #expect(try store.appliedMigrations() == Migrations.all.map(\.name))
            if count > 0 {
                #expect(try store.read { try String.fetchOne($0.db, sql: "SELECT value FROM service_state WHERE key = 'made-by'") } == "\(count)")
            }
        }
    }

    @Test func theLogRebuiltByV3KeepsItsRowsChainAndGuards() throws {
        // A v2 database with a logged history, upgraded by v3.
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("boa.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try Migrations.migrator(Migrations.all.prefix(while: { $0.name != "v3-no-random-keys-on-insert" })).migrate(queue)
        // The rows are written by the store's own code (and so with its hash chain), on the v2 schema.
        try queue.write { db in
            let tx = try StoreTransaction(db)
            for index in 1...5 {
                try tx.appendLog(LogEntry(at: Int64(index), action: .received, objectType: "bericht", objectId: "R-\(index)", performer: "test"))
            }
        }
        try queue.close()
        let store = try Store.open(at: url)
        #expect(try store.appliedMigrations() == Migrations.all.map(\.name))
        #expect(try store.verifyLog().rowsChecked == 5)
        let objects = try store.read { try String.fetchAll($0.db, sql: "SELECT object_id FROM audit_log ORDER BY seq") }
        #expect(objects == (1...5).map { "R-\($0)" })
        // The guards came back with the table; the hash is no longer indexed, the resend lookup is.
        for sql in ["UPDATE processing_log SET detail = 'x' WHERE seq = 1", "DELETE FROM processing_log WHERE seq = 1"] {
            #expect(throws: StoreError.self, "\(sql)") { try store.write { tx in try tx.db.execute(sql: sql) } }
        }
        let indexes = try store.read { try String.fetchAll($0.db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('processing_log', 'inbound_message') ORDER BY name") }
        #expect(!indexes.contains { $0.hasPrefix("sqlite_autoindex_processing_log") }, "no UNIQUE index on the log's hash")
        #expect(!indexes.contains("inbound_message_sha256"))
        #expect(indexes.contains("inbound_message_resend"))
        #expect(indexes.contains("processing_log_partner"))
        let plan = try queryPlan(store, "SELECT id FROM inbound_message WHERE referentienummer IS ? AND sha256 = ?", [nil, "x"])
        #expect(plan.contains("inbound_message_resend"), "\(plan)")
        // The chain goes on from the copied rows.
        try store.write { tx in try tx.appendLog(LogEntry(at: 6, action: .received, objectType: "bericht", objectId: "R-6", performer: "test")) }
        #expect(try store.verifyLog().rowsChecked == 6)
    }

    @Test func v4sPartialIndexesServeEveryLookupOfTheirColumns() throws {
        let (store, _) = try makeStore()
        let byTask = try queryPlan(store, "SELECT id FROM inbound_message WHERE task_id = ?", [1])
        #expect(byTask.contains("inbound_message_task"), "\(byTask)")
        let byPath = try queryPlan(store, "SELECT EXISTS (SELECT 1 FROM inbound_message WHERE archive_path = ? OR rejected_path = ?)", ["a", "a"])
        #expect(byPath.contains("inbound_message_rejected") && byPath.contains("inbound_message_archive"), "\(byPath)")
        let byTime = try queryPlan(store, "SELECT count(*) FROM task WHERE received_at >= ? AND received_at < ?", ["2026-11-01", "2026-12-01"])
        #expect(byTime.contains("task_received_priority"), "\(byTime)")
        let indexes = try store.read { try String.fetchAll($0.db, sql: "SELECT sql FROM sqlite_master WHERE name IN ('inbound_message_task', 'inbound_message_rejected', 'task_received') ORDER BY name") }
        #expect(indexes.count == 2 && indexes.allSatisfy { $0.hasSuffix("IS NOT NULL") }, "\(indexes)")
        // Deleting a task still finds the inbound rows that name it (ON DELETE SET NULL) through the partial index.
        let inboundId = try store.write { tx in
            let inboundId = try tx.insertInbound(sampleInbound("a.xml", reference: "R1"))
            let taskId = try tx.insertTask(sampleTask(TaskNumber(year: 2026, sequence: 1), taskId: "T1"))
            try tx.setInboundTask(inboundId, taskId: taskId)
            return inboundId
        }
        try store.write { tx in try tx.db.execute(sql: "DELETE FROM task") }
        #expect(try store.read { try Int64?.fetchOne($0.db, sql: "SELECT task_id FROM inbound_message WHERE id = ?", arguments: [inboundId]) } == .some(nil))
    }

    /// The table definitions of a database, by name.
    func tableDefinitions(_ db: Database) throws -> [(name: String, sql: String)] {
        try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' ORDER BY name")
            .map { ($0["name"], $0["sql"]) }
    }

    /// How many temporary b-trees (`OpenEphemeral`) an INSERT into `table` builds on each run.
    func temporaryTreesPerInsert(_ db: Database, _ table: String) throws -> Int {
        try Row.fetchAll(db, sql: "EXPLAIN INSERT INTO \(table) DEFAULT VALUES").filter { ($0["opcode"] as String) == "OpenEphemeral" }.count
    }

    @Test func v5sConstraintsBuildNoTemporaryTreeOnInsert() throws {
        // A v4 database with rows in the tables whose constraints v5 rewrites.
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("boa.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try Migrations.migrator(Migrations.all.prefix(while: { $0.name != "v5-checks-without-in-lists" })).migrate(queue)
        let before = try queue.write { db in
            let tx = try StoreTransaction(db)
            let inboundId = try tx.insertInbound(sampleInbound("a.xml", reference: "R1"))
            let taskId = try tx.insertTask(sampleTask(TaskNumber(year: 2026, sequence: 1), taskId: "T1", inboundId: inboundId))
            try tx.insertOutbound(OutboundRecord(partner: "politie-on", function: "bevestiging", messageCode: "Bv03", reference: "B1", crossReference: "R1",
                                                 inboundId: inboundId, taskId: taskId, fileName: "b1.xml", body: Array("<x/>".utf8), createdAt: 0))
            return (tables: try tableDefinitions(db), version: try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0,
                    trees: try ["task", "inbound_message", "outbound_message"].map { try temporaryTreesPerInsert(db, $0) })
        }
        #expect(before.trees.allSatisfy { $0 > 0 }, "v4 builds temporary trees for its IN lists: \(before.trees)")
        // `queue` stays open with the v4 schema loaded, as a reader of the running service would be.

        let store = try Store.open(at: url)
        #expect(try store.appliedMigrations() == Migrations.all.map(\.name))
        try store.read { reader in
            let db = reader.db
            let after = try tableDefinitions(db)
            #expect(after.map(\.name) == before.tables.map(\.name))
            for table in after {
                #expect(try temporaryTreesPerInsert(db, table.name) == 0, "\(table.name)")
                #expect(SchemaV5.comparisonsForInLists(table.sql) == table.sql, "nothing left to rewrite in \(table.name)")
            }
            let changed = zip(before.tables, after).filter { $0.sql != $1.sql }.map(\.0.name)
            #expect(changed == ["assignment", "deed", "deed_power", "field_report", "inbound_message", "officer", "outbound_message", "task", "unavailability"])
            let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
            #expect(version > before.version, "\(before.version) → \(version)")
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM task JOIN inbound_message i ON i.id = task.inbound_id JOIN outbound_message o ON o.task_id = task.id") == 1)
        }
        // A connection that had the v4 schema loaded reads the new one at its next statement (the raised
        // schema_version tells it to; EXPLAIN alone does not look).
        #expect(try queue.read { db in
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM task")
            return try temporaryTreesPerInsert(db, "task")
        } == 0)
        try queue.close()
        // The rewritten constraints still refuse (more of them in ConstraintTests, which run on v5).
        #expect(throws: StoreError.self) {
            try store.write { tx in try tx.db.execute(sql: "UPDATE task SET categorie = 'overlast'") }
        }
        #expect(throws: StoreError.self) {
            try store.write { tx in try tx.db.execute(sql: "UPDATE outbound_message SET state = 'SENT'") }
        }
    }

    @Test func everyRewrittenListAcceptsExactlyWhatItsInListAccepted() throws {
        // Each `column IN (…)` of the v4 tables, against its rewriting, on the listed values and the values around
        // them, NULL included, stored in a column of the same type (so with the same affinity).
        let queue = try DatabaseQueue()
        try Migrations.migrator(Migrations.all.prefix(while: { $0.name != "v5-checks-without-in-lists" })).migrate(queue)
        let lists = try queue.read { db in try tableDefinitions(db) }.flatMap { table in
            table.sql.matches(of: /(?<column>[a-z_]+) (?<type>TEXT|INTEGER)[^,]*? CHECK \((?<list>[a-z_]+ IN \([^()]*\))\)/).map {
                (table: table.name, type: String($0.output.type), column: String($0.output.column), list: String($0.output.list))
            }
        }
        #expect(lists.filter { $0.list.hasPrefix("\($0.column) IN") }.count == lists.count)
        #expect(lists.count >= 15, "\(lists.map(\.column))")
        var compared = 0
        try queue.write { db in
            for entry in lists where SchemaV5.comparisonsForInLists(entry.list) != entry.list {
                let rewritten = SchemaV5.comparisonsForInLists(entry.list)
                let literals = entry.list.matches(of: /'([^']*)'/).map { String($0.output.1) }
                var values: [DatabaseValue] = [.null, "".databaseValue, "x".databaseValue, 0.databaseValue, 1.databaseValue, 2.databaseValue, 1.5.databaseValue]
                for literal in literals { values += [literal.databaseValue, literal.lowercased().databaseValue, (literal + " ").databaseValue] }
                try db.execute(sql: "DROP TABLE IF EXISTS probe; CREATE TEMP TABLE probe (\(entry.column) \(entry.type))")
                for value in values { try db.execute(sql: "INSERT INTO probe VALUES (?)", arguments: [value]) }
                let disagreements = try Int.fetchOne(db, sql: "SELECT count(*) FROM probe WHERE (\(entry.list)) IS NOT (\(rewritten))") ?? -1
                #expect(disagreements == 0, "\(entry.table).\(entry.column): \(entry.list) vs \(rewritten)")
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM probe WHERE \(rewritten)") == literals.count, "\(entry.table).\(entry.column)")
                compared += 1
            }
        }
        #expect(compared >= 15)
    }

    @Test func v5RaisesTheSchemaVersionOnceSoThatOtherConnectionsReloadIt() throws {
        let queue = try DatabaseQueue()
        try Migrations.migrator(Migrations.all.prefix(while: { $0.name != "v5-checks-without-in-lists" })).migrate(queue)
        let (before, after) = try queue.write { db in
            let before = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
            try SchemaV5.apply(db)
            return (before, try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0)
        }
        #expect(after == before + 1)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA writable_schema") } == 0)
    }

    @Test func theRewritingLeavesAllButLongInListsAlone() {
        #expect(SchemaV5.comparisonsForInLists("CHECK (a IN ('X', 'Y', 'Z'))") == "CHECK ((a = 'X' OR a = 'Y' OR a = 'Z'))")
        #expect(SchemaV5.comparisonsForInLists("CHECK (a IN ('X',\n        'Y', 'Z'))") == "CHECK ((a = 'X' OR a = 'Y' OR a = 'Z'))")
        #expect(SchemaV5.comparisonsForInLists("CHECK (n IN (1, -2, 3)) CHECK (b IN (0, 1))") == "CHECK ((n = 1 OR n = -2 OR n = 3)) CHECK (b IN (0, 1))")
        for unchanged in ["CHECK (a NOT IN ('X', 'Y', 'Z'))", "CHECK (a IN ('X', 'Y'))", "CHECK (a IN (SELECT x FROM t))", "CHECK (a IN ('X', b, 'Z'))",
                          "CHECK (a IN ('it''s', 'Y', 'Z'))", "CHECK (a IN (1.5, 2, 3))"] {
            #expect(SchemaV5.comparisonsForInLists(unchanged) == unchanged, "\(unchanged)")
        }
    }

    @Test func reopeningChangesNothing() throws {
        let (store, url) = try makeStore()
        try store.write { tx in try tx.appendLog(LogEntry(at: 1, action: .received, objectType: "bericht", objectId: "1", performer: "test")) }
        let again = try Store.open(at: url)
        #expect(try again.verifyLog().rowsChecked == 1)
    }

    @Test func aNewerDatabaseIsRefused() throws {
        let (store, url) = try makeStore()
        try store.write { tx in try tx.db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999-from-the-future')") }
        #expect {
            _ = try Store.open(at: url)
        } throws: { error in
            (error as? StoreError)?.message.contains("newer version") == true
        }
    }
}

@Suite struct ConstraintTests {
    /// Runs `sql` and expects SQLite to refuse it.
    func expectRefused(_ store: Store, _ sql: String, _ arguments: StatementArguments = [], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: StoreError.self, "\(sql)", sourceLocation: sourceLocation) {
            try store.write { tx in try tx.db.execute(sql: sql, arguments: arguments) }
        }
    }

    @Test func messagesCannotBeInImpossibleStates() throws {
        let (store, _) = try makeStore()
        let first = try store.write { tx in try tx.insertInbound(sampleInbound("a.xml", reference: "R1")) }
        // The same partner and reference accepted twice.
        #expect(throws: StoreError.self) { try store.write { tx in try tx.insertInbound(sampleInbound("b.xml", reference: "R1")) } }
        // ... but a rejected one with that reference is fine.
        try store.write { tx in try tx.insertInbound(sampleInbound("c.xml", reference: "R1", outcome: .rejected)) }
        let base = "INSERT INTO inbound_message (file_name, sha256, size, outcome, fault_code, duplicate_of, received_at, decided_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?)"
        let hash = String(repeating: "a", count: 64)
        let at = StoreTime.text(0)
        expectRefused(store, base, ["x", hash, "DUPLICATE", nil, nil, at, at])  // a duplicate of nothing
        expectRefused(store, base, ["x", hash, "REJECTED", nil, nil, at, at])  // rejected without a fault
        expectRefused(store, base, ["x", hash, "ACCEPTED", "StUF055", nil, at, at])  // accepted with a fault
        expectRefused(store, base, ["x", hash, "HELD", nil, nil, at, at])  // held but decided
        expectRefused(store, base, ["x", hash, "MAYBE", nil, nil, at, at])
        expectRefused(store, base, ["x", "short", "ACCEPTED", nil, nil, at, at])
        expectRefused(store, base, ["x", hash, "DUPLICATE", nil, 999, at, at])  // a duplicate of a row that does not exist
        try store.write { tx in try tx.db.execute(sql: base, arguments: ["x", hash, "DUPLICATE", nil, first, at, at]) }
    }

    @Test func outboundMessagesPublishOnlyWithATime() throws {
        let (store, _) = try makeStore()
        let id = try store.write { tx in
            try tx.insertOutbound(OutboundRecord(partner: "politie-on", function: "bevestiging", messageCode: "Bv03", reference: try tx.nextOutboundReference(),
                                                 fileName: "f.xml", body: [1, 2, 3], createdAt: 0))
        }
        expectRefused(store, "UPDATE outbound_message SET state = 'PUBLISHED' WHERE id = ?", [id])
        expectRefused(store, "UPDATE outbound_message SET body = NULL WHERE id = ?", [id])
        expectRefused(store, "UPDATE outbound_message SET berichtcode = 'Xx01' WHERE id = ?", [id])
        try store.write { tx in try tx.markOutboundPublished(id, at: 5) }
        #expect(try store.write { tx in try tx.unpublishedOutbound(limit: 1000) }.isEmpty)
    }

    @Test func tasksCannotBeInImpossibleStates() throws {
        let (store, _) = try makeStore()
        let number = TaskNumber(year: 2026, sequence: 1)
        let id = try store.write { tx in try tx.insertTask(sampleTask(number)) }
        expectRefused(store, "UPDATE task SET prioriteit = 5 WHERE id = ?", [id])
        expectRefused(store, "UPDATE task SET status = 'KLAAR' WHERE id = ?", [id])
        expectRefused(store, "UPDATE task SET taak_nummer = 'T26-1' WHERE id = ?", [id])
        expectRefused(store, "UPDATE task SET taak_id = NULL WHERE id = ?", [id])  // a partner without a taakId
        expectRefused(store, "UPDATE task SET status = 'AFGEROND' WHERE id = ?", [id])  // final without closed_at
        expectRefused(store, "UPDATE task SET x = NULL WHERE id = ?", [id])  // no location before retention
        expectRefused(store, "UPDATE task SET duur_minuten = 4 WHERE id = ?", [id])
        // The same partner and taakId twice.
        #expect(throws: StoreError.self) { try store.write { tx in try tx.insertTask(sampleTask(TaskNumber(year: 2026, sequence: 2), taskId: "ON-1")) } }
        // A neighbourhood round has no partner; a request must have one.
        try store.write { tx in try tx.insertTask(sampleTask(TaskNumber(year: 2026, sequence: 3), partner: nil)) }
        expectRefused(store, "UPDATE task SET soort = 'VERZOEK' WHERE taak_nummer = 'T2026-000003'")
        // Closing sets closed_at; history grows.
        try store.write { tx in try tx.setTaskStatus(id, .completed, at: 10) }
        let history = try store.read { try String.fetchAll($0.db, sql: "SELECT status FROM task_status WHERE task_id = ? ORDER BY id", arguments: [id]) }
        #expect(history == ["ONTVANGEN", "AFGEROND"])
    }

    @Test func officersAreNeverDoubleBookedOrOverScreened() throws {
        let (store, _) = try makeStore()
        let taskA = try store.write { tx in try tx.insertTask(sampleTask(TaskNumber(year: 2026, sequence: 1))) }
        let taskB = try store.write { tx in try tx.insertTask(sampleTask(TaskNumber(year: 2026, sequence: 2))) }
        let strict = try store.write { tx in try tx.insertTask(sampleTask(TaskNumber(year: 2026, sequence: 3), confidentiality: .strict)) }
        try store.write { tx in
            try tx.db.execute(sql: "INSERT INTO officer (boa_id, screening, actief, updated_at) VALUES ('BOA-1', 'VERTROUWELIJK', 1, 'x')")
        }
        let insert = "INSERT INTO assignment (task_id, boa_id, planned_start, planned_end, state, created_at) VALUES (?, 'BOA-1', ?, ?, 'ACTIVE', 'x')"
        try store.write { tx in try tx.db.execute(sql: insert, arguments: [taskA, "2026-12-01T09:00:00.000Z", "2026-12-01T10:00:00.000Z"]) }
        expectRefused(store, insert, [taskB, "2026-12-01T09:30:00.000Z", "2026-12-01T10:30:00.000Z"])  // overlaps
        try store.write { tx in try tx.db.execute(sql: insert, arguments: [taskB, "2026-12-01T10:00:00.000Z", "2026-12-01T11:00:00.000Z"]) }  // touches
        expectRefused(store, insert, [strict, "2026-12-01T12:00:00.000Z", "2026-12-01T13:00:00.000Z"])  // STRIKT > VERTROUWELIJK
        expectRefused(store, insert, [taskA, "2026-12-01T14:00:00.000Z", "2026-12-01T13:00:00.000Z"])  // ends before it starts
        expectRefused(store, "INSERT INTO assignment (task_id, boa_id, planned_start, planned_end, state, created_at) VALUES (?, 'BOA-404', 'a', 'b', 'ACTIVE', 'x')", [taskA])
        // Ended assignments stay ended.
        try store.write { tx in try tx.db.execute(sql: "UPDATE assignment SET state = 'WITHDRAWN', ended_at = 'y' WHERE task_id = ?", arguments: [taskA]) }
        expectRefused(store, "UPDATE assignment SET state = 'ACTIVE', ended_at = NULL WHERE task_id = ?", [taskA])
        expectRefused(store, "INSERT INTO deed (boa_id, aktenummer, domein, geldig_van, geldig_tot) VALUES ('BOA-1', 'A', 'I', '2027-01-01', '2026-01-01')")
        expectRefused(store, "INSERT INTO deed (boa_id, aktenummer, domein, geldig_van, geldig_tot) VALUES ('BOA-1', 'A', 'VII', '2026-01-01', '2027-01-01')")
        expectRefused(store, "INSERT INTO shift (dienst_id, boa_id, aanvang, einde, local_date) VALUES ('D', 'BOA-1', '2026-12-01T10:00:00.000Z', '2026-12-01T09:00:00.000Z', '2026-12-01')")
    }

    @Test func countersNeverGoBack() throws {
        let (store, _) = try makeStore()
        let numbers = try store.write { tx in try (0..<3).map { _ in try tx.nextTaskNumber(year: 2026) } }
        #expect(numbers.map(\.description) == ["T2026-000001", "T2026-000002", "T2026-000003"])
        #expect(try store.write { tx in try tx.nextTaskNumber(year: 2027) }.description == "T2027-000001")
        #expect(try store.write { tx in try tx.nextOutboundReference() } == "BOATAAK-0000000001")
        // A number taken in a savepoint that is undone is taken again; the table holds the last one kept.
        struct Failure: Error {}
        let again = try store.write { tx in
            #expect(throws: Failure.self) {
                _ = try tx.savepoint { () throws -> TaskNumber in
                    _ = try tx.nextTaskNumber(year: 2026)
                    throw Failure()
                }
            }
            return try tx.nextTaskNumber(year: 2026)
        }
        #expect(again.description == "T2026-000004")
        #expect(try store.write { tx in try tx.nextTaskNumber(year: 2026) }.description == "T2026-000005")
        let stored = try store.read { try Row.fetchAll($0.db, sql: "SELECT name, value FROM counter ORDER BY name").map { "\($0["name"] as String)=\($0["value"] as Int64)" } }
        #expect(stored == ["outbound=1", "taak-2026=5", "taak-2027=1"])
        // A transaction that fails keeps none of its numbers.
        #expect(throws: StoreError.self) {
            try store.write { tx in
                _ = try tx.nextTaskNumber(year: 2026)
                throw Failure()
            }
        }
        #expect(try store.write { tx in try tx.nextTaskNumber(year: 2026) }.description == "T2026-000006")
    }
}
