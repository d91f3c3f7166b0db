import BoaCore
@testable import BoaStore
import Foundation
import Testing

/// Records are read column by column from SQLite's C API (`DirectRow`): every field written comes back, NULLs
/// as nil, through every query that reads the record.
@Suite struct RecordReadingTests {
    /// A task with every optional field set, none left to its default.
    func fullTask() -> TaskRecord {
        let received = ms("2026-12-01T09:00:00+01:00")
        return TaskRecord(
            taskNumber: TaskNumber(year: 2026, sequence: 41), partner: "politie-on", taskId: "ON-41", origin: .request, inboundId: nil,
            isTest: true, category: .waste, subcategory: "DUMPING", priority: .urgent, status: .received, confidentiality: .confidential,
            legalBasis: .wpgArticle9, retention: RetentionPeriod(years: 2), sourceReference: "BVH-2026-0041",
            principal: Principal(unit: "Basisteam Twente-Midden", role: "Wijkagent"), description: "Afval naast de container — ‘grof’",
            location: Location(description: "Achter de supermarkt",
                               address: Address(street: "Marktstraat", houseNumber: 12, houseLetter: "a", houseNumberAddition: "bis",
                                                postcode: "7551DR", town: "Hengelo"),
                               neighbourhood: "BU01640100", point: RDPoint(x: 251_000.25, y: 476_000.5)),
            earliestStart: received + 3_600_000, deadline: received + 86_400_000, durationMinutes: 30, domain: .environment,
            powers: [.bylaw, .wasteRegulations], minimumTeam: 2, violenceExpected: true, safetyExplanation: "Eerder agressief",
            preferredOfficer: "BOA-0007", caseNumber: "05/123456-26", reportReference: "PL0600-2026-1", requestedAction: .check,
            receivedAt: received)
    }

    @Test func aTaskComesBackFieldForFieldThroughEveryRead() throws {
        let (store, _) = try makeStore()
        var expected = fullTask()
        let plannedAt = expected.receivedAt + 60_000
        let (byId, byNumber, byPartner, open, snapshot) = try store.write { tx in
            expected.id = try tx.insertTask(expected)
            try tx.setTaskStatus(expected.id, .planned, at: plannedAt, reasonCode: "BOA002", explanation: "tweede ploeg", reaction: .accept)
            try tx.updateTaskDetails(expected, changeTime: "20261201091500000")
            return (try tx.task(id: expected.id), try tx.task(number: expected.taskNumber), try tx.task(partner: "politie-on", taskId: "ON-41"),
                    try tx.tasks(origin: .request, open: true), try tx.planningSnapshot(now: plannedAt).openTasks)
        }
        expected.status = .planned
        expected.firstPlannedAt = plannedAt
        expected.reasonCode = "BOA002"
        expected.reasonText = "tweede ploeg"
        expected.reaction = .accept
        expected.lastChangeTime = "20261201091500000"
        #expect(byId == expected)
        #expect(byNumber == expected)
        #expect(byPartner == expected)
        #expect(open == [expected])
        #expect(snapshot == [expected])
    }

    @Test func aTaskWithoutOptionalFieldsComesBackWithNils() throws {
        let (store, _) = try makeStore()
        var expected = TaskRecord(
            taskNumber: TaskNumber(year: 2026, sequence: 42), partner: nil, taskId: nil, origin: .neighbourhoodRound, inboundId: nil,
            category: .nuisance, priority: .planned, status: .received, confidentiality: .normal, legalBasis: .wpgArticle8,
            retention: RetentionPeriod(years: 1), principal: nil, description: nil, location: Location(point: RDPoint(x: 250_000, y: 470_000)), deadline: ms("2026-12-02T09:00:00+01:00"),
            durationMinutes: 20, domain: .publicSpace, powers: [], minimumTeam: 1, receivedAt: ms("2026-12-01T09:00:00+01:00"))
        let read = try store.write { tx in
            expected.id = try tx.insertTask(expected)
            return try tx.task(id: expected.id)
        }
        #expect(read == expected)
        #expect(read?.location?.address == nil && read?.location?.description == nil && read?.principal == nil && read?.earliestStart == nil && read?.reaction == nil)
        #expect(try store.write { tx in try tx.task(id: expected.id + 1) } == nil, "no row reads as nil")
    }

    @Test func inboundAndOutboundRecordsComeBackFieldForField() throws {
        let (store, _) = try makeStore()
        var inbound = InboundRecord(
            fileName: "politie-on_taakVerzoek_Di01_R-9.xml", inboxFolder: "politie-on", partner: "politie-on", rootElement: "taakVerzoek_Di01",
            function: "taakVerzoek", messageCode: "Di01", reference: "R-9", crossReference: "R-8", messageTime: "20261201090000000",
            isTest: true, sha256: sha256Hex(Array("R-9".utf8)), size: 1234, outcome: .rejected, faultCode: "StUF055",
            faultText: "regel 3, kolom 7: ‘x’ ontbreekt", receivedAt: ms("2026-12-01T09:00:00+01:00"), decidedAt: ms("2026-12-01T09:00:01+01:00"),
            archivePath: "archive/2026-12-01/politie-on_taakVerzoek_Di01_R-9.xml")
        inbound.rejectedPath = "rejected/politie-on_taakVerzoek_Di01_R-9.xml"
        inbound.claimName = "claim-9"
        let body: [UInt8] = Array("<Bv03/>".utf8) + [0, 255, 10]
        var outbound = OutboundRecord(partner: "politie-on", function: "Bv03", messageCode: "Bv03", reference: "BOA-1", crossReference: "R-9",
                                      faultCode: nil, isTest: true, fileName: "politie-on_Bv03_BOA-1.xml", body: body,
                                      createdAt: ms("2026-12-01T09:00:01+01:00"))
        let (readInbound, byClaim, bySHA, accepted, readOutbound, unpublished) = try store.write { tx in
            inbound.id = try tx.insertInbound(inbound)
            outbound.inboundId = inbound.id
            outbound.id = try tx.insertOutbound(outbound)
            return (try tx.inbound(id: inbound.id), try tx.inbound(claimName: "claim-9"), try tx.inbound(withSHA256: inbound.sha256, reference: "R-9"),
                    try tx.acceptedInbound(partner: "politie-on", reference: "R-9"), try tx.outbound(forInbound: inbound.id),
                    try tx.unpublishedOutbound(limit: 10))
        }
        #expect(readInbound == inbound)
        #expect(byClaim == inbound)
        #expect(bySHA == [inbound])
        #expect(accepted == nil, "a rejected message is not accepted")
        #expect(readOutbound == [outbound])
        #expect(readOutbound.first?.body == body, "the body's bytes, a NUL among them")
        #expect(unpublished == [outbound])
    }
}
