import BoaCore

/// The assignment model of the re-optimisation: which officer shifts staff which tasks, leaving the
/// sequencing to the insertion that follows. Every task needs `teamSize` seats; a seat goes to an officer's
/// shift that may take the task (active, deed with domain and powers, screening, a shift that meets the
/// window, free of absences), or stays empty at a cost by priority. A shift holds as many visits as its free
/// minutes allow at the mean length (work plus travel) of the tasks it may take. An arc costs the travel from
/// the shift's start point, five for working outside the home neighbourhood, two for not being the OM's
/// preferred officer, and the priority-weighted lateness if the shift starts after the task's target. Each
/// task keeps its `arcsPerTask` cheapest arcs. Solved exactly by ``MinCostFlow``.
struct AssignmentModel {
    let problem: PlanningProblem
    let schedule: Schedule
    var arcsPerTask = 16

    struct Solution {
        /// Tasks with at least one empty seat.
        var unplanned: Set<Int64>
        /// The officers the flow gives each task.
        var officers: [Int64: [String]]
        /// The flow's cost (the model's optimum).
        var cost: Int
        /// Seats filled.
        var seatsFilled: Int
    }

    /// The model's graph: nodes 0 (source), tasks, shifts, sink; arcs with capacity and cost.
    struct Graph {
        var nodes: Int
        var arcs: [(from: Int, to: Int, capacity: Int, cost: Int)]
        var taskNodes: [Int64: Int]
        var shiftNodes: [Int: Int]
        var source: Int
        var sink: Int
        /// For each task, (arc index, shift index) of its arcs to shifts.
        var seatArcs: [Int64: [(arc: Int, shift: Int)]]
    }

    func graph() -> Graph {
        let tasks = problem.tasks.filter { !$0.pinned }.sorted { $0.id < $1.id }
        let settings = problem.settings
        var taskNodes: [Int64: Int] = [:]
        taskNodes.reserveCapacity(tasks.count)
        for (index, task) in tasks.enumerated() { taskNodes[task.id] = 1 + index }
        var shiftNodes: [Int: Int] = [:]
        shiftNodes.reserveCapacity(problem.shifts.count)
        for index in problem.shifts.indices { shiftNodes[index] = 1 + tasks.count + index }
        let firstShiftNode = 1 + tasks.count
        let sink = 1 + tasks.count + problem.shifts.count
        var arcs: [(from: Int, to: Int, capacity: Int, cost: Int)] = []
        arcs.reserveCapacity(tasks.count * (arcsPerTask + 2) + problem.shifts.count)
        var seatArcs: [Int64: [(arc: Int, shift: Int)]] = [:]
        seatArcs.reserveCapacity(tasks.count)
        // Per shift, the summed length (work plus travel) and number of the tasks with an arc to it.
        var lengthTotals = Array(repeating: 0, count: problem.shifts.count)
        var lengthCounts = Array(repeating: 0, count: problem.shifts.count)
        var options: [(cost: Int, shift: Int, travel: Int)] = []
        for (index, task) in tasks.enumerated() {
            let node = 1 + index
            arcs.append((0, node, task.teamSize, 0))
            arcs.append((node, sink, task.teamSize, Targets.unplannedCost(task.priority)))
            options.removeAll(keepingCapacity: true)
            let windowStart = max(task.earliestStart, problem.now)
            let target = Targets.targetStart(task)
            let home = schedule.neighbourhoodCode(task.neighbourhood)
            let preferredOfficer = task.preferredOfficer.map { schedule.officerIndexes[$0] ?? -1 }
            // Most shifts start from the home base: that trip is worked out once per task.
            let fromBase = settings.travelMinutes(settings.homeBase, task.point)
            for candidate in schedule.candidates(task) {
                let officer = candidate.officer
                let absences = schedule.absencesByOfficer[officer]
                let outside = home.map { schedule.officerHomes[officer] != $0 ? 5 : 0 } ?? 0
                let preferred = preferredOfficer.map { $0 == officer ? 0 : 2 } ?? 0
                for position in candidate.shifts {
                    let shiftIndex = schedule.shiftsByOfficer[officer][position]
                    let shift = problem.shifts[shiftIndex]
                    if !schedule.meetsWindow(shiftIndex, task, windowStart: windowStart) { continue }
                    if !absences.isEmpty, absences.contains(where: { $0.from <= shift.start && ($0.until ?? Int.max) >= shift.end }) { continue }
                    let travel = shift.startPoint.map { settings.travelMinutes($0, task.point) } ?? fromBase
                    let late = max(0, max(shift.start + travel, windowStart) - target) * Targets.weight(task.priority)
                    options.append((travel + outside + preferred + min(late, 50_000), shiftIndex, travel))
                }
            }
            var seats: [(arc: Int, shift: Int)] = []
            for option in cheapest(options, arcsPerTask) {
                seats.append((arcs.count, option.shift))
                arcs.append((node, firstShiftNode + option.shift, 1, option.cost))
                lengthTotals[option.shift] += task.durationMinutes + option.travel
                lengthCounts[option.shift] += 1
            }
            if !seats.isEmpty { seatArcs[task.id] = seats }
        }
        for (index, shift) in problem.shifts.enumerated() where lengthCounts[index] > 0 {
            let busy = schedule.stops[index].reduce(0) { $0 + ($1.end - $1.start) }
            let free = max(0, shift.end - max(shift.start, problem.now) - busy)
            let mean = max(1, lengthTotals[index] / lengthCounts[index])
            arcs.append((firstShiftNode + index, sink, free / mean, 0))
        }
        return Graph(nodes: sink + 1, arcs: arcs, taskNodes: taskNodes, shiftNodes: shiftNodes, source: 0, sink: sink, seatArcs: seatArcs)
    }

    /// The `count` cheapest options in (cost, shift) order: a bounded insertion, not a sort of them all.
    func cheapest(_ options: [(cost: Int, shift: Int, travel: Int)], _ count: Int) -> [(cost: Int, shift: Int, travel: Int)] {
        var best: [(cost: Int, shift: Int, travel: Int)] = []
        best.reserveCapacity(count + 1)
        for option in options {
            if best.count == count, let last = best.last, (last.cost, last.shift) <= (option.cost, option.shift) { continue }
            let position = best.firstIndex { (option.cost, option.shift) < ($0.cost, $0.shift) } ?? best.count
            best.insert(option, at: position)
            if best.count > count { best.removeLast() }
        }
        return best
    }

    /// Solves the model exactly.
    func solve() -> Solution {
        let clock = PhaseClock()
        let graph = graph()
        clock.mark("model graph")
        var flow = MinCostFlow(nodes: graph.nodes, arcs: graph.arcs.count)
        var places: [Int] = []
        places.reserveCapacity(graph.arcs.count)
        for arc in graph.arcs { places.append(flow.addArc(from: arc.from, to: arc.to, capacity: arc.capacity, cost: arc.cost)) }
        let result = flow.solve(source: graph.source, sink: graph.sink)
        clock.mark("model flow")
        var officers: [Int64: [String]] = [:]
        var unplanned: Set<Int64> = []
        var seats = 0
        for task in problem.tasks where !task.pinned {
            var chosen: [String] = []
            for seat in graph.seatArcs[task.id] ?? [] where flow.flow(places[seat.arc]) > 0 {
                chosen.append(problem.shifts[seat.shift].officerId)
            }
            seats += chosen.count
            officers[task.id] = chosen.sorted()
            if chosen.count < task.teamSize { unplanned.insert(task.id) }
        }
        return Solution(unplanned: unplanned, officers: officers, cost: result.cost, seatsFilled: seats)
    }

    /// The graph as text for an independent solver (benchmarks): `nodes N`, `source S`, `sink T`, then one
    /// `arc FROM TO CAPACITY COST` per line.
    func export() -> String {
        let graph = graph()
        var lines = ["nodes \(graph.nodes)", "source \(graph.source)", "sink \(graph.sink)"]
        for arc in graph.arcs { lines.append("arc \(arc.from) \(arc.to) \(arc.capacity) \(arc.cost)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
