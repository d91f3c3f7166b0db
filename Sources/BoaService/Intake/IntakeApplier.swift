import BoaCore
import BoaStore
import BoaXML
import Foundation

/// A file taken in: where it lies now, its bytes (nil when too large) and the envelope verdict.
struct IncomingFile: Sendable {
    var claimed: WorkFolder.Claimed
    var size: Int
    var sha256: String
    var bytes: [UInt8]?
    var verdict: Verdict

    /// The order a pass applies files in: by `tijdstipBericht`, then sender, reference, folder and name, so
    /// that the result never depends on the order files were found in.
    var sortKey: [String] {
        let facts = verdict.facts
        return [facts.messageTime ?? "", facts.partner ?? "", facts.reference ?? "", claimed.folder ?? "", claimed.name, sha256, claimed.claimName]
    }
}

/// What applying a file decided, for archiving.
struct AppliedFile: Sendable {
    var claimed: WorkFolder.Claimed
    var inboundId: Int64
    var outcome: InboundOutcome
    var archivePath: String
    var rejectedPath: String?
    var refusal: Refusal?
    var faultFileText: String?
    var bytes: [UInt8]?
}

/// Applies taken-in files to the database, one transaction per batch (group commit): the inbound row,
/// its effect, the outbound rows it causes and the processing-log rows (KOPPELVLAK §3, §4, §5).
struct IntakeApplier {
    let transaction: StoreTransaction
    let configuration: Configuration
    let home: Home
    let now: Int64
    let performer = "boa-coord intake"
    /// Archive and rejected names already chosen in this batch.
    var reservedPaths: Set<String> = []

    var sender: OutboundSender { OutboundSender(transaction: transaction, service: configuration.serviceIdentity, now: now) }
    var partners: PartnerRegistry { configuration.partners }

    // MARK: one file

    mutating func apply(_ file: IncomingFile) throws -> AppliedFile {
        let facts = file.verdict.facts
        var record = InboundRecord(
            fileName: file.claimed.name, inboxFolder: file.claimed.folder, partner: facts.partner, rootElement: facts.rootElement,
            function: facts.function, messageCode: facts.messageCode, reference: facts.reference, crossReference: facts.crossReference,
            messageTime: facts.messageTime, isTest: facts.isTest, sha256: file.sha256, size: file.size, outcome: .accepted,
            receivedAt: now, decidedAt: now)
        record.claimName = file.claimed.claimName
        record.archivePath = try reservePath(folder: "archive/\(Amsterdam.localDate(atMilliseconds: now))", name: file.claimed.name)

        // A byte-identical resend: the same answer again, nothing processed twice.
        if let original = try transaction.inbound(withSHA256: file.sha256, reference: facts.reference).first(where: { $0.outcome != .duplicate }) {
            record.outcome = .duplicate
            record.duplicateOf = original.id
            record.partner = original.partner
            record.faultCode = original.faultCode
            record.taskId = original.taskId
            let id = try transaction.insertInbound(record)
            if original.outcome != .held {
                for answer in try transaction.outbound(forInbound: original.id) where answer.function == "bevestiging" || answer.function == "fout" {
                    try transaction.republishOutbound(answer.id)
                }
            }
            try log(.received, record, id, "herhaling van bericht \(original.id) (zelfde inhoud): zelfde antwoord, niet opnieuw verwerkt")
            return AppliedFile(claimed: file.claimed, inboundId: id, outcome: .duplicate, archivePath: record.archivePath ?? "")
        }

        switch file.verdict {
        case .refused(let refusal, _):
            return try reject(file, record, refusal)
        case .message(let message, let partner, _):
            if let earlier = try transaction.acceptedInbound(partner: partner.key, reference: message.envelope.reference) {
                return try reject(file, record, Refusal(
                    code: .referenceReused,
                    description: "Referentienummer \(message.envelope.reference) is al gebruikt voor een ander bericht van \(partner.key) (bericht \(earlier.id)).",
                    reply: Reply(partner: partner, kind: .envelopeFault, crossReference: message.envelope.reference)))
            }
            return try applyContent(file, record, message, partner)
        }
    }

    /// Records a refused file and its Fo01/Fo03 (if it is answered).
    private mutating func reject(_ file: IncomingFile, _ base: InboundRecord, _ refusal: Refusal) throws -> AppliedFile {
        var record = base
        record.outcome = .rejected
        record.faultCode = refusal.code.rawValue
        record.faultText = refusal.description
        record.rejectedPath = try reservePath(folder: "rejected", name: file.claimed.name)
        let id = try transaction.insertInbound(record)
        var answer: OutboundRecord?
        if let reply = refusal.reply {
            answer = try sender.send(reply.kind == .contentFault ? .contentFault(refusal.fault) : .envelopeFault(refusal.fault),
                                     to: reply.partner, crossReference: reply.crossReference, inboundId: id, isTest: record.isTest,
                                     faultCode: refusal.code)
        }
        try log(.rejected, record, id, "\(refusal.code): \(refusal.description)")
        let faultText = FaultFile.text(file: file.claimed, record: record, refusal: refusal, answer: answer, home: home)
        try transaction.setInboundFaultText(id, faultText)
        return AppliedFile(
            claimed: file.claimed, inboundId: id, outcome: .rejected, archivePath: record.archivePath ?? "", rejectedPath: record.rejectedPath,
            refusal: refusal, faultFileText: faultText, bytes: file.bytes)
    }

    /// Records an accepted file and its Bv03.
    mutating func accept(_ file: IncomingFile, _ base: InboundRecord, partner: Partner, taskId: Int64? = nil, detail: String) throws -> (AppliedFile, Int64) {
        var record = base
        record.taskId = taskId
        let id = try transaction.insertInbound(record)
        try sender.send(.acknowledgement, to: partner, crossReference: record.reference, inboundId: id, taskId: taskId, isTest: record.isTest)
        try log(.received, record, id, detail)
        return (AppliedFile(claimed: file.claimed, inboundId: id, outcome: .accepted, archivePath: record.archivePath ?? ""), id)
    }

    mutating func refuseContent(_ file: IncomingFile, _ record: InboundRecord, _ partner: Partner, _ reason: ReasonCode, _ text: String) throws -> AppliedFile {
        try reject(file, record, Refusal(code: FaultCode(reason), description: text,
                                         reply: Reply(partner: partner, kind: .contentFault, crossReference: record.reference)))
    }

    // MARK: content rules per message kind

    private mutating func applyContent(_ file: IncomingFile, _ record: InboundRecord, _ message: Message, _ partner: Partner) throws -> AppliedFile {
        let isTest = message.envelope.sender.isTest
        switch message.body {
        case .taskRequest(let request):
            if try transaction.task(partner: partner.key, taskId: request.taskId) != nil {
                return try refuseContent(file, record, partner, .taskIdInUse, "taakId \(request.taskId) is al gebruikt voor een andere taak van \(partner.key).")
            }
            let number = try transaction.nextTaskNumber(year: Amsterdam.localDate(atMilliseconds: now).year)
            let (applied, inboundId) = try accept(file, record, partner: partner, detail: "taakverzoek \(request.taskId) ontvangen als \(number)")
            let task = TaskFactory.task(from: request, number: number, partner: partner.key, inboundId: inboundId, isTest: isTest, receivedAt: now)
            try createTask(task, inboundId: inboundId, partner: partner)
            return applied
        case .prosecutorInstruction(let instruction):
            if try transaction.task(partner: partner.key, taskId: instruction.taskId) != nil {
                return try refuseContent(file, record, partner, .taskIdInUse, "taakId \(instruction.taskId) is al gebruikt voor een andere taak van \(partner.key).")
            }
            let number = try transaction.nextTaskNumber(year: Amsterdam.localDate(atMilliseconds: now).year)
            let (applied, inboundId) = try accept(file, record, partner: partner, detail: "OM-opdracht \(instruction.taskId) ontvangen als \(number)")
            let task = TaskFactory.task(from: instruction, number: number, partner: partner.key, inboundId: inboundId, isTest: isTest, receivedAt: now)
            try createTask(task, inboundId: inboundId, partner: partner)
            return applied
        case .taskChange(let change):
            return try applyToTask(file, record, partner, taskId: change.taskId, message: message)
        case .taskCancellation(let cancellation):
            return try applyToTask(file, record, partner, taskId: cancellation.taskId, message: message)
        case .statusRequest(let question):
            let (applied, inboundId) = try accept(file, record, partner: partner, detail: "statusvraag over \(question.taskIds.count) taken")
            try answerStatus(question, partner: partner, inboundId: inboundId, reference: record.reference, isTest: isTest)
            return applied
        case .roster(let roster):
            if let problem = try rosterProblem(roster) {
                return try refuseContent(file, record, partner, problem.0, problem.1)
            }
            let (applied, inboundId) = try accept(file, record, partner: partner,
                                                  detail: "rooster \(roster.period.from)–\(roster.period.until): \(roster.officers.count) boa's, \(roster.shifts.count) diensten")
            for officer in roster.officers { try transaction.upsertOfficer(officer, at: now, inboundId: inboundId) }
            try transaction.replaceShifts(period: roster.period, with: roster.shifts, inboundId: inboundId)
            return applied
        case .unavailability(let absence):
            guard try transaction.officerExists(absence.officerId) else {
                return try refuseContent(file, record, partner, .unknownOfficer, "boaId \(absence.officerId) is onbekend.")
            }
            let (applied, inboundId) = try accept(file, record, partner: partner, detail: "afmelding \(absence.officerId) (\(absence.reason.rawValue))")
            try transaction.insertUnavailability(absence, inboundId: inboundId)
            return applied
        case .fieldReport(let report):
            return try applyFieldReport(file, record, partner, report, isTest: isTest)
        default:
            // Outbound kinds never get here: the envelope judge refuses them (StUF052).
            return try reject(file, record, Refusal(code: .functionNotAllowed, description: "Dit bericht is geen inkomend bericht.",
                                                    reply: Reply(partner: partner, kind: .contentFault, crossReference: record.reference)))
        }
    }

    private mutating func createTask(_ task: TaskRecord, inboundId: Int64, partner: Partner) throws {
        let taskId = try transaction.insertTask(task)
        try transaction.setInboundTask(inboundId, taskId: taskId)
        try transaction.appendLog(LogEntry(
            at: now, action: .received, objectType: "taak", objectId: task.taskNumber.description, performer: performer,
            confidentiality: task.confidentiality, retention: task.retention, legalBasis: task.legalBasis, partner: partner.key,
            detail: "\(task.category.rawValue), prioriteit \(task.priority.rawValue), taakId \(task.taskId ?? "")"))
    }

    /// A change or cancellation: applied to a known task, or held until its task is known.
    private mutating func applyToTask(_ file: IncomingFile, _ record: InboundRecord, _ partner: Partner, taskId: String, message: Message) throws -> AppliedFile {
        if let task = try transaction.task(partner: partner.key, taskId: taskId) {
            let (applied, inboundId) = try accept(file, record, partner: partner, taskId: task.id, detail: "\(message.kind.function.rawValue) voor \(task.taskNumber)")
            var changes = TaskChanges(transaction: transaction, configuration: configuration, now: now)
            try changes.apply(message, to: task, partner: partner, inboundId: inboundId)
            return applied
        }
        var held = record
        held.outcome = .held
        held.decidedAt = nil
        let id = try transaction.insertInbound(held)
        try transaction.insertHeld(HeldMessage(
            inboundId: id, partner: partner.key, taskId: taskId, messageTime: message.envelope.time.digits,
            expiresAt: now + Int64(configuration.holdMinutes) * 60_000, body: file.bytes ?? []))
        try log(.received, held, id, "\(message.kind.function.rawValue) voor onbekende taak \(taskId): wacht tot \(configuration.holdMinutes) minuten op het verzoek")
        return AppliedFile(claimed: file.claimed, inboundId: id, outcome: .held, archivePath: held.archivePath ?? "")
    }

    private func answerStatus(_ question: StatusRequest, partner: Partner, inboundId: Int64, reference: String?, isTest: Bool) throws {
        let known = try transaction.tasks(partner: partner.key, taskIds: question.taskIds)
        let entries = question.taskIds.map { taskId -> StatusAnswerEntry in
            guard let (task, at) = known[taskId] else { return StatusAnswerEntry(taskId: taskId) }
            return StatusAnswerEntry(taskId: taskId, taskNumber: task.taskNumber, status: task.status, time: Amsterdam.timestamp(atMilliseconds: at))
        }
        try sender.send(.statusAnswer(StatusAnswer(entries: entries)), to: partner, crossReference: reference, inboundId: inboundId, isTest: isTest)
        for (taskId, entry) in known.sorted(by: { $0.key < $1.key }) {
            try transaction.appendLog(LogEntry(
                at: now, action: .sent, objectType: "taak", objectId: entry.task.taskNumber.description, performer: performer,
                confidentiality: entry.task.confidentiality, retention: entry.task.retention, legalBasis: entry.task.legalBasis,
                partner: partner.key, detail: "status van \(taskId) gegeven in antwoord op een statusvraag"))
        }
    }

    /// BOA012 (a shift for an officer neither the roster nor the database knows) before BOA015 (a roster
    /// that contradicts itself).
    private func rosterProblem(_ roster: Roster) throws -> (ReasonCode, String)? {
        let named = Set(roster.officers.map(\.officerId))
        for shift in roster.shifts where !named.contains(shift.officerId) {
            if try !transaction.officerExists(shift.officerId) {
                return (.unknownOfficer, "Dienst \(shift.shiftId) is voor boaId \(shift.officerId), die onbekend is.")
            }
        }
        if roster.period.from >= roster.period.until {
            return (.rosterContradiction, "De periode van \(roster.period.from) tot \(roster.period.until) is leeg (van moet voor tot liggen).")
        }
        for shift in roster.shifts {
            let day = Amsterdam.localDate(atMilliseconds: shift.start.millisecondsSinceEpoch)
            if day < roster.period.from || day >= roster.period.until {
                return (.rosterContradiction, "Dienst \(shift.shiftId) begint op \(day), buiten de periode \(roster.period.from) tot \(roster.period.until).")
            }
            let length = shift.end.millisecondsSinceEpoch - shift.start.millisecondsSinceEpoch
            if length <= 0 {
                return (.rosterContradiction, "Dienst \(shift.shiftId) eindigt niet na de aanvang.")
            }
            if length > 14 * 3_600_000 {
                return (.rosterContradiction, "Dienst \(shift.shiftId) duurt langer dan 14 uur.")
            }
        }
        return nil
    }

    // MARK: bookkeeping

    /// A path under the home that neither a file nor another row uses: `name`, else `stem-2.ext`, `stem-3.ext`, …
    mutating func reservePath(folder: String, name: String) throws -> String {
        let dot = name.lastIndex(of: ".").map { name.distance(from: name.startIndex, to: $0) } ?? name.count
        let stem = String(name.prefix(dot))
        let ext = String(name.dropFirst(dot))
        var attempt = 1
        while true {
            let candidate = attempt == 1 ? "\(folder)/\(name)" : "\(folder)/\(stem)-\(attempt)\(ext)"
            let onDisk = try POSIXFiles.status(home.path(candidate)) != nil
            let recorded = try transaction.isFilePathTaken(candidate)
            if !reservedPaths.contains(candidate), !onDisk, !recorded {
                reservedPaths.insert(candidate)
                return candidate
            }
            attempt += 1
        }
    }

    private func log(_ action: LogAction, _ record: InboundRecord, _ id: Int64, _ detail: String) throws {
        try transaction.appendLog(LogEntry(
            at: now, action: action, objectType: "bericht", objectId: record.reference ?? "inbound-\(id)", performer: performer,
            confidentiality: .normal, retention: RetentionPeriod(years: 1), partner: record.partner,
            detail: "\(record.rootElement ?? "?") \(record.inboxFolder.map { "inbox/\($0)/" } ?? "inbox/")\(record.fileName): \(detail)"))
    }
}
