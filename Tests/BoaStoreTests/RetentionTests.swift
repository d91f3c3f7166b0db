import BoaCore
@testable import BoaStore
import Foundation
import GRDB
import Testing

@Suite struct RetentionTests {
    /// A task closed at `closedAt` with a retention period.
    @discardableResult
    func closedTask(_ store: Store, _ sequence: Int, closedAt: Int64, retention: RetentionPeriod = RetentionPeriod(years: 1),
                    inbound: Int64? = nil) throws -> Int64 {
        try store.write { tx in
            let id = try tx.insertTask(sampleTask(TaskNumber(year: 2026, sequence: sequence), retention: retention,
                                                  receivedAt: closedAt - 3_600_000, inboundId: inbound))
            try tx.setTaskStatus(id, .completed, at: closedAt)
            return id
        }
    }

    func text(_ store: Store, _ id: Int64) throws -> Row? {
        try store.read { try Row.fetchOne($0.db, sql: "SELECT omschrijving, straatnaam, x, y, buurtcode, categorie, prioriteit, status, stripped_at FROM task WHERE id = ?", arguments: [id]) }
    }

    @Test func anonymisesOnTheDayTheRetentionPeriodEnds() throws {
        let (store, _) = try makeStore()
        let id = try closedTask(store, 1, closedAt: ms("2026-12-01T15:00:00+01:00"))
        // A day before: nothing.
        #expect(try store.applyRetention(now: ms("2027-11-30T15:00:00+01:00"), performer: "test").anonymised.isEmpty)
        // A minute before the year is over: nothing.
        #expect(try store.applyRetention(now: ms("2027-12-01T14:59:00+01:00"), performer: "test").anonymised.isEmpty)
        let report = try store.applyRetention(now: ms("2027-12-01T15:00:00+01:00"), performer: "test")
        #expect(report.anonymised == [TaskNumber(year: 2026, sequence: 1)])
        let row = try #require(try text(store, id))
        #expect(row["omschrijving"] as String? == nil)
        #expect(row["straatnaam"] as String? == nil)
        #expect(row["x"] as Double? == nil)
        #expect(row["buurtcode"] as String? == nil)
        #expect(row["categorie"] as String == "OVERLAST", "the figures stay")
        #expect(row["prioriteit"] as Int == 2)
        #expect(row["status"] as String == "AFGEROND")
        // Logged, and not done twice.
        #expect(try store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM audit_log WHERE actie = 'GEANONIMISEERD' AND object_id = 'T2026-000001'") } == 1)
        #expect(try store.applyRetention(now: ms("2027-12-02T15:00:00+01:00"), performer: "test").anonymised.isEmpty)
        #expect(try store.verifyLog().isIntact)
    }

    @Test func openTasksAreKept() throws {
        let (store, _) = try makeStore()
        let id = try store.write { tx in try tx.insertTask(sampleTask(TaskNumber(year: 2026, sequence: 1), receivedAt: ms("2020-01-01T10:00:00+01:00"))) }
        #expect(try store.applyRetention(now: ms("2030-01-01T10:00:00+01:00"), performer: "test").anonymised.isEmpty)
        #expect(try text(store, id)?["omschrijving"] as String? != nil)
    }

    @Test func countsCalendarYearsAcrossSummerTime() throws {
        // Closed on Saturday 27 March 2027 at 12:00 winter time (11:00 UTC). One year later, 27 March 2028 is
        // after the switch (26 March 2028): 12:00 local is 10:00 UTC. A 365-days-in-UTC reading would wait
        // until 11:00 UTC (and 2028 is a leap year, so it would be a day early too).
        let (store, _) = try makeStore()
        try closedTask(store, 1, closedAt: ms("2027-03-27T12:00:00+01:00"))
        #expect(try store.applyRetention(now: ms("2028-03-27T09:59:59+00:00"), performer: "test").anonymised.isEmpty)
        #expect(try store.applyRetention(now: ms("2028-03-27T10:00:00+00:00"), performer: "test").anonymised.count == 1)

        // And back: closed in summer at 00:30 local on 1 July 2026; P6M ends 1 January 2027 00:30 winter time.
        let (other, _) = try makeStore()
        try closedTask(other, 2, closedAt: ms("2026-07-01T00:30:00+02:00"), retention: RetentionPeriod(months: 6))
        #expect(try other.applyRetention(now: ms("2026-12-31T23:29:59+00:00"), performer: "test").anonymised.isEmpty)
        #expect(try other.applyRetention(now: ms("2026-12-31T23:30:00+00:00"), performer: "test").anonymised.count == 1)
    }

    @Test func theLastDayOfAMonthStaysTheLastDay() {
        // 31 January + P1M = 28 February; 29 February 2028 + P1Y = 28 February 2029.
        #expect(RetentionPeriod(months: 1).end(startingAt: ms("2027-01-31T10:00:00+01:00")) == ms("2027-02-28T10:00:00+01:00"))
        #expect(RetentionPeriod(years: 1).end(startingAt: ms("2028-02-29T10:00:00+01:00")) == ms("2029-02-28T10:00:00+01:00"))
        #expect(RetentionPeriod(days: 1).end(startingAt: ms("2026-10-24T12:00:00+02:00")) == ms("2026-10-25T12:00:00+01:00"))
    }

    @Test func deletesFiveYearsAfterAnonymising() throws {
        let (store, _) = try makeStore()
        let inbound = try store.write { tx in
            var record = sampleInbound("verzoek.xml", reference: "R1")
            record.archivePath = "archive/2026-12-01/verzoek.xml"
            return try tx.insertInbound(record)
        }
        let id = try closedTask(store, 1, closedAt: ms("2026-12-01T15:00:00+01:00"), inbound: inbound)
        try store.write { tx in
            try tx.insertOutbound(OutboundRecord(partner: "politie-on", function: "taakStatus", messageCode: "Di01", reference: try tx.nextOutboundReference(),
                                                 inboundId: inbound, taskId: id, fileName: "s.xml", body: Array("<x>Marktstraat 12</x>".utf8), createdAt: 0))
        }
        try store.write { tx in try tx.markOutboundPublished(1, at: 1) }
        let first = try store.applyRetention(now: ms("2027-12-01T15:00:00+01:00"), performer: "test")
        #expect(first.anonymised.count == 1)
        #expect(first.archivedFiles.map(\.path) == ["archive/2026-12-01/verzoek.xml"])
        #expect(try store.read { try Data.fetchOne($0.db, sql: "SELECT body FROM outbound_message WHERE task_id = ?", arguments: [id]) } == nil,
                "the published message's text is gone too")
        try store.forgetArchivedFile(inboundId: inbound)
        #expect(try store.applyRetention(now: ms("2027-12-02T15:00:00+01:00"), performer: "test").archivedFiles.isEmpty)
        // Five years after anonymising: 1 December 2032 15:00.
        #expect(try store.applyRetention(now: ms("2032-12-01T14:59:59+01:00"), performer: "test").deleted.isEmpty)
        let report = try store.applyRetention(now: ms("2032-12-01T15:00:00+01:00"), performer: "test")
        #expect(report.deleted == [TaskNumber(year: 2026, sequence: 1)])
        #expect(try store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM task") } == 0)
        #expect(try store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM task_status") } == 0)
        #expect(try store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM outbound_message") } == 0)
        #expect(try store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM inbound_message") } == 1, "the message row (no personal data) stays")
        #expect(try store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM audit_log WHERE actie = 'VERWIJDERD' AND object_id = 'T2026-000001'") } == 1)
    }

    @Test func expiredLogRowsAreCutBehindAnAnchorAndTheRestStillVerifies() throws {
        let (store, url) = try makeStore()
        try store.write { tx in
            for day in 1...10 {
                try tx.appendLog(LogEntry(at: ms("2026-12-\(CivilCalendar.pad(Int64(day), 2))T12:00:00+01:00"), action: .received, objectType: "bericht",
                                          objectId: "\(day)", performer: "test", retention: RetentionPeriod(years: 1)))
            }
        }
        // Rows of 1–4 December have expired at noon on 4 December 2027; the rest have not.
        let report = try store.applyRetention(now: ms("2027-12-04T12:00:00+01:00"), performer: "test")
        #expect(report.logRowsCut == 4)
        let remaining = try store.read { try Int64.fetchAll($0.db, sql: "SELECT seq FROM processing_log ORDER BY seq") }
        #expect(remaining.first == 5)
        let verification = try Store.verifyLog(atPath: url)
        #expect(verification.isIntact)
        #expect(verification.startsAfter == 4)
        #expect(verification.rowsChecked == remaining.count)
        // New rows chain on; a second cut moves the anchor forward.
        #expect(try store.applyRetention(now: ms("2027-12-06T12:00:00+01:00"), performer: "test").logRowsCut == 2)
        #expect(try store.verifyLog().isIntact)
    }
}
