@testable import BoaPlanner
import BoaCore
import BoaSamples
import Testing

/// The planner's search shortcuts change how fast it answers, never the answer: checked here against the plain
/// searches they replaced, on random instances with more work than officers (so that work gets displaced).
@Suite struct SearchShortcutTests {
    /// `Planner.displace` finds the visits it may move through the officers' stops, keeps four by a bounded
    /// selection and retries a one-officer task only with the freed officers; the plain version went over every
    /// visit, sorted them all and searched every officer. Same insertion, same score, same plan afterwards.
    @Test func displacementEqualsThePlainSearch() {
        var displaced = 0
        var failed = 0
        for seed in UInt64(1)...40 {
            let problem = PlanningInstances.make(officers: 6, tasks: 80, days: 1, seed: seed)
            var schedule = Schedule(problem: problem)
            let open = Set(problem.tasks.filter { !$0.pinned }.map(\.id))
            // Least important first, so that important work finds the officers busy and has to displace some.
            for taskId in Planner.ordered(open, problem).reversed() {
                guard let task = schedule.tasks[taskId] else { continue }
                if let insertion = schedule.bestInsertion(task, notBefore: problem.now) {
                    schedule.add(insertion.visit)
                    continue
                }
                var plain = schedule
                let expected = Self.plainDisplace(task, in: &plain, problem: problem)
                let actual = Planner.displace(task, in: &schedule, problem: problem)
                #expect(actual?.visit == expected?.visit, "seed \(seed), task \(task.number)")
                #expect(actual?.score == expected?.score, "seed \(seed), task \(task.number)")
                let samePlan = schedule.visits == plain.visits
                #expect(samePlan, "seed \(seed), task \(task.number): the plans differ afterwards")
                if expected != nil { displaced += 1 } else if task.priority <= .today { failed += 1 }
            }
            // The longest gap kept per shift is the one the slot search would find by walking the stops.
            for (index, shift) in problem.shifts.enumerated() {
                var longest = 0
                var previousEnd = shift.start
                for stop in schedule.stops[index] {
                    longest = max(longest, stop.start - previousEnd)
                    previousEnd = stop.end
                }
                #expect(schedule.longestFree[index] == max(longest, shift.end - previousEnd), "seed \(seed), shift \(shift.id)")
            }
        }
        // Both outcomes occur, so the comparison above was not vacuous.
        #expect(displaced > 0, "\(displaced) displaced, \(failed) not")
        #expect(failed > 0, "\(displaced) displaced, \(failed) not")
    }

    /// The displacement as it was before the shortcuts: every visit considered, all sorted, every officer searched.
    static func plainDisplace(_ task: TaskFacts, in schedule: inout Schedule, problem: PlanningProblem) -> Insertion? {
        guard task.priority <= .today else { return nil }
        guard schedule.candidates(task).count >= task.teamSize else { return nil }
        let mayDo = Set(schedule.eligibleOfficers(task).map(schedule.officerId))
        let candidates = schedule.visits.values
            .compactMap { visit -> (Visit, TaskFacts)? in
                guard let other = schedule.tasks[visit.taskId], !other.pinned, other.priority > task.priority else { return nil }
                guard visit.start < task.deadline, visit.start + other.durationMinutes > max(task.earliestStart, problem.now) else { return nil }
                guard visit.officerIds.contains(where: { mayDo.contains($0) }) else { return nil }
                return (visit, other)
            }
            .sorted { ($0.1.priority.rawValue, $0.0.start, $0.1.number) > ($1.1.priority.rawValue, $1.0.start, $1.1.number) }
        for (visit, other) in candidates.prefix(4) {
            schedule.remove(visit.taskId)
            if let insertion = schedule.bestInsertion(task, notBefore: problem.now, current: problem.current[task.id]) {
                schedule.add(insertion.visit)
                if let again = schedule.bestInsertion(other, notBefore: problem.now, current: problem.current[other.id]) { schedule.add(again.visit) }
                return insertion
            }
            schedule.add(visit)
        }
        return nil
    }
}
