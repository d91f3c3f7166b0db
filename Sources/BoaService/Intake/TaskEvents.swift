import BoaCore
import BoaStore

/// What happens to a task, with the messages and log rows each event causes: status changes reported to
/// the requester (`taakStatus`), officers withdrawn (`inzetIntrekking`).
struct TaskEvents {
    let transaction: StoreTransaction
    let configuration: Configuration
    let now: Int64
    let performer: String

    var sender: OutboundSender { OutboundSender(transaction: transaction, service: configuration.serviceIdentity, now: now) }

    /// Moves a task to a status; tells the requester (KOPPELVLAK §5.4: after the reaction, on every change;
    /// never for internal tasks), unless `notify` is false. A `reaction` is recorded with the status, in the same
    /// UPDATE (the planner's reaction to a request sets both).
    func setStatus(_ task: TaskRecord, _ status: TaskStatus, at time: Int64? = nil, reason: ReasonCode? = nil, explanation: String? = nil,
                   inboundId: Int64? = nil, notify: Bool = true, reaction: Reaction? = nil) throws {
        let at = time ?? now
        try transaction.setTaskStatus(task.id, status, at: at, reasonCode: reason?.rawValue, explanation: explanation, inboundId: inboundId,
                                      reaction: reaction)
        try transaction.appendLog(LogEntry(
            at: now, action: .changed, objectType: "taak", objectId: task.taskNumber.description, performer: performer,
            confidentiality: task.confidentiality, retention: task.retention, legalBasis: task.legalBasis, partner: task.partner,
            detail: "status \(task.status.rawValue) → \(status.rawValue)\(reason.map { " (\($0.rawValue))" } ?? "")"))
        guard notify, task.reaction != nil, let partnerKey = task.partner, let taskId = task.taskId,
            let partner = configuration.partners.partner(key: partnerKey)
        else { return }
        let report = TaskStatusReport(taskId: taskId, taskNumber: task.taskNumber, status: status, time: Amsterdam.timestamp(atMilliseconds: at),
                                      reasonCode: reason, explanation: explanation.map { String($0.prefix(500)) })
        try sender.send(.taskStatus(report), to: partner, inboundId: inboundId, taskId: task.id, isTest: task.isTest)
        try transaction.appendLog(LogEntry(
            at: now, action: .sent, objectType: "taak", objectId: task.taskNumber.description, performer: performer,
            confidentiality: task.confidentiality, retention: task.retention, legalBasis: task.legalBasis, partner: partnerKey,
            detail: "taakStatus \(status.rawValue)"))
    }

    /// Takes officers off a task (all active ones, or those named), sending each an `inzetIntrekking`
    /// (never for TEST tasks, which were never dispatched).
    func withdraw(_ task: TaskRecord, officers: Set<String>? = nil, reason: String, inboundId: Int64? = nil) throws {
        for assignment in try transaction.assignments(taskId: task.id) where officers?.contains(assignment.officerId) ?? true {
            try transaction.endAssignment(assignment.id, .withdrawn, at: now, reason: reason)
            try transaction.appendLog(LogEntry(
                at: now, action: .changed, objectType: "inzet", objectId: "\(task.taskNumber)/\(assignment.officerId)", performer: performer,
                confidentiality: task.confidentiality, retention: task.retention, legalBasis: task.legalBasis,
                detail: "ingetrokken: \(reason)"))
            guard !task.isTest, let app = configuration.partners.partner(key: "boa-app") else { continue }
            try sender.send(.deploymentWithdrawal(DeploymentWithdrawal(taskNumber: task.taskNumber, officerId: assignment.officerId,
                                                                       reason: String(reason.prefix(200)))),
                            to: app, inboundId: inboundId, taskId: task.id)
            try transaction.appendLog(LogEntry(
                at: now, action: .sent, objectType: "inzet", objectId: "\(task.taskNumber)/\(assignment.officerId)", performer: performer,
                confidentiality: task.confidentiality, retention: task.retention, legalBasis: task.legalBasis, partner: app.key,
                detail: "inzetIntrekking"))
        }
    }
}

/// Changes and cancellations of known tasks (KOPPELVLAK §4.2, §4.3, §10): in `tijdstipBericht` order,
/// an older one or one for a final task has no effect but is acknowledged.
struct TaskChanges {
    let transaction: StoreTransaction
    let configuration: Configuration
    let now: Int64
    let performer = "boa-coord intake"

    var events: TaskEvents { TaskEvents(transaction: transaction, configuration: configuration, now: now, performer: performer) }

    /// Applies a `taakWijziging` or `taakIntrekking` to a task; returns what it did, in words.
    @discardableResult
    mutating func apply(_ message: Message, to task: TaskRecord, partner: Partner, inboundId: Int64) throws -> String {
        let time = message.envelope.time.digits
        if task.status.isFinal {
            return try noEffect(task, "de taak is al \(task.status.rawValue)")
        }
        if let last = task.lastChangeTime, time < last {
            return try noEffect(task, "ouder (\(time)) dan de laatst toegepaste wijziging (\(last))")
        }
        switch message.body {
        case .taskChange(let change):
            var updated = task
            TaskFactory.apply(change, to: &updated)
            try transaction.updateTaskDetails(updated, changeTime: time)
            try transaction.appendLog(LogEntry(
                at: now, action: .changed, objectType: "taak", objectId: task.taskNumber.description, performer: performer,
                confidentiality: task.confidentiality, retention: task.retention, legalBasis: task.legalBasis, partner: partner.key,
                detail: "gewijzigd: \(change.reason)"))
            if change.safety?.violenceExpected == true {
                try events.withdraw(updated, reason: "geweld verwacht: de taak gaat terug naar de politie", inboundId: inboundId)
                try events.setStatus(updated, .handedToPolice, reason: .violenceExpected, explanation: "Geweld verwacht; de politie neemt de taak over.",
                                     inboundId: inboundId)
                return "overgedragen aan de politie (geweld verwacht)"
            }
            return "gewijzigd"
        case .taskCancellation(let cancellation):
            try transaction.setTaskLastChange(task.id, changeTime: time)
            try events.withdraw(task, reason: "taak ingetrokken door \(partner.key): \(cancellation.reason)", inboundId: inboundId)
            // Before the reaction was sent, no taakStatus follows: the reaction itself says DECLINE "ingetrokken".
            try events.setStatus(task, .cancelled, explanation: String(cancellation.reason.prefix(500)), inboundId: inboundId)
            return "ingetrokken"
        default:
            return "geen effect"
        }
    }

    private func noEffect(_ task: TaskRecord, _ why: String) throws -> String {
        try transaction.appendLog(LogEntry(
            at: now, action: .received, objectType: "taak", objectId: task.taskNumber.description, performer: performer,
            confidentiality: task.confidentiality, retention: task.retention, legalBasis: task.legalBasis, partner: task.partner,
            detail: "wijziging of intrekking zonder effect: \(why)"))
        return "geen effect: \(why)"
    }
}
