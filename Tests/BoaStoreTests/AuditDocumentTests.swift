import BoaCore
@testable import BoaStore
import Foundation
import GRDB
import Testing

/// The repository root, found from this file's place.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The questions of docs/AUDIT.md: every query in it runs, and answers what it says on a known database.
@Suite struct AuditDocumentTests {
    /// `(heading, sql)` of every question in docs/AUDIT.md.
    static func questions() throws -> [(title: String, sql: String)] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/AUDIT.md"), encoding: .utf8)
        guard let start = text.range(of: "## Questions an auditor asks") else { return [] }
        var result: [(String, String)] = []
        var title = ""
        var sql: [String]?
        for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### ") { title = String(line.dropFirst(4)) }
            if line == "```sql" { sql = [] } else if line == "```", let lines = sql {
                result.append((title, lines.joined(separator: "\n")))
                sql = nil
            } else if sql != nil {
                sql?.append(String(line))
            }
        }
        return result
    }

    /// A small database where the questions have known answers.
    func fixture() throws -> (Store, URL) {
        let (store, url) = try makeStore()
        try store.write { tx in
            try tx.db.execute(sql: "INSERT INTO officer (boa_id, screening, actief, updated_at) VALUES ('BOA-0412', 'STRIKT', 1, 'x'), ('BOA-0415', 'NORMAAL', 1, 'x')")
            for sequence in 1...130 {
                var inbound = sampleInbound("m\(sequence).xml", reference: "GMS-\(sequence)", at: ms("2026-11-10T10:00:00+01:00") + Int64(sequence) * 60_000)
                inbound.fileName = "m\(sequence).xml"
                let inboundId = try tx.insertInbound(inbound)
                let confidentiality: Confidentiality = sequence % 10 == 0 ? .strict : .normal
                let id = try tx.insertTask(sampleTask(TaskNumber(year: 2026, sequence: sequence), confidentiality: confidentiality,
                                                      receivedAt: inbound.receivedAt, inboundId: inboundId))
                try tx.setInboundTask(inboundId, taskId: id)
                if sequence % 7 == 0 { try tx.setTaskStatus(id, .declined, at: inbound.receivedAt, reasonCode: "BOA004") }
                else { try tx.setTaskStatus(id, .planned, at: inbound.receivedAt + 15 * 60_000) }
                try tx.appendLog(LogEntry(at: inbound.receivedAt, action: .read, objectType: "taak", objectId: "T2026-\(CivilCalendar.pad(Int64(sequence), 6))",
                                          performer: "boa-coord explain", confidentiality: confidentiality))
            }
            let task = try Int64.fetchOne(tx.db, sql: "SELECT id FROM task WHERE taak_nummer = 'T2026-000123'") ?? 0
            let insert = "INSERT INTO assignment (task_id, boa_id, planned_start, planned_end, state, created_at) VALUES (?, ?, '2026-12-01T09:00:00.000Z', '2026-12-01T10:00:00.000Z', 'ACTIVE', '2026-11-30T08:00:00.000Z')"
            try tx.db.execute(sql: insert, arguments: [task, "BOA-0415"])
            try tx.db.execute(sql: insert, arguments: [task, "BOA-0412"])
            try tx.insertInbound(sampleInbound("kapot.xml", reference: "GMS-X", outcome: .rejected, at: ms("2026-11-30T12:00:00+01:00")))
            try tx.appendLog(LogEntry(at: ms("2026-11-30T12:00:00+01:00"), action: .sent, objectType: "signaal", objectId: "S-1", performer: "boa-coord intake",
                                      confidentiality: .strict, partner: "riec-on", detail: "ondermijningSignaal"))
        }
        return (store, url)
    }

    @Test func theDocumentHasAtLeastTwelveQuestions() throws {
        let questions = try Self.questions()
        #expect(questions.count >= 12)
        #expect(Set(questions.map(\.title)).count == questions.count)
    }

    @Test func everyQueryRuns() throws {
        let (_, url) = try fixture()
        for question in try Self.questions() {
            #expect(throws: Never.self, "\(question.title)") { _ = try Store.readOnlyQuery(databaseAt: url, sql: question.sql) }
        }
    }

    @Test func theQueriesAnswerWhatTheyAsk() throws {
        let (_, url) = try fixture()
        let questions = try Self.questions()
        func answer(_ number: Int) throws -> QueryResult {
            let question = try #require(questions.first { $0.title.hasPrefix("\(number).") })
            return try Store.readOnlyQuery(databaseAt: url, sql: question.sql)
        }
        // 1: who was sent T2026-000123.
        #expect(try answer(1).rows.map { $0[0] } == [.text("BOA-0412"), .text("BOA-0415")])
        // 3: the STRIKT reads in November: tasks 10, 20, …, 130.
        #expect(try answer(3).rows.count == 13)
        // 4: the rejected message.
        #expect(try answer(4).rows.map { $0[3] } == [.text("kapot.xml")])
        // 5: planned tasks per priority, 15 minutes each.
        let planned = try answer(5)
        #expect(planned.rows.count == 1)
        #expect(planned.rows.first?[1] == .integer(130 - 130 / 7))
        #expect(planned.rows.first?[2] == .real(15.0))
        // 6: BOA-0412's task.
        #expect(try answer(6).rows.map { $0[0] } == [.text("T2026-000123")])
        // 8: the transfer to the RIEC.
        #expect(try answer(8).rows.map { $0[2] } == [.text("signaal")])
        // 11: declined by reason.
        #expect(try answer(11).rows == [[.text("BOA004"), .integer(Int64(130 / 7))]])
        // 16: STRIKT tasks per category, only groups of 5 or more.
        #expect(try answer(16).rows == [[.text("OVERLAST"), .integer(13)]])
    }
}
