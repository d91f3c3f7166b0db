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

    static func < (lhs: Score, rhs: Score) -> Bool {
        // The fields in the order they are declared, then the team's service numbers.
        if lhs.urgentLateness != rhs.urgentLateness { return lhs.urgentLateness < rhs.urgentLateness }
        if lhs.weightedLateness != rhs.weightedLateness { return lhs.weightedLateness < rhs.weightedLateness }
        if lhs.travel != rhs.travel { return lhs.travel < rhs.travel }
        if lhs.outsideHome != rhs.outsideHome { return lhs.outsideHome < rhs.outsideHome }
        if lhs.workload != rhs.workload { return lhs.workload < rhs.workload }
        if lhs.notPreferred != rhs.notPreferred { return lhs.notPreferred < rhs.notPreferred }
        if lhs.changes != rhs.changes { return lhs.changes < rhs.changes }
        if lhs.tieStart != rhs.tieStart { return lhs.tieStart < rhs.tieStart }
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
    /// `onlyOfficers`, when given, limits the search to those officers (callers pass it only where no other
    /// officer can have a slot, so the result is the same).
    func bestInsertion(_ task: TaskFacts, notBefore: Int, current: Visit? = nil, changePenalty: Int = 0, onlyOfficers: [Int]? = nil) -> Insertion? {
        let needs = needs(task)
        // Every slot of every officer, officer by officer: `groups` holds each officer's run of `slots`.
        var slots: [Slot] = []
        var groups: [Range<Int>] = []
        slots.reserveCapacity(needs.candidates.count)
        groups.reserveCapacity(needs.candidates.count)
        if notBefore == problem.now {
            for candidate in needs.candidates where onlyOfficers?.contains(candidate.officer) ?? true {
                let before = slots.count
                appendSlots(for: task, powers: needs.powers, officer: candidate.officer, shifts: candidate.shifts, notBefore: notBefore, into: &slots)
                if slots.count > before { groups.append(before..<slots.count) }
            }
        } else {
            for officer in eligibleOfficers(task) where onlyOfficers?.contains(officer) ?? true {
                let before = slots.count
                appendSlots(for: task, powers: needs.powers, officer: officer, shifts: shiftsByOfficer[officer].indices, notBefore: notBefore, into: &slots)
                if slots.count > before { groups.append(before..<slots.count) }
            }
        }
        let team = task.teamSize
        guard groups.count >= team else { return nil }
        let target = Targets.targetStart(task)
        let taskHome = neighbourhoodCode(task.neighbourhood)
        let preferredOfficer = task.preferredOfficer.map { officerIndexes[$0] ?? -1 }

        @inline(__always)
        func outside(_ officer: Int) -> Int { taskHome.map { officerHomes[officer] != $0 ? 1 : 0 } ?? 0 }
        @inline(__always)
        func notPreferred(_ officer: Int) -> Int { preferredOfficer.map { $0 == officer ? 0 : 1 } ?? 0 }

        func evaluate(_ start: Int, _ chosen: [Slot]) -> (Score, Visit) {
            let visit = Visit(taskId: task.id, start: start, members: chosen.map {
                Visit.Member(officerId: officerId($0.officer), shiftId: problem.shifts[$0.shiftIndex].id, travelMinutes: $0.travelIn)
            })
            var score = Score()
            let late = max(0, start - target)
            score.urgentLateness = task.priority == .urgent ? late : 0
            score.weightedLateness = late * Targets.weight(task.priority)
            score.travel = chosen.reduce(0) { $0 + $1.detour }
            score.outsideHome = chosen.reduce(0) { $0 + outside($1.officer) }
            score.workload = chosen.reduce(0) { $0 + load[$1.officer] }
            score.notPreferred = preferredOfficer.map { id in chosen.contains { $0.officer == id } ? 0 : 1 } ?? 0
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
            var top: [(key: SingleKey, slot: Slot, start: Int)] = []
            let sentAlone = current.flatMap { $0.members.count == 1 ? officerIndexes[$0.members[0].officerId] : nil }
            func consider(_ slot: Slot, _ start: Int) {
                let late = max(0, start - target)
                let changed = current.map { $0.start != start || sentAlone != slot.officer } ?? false
                let key = SingleKey(urgent: task.priority == .urgent ? late : 0, weighted: late * Targets.weight(task.priority),
                                    travel: slot.detour + (changed ? changePenalty : 0), outside: outside(slot.officer), load: load[slot.officer],
                                    notPreferred: notPreferred(slot.officer), changed: changed ? 1 : 0, start: start, rank: officerRanks[slot.officer])
                if top.count == 4, let last = top.last, !(key < last.key) { return }
                let position = top.firstIndex { key < $0.key } ?? top.count
                top.insert((key, slot, start), at: position)
                if top.count > 4 { top.removeLast() }
            }
            for slot in slots {
                consider(slot, slot.earliest)
                if let current, current.start > slot.earliest, current.start <= slot.latest { consider(slot, current.start) }
            }
            for entry in top { evaluated.append(evaluate(entry.start, [entry.slot])) }
        } else {
            // A team starts together: candidate starts are slot openings (and the sent start); at each, the best
            // officers free then. Past the target, lateness only grows, so the first late start is the last one
            // worth trying; before it, the candidates are capped by the travel of the slot that opens them.
            var openings: [(start: Int, detour: Int)] = []
            for slot in slots { openings.append((slot.earliest, slot.detour)) }
            if let current { openings.append((current.start, -1)) }
            // The 24 on-time openings of least (detour, start), kept by bounded insertion; openings that tie on both
            // have the same start, so which of them is kept does not matter.
            var cheapest: [(start: Int, detour: Int)] = []
            cheapest.reserveCapacity(25)
            for opening in openings where opening.start <= target {
                if cheapest.count == 24, let last = cheapest.last, !((opening.detour, opening.start) < (last.detour, last.start)) { continue }
                let position = cheapest.firstIndex { (opening.detour, opening.start) < ($0.detour, $0.start) } ?? cheapest.count
                cheapest.insert(opening, at: position)
                if cheapest.count > 24 { cheapest.removeLast() }
            }
            let onTime = Array(Set(cheapest.map(\.start)))
            // Each officer's key parts are worked out once.
            let keys = groups.map { group in
                let officer = slots[group.lowerBound].officer
                return (group: group, outside: outside(officer), load: load[officer], notPreferred: notPreferred(officer), rank: officerRanks[officer])
            }
            func tryStart(_ start: Int) -> Bool {
                var chosen: [(key: (Int, Int, Int, Int, Int), slot: Slot)] = []
                var count = 0
                for entry in keys {
                    guard let index = entry.group.first(where: { slots[$0].earliest <= start && start <= slots[$0].latest }) else { continue }
                    let slot = slots[index]
                    count += 1
                    let key = (slot.detour, entry.outside, entry.load, entry.notPreferred, entry.rank)
                    // Keep the best `team` only.
                    if chosen.count == team, let last = chosen.last, !(key < last.key) { continue }
                    let position = chosen.firstIndex { key < $0.key } ?? chosen.count
                    chosen.insert((key, slot), at: position)
                    if chosen.count > team { chosen.removeLast() }
                }
                guard count >= team else { return false }
                evaluated.append(evaluate(start, chosen.map(\.slot)))
                return true
            }
            for start in onTime.sorted() { _ = tryStart(start) }
            if evaluated.isEmpty {
                let late = openings.map(\.start).filter { $0 > target }.sorted()
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

/// The comparison key of a one-officer start: the score's parts in order, then the officer's rank among the
/// service numbers (the tie-break), all integers.
struct SingleKey {
    var urgent: Int
    var weighted: Int
    var travel: Int
    var outside: Int
    var load: Int
    var notPreferred: Int
    var changed: Int
    var start: Int
    var rank: Int

    static func < (lhs: SingleKey, rhs: SingleKey) -> Bool {
        if lhs.urgent != rhs.urgent { return lhs.urgent < rhs.urgent }
        if lhs.weighted != rhs.weighted { return lhs.weighted < rhs.weighted }
        if lhs.travel != rhs.travel { return lhs.travel < rhs.travel }
        if lhs.outside != rhs.outside { return lhs.outside < rhs.outside }
        if lhs.load != rhs.load { return lhs.load < rhs.load }
        if lhs.notPreferred != rhs.notPreferred { return lhs.notPreferred < rhs.notPreferred }
        if lhs.changed != rhs.changed { return lhs.changed < rhs.changed }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.rank < rhs.rank
    }
}
