import BoaCore
public import BoaPlanner

/// An independent check of every hard rule of KOPPELVLAK §8.1 on a plan, written apart from the planner:
/// it recomputes travel, routes, deeds and absences from the problem alone. Used by the property tests
/// and the planner benchmark.
public enum HardRuleChecker {
    /// Every violation found, in words; empty when the plan keeps every hard rule.
    public static func violations(_ plan: Plan, _ problem: PlanningProblem) -> [String] {
        var problems: [String] = []
        let officers = Dictionary(problem.officers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let shifts = Dictionary(problem.shifts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let tasks = Dictionary(problem.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let settings = problem.settings
        // Per shift: the stops planned in it.
        var stopsByShift: [Int64: [(start: Int, end: Int, point: RDPoint, task: Int64)]] = [:]
        var stopsByOfficer: [String: [(start: Int, end: Int, task: Int64)]] = [:]
        for (taskId, visit) in plan.visits.sorted(by: { $0.key < $1.key }) {
            guard let task = tasks[taskId] else {
                problems.append("visit for unknown task \(taskId)")
                continue
            }
            let end = visit.start + task.durationMinutes
            if visit.members.count != task.teamSize { problems.append("\(task.number): team of \(visit.members.count), needs \(task.teamSize)") }
            if Set(visit.officerIds).count != visit.members.count { problems.append("\(task.number): an officer twice in the team") }
            if !task.pinned {
                if visit.start < task.earliestStart { problems.append("\(task.number): starts before gewenstAanvang") }
                if visit.start < problem.now { problems.append("\(task.number): starts in the past") }
            }
            if end > task.deadline { problems.append("\(task.number): ends after uiterlijkGereed") }
            for member in visit.members {
                guard let officer = officers[member.officerId] else {
                    problems.append("\(task.number): unknown officer \(member.officerId)")
                    continue
                }
                if !officer.active { problems.append("\(task.number): \(officer.id) is not active") }
                if officer.screening < task.confidentiality { problems.append("\(task.number): \(officer.id) screened \(officer.screening.rawValue) < \(task.confidentiality.rawValue)") }
                // One deed valid on every local date of the work, with the domain and every power.
                let firstDay = Amsterdam.localDate(atMilliseconds: Int64(visit.start) * 60_000)
                let lastDay = Amsterdam.localDate(atMilliseconds: Int64(end) * 60_000 - 1)
                let covered = officer.deeds.contains { deed in
                    deed.domain == task.domain && task.powers.isSubset(of: deed.powers) && deed.validFrom <= firstDay && lastDay <= deed.validUntil
                }
                if !covered { problems.append("\(task.number): \(officer.id) holds no single deed for it on \(firstDay)–\(lastDay)") }
                guard let shift = shifts[member.shiftId], shift.officerId == officer.id else {
                    problems.append("\(task.number): \(officer.id) not on the shift \(member.shiftId)")
                    continue
                }
                stopsByShift[shift.id, default: []].append((visit.start, end, task.point, taskId))
                stopsByOfficer[officer.id, default: []].append((visit.start, end, taskId))
            }
        }
        // Routes: travel from the start point to the first, between consecutive stops; all inside the shift;
        // no absence touched by travel or work.
        for (shiftId, stops) in stopsByShift.sorted(by: { $0.key < $1.key }) {
            guard let shift = shifts[shiftId] else { continue }
            let ordered = stops.sorted { ($0.start, $0.task) < ($1.start, $1.task) }
            var place = shift.startPoint ?? settings.homeBase
            var free = shift.start
            for stop in ordered {
                let travel = settings.travelMinutes(place, stop.point)
                if free + travel > stop.start && !(tasks[stop.task]?.pinned ?? false) {
                    problems.append("shift \(shiftId): task \(stop.task) starts at \(stop.start), reachable only at \(free + travel)")
                }
                if stop.end > shift.end { problems.append("shift \(shiftId): task \(stop.task) ends after the shift") }
                for absence in problem.absences where absence.officerId == shift.officerId {
                    if stop.start - travel < (absence.until ?? Int.max) && absence.from < stop.end && !(tasks[stop.task]?.pinned ?? false) {
                        problems.append("\(shift.officerId): task \(stop.task) during an absence")
                    }
                }
                place = stop.point
                free = stop.end
            }
        }
        // Never two things at once.
        for (officer, stops) in stopsByOfficer {
            let ordered = stops.sorted { ($0.start, $0.task) < ($1.start, $1.task) }
            for (previous, next) in zip(ordered, ordered.dropFirst()) where next.start < previous.end {
                problems.append("\(officer): tasks \(previous.task) and \(next.task) overlap")
            }
        }
        return problems
    }
}
