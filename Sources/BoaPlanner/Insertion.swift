import BoaCore

/// A score: integers compared in order (KOPPELVLAK §8.3), lower is better, then a fixed tie-break.
struct Score: Comparable, Sendable {
    /// Lateness of urgent (priority 1) work, minutes past its target.
    var urgentLateness = 0
    /// Lateness weighted by priority, minutes.
    var weightedLateness = 0
    /// Extra travel, minutes (in re-optimisation including the penalty for changing sent work).
    var travel = 0
    /// Team members working outside their home neighbourhood.
    var outsideHome = 0
    /// Planned minutes the team already has (lower spreads work fairly).
    var workload = 0
    /// 1 when an OM instruction's preferred officer is not in the team.
    var notPreferred = 0
    /// 1 when work already sent to officers is changed.
    var changes = 0
    /// Tie-break: earlier start, then the team's service numbers.
    var tieStart = 0
    var tieTeam = ""

    var parts: [(name: String, value: Int)] {
        [("urgent_lateness", urgentLateness), ("weighted_lateness", weightedLateness), ("travel", travel), ("outside_home_buurt", outsideHome),
         ("workload", workload), ("not_preferred_officer", notPreferred), ("changes", changes)]
    }

    /// The integers in the order they are compared.
    var key: [Int] { [urgentLateness, weightedLateness, travel, outsideHome, workload, notPreferred, changes, tieStart] }

    static func < (lhs: Score, rhs: Score) -> Bool {
        let left = lhs.key
        let right = rhs.key
        if left != right { return left.lexicographicallyPrecedes(right) }
        return lhs.tieTeam < rhs.tieTeam
    }

    static func == (lhs: Score, rhs: Score) -> Bool { !(lhs < rhs) && !(rhs < lhs) }
}

/// Targets and weights of the priorities (KOPPELVLAK §6.2): these are soft; the only hard times are the
/// window's (§8.1).
enum Targets {
    /// The latest start that counts as on time.
    static func targetStart(_ task: TaskFacts) -> Int {
        switch task.priority {
        case .urgent: task.receivedAt + 60
        case .today: max(task.earliestStart, task.receivedAt + 12 * 60)
        case .planned: max(task.earliestStart, task.receivedAt + 5 * 24 * 60)
        case .agreedWindow: task.deadline - task.durationMinutes
        }
    }

    static func weight(_ priority: Priority) -> Int {
        switch priority {
        case .urgent: 8
        case .today: 4
        case .planned: 1
        case .agreedWindow: 1
        }
    }

    /// What leaving a task unplanned costs, by priority (for the assignment model).
    static func unplannedCost(_ priority: Priority) -> Int {
        switch priority {
        case .urgent: 100_000
        case .today: 20_000
        case .planned: 5_000
        case .agreedWindow: 5_000
        }
    }
}

/// The best place for one task in a schedule, or nil when no team can start together anywhere.
struct Insertion {
    var visit: Visit
    var score: Score
    var alternatives: [(Score, Visit)]
}

extension Schedule {
    /// Finds the best insertion of `task`: a start at which `teamSize` officers can all begin, the team
    /// chosen by travel, home neighbourhood, workload and preference, the starts compared by score.
    /// `current` is what officers were sent before (changing it costs `changePenalty` travel minutes).
    func bestInsertion(_ task: TaskFacts, notBefore: Int, current: Visit? = nil, changePenalty: Int = 0, excluded: Set<String> = []) -> Insertion? {
        var slotsByOfficer: [(officer: OfficerFacts, slots: [Slot])] = []
        if notBefore == problem.now {
            for candidate in candidates(task) where !excluded.contains(candidate.officer.id) {
                let found = slots(for: task, candidate: candidate, notBefore: notBefore)
                if !found.isEmpty { slotsByOfficer.append((candidate.officer, found)) }
            }
        } else {
            for (officer, deeds) in eligibleOfficers(task) where !excluded.contains(officer.id) {
                let found = slots(for: task, officer: officer, deeds: deeds, notBefore: notBefore)
                if !found.isEmpty { slotsByOfficer.append((officer, found)) }
            }
        }
        let team = task.teamSize
        guard slotsByOfficer.count >= team else { return nil }
        let target = Targets.targetStart(task)

        func memberKey(_ officer: OfficerFacts, _ slot: Slot) -> (Int, Int, Int, Int, String) {
            let outside = task.neighbourhood.map { officer.homeNeighbourhood != $0 ? 1 : 0 } ?? 0
            let preferred = task.preferredOfficer.map { $0 == officer.id ? 0 : 1 } ?? 0
            return (slot.detour, outside, load[officer.id] ?? 0, preferred, officer.id)
        }

        func evaluate(_ start: Int, _ chosen: [(officer: OfficerFacts, slot: Slot)]) -> (Score, Visit) {
            let visit = Visit(taskId: task.id, start: start, members: chosen.map {
                Visit.Member(officerId: $0.officer.id, shiftId: problem.shifts[$0.slot.shiftIndex].id, travelMinutes: $0.slot.travelIn)
            })
            var score = Score()
            let late = max(0, start - target)
            score.urgentLateness = task.priority == .urgent ? late : 0
            score.weightedLateness = late * Targets.weight(task.priority)
            score.travel = chosen.reduce(0) { $0 + $1.slot.detour }
            score.outsideHome = chosen.reduce(0) { $0 + memberKey($1.officer, $1.slot).1 }
            score.workload = chosen.reduce(0) { $0 + (load[$1.officer.id] ?? 0) }
            score.notPreferred = task.preferredOfficer.map { id in chosen.contains { $0.officer.id == id } ? 0 : 1 } ?? 0
            if let current, current.start != visit.start || current.officerIds != visit.officerIds {
                score.changes = 1
                score.travel += changePenalty
            }
            score.tieStart = start
            score.tieTeam = visit.officerIds.joined(separator: ",")
            return (score, visit)
        }

        var evaluated: [(Score, Visit)] = []
        if team == 1 {
            // One officer: every slot is a candidate at its earliest start (or at the sent start, if it fits). Keys
            // are compared without building visits; only the best few are evaluated in full.
            var top: [(key: [Int], officerId: String, officer: OfficerFacts, slot: Slot, start: Int)] = []
            func consider(_ officer: OfficerFacts, _ slot: Slot, _ start: Int) {
                let late = max(0, start - target)
                let changed = current.map { $0.start != start || $0.officerIds != [officer.id] } ?? false
                let key = [task.priority == .urgent ? late : 0, late * Targets.weight(task.priority), slot.detour + (changed ? changePenalty : 0),
                           memberKey(officer, slot).1, load[officer.id] ?? 0, memberKey(officer, slot).3, changed ? 1 : 0, start]
                let entry = (key, officer.id, officer, slot, start)
                let position = top.firstIndex { key.lexicographicallyPrecedes($0.key) || (key == $0.key && officer.id < $0.officerId) } ?? top.count
                if position < 4 {
                    top.insert(entry, at: position)
                    if top.count > 4 { top.removeLast() }
                }
            }
            for (officer, officerSlots) in slotsByOfficer {
                for slot in officerSlots {
                    consider(officer, slot, slot.earliest)
                    if let current, current.start > slot.earliest, current.start <= slot.latest { consider(officer, slot, current.start) }
                }
            }
            for entry in top { evaluated.append(evaluate(entry.start, [(entry.officer, entry.slot)])) }
        } else {
            // A team starts together: candidate starts are slot openings (and the sent start); at each, the best
            // officers free then. Past the target, lateness only grows, so the first late start is the last one
            // worth trying; before it, the candidates are capped by the travel of the slot that opens them.
            var openings: [(start: Int, detour: Int)] = []
            for (_, officerSlots) in slotsByOfficer { for slot in officerSlots { openings.append((slot.earliest, slot.detour)) } }
            if let current { openings.append((current.start, -1)) }
            let onTime = Array(Set(openings.filter { $0.start <= target }.sorted { ($0.detour, $0.start) < ($1.detour, $1.start) }.prefix(24).map(\.start)))
            let late = openings.map(\.start).filter { $0 > target }.sorted()
            // Each officer's key is worked out once (a dictionary lookup per comparison would dominate).
            let keys = slotsByOfficer.map { entry in (entry.officer, entry.slots, load[entry.officer.id] ?? 0) }
            func tryStart(_ start: Int) -> Bool {
                var chosen: [(key: (Int, Int, Int, Int, String), officer: OfficerFacts, slot: Slot)] = []
                var count = 0
                for (officer, officerSlots, officerLoad) in keys {
                    guard let slot = officerSlots.first(where: { $0.earliest <= start && start <= $0.latest }) else { continue }
                    count += 1
                    let outside = task.neighbourhood.map { officer.homeNeighbourhood != $0 ? 1 : 0 } ?? 0
                    let preferred = task.preferredOfficer.map { $0 == officer.id ? 0 : 1 } ?? 0
                    let key = (slot.detour, outside, officerLoad, preferred, officer.id)
                    // Keep the best `team` only.
                    let position = chosen.firstIndex { key < $0.key } ?? chosen.count
                    if position < team {
                        chosen.insert((key, officer, slot), at: position)
                        if chosen.count > team { chosen.removeLast() }
                    }
                }
                guard count >= team else { return false }
                evaluated.append(evaluate(start, chosen.map { ($0.officer, $0.slot) }))
                return true
            }
            for start in onTime.sorted() { _ = tryStart(start) }
            if evaluated.isEmpty {
                for start in late where tryStart(start) { break }
            }
        }
        guard !evaluated.isEmpty else { return nil }
        evaluated.sort { $0.0 < $1.0 }
        let (score, visit) = evaluated[0]
        var alternatives: [(Score, Visit)] = []
        for candidate in evaluated.dropFirst() where alternatives.count < 3 && candidate.1.officerIds != visit.officerIds {
            alternatives.append(candidate)
        }
        return Insertion(visit: visit, score: score, alternatives: alternatives)
    }
}
