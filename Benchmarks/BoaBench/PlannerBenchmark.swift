import BoaCore
import BoaPlanner
import BoaSamples
import Foundation

/// `boa-bench planner`: plan quality and speed on seeded instances S, M, L against two naive baselines (B1
/// closest officer first come first served, B2 priority queue + closest) and an independent oracle (OR-Tools
/// min-cost flow on the planner's assignment model).
enum PlannerBenchmark {
    static func run(_ arguments: [String]) throws(UsageError) {
        let options = try Options(arguments, allowed: ["sizes", "seed", "events", "reoptimise-only"])
        let sizes = (options.string("sizes") ?? "S,M,L").split(separator: ",").compactMap { PlanningInstances.Size(rawValue: String($0)) }
        let seed = UInt64(try options.int("seed", default: 1))
        let events = try options.int("events", default: 200)
        if let repeats = options.string("reoptimise-only").flatMap({ Int($0) }) {
            // Only the re-optimisation, `repeats` times per size (for profiling and quick comparisons).
            for size in sizes {
                let problem = PlanningInstances.make(size, seed: seed)
                for round in 1...max(1, repeats) {
                    let start = now()
                    let plan = Planner.reoptimise(problem)
                    print("\(size.rawValue) re-optimisation \(round): \(fixed(now() - start, 3)) s, \(plan.visits.count) planned, \(HardRuleChecker.violations(plan, problem).count) violations, plan digest \(digest(plan))")
                }
            }
            return
        }
        print("boa-bench planner: seed \(seed); sizes \(sizes.map(\.rawValue).joined(separator: ", ")); hard violations checked by an independent checker")
        var quality = Table(["size", "planner", "violations", "planned", "unplanned p1/p2/p3/p4", "weighted lateness", "travel min", "workload spread", "seconds"])
        var speed = Table(["size", "fast path p50 ms", "fast path p99 ms", "re-optimisation s", "changes after re-opt", "peak RSS MB"])
        var oracle = Table(["size", "model arcs", "our flow cost", "oracle cost", "gap", "our seats", "plan's cost in the model", "plan / optimum"])
        for size in sizes {
            let problem = PlanningInstances.make(size, seed: seed)
            let label = "\(size.rawValue) (\(problem.officers.count) officers, \(problem.tasks.count) tasks)"
            var start = now()
            let ours = Planner.reoptimise(problem)
            let reoptimiseSeconds = now() - start
            start = now()
            let b1 = Baselines.closestFirstComeFirstServed(problem)
            let b1Seconds = now() - start
            start = now()
            let b2 = Baselines.priorityClosest(problem)
            let b2Seconds = now() - start
            for (name, plan, seconds) in [("ours (re-optimised)", ours, reoptimiseSeconds), ("B1 closest, FCFS", b1, b1Seconds), ("B2 priority + closest", b2, b2Seconds)] {
                let m = PlanMetrics(plan, problem)
                quality.add([label, name, "\(m.violations)", "\(m.planned)", m.unplannedByPriority.map(String.init).joined(separator: "/"),
                             grouped(Double(m.weightedLateness)), grouped(Double(m.travel)), "\(m.workloadSpread)", fixed(seconds, 3)])
            }
            // Fast path: the last `events` tasks arrive one by one into the plan of the others.
            let eventCount = min(events, problem.tasks.count / 5)
            var base = problem
            let arriving = Array(problem.tasks.suffix(eventCount))
            base.tasks = Array(problem.tasks.dropLast(eventCount))
            var session = PlanSession(problem: PlanningProblem(now: problem.now, officers: problem.officers, shifts: problem.shifts, absences: problem.absences,
                                                               tasks: problem.tasks, current: Planner.reoptimise(base).visits, settings: problem.settings))
            var latencies: [Double] = []
            for task in arriving {
                let t0 = now()
                session.insert(task.id)
                latencies.append((now() - t0) * 1000)
            }
            latencies.sort()
            func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)] }
            // Stability: re-optimise after one officer falls sick, against the plan officers have.
            var perturbed = problem
            perturbed.current = ours.visits
            if let sick = ours.visits.values.flatMap(\.officerIds).sorted().first { perturbed.absences.append(AbsenceFacts(officerId: sick, from: problem.now)) }
            let after = Planner.reoptimise(perturbed)
            // A change is what an officer notices: another start or another team (not a recomputed travel time).
            let changed = after.visits.filter { id, visit in ours.visits[id].map { $0.start != visit.start || $0.officerIds != visit.officerIds } ?? false }
            let changes = changed.count
            if ProcessInfo.processInfo.environment["BOA_DEBUG_CHANGES"] != nil {
                let sick = perturbed.absences.last?.officerId ?? ""
                for (id, visit) in changed.sorted(by: { $0.key < $1.key }).prefix(30) {
                    let before = ours.visits[id]
                    print("changed \(id): \(before?.start ?? 0) \(before?.officerIds ?? []) → \(visit.start) \(visit.officerIds) sick=\(sick) \(before?.members.map(\.travelMinutes) ?? []) \(visit.members.map(\.travelMinutes))")
                }
            }
            speed.add([label, fixed(percentile(0.5), 2), fixed(percentile(0.99), 2), fixed(reoptimiseSeconds, 2), "\(changes) of \(ours.visits.count)",
                       fixed(Double(peakResidentKilobytes()) / 1024, 0)])
            // The oracle.
            let model = Planner.assignmentModel(problem)
            let oracleCost = solveWithOracle(model.graph)
            let arcCount = model.graph.split(separator: "\n").filter { $0.hasPrefix("arc") }.count
            let planCost = modelCost(of: ours, problem: problem)
            oracle.add([label, grouped(Double(arcCount)), grouped(Double(model.cost)), oracleCost.map { grouped(Double($0)) } ?? "n/a",
                        oracleCost.map { $0 == 0 ? "0" : fixed(100 * Double(model.cost - $0) / Double($0), 2) + "%" } ?? "n/a", "\(model.seatsFilled)",
                        grouped(Double(planCost)), oracleCost.map { fixed(Double(planCost) / Double(max(1, $0)), 3) } ?? "n/a"])
        }
        print("\nQuality (lower is better; violations must be 0)")
        print(quality.render())
        print("\nSpeed (fast path: one task inserted into the plan of the others; re-optimisation: the whole instance)")
        print(speed.render())
        print("\nThe assignment model's optimum: the planner's own exact min-cost flow against OR-Tools on the same graph; and the final plan's cost in the model's terms")
        print(oracle.render())
    }

    /// A short digest of the visits (task, start, team, shifts) in task order: equal digests, equal plans.
    static func digest(_ plan: Plan) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (taskId, visit) in plan.visits.sorted(by: { $0.key < $1.key }) {
            let text = "\(taskId) \(visit.start) " + visit.members.map { "\($0.officerId)/\($0.shiftId)/\($0.travelMinutes)" }.joined(separator: ",") + ";"
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return String(hash, radix: 16)
    }

    /// The plan's cost in the assignment model's terms: each staffed seat costs the travel from its shift's start
    /// point (and the home-buurt and preference terms), each empty seat the priority penalty.
    static func modelCost(of plan: Plan, problem: PlanningProblem) -> Int {
        var cost = 0
        let shifts = Dictionary(uniqueKeysWithValues: problem.shifts.map { ($0.id, $0) })
        let officers = Dictionary(uniqueKeysWithValues: problem.officers.map { ($0.id, $0) })
        for task in problem.tasks where !task.pinned {
            let penalty: Int = switch task.priority {
            case .urgent: 100_000
            case .today: 20_000
            default: 5_000
            }
            guard let visit = plan.visits[task.id] else {
                cost += penalty * task.teamSize
                continue
            }
            for member in visit.members {
                let origin = shifts[member.shiftId]?.startPoint ?? problem.settings.homeBase
                cost += problem.settings.travelMinutes(origin, task.point)
                if let buurt = task.neighbourhood, officers[member.officerId]?.homeNeighbourhood != buurt { cost += 5 }
                if let preferred = task.preferredOfficer, preferred != member.officerId { cost += 2 }
            }
        }
        return cost
    }

    static func solveWithOracle(_ graph: String) -> Int? {
        guard let root = repositoryRoot() else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("boa-model-\(getpid()).txt")
        guard (try? graph.write(to: file, atomically: true, encoding: .utf8)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Benchmarks/oracle/min_cost_flow.py").path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            printError("oracle failed (pip install ortools)")
            return nil
        }
        return text.split(separator: " ").dropFirst(2).first.flatMap { Int($0) }
    }

    static func peakResidentKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}

/// The measures of a plan, computed independently of the planner.
struct PlanMetrics {
    var violations = 0
    var planned = 0
    var unplannedByPriority = [0, 0, 0, 0]
    var weightedLateness = 0
    var travel = 0
    var workloadSpread = 0

    init(_ plan: Plan, _ problem: PlanningProblem) {
        violations = HardRuleChecker.violations(plan, problem).count
        planned = plan.visits.count
        let tasks = Dictionary(uniqueKeysWithValues: problem.tasks.map { ($0.id, $0) })
        for task in problem.tasks where plan.visits[task.id] == nil { unplannedByPriority[task.priority.rawValue - 1] += 1 }
        var load: [String: Int] = [:]
        for officer in Set(problem.shifts.map(\.officerId)) { load[officer] = 0 }
        var stops: [Int64: [(Int, RDPoint)]] = [:]
        for (taskId, visit) in plan.visits {
            guard let task = tasks[taskId] else { continue }
            let target: Int = switch task.priority {
            case .urgent: task.receivedAt + 60
            case .today: max(task.earliestStart, task.receivedAt + 12 * 60)
            case .planned: max(task.earliestStart, task.receivedAt + 5 * 24 * 60)
            case .agreedWindow: task.deadline - task.durationMinutes
            }
            let weight = [8, 4, 1, 1][task.priority.rawValue - 1]
            weightedLateness += max(0, visit.start - target) * weight
            for member in visit.members {
                load[member.officerId, default: 0] += task.durationMinutes
                stops[member.shiftId, default: []].append((visit.start, task.point))
            }
        }
        let shifts = Dictionary(uniqueKeysWithValues: problem.shifts.map { ($0.id, $0) })
        for (shiftId, list) in stops {
            var place = shifts[shiftId]?.startPoint ?? problem.settings.homeBase
            for (_, point) in list.sorted(by: { $0.0 < $1.0 }) {
                travel += problem.settings.travelMinutes(place, point)
                place = point
            }
        }
        if let high = load.values.max(), let low = load.values.min() { workloadSpread = high - low }
    }
}
