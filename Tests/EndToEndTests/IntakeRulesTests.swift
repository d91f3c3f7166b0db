import BoaCore
import BoaSamples
import BoaXML
import Foundation
import GRDB
import Testing

/// Each envelope rule of KOPPELVLAK §3 and §5.2, through the real binary: the exact outbound file and the
/// `audit_messages` row each file must produce.
@Suite(.serialized) struct IntakeRulesTests {
    static let service = "00000099000000000164"

    /// The one IN row of audit_messages.
    func inbound(_ home: HomeFixture) throws -> [[String: Any]] {
        try home.sql("SELECT partner, functie, referentienummer, outcome, fault_code, file_name, inbox_folder FROM audit_messages WHERE direction = 'IN' ORDER BY message_id")
    }

    @Test func anAcceptedRequestGetsItsBv03AfterTheCommit() throws {
        let home = try HomeFixture()
        try home.drop(Messages.request(), name: "verzoek.xml")
        let run = try home.process()
        #expect(run.status == 0, "\(run.standardError)")
        let answers = try home.outbox("politie-on")
        let ack = try #require(answers.first { $0.message.kind == .acknowledgement })
        #expect(ack.name == "\(Self.service)_BOATAAK-0000000001_Bv03_bevestiging.xml")
        #expect(ack.message.envelope.crossReference == "GMS-1")
        #expect(ack.message.envelope.sender == SystemIdentity.service)
        #expect(ack.message.envelope.receiver == Messages.police)
        #expect(ack.message.envelope.time.digits == "20261201090000000")
        let rows = try inbound(home)
        #expect(rows.count == 1)
        #expect(rows.first?["outcome"] as? String == "ACCEPTED")
        #expect(rows.first?["partner"] as? String == "politie-on")
        #expect(rows.first?["referentienummer"] as? String == "GMS-1")
        #expect(home.files(in: "archive") == ["2026-12-01/verzoek.xml"])
        #expect(home.files(in: "inbox").isEmpty)
        #expect(home.files(in: ".work").isEmpty)
        let task = try home.sql("SELECT taak_nummer, partner, taak_id, status FROM audit_tasks")
        #expect(task.first?["taak_nummer"] as? String == "T2026-000001")
        #expect(task.first?["taak_id"] as? String == "ON-1")
    }

    @Test func notXMLAtTheTopLevelIsAnsweredOnlyByTheRejectedCopy() throws {
        let home = try HomeFixture()
        try home.drop("dit is geen XML", name: "kapot.xml")
        try home.process()
        #expect(home.allOutbox().isEmpty)
        #expect(home.files(in: "rejected") == ["kapot.xml", "kapot.xml.fout.txt"])
        let text = try String(contentsOf: home.url("rejected/kapot.xml.fout.txt"), encoding: .utf8)
        #expect(text.contains("NIETXML"))
        #expect(text.contains("regel 1, kolom 1"))
        let rows = try inbound(home)
        #expect(rows.first?["outcome"] as? String == "REJECTED")
        #expect(rows.first?["fault_code"] as? String == "NIETXML")
        #expect(rows.first?["partner"] is NSNull)
        #expect(home.files(in: "archive") == ["2026-12-01/kapot.xml"])
    }

    @Test func notXMLInAPartnerFolderGetsAFo03WithoutCrossReference() throws {
        let home = try HomeFixture()
        try home.drop("<a><b></a>", name: "kapot.xml", folder: "politie-on")
        try home.process()
        let answers = try home.outbox("politie-on")
        #expect(answers.map(\.name) == ["\(Self.service)_BOATAAK-0000000001_Fo03_fout.xml"])
        guard case .envelopeFault(let fault) = answers.first?.message.body else {
            Issue.record("expected a Fo03")
            return
        }
        #expect(fault.code == .notXML)
        #expect(answers.first?.message.envelope.crossReference == nil)
        #expect(try inbound(home).first?["inbox_folder"] as? String == "politie-on")
    }

    @Test func tooLargeIsRefusedUnreadAndAnsweredOnlyInAPartnerFolder() throws {
        let home = try HomeFixture(configuration: "[intake]\nmax_file_bytes = 500\n")
        let big = MessageWriter.encode(Messages.request())
        #expect(big.count > 500)
        try home.drop(big, name: "groot.xml")
        // Other bytes (a byte-identical file would be a resend of the first, answered as it was: not at all).
        try home.drop(big + Array("<!-- 2 -->".utf8), name: "groot2.xml", folder: "om-on")
        try home.process()
        let answers = try home.outbox("om-on")
        #expect(answers.count == 1)
        guard case .envelopeFault(let fault) = answers.first?.message.body else {
            Issue.record("expected a Fo03")
            return
        }
        #expect(fault.code == .tooLarge)
        #expect(try home.outbox("politie-on").isEmpty)
        let rows = try inbound(home)
        #expect(rows.map { $0["fault_code"] as? String } == ["TEGROOT", "TEGROOT"])
    }

    @Test func schemaFaultsAreAnsweredWithLineAndColumn() throws {
        let home = try HomeFixture()
        var text = MessageWriter.text(of: Messages.request())
        text = text.replacingOccurrences(of: "<BT:prioriteit>2</BT:prioriteit>", with: "<BT:prioriteit>9</BT:prioriteit>")
        try home.drop(text, name: "ongeldig.xml")
        try home.process()
        let answers = try home.outbox("politie-on")
        #expect(answers.map(\.name) == ["\(Self.service)_BOATAAK-0000000001_Fo01_fout.xml"])
        guard case .contentFault(let fault) = answers.first?.message.body else {
            Issue.record("expected a Fo01")
            return
        }
        #expect(fault.code == .schemaInvalid)
        #expect(answers.first?.message.envelope.crossReference == "GMS-1")
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("<BT:prioriteit>") }.map { $0 + 1 } ?? 0
        #expect(fault.details?.hasPrefix("\(line):5 Element 'BT:prioriteit'") == true, "\(fault.details ?? "")")
        #expect(home.files(in: "rejected") == ["ongeldig.xml", "ongeldig.xml.fout.txt"])
        #expect(try inbound(home).first?["fault_code"] as? String == "StUF055")
    }

    @Test func anUnreadableEnvelopeIsAnsweredOnlyInAPartnerFolder() throws {
        let home = try HomeFixture()
        let text = "<?xml version=\"1.0\"?>\n<BT:taakVerzoek_Di01 xmlns:BT=\"urn:nl:gemeente:boa-taak:0100\"><BT:iets/></BT:taakVerzoek_Di01>\n"
        try home.drop(text, name: "leeg.xml")
        try home.drop(text + "<!-- 2 -->\n", name: "leeg-in-map.xml", folder: "politie-on")
        try home.process()
        let answers = try home.outbox("politie-on")
        #expect(answers.count == 1)
        guard case .envelopeFault(let fault) = answers.first?.message.body else {
            Issue.record("expected a Fo03")
            return
        }
        #expect(fault.code == .schemaInvalid)
        #expect(try inbound(home).map { $0["fault_code"] as? String } == ["StUF055", "StUF055"])
    }

    @Test func anUnknownSenderIsNotAnsweredButRecorded() throws {
        let home = try HomeFixture()
        let stranger = SystemIdentity(organisation: "00000099000000099999", application: "ONBEKEND")
        try home.drop(Messages.request(from: stranger), name: "vreemd.xml")
        try home.process()
        #expect(home.allOutbox().isEmpty)
        let rows = try inbound(home)
        #expect(rows.first?["fault_code"] as? String == "StUF013")
        #expect(rows.first?["outcome"] as? String == "REJECTED")
        #expect(rows.first?["partner"] is NSNull)
        #expect(home.files(in: "rejected") == ["vreemd.xml", "vreemd.xml.fout.txt"])
    }

    @Test func aPartnerFolderMismatchIsAnsweredToTheFolderPartner() throws {
        let home = try HomeFixture()
        try home.drop(Messages.request(), name: "politie-in-om-map.xml", folder: "om-on")
        try home.process()
        #expect(try home.outbox("politie-on").isEmpty)
        let answers = try home.outbox("om-on")
        guard case .envelopeFault(let fault) = answers.first?.message.body else {
            Issue.record("expected a Fo03 to om-on")
            return
        }
        #expect(fault.code == .unknownSender)
        #expect(answers.first?.message.envelope.crossReference == "GMS-1")
    }

    @Test func theWrongReceiverGetsStUF010() throws {
        let home = try HomeFixture()
        try home.drop(Messages.request(to: SystemIdentity(organisation: "00000099000000000164", application: "ANDERS")), name: "verkeerd.xml")
        try home.process()
        let answers = try home.outbox("politie-on")
        guard case .envelopeFault(let fault) = answers.first?.message.body else {
            Issue.record("expected a Fo03")
            return
        }
        #expect(fault.code == .wrongReceiver)
        #expect(answers.first?.message.envelope.crossReference == "GMS-1")
    }

    @Test func aFunctieTheSenderMayNotSendGetsStUF052() throws {
        let home = try HomeFixture()
        var samples = SampleMessages(seed: 3)
        let roster = Message(envelope: Messages.envelope(reference: "GMS-R"), body: .roster(samples.roster(officers: 1)))
        try home.drop(roster, name: "rooster-van-politie.xml")
        try home.process()
        let answers = try home.outbox("politie-on")
        guard case .contentFault(let fault) = answers.first?.message.body else {
            Issue.record("expected a Fo01")
            return
        }
        #expect(fault.code == .functionNotAllowed)
        #expect(answers.first?.message.envelope.crossReference == "GMS-R")
    }

    @Test func aByteIdenticalResendGetsTheSameBv03AndIsProcessedOnce() throws {
        let home = try HomeFixture()
        let bytes = MessageWriter.encode(Messages.request())
        try home.drop(bytes, name: "verzoek.xml")
        try home.process()
        let first = home.allOutbox()
        // The Bv03, and the reaction to the request (PROVISIONAL: no roster yet).
        #expect(first == ["politie-on/\(Self.service)_BOATAAK-0000000001_Bv03_bevestiging.xml",
                          "politie-on/\(Self.service)_BOATAAK-0000000002_Du01_taakReactie.xml"])
        // Resent while the Bv03 is still in the outbox: the file is left as it is.
        try home.drop(bytes, name: "verzoek.xml")
        try home.process(now: "2026-12-01T09:05:00+01:00")
        #expect(home.allOutbox() == first)
        // The partner took its files away, then resends again: the same Bv03 (same reference, same name) comes
        // back; the reaction does not (it answers the task, not the file).
        for file in first { try FileManager.default.removeItem(at: home.url("outbox/\(file)")) }
        try home.drop(bytes, name: "verzoek.xml")
        try home.process(now: "2026-12-01T09:10:00+01:00")
        #expect(home.allOutbox() == [first[0]])
        let rows = try inbound(home)
        #expect(rows.map { $0["outcome"] as? String } == ["ACCEPTED", "DUPLICATE", "DUPLICATE"])
        #expect(try home.sql("SELECT count(*) AS n FROM audit_tasks").first?["n"] as? Int == 1)
        #expect(home.files(in: "archive") == ["2026-12-01/verzoek-2.xml", "2026-12-01/verzoek-3.xml", "2026-12-01/verzoek.xml"])
    }

    @Test func aReusedReferenceWithOtherContentGetsStUF016() throws {
        let home = try HomeFixture()
        try home.drop(Messages.request(taskId: "ON-1", reference: "GMS-7"), name: "a.xml")
        try home.drop(Messages.request(taskId: "ON-2", reference: "GMS-7"), name: "b.xml")
        try home.process()
        let faults = try home.outbox("politie-on").compactMap { entry -> Fault? in
            if case .envelopeFault(let fault) = entry.message.body { return fault }
            return nil
        }
        #expect(faults.map(\.code) == [.referenceReused])
        #expect(try inbound(home).compactMap { $0["outcome"] as? String }.sorted() == ["ACCEPTED", "REJECTED"])
    }

    @Test func aChangeForAnUnknownTaskIsHeldThenAppliedWhenTheRequestArrives() throws {
        let home = try HomeFixture()
        try home.drop(Messages.change(taskId: "ON-9", reference: "GMS-20"), name: "wijziging.xml")
        try home.process(now: "2026-12-01T09:00:00+01:00")
        #expect(home.allOutbox().isEmpty, "a held change is not answered yet")
        #expect(try inbound(home).first?["outcome"] as? String == "HELD")
        #expect(home.files(in: "archive") == ["2026-12-01/wijziging.xml"], "a held file is archived at intake")
        try home.drop(Messages.request(taskId: "ON-9", reference: "GMS-19"), name: "verzoek.xml")
        try home.process(now: "2026-12-01T09:05:00+01:00")
        let acknowledged = try home.outbox("politie-on").compactMap { $0.message.kind == .acknowledgement ? $0.message.envelope.crossReference : nil }
        #expect(acknowledged.sorted() == ["GMS-19", "GMS-20"])
        #expect(try inbound(home).map { $0["outcome"] as? String } == ["ACCEPTED", "ACCEPTED"])
        #expect(try home.sql("SELECT prioriteit FROM audit_tasks").first?["prioriteit"] as? Int == 1, "the change applied")
    }

    @Test func aHoldThatExpiresGetsBOA006() throws {
        let home = try HomeFixture()
        try home.drop(Messages.cancellation(taskId: "ON-404", reference: "GMS-30"), name: "intrekking.xml")
        try home.process(now: "2026-12-01T09:00:00+01:00")
        try home.process(now: "2026-12-01T09:09:59+01:00")
        #expect(home.allOutbox().isEmpty, "not expired before 10 minutes")
        try home.process(now: "2026-12-01T09:10:00+01:00")
        let answers = try home.outbox("politie-on")
        guard case .contentFault(let fault) = answers.first?.message.body else {
            Issue.record("expected a Fo01")
            return
        }
        #expect(fault.code == FaultCode(.unknownTask))
        #expect(answers.first?.message.envelope.crossReference == "GMS-30")
        let rows = try inbound(home)
        #expect(rows.first?["outcome"] as? String == "REJECTED")
        #expect(rows.first?["fault_code"] as? String == "BOA006")
        #expect(home.files(in: "rejected") == ["intrekking.xml", "intrekking.xml.fout.txt"])
    }

    @Test func aSecondRequestWithTheSameTaskIdGetsBOA011() throws {
        let home = try HomeFixture()
        try home.drop(Messages.request(taskId: "ON-5", reference: "GMS-40"), name: "a.xml")
        try home.drop(Messages.request(taskId: "ON-5", reference: "GMS-41", time: "20261201085930000"), name: "b.xml")
        try home.process()
        let faults = try home.outbox("politie-on").compactMap { entry -> (Fault, String?)? in
            if case .contentFault(let fault) = entry.message.body { return (fault, entry.message.envelope.crossReference) }
            return nil
        }
        #expect(faults.map(\.0.code) == [FaultCode(.taskIdInUse)])
        #expect(faults.first?.1 == "GMS-41", "the later message is the duplicate")
    }

    @Test func aFileWhoseProcessingFailsGetsStUF058AndTheLogChainStaysWhole() throws {
        let home = try HomeFixture()
        try home.process()  // makes the database
        // A fault the service cannot mend by retrying, injected into the real database: the task of ON-66 cannot
        // be stored. The file has been recorded and logged in its savepoint by then.
        let queue = try DatabaseQueue(path: home.url("boa.sqlite").path)
        try queue.write { db in
            try db.execute(sql: "CREATE TRIGGER injected_fault BEFORE INSERT ON task WHEN NEW.taak_id = 'ON-66' BEGIN SELECT RAISE(ABORT, 'injected'); END")
        }
        try queue.close()
        try home.drop(Messages.request(taskId: "ON-65", reference: "GMS-65"), name: "a.xml")
        try home.drop(Messages.request(taskId: "ON-66", reference: "GMS-66", time: "20261201085931000"), name: "b.xml")
        try home.drop(Messages.request(taskId: "ON-67", reference: "GMS-67", time: "20261201085932000"), name: "c.xml")
        let run = try home.process()
        #expect(run.status == 0, "\(run.standardError)")
        let faults = try home.outbox("politie-on").compactMap { entry -> (String, String?)? in
            if case .contentFault(let fault) = entry.message.body { return (fault.code.rawValue, entry.message.envelope.crossReference) }
            return nil
        }
        #expect(faults.map(\.0) == ["StUF058"])
        #expect(faults.first?.1 == "GMS-66")
        // The batch is tried whole first and, when one file fails, again file by file: the undone try leaves nothing.
        let acknowledged = try home.outbox("politie-on").compactMap { entry -> String? in
            if case .acknowledgement = entry.message.body { return entry.message.envelope.crossReference }
            return nil
        }
        #expect(acknowledged.sorted() == ["GMS-65", "GMS-67"])
        let rows = try home.sql("SELECT referentienummer, outcome, fault_code FROM audit_messages WHERE direction = 'IN' ORDER BY referentienummer")
        #expect(rows.map { "\($0["referentienummer"] ?? "") \($0["outcome"] ?? "") \($0["fault_code"] ?? "")" }
                == ["GMS-65 ACCEPTED <null>", "GMS-66 REJECTED StUF058", "GMS-67 ACCEPTED <null>"].map { $0.replacingOccurrences(of: "<null>", with: "\(NSNull())") })
        let verify = try runBinary(["audit", "verify", "--home", home.root.path])
        #expect(verify.status == 0, "\(verify.standardOutput) \(verify.standardError)")
    }

    @Test func sameInputsAndNowGiveTheSameOutboxByteForByte() throws {
        func run() throws -> [String: Data] {
            let home = try HomeFixture()
            var samples = SampleMessages(seed: 11)
            let roster = Message(envelope: Messages.envelope(from: Messages.roster, reference: "R-1"), body: .roster(samples.roster(officers: 3)))
            try home.drop(roster, name: "rooster.xml", folder: "rooster")
            for index in 1...6 { try home.drop(Messages.request(taskId: "ON-\(index)", reference: "GMS-\(index)"), name: "v\(index).xml") }
            try home.drop(Messages.change(taskId: "ON-3", reference: "GMS-50"), name: "w.xml")
            try home.drop("kapot", name: "x.xml", folder: "politie-on")
            try home.process()
            var result: [String: Data] = [:]
            for file in home.allOutbox() { result[file] = try Data(contentsOf: home.url("outbox/\(file)")) }
            return result
        }
        let first = try run()
        let second = try run()
        #expect(first.count >= 9)
        #expect(first == second)
    }

    @Test func ignoredNamesLinksAndFIFOsAreLeftAlone() throws {
        let home = try HomeFixture()
        let bytes = MessageWriter.encode(Messages.request())
        try FileManager.default.createDirectory(at: home.url("inbox"), withIntermediateDirectories: true)
        for name in [".verborgen.xml", "bezig.xml.tmp", "bezig.xml.part", "bezig.xml.partial", "bezig.xml~"] {
            try Data(bytes).write(to: home.url("inbox/\(name)"))
        }
        let outside = try temporaryFolder("boa-outside").appendingPathComponent("geheim.xml")
        try Data(bytes).write(to: outside)
        try FileManager.default.createSymbolicLink(at: home.url("inbox/link.xml"), withDestinationURL: outside)
        #expect(mkfifo(home.url("inbox/fifo.xml").path, 0o644) == 0)
        let run = try home.process()
        #expect(run.status == 0)
        #expect(home.allOutbox().isEmpty)
        #expect(try home.sql("SELECT count(*) AS n FROM audit_messages").first?["n"] as? Int == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: home.url("inbox").path).sorted()
        #expect(left.contains("link.xml") && left.contains("fifo.xml") && left.contains(".verborgen.xml") && left.contains("bezig.xml~"))
    }
}
