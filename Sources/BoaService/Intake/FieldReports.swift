import BoaCore
import BoaStore

extension IntakeApplier {
    /// A report from the field (KOPPELVLAK §4.8, §6.5, §10): only an assigned officer may report (BOA013),
    /// forward only (BOA007), `AFGEROND` needs a result (BOA014); the first of these that applies wins.
    mutating func applyFieldReport(_ file: IncomingFile, _ record: InboundRecord, _ partner: Partner, _ report: FieldReport, isTest: Bool) throws -> AppliedFile {
        let notAssigned = "BOA \(report.officerId) is niet (meer) ingezet op taak \(report.taskNumber)."
        guard let task = try transaction.task(number: report.taskNumber) else {
            return try refuseContent(file, record, partner, .officerNotAssigned, notAssigned)
        }
        let team = try transaction.assignments(taskId: task.id, states: [.active, .completed])
        guard team.contains(where: { $0.officerId == report.officerId }) else {
            return try refuseContent(file, record, partner, .officerNotAssigned, notAssigned)
        }
        let reported = report.status.taskStatus
        let isRepeat = reported == task.status
        if !isRepeat, !FieldReportRules.allows(from: task.status, to: reported) {
            return try refuseContent(file, record, partner, .invalidTransition,
                                     "Status \(reported.rawValue) kan niet volgen op \(task.status.rawValue) (taak \(task.taskNumber)).")
        }
        if reported == .completed, report.outcomes.isEmpty {
            return try refuseContent(file, record, partner, .completedWithoutResult, "Status AFGEROND vraagt minstens één resultaat.")
        }
        let detail = isRepeat ? "veldrapport \(reported.rawValue) herhaalt de huidige status" : "veldrapport \(task.status.rawValue) → \(reported.rawValue)"
        let (applied, inboundId) = try accept(file, record, partner: partner, taskId: task.id, detail: "\(detail) (\(task.taskNumber))")
        try transaction.insertFieldReport(report, taskId: task.id, inboundId: inboundId, effect: isRepeat ? "geen statuswijziging" : reported.rawValue)
        let events = TaskEvents(transaction: transaction, configuration: configuration, now: now, performer: performer)
        if !isRepeat {
            let at = report.time.millisecondsSinceEpoch
            switch reported {
            case .completed:
                for assignment in try transaction.assignments(taskId: task.id) {
                    try transaction.endAssignment(assignment.id, .completed, at: now, reason: "afgerond")
                }
                try events.setStatus(task, .completed, at: at, inboundId: inboundId)
                try sendResult(task, report, inboundId: inboundId)
            case .aborted:
                try events.setStatus(task, .aborted, at: at, inboundId: inboundId)
                try events.withdraw(task, reason: "afgebroken in het veld door \(report.officerId); de taak wordt opnieuw ingepland", inboundId: inboundId)
            case .handedToPolice:
                for assignment in try transaction.assignments(taskId: task.id) where assignment.officerId == report.officerId {
                    try transaction.endAssignment(assignment.id, .completed, at: now, reason: "overgedragen aan de politie")
                }
                try events.withdraw(task, reason: "overgedragen aan de politie door \(report.officerId)", inboundId: inboundId)
                try events.setStatus(task, .handedToPolice, at: at, inboundId: inboundId)
            default:
                try events.setStatus(task, reported, at: at, inboundId: inboundId)
            }
        }
        for signal in report.signals {
            try forward(signal, from: task, inboundId: inboundId, isTest: isTest)
        }
        return applied
    }

    /// `taakResultaat` to the requester (never for internal tasks; never carrying signals).
    private func sendResult(_ task: TaskRecord, _ report: FieldReport, inboundId: Int64) throws {
        guard let partnerKey = task.partner, let taskId = task.taskId, let partner = partners.partner(key: partnerKey) else { return }
        let result = TaskResultReport(taskId: taskId, taskNumber: task.taskNumber, outcomes: report.outcomes, summary: report.summary)
        try sender.send(.taskResult(result), to: partner, inboundId: inboundId, taskId: task.id, isTest: task.isTest)
        try transaction.appendLog(LogEntry(
            at: now, action: .sent, objectType: "taak", objectId: task.taskNumber.description, performer: performer,
            confidentiality: task.confidentiality, retention: task.retention, legalBasis: task.legalBasis, partner: partnerKey,
            detail: "taakResultaat: \(report.outcomes.map(\.code.rawValue).joined(separator: ", "))"))
    }

    /// A signal from the field: care to the wijkteam (no police data), undermining to police and RIEC (STRIKT).
    private func forward(_ signal: FieldSignal, from task: TaskRecord, inboundId: Int64, isTest: Bool) throws {
        let year = Amsterdam.localDate(atMilliseconds: now).year
        let signalId = "S\(year)-\(CivilCalendar.pad(try transaction.nextCounterValue("signaal-\(year)"), 6))"
        let strict = signal.kind == .undermining
        try transaction.insertSignal(signalId: signalId, kind: signal.kind, taskId: task.id, inboundId: inboundId, description: signal.description,
                                     urgency: signal.urgency ?? .normal, confidentiality: strict ? .strict : .normal, at: now)
        let receivers: [String]
        let body: MessageBody
        switch signal.kind {
        case .care:
            receivers = ["wijkteam"]
            body = .careSignal(CareSignal(signalId: signalId, taskNumber: task.taskNumber, neighbourhood: task.location?.neighbourhood,
                                          description: signal.description, urgency: signal.urgency ?? .normal))
        case .undermining:
            receivers = ["politie-on", "riec-on"]
            body = .underminingSignal(UnderminingSignal(signalId: signalId, taskNumber: task.taskNumber,
                                                        location: task.location ?? Location(point: RDPoint(x: 0, y: 0)), description: signal.description))
        }
        for key in receivers {
            guard let partner = partners.partner(key: key) else { continue }
            try sender.send(body, to: partner, inboundId: inboundId, taskId: task.id, isTest: isTest)
            try transaction.appendLog(LogEntry(
                at: now, action: .sent, objectType: "signaal", objectId: signalId, performer: performer,
                confidentiality: strict ? .strict : .normal, retention: strict ? RetentionPeriod(years: 5) : LegalBasis.gdprCare.defaultRetention,
                legalBasis: strict ? task.legalBasis : .gdprCare, partner: key,
                detail: "\(strict ? "ondermijningSignaal" : "zorgSignaal") bij taak \(task.taskNumber)"))
        }
    }
}

/// The forward-only status machine of field reports (KOPPELVLAK §6.5).
enum FieldReportRules {
    private static func rank(_ status: TaskStatus) -> Int? {
        switch status {
        case .planned: 0
        case .enRoute: 1
        case .onSite: 2
        case .completed: 3
        default: nil
        }
    }

    /// Whether a report may move a task from one status to another (a isRepeat is handled apart).
    static func allows(from current: TaskStatus, to reported: TaskStatus) -> Bool {
        guard let from = rank(current), from < 3 else { return false }  // only from INGEPLAND, ONDERWEG, TER_PLAATSE
        switch reported {
        case .aborted, .handedToPolice: return true
        default: return (rank(reported) ?? -1) > from
        }
    }
}
