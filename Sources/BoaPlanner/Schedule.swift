import BoaCore

/// The planner's working state: every officer's shifts with the visits in them, in time order.
/// Hard rules (KOPPELVLAK §8.1) are checked here; they are filters, never weights.
struct Schedule {
    let problem: PlanningProblem
    let settings: PlannerSettings
    /// Officers are known by their place in `problem.officers` (an index), service numbers only at the edges.
    let officerIndexes: [String: Int]
    /// Each officer's place among the service numbers sorted: the fixed tie-break, without comparing strings.
    let officerRanks: [Int]
    /// Each officer's home neighbourhood as a number (-1: none); see ``neighbourhoodCode(_:)``.
    let officerHomes: [Int]
    /// Neighbourhood names as numbers.
    let neighbourhoodCodes: [String: Int]
    /// Each officer's shifts (indexes into `problem.shifts`), by start.
    let shiftsByOfficer: [[Int]]
    /// The same, end to end in one array: officer `o`'s shifts from `shiftOffsets[o]` on (the slot search reads
    /// them without taking hold of an array per officer).
    let shiftFlat: [Int]
    /// Where each officer's shifts begin in ``shiftFlat``.
    let shiftOffsets: [Int]
    /// Each shift's start (as in `problem.shifts`), for the slot search's first filters.
    let shiftStarts: [Int]
    /// Each shift's end, likewise.
    let shiftEnds: [Int]
    /// The officer of each shift (-1: an officer not in the problem).
    let shiftOfficers: [Int]
    /// Absences by officer.
    let absencesByOfficer: [[AbsenceFacts]]
    /// Tasks by id.
    let tasks: [Int64: TaskFacts]
    /// Shift indexes by shift id.
    let shiftIndexes: [Int64: Int]
    /// The stops of each shift (index into `problem.shifts`), by start.
    private(set) var stops: [[Stop]]
    /// Per shift, its longest gap as the slot search walks them (shift start to the first stop, each stop's end to
    /// the next stop's start, the last stop's end to the shift's end): a shift whose longest gap is shorter than a
    /// task's work holds no slot for it.
    private(set) var longestFree: [Int]
    /// The visits planned, by task.
    private(set) var visits: [Int64: Visit] = [:]
    /// Planned minutes of work per officer (for a fair spread).
    private(set) var load: [Int]
    /// Per task, the officers who may ever do it and their shifts in its window (shared by copies: it never changes).
    let eligibility = EligibilityCache()
    /// The score each visit had when it was placed.
    var scores: [Int64: Score] = [:]
    /// Each officer's deeds with their validity in minutes.
    let deedSpans: [[DeedSpan]]

    /// A visit's place in one officer's shift.
    struct Stop: Hashable {
        var taskId: Int64
        var start: Int
        var end: Int
        var point: RDPoint
        /// The visit has started (it stays as it is, absences notwithstanding).
        var pinned: Bool
        /// The task's priority (so that ``Planner/displace(_:in:problem:)`` passes over work it may not move without
        /// looking the task up).
        var priority: Priority
        /// Minutes of travel to it from the stop before it (or from the shift's start point).
        var travelIn = 0
    }

    init(problem: PlanningProblem) {
        self.problem = problem
        settings = problem.settings
        var indexes: [String: Int] = [:]
        for (index, officer) in problem.officers.enumerated() where indexes[officer.id] == nil { indexes[officer.id] = index }
        officerIndexes = indexes
        var ranks = Array(repeating: 0, count: problem.officers.count)
        for (rank, index) in problem.officers.indices.sorted(by: { (problem.officers[$0].id, $0) < (problem.officers[$1].id, $1) }).enumerated() {
            ranks[index] = rank
        }
        officerRanks = ranks
        var codes: [String: Int] = [:]
        var homes: [Int] = []
        for officer in problem.officers {
            guard let home = officer.homeNeighbourhood else {
                homes.append(-1)
                continue
            }
            if codes[home] == nil { codes[home] = codes.count }
            homes.append(codes[home] ?? -1)
        }
        neighbourhoodCodes = codes
        officerHomes = homes
        var byOfficer = Array(repeating: [Int](), count: problem.officers.count)
        var owners = Array(repeating: -1, count: problem.shifts.count)
        for (index, shift) in problem.shifts.enumerated() {
            guard let officer = indexes[shift.officerId] else { continue }
            owners[index] = officer
            byOfficer[officer].append(index)
        }
        for officer in byOfficer.indices {
            byOfficer[officer].sort { (problem.shifts[$0].start, problem.shifts[$0].id) < (problem.shifts[$1].start, problem.shifts[$1].id) }
        }
        shiftsByOfficer = byOfficer
        shiftFlat = byOfficer.flatMap { $0 }
        shiftOffsets = byOfficer.reduce(into: [0]) { offsets, shifts in offsets.append(offsets[offsets.count - 1] + shifts.count) }
        shiftStarts = problem.shifts.map(\.start)
        shiftEnds = problem.shifts.map(\.end)
        shiftOfficers = owners
        var absences = Array(repeating: [AbsenceFacts](), count: problem.officers.count)
        for absence in problem.absences {
            if let officer = indexes[absence.officerId] { absences[officer].append(absence) }
        }
        absencesByOfficer = absences
        var tasks: [Int64: TaskFacts] = [:]
        tasks.reserveCapacity(problem.tasks.count)
        for task in problem.tasks { tasks[task.id] = task }
        self.tasks = tasks
        var shiftIndexes: [Int64: Int] = [:]
        for (index, shift) in problem.shifts.enumerated() { shiftIndexes[shift.id] = index }
        self.shiftIndexes = shiftIndexes
        stops = Array(repeating: [], count: problem.shifts.count)
        longestFree = problem.shifts.map { $0.end - $0.start }
        load = Array(repeating: 0, count: problem.officers.count)
        deedSpans = problem.officers.map(Schedule.deedSpans)
        eligibility.needs.reserveCapacity(problem.tasks.count)
    }

    /// A deed's validity in minutes since the epoch: from the start of `geldigVan` to the start of the day after
    /// `geldigTot` (exclusive). Worked out once per officer: the calendar is not cheap.
    struct DeedSpan {
        var domain: Domain
        /// The powers as bits (``Schedule/powerBits(_:)``).
        var powers: UInt64
        var from: Int
        var endExclusive: Int
    }

    static func deedSpans(_ officer: OfficerFacts) -> [DeedSpan] {
        officer.deeds.map { deed in
            DeedSpan(domain: deed.domain, powers: powerBits(deed.powers), from: Int(Amsterdam.startOfDay(deed.validFrom) / 60_000),
                     endExclusive: Int(Amsterdam.startOfDay(deed.validUntil.adding(days: 1)) / 60_000))
        }
    }

    /// A set of powers as bits, one per code of ``Power`` (in the order of `allCases`).
    static func powerBits(_ powers: Set<Power>) -> UInt64 {
        var bits: UInt64 = 0
        for power in powers {
            if let index = Power.allCases.firstIndex(of: power), index < 64 { bits |= 1 << UInt64(index) }
        }
        return bits
    }

    /// The service number of an officer index.
    func officerId(_ officer: Int) -> String { problem.officers[officer].id }

    /// A neighbourhood as the number officers' homes are compared with: nil when the task names none (no
    /// home-buurt term), -2 when no officer lives there.
    func neighbourhoodCode(_ name: String?) -> Int? {
        guard let name else { return nil }
        return neighbourhoodCodes[name] ?? -2
    }

    // MARK: static filters

    /// Whether a deed carries the task's domain and all its powers and covers at least one start: the work must
    /// end (inclusive of its last minute) before the day after `validUntil`. One deed must carry all the powers.
    @inline(__always)
    static func window(_ deed: DeedSpan, _ task: TaskFacts, powers: UInt64) -> ClosedRange<Int>? {
        guard deed.domain == task.domain, deed.powers & powers == powers else { return nil }
        let until = deed.endExclusive - task.durationMinutes
        return deed.from <= until ? deed.from...until : nil
    }

    /// Whether an officer holds a deed for the task (domain, powers, valid for some start of the work).
    func hasDeed(_ officer: Int, _ task: TaskFacts, powers: UInt64) -> Bool {
        deedSpans[officer].contains { Schedule.window($0, task, powers: powers) != nil }
    }

    // MARK: feasible starts

    /// Where a task could go in one officer's shift: a gap between stops and the start minutes that fit it.
    struct Slot {
        /// The officer (an index into `problem.officers`).
        var officer: Int
        var shiftIndex: Int
        var gap: Int
        var earliest: Int
        var latest: Int
        var travelIn: Int
        /// Extra travel the insertion causes in this shift.
        var detour: Int
    }

    /// What a task needs, worked out once per task: its powers as bits, the officers who may ever do it (active,
    /// screened, a qualifying deed) and those of them with shifts that meet its window from `now` on.
    struct Needs {
        var powers: UInt64
        /// The officers who meet the task's requirement (shared by every task with that requirement); the eligible
        /// ones are those of them with a deed valid for it (``Schedule/eligibleOfficers(_:)``).
        var qualified: [Int]
        var candidates: [Candidate]
    }

    /// An officer who may ever do a task, with the positions in ``shiftsByOfficer`` between which lie all the
    /// officer's shifts that meet the task's window from `now` (the only `notBefore` the planner uses).
    struct Candidate {
        /// Kept narrow (12 bytes): every task keeps its candidates for the whole run.
        private var officerIndex: Int32
        private var low: Int32
        private var high: Int32

        init(officer: Int, shifts: Range<Int>) {
            officerIndex = Int32(officer)
            low = Int32(shifts.lowerBound)
            high = Int32(shifts.upperBound)
        }

        var officer: Int { Int(officerIndex) }
        var shifts: Range<Int> { Int(low)..<Int(high) }
    }

    /// The requirements by which officers are sorted out once for all tasks that share them.
    struct Requirement: Hashable {
        var domain: Domain
        var powers: UInt64
        var confidentiality: Confidentiality
    }

    /// The needs of a task (worked out once, then shared).
    func needs(_ task: TaskFacts) -> Needs {
        if let known = eligibility.needs[task.id] { return known }
        let powers = Schedule.powerBits(task.powers)
        let requirement = Requirement(domain: task.domain, powers: powers, confidentiality: task.confidentiality)
        let qualified: [Int]
        if let known = eligibility.qualified[requirement] {
            qualified = known
        } else {
            qualified = problem.officers.indices.filter { index in
                let officer = problem.officers[index]
                return officer.active && officer.screening >= task.confidentiality
                    && deedSpans[index].contains { $0.domain == task.domain && $0.powers & powers == powers }
            }
            eligibility.qualified[requirement] = qualified
        }
        let windowStart = max(task.earliestStart, problem.now)
        var candidates: [Candidate] = []
        for officer in qualified where hasDeed(officer, task, powers: powers) {
            var low = -1
            var high = -1
            let base = shiftOffsets[officer]
            for position in 0..<(shiftOffsets[officer + 1] - base) {
                guard meetsWindow(shiftFlat[base + position], task, windowStart: windowStart) else { continue }
                if low < 0 { low = position }
                high = position + 1
            }
            if low >= 0 { candidates.append(Candidate(officer: officer, shifts: low..<high)) }
        }
        let result = Needs(powers: powers, qualified: qualified, candidates: candidates)
        eligibility.needs[task.id] = result
        return result
    }

    /// The officers who may ever do a task (active, screened, a qualifying deed).
    func eligibleOfficers(_ task: TaskFacts) -> [Int] {
        let needs = needs(task)
        return needs.qualified.filter { hasDeed($0, task, powers: needs.powers) }
    }

    /// The candidates of a task: ``eligibleOfficers(_:)`` with shifts in its window.
    func candidates(_ task: TaskFacts) -> [Candidate] { needs(task).candidates }

    /// Whether a shift (an index into `problem.shifts`) could hold the task's work at all (from `windowStart` to the
    /// deadline).
    @inline(__always)
    func meetsWindow(_ shiftIndex: Int, _ task: TaskFacts, windowStart: Int) -> Bool {
        shiftEnds[shiftIndex] >= windowStart + task.durationMinutes && shiftStarts[shiftIndex] <= task.deadline - task.durationMinutes
    }

    /// Every slot of an officer for a task, honouring shift, travel, window, deed dates and absences.
    func slots(for task: TaskFacts, officer: Int, notBefore: Int) -> [Slot] {
        let facts = problem.officers[officer]
        guard facts.active, facts.screening >= task.confidentiality else { return [] }
        var result: [Slot] = []
        appendSlots(for: task, powers: Schedule.powerBits(task.powers), officer: officer, shifts: shiftsByOfficer[officer].indices, notBefore: notBefore,
                    into: &result)
        return result
    }

    /// Appends the slots of an officer in the shifts at `positions` of ``shiftsByOfficer`` (screening and activity
    /// already checked): shift, travel, window, deed dates and absences are honoured here.
    func appendSlots(for task: TaskFacts, powers: UInt64, officer: Int, shifts positions: Range<Int>, notBefore: Int, into result: inout [Slot]) {
        let duration = task.durationMinutes
        let windowStart = max(task.earliestStart, notBefore)
        let windowEnd = task.deadline
        let shiftBase = shiftOffsets[officer]
        // A shift with no gap as long as the work, or outside the window, holds no slot: most are passed over here,
        // before the officer's deeds and absences are looked at.
        @inline(__always)
        func mayHold(_ position: Int) -> Bool {
            let shiftIndex = shiftFlat[shiftBase + position]
            return longestFree[shiftIndex] >= duration && meetsWindow(shiftIndex, task, windowStart: windowStart)
        }
        guard let firstShift = positions.first(where: mayHold) else { return }
        let deeds = deedSpans[officer]
        guard deeds.contains(where: { Schedule.window($0, task, powers: powers) != nil }) else { return }
        let absences = absencesByOfficer[officer]
        for position in firstShift..<positions.upperBound where mayHold(position) {
            let shiftIndex = shiftFlat[shiftBase + position]
            let shift = problem.shifts[shiftIndex]
            let shiftStops = stops[shiftIndex]
            let origin = shift.startPoint ?? settings.homeBase
            // Gaps before the next stop minus the work's length ends before the window opens cannot hold it (stops
            // are sorted by start, so those gaps come first); nor can gaps opening after the window's last start.
            var first = 0
            var beyond = shiftStops.count
            // Usually the window opens before the first stop's gap closes (nothing to pass over): one comparison.
            if beyond > 0, shiftStops[0].start - duration >= windowStart { beyond = 0 }
            while first < beyond {
                let middle = (first + beyond) / 2
                if shiftStops[middle].start - duration < windowStart { first = middle + 1 } else { beyond = middle }
            }
            // Travel is symmetric: the trip out of the task to the stop after gap `g` is the trip into it from that
            // stop for gap `g + 1`, so it is carried over.
            var carried: Int?
            for gap in first...shiftStops.count {
                let previousEnd = gap == 0 ? shift.start : shiftStops[gap - 1].end
                // Stops are sorted and do not overlap, so their ends only grow: no later gap can hold the work either.
                if previousEnd > windowEnd - duration { break }
                // A gap too short for the work even without travel is passed over without working the travel out.
                let nextStart = gap < shiftStops.count ? shiftStops[gap].start : shift.end
                if min(nextStart, shift.end, windowEnd) - max(previousEnd, windowStart) < duration {
                    carried = nil
                    continue
                }
                let previousPoint = gap == 0 ? origin : shiftStops[gap - 1].point
                let travelIn = carried ?? settings.travelMinutes(previousPoint, task.point)
                var lower = max(previousEnd + travelIn, windowStart)
                var upper = min(shift.end, windowEnd) - duration
                var detour = travelIn
                if gap < shiftStops.count {
                    let next = shiftStops[gap]
                    let travelOut = settings.travelMinutes(task.point, next.point)
                    carried = travelOut
                    upper = min(upper, next.start - travelOut - duration)
                    detour += travelOut - next.travelIn
                    // The next stop is now reached from this task: its travel, just before it starts, must not
                    // touch an absence either (a longer trip than before can reach back into one).
                    let departure = next.start - travelOut
                    if !next.pinned, absences.contains(where: { $0.from < next.start && departure < ($0.until ?? Int.max) }) {
                        continue
                    }
                }
                if lower > upper { continue }
                if absences.isEmpty {
                    // The usual case: only the deeds' dates to honour.
                    for deed in deeds {
                        guard let window = Schedule.window(deed, task, powers: powers) else { continue }
                        let from = max(lower, window.lowerBound)
                        let to = min(upper, window.upperBound)
                        if from <= to {
                            result.append(Slot(officer: officer, shiftIndex: shiftIndex, gap: gap, earliest: from, latest: to, travelIn: travelIn, detour: detour))
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
                        guard let window = Schedule.window(deed, task, powers: powers) else { continue }
                        lower = max(piece.lowerBound, window.lowerBound)
                        upper = min(piece.upperBound, window.upperBound)
                        if lower <= upper {
                            result.append(Slot(officer: officer, shiftIndex: shiftIndex, gap: gap, earliest: lower, latest: upper,
                                               travelIn: travelIn, detour: detour))
                        }
                    }
                }
            }
        }
    }

    // MARK: changing the plan

    /// Adds a visit: each member's stop goes into its shift in time order.
    mutating func add(_ visit: Visit) {
        guard let task = tasks[visit.taskId] else { return }
        for member in visit.members {
            guard let shiftIndex = shiftIndexes[member.shiftId] else { continue }
            let stop = Stop(taskId: task.id, start: visit.start, end: visit.start + task.durationMinutes, point: task.point, pinned: task.pinned,
                            priority: task.priority)
            let position = stops[shiftIndex].firstIndex { $0.start > stop.start } ?? stops[shiftIndex].count
            stops[shiftIndex].insert(stop, at: position)
            updateTravel(shiftIndex, at: position)
            updateTravel(shiftIndex, at: position + 1)
            updateLongestFree(shiftIndex)
            if let officer = officerIndexes[member.officerId] { load[officer] += task.durationMinutes }
        }
        visits[visit.taskId] = visit
    }

    /// The lowest task id of a visit with a stop whose trip from the stop before it (its ``Stop/travelIn``, kept as
    /// the plan is now) or whose work touches an absence of its officer; started (pinned) work is exempt. Taking a
    /// stop out makes the trip to the one after it start from further away, and so earlier: it can then reach back
    /// into an absence that lies in the idle time before that stop, which no slot search saw.
    func firstVisitTouchingAbsence() -> Int64? {
        var first: Int64?
        for (shiftIndex, shiftStops) in stops.enumerated() where !shiftStops.isEmpty {
            guard let officer = officerIndexes[problem.shifts[shiftIndex].officerId] else { continue }
            let absences = absencesByOfficer[officer]
            if absences.isEmpty { continue }
            for stop in shiftStops where !stop.pinned && stop.taskId < (first ?? Int64.max) {
                let departure = stop.start - stop.travelIn
                if absences.contains(where: { departure < ($0.until ?? Int.max) && $0.from < stop.end }) { first = stop.taskId }
            }
        }
        return first
    }

    /// The visits with each member's ``Visit/Member/travelMinutes`` as its shift stands now. A member's figure is
    /// recorded when its visit is placed, while its stop's ``Stop/travelIn`` follows the stops later added before it
    /// or taken out. Started (pinned) work keeps the travel it was planned with.
    func visitsWithCurrentTravel() -> [Int64: Visit] {
        var result = visits
        for (taskId, visit) in visits {
            var updated = visit
            for index in updated.members.indices {
                guard let shiftIndex = shiftIndexes[updated.members[index].shiftId],
                    let stop = stops[shiftIndex].first(where: { $0.taskId == taskId }), !stop.pinned
                else { continue }
                updated.members[index].travelMinutes = stop.travelIn
            }
            if updated != visit { result[taskId] = updated }
        }
        return result
    }

    /// Removes a task's visit.
    @discardableResult
    mutating func remove(_ taskId: Int64) -> Visit? {
        guard let visit = visits.removeValue(forKey: taskId), let task = tasks[taskId] else { return nil }
        for member in visit.members {
            guard let shiftIndex = shiftIndexes[member.shiftId] else { continue }
            while let position = stops[shiftIndex].firstIndex(where: { $0.taskId == taskId }) {
                stops[shiftIndex].remove(at: position)
                updateTravel(shiftIndex, at: position)
            }
            updateLongestFree(shiftIndex)
            if let officer = officerIndexes[member.officerId] { load[officer] -= task.durationMinutes }
        }
        return visit
    }

    /// Works out the travel into the stop at `position` of a shift (if there is one there) from the one before it.
    private mutating func updateTravel(_ shiftIndex: Int, at position: Int) {
        guard position < stops[shiftIndex].count else { return }
        let from = position == 0 ? (problem.shifts[shiftIndex].startPoint ?? settings.homeBase) : stops[shiftIndex][position - 1].point
        stops[shiftIndex][position].travelIn = settings.travelMinutes(from, stops[shiftIndex][position].point)
    }

    /// Works out ``longestFree`` of a shift again (gaps measured exactly as ``appendSlots`` measures them).
    private mutating func updateLongestFree(_ shiftIndex: Int) {
        let shift = problem.shifts[shiftIndex]
        var longest = 0
        var previousEnd = shift.start
        for stop in stops[shiftIndex] {
            longest = max(longest, stop.start - previousEnd)
            previousEnd = stop.end
        }
        longestFree[shiftIndex] = max(longest, shift.end - previousEnd)
    }

    /// The shift index of a shift id.
    func shiftIndex(_ id: Int64) -> Int? { shiftIndexes[id] }
}

/// Facts about tasks that never change during a planning run, shared between copies of a schedule.
final class EligibilityCache {
    /// Per task, what it needs.
    var needs: [Int64: Schedule.Needs] = [:]
    /// Per requirement, the officers who meet it (active, screened, a deed with the domain and powers).
    var qualified: [Schedule.Requirement: [Int]] = [:]
}
