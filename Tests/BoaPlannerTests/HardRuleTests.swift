import BoaCore
import BoaPlanner
import BoaSamples
import Testing

/// One test per hard rule (KOPPELVLAK §8.1): the rule filters officers out, it is never traded for a better score.
@Suite struct HardRuleTests {
    static let day = LocalDate(year: 2026, month: 12, day: 1)
    /// 08:00 local on 1 December 2026, in minutes.
    static let eight = Int(Amsterdam.instant(localDays: day.daysSinceEpoch, millisecondOfDay: 8 * 3_600_000) / 60_000)
    static let base = RDPoint(x: 251_000, y: 476_000)

    static func officer(_ id: String, active: Bool = true, screening: Confidentiality = .strict, domain: Domain = .publicSpace,
                        powers: Set<Power> = [.bylaw, .bsbo], until: LocalDate = LocalDate(year: 2027, month: 12, day: 31)) -> OfficerFacts {
        OfficerFacts(id: id, active: active, screening: screening, deeds: [
            DeedFacts(domain: domain, validFrom: LocalDate(year: 2025, month: 1, day: 1), validUntil: until, powers: powers),
        ])
    }

    static func shift(_ id: Int64, _ officer: String, from: Int = eight, hours: Int = 8) -> ShiftFacts {
        ShiftFacts(id: id, officerId: officer, start: from, end: from + hours * 60, startPoint: base)
    }

    static func task(_ id: Int64, team: Int = 1, earliest: Int = eight, deadline: Int = eight + 600, duration: Int = 60, powers: Set<Power> = [],
                     confidentiality: Confidentiality = .normal, point: RDPoint = base, priority: Priority = .planned) -> TaskFacts {
        TaskFacts(id: id, number: TaskNumber(year: 2026, sequence: Int(id)), priority: priority, category: .nuisance, receivedAt: eight - 10,
                  earliestStart: earliest, deadline: deadline, durationMinutes: duration, teamSize: team, domain: .publicSpace, powers: powers,
                  confidentiality: confidentiality, point: point)
    }

    func plan(_ officers: [OfficerFacts], _ shifts: [ShiftFacts], _ tasks: [TaskFacts], absences: [AbsenceFacts] = []) -> Plan {
        let problem = PlanningProblem(now: Self.eight, officers: officers, shifts: shifts, absences: absences, tasks: tasks)
        let plan = Planner.insert(problem)
        #expect(HardRuleChecker.violations(plan, problem).isEmpty)
        return plan
    }

    @Test func onlyActiveOfficers() {
        let result = plan([Self.officer("A", active: false), Self.officer("B")], [Self.shift(1, "A"), Self.shift(2, "B")], [Self.task(1)])
        #expect(result.visits[1]?.officerIds == ["B"])
    }

    @Test func aDeedForTheDomainAndEveryPower() {
        let result = plan([Self.officer("A", powers: [.bylaw]), Self.officer("B", powers: [.bylaw, .bsbo])],
                          [Self.shift(1, "A"), Self.shift(2, "B")], [Self.task(1, powers: [.bylaw, .bsbo])])
        #expect(result.visits[1]?.officerIds == ["B"])
        let nobody = plan([Self.officer("A", domain: .environment)], [Self.shift(1, "A")], [Self.task(1)])
        #expect(nobody.unplanned[1]?.reason == .noQualifiedOfficer)
        #expect(nobody.unplanned[1]?.funnel.hasPrefix("1 active → 0 with a deed for domain I") == true)
    }

    @Test func oneDeedMustCarryEveryPowerNotAUnionOfDeeds() {
        var officer = Self.officer("A", powers: [.bylaw])
        officer.deeds.append(DeedFacts(domain: .publicSpace, validFrom: LocalDate(year: 2025, month: 1, day: 1), validUntil: LocalDate(year: 2027, month: 1, day: 1), powers: [.bsbo]))
        let result = plan([officer], [Self.shift(1, "A")], [Self.task(1, powers: [.bylaw, .bsbo])])
        #expect(result.visits[1] == nil)
        #expect(result.unplanned[1]?.reason == .noQualifiedOfficer)
    }

    @Test func theDeedMustBeValidOnTheDayOfTheWork() {
        // A's deed ended the day before; B's is valid.
        let result = plan([Self.officer("A", until: Self.day.adding(days: -1)), Self.officer("B")],
                          [Self.shift(1, "A"), Self.shift(2, "B")], [Self.task(1)])
        #expect(result.visits[1]?.officerIds == ["B"])
    }

    @Test func screeningAtLeastTheTasksConfidentiality() {
        let result = plan([Self.officer("A", screening: .confidential), Self.officer("B", screening: .normal)],
                          [Self.shift(1, "A"), Self.shift(2, "B")], [Self.task(1, team: 2, confidentiality: .confidential)])
        #expect(result.visits[1] == nil)
        #expect(result.unplanned[1]?.reason == .teamTooSmall)
        let one = plan([Self.officer("A", screening: .confidential), Self.officer("B", screening: .normal)],
                       [Self.shift(1, "A"), Self.shift(2, "B")], [Self.task(1, confidentiality: .confidential)])
        #expect(one.visits[1]?.officerIds == ["A"])
    }

    @Test func onShiftForTravelAndWork() {
        // 6 km from the start point: 24 minutes by bike. The shift starts at 08:00, so work starts at 08:24 at the earliest.
        let far = RDPoint(x: 251_000, y: 482_000)
        let result = plan([Self.officer("A")], [Self.shift(1, "A")], [Self.task(1, point: far)])
        #expect(result.visits[1]?.start == Self.eight + 24)
        // Work that would run past the end of the shift is not planned in it.
        let late = plan([Self.officer("A")], [Self.shift(1, "A", hours: 1)], [Self.task(1, duration: 90)])
        #expect(late.visits[1] == nil)
    }

    @Test func notWhileUnavailable() {
        let absence = AbsenceFacts(officerId: "A", from: Self.eight, until: Self.eight + 300)
        let result = plan([Self.officer("A"), Self.officer("B")], [Self.shift(1, "A"), Self.shift(2, "B")], [Self.task(1, deadline: Self.eight + 200)],
                          absences: [absence])
        #expect(result.visits[1]?.officerIds == ["B"])
        // Open-ended: never again.
        let open = plan([Self.officer("A")], [Self.shift(1, "A")], [Self.task(1)], absences: [AbsenceFacts(officerId: "A", from: Self.eight - 60)])
        #expect(open.visits[1] == nil)
    }

    @Test func neverTwoThingsAtOnce() {
        // One officer, two tasks that must both be done in the same hour: one waits, or stays unplanned.
        let result = plan([Self.officer("A")], [Self.shift(1, "A")],
                          [Self.task(1, deadline: Self.eight + 60), Self.task(2, deadline: Self.eight + 60)])
        #expect(result.visits.count == 1)
        #expect(result.unplanned.values.map(\.reason) == [.noCapacity])
    }

    @Test func withinTheWindow() {
        let result = plan([Self.officer("A")], [Self.shift(1, "A")], [Self.task(1, earliest: Self.eight + 120, deadline: Self.eight + 240)])
        let start = result.visits[1]?.start ?? 0
        #expect(start >= Self.eight + 120)
        #expect(start + 60 <= Self.eight + 240)
        let tooTight = plan([Self.officer("A")], [Self.shift(1, "A")], [Self.task(1, earliest: Self.eight + 120, deadline: Self.eight + 170)])
        #expect(tooTight.visits[1] == nil)
    }

    @Test func aTeamStartsTogether() {
        // B is only free from 10:00 (busy before): the pair starts at 10:00, not A alone at 08:00.
        let busy = Self.task(9, deadline: Self.eight + 120, duration: 120, priority: .urgent)
        let result = plan([Self.officer("A"), Self.officer("B"), Self.officer("C", active: false)],
                          [Self.shift(1, "A"), Self.shift(2, "B", from: Self.eight + 120)], [Self.task(1, team: 2), busy])
        #expect(result.visits[1]?.officerIds == ["A", "B"])
        #expect(result.visits[1]?.start == Self.eight + 120)
    }

    @Test func moreImportantWorkDisplacesLessImportantWork() {
        // One officer: a planned (3) task fills the only hour; an urgent (1) task arrives for the same hour.
        var problem = PlanningProblem(now: Self.eight, officers: [Self.officer("A")], shifts: [Self.shift(1, "A", hours: 1)],
                                      absences: [], tasks: [Self.task(1, deadline: Self.eight + 60)])
        let first = Planner.insert(problem)
        #expect(first.visits[1] != nil)
        problem.current = first.visits
        problem.tasks.append(Self.task(2, deadline: Self.eight + 60, priority: .urgent))
        let second = Planner.insert(problem)
        #expect(second.visits[2] != nil)
        #expect(second.visits[1] == nil)
        #expect(HardRuleChecker.violations(second, problem).isEmpty)
    }

    @Test func aKeptVisitsTravelFollowsTheWorkBeforeIt() {
        // Task 2 is planned right after task 1, next door: its travel is the short trip from there. When task 1
        // goes (cancelled), task 2 keeps its start, and its travel is now the trip from the shift's start point.
        let far = RDPoint(x: Self.base.x + 5_000, y: Self.base.y)
        let nextDoor = RDPoint(x: far.x + 200, y: far.y)
        var problem = PlanningProblem(now: Self.eight, officers: [Self.officer("A")], shifts: [Self.shift(1, "A")], absences: [],
                                      tasks: [Self.task(1, deadline: Self.eight + 150, point: far), Self.task(2, earliest: Self.eight + 180, point: nextDoor)])
        let first = Planner.insert(problem)
        let settings = problem.settings
        #expect(first.visits[2]?.members.first?.travelMinutes == settings.travelMinutes(far, nextDoor))
        problem.current = first.visits
        problem.tasks.removeFirst()
        problem.current[1] = nil
        let second = Planner.insert(problem)
        #expect(second.visits[2]?.start == first.visits[2]?.start)
        #expect(second.visits[2]?.members.first?.travelMinutes == settings.travelMinutes(Self.base, nextDoor))
        #expect(settings.travelMinutes(Self.base, nextDoor) != settings.travelMinutes(far, nextDoor))
        #expect(HardRuleChecker.violations(second, problem).isEmpty)
    }
}
