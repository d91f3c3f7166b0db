import BoaCore
import BoaSamples
import BoaXML
import Foundation
import Testing

/// The life of a task end to end, through files and the real binary (KOPPELVLAK §4, §5, §6.5, §7, §8, §10):
/// each test drops partner files, runs `boa-coord process --now`, and checks the exact outbound files (kind,
/// receiver folder, key fields) and the `audit_tasks` rows. The roster is small and fixed, so every outcome is
/// predictable: four officers with a deed for domain I (APV, WAHV, BSBO), one shift each on 2026-12-01
/// 08:00–16:00 local, from the default home base; no home buurt, so officers differ only by service number
/// and screening.
@Suite(.serialized) struct TaskLifeCycleTests {

    // MARK: 1. request → ACCEPT and orders

    @Test func aRequestAfterTheRosterIsAcceptedAndEveryOfficerGetsAnOrder() throws {
        let home = try HomeFixture()
        try home.drop(LC.roster(), name: "rooster.xml", folder: "rooster")
        try LC.pass(home, "2026-12-01T08:30:00+01:00")
        let rosterPass = try LC.take(home)
        #expect(rosterPass.signature == ["rooster/bevestiging_Bv03"])
        #expect(rosterPass.acks == ["ROOSTER-1"])

        try home.drop(LC.request("ON-1", reference: "GMS-1", description: "Jongeren bij de sporthal"), name: "verzoek.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:00:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["boa-app/inzetOpdracht_Di01", "boa-app/inzetOpdracht_Di01",
                                  "politie-on/bevestiging_Bv03", "politie-on/taakReactie_Du01"])
        #expect(out.folder("politie-on").acks == ["GMS-1"])
        let reaction = try #require(out.reactions.first)
        #expect(out.first { $0.message.kind == .taskReaction }?.message.envelope.crossReference == "GMS-1")
        #expect(reaction.taskId == "ON-1")
        #expect(reaction.taskNumber.description == "T2026-000001")
        #expect(reaction.reaction == .accept)
        #expect(reaction.reasonCode == nil)
        #expect(reaction.plannedStart?.description == "2026-12-01T09:00:00+01:00")
        #expect(reaction.team == ["BOA-0001", "BOA-0002"], "bezetting: aantal 2, the team")

        let orders = out.orders.sorted { $0.officerId < $1.officerId }
        #expect(orders.map(\.officerId) == ["BOA-0001", "BOA-0002"])
        #expect(orders.map(\.colleagues) == [["BOA-0002"], ["BOA-0001"]])
        for order in orders {
            #expect(order.taskNumber.description == "T2026-000001")
            #expect(order.category == .nuisance)
            #expect(order.priority == .today)
            #expect(order.plannedStart.description == "2026-12-01T09:00:00+01:00")
            #expect(order.estimatedMinutes == 45, "OVERLAST: 45 minutes by default (§6.1)")
            #expect(order.deadline.description == "2026-12-01T23:00:00+01:00")
            #expect(order.confidentiality == .normal)
            #expect(order.location.neighbourhood == LC.buurt)
            #expect(order.description == "Jongeren bij de sporthal")
        }

        let task = try LC.task(home, "T2026-000001")
        #expect(task["status"] as? String == "INGEPLAND")
        #expect(task["officers"] as? String == "BOA-0001,BOA-0002")
        #expect(task["partner"] as? String == "politie-on")
        #expect(task["taak_id"] as? String == "ON-1")
        #expect(task["soort"] as? String == "VERZOEK")
        #expect(task["categorie"] as? String == "OVERLAST")
        #expect(task["first_planned_at"] as? String == "2026-12-01T08:00:00.000Z")
        #expect(task["uiterlijk_gereed"] as? String == "2026-12-01T22:00:00.000Z")
        #expect(task["closed_at"] is NSNull)
    }

    // MARK: 2. declines and their precedence

    @Test func declinesFollowThePrecedenceOfSection10() throws {
        let home = try LC.rosteredHome()
        let outside = RDPoint(x: 257_000.001, y: 476_000)
        let cases: [(id: String, message: Message, expected: ReasonCode?)] = [
            ("D-GEWELD", LC.request("D-GEWELD", reference: "GMS-D1", violence: true), .violenceExpected),
            ("D-TELAAT", LC.request("D-TELAAT", reference: "GMS-D2", deadline: "2026-12-01T08:45:00+01:00"), .deadlinePassed),
            ("D-WEST", LC.request("D-WEST", reference: "GMS-D3", point: RDPoint(x: 243_999.999, y: 476_000)), .outsideWorkArea),
            ("D-OOST", LC.request("D-OOST", reference: "GMS-D4", point: outside), .outsideWorkArea),
            ("D-NOORD", LC.request("D-NOORD", reference: "GMS-D5", point: RDPoint(x: 251_000, y: 483_000.001)), .outsideWorkArea),
            ("D-ZUID", LC.request("D-ZUID", reference: "GMS-D6", point: RDPoint(x: 251_000, y: 468_999.999)), .outsideWorkArea),
            ("D-STRIKT", LC.request("D-STRIKT", reference: "GMS-D7", confidentiality: .strict, basis: .wpgArticle8), .basisNotAllowed),
            ("D-P0D", LC.request("D-P0D", reference: "GMS-D8", retention: RetentionPeriod(days: 0)), .basisNotAllowed),
            ("D-DOMEIN", LC.request("D-DOMEIN", reference: "GMS-D9", domain: .generic), .noQualifiedOfficer),
            ("D-MACHT", LC.request("D-MACHT", reference: "GMS-D10", powers: [.handcuffs]), .noQualifiedOfficer),
            // Several reasons at once: the first of BOA003, BOA010, BOA002, BOA008, BOA001.
            ("P-003-010", LC.request("P-003-010", reference: "GMS-P1", deadline: "2026-12-01T08:45:00+01:00", violence: true), .violenceExpected),
            ("P-010-002", LC.request("P-010-002", reference: "GMS-P2", point: outside, deadline: "2026-12-01T08:45:00+01:00"), .deadlinePassed),
            ("P-002-008", LC.request("P-002-008", reference: "GMS-P3", point: outside, confidentiality: .strict, basis: .gdprSupervision), .outsideWorkArea),
            ("P-008-001", LC.request("P-008-001", reference: "GMS-P4", domain: .generic, confidentiality: .strict, basis: .wpgArticle8), .basisNotAllowed),
            ("P-003-001", LC.request("P-003-001", reference: "GMS-P5", domain: .generic, violence: true), .violenceExpected),
            // The bounds of the work area are inclusive: the corners are inside.
            ("IN-ZW", LC.request("IN-ZW", reference: "GMS-B1", point: RDPoint(x: 244_000, y: 469_000)), nil),
            ("IN-NO", LC.request("IN-NO", reference: "GMS-B2", point: RDPoint(x: 257_000, y: 483_000)), nil),
        ]
        for entry in cases {
            if entry.id == "D-P0D" {
                // Written literally as P0D (the writer's canonical form of zero would be PT0S).
                let text = MessageWriter.text(of: entry.message).replacingOccurrences(of: "<BT:bewaartermijn>PT0S</BT:bewaartermijn>",
                                                                                      with: "<BT:bewaartermijn>P0D</BT:bewaartermijn>")
                #expect(text.contains("<BT:bewaartermijn>P0D</BT:bewaartermijn>"))
                try home.drop(text, name: "\(entry.id).xml", folder: "politie-on")
            } else {
                try home.drop(entry.message, name: "\(entry.id).xml", folder: "politie-on")
            }
        }
        try LC.pass(home, "2026-12-01T09:00:00+01:00")
        let out = try LC.take(home)
        let police = out.folder("politie-on")
        #expect(police.acks.sorted() == cases.map { $0.message.envelope.reference }.sorted(), "one Bv03 per request")
        #expect(police.filter { $0.message.kind == .taskReaction }.count == cases.count, "one reaction per request")
        #expect(police.allSatisfy { [.acknowledgement, .taskReaction].contains($0.message.kind) }, "\(police.signature)")
        let reactions = Dictionary(uniqueKeysWithValues: out.reactions.map { ($0.taskId, $0) })
        let sentOrders = Set(out.orders.map(\.taskNumber))
        for entry in cases {
            let reaction = try #require(reactions[entry.id], "no reaction for \(entry.id)")
            let row = try LC.task(home, reaction.taskNumber.description)
            if let code = entry.expected {
                #expect(reaction.reaction == .decline, "\(entry.id)")
                #expect(reaction.reasonCode == code, "\(entry.id): \(reaction.reasonCode?.rawValue ?? "no redenCode")")
                #expect(reaction.plannedStart == nil && reaction.team == nil, "\(entry.id)")
                #expect(!sentOrders.contains(reaction.taskNumber), "\(entry.id): a declined task is never dispatched")
                #expect(row["status"] as? String == "GEWEIGERD", "\(entry.id)")
                #expect(row["reden_code"] as? String == code.rawValue, "\(entry.id)")
                #expect(row["closed_at"] is String, "\(entry.id): GEWEIGERD is final")
                #expect(row["officers"] as? String == "", "\(entry.id)")
            } else {
                #expect(reaction.reaction == .accept, "\(entry.id): on the edge of the work area is inside")
                #expect(row["status"] as? String == "INGEPLAND", "\(entry.id)")
            }
        }
        // Only the two tasks inside the area are staffed, each by a team of two.
        #expect(out.folder("boa-app").count == 4)
        #expect(out.folder("boa-app").allSatisfy { $0.message.kind == .deployment })
        #expect(Set(out.orders.map(\.taskNumber)) == Set([reactions["IN-ZW"]?.taskNumber, reactions["IN-NO"]?.taskNumber].compactMap { $0 }))
        // Declined tasks never reach the plan.
        #expect(try home.sql("SELECT count(*) AS n FROM audit_assignments a JOIN audit_tasks t USING (taak_nummer) WHERE t.status = 'GEWEIGERD'").first?["n"] as? Int == 0)
    }

    // MARK: 3. PROVISIONAL

    /// §5.3: DECLINE only when the task "can never be done here"; otherwise PROVISIONAL, "planned as soon as a roster
    /// or change makes that possible". Before any roster the officer register is empty, and the product reads that
    /// as BOA001 (no active officer holds the deed): DECLINE BOA001, status GEWEIGERD, and the later roster plans nothing.
    @Test
    func withoutARosterATaskIsProvisionalAndIsPlannedWhenTheRosterArrives() throws {
        let home = try HomeFixture()
        try home.drop(LC.request("ON-1", reference: "GMS-1"), name: "verzoek.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:00:00+01:00")
        let first = try LC.take(home)
        #expect(first.signature == ["politie-on/bevestiging_Bv03", "politie-on/taakReactie_Du01"])
        let reaction = try #require(first.reactions.first)
        #expect(reaction.reaction == .provisional, "no roster yet: accepted, not staffed (§5.3)")
        #expect(reaction.reasonCode == nil)
        #expect(first.first { $0.message.kind == .taskReaction }?.message.envelope.crossReference == "GMS-1")
        #expect(try LC.task(home, "T2026-000001")["status"] as? String == "GEACCEPTEERD")

        try home.drop(LC.roster(), name: "rooster.xml", folder: "rooster")
        try LC.pass(home, "2026-12-01T09:30:00+01:00")
        let second = try LC.take(home)
        #expect(second.signature == ["boa-app/inzetOpdracht_Di01", "boa-app/inzetOpdracht_Di01",
                                     "politie-on/taakStatus_Di01", "rooster/bevestiging_Bv03"])
        let status = try #require(second.statuses.first)
        #expect(status.taskId == "ON-1")
        #expect(status.taskNumber.description == "T2026-000001")
        #expect(status.status == .planned)
        #expect(status.time.description == "2026-12-01T09:30:00+01:00", "the time of processing")
        #expect(status.reasonCode == nil)
        let orders = second.orders.sorted { $0.officerId < $1.officerId }
        #expect(orders.map(\.officerId) == ["BOA-0001", "BOA-0002"])
        #expect(orders.map(\.colleagues) == [["BOA-0002"], ["BOA-0001"]])
        #expect(orders.allSatisfy { $0.plannedStart.description == "2026-12-01T09:30:00+01:00" })
        let row = try LC.task(home, "T2026-000001")
        #expect(row["status"] as? String == "INGEPLAND")
        #expect(row["officers"] as? String == "BOA-0001,BOA-0002")
        #expect(row["first_planned_at"] as? String == "2026-12-01T08:30:00.000Z")
    }

    @Test func aTaskBeyondTheRosteredPeriodIsProvisionalAndIsPlannedWhenItsRosterArrives() throws {
        let home = try LC.rosteredHome()
        try home.drop(LC.request("ON-MORGEN", reference: "GMS-1", earliest: "2026-12-02T09:00:00+01:00", deadline: "2026-12-02T17:00:00+01:00"),
                      name: "verzoek.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:00:00+01:00")
        let first = try LC.take(home)
        #expect(first.signature == ["politie-on/bevestiging_Bv03", "politie-on/taakReactie_Du01"])
        let reaction = try #require(first.reactions.first)
        #expect(reaction.reaction == .provisional, "its window lies outside the rostered period: not staffed yet, not declined (§5.3)")
        #expect(reaction.reasonCode == nil)
        #expect(try LC.task(home, reaction.taskNumber.description)["status"] as? String == "GEACCEPTEERD")

        try home.drop(LC.roster(reference: "ROOSTER-2", day: 2), name: "rooster-2.xml", folder: "rooster")
        try LC.pass(home, "2026-12-01T15:00:00+01:00")
        let second = try LC.take(home)
        #expect(second.signature == ["boa-app/inzetOpdracht_Di01", "boa-app/inzetOpdracht_Di01",
                                     "politie-on/taakStatus_Di01", "rooster/bevestiging_Bv03"])
        let status = try #require(second.statuses.first)
        #expect(status.taskId == "ON-MORGEN")
        #expect(status.taskNumber == reaction.taskNumber)
        #expect(status.status == .planned)
        #expect(status.time.description == "2026-12-01T15:00:00+01:00", "the time of processing")
        let orders = second.orders.sorted { $0.officerId < $1.officerId }
        #expect(orders.map(\.officerId) == ["BOA-0001", "BOA-0002"])
        #expect(orders.map(\.colleagues) == [["BOA-0002"], ["BOA-0001"]])
        #expect(orders.allSatisfy { $0.plannedStart.description == "2026-12-02T09:00:00+01:00" })
        let row = try LC.task(home, reaction.taskNumber.description)
        #expect(row["status"] as? String == "INGEPLAND")
        #expect(row["officers"] as? String == "BOA-0001,BOA-0002")
    }

    @Test func aProvisionalTaskWhoseDeadlinePassesUnplannedIsDeclinedWithBOA004() throws {
        let home = try LC.rosteredHome()
        try home.drop(LC.request("ON-MORGEN", reference: "GMS-1", earliest: "2026-12-02T09:00:00+01:00", deadline: "2026-12-02T12:00:00+01:00"),
                      name: "verzoek.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:00:00+01:00")
        let first = try LC.take(home)
        #expect(first.reactions.map(\.reaction) == [.provisional])
        let number = try #require(first.reactions.first?.taskNumber.description)
        try LC.pass(home, "2026-12-02T11:59:00+01:00")
        #expect(try LC.take(home).isEmpty, "the deadline has not passed yet")
        try LC.pass(home, "2026-12-02T12:01:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["politie-on/taakStatus_Di01"])
        let status = try #require(out.statuses.first)
        #expect(status.taskId == "ON-MORGEN")
        #expect(status.taskNumber.description == number)
        #expect(status.status == .declined)
        #expect(status.reasonCode == .noCapacity)
        #expect(status.time.description == "2026-12-02T12:01:00+01:00")
        let row = try LC.task(home, number)
        #expect(row["status"] as? String == "GEWEIGERD")
        #expect(row["reden_code"] as? String == "BOA004")
        #expect(row["closed_at"] is String)
        // Final: a later roster does not bring it back.
        try home.drop(LC.roster(reference: "ROOSTER-2", day: 2), name: "rooster-2.xml", folder: "rooster")
        try LC.pass(home, "2026-12-02T12:05:00+01:00")
        #expect(try LC.take(home).signature == ["rooster/bevestiging_Bv03"])
    }

    // MARK: 4. sickness

    @Test func aSickOfficerIsWithdrawnAndReplacedAndTheColleagueGetsAFreshOrder() throws {
        let home = try LC.rosteredHome()
        try home.drop(LC.request("ON-1", reference: "GMS-1", earliest: "2026-12-01T11:00:00+01:00"), name: "verzoek.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:00:00+01:00")
        let planned = try LC.take(home)
        let reaction = try #require(planned.reactions.first)
        #expect(reaction.reaction == .accept)
        #expect(reaction.team == ["BOA-0001", "BOA-0002"])
        #expect(reaction.plannedStart?.description == "2026-12-01T11:00:00+01:00")

        let absence = Unavailability(officerId: "BOA-0001", from: LC.ts("2026-12-01T09:30:00+01:00"), until: LC.ts("2026-12-01T16:00:00+01:00"), reason: .sick)
        try home.drop(Message(envelope: LC.envelope(from: LC.rosterSystem, reference: "ROOSTER-ZIEK-1", time: "20261201092900000"), body: .unavailability(absence)),
                      name: "ziek.xml", folder: "rooster")
        try LC.pass(home, "2026-12-01T09:30:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["boa-app/inzetIntrekking_Di01", "boa-app/inzetOpdracht_Di01", "boa-app/inzetOpdracht_Di01",
                                  "rooster/bevestiging_Bv03"], "a re-plan that keeps the status sends no taakStatus (§5.4)")
        #expect(out.folder("rooster").acks == ["ROOSTER-ZIEK-1"])
        #expect(out.withdrawals.map(\.officerId) == ["BOA-0001"])
        #expect(out.withdrawals.map(\.taskNumber.description) == ["T2026-000001"])
        let orders = out.orders.sorted { $0.officerId < $1.officerId }
        #expect(orders.map(\.officerId) == ["BOA-0002", "BOA-0003"], "the replacement, and the colleague who stays")
        #expect(orders.map(\.colleagues) == [["BOA-0003"], ["BOA-0002"]])
        #expect(orders.allSatisfy { $0.plannedStart.description == "2026-12-01T11:00:00+01:00" }, "the replacement joins at the same start")
        let row = try LC.task(home, "T2026-000001")
        #expect(row["status"] as? String == "INGEPLAND")
        #expect(row["officers"] as? String == "BOA-0002,BOA-0003")
        let states = try home.sql("SELECT boa_id, state FROM audit_assignments WHERE taak_nummer = 'T2026-000001' ORDER BY assignment_id")
        #expect(states.filter { $0["boa_id"] as? String == "BOA-0001" }.map { $0["state"] as? String } == ["WITHDRAWN"])
        #expect(states.filter { $0["state"] as? String == "ACTIVE" }.compactMap { $0["boa_id"] as? String }.sorted() == ["BOA-0002", "BOA-0003"])

        // An officer withdrawn from a task no longer counts as assigned to it (§10): BOA013.
        try home.drop(LC.report("T2026-000001", officer: "BOA-0001", status: .enRoute, at: "2026-12-01T09:35:00+01:00", reference: "APP-1"),
                      name: "rapport.xml", folder: "boa-app")
        try LC.pass(home, "2026-12-01T09:35:00+01:00")
        let report = try LC.take(home)
        #expect(report.signature == ["boa-app/fout_Fo01"])
        #expect(report.faults == ["APP-1": "BOA013"])
    }

    /// §4.7 and §10 (Availability): an afmelding affects every assignment that overlaps its window and has no
    /// ONDERWEG/TER_PLAATSE/final report yet. Since ee220ea the plan step pins every visit whose planned start has
    /// passed (PlanningFacts: `current[task.id].start <= now`), so a sick officer stays on such work: no
    /// inzetIntrekking, `officers` still lists them.
    @Test
    func anAfmeldingAffectsWorkWhosePlannedStartPassedUnlessItIsReportedStarted() throws {
        let home = try LC.rosteredHome()
        try home.drop(LC.request("ON-1", reference: "GMS-1"), name: "a.xml", folder: "politie-on")
        // ON-2 far from ON-1 (so that no team does both) and VERTROUWELIJK (so that only BOA-0003 and BOA-0004 may do it).
        try home.drop(LC.request("ON-2", reference: "GMS-2", point: RDPoint(x: 256_000, y: 482_000), buurt: nil, confidentiality: .confidential),
                      name: "b.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:00:00+01:00")
        let planned = try LC.take(home)
        let reactions = Dictionary(uniqueKeysWithValues: planned.reactions.map { ($0.taskId, $0) })
        let first = try #require(reactions["ON-1"])
        let second = try #require(reactions["ON-2"])
        #expect(first.team == ["BOA-0001", "BOA-0002"])
        #expect(second.team == ["BOA-0003", "BOA-0004"])
        #expect(first.plannedStart?.description == "2026-12-01T09:00:00+01:00")
        #expect(second.plannedStart?.description == "2026-12-01T09:00:00+01:00")

        // 09:10: both tasks' planned start has passed; only ON-2 is reported started (ONDERWEG). BOA-0001 (ON-1) and
        // BOA-0003 (ON-2) fall ill from 09:10, inside the work.
        for (index, officer) in ["BOA-0001", "BOA-0003"].enumerated() {
            let absence = Unavailability(officerId: officer, from: LC.ts("2026-12-01T09:10:00+01:00"), reason: .sick)
            try home.drop(Message(envelope: LC.envelope(from: LC.rosterSystem, reference: "ROOSTER-ZIEK-\(index)", time: "20261201090900000"),
                                  body: .unavailability(absence)), name: "ziek-\(index).xml", folder: "rooster")
        }
        try home.drop(LC.report(second.taskNumber.description, officer: "BOA-0004", status: .enRoute, at: "2026-12-01T09:05:00+01:00", reference: "APP-1"),
                      name: "onderweg.xml", folder: "boa-app")
        try LC.pass(home, "2026-12-01T09:10:00+01:00")
        let out = try LC.take(home)
        // ON-1 has no ONDERWEG report: the afmelding affects it (§4.7, §10 Availability).
        #expect(out.withdrawals.contains { $0.taskNumber == first.taskNumber && $0.officerId == "BOA-0001" }, "\(out.signature)")
        let row = try LC.task(home, first.taskNumber.description)
        #expect(!(row["officers"] as? String ?? "").contains("BOA-0001"), "BOA-0001 is still on \(first.taskNumber)")
        for order in out.orders where order.taskNumber == first.taskNumber {
            #expect(order.officerId != "BOA-0001")
            #expect(!order.colleagues.contains("BOA-0001"))
        }
        // ON-2 is reported ONDERWEG: it is not touched.
        #expect(!out.withdrawals.contains { $0.taskNumber == second.taskNumber })
        #expect(try LC.task(home, second.taskNumber.description)["officers"] as? String == "BOA-0003,BOA-0004")
        #expect(out.statuses.filter { $0.taskId == "ON-2" }.map(\.status) == [.enRoute])
    }

    // MARK: 5. cancellation

    @Test func cancellingAPlannedTaskWithdrawsItsOfficers() throws {
        let (home, number) = try LC.plannedHome()
        try home.drop(LC.cancellation("ON-1", reference: "GMS-X1"), name: "intrekking.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:10:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["boa-app/inzetIntrekking_Di01", "boa-app/inzetIntrekking_Di01",
                                  "politie-on/bevestiging_Bv03", "politie-on/taakStatus_Di01"])
        #expect(out.folder("politie-on").acks == ["GMS-X1"])
        #expect(out.withdrawals.map(\.officerId).sorted() == ["BOA-0001", "BOA-0002"])
        #expect(out.withdrawals.allSatisfy { $0.taskNumber.description == number })
        let status = try #require(out.statuses.first)
        #expect(status.taskId == "ON-1")
        #expect(status.taskNumber.description == number)
        #expect(status.status == .cancelled)
        #expect(status.time.description == "2026-12-01T09:10:00+01:00")
        let row = try LC.task(home, number)
        #expect(row["status"] as? String == "INGETROKKEN")
        #expect(row["officers"] as? String == "")
        #expect(row["closed_at"] is String)
        // Later passes do not plan it again.
        try LC.pass(home, "2026-12-01T09:20:00+01:00")
        #expect(try LC.take(home).isEmpty)
    }

    @Test func whenWorkBeforeAPlannedTaskIsCancelledItsRecordedTravelFollowsWithoutANewOrder() throws {
        // Two officers, two tasks next door to each other 5 km from the home base: ON-2 follows ON-1 in both shifts,
        // so its travel is the short trip from ON-1. Cancelling ON-1 leaves ON-2 where it is (no new order), and its
        // assignments now record the trip from the shift's start.
        let home = try HomeFixture()
        try home.drop(LC.roster([LC.officers[0], LC.officers[1]]), name: "rooster.xml", folder: "rooster")
        try LC.pass(home, "2026-12-01T08:30:00+01:00")
        _ = try LC.take(home)
        let far = RDPoint(x: 256_000, y: 476_000)
        try home.drop(LC.request("ON-1", reference: "GMS-1", point: far, buurt: nil, earliest: "2026-12-01T10:00:00+01:00",
                                 deadline: "2026-12-01T11:30:00+01:00"), name: "verzoek-1.xml", folder: "politie-on")
        try home.drop(LC.request("ON-2", reference: "GMS-2", point: RDPoint(x: far.x + 100, y: far.y), buurt: nil,
                                 earliest: "2026-12-01T11:30:00+01:00"), name: "verzoek-2.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:00:00+01:00")
        #expect(try LC.take(home).reactions.map(\.reaction) == [.accept, .accept])
        func travel() throws -> [Int] {
            try home.sql("""
                SELECT a.travel_minutes AS m FROM assignment a JOIN task t ON t.id = a.task_id
                 WHERE t.taak_id = 'ON-2' AND a.state = 'ACTIVE' ORDER BY a.boa_id
                """).compactMap { ($0["m"] as? NSNumber)?.intValue }
        }
        let before = try travel()
        #expect(before.count == 2 && before.allSatisfy { $0 <= 2 }, "\(before): ON-2 is reached from ON-1 next door")
        try home.drop(LC.cancellation("ON-1", reference: "GMS-X1"), name: "intrekking.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:10:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["boa-app/inzetIntrekking_Di01", "boa-app/inzetIntrekking_Di01",
                                  "politie-on/bevestiging_Bv03", "politie-on/taakStatus_Di01"], "no new order for ON-2")
        let after = try travel()
        #expect(after.count == 2 && after.allSatisfy { $0 >= 20 }, "\(after): ON-2 is now reached from the home base, 5 km away")
    }

    @Test func aRosterRestatedWhileWorkIsUnderWayKeepsTheWorkAndTheServiceGoesOn() throws {
        // The day's roster is sent again (same shifts, new rows) while the team is on its way: the old shifts go, the
        // started work keeps its officers and moves to their new shift rows, and the passes go on.
        let (home, number) = try LC.underWayHome()
        try home.drop(LC.roster(reference: "ROOSTER-2"), name: "rooster-2.xml", folder: "rooster")
        try LC.pass(home, "2026-12-01T09:30:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["rooster/bevestiging_Bv03"], "no order moves started work")
        #expect(out.acks == ["ROOSTER-2"])
        let row = try LC.task(home, number)
        #expect(row["status"] as? String == "ONDERWEG")
        #expect(row["officers"] as? String == "BOA-0001,BOA-0002")
        let linked = try home.sql("SELECT count(*) AS n FROM assignment WHERE state = 'ACTIVE' AND shift_id IN (SELECT id FROM shift)")
        #expect((linked.first?["n"] as? NSNumber)?.intValue == 2)
        // And the next pass plans a request for the same time around the work under way.
        try LC.expectPlannedAroundTheWorkUnderWay(home, earliest: "2026-12-01T12:00:00+01:00")
    }

    @Test func startedWorkOutsideItsOfficersNewShiftsStillKeepsThemBusy() throws {
        // While the team of ON-1 (12:00–12:45) is on its way, a new roster gives every officer the shift 12:30–20:00.
        // No new shift holds the started work; a request for 12:30 must not be planned over it.
        let (home, number) = try LC.underWayHome()
        try home.drop(LC.roster(reference: "ROOSTER-2", from: "12:30", until: "20:00"), name: "rooster-2.xml", folder: "rooster")
        try LC.pass(home, "2026-12-01T09:30:00+01:00")
        _ = try LC.take(home)
        #expect(try LC.task(home, number)["status"] as? String == "ONDERWEG")
        try LC.expectPlannedAroundTheWorkUnderWay(home, earliest: "2026-12-01T12:30:00+01:00")
    }

    @Test func aRosterRestatedBeforePlannedWorkStartsMovesItToTheNewShiftRows() throws {
        let (home, number) = try LC.plannedHome()
        try home.drop(LC.roster(reference: "ROOSTER-2"), name: "rooster-2.xml", folder: "rooster")
        try LC.pass(home, "2026-12-01T09:30:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["rooster/bevestiging_Bv03"], "the same shifts again: nothing to tell the officers")
        let row = try LC.task(home, number)
        #expect(row["status"] as? String == "INGEPLAND")
        #expect(row["officers"] as? String == "BOA-0001,BOA-0002")
        let unlinked = try home.sql("SELECT count(*) AS n FROM assignment WHERE state = 'ACTIVE' AND (shift_id IS NULL OR shift_id NOT IN (SELECT id FROM shift))")
        #expect((unlinked.first?["n"] as? NSNumber)?.intValue == 0, "each assignment points at its officer's new shift row")
    }

    @Test func cancellingACompletedTaskIsAcknowledgedWithoutEffect() throws {
        let (home, number) = try LC.plannedHome()
        try home.drop(LC.report(number, officer: "BOA-0001", status: .completed, at: "2026-12-01T09:40:00+01:00",
                                outcomes: [Outcome(code: .verbalWarning)], reference: "APP-1"), name: "rapport.xml", folder: "boa-app")
        try LC.pass(home, "2026-12-01T09:45:00+01:00")
        #expect(try LC.take(home).signature == ["boa-app/bevestiging_Bv03", "politie-on/taakResultaat_Di01", "politie-on/taakStatus_Di01"])
        try home.drop(LC.cancellation("ON-1", reference: "GMS-X1", time: "20261201095000000"), name: "intrekking.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:50:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["politie-on/bevestiging_Bv03"])
        #expect(out.acks == ["GMS-X1"])
        let row = try LC.task(home, number)
        #expect(row["status"] as? String == "AFGEROND")
        #expect(row["officers"] as? String == "BOA-0001,BOA-0002", "completed officers still count")
    }

    @Test func aRequestWhoseCancellationWasHeldIsDeclinedAsIngetrokkenWithoutTaakStatus() throws {
        let home = try LC.rosteredHome()
        try home.drop(LC.cancellation("ON-H", reference: "GMS-X1", time: "20261201090000000"), name: "intrekking.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:00:00+01:00")
        #expect(try LC.take(home).isEmpty, "a held cancellation is not answered yet")
        try home.drop(LC.request("ON-H", reference: "GMS-R1", time: "20261201085800000"), name: "verzoek.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:05:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["politie-on/bevestiging_Bv03", "politie-on/bevestiging_Bv03", "politie-on/taakReactie_Du01"],
                "no taakStatus and no order follows the DECLINE (§10)")
        #expect(out.acks.sorted() == ["GMS-R1", "GMS-X1"])
        let reaction = try #require(out.reactions.first)
        #expect(reaction.taskId == "ON-H")
        #expect(reaction.reaction == .decline)
        #expect(reaction.reasonCode == nil)
        #expect(reaction.explanation == "ingetrokken")
        #expect(out.first { $0.message.kind == .taskReaction }?.message.envelope.crossReference == "GMS-R1")
        let row = try LC.task(home, reaction.taskNumber.description)
        #expect(row["status"] as? String == "INGETROKKEN")
        #expect(row["officers"] as? String == "")
        let messages = try home.sql("SELECT referentienummer, outcome FROM audit_messages WHERE direction = 'IN' AND partner = 'politie-on' ORDER BY message_id")
        #expect(messages.map { "\($0["referentienummer"] as? String ?? "?")=\($0["outcome"] as? String ?? "?")" } == ["GMS-X1=ACCEPTED", "GMS-R1=ACCEPTED"])
        // Nothing more follows later either.
        try LC.pass(home, "2026-12-01T09:30:00+01:00")
        #expect(try LC.take(home).isEmpty)
    }

    // MARK: 6. changes

    @Test func aChangeThatExpectsViolenceReturnsThePlannedTaskToThePolice() throws {
        let (home, number) = try LC.plannedHome()
        let change = TaskChange(taskId: "ON-1", safety: Safety(violenceExpected: true, explanation: "Melder noemt een mes"), reason: "Nieuwe informatie")
        try home.drop(Message(envelope: LC.envelope(reference: "GMS-W1", time: "20261201091000000"), body: .taskChange(change)), name: "wijziging.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:10:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["boa-app/inzetIntrekking_Di01", "boa-app/inzetIntrekking_Di01",
                                  "politie-on/bevestiging_Bv03", "politie-on/taakStatus_Di01"])
        #expect(out.acks == ["GMS-W1"])
        #expect(out.withdrawals.map(\.officerId).sorted() == ["BOA-0001", "BOA-0002"])
        #expect(out.withdrawals.allSatisfy { $0.taskNumber.description == number })
        let status = try #require(out.statuses.first)
        #expect(status.status == .handedToPolice)
        #expect(status.reasonCode == .violenceExpected)
        #expect(status.taskNumber.description == number)
        let row = try LC.task(home, number)
        #expect(row["status"] as? String == "OVERGEDRAGEN_POLITIE")
        #expect(row["officers"] as? String == "")
        #expect(row["closed_at"] is String)
        let history = try home.sql("SELECT status, reden_code FROM audit_task_history WHERE taak_nummer = '\(number)' ORDER BY history_id")
        #expect(history.last?["status"] as? String == "OVERGEDRAGEN_POLITIE")
        #expect(history.last?["reden_code"] as? String == "BOA003")
    }

    @Test func aChangeOlderThanTheLastAppliedOneIsAcknowledgedWithoutEffect() throws {
        let (home, number) = try LC.plannedHome()
        let newer = TaskChange(taskId: "ON-1", description: "Groep is groter geworden", reason: "Melder belt opnieuw")
        try home.drop(Message(envelope: LC.envelope(reference: "GMS-W2", time: "20261201091000000"), body: .taskChange(newer)), name: "nieuw.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:10:00+01:00")
        let first = try LC.take(home)
        #expect(first.folder("politie-on").signature == ["politie-on/bevestiging_Bv03"])
        #expect(first.statuses.isEmpty)
        // An older change (tijdstipBericht 09:05 < 09:10) that would hand the task to the police: no effect.
        let older = TaskChange(taskId: "ON-1", safety: Safety(violenceExpected: true), reason: "Oude informatie")
        try home.drop(Message(envelope: LC.envelope(reference: "GMS-W1", time: "20261201090500000"), body: .taskChange(older)), name: "oud.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:15:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["politie-on/bevestiging_Bv03"])
        #expect(out.acks == ["GMS-W1"])
        let row = try LC.task(home, number)
        #expect(row["status"] as? String == "INGEPLAND")
        #expect(row["officers"] as? String == "BOA-0001,BOA-0002")
    }

    // MARK: 7. TEST traffic

    @Test func testMessagesAreProcessedButNeverDispatched() throws {
        let home = try LC.rosteredHome()
        let test = SystemIdentity(organisation: LC.police.organisation, application: LC.police.application, administration: .test)
        try home.drop(LC.request("T-1", reference: "GMS-T1", from: test), name: "test.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:00:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["politie-on/bevestiging_Bv03", "politie-on/taakReactie_Du01"], "TEST is never sent to officers (§5.7)")
        #expect(out.acks == ["GMS-T1"])
        let reaction = try #require(out.reactions.first)
        #expect(reaction.taskId == "T-1")
        #expect(reaction.reaction != .decline)
        let row = try LC.task(home, reaction.taskNumber.description)
        #expect(row["is_test"] as? Int == 1)
        #expect(row["officers"] as? String == "", "a TEST task never holds officers")
        // A full re-plan later, and a real request beside it: still no order for the TEST task.
        try home.drop(LC.request("ON-1", reference: "GMS-1", earliest: "2026-12-01T12:00:00+01:00", time: "20261201092900000"), name: "echt.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:30:00+01:00")
        let later = try LC.take(home)
        #expect(!later.orders.contains { $0.taskNumber == reaction.taskNumber })
        #expect(later.orders.count == 2, "the real request is staffed")
        // A TEST cancellation of the TEST task: acknowledged, cancelled, nothing to boa-app.
        let cancel = Message(envelope: LC.envelope(from: test, reference: "GMS-T2", time: "20261201094000000"),
                             body: .taskCancellation(TaskCancellation(taskId: "T-1", reason: "Test klaar")))
        try home.drop(cancel, name: "test-intrekking.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:40:00+01:00")
        let end = try LC.take(home)
        #expect(end.signature == ["politie-on/bevestiging_Bv03", "politie-on/taakStatus_Di01"])
        #expect(end.statuses.map(\.status) == [.cancelled])
        #expect(try home.sql("SELECT count(*) AS n FROM audit_assignments WHERE taak_nummer = '\(reaction.taskNumber)'").first?["n"] as? Int == 0)
    }

    // MARK: 8. field reports

    @Test func fieldReportsMoveTheTaskForwardOnly() throws {
        let (home, number) = try LC.plannedHome()
        try home.drop(LC.report(number, officer: "BOA-0001", status: .enRoute, at: "2026-12-01T09:08:00+01:00", reference: "APP-1"), name: "r1.xml", folder: "boa-app")
        try LC.pass(home, "2026-12-01T09:10:00+01:00")
        var out = try LC.take(home)
        #expect(out.signature == ["boa-app/bevestiging_Bv03", "politie-on/taakStatus_Di01"])
        #expect(out.acks == ["APP-1"])
        #expect(out.statuses.first?.status == .enRoute)
        #expect(out.statuses.first?.time.description == "2026-12-01T09:08:00+01:00", "tijdstip is the report's")
        #expect(out.statuses.first?.taskId == "ON-1")
        #expect(try LC.task(home, number)["status"] as? String == "ONDERWEG")

        try home.drop(LC.report(number, officer: "BOA-0002", status: .onSite, at: "2026-12-01T09:14:00+01:00", reference: "APP-2"), name: "r2.xml", folder: "boa-app")
        try LC.pass(home, "2026-12-01T09:15:00+01:00")
        out = try LC.take(home)
        #expect(out.signature == ["boa-app/bevestiging_Bv03", "politie-on/taakStatus_Di01"])
        #expect(out.statuses.map(\.status) == [.onSite])
        #expect(out.statuses.first?.time.description == "2026-12-01T09:14:00+01:00")

        // Faults, none of which changes anything.
        try home.drop(LC.report(number, officer: "BOA-0001", status: .enRoute, at: "2026-12-01T09:16:00+01:00", reference: "APP-BACK"), name: "terug.xml", folder: "boa-app")
        try home.drop(LC.report(number, officer: "BOA-0001", status: .onSite, at: "2026-12-01T09:16:30+01:00", reference: "APP-SAME"), name: "zelfde.xml", folder: "boa-app")
        try home.drop(LC.report(number, officer: "BOA-0001", status: .completed, at: "2026-12-01T09:17:00+01:00", reference: "APP-NORES"), name: "zonder.xml", folder: "boa-app")
        try home.drop(LC.report(number, officer: "BOA-0003", status: .completed, at: "2026-12-01T09:17:00+01:00", reference: "APP-OTHER1"), name: "ander1.xml", folder: "boa-app")
        try home.drop(LC.report(number, officer: "BOA-0003", status: .enRoute, at: "2026-12-01T09:17:00+01:00", reference: "APP-OTHER2"), name: "ander2.xml", folder: "boa-app")
        try LC.pass(home, "2026-12-01T09:20:00+01:00")
        out = try LC.take(home)
        #expect(out.signature == ["boa-app/bevestiging_Bv03", "boa-app/fout_Fo01", "boa-app/fout_Fo01", "boa-app/fout_Fo01", "boa-app/fout_Fo01"],
                "no taakStatus for a repeat or a refused report")
        let faults = out.faults
        #expect(faults["APP-BACK"] == "BOA007", "going back (TER_PLAATSE → ONDERWEG)")
        #expect(faults["APP-NORES"] == "BOA014", "AFGEROND without resultaat")
        #expect(faults["APP-OTHER1"] == "BOA013", "not assigned: BOA013 before BOA014")
        #expect(faults["APP-OTHER2"] == "BOA013", "not assigned: BOA013 before BOA007")
        #expect(out.acks == ["APP-SAME"], "repeating the current status is acknowledged")
        #expect(try LC.task(home, number)["status"] as? String == "TER_PLAATSE")

        // Completed with a result: taakStatus and taakResultaat to the requester.
        try home.drop(LC.report(number, officer: "BOA-0001", status: .completed, at: "2026-12-01T09:44:00+01:00",
                                outcomes: [Outcome(code: .verbalWarning), Outcome(code: .bsbo, offenceCode: "R315", reportNumber: "PV-77")],
                                summary: "Groep aangesproken, vertrokken.", reference: "APP-DONE"), name: "klaar.xml", folder: "boa-app")
        try LC.pass(home, "2026-12-01T09:45:00+01:00")
        out = try LC.take(home)
        #expect(out.signature == ["boa-app/bevestiging_Bv03", "politie-on/taakResultaat_Di01", "politie-on/taakStatus_Di01"])
        #expect(out.statuses.first?.status == .completed)
        #expect(out.statuses.first?.time.description == "2026-12-01T09:44:00+01:00")
        let result = try #require(out.results.first)
        #expect(result.taskId == "ON-1")
        #expect(result.taskNumber.description == number)
        #expect(result.outcomes == [Outcome(code: .verbalWarning), Outcome(code: .bsbo, offenceCode: "R315", reportNumber: "PV-77")])
        #expect(result.summary == "Groep aangesproken, vertrokken.")
        var row = try LC.task(home, number)
        #expect(row["status"] as? String == "AFGEROND")
        #expect(row["completed_at"] is String)
        #expect(row["closed_at"] is String)
        #expect(row["officers"] as? String == "BOA-0001,BOA-0002")

        // After AFGEROND: the colleague's repeat is acknowledged; another status is BOA007.
        try home.drop(LC.report(number, officer: "BOA-0002", status: .completed, at: "2026-12-01T09:46:00+01:00",
                                outcomes: [Outcome(code: .verbalWarning)], reference: "APP-AGAIN"), name: "weer.xml", folder: "boa-app")
        try home.drop(LC.report(number, officer: "BOA-0001", status: .enRoute, at: "2026-12-01T09:47:00+01:00", reference: "APP-LATE"), name: "laat.xml", folder: "boa-app")
        try home.drop(LC.report(number, officer: "BOA-0002", status: .completed, at: "2026-12-01T09:47:00+01:00", reference: "APP-AGAIN-NORES"), name: "weer2.xml", folder: "boa-app")
        try LC.pass(home, "2026-12-01T09:50:00+01:00")
        out = try LC.take(home)
        #expect(out.signature == ["boa-app/bevestiging_Bv03", "boa-app/fout_Fo01", "boa-app/fout_Fo01"])
        #expect(out.acks == ["APP-AGAIN"])
        #expect(out.faults["APP-LATE"] == "BOA007", "a report on a final task")
        #expect(out.faults["APP-AGAIN-NORES"] == "BOA014", "a repeated AFGEROND without resultaat")
        row = try LC.task(home, number)
        #expect(row["status"] as? String == "AFGEROND")
    }

    @Test func anAbortedTaskIsWithdrawnAndPlannedAgain() throws {
        let (home, number) = try LC.plannedHome()
        try home.drop(LC.report(number, officer: "BOA-0001", status: .aborted, at: "2026-12-01T09:18:00+01:00", reference: "APP-1"), name: "r.xml", folder: "boa-app")
        try LC.pass(home, "2026-12-01T09:20:00+01:00")
        let out = try LC.take(home)
        #expect(out.folder("boa-app").acks == ["APP-1"])
        let statuses = out.statuses
        #expect(statuses.map(\.status).first == .aborted)
        #expect(statuses.first?.time.description == "2026-12-01T09:18:00+01:00")
        #expect(statuses.count == 2)
        let again = try #require(statuses.last?.status)
        #expect([.planned, .accepted].contains(again), "then INGEPLAND or GEACCEPTEERD (§10)")
        // Withdrawal first, to the whole team; then, if staffed, fresh orders.
        let withdrawals = out.withdrawals
        #expect(withdrawals.map(\.officerId).sorted() == ["BOA-0001", "BOA-0002"])
        #expect(withdrawals.allSatisfy { $0.taskNumber.description == number })
        let row = try LC.task(home, number)
        if again == .planned {
            let orders = out.orders.sorted { $0.officerId < $1.officerId }
            #expect(orders.count == 2)
            #expect(orders.map { $0.colleagues } == [[orders.last?.officerId ?? ""], [orders.first?.officerId ?? ""]])
            #expect(orders.allSatisfy { $0.taskNumber.description == number })
            #expect(row["status"] as? String == "INGEPLAND")
            #expect(row["officers"] as? String == orders.map(\.officerId).joined(separator: ","))
            let names = out.map(\.name)
            let lastWithdrawal = names.lastIndex { $0.hasSuffix("_inzetIntrekking.xml") } ?? 0
            let firstOrder = names.firstIndex { $0.hasSuffix("_inzetOpdracht.xml") } ?? Int.max
            #expect(lastWithdrawal < firstOrder, "the withdrawal comes before the new order")
            #expect(out.signature.filter { $0.hasPrefix("politie-on/") } == ["politie-on/taakStatus_Di01", "politie-on/taakStatus_Di01"])
        } else {
            #expect(out.orders.isEmpty)
            #expect(row["status"] as? String == "GEACCEPTEERD")
        }
        #expect(out.results.isEmpty)
    }

    @Test func aTaskHandedToThePoliceFromTheFieldWithdrawsTheRestOfTheTeam() throws {
        let (home, number) = try LC.plannedHome()
        try home.drop(LC.report(number, officer: "BOA-0001", status: .handedToPolice, at: "2026-12-01T09:18:00+01:00", reference: "APP-1"), name: "r.xml", folder: "boa-app")
        try LC.pass(home, "2026-12-01T09:20:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["boa-app/bevestiging_Bv03", "boa-app/inzetIntrekking_Di01", "politie-on/taakStatus_Di01"], "no taakResultaat")
        #expect(out.withdrawals.map(\.officerId) == ["BOA-0002"], "the rest of the team")
        #expect(out.statuses.first?.status == .handedToPolice)
        #expect(out.statuses.first?.time.description == "2026-12-01T09:18:00+01:00")
        let row = try LC.task(home, number)
        #expect(row["status"] as? String == "OVERGEDRAGEN_POLITIE")
        #expect(row["closed_at"] is String)
        // Final: nothing is planned again.
        try LC.pass(home, "2026-12-01T09:30:00+01:00")
        #expect(try LC.take(home).isEmpty)
        // The withdrawn colleague reporting on the (final) task: BOA013 wins over BOA007.
        try home.drop(LC.report(number, officer: "BOA-0002", status: .onSite, at: "2026-12-01T09:31:00+01:00", reference: "APP-2"), name: "r2.xml", folder: "boa-app")
        try LC.pass(home, "2026-12-01T09:32:00+01:00")
        let late = try LC.take(home)
        #expect(late.signature == ["boa-app/fout_Fo01"])
        #expect(late.faults == ["APP-2": "BOA013"])
    }

    // MARK: 9. signals

    @Test func signalsGoToTheirReceiversAndNeverIntoTheResult() throws {
        let (home, number) = try LC.plannedHome(request: LC.request("ON-1", reference: "GMS-1", earliest: "2026-12-01T12:00:00+01:00", sourceReference: "M-445566",
                                                                    principal: Principal(unit: "Basisteam Twente-Midden", role: "Wijkagent"),
                                                                    description: "Overlast bij loods"))
        let care = FieldSignal(kind: .care, description: "Bewoner lijkt verward en vereenzaamd", urgency: .high)
        let undermining = FieldSignal(kind: .undermining, description: "Sterke chemische geur uit loods, vermoedelijk drugslab")
        try home.drop(LC.report(number, officer: "BOA-0001", status: .completed, at: "2026-12-01T09:40:00+01:00",
                                outcomes: [Outcome(code: .careSignal), Outcome(code: .underminingSignal)], summary: "Signalen doorgegeven.",
                                signals: [care, undermining], reference: "APP-1"), name: "r.xml", folder: "boa-app")
        try LC.pass(home, "2026-12-01T09:45:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["boa-app/bevestiging_Bv03", "politie-on/ondermijningSignaal_Di01", "politie-on/taakResultaat_Di01",
                                  "politie-on/taakStatus_Di01", "riec-on/ondermijningSignaal_Di01", "wijkteam/zorgSignaal_Di01"])
        // zorgSignaal: AVG_ZORG, no police data.
        let careFile = try #require(out.folder("wijkteam").first)
        guard case .careSignal(let careSignal) = careFile.message.body else {
            Issue.record("expected a zorgSignaal")
            return
        }
        #expect(careSignal.taskNumber.description == number)
        #expect(careSignal.neighbourhood == LC.buurt)
        #expect(careSignal.description == care.description)
        #expect(careSignal.urgency == .high)
        #expect(careFile.text.contains("<BT:grondslag>AVG_ZORG</BT:grondslag>"))
        for police in ["bronReferentie", "opdrachtgever", "M-445566", "Basisteam", "Wijkagent", "drugslab"] {
            #expect(!careFile.text.contains(police), "zorgSignaal carries \(police)")
        }
        // ondermijningSignaal: to the police and the RIEC, STRIKT, the same signal.
        let underminingFiles = out.filter { $0.message.kind == .underminingSignal }
        var ids: Set<String> = []
        for file in underminingFiles {
            guard case .underminingSignal(let signal) = file.message.body else { continue }
            ids.insert(signal.signalId)
            #expect(signal.taskNumber.description == number)
            #expect(signal.description == undermining.description)
            #expect(signal.location.point == LC.point)
            #expect(file.text.contains("<BT:vertrouwelijkheid>STRIKT</BT:vertrouwelijkheid>"))
            #expect(!file.text.contains("vereenzaamd"))
        }
        #expect(ids.count == 1)
        #expect(careSignal.signalId != ids.first)
        // taakResultaat: the outcomes, never the signals.
        let resultFile = try #require(out.first { $0.message.kind == .taskResult })
        for text in ["verward", "drugslab", "signaal>", "<BT:soort>"] {
            #expect(!resultFile.text.contains(text), "taakResultaat carries \(text)")
        }
        #expect(out.results.first?.outcomes.map(\.code) == [.careSignal, .underminingSignal])

        // A repeated AFGEROND with a new signal: acknowledged, no status, the signal still forwarded.
        let another = FieldSignal(kind: .care, description: "Buurvrouw maakt zich zorgen")
        try home.drop(LC.report(number, officer: "BOA-0002", status: .completed, at: "2026-12-01T09:50:00+01:00",
                                outcomes: [Outcome(code: .careSignal)], signals: [another], reference: "APP-2"), name: "r2.xml", folder: "boa-app")
        try LC.pass(home, "2026-12-01T09:50:00+01:00")
        let repeatOut = try LC.take(home)
        #expect(repeatOut.signature == ["boa-app/bevestiging_Bv03", "wijkteam/zorgSignaal_Di01"])
    }

    // MARK: 10. OM instruction

    @Test func anOMInstructionBecomesAnOMTaskWithItsDeadlineAndPreferredOfficer() throws {
        let home = try LC.rosteredHome()
        let instruction = ProsecutorInstruction(
            taskId: "OM-1", caseNumber: "05/123456-26", reportReference: "PV-2026-1234", requestedAction: .supplementaryReport,
            location: Location(neighbourhood: LC.buurt, point: LC.point), dueDate: LocalDate(year: 2026, month: 12, day: 1),
            preferredOfficer: "BOA-0003", legalBasis: .wpgArticle9, description: "Aanvullend proces-verbaal opmaken")
        try home.drop(Message(envelope: LC.envelope(from: LC.om, reference: "GPS-1"), body: .prosecutorInstruction(instruction)), name: "om.xml", folder: "om-on")
        try LC.pass(home, "2026-12-01T09:00:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["boa-app/inzetOpdracht_Di01", "boa-app/inzetOpdracht_Di01", "om-on/bevestiging_Bv03", "om-on/taakReactie_Du01"])
        #expect(out.acks == ["GPS-1"])
        let reaction = try #require(out.reactions.first)
        #expect(reaction.taskId == "OM-1")
        #expect(reaction.reaction == .accept)
        #expect(reaction.team == ["BOA-0001", "BOA-0003"], "the voorkeurBoa, all else being equal")
        let orders = out.orders.sorted { $0.officerId < $1.officerId }
        #expect(orders.map(\.officerId) == ["BOA-0001", "BOA-0003"])
        #expect(orders.map(\.colleagues) == [["BOA-0003"], ["BOA-0001"]])
        for order in orders {
            #expect(order.category == .prosecutorInstruction)
            #expect(order.deadline.description == "2026-12-02T00:00:00+01:00", "24:00 local at the end of termijn")
            #expect(order.estimatedMinutes == 60)
        }
        let row = try LC.task(home, reaction.taskNumber.description)
        #expect(row["categorie"] as? String == "OM_OPDRACHT")
        #expect(row["soort"] as? String == "OM_OPDRACHT")
        #expect(row["partner"] as? String == "om-on")
        #expect(row["uiterlijk_gereed"] as? String == "2026-12-01T23:00:00.000Z")
        #expect(row["status"] as? String == "INGEPLAND")

        try home.drop(LC.report(reaction.taskNumber.description, officer: "BOA-0003", status: .completed, at: "2026-12-01T10:30:00+01:00",
                                outcomes: [Outcome(code: .reportToProsecutor, reportNumber: "PV-2026-5678")], reference: "APP-OM"), name: "r.xml", folder: "boa-app")
        try LC.pass(home, "2026-12-01T10:30:00+01:00")
        let done = try LC.take(home)
        #expect(done.signature == ["boa-app/bevestiging_Bv03", "om-on/taakResultaat_Di01", "om-on/taakStatus_Di01"])
        #expect(done.results.first?.taskId == "OM-1")
        #expect(done.results.first?.outcomes == [Outcome(code: .reportToProsecutor, reportNumber: "PV-2026-5678")])
    }

    // MARK: 11. status questions

    @Test func aStatusQuestionIsAnsweredAboutTheAskersOwnTasksOnly() throws {
        let (home, number) = try LC.plannedHome()
        let instruction = ProsecutorInstruction(
            taskId: "OM-1", caseNumber: "05/123456-26", requestedAction: .check, location: Location(point: LC.point),
            dueDate: LocalDate(year: 2026, month: 12, day: 1), legalBasis: .wpgArticle9)
        try home.drop(Message(envelope: LC.envelope(from: LC.om, reference: "GPS-1", time: "20261201090900000"), body: .prosecutorInstruction(instruction)),
                      name: "om.xml", folder: "om-on")
        try LC.pass(home, "2026-12-01T09:10:00+01:00")
        let omNumber = try #require(try LC.take(home).reactions.first?.taskNumber)

        let question = Message(envelope: LC.envelope(reference: "GMS-Q1", time: "20261201091000000"),
                               body: .statusRequest(StatusRequest(taskIds: ["ON-1", "OM-1", "ON-404"])))
        try home.drop(question, name: "vraag.xml", folder: "politie-on")
        let omQuestion = Message(envelope: LC.envelope(from: LC.om, reference: "GPS-Q1", time: "20261201091000000"),
                                 body: .statusRequest(StatusRequest(taskIds: ["OM-1", "ON-1"])))
        try home.drop(omQuestion, name: "vraag.xml", folder: "om-on")
        // At the same moment as the OM pass (the OM task starts at 09:10; a later pass would move its start).
        try LC.pass(home, "2026-12-01T09:10:00+01:00")
        let out = try LC.take(home)
        #expect(out.signature == ["om-on/bevestiging_Bv03", "om-on/taakstatusAntwoord_Du01", "politie-on/bevestiging_Bv03", "politie-on/taakstatusAntwoord_Du01"])
        #expect(out.folder("politie-on").acks == ["GMS-Q1"])
        #expect(out.folder("om-on").acks == ["GPS-Q1"])

        let policeAnswer = try #require(out.folder("politie-on").first { $0.message.kind == .statusAnswer })
        #expect(policeAnswer.message.envelope.crossReference == "GMS-Q1")
        #expect(policeAnswer.name.hasSuffix("_Du01_taakstatusAntwoord.xml"))
        guard case .statusAnswer(let answer) = policeAnswer.message.body else { return }
        #expect(answer.entries.map(\.taskId) == ["ON-1", "OM-1", "ON-404"])
        #expect(answer.entries[0].taskNumber?.description == number)
        #expect(answer.entries[0].status == .planned)
        #expect(answer.entries[0].time?.description == "2026-12-01T09:00:00+01:00", "the last status change")
        for unknown in answer.entries.dropFirst() {
            #expect(unknown.status == nil, "ONBEKEND: \(unknown.taskId)")
            #expect(unknown.taskNumber == nil, "\(unknown.taskId)")
            #expect(unknown.time == nil, "\(unknown.taskId)")
        }
        #expect(policeAnswer.text.contains("<BT:status>ONBEKEND</BT:status>"))
        #expect(!policeAnswer.text.contains(omNumber.description), "another partner's task is not disclosed")

        let omAnswer = try #require(out.folder("om-on").first { $0.message.kind == .statusAnswer })
        #expect(omAnswer.message.envelope.crossReference == "GPS-Q1")
        guard case .statusAnswer(let omEntries) = omAnswer.message.body else { return }
        #expect(omEntries.entries.map(\.taskId) == ["OM-1", "ON-1"])
        #expect(omEntries.entries[0].taskNumber == omNumber)
        #expect(omEntries.entries[0].status == .planned)
        #expect(omEntries.entries[0].time?.description == "2026-12-01T09:10:00+01:00")
        #expect(omEntries.entries[1].status == nil && omEntries.entries[1].taskNumber == nil && omEntries.entries[1].time == nil)
    }

    // MARK: 12. burglary aftercare

    @Test func burglaryAftercareBringsOneNeighbourhoodRoundPerBuurt() throws {
        let home = try LC.rosteredHome()
        let address = Address(street: "Marktstraat", houseNumber: 12, postcode: "7551DR", town: "Hengelo")
        let request = LC.request("ON-INBRAAK-1", reference: "GMS-1", category: .burglaryAftercare, address: address,
                                 locationDescription: "Achterdeur geforceerd", description: "Inbraak in woning; slachtoffer wil nazorg")
        try home.drop(request, name: "inbraak.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:00:00+01:00")
        let out = try LC.take(home)
        let reaction = try #require(out.reactions.first)
        #expect(reaction.reaction == .accept)
        #expect(out.folder("politie-on").signature == ["politie-on/bevestiging_Bv03", "politie-on/taakReactie_Du01"], "a round has no requester")
        #expect(out.folder("boa-app").count == 4, "two officers for the visit, two for the round")
        let rounds = try home.sql("SELECT * FROM audit_tasks WHERE soort = 'BUURTRONDE'")
        #expect(rounds.count == 1)
        let round = try #require(rounds.first)
        #expect(round["partner"] is NSNull)
        #expect(round["taak_id"] is NSNull)
        #expect(round["categorie"] as? String == "INBRAAKNAZORG")
        #expect(round["prioriteit"] as? Int == 3)
        #expect(round["vertrouwelijkheid"] as? String == "NORMAAL")
        #expect(round["grondslag"] as? String == "WPG_ART8")
        #expect(round["buurtcode"] as? String == LC.buurt)
        #expect(round["status"] as? String == "INGEPLAND")
        #expect(round["uiterlijk_gereed"] as? String == "2026-12-04T08:00:00.000Z", "window from receipt to 3 days later")
        let roundNumber = try #require(round["taak_nummer"] as? String)
        let roundOfficers = (round["officers"] as? String ?? "").split(separator: ",").map(String.init)
        #expect(roundOfficers.count == 2)
        let roundFiles = out.filter { if case .deployment(let order) = $0.message.body { return order.taskNumber.description == roundNumber } else { return false } }
        #expect(roundFiles.count == 2)
        for file in roundFiles {
            guard case .deployment(let order) = file.message.body else { continue }
            #expect(roundOfficers.contains(order.officerId))
            #expect(order.colleagues == roundOfficers.filter { $0 != order.officerId })
            #expect(order.category == .burglaryAftercare)
            #expect(order.priority == .planned)
            #expect(order.estimatedMinutes == 60)
            #expect(order.location.neighbourhood == LC.buurt)
            #expect(order.location.point == RDPoint(x: 250_800, y: 476_500), "the point rounded to 100 m")
            #expect(order.location.address == nil)
            #expect(order.location.description == nil)
            #expect(order.description == nil)
            for privateText in ["Marktstraat", "7551DR", "Achterdeur", "slachtoffer", "250812"] {
                #expect(!file.text.contains(privateText), "the round's order carries \(privateText)")
            }
        }
        #expect(!out.folder("politie-on").contains { $0.text.contains(roundNumber) })

        // Same buurt again: no second round. A declined or TEST request elsewhere: no round either.
        let second = LC.request("ON-INBRAAK-2", reference: "GMS-2", category: .burglaryAftercare, point: RDPoint(x: 251_500, y: 477_000), time: "20261201095900000")
        let declined = LC.request("ON-INBRAAK-3", reference: "GMS-3", category: .burglaryAftercare, point: RDPoint(x: 249_100, y: 474_300),
                                  buurt: "BU01640400", violence: true, time: "20261201095900000")
        let test = SystemIdentity(organisation: LC.police.organisation, application: LC.police.application, administration: .test)
        let testRequest = LC.request("ON-INBRAAK-4", reference: "GMS-4", category: .burglaryAftercare, point: RDPoint(x: 252_400, y: 474_800),
                                     buurt: "BU01640800", time: "20261201095900000", from: test)
        try home.drop(second, name: "inbraak2.xml", folder: "politie-on")
        try home.drop(declined, name: "inbraak3.xml", folder: "politie-on")
        try home.drop(testRequest, name: "inbraak4.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T10:00:00+01:00")
        let later = try LC.take(home)
        let byId = Dictionary(uniqueKeysWithValues: later.reactions.map { ($0.taskId, $0) })
        #expect(byId["ON-INBRAAK-2"]?.reaction == .accept)
        #expect(byId["ON-INBRAAK-3"]?.reasonCode == .violenceExpected)
        #expect(byId["ON-INBRAAK-4"] != nil)
        #expect(try home.sql("SELECT taak_nummer FROM audit_tasks WHERE soort = 'BUURTRONDE'").count == 1)
        #expect(try home.sql("SELECT taak_nummer FROM audit_tasks WHERE partner IS NULL").count == 1)

        // Without a buurtcode "same buurt" is within 500 m of the request's punt: 330 m away, no new round; 3.7 km away, one.
        let near = LC.request("ON-INBRAAK-5", reference: "GMS-5", category: .burglaryAftercare, point: RDPoint(x: 250_812.5, y: 476_830), buurt: nil,
                              time: "20261201105900000")
        let far = LC.request("ON-INBRAAK-6", reference: "GMS-6", category: .burglaryAftercare, point: RDPoint(x: 253_812.3, y: 478_463.9), buurt: nil,
                             address: address, time: "20261201105900000")
        try home.drop(near, name: "inbraak5.xml", folder: "politie-on")
        try home.drop(far, name: "inbraak6.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T11:00:00+01:00")
        let third = try LC.take(home)
        #expect(third.reactions.map(\.reaction) == [.accept, .accept])
        let allRounds = try home.sql("SELECT taak_nummer, buurtcode FROM audit_tasks WHERE soort = 'BUURTRONDE' ORDER BY taak_nummer")
        #expect(allRounds.count == 2)
        let farRound = try #require(allRounds.last?["taak_nummer"] as? String)
        #expect(allRounds.last?["buurtcode"] is NSNull)
        let farOrders = third.orders.filter { $0.taskNumber.description == farRound }
        #expect(farOrders.count == 2)
        for order in farOrders {
            #expect(order.location.point == RDPoint(x: 253_800, y: 478_500))
            #expect(order.location.neighbourhood == nil && order.location.address == nil && order.location.description == nil)
        }
    }

    // MARK: 13. need-to-know

    @Test func confidentialTasksGoOnlyToOfficersScreenedForThem() throws {
        let home = try LC.rosteredHome()
        // Work from 12:00, so that the afmelding below (09:10) comes before any of it starts.
        let noon = "2026-12-01T12:00:00+01:00"
        try home.drop(LC.request("V-1", reference: "GMS-V1", earliest: noon, confidentiality: .confidential), name: "v1.xml", folder: "politie-on")
        try home.drop(LC.request("V-2", reference: "GMS-V2", earliest: noon, team: 1, confidentiality: .confidential), name: "v2.xml", folder: "politie-on")
        try home.drop(LC.request("S-1", reference: "GMS-S1", earliest: noon, team: 1, confidentiality: .strict, basis: .wpgArticle13), name: "s1.xml", folder: "politie-on")
        try home.drop(LC.request("V-3", reference: "GMS-V3", earliest: noon, team: 3, confidentiality: .confidential), name: "v3.xml", folder: "politie-on")
        try LC.pass(home, "2026-12-01T09:00:00+01:00")
        let out = try LC.take(home)
        let reactions = Dictionary(uniqueKeysWithValues: out.reactions.map { ($0.taskId, $0) })
        #expect(reactions["V-1"]?.reaction == .accept)
        #expect(reactions["V-1"]?.team == ["BOA-0003", "BOA-0004"])
        #expect(reactions["S-1"]?.team == ["BOA-0004"])
        #expect(reactions["V-3"]?.reaction == .decline)
        #expect(reactions["V-3"]?.reasonCode == .teamTooSmall, "only two officers are screened VERTROUWELIJK or higher")
        let screened: [String: Confidentiality] = ["BOA-0001": .normal, "BOA-0002": .normal, "BOA-0003": .confidential, "BOA-0004": .strict]
        for order in out.orders {
            #expect((screened[order.officerId] ?? .normal) >= order.confidentiality, "\(order.taskNumber) sent to \(order.officerId)")
            #expect(order.confidentiality != .normal)
        }
        #expect(out.orders.filter { $0.taskNumber == reactions["S-1"]?.taskNumber }.map(\.officerId) == ["BOA-0004"])
        #expect(!out.orders.contains { $0.taskNumber == reactions["V-3"]?.taskNumber })

        // BOA-0004 falls ill: no one screened can replace them, so the team is withdrawn, never given to BOA-0001/0002.
        let absence = Unavailability(officerId: "BOA-0004", from: LC.ts("2026-12-01T09:10:00+01:00"), reason: .sick)
        try home.drop(Message(envelope: LC.envelope(from: LC.rosterSystem, reference: "ROOSTER-ZIEK-1", time: "20261201090900000"), body: .unavailability(absence)),
                      name: "ziek.xml", folder: "rooster")
        try LC.pass(home, "2026-12-01T09:10:00+01:00")
        let later = try LC.take(home)
        #expect(later.withdrawals.contains { $0.officerId == "BOA-0004" && $0.taskNumber == reactions["V-1"]?.taskNumber })
        #expect(later.withdrawals.contains { $0.officerId == "BOA-0004" && $0.taskNumber == reactions["S-1"]?.taskNumber })
        for order in later.orders {
            #expect(["BOA-0003"].contains(order.officerId), "\(order.taskNumber) re-sent to \(order.officerId)")
        }
        for id in ["V-1", "S-1"] {
            let row = try LC.task(home, reactions[id]?.taskNumber.description ?? "")
            #expect(row["status"] as? String == "GEACCEPTEERD", "\(id): INGEPLAND falls back to GEACCEPTEERD without a replacement (§6.5)")
            #expect(later.statuses.contains { $0.taskId == id && $0.status == .accepted }, "\(id)")
        }
        // Every assignment ever made respects the screening.
        let rows = try home.sql("SELECT a.boa_id, t.vertrouwelijkheid FROM audit_assignments a JOIN audit_tasks t USING (taak_nummer)")
        #expect(!rows.isEmpty)
        for row in rows {
            let officer = row["boa_id"] as? String ?? ""
            let level = Confidentiality(rawValue: row["vertrouwelijkheid"] as? String ?? "") ?? .strict
            #expect((screened[officer] ?? .normal) >= level, "\(officer) assigned to a \(level.rawValue) task")
        }
    }

    // MARK: 14. determinism

    @Test func theSameFilesAndTheSameNowGiveByteIdenticalOutboxes() throws {
        let homes = [try HomeFixture(), try HomeFixture()]
        let address = Address(street: "Marktstraat", houseNumber: 12, postcode: "7551DR", town: "Hengelo")
        let instruction = ProsecutorInstruction(
            taskId: "OM-1", caseNumber: "05/123456-26", requestedAction: .check, location: Location(neighbourhood: LC.buurt, point: LC.point),
            dueDate: LocalDate(year: 2026, month: 12, day: 1), preferredOfficer: "BOA-0004", legalBasis: .wpgArticle9)
        let passes: [(now: String, files: [(String, String, [UInt8])])] = [
            ("2026-12-01T08:30:00+01:00", [
                ("rooster", "rooster.xml", MessageWriter.encode(LC.roster())),
                ("politie-on", "vroeg.xml", MessageWriter.encode(LC.request("ON-0", reference: "GMS-0", time: "20261201082000000"))),
            ]),
            ("2026-12-01T09:00:00+01:00", [
                ("politie-on", "a.xml", MessageWriter.encode(LC.request("ON-1", reference: "GMS-1", priority: .urgent))),
                ("politie-on", "b.xml", MessageWriter.encode(LC.request("ON-2", reference: "GMS-2", category: .burglaryAftercare, address: address))),
                ("politie-on", "c.xml", MessageWriter.encode(LC.request("ON-3", reference: "GMS-3", team: 1, confidentiality: .confidential))),
                ("politie-on", "d.xml", MessageWriter.encode(LC.request("ON-4", reference: "GMS-4", violence: true))),
                ("politie-on", "e.xml", MessageWriter.encode(LC.cancellation("ON-9", reference: "GMS-5"))),
                ("om-on", "om.xml", MessageWriter.encode(Message(envelope: LC.envelope(from: LC.om, reference: "GPS-1"), body: .prosecutorInstruction(instruction)))),
            ]),
            ("2026-12-01T09:20:00+01:00", [
                ("politie-on", "f.xml", MessageWriter.encode(LC.request("ON-9", reference: "GMS-6", time: "20261201091900000"))),
                ("boa-app", "r.xml", MessageWriter.encode(LC.report("T2026-000001", officer: "BOA-0001", status: .enRoute, at: "2026-12-01T09:15:00+01:00", reference: "APP-1"))),
                ("rooster", "ziek.xml", MessageWriter.encode(Message(envelope: LC.envelope(from: LC.rosterSystem, reference: "ROOSTER-2", time: "20261201091900000"),
                                                                      body: .unavailability(Unavailability(officerId: "BOA-0002", from: LC.ts("2026-12-01T09:20:00+01:00"), reason: .sick))))),
                ("politie-on", "g.xml", MessageWriter.encode(Message(envelope: LC.envelope(reference: "GMS-7", time: "20261201091900000"),
                                                                      body: .statusRequest(StatusRequest(taskIds: ["ON-0", "ON-1", "ON-2", "ON-X"]))))),
            ]),
            ("2026-12-01T09:40:00+01:00", [
                ("boa-app", "r2.xml", MessageWriter.encode(LC.report("T2026-000001", officer: "BOA-0001", status: .completed, at: "2026-12-01T09:35:00+01:00",
                                                                     outcomes: [Outcome(code: .verbalWarning)],
                                                                     signals: [FieldSignal(kind: .undermining, description: "Hennepgeur")], reference: "APP-2"))),
                ("politie-on", "h.xml", MessageWriter.encode(LC.cancellation("ON-3", reference: "GMS-8", time: "20261201093900000"))),
            ]),
        ]
        var counts: [Int] = []
        for pass in passes {
            for home in homes {
                // Dropped in the opposite order in the second home: the result must not depend on it.
                let files = home.root == homes[0].root ? pass.files : pass.files.reversed()
                for (folder, name, bytes) in files { try home.drop(bytes, name: name, folder: folder) }
                try LC.pass(home, pass.now)
            }
            let first = try homes[0].outboxContents()
            let second = try homes[1].outboxContents()
            #expect(first.keys.sorted() == second.keys.sorted(), "after the pass at \(pass.now)")
            for (name, bytes) in first where second[name] != bytes {
                Issue.record("\(name) differs after the pass at \(pass.now)")
            }
            counts.append(first.count)
        }
        #expect(counts.last ?? 0 > 20, "the scenario produced a real outbox: \(counts)")
        let kinds = Set(homes[0].files(in: "outbox").map { String($0.split(separator: "_").suffix(2).joined(separator: "_")) })
        for kind in ["Bv03_bevestiging.xml", "Du01_taakReactie.xml", "Di01_inzetOpdracht.xml", "Di01_inzetIntrekking.xml", "Di01_taakStatus.xml",
                     "Du01_taakstatusAntwoord.xml", "Di01_taakResultaat.xml", "Di01_ondermijningSignaal.xml"] {
            #expect(kinds.contains(kind), "the scenario covers \(kind)")
        }
        let tasks = try homes.map { home in
            try home.sql("SELECT taak_nummer, status, officers, reden_code FROM audit_tasks ORDER BY taak_nummer").map { row in
                ["taak_nummer", "status", "officers", "reden_code"].map { key in (row[key] as? String) ?? "null" }.joined(separator: "|")
            }
        }
        #expect(tasks[0] == tasks[1])
        #expect(tasks[0].count == 8)
    }
}

// MARK: - Helpers (file-private: other suites have their own)

/// One outbound file: the receiver's folder, its name, the decoded message and its text.
private struct SentFile {
    var folder: String
    var name: String
    var message: Message
    var text: String
}

extension Array where Element == SentFile {
    fileprivate func folder(_ name: String) -> [SentFile] { filter { $0.folder == name } }
    /// `folder/root` of every file, sorted: the exact set of files, independent of reference numbers.
    fileprivate var signature: [String] { map { "\($0.folder)/\($0.message.kind.rawValue)" }.sorted() }
    /// The crossRefnummer of every Bv03, in reference order.
    fileprivate var acks: [String] { filter { $0.message.kind == .acknowledgement }.map { $0.message.envelope.crossReference ?? "-" } }
    fileprivate var reactions: [TaskReaction] { compactMap { if case .taskReaction(let body) = $0.message.body { body } else { nil } } }
    fileprivate var statuses: [TaskStatusReport] { compactMap { if case .taskStatus(let body) = $0.message.body { body } else { nil } } }
    fileprivate var results: [TaskResultReport] { compactMap { if case .taskResult(let body) = $0.message.body { body } else { nil } } }
    fileprivate var orders: [Deployment] { compactMap { if case .deployment(let body) = $0.message.body { body } else { nil } } }
    fileprivate var withdrawals: [DeploymentWithdrawal] { compactMap { if case .deploymentWithdrawal(let body) = $0.message.body { body } else { nil } } }
    /// Fo01 codes by the crossRefnummer they answer.
    fileprivate var faults: [String: String] {
        var result: [String: String] = [:]
        for file in self {
            if case .contentFault(let fault) = file.message.body { result[file.message.envelope.crossReference ?? "-"] = fault.code.rawValue }
        }
        return result
    }
}

/// Builders and drivers for this suite.
private enum LC {
    static let police = SampleMessages.Partner.police
    static let om = SampleMessages.Partner.prosecutor
    static let rosterSystem = SampleMessages.Partner.roster
    static let app = SampleMessages.Partner.boaApp
    static let buurt = "BU01640304"
    static let point = RDPoint(x: 250_812.5, y: 476_530)
    static let receivers: [String: SystemIdentity] = [
        "politie-on": SampleMessages.Partner.police, "om-on": SampleMessages.Partner.prosecutor, "riec-on": SampleMessages.Partner.riec,
        "rooster": SampleMessages.Partner.roster, "boa-app": SampleMessages.Partner.boaApp, "wijkteam": SampleMessages.Partner.careTeam,
    ]

    static func ts(_ text: String) -> Timestamp { Timestamp(xsdDateTime: text) ?? Timestamp(millisecondsSinceEpoch: 0) }

    static func envelope(from sender: SystemIdentity = police, reference: String, time: String = "20261201085900000") -> Envelope {
        Envelope(sender: sender, receiver: .service, reference: reference, time: MessageTime(time) ?? MessageTime(atMilliseconds: 0))
    }

    // Roster: BOA-0001 and BOA-0002 NORMAAL, BOA-0003 VERTROUWELIJK, BOA-0004 STRIKT; domain I with APV, WAHV, BSBO.
    static func officer(_ id: String, screening: Confidentiality) -> RosterOfficer {
        RosterOfficer(officerId: id, deeds: [Deed(number: "AKTE-\(id)", domain: .publicSpace, validFrom: LocalDate(year: 2026, month: 1, day: 1),
                                                  validUntil: LocalDate(year: 2027, month: 12, day: 31), powers: [.bylaw, .wahv, .bsbo])],
                      screening: screening, active: true)
    }

    static let officers = [officer("BOA-0001", screening: .normal), officer("BOA-0002", screening: .normal),
                           officer("BOA-0003", screening: .confidential), officer("BOA-0004", screening: .strict)]

    /// The roster of one day (default 2026-12-01): period [day, day + 1), a shift `from`–`until` local (default
    /// 08:00–16:00) for every officer.
    static func roster(_ officers: [RosterOfficer] = LC.officers, reference: String = "ROOSTER-1", day: Int = 1,
                       from: String = "08:00", until: String = "16:00") -> Message {
        let date = "2026-12-\(day < 10 ? "0" : "")\(day)"
        let shifts = officers.map {
            Shift(shiftId: "D-\(date)-\($0.officerId)", officerId: $0.officerId, start: ts("\(date)T\(from):00+01:00"), end: ts("\(date)T\(until):00+01:00"))
        }
        let roster = Roster(period: DatePeriod(from: LocalDate(year: 2026, month: 12, day: day), until: LocalDate(year: 2026, month: 12, day: day + 1)),
                            officers: officers, shifts: shifts)
        return Message(envelope: envelope(from: rosterSystem, reference: reference, time: "20261201080000000"), body: .roster(roster))
    }

    static func request(
        _ taskId: String, reference: String, category: BoaCore.Category = .nuisance, priority: Priority = .today, point: RDPoint = LC.point,
        buurt: String? = LC.buurt, address: Address? = nil, locationDescription: String? = nil, earliest: String? = nil,
        deadline: String = "2026-12-01T23:00:00+01:00", domain: Domain? = nil, powers: [Power]? = nil, team: Int? = nil, violence: Bool? = nil,
        confidentiality: Confidentiality? = nil, basis: LegalBasis = .wpgArticle8, retention: RetentionPeriod? = nil, sourceReference: String? = nil,
        principal: Principal? = Principal(unit: "Basisteam Twente-Midden"), description: String? = nil, time: String = "20261201085900000",
        from sender: SystemIdentity = police
    ) -> Message {
        let request = TaskRequest(
            taskId: taskId, sourceReference: sourceReference, category: category, priority: priority,
            location: Location(description: locationDescription, address: address, neighbourhood: buurt, point: point),
            window: TimeWindow(earliestStart: earliest.map(ts), deadline: ts(deadline)), requiredDomain: domain, requiredPowers: powers,
            minimumTeam: team, safety: violence.map { Safety(violenceExpected: $0) }, confidentiality: confidentiality, legalBasis: basis,
            retention: retention, principal: principal, description: description)
        return Message(envelope: envelope(from: sender, reference: reference, time: time), body: .taskRequest(request))
    }

    static func cancellation(_ taskId: String, reference: String, time: String = "20261201090900000") -> Message {
        Message(envelope: envelope(reference: reference, time: time), body: .taskCancellation(TaskCancellation(taskId: taskId, reason: "Melding vervallen")))
    }

    static func report(_ number: String, officer: String, status: FieldStatus, at: String, outcomes: [Outcome] = [], summary: String? = nil,
                       signals: [FieldSignal] = [], reference: String) -> Message {
        let report = FieldReport(taskNumber: TaskNumber(number) ?? TaskNumber(year: 0, sequence: 0), officerId: officer, status: status, time: ts(at),
                                 outcomes: outcomes, summary: summary, signals: signals)
        // tijdstipBericht: the report's own time.
        let digits = MessageTime(atMilliseconds: ts(at).millisecondsSinceEpoch).digits
        return Message(envelope: envelope(from: app, reference: reference, time: digits), body: .fieldReport(report))
    }

    /// `boa-coord process --now`; fails the test when the pass itself fails.
    static func pass(_ home: HomeFixture, _ now: String) throws {
        let run = try home.process(now: now)
        #expect(run.status == 0, "process --now \(now): \(run.standardError)")
        #expect(home.files(in: "inbox").isEmpty, "every file taken in")
    }

    /// Every outbound file, in reference order, decoded; the files are then taken away, as partners do.
    static func take(_ home: HomeFixture) throws -> [SentFile] {
        var result: [SentFile] = []
        for path in home.files(in: "outbox") {
            let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].hasPrefix(".") else { continue }
            let url = home.url("outbox/\(path)")
            let bytes = try [UInt8](Data(contentsOf: url))
            let message = try MessageReader().read(bytes).get()
            #expect(message.envelope.receiver == receivers[parts[0]], "\(path) is addressed to its folder's partner")
            #expect(message.envelope.sender.organisation == SystemIdentity.service.organisation && message.envelope.sender.application == "BOATAAK")
            #expect(parts[1] == "\(message.envelope.sender.organisation)_\(message.envelope.reference)_\(message.kind.messageCode.rawValue)_\(message.kind.function.rawValue).xml")
            result.append(SentFile(folder: parts[0], name: parts[1], message: message, text: String(decoding: bytes, as: UTF8.self)))
            try FileManager.default.removeItem(at: url)
        }
        return result.sorted { $0.name < $1.name }
    }

    /// The audit_tasks row of a task.
    static func task(_ home: HomeFixture, _ number: String) throws -> [String: Any] {
        let rows = try home.sql("SELECT * FROM audit_tasks WHERE taak_nummer = '\(number)'")
        guard let row = rows.first else { throw FixtureError("no audit_tasks row for \(number)") }
        return row
    }

    /// A home with the roster taken in (pass at 08:30) and its Bv03 collected.
    static func rosteredHome() throws -> HomeFixture {
        let home = try HomeFixture()
        try home.drop(roster(), name: "rooster.xml", folder: "rooster")
        try pass(home, "2026-12-01T08:30:00+01:00")
        let out = try take(home)
        #expect(out.signature == ["rooster/bevestiging_Bv03"])
        return home
    }

    /// A ``plannedHome(request:)`` whose team BOA-0001 reported ONDERWEG at 09:20 (pass at 09:20, outbox emptied).
    static func underWayHome() throws -> (HomeFixture, String) {
        let (home, number) = try plannedHome()
        try home.drop(report(number, officer: "BOA-0001", status: .enRoute, at: "2026-12-01T09:20:00+01:00", reference: "APP-1"),
                      name: "onderweg.xml", folder: "boa-app")
        try pass(home, "2026-12-01T09:20:00+01:00")
        _ = try take(home)
        return (home, number)
    }

    /// In an ``underWayHome()``: a request ON-2 from `earliest`, taken in at 09:40, is accepted, and if its team shares an
    /// officer with ON-1 (12:00–12:45) it starts after it. (The database refuses to book an officer twice, which would
    /// fail the pass.)
    static func expectPlannedAroundTheWorkUnderWay(_ home: HomeFixture, earliest: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try home.drop(request("ON-2", reference: "GMS-2", earliest: earliest), name: "verzoek-2.xml", folder: "politie-on")
        try pass(home, "2026-12-01T09:40:00+01:00")
        let next = try take(home)
        #expect(next.folder("politie-on").acks == ["GMS-2"], sourceLocation: sourceLocation)
        let reaction = try #require(next.reactions.first, sourceLocation: sourceLocation)
        #expect(reaction.reaction == .accept, sourceLocation: sourceLocation)
        if !Set(reaction.team ?? []).isDisjoint(with: ["BOA-0001", "BOA-0002"]) {
            #expect((reaction.plannedStart?.millisecondsSinceEpoch ?? 0) >= ts("2026-12-01T12:45:00+01:00").millisecondsSinceEpoch, "\(reaction)",
                    sourceLocation: sourceLocation)
        }
    }

    /// A home with the roster and one police task ON-1 (gewenstAanvang 12:00) planned in a pass at 09:00 on BOA-0001
    /// and BOA-0002 for 12:00; the outbox emptied. (The later passes of a test stay before 12:00, so that the plan
    /// itself has no reason to move.)
    static func plannedHome(request: Message? = nil) throws -> (HomeFixture, String) {
        let home = try rosteredHome()
        try home.drop(request ?? LC.request("ON-1", reference: "GMS-1", earliest: "2026-12-01T12:00:00+01:00"), name: "verzoek.xml", folder: "politie-on")
        try pass(home, "2026-12-01T09:00:00+01:00")
        let out = try take(home)
        let reaction = try #require(out.reactions.first)
        #expect(reaction.reaction == .accept)
        #expect(reaction.team == ["BOA-0001", "BOA-0002"])
        #expect(reaction.plannedStart?.description == "2026-12-01T12:00:00+01:00")
        #expect(out.orders.map(\.officerId).sorted() == ["BOA-0001", "BOA-0002"])
        return (home, reaction.taskNumber.description)
    }
}
