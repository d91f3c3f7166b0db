import BoaCore
import BoaStore

/// Turns task requests and prosecutor's instructions into stored tasks with every default resolved
/// (KOPPELVLAK §4.1, §4.5, §6.1, §7, §10).
enum TaskFactory {
    /// The team size when the request names none.
    static let defaultTeam = 2
    /// The priority of an OM instruction, which carries none (docs/CONTRACT-NOTES.md).
    static let prosecutorPriority = Priority.planned

    static func task(from request: TaskRequest, number: TaskNumber, partner: String, inboundId: Int64, isTest: Bool, receivedAt: Int64) -> TaskRecord {
        TaskRecord(
            taskNumber: number, partner: partner, taskId: request.taskId, origin: .request, inboundId: inboundId, isTest: isTest,
            category: request.category, subcategory: request.subcategory, priority: request.priority,
            confidentiality: request.confidentiality ?? .normal, legalBasis: request.legalBasis,
            retention: request.retention ?? request.legalBasis.defaultRetention, sourceReference: request.sourceReference,
            principal: request.principal, description: request.description, location: request.location,
            earliestStart: request.window.earliestStart?.millisecondsSinceEpoch, deadline: request.window.deadline.millisecondsSinceEpoch,
            durationMinutes: request.estimatedMinutes ?? request.category.defaultDurationMinutes,
            domain: request.requiredDomain ?? request.category.defaultDomain, powers: Array(Set(request.requiredPowers ?? [])),
            minimumTeam: request.minimumTeam ?? defaultTeam, violenceExpected: request.safety?.violenceExpected ?? false,
            safetyExplanation: request.safety?.explanation, receivedAt: receivedAt)
    }

    static func task(from instruction: ProsecutorInstruction, number: TaskNumber, partner: String, inboundId: Int64, isTest: Bool, receivedAt: Int64) -> TaskRecord {
        // The deadline is 24:00 local time at the end of `termijn`: the start of the next day.
        let deadline = Amsterdam.startOfDay(instruction.dueDate.adding(days: 1))
        let category = Category.prosecutorInstruction
        return TaskRecord(
            taskNumber: number, partner: partner, taskId: instruction.taskId, origin: .prosecutorInstruction, inboundId: inboundId,
            isTest: isTest, category: category, priority: prosecutorPriority, confidentiality: instruction.confidentiality ?? .normal,
            legalBasis: instruction.legalBasis, retention: instruction.legalBasis.defaultRetention, description: instruction.description,
            location: instruction.location, deadline: deadline, durationMinutes: category.defaultDurationMinutes, domain: category.defaultDomain,
            powers: [], minimumTeam: defaultTeam, preferredOfficer: instruction.preferredOfficer, caseNumber: instruction.caseNumber,
            reportReference: instruction.reportReference, requestedAction: instruction.requestedAction, receivedAt: receivedAt)
    }

    /// Applies the groups a change carries to a task.
    static func apply(_ change: TaskChange, to task: inout TaskRecord) {
        if let priority = change.priority { task.priority = priority }
        if let location = change.location { task.location = location }
        if let window = change.window {
            task.earliestStart = window.earliestStart?.millisecondsSinceEpoch
            task.deadline = window.deadline.millisecondsSinceEpoch
        }
        if let minutes = change.estimatedMinutes { task.durationMinutes = minutes }
        if let team = change.minimumTeam { task.minimumTeam = team }
        if let safety = change.safety {
            task.violenceExpected = safety.violenceExpected
            task.safetyExplanation = safety.explanation
        }
        if let description = change.description { task.description = description }
    }
}
