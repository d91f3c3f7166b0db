#if canImport(Glibc)
import Glibc
#endif
import BoaCore

/// The planner (KOPPELVLAK §8): a pure function from officers, shifts, absences, open tasks, the current
/// plan and `now` to a plan with reasons. It never reads files, the database or a clock.
///
/// Two ways in: ``insert(_:tasks:)``, the fast path for an event (new or changed tasks go into the plan
/// as it stands, displacing lower-priority work not yet started when needed), and ``reoptimise(_:)``, which
/// re-plans everything not started (an exact min-cost-flow assignment step, then sequencing and local
/// improvement), with a penalty on changing what officers were already sent.
public enum Planner {
    /// Fast path: keeps the current plan (repairing visits whose officers dropped out: only the absent
    /// officer is replaced when someone can join at the same start, otherwise the task is planned anew) and
    /// inserts every open task without a visit, most important first.
    public static func insert(_ problem: PlanningProblem) -> Plan {
        var schedule = Schedule(problem: problem)
        var explanations: [Int64: Explanation] = [:]
        var pending = keepCurrent(problem, into: &schedule)
        for task in problem.tasks where schedule.visits[task.id] == nil && !task.pinned { pending.insert(task.id) }
        for taskId in ordered(pending, problem) {
            guard let task = schedule.tasks[taskId] else { continue }
            if let insertion = schedule.bestInsertion(task, notBefore: problem.now, current: problem.current[taskId]) {
                schedule.add(insertion.visit)
                schedule.scores[taskId] = insertion.score
                explanations[taskId] = explain(insertion)
            } else if let displaced = displace(task, in: &schedule, problem: problem) {
                explanations[taskId] = explain(displaced)
            }
        }
        return finish(schedule, problem, explanations)
    }

    /// Re-optimisation: started work stays; everything else is planned again. The min-cost-flow step
    /// (``AssignmentModel``) decides, for the plan as a whole, which tasks get staffed when capacity is short
    /// and by whom; tasks are then sequenced by best insertion in that order, and improved by moving each
    /// visit to its best place while that lowers its score. Changing a visit that officers were sent costs
    /// ``PlannerSettings/changePenaltyMinutes`` of travel.
    public static func reoptimise(_ problem: PlanningProblem) -> Plan {
        var schedule = Schedule(problem: problem)
        // What officers have stays where it still may (repaired where an officer dropped out); the rest is placed
        // in the order the assignment model gives: the tasks it staffs first, by priority, then the others.
        let clock = PhaseClock()
        let replan = keepCurrent(problem, into: &schedule)
        clock.mark("keep current")
        let model = AssignmentModel(problem: problem, schedule: schedule)
        let flow = model.solve()
        clock.mark("assignment model")
        let penalty = problem.settings.changePenaltyMinutes
        var explanations: [Int64: Explanation] = [:]
        let open = problem.tasks.filter { !$0.pinned }.map(\.id)
        let waiting = Set(open.filter { schedule.visits[$0] == nil }).union(replan)
        let staffedFirst = ordered(waiting, problem).sorted { (flow.unplanned.contains($0) ? 1 : 0) < (flow.unplanned.contains($1) ? 1 : 0) }
        for taskId in staffedFirst {
            guard let task = schedule.tasks[taskId] else { continue }
            if let insertion = schedule.bestInsertion(task, notBefore: problem.now, current: problem.current[taskId], changePenalty: penalty) {
                schedule.add(insertion.visit)
                schedule.scores[taskId] = insertion.score
                explanations[taskId] = explain(insertion)
            } else if let displaced = displace(task, in: &schedule, problem: problem) {
                explanations[taskId] = explain(displaced)
            }
        }
        clock.mark("insertion")
        defer { clock.mark("improvement") }
        // Local improvement, one sweep: move each visit to its best place when that scores better than the place it
        // got (work officers already have only for clearly less lateness); then retry the unplanned.
        for taskId in ordered(Set(schedule.visits.keys), problem) {
            guard let task = schedule.tasks[taskId], !task.pinned, let old = schedule.scores[taskId], let before = schedule.remove(taskId) else { continue }
            let current = problem.current[taskId]
            let asSent = current == before
            if let insertion = schedule.bestInsertion(task, notBefore: problem.now, current: current, changePenalty: penalty), insertion.score < old,
                insertion.visit.start != before.start || insertion.visit.officerIds != before.officerIds,
                !asSent || insertion.score.urgentLateness < old.urgentLateness || old.weightedLateness - insertion.score.weightedLateness >= penalty
            {
                schedule.add(insertion.visit)
                schedule.scores[taskId] = insertion.score
                explanations[taskId] = explain(insertion)
            } else {
                schedule.add(before)
            }
        }
        clock.mark("sweep")
        for taskId in ordered(Set(open.filter { schedule.visits[$0] == nil }), problem) {
            guard let task = schedule.tasks[taskId] else { continue }
            if let insertion = schedule.bestInsertion(task, notBefore: problem.now, current: problem.current[taskId], changePenalty: penalty) {
                schedule.add(insertion.visit)
                schedule.scores[taskId] = insertion.score
                explanations[taskId] = explain(insertion)
            }
        }
        return finish(schedule, problem, explanations)
    }

    /// The assignment model of the re-optimisation for `problem`, as text for an independent solver, and the
    /// optimum the planner's own min-cost flow finds for it (benchmarks compare the two).
    public static func assignmentModel(_ problem: PlanningProblem) -> (graph: String, cost: Int, seatsFilled: Int) {
        var schedule = Schedule(problem: problem)
        for task in problem.tasks where task.pinned {
            if let visit = problem.current[task.id] { schedule.add(visit) }
        }
        let model = AssignmentModel(problem: problem, schedule: schedule)
        let solution = model.solve()
        return (model.export(), solution.cost, solution.seatsFilled)
    }

    // MARK: pieces

    /// Most important first: priority, then deadline, receipt and number (a fixed order, never a hash order).
    static func ordered(_ ids: Set<Int64>, _ problem: PlanningProblem) -> [Int64] {
        let tasks = problem.tasks.filter { ids.contains($0.id) }
        return tasks.sorted { ($0.priority.rawValue, $0.deadline, $0.receivedAt, $0.number) < ($1.priority.rawValue, $1.deadline, $1.receivedAt, $1.number) }
            .map(\.id)
    }

    /// Puts the current plan into the schedule, keeping each visit whose officers may still do it and
    /// repairing teams; returns the tasks that must be planned anew.
    static func keepCurrent(_ problem: PlanningProblem, into schedule: inout Schedule) -> Set<Int64> {
        var replan: Set<Int64> = []
        let byStart = problem.current.values.sorted { ($0.start, $0.taskId) < ($1.start, $1.taskId) }
        // Everything officers have goes in first, so that every check below sees the whole plan.
        for visit in byStart where schedule.tasks[visit.taskId] != nil { schedule.add(visit) }
        // Then each visit is checked against all the others: members who may no longer do it are noted.
        var broken: [(visit: Visit, kept: [Visit.Member])] = []
        for visit in byStart {
            guard let task = schedule.tasks[visit.taskId], !task.pinned, schedule.visits[visit.taskId] != nil else { continue }
            schedule.remove(visit.taskId)
            var kept: [Visit.Member] = []
            for member in visit.members {
                guard let officer = schedule.officerIndexes[member.officerId] else { continue }
                let fits = schedule.slots(for: task, officer: officer, notBefore: problem.now).contains {
                    schedule.problem.shifts[$0.shiftIndex].id == member.shiftId && $0.earliest <= visit.start && visit.start <= $0.latest
                }
                if fits { kept.append(member) }
            }
            if kept.count == visit.members.count {
                schedule.add(visit)
            } else {
                broken.append((visit, kept))
            }
        }
        // A broken team keeps its start if others can join then (only the absent officer is replaced);
        // otherwise the task is planned anew.
        for (visit, kept) in broken {
            guard let task = schedule.tasks[visit.taskId] else { continue }
            let keptIds = Set(kept.map(\.officerId))
            var joiners: [(officer: Int, slot: Schedule.Slot)] = []
            for (officer, facts) in problem.officers.enumerated() where !keptIds.contains(facts.id) && !visit.officerIds.contains(facts.id) {
                if let slot = schedule.slots(for: task, officer: officer, notBefore: problem.now).first(where: { $0.earliest <= visit.start && visit.start <= $0.latest }) {
                    joiners.append((officer, slot))
                }
            }
            // The kept members must still fit with the plan as it is now.
            let stillFitting = kept.filter { member in
                guard let officer = schedule.officerIndexes[member.officerId] else { return false }
                return schedule.slots(for: task, officer: officer, notBefore: problem.now).contains {
                    schedule.problem.shifts[$0.shiftIndex].id == member.shiftId && $0.earliest <= visit.start && visit.start <= $0.latest
                }
            }
            let needed = task.teamSize - stillFitting.count
            if needed <= 0 {
                schedule.add(Visit(taskId: task.id, start: visit.start, members: Array(stillFitting.prefix(task.teamSize))))
            } else if joiners.count >= needed, !stillFitting.isEmpty {
                let chosen = joiners.sorted {
                    ($0.slot.detour, schedule.load[$0.officer], schedule.officerRanks[$0.officer]) < ($1.slot.detour, schedule.load[$1.officer], schedule.officerRanks[$1.officer])
                }.prefix(needed)
                let members = stillFitting + chosen.map {
                    Visit.Member(officerId: schedule.officerId($0.officer), shiftId: problem.shifts[$0.slot.shiftIndex].id, travelMinutes: $0.slot.travelIn)
                }
                schedule.add(Visit(taskId: task.id, start: visit.start, members: members))
            } else {
                replan.insert(task.id)
            }
        }
        return replan
    }

    /// Makes room for an important task by moving lower-priority work that has not started: tries taking
    /// out one visit at a time, and keeps the first change that places the task (the displaced task is
    /// placed elsewhere if it can be). Called right after `task` found no place from `problem.now` on.
    static func displace(_ task: TaskFacts, in schedule: inout Schedule, problem: PlanningProblem) -> Insertion? {
        // Only work that cannot wait (priority 1 and 2) moves other work aside, and only when enough officers who
        // may do it are on shift in its window (else no move can help).
        guard task.priority <= .today else { return nil }
        guard schedule.candidates(task).count >= task.teamSize else { return nil }
        // The visits overlapping its window that an officer who may do it has, found through those officers'
        // shifts (not by going over every visit): the four latest of the lowest priority are tried (priority, start
        // and number order them fully; a team's visit is met once per member and kept once).
        let windowStart = max(task.earliestStart, problem.now)
        // (A stop starts when its visit does.)
        typealias Key = (priority: Int, start: Int, number: TaskNumber)
        var candidates: [(visit: Visit, task: TaskFacts, key: Key)] = []
        for officer in schedule.eligibleOfficers(task) {
            for shiftIndex in schedule.shiftsByOfficer[officer] {
                for stop in schedule.stops[shiftIndex] where stop.start < task.deadline && stop.end > windowStart && !stop.pinned && stop.priority > task.priority {
                    // Behind the four kept on priority and start alone: the task need not be looked up.
                    if candidates.count == 4, let last = candidates.last, (stop.priority.rawValue, stop.start) < (last.key.priority, last.key.start) { continue }
                    // The stop carries the task's pinned flag and priority, checked above.
                    guard let other = schedule.tasks[stop.taskId] else { continue }
                    let stopKey: Key = (other.priority.rawValue, stop.start, other.number)
                    if candidates.count == 4, let last = candidates.last, !(stopKey > last.key) { continue }
                    guard !candidates.contains(where: { $0.task.id == other.id }), let visit = schedule.visits[stop.taskId] else { continue }
                    let entry = (visit: visit, task: other, key: stopKey)
                    candidates.insert(entry, at: candidates.firstIndex { entry.key > $0.key } ?? candidates.count)
                    if candidates.count > 4 { candidates.removeLast() }
                }
            }
        }
        for (visit, other, _) in candidates {
            schedule.remove(visit.taskId)
            // One officer found no slot anywhere, so after taking this visit out, a slot can only be with its team.
            let freed = task.teamSize == 1 ? visit.members.compactMap { schedule.officerIndexes[$0.officerId] } : nil
            if let insertion = schedule.bestInsertion(task, notBefore: problem.now, current: problem.current[task.id], onlyOfficers: freed) {
                schedule.add(insertion.visit)
                if let again = schedule.bestInsertion(other, notBefore: problem.now, current: problem.current[other.id]) { schedule.add(again.visit) }
                return insertion
            }
            schedule.add(visit)
        }
        return nil
    }

    static func explain(_ insertion: Insertion) -> Explanation {
        Explanation(
            scoreParts: insertion.score.parts,
            alternatives: insertion.alternatives.map { score, visit in
                "\(visit.officerIds.joined(separator: "+")) from \(Amsterdam.timestamp(atMilliseconds: Int64(visit.start) * 60_000)): travel \(score.travel), lateness \(score.weightedLateness), workload \(score.workload)"
            })
    }

    /// Takes out every visit whose trip or work now touches an absence (a visit taken out before it lengthened its
    /// trip) and places it again where it may go, if anywhere. Plans without such a visit are left as they are.
    static func mendAbsences(_ schedule: inout Schedule, _ problem: PlanningProblem, _ explanations: inout [Int64: Explanation]) {
        // Each visit placed again is placed by the slot search, which honours absences; taking one out can still
        // break the next, so the rounds are bounded, and after them visits are only taken out (which ends).
        var rounds = 0
        while let taskId = schedule.firstVisitTouchingAbsence() {
            rounds += 1
            schedule.remove(taskId)
            schedule.scores[taskId] = nil
            explanations[taskId] = nil
            guard rounds <= 4 * max(1, problem.tasks.count), let task = schedule.tasks[taskId],
                let insertion = schedule.bestInsertion(task, notBefore: problem.now, current: problem.current[taskId])
            else { continue }
            schedule.add(insertion.visit)
            schedule.scores[taskId] = insertion.score
            explanations[taskId] = explain(insertion)
        }
    }

    static func finish(_ schedule: Schedule, _ problem: PlanningProblem, _ explanations: [Int64: Explanation]) -> Plan {
        var schedule = schedule
        var explanations = explanations
        mendAbsences(&schedule, problem, &explanations)
        var unplanned: [Int64: Unplanned] = [:]
        for task in problem.tasks where schedule.visits[task.id] == nil {
            unplanned[task.id] = funnel(task, problem: problem, schedule: schedule)
        }
        return Plan(visits: schedule.visitsWithCurrentTravel(), unplanned: unplanned, explanations: explanations.filter { schedule.visits[$0.key] != nil })
    }

    /// Why a task is not planned: the officers left after each hard rule, and the code that follows.
    static func funnel(_ task: TaskFacts, problem: PlanningProblem, schedule: Schedule) -> Unplanned {
        let windowStart = max(task.earliestStart, problem.now)
        let powerBits = Schedule.powerBits(task.powers)
        let active = problem.officers.indices.filter { problem.officers[$0].active }
        let withDeed = active.filter { schedule.hasDeed($0, task, powers: powerBits) }
        let screened = withDeed.filter { problem.officers[$0].screening >= task.confidentiality }
        let onShift = screened.filter { officer in
            schedule.shiftsByOfficer[officer].contains { schedule.meetsWindow($0, task, windowStart: windowStart) }
        }
        let free = onShift.filter { !schedule.slots(for: task, officer: $0, notBefore: problem.now).isEmpty }
        let powers = task.powers.map(\.rawValue).sorted().joined(separator: " + ")
        var steps = ["\(active.count) active", "\(withDeed.count) with a deed for domain \(task.domain.rawValue)\(powers.isEmpty ? "" : " + \(powers)")"]
        steps.append("\(screened.count) screened \(task.confidentiality.rawValue)")
        steps.append("\(onShift.count) on shift in the window")
        steps.append("\(free.count) with free time")
        let needed = task.teamSize
        let reason: ReasonCode
        if withDeed.isEmpty {
            reason = .noQualifiedOfficer
        } else if screened.count < needed || onShift.count < needed {
            reason = .teamTooSmall
        } else {
            reason = .noCapacity
        }
        return Unplanned(reason: reason, funnel: steps.joined(separator: " → ") + " (team of \(needed) needed)")
    }
}

/// Phase timings for profiling (printed only when `BOA_PLANNER_PHASES` is set). Unset, it reads no clock: what the
/// planner decides never depends on the time it takes.
final class PhaseClock {
    private let enabled = getenv("BOA_PLANNER_PHASES") != nil
    private var last: Double

    init() { last = enabled ? PhaseClock.seconds() : 0 }

    static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    func mark(_ phase: String) {
        guard enabled else { return }
        let now = PhaseClock.seconds()
        print("planner phase \(phase): \(String(Int((now - last) * 1000))) ms")
        last = now
    }
}
