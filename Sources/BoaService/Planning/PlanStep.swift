import BoaCore
import BoaPlanner
import BoaStore
import Foundation

/// The planning step of a pass (KOPPELVLAK §5.3, §5.4, §5.7, §5.8, §8): decides the reaction to every new
/// task request, plans open tasks onto officers, and turns the difference with the plan officers have into
/// messages: `taakReactie`, `taakStatus`, `inzetOpdracht` (never for TEST), `inzetIntrekking`. One
/// transaction; every decision logged with its reasons.
struct PlanStep {
    let transaction: StoreTransaction
    let configuration: Configuration
    let now: Int64
    let performer = "boa-coord planner"

    enum Mode {
        /// Insert into the plan as it stands (the fast path of an event).
        case insert
        /// Re-plan everything not started.
        case reoptimise
    }

    var events: TaskEvents { TaskEvents(transaction: transaction, configuration: configuration, now: now, performer: performer) }
    var sender: OutboundSender { OutboundSender(transaction: transaction, service: configuration.serviceIdentity, now: now) }
    var settings: PlannerSettings { configuration.planner }

    /// What the step did.
    struct Report {
        var reactions = 0
        var planned = 0
        var orders = 0
        var withdrawals = 0
    }

    func run(_ mode: Mode) throws -> Report {
        var report = Report()
        let snapshot = try transaction.planningSnapshot(now: now)
        let nowMinute = Int(now / 60_000) + (now % 60_000 == 0 ? 0 : 1)
        var tasks = snapshot.openTasks

        // 1. Decisions that need no plan: tasks that reached a final status before their reaction, and the
        //    declines of §5.3 (BOA003, BOA010, BOA002, BOA008, BOA001 — the first that applies).
        var undecided: [TaskRecord] = []
        // The open tasks declined before this step or in it; they are not planned. (Known from the open tasks
        // themselves: a query for every declined task ever read the whole task table at each step.)
        var declined = Set(tasks.filter { $0.reaction == .decline }.map(\.id))
        for task in tasks where task.reaction == nil && task.partner != nil {
            if let decline = staticDecline(task, snapshot) {
                try react(task, .decline, reason: decline.0, explanation: decline.1)
                declined.insert(task.id)
                report.reactions += 1
            } else {
                undecided.append(task)
            }
        }
        // Tasks already final (cancelled in the same pass as their request) left the open list above; their reaction:
        for task in try closedWithoutReaction() {
            if task.status == .cancelled {
                try react(task, .decline, reason: nil, explanation: "ingetrokken", setStatus: false)
            } else if task.status == .handedToPolice {
                try react(task, .decline, reason: .violenceExpected, explanation: "Geweld verwacht; de politie neemt de taak over.", setStatus: false)
            }
            report.reactions += 1
        }
        tasks = tasks.filter { !declined.contains($0.id) }

        // 2. Deadlines passed unplanned: GEWEIGERD with BOA004.
        let current = Dictionary(grouping: snapshot.assignments, by: \.taskId)
        func expired(_ task: TaskRecord) -> Bool {
            (task.reaction != nil || task.partner == nil) && current[task.id] == nil && now >= task.deadline
                && [.accepted, .aborted, .received].contains(task.status)
        }
        for task in tasks where expired(task) {
            try events.setStatus(task, .declined, reason: .noCapacity, explanation: "De uiterste tijd is verstreken zonder dat de taak kon worden ingepland.")
            try transaction.setTaskReason(task.id, code: ReasonCode.noCapacity.rawValue, text: "uiterlijkGereed verstreken zonder planning")
        }
        tasks = tasks.filter { !expired($0) }

        // 3. Plan real tasks; TEST tasks are planned in the shadow of the real plan and never dispatched.
        let real = tasks.filter { !$0.isTest }
        let problem = PlanningFacts.problem(snapshot: snapshot, tasks: real, now: nowMinute, settings: settings)
        let plan = mode == .reoptimise ? Planner.reoptimise(problem) : Planner.insert(problem)
        let taskById = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0) })
        try applyPlan(plan, problem: problem, tasks: taskById, current: current, report: &report)

        let test = tasks.filter(\.isTest)
        var shadowVisits: [Int64: Visit] = [:]
        if !test.isEmpty {
            var shadow = PlanningFacts.problem(snapshot: snapshot, tasks: real + test, now: nowMinute, settings: settings)
            shadow.current = plan.visits
            for index in shadow.tasks.indices where plan.visits[shadow.tasks[index].id] != nil { shadow.tasks[index].pinned = true }
            shadowVisits = Planner.insert(shadow).visits
        }

        // 4. Reactions to the undecided requests, and status changes of the rest.
        var rounds = 0
        var openRounds: [TaskRecord]?
        for task in undecided {
            if let visit = task.isTest ? shadowVisits[task.id] : plan.visits[task.id] {
                try react(task, .accept, reason: nil, explanation: nil, visit: visit)
            } else if let reason = planningDecline(task, plan.unplanned[task.id], snapshot) {
                try react(task, .decline, reason: reason, explanation: plan.unplanned[task.id]?.funnel)
                report.reactions += 1
                continue
            } else {
                try react(task, .provisional, reason: nil, explanation: "Nog niet ingepland: \(plan.unplanned[task.id]?.funnel ?? "geen plek")")
            }
            report.reactions += 1
            // Burglary aftercare: an accepted request brings a neighbourhood round (§8.2).
            if try NeighbourhoodRound(transaction: transaction, configuration: configuration, now: now).createIfNeeded(for: task, openRounds: &openRounds) != nil {
                rounds += 1
            }
        }
        report.planned = plan.visits.count
        if rounds > 0 {
            // Plan the new rounds into the plan just made.
            let more = try run(.insert)
            report.orders += more.orders
            report.withdrawals += more.withdrawals
            report.planned = more.planned
        }
        return report
    }

    // MARK: decisions

    /// DECLINE without planning: BOA003, BOA010, BOA002, BOA008, BOA001, in that order of precedence.
    func staticDecline(_ task: TaskRecord, _ snapshot: PlanningSnapshot) -> (ReasonCode, String)? {
        if task.violenceExpected { return (.violenceExpected, "Geweld verwacht: dit is een taak voor de politie.") }
        if task.deadline <= now { return (.deadlinePassed, "De uiterste tijd is al verstreken.") }
        if let point = task.location?.point, !settings.workArea.contains(point) {
            return (.outsideWorkArea, "De plaats ligt buiten het werkgebied.")
        }
        if !task.retention.isPositive {
            return (.basisNotAllowed, "Een bewaartermijn van nul of minder is niet toegestaan.")
        }
        if task.confidentiality == .strict, !task.legalBasis.allowsStrictConfidentiality {
            return (.basisNotAllowed, "Vertrouwelijkheid STRIKT vraagt grondslag WPG_ART9 of WPG_ART13.")
        }
        // Before any roster has arrived nobody is known yet: the task waits (PROVISIONAL) rather than being declined.
        let qualified = snapshot.officers.isEmpty || snapshot.officers.contains { officer in
            officer.active && officer.deeds.contains { $0.domain == task.domain && Set(task.powers).isSubset(of: Set($0.powers ?? [])) }
        }
        if !qualified { return (.noQualifiedOfficer, "Geen actieve BOA heeft een akte voor domein \(task.domain.rawValue)\(task.powers.isEmpty ? "" : " met \(task.powers.map(\.rawValue).joined(separator: ", "))").") }
        return nil
    }

    /// DECLINE after planning (BOA005, BOA004): only when the whole window lies inside the rostered period.
    func planningDecline(_ task: TaskRecord, _ unplanned: Unplanned?, _ snapshot: PlanningSnapshot) -> ReasonCode? {
        guard let unplanned else { return nil }
        let start = task.earliestStart ?? task.receivedAt
        let firstDay = Amsterdam.localDate(atMilliseconds: max(start, now))
        let lastDay = Amsterdam.localDate(atMilliseconds: task.deadline - 1)
        var day = firstDay
        while day <= lastDay {
            guard snapshot.rosteredPeriods.contains(where: { $0.from <= day && day < $0.until }) else { return nil }
            day = day.adding(days: 1)
        }
        return unplanned.reason == .noQualifiedOfficer ? .noQualifiedOfficer : (unplanned.reason == .teamTooSmall ? .teamTooSmall : .noCapacity)
    }

    private func closedWithoutReaction() throws -> [TaskRecord] {
        try transaction.tasksClosedWithoutReaction()
    }

    // MARK: messages

    /// Sends the reaction (`taakReactie`) and sets the status it means: ACCEPT → INGEPLAND, PROVISIONAL →
    /// GEACCEPTEERD, DECLINE → GEWEIGERD (no separate `taakStatus`: the reaction says it).
    func react(_ task: TaskRecord, _ reaction: Reaction, reason: ReasonCode?, explanation: String?, visit: Visit? = nil, setStatus: Bool = true) throws {
        guard let partnerKey = task.partner, let taskId = task.taskId, let partner = configuration.partners.partner(key: partnerKey) else { return }
        let body = TaskReaction(taskId: taskId, taskNumber: task.taskNumber, reaction: reaction, reasonCode: reason,
                                explanation: explanation.map { String($0.prefix(500)) },
                                plannedStart: visit.map { Amsterdam.timestamp(atMilliseconds: Int64($0.start) * 60_000) }, team: visit?.officerIds)
        try sender.send(.taskReaction(body), to: partner, crossReference: try requestReference(task), inboundId: task.inboundId, taskId: task.id,
                        isTest: task.isTest)
        if setStatus {
            // One UPDATE records the reaction with the status; the task's reason is the status's unless a
            // PROVISIONAL carries a reason code of its own.
            let status: TaskStatus = reaction == .accept ? .planned : (reaction == .provisional ? .accepted : .declined)
            let statusReason = reaction == .decline ? reason : nil
            try events.setStatus(task, status, reason: statusReason, explanation: explanation, notify: false, reaction: reaction)
            if reaction != .accept, statusReason != reason { try transaction.setTaskReason(task.id, code: reason?.rawValue, text: explanation) }
        } else {
            try transaction.setTaskReaction(task.id, reaction, at: now)
        }
        try transaction.appendLog(LogEntry(
            at: now, action: .sent, objectType: "taak", objectId: task.taskNumber.description, performer: performer,
            confidentiality: task.confidentiality, retention: task.retention, legalBasis: task.legalBasis, partner: partnerKey,
            detail: "taakReactie \(reaction.rawValue)\(reason.map { " \($0.rawValue)" } ?? "")\(visit.map { " om \(Amsterdam.timestamp(atMilliseconds: Int64($0.start) * 60_000)) met \($0.officerIds.joined(separator: ", "))" } ?? "")"))
    }

    private func requestReference(_ task: TaskRecord) throws -> String? {
        guard let inboundId = task.inboundId else { return nil }
        return try transaction.inboundReference(id: inboundId)
    }
}

/// Turns stored rows into the planner's facts (minutes since the epoch). Work that has started (a report
/// says so, or its planned start has passed) is pinned: the planner leaves it where it is.
enum PlanningFacts {
    static func minutes(_ milliseconds: Int64) -> Int { Int(floorDiv(milliseconds, 60_000)) }

    /// The shift id the planner is given for planned work whose shift a roster change removed (its
    /// `assignment.shift_id` became NULL). No shift row has it, so it is never written: see ``storedShift(_:)``.
    static let noShift: Int64 = 0

    /// The `assignment.shift_id` to record for a member's shift: none for ``noShift``.
    static func storedShift(_ shiftId: Int64) -> Int64? { shiftId == noShift ? nil : shiftId }

    static func problem(snapshot: PlanningSnapshot, tasks: [TaskRecord], now: Int, settings: PlannerSettings) -> PlanningProblem {
        let officers = snapshot.officers.map { officer in
            OfficerFacts(id: officer.id, active: officer.active, screening: officer.screening, homeNeighbourhood: officer.homeNeighbourhood,
                         deeds: officer.deeds.map { DeedFacts(domain: $0.domain, validFrom: $0.validFrom, validUntil: $0.validUntil, powers: Set($0.powers ?? [])) })
        }
        let shifts = snapshot.shifts.map {
            ShiftFacts(id: $0.id, officerId: $0.officerId, start: minutes($0.start), end: minutes($0.end), startPoint: $0.startPoint)
        }
        let absences = snapshot.absences.map { AbsenceFacts(officerId: $0.officerId, from: minutes($0.from), until: $0.until.map(minutes)) }
        var current: [Int64: Visit] = [:]
        for (taskId, assignments) in Dictionary(grouping: snapshot.assignments, by: \.taskId) {
            guard let first = assignments.first else { continue }
            current[taskId] = Visit(taskId: taskId, start: minutes(first.plannedStart), members: assignments.map {
                Visit.Member(officerId: $0.officerId, shiftId: $0.shiftId ?? noShift, travelMinutes: $0.travelMinutes)
            })
        }
        let facts = tasks.compactMap { task -> TaskFacts? in
            guard let point = task.location?.point else { return nil }
            return TaskFacts(
                id: task.id, number: task.taskNumber, priority: task.priority, category: task.category, receivedAt: minutes(task.receivedAt),
                earliestStart: minutes(task.earliestStart ?? task.receivedAt), deadline: minutes(task.deadline), durationMinutes: task.durationMinutes,
                teamSize: task.minimumTeam, domain: task.domain, powers: Set(task.powers), confidentiality: task.confidentiality, point: point,
                neighbourhood: task.location?.neighbourhood, preferredOfficer: task.preferredOfficer,
                pinned: task.status == .enRoute || task.status == .onSite || (current[task.id].map { visit in
                    // Planned work whose start has passed stays where it is, unless an officer of it is reported
                    // absent across it (an afmelding affects work not reported started, §10).
                    visit.start <= now && !visit.members.contains { member in
                        absences.contains { $0.officerId == member.officerId && $0.from < visit.start + task.durationMinutes && ($0.until ?? Int.max) > visit.start }
                    }
                } ?? false))
        }
        // Started work whose shift a roster change removed, with no new shift of its officer holding it, is in no
        // shift's schedule: its officers are kept busy for it, so that nothing else is planned over it.
        let busy = facts.filter(\.pinned).flatMap { task -> [AbsenceFacts] in
            guard let visit = current[task.id] else { return [] }
            return visit.members.filter { $0.shiftId == noShift }.map {
                AbsenceFacts(officerId: $0.officerId, from: visit.start, until: visit.start + task.durationMinutes)
            }
        }
        return PlanningProblem(now: now, officers: officers, shifts: shifts, absences: absences + busy, tasks: facts,
                               current: current.filter { id, _ in facts.contains { $0.id == id } }, settings: settings)
    }
}

extension PlanStep {
    /// Writes a plan: ends the assignments that changed (with `inzetIntrekking` to officers who drop out),
    /// adds the new ones (a fresh `inzetOpdracht` to every member of a new or re-planned team, with the new
    /// colleagues), and moves statuses (INGEPLAND when staffed, back to GEACCEPTEERD when not).
    func applyPlan(_ plan: Plan, problem: PlanningProblem, tasks: [Int64: TaskRecord], current: [Int64: [AssignmentRecord]], report: inout Report) throws {
        struct Change {
            var task: TaskRecord
            var visit: Visit
            var old: [AssignmentRecord]
        }
        var changes: [Change] = []
        var dropped: [(TaskRecord, [AssignmentRecord])] = []
        for taskId in tasks.keys.sorted() {
            guard let task = tasks[taskId], !task.isTest else { continue }
            let old = current[taskId] ?? []
            if let visit = plan.visits[taskId] {
                let sameStart = old.first.map { PlanningFacts.minutes($0.plannedStart) == visit.start } ?? false
                let sameTeam = old.map(\.officerId).sorted() == visit.officerIds
                if sameStart && sameTeam {
                    // Same work for the same officers: only a renewed shift id or changed travel (work before it in
                    // the shift came or went) is recorded, nothing is sent.
                    for assignment in old {
                        guard let member = visit.members.first(where: { $0.officerId == assignment.officerId }) else { continue }
                        let shiftId = PlanningFacts.storedShift(member.shiftId)
                        if shiftId != assignment.shiftId { try transaction.setAssignmentShift(assignment.id, shiftId: shiftId) }
                        if member.travelMinutes != assignment.travelMinutes {
                            try transaction.setAssignmentTravel(assignment.id, travelMinutes: member.travelMinutes)
                        }
                    }
                    continue
                }
                changes.append(Change(task: task, visit: visit, old: old))
            } else if !old.isEmpty {
                dropped.append((task, old))
            }
        }
        // First end everything that changes (so that the new assignments never overlap the old ones).
        for change in changes {
            let staying = Set(change.visit.officerIds)
            try endAssignments(change.task, change.old, notifying: change.old.filter { !staying.contains($0.officerId) }.map(\.officerId),
                               reason: "opnieuw ingepland")
            report.withdrawals += change.old.filter { !staying.contains($0.officerId) }.count
        }
        for (task, old) in dropped {
            try endAssignments(task, old, notifying: old.map(\.officerId), reason: "niemand kan de taak nu doen; de taak wordt opnieuw ingepland zodra dat kan")
            report.withdrawals += old.count
            if [.planned, .aborted].contains(task.status) {
                try events.setStatus(task, .accepted, explanation: plan.unplanned[task.id]?.funnel)
            }
            if let unplanned = plan.unplanned[task.id] { try transaction.setTaskReason(task.id, code: unplanned.reason.rawValue, text: unplanned.funnel) }
        }
        for change in changes {
            let explanation = plan.explanations[change.task.id]
            for member in change.visit.members {
                let start = Int64(change.visit.start) * 60_000
                try transaction.insertAssignment(AssignmentRecord(
                    taskId: change.task.id, officerId: member.officerId, shiftId: PlanningFacts.storedShift(member.shiftId), plannedStart: start,
                    plannedEnd: start + Int64(change.task.durationMinutes) * 60_000, travelMinutes: member.travelMinutes,
                    score: explanation.map(PlanStep.scoreJSON), reasons: explanation.map { PlanStep.reasonsJSON($0.alternatives) }, createdAt: now))
                try sendOrder(change.task, change.visit, to: member.officerId)
                report.orders += 1
            }
            try transaction.setTaskReason(change.task.id, code: nil, text: nil)
            try transaction.appendLog(LogEntry(
                at: now, action: .planned, objectType: "taak", objectId: change.task.taskNumber.description, performer: performer,
                confidentiality: change.task.confidentiality, retention: change.task.retention, legalBasis: change.task.legalBasis,
                detail: "\(change.old.isEmpty ? "ingepland" : "opnieuw ingepland") om \(Amsterdam.timestamp(atMilliseconds: Int64(change.visit.start) * 60_000)) met \(change.visit.officerIds.joined(separator: ", "))"))
            // The reaction of a new request says INGEPLAND itself; otherwise a status change is reported.
            if change.task.reaction != nil || change.task.partner == nil, [.received, .accepted, .aborted].contains(change.task.status) {
                try events.setStatus(change.task, .planned)
            }
        }
        // Unplanned tasks keep their reason up to date.
        for (taskId, unplanned) in plan.unplanned.sorted(by: { $0.key < $1.key }) where current[taskId] == nil {
            guard let task = tasks[taskId], task.reaction != nil || task.partner == nil else { continue }
            try transaction.setTaskReason(taskId, code: unplanned.reason.rawValue, text: unplanned.funnel)
            if task.status == .aborted || (task.partner == nil && task.status == .received) {
                try events.setStatus(task, .accepted, explanation: unplanned.funnel)
            }
        }
    }

    private func endAssignments(_ task: TaskRecord, _ old: [AssignmentRecord], notifying officers: [String], reason: String) throws {
        let notify = Set(officers)
        for assignment in old {
            try transaction.endAssignment(assignment.id, .withdrawn, at: now, reason: reason)
            guard notify.contains(assignment.officerId) else { continue }
            try transaction.appendLog(LogEntry(
                at: now, action: .changed, objectType: "inzet", objectId: "\(task.taskNumber)/\(assignment.officerId)", performer: performer,
                confidentiality: task.confidentiality, retention: task.retention, legalBasis: task.legalBasis, detail: "ingetrokken: \(reason)"))
            guard let app = configuration.partners.partner(key: "boa-app") else { continue }
            try sender.send(.deploymentWithdrawal(DeploymentWithdrawal(taskNumber: task.taskNumber, officerId: assignment.officerId, reason: String(reason.prefix(200)))),
                            to: app, taskId: task.id)
        }
    }

    /// `inzetOpdracht` for one officer of a team (never for TEST tasks: those never get assignments).
    private func sendOrder(_ task: TaskRecord, _ visit: Visit, to officerId: String) throws {
        guard let app = configuration.partners.partner(key: "boa-app"), let location = task.location else { return }
        let order = Deployment(
            taskNumber: task.taskNumber, officerId: officerId, colleagues: visit.officerIds.filter { $0 != officerId }, category: task.category,
            priority: task.priority, location: location, plannedStart: Amsterdam.timestamp(atMilliseconds: Int64(visit.start) * 60_000),
            estimatedMinutes: task.durationMinutes, deadline: Amsterdam.timestamp(atMilliseconds: task.deadline), confidentiality: task.confidentiality,
            description: task.description.map { String($0.prefix(1000)) },
            safety: task.safetyExplanation.map { Safety(violenceExpected: task.violenceExpected, explanation: $0) })
        try sender.send(.deployment(order), to: app, taskId: task.id)
        try transaction.appendLog(LogEntry(
            at: now, action: .sent, objectType: "inzet", objectId: "\(task.taskNumber)/\(officerId)", performer: performer,
            confidentiality: task.confidentiality, retention: task.retention, legalBasis: task.legalBasis, partner: app.key,
            detail: "inzetOpdracht om \(order.plannedStart)\(order.colleagues.isEmpty ? "" : " met \(order.colleagues.joined(separator: ", "))")"))
    }

    static func scoreJSON(_ explanation: Explanation) -> String {
        "{" + explanation.scoreParts.map { "\"\($0.name)\":\($0.value)" }.joined(separator: ",") + "}"
    }

    static func reasonsJSON(_ alternatives: [String]) -> String {
        "[" + alternatives.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ",") + "]"
    }
}
