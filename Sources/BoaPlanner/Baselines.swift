import BoaCore

/// Simple planners to compare the real one with (benchmarks): they keep the same hard rules, since they
/// place work with the same feasibility filters, but choose naively.
public enum Baselines {
    /// B1: first come, first served; each task to the closest available officers at the earliest start they share.
    public static func closestFirstComeFirstServed(_ problem: PlanningProblem) -> Plan {
        place(problem, order: problem.tasks.sorted { ($0.receivedAt, $0.number) < ($1.receivedAt, $1.number) })
    }

    /// B2: a priority queue (most important first, then arrival), each task to the closest available officers.
    public static func priorityClosest(_ problem: PlanningProblem) -> Plan {
        place(problem, order: problem.tasks.sorted { ($0.priority.rawValue, $0.receivedAt, $0.number) < ($1.priority.rawValue, $1.receivedAt, $1.number) })
    }

    private static func place(_ problem: PlanningProblem, order: [TaskFacts]) -> Plan {
        var schedule = Schedule(problem: problem)
        for task in order {
            var open: [(start: Int, travel: Int, officer: String, slot: Schedule.Slot)] = []
            for officer in problem.officers.indices {
                for slot in schedule.slots(for: task, officer: officer, notBefore: problem.now) {
                    open.append((slot.earliest, slot.travelIn, problem.officers[officer].id, slot))
                }
            }
            // The earliest start at which the team can be formed, the closest officers then.
            for start in Set(open.map(\.start)).sorted() {
                var available: [(travel: Int, officer: String, slot: Schedule.Slot)] = []
                var seen: Set<String> = []
                for candidate in open where candidate.slot.earliest <= start && start <= candidate.slot.latest && !seen.contains(candidate.officer) {
                    seen.insert(candidate.officer)
                    available.append((candidate.travel, candidate.officer, candidate.slot))
                }
                guard available.count >= task.teamSize else { continue }
                let team = available.sorted { ($0.travel, $0.officer) < ($1.travel, $1.officer) }.prefix(task.teamSize)
                schedule.add(Visit(taskId: task.id, start: start, members: team.map {
                    Visit.Member(officerId: $0.officer, shiftId: problem.shifts[$0.slot.shiftIndex].id, travelMinutes: $0.slot.travelIn)
                }))
                break
            }
        }
        return Planner.finish(schedule, problem, [:])
    }
}

/// The fast path one event at a time: a schedule kept between insertions (benchmarks measure each).
public struct PlanSession {
    var schedule: Schedule

    /// Starts from the problem's current plan as it is.
    public init(problem: PlanningProblem) {
        schedule = Schedule(problem: problem)
        for visit in problem.current.values.sorted(by: { $0.taskId < $1.taskId }) { schedule.add(visit) }
    }

    /// Inserts one task (displacing less important work not started, if needed); returns its visit.
    @discardableResult
    public mutating func insert(_ taskId: Int64) -> Visit? {
        guard let task = schedule.tasks[taskId], schedule.visits[taskId] == nil else { return schedule.visits[taskId] }
        if let insertion = schedule.bestInsertion(task, notBefore: schedule.problem.now) {
            schedule.add(insertion.visit)
            return insertion.visit
        }
        return Planner.displace(task, in: &schedule, problem: schedule.problem)?.visit
    }

    /// The plan so far.
    public var visits: [Int64: Visit] { schedule.visits }
}
