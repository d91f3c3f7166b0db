import BoaCore

/// The planner's working state: every officer's shifts with the visits in them, in time order.
/// Hard rules (KOPPELVLAK §8.1) are checked here; they are filters, never weights.
struct Schedule {
    let problem: PlanningProblem
    let settings: PlannerSettings
    /// Officers by id.
    let officers: [String: OfficerFacts]
    /// Each officer's shifts, by start.
    let shiftsByOfficer: [String: [Int]]
    /// Absences by officer.
    let absencesByOfficer: [String: [AbsenceFacts]]
    /// Tasks by id.
    let tasks: [Int64: TaskFacts]
    /// Shift indexes by shift id.
    let shiftIndexes: [Int64: Int]
    /// The stops of each shift (index into `problem.shifts`), by start.
    private(set) var stops: [[Stop]]
    /// The visits planned, by task.
    private(set) var visits: [Int64: Visit] = [:]
    /// Planned minutes of work per officer (for a fair spread).
    private(set) var load: [String: Int] = [:]
    /// Per task, the officers who may ever do it with their deed windows (shared by copies: it never changes).
    let eligibility = EligibilityCache()
    /// The score each visit had when it was placed.
    var scores: [Int64: Score] = [:]
    /// Each officer's deeds with their validity in minutes.
    let deedSpans: [String: [DeedSpan]]

    /// A visit's place in one officer's shift.
    struct Stop: Hashable {
        var taskId: Int64
        var start: Int
        var end: Int
        var point: RDPoint
    }

    init(problem: PlanningProblem) {
        self.problem = problem
        settings = problem.settings
        var officers: [String: OfficerFacts] = [:]
        for officer in problem.officers { officers[officer.id] = officer }
        self.officers = officers
        var byOfficer: [String: [Int]] = [:]
        for (index, shift) in problem.shifts.enumerated() { byOfficer[shift.officerId, default: []].append(index) }
        for key in byOfficer.keys { byOfficer[key]?.sort { (problem.shifts[$0].start, problem.shifts[$0].id) < (problem.shifts[$1].start, problem.shifts[$1].id) } }
        shiftsByOfficer = byOfficer
        var absences: [String: [AbsenceFacts]] = [:]
        for absence in problem.absences { absences[absence.officerId, default: []].append(absence) }
        absencesByOfficer = absences
        var tasks: [Int64: TaskFacts] = [:]
        for task in problem.tasks { tasks[task.id] = task }
        self.tasks = tasks
        var indexes: [Int64: Int] = [:]
        for (index, shift) in problem.shifts.enumerated() { indexes[shift.id] = index }
        shiftIndexes = indexes
        stops = Array(repeating: [], count: problem.shifts.count)
        var spans: [String: [DeedSpan]] = [:]
        for officer in problem.officers { spans[officer.id] = Schedule.deedSpans(officer) }
        deedSpans = spans
    }

    /// A deed's validity in minutes since the epoch: from the start of `geldigVan` to the start of the day after
    /// `geldigTot` (exclusive). Worked out once per officer: the calendar is not cheap.
    struct DeedSpan {
        var domain: Domain
        var powers: Set<Power>
        var from: Int
        var endExclusive: Int
    }

    static func deedSpans(_ officer: OfficerFacts) -> [DeedSpan] {
        officer.deeds.map { deed in
            DeedSpan(domain: deed.domain, powers: deed.powers, from: Int(Amsterdam.startOfDay(deed.validFrom) / 60_000),
                     endExclusive: Int(Amsterdam.startOfDay(deed.validUntil.adding(days: 1)) / 60_000))
        }
    }

    // MARK: static filters

    /// The ranges of start minutes a qualifying deed covers: all the work's local dates within its validity.
    /// Only a deed that carries the task's domain and all its powers counts (one deed must carry all).
    func deedWindows(_ officer: OfficerFacts, _ task: TaskFacts) -> [ClosedRange<Int>] {
        (deedSpans[officer.id] ?? Schedule.deedSpans(officer)).compactMap { deed in
            guard deed.domain == task.domain, task.powers.isSubset(of: deed.powers) else { return nil }
            // The work must end (inclusive of its last minute) before the day after `validUntil`.
            let until = deed.endExclusive - task.durationMinutes
            return deed.from <= until ? deed.from...until : nil
        }
    }

    // MARK: feasible starts

    /// Where a task could go in one officer's shift: a gap between stops and the start minutes that fit it.
    struct Slot {
        var officerId: String
        var shiftIndex: Int
        var gap: Int
        var earliest: Int
        var latest: Int
        var travelIn: Int
        /// Extra travel the insertion causes in this shift.
        var detour: Int
    }

    /// The officers who may ever do a task (active, screened, a qualifying deed), with their deed windows.
    func eligibleOfficers(_ task: TaskFacts) -> [(officer: OfficerFacts, deeds: [ClosedRange<Int>])] {
        if let known = eligibility.officers[task.id] { return known }
        var result: [(officer: OfficerFacts, deeds: [ClosedRange<Int>])] = []
        for officer in problem.officers where officer.active && officer.screening >= task.confidentiality {
            let deeds = deedWindows(officer, task)
            if !deeds.isEmpty { result.append((officer, deeds)) }
        }
        eligibility.officers[task.id] = result
        return result
    }

    /// An officer who may ever do a task, with the deed windows and the shifts that meet the task's window
    /// from `now` on (the only `notBefore` the planner uses).
    struct Candidate {
        var officer: OfficerFacts
        var deeds: [ClosedRange<Int>]
        var shifts: [Int]
    }

    /// The candidates of a task: ``eligibleOfficers(_:)`` with their shifts in the window (worked out once).
    func candidates(_ task: TaskFacts) -> [Candidate] {
        if let known = eligibility.candidates[task.id] { return known }
        let windowStart = max(task.earliestStart, problem.now)
        var result: [Candidate] = []
        for (officer, deeds) in eligibleOfficers(task) {
            let shifts = (shiftsByOfficer[officer.id] ?? []).filter { meetsWindow(problem.shifts[$0], task, windowStart: windowStart) }
            if !shifts.isEmpty { result.append(Candidate(officer: officer, deeds: deeds, shifts: shifts)) }
        }
        eligibility.candidates[task.id] = result
        return result
    }

    /// Whether a shift could hold the task's work at all (from `windowStart` to the deadline).
    func meetsWindow(_ shift: ShiftFacts, _ task: TaskFacts, windowStart: Int) -> Bool {
        shift.end >= windowStart + task.durationMinutes && shift.start <= task.deadline - task.durationMinutes
    }

    /// Every slot of an officer for a task, honouring shift, travel, window, deed dates and absences.
    func slots(for task: TaskFacts, officer: OfficerFacts, notBefore: Int) -> [Slot] {
        guard officer.active, officer.screening >= task.confidentiality else { return [] }
        return slots(for: task, officer: officer, deeds: deedWindows(officer, task), notBefore: notBefore)
    }

    /// Every slot of an officer whose deed windows are known.
    func slots(for task: TaskFacts, officer: OfficerFacts, deeds: [ClosedRange<Int>], notBefore: Int) -> [Slot] {
        slots(for: task, officer: officer, deeds: deeds, shifts: shiftsByOfficer[officer.id] ?? [], notBefore: notBefore)
    }

    /// The slots of a candidate (the planner's usual way in).
    func slots(for task: TaskFacts, candidate: Candidate, notBefore: Int) -> [Slot] {
        slots(for: task, officer: candidate.officer, deeds: candidate.deeds, shifts: candidate.shifts, notBefore: notBefore)
    }

    /// Every slot of an officer in the given shifts (of that officer), whose deed windows are known.
    func slots(for task: TaskFacts, officer: OfficerFacts, deeds: [ClosedRange<Int>], shifts: [Int], notBefore: Int) -> [Slot] {
        guard !deeds.isEmpty else { return [] }
        let absences = absencesByOfficer[officer.id] ?? []
        let duration = task.durationMinutes
        let windowStart = max(task.earliestStart, notBefore)
        let windowEnd = task.deadline
        var result: [Slot] = []
        for shiftIndex in shifts {
            let shift = problem.shifts[shiftIndex]
            if !meetsWindow(shift, task, windowStart: windowStart) { continue }
            let shiftStops = stops[shiftIndex]
            let origin = shift.startPoint ?? settings.homeBase
            // Gaps before the next stop minus the work's length ends before the window opens cannot hold it (stops
            // are sorted by start, so those gaps come first); nor can gaps opening after the window's last start.
            var first = 0
            var beyond = shiftStops.count
            while first < beyond {
                let middle = (first + beyond) / 2
                if shiftStops[middle].start - duration < windowStart { first = middle + 1 } else { beyond = middle }
            }
            for gap in first...shiftStops.count {
                let previousEnd = gap == 0 ? shift.start : shiftStops[gap - 1].end
                if previousEnd > windowEnd - duration { continue }
                let previousPoint = gap == 0 ? origin : shiftStops[gap - 1].point
                let travelIn = settings.travelMinutes(previousPoint, task.point)
                var lower = max(previousEnd + travelIn, windowStart)
                var upper = min(shift.end, windowEnd) - duration
                var detour = travelIn
                if gap < shiftStops.count {
                    let next = shiftStops[gap]
                    let travelOut = settings.travelMinutes(task.point, next.point)
                    upper = min(upper, next.start - travelOut - duration)
                    detour += travelOut - settings.travelMinutes(previousPoint, next.point)
                    // The next stop is now reached from this task: its travel, just before it starts, must not
                    // touch an absence either (a longer trip than before can reach back into one).
                    let departure = next.start - travelOut
                    if absences.contains(where: { $0.from < next.start && departure < ($0.until ?? Int.max) }), !(tasks[next.taskId]?.pinned ?? false) {
                        continue
                    }
                }
                if lower > upper { continue }
                if absences.isEmpty {
                    // The usual case: only the deeds' dates to honour.
                    for deed in deeds {
                        let from = max(lower, deed.lowerBound)
                        let to = min(upper, deed.upperBound)
                        if from <= to {
                            result.append(Slot(officerId: officer.id, shiftIndex: shiftIndex, gap: gap, earliest: from, latest: to, travelIn: travelIn, detour: detour))
                        }
                    }
                    continue
                }
                // Absences: the travel and the work must not touch one.
                var pieces = [lower...upper]
                for absence in absences {
                    let blockedFrom = absence.from - duration  // exclusive
                    let blockedUntil = (absence.until ?? Int.max / 4) + travelIn  // exclusive
                    pieces = pieces.flatMap { piece -> [ClosedRange<Int>] in
                        var parts: [ClosedRange<Int>] = []
                        if piece.lowerBound <= blockedFrom { parts.append(piece.lowerBound...min(piece.upperBound, blockedFrom)) }
                        if piece.upperBound >= blockedUntil { parts.append(max(piece.lowerBound, blockedUntil)...piece.upperBound) }
                        return parts
                    }
                }
                // Deed validity on the dates of the work.
                for piece in pieces {
                    for deed in deeds {
                        lower = max(piece.lowerBound, deed.lowerBound)
                        upper = min(piece.upperBound, deed.upperBound)
                        if lower <= upper {
                            result.append(Slot(officerId: officer.id, shiftIndex: shiftIndex, gap: gap, earliest: lower, latest: upper,
                                               travelIn: travelIn, detour: detour))
                        }
                    }
                }
            }
        }
        return result
    }

    // MARK: changing the plan

    /// Adds a visit: each member's stop goes into its shift in time order.
    mutating func add(_ visit: Visit) {
        guard let task = tasks[visit.taskId] else { return }
        for member in visit.members {
            guard let shiftIndex = shiftIndexes[member.shiftId] else { continue }
            let stop = Stop(taskId: task.id, start: visit.start, end: visit.start + task.durationMinutes, point: task.point)
            let position = stops[shiftIndex].firstIndex { $0.start > stop.start } ?? stops[shiftIndex].count
            stops[shiftIndex].insert(stop, at: position)
            load[member.officerId, default: 0] += task.durationMinutes
        }
        visits[visit.taskId] = visit
    }

    /// Removes a task's visit.
    @discardableResult
    mutating func remove(_ taskId: Int64) -> Visit? {
        guard let visit = visits.removeValue(forKey: taskId), let task = tasks[taskId] else { return nil }
        for member in visit.members {
            guard let shiftIndex = shiftIndexes[member.shiftId] else { continue }
            stops[shiftIndex].removeAll { $0.taskId == taskId }
            load[member.officerId, default: 0] -= task.durationMinutes
        }
        return visit
    }

    /// The shift index of a shift id.
    func shiftIndex(_ id: Int64) -> Int? { shiftIndexes[id] }
}

/// Facts about tasks that never change during a planning run, shared between copies of a schedule.
final class EligibilityCache {
    var officers: [Int64: [(officer: OfficerFacts, deeds: [ClosedRange<Int>])]] = [:]
    var candidates: [Int64: [Schedule.Candidate]] = [:]
}
