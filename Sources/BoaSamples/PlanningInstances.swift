import BoaCore
public import BoaPlanner

/// Seeded planning instances for tests and benchmarks: officers with deeds (some expiring), screening and
/// home neighbourhoods, day shifts, sickness, and tasks with a realistic mix of priorities, pairs,
/// confidential work and powers, in and around Hengelo.
public struct PlanningInstances {
    /// Instance sizes of the planner benchmark.
    public enum Size: String, CaseIterable, Sendable {
        /// 24 officers, 60 tasks.
        case small = "S"
        /// 80 officers, 800 tasks over a day.
        case medium = "M"
        /// 500 officers, 10,000 open tasks.
        case large = "L"

        /// (officers, tasks, days).
        public var shape: (officers: Int, tasks: Int, days: Int) {
            switch self {
            case .small: (24, 60, 1)
            case .medium: (80, 800, 1)
            case .large: (500, 10_000, 3)
            }
        }
    }

    /// The first day of every instance: Tuesday 1 December 2026, 06:00 local (minutes since the epoch).
    public static let dayStart = Int(Amsterdam.instant(localDays: LocalDate(year: 2026, month: 12, day: 1).daysSinceEpoch, millisecondOfDay: 6 * 3_600_000) / 60_000)

    /// An instance of a given size.
    public static func make(_ size: Size, seed: UInt64) -> PlanningProblem {
        let shape = size.shape
        return make(officers: shape.officers, tasks: shape.tasks, days: shape.days, seed: seed)
    }

    /// An instance with this many officers and tasks over `days` days.
    public static func make(officers officerCount: Int, tasks taskCount: Int, days: Int, seed: UInt64, now: Int? = nil) -> PlanningProblem {
        var random = SeededRandom(seed: seed)
        let streets = SampleMessages.streets
        let firstDay = LocalDate(year: 2026, month: 12, day: 1)
        var officers: [OfficerFacts] = []
        var shifts: [ShiftFacts] = []
        var absences: [AbsenceFacts] = []
        for index in 0..<officerCount {
            let id = "BOA-\(CivilCalendar.pad(Int64(index + 1), 4))"
            var deeds: [DeedFacts] = []
            let expiring = random.chance(0.05)
            deeds.append(DeedFacts(domain: .publicSpace, validFrom: LocalDate(year: 2025, month: 1, day: 1),
                                   validUntil: expiring ? firstDay.adding(days: random.int(0...max(0, days - 1))) : LocalDate(year: 2027, month: 12, day: 31),
                                   powers: Set([Power.bylaw, .bsbo, .wahv, .alcoholAct].filter { _ in random.chance(0.75) })))
            if random.chance(0.2) {
                deeds.append(DeedFacts(domain: .environment, validFrom: LocalDate(year: 2025, month: 1, day: 1), validUntil: LocalDate(year: 2027, month: 12, day: 31),
                                       powers: [.environmentalLaw, .wasteRegulations]))
            }
            if random.chance(0.1) {
                deeds.append(DeedFacts(domain: .education, validFrom: LocalDate(year: 2025, month: 1, day: 1), validUntil: LocalDate(year: 2027, month: 12, day: 31),
                                       powers: [.schoolAttendanceAct]))
            }
            let screening: Confidentiality = random.chance(0.15) ? .strict : (random.chance(0.3) ? .confidential : .normal)
            officers.append(OfficerFacts(id: id, active: random.chance(0.97), screening: screening,
                                         homeNeighbourhood: random.chance(0.6) ? random.pick(streets).buurt : nil, deeds: deeds))
            for day in 0..<days {
                guard random.chance(0.85) else { continue }
                let date = firstDay.adding(days: day)
                let startHour = random.pick([7, 8, 9, 14, 15])
                let start = Int(Amsterdam.instant(localDays: date.daysSinceEpoch, millisecondOfDay: Int64(startHour) * 3_600_000) / 60_000)
                let street = random.pick(streets)
                shifts.append(ShiftFacts(id: Int64(shifts.count + 1), officerId: id, start: start, end: start + random.pick([480, 480, 540, 600]),
                                         startPoint: random.chance(0.3) ? RDPoint(x: street.x, y: street.y) : nil))
            }
            if random.chance(0.04) {
                let from = dayStart + random.int(0...(days * 24 * 60 - 1))
                absences.append(AbsenceFacts(officerId: id, from: from, until: random.chance(0.5) ? from + random.int(60...600) : nil))
            }
        }
        var tasks: [TaskFacts] = []
        let start = now ?? dayStart
        for index in 0..<taskCount {
            let street = random.pick(streets)
            let priority: Priority = random.pick([.urgent, .today, .today, .today, .planned, .planned, .planned, .planned, .agreedWindow, .agreedWindow])
            let received = start - random.int(0...120)
            let span = days * 24 * 60
            var earliest = received
            var deadline: Int
            switch priority {
            case .urgent: deadline = received + random.int(120...360)
            case .today: deadline = received + random.int(360...14 * 60)
            case .planned: deadline = received + random.int(span / 2...span)
            case .agreedWindow:
                earliest = start + random.int(0...max(0, span - 240))
                deadline = earliest + random.int(180...480)
            }
            let domainRoll = random.int(0...99)
            let (category, domain, powers): (Category, Domain, Set<Power>) =
                domainRoll < 8 ? (.environment, .environment, [.wasteRegulations])
                : domainRoll < 12 ? (.schoolAttendance, .education, [.schoolAttendanceAct])
                : (random.pick([Category.nuisance, .waste, .parking, .dogs, .alcohol, .burglaryAftercare, .integratedCheck]), .publicSpace,
                   random.chance(0.4) ? [random.pick([Power.bylaw, .bsbo, .wahv, .alcoholAct])] : [])
            tasks.append(TaskFacts(
                id: Int64(index + 1), number: TaskNumber(year: 2026, sequence: index + 1), priority: priority, category: category,
                receivedAt: received, earliestStart: earliest, deadline: deadline, durationMinutes: random.pick([15, 30, 30, 45, 45, 60, 90, 120]),
                teamSize: random.chance(0.55) ? 2 : (random.chance(0.05) ? 3 : 1), domain: domain, powers: powers,
                confidentiality: random.chance(0.05) ? .strict : (random.chance(0.1) ? .confidential : .normal),
                point: RDPoint(x: street.x + Double(random.int(-400...400)), y: street.y + Double(random.int(-400...400))),
                neighbourhood: street.buurt, preferredOfficer: category == .prosecutorInstruction ? officers.first?.id : nil))
        }
        return PlanningProblem(now: start, officers: officers, shifts: shifts, absences: absences, tasks: tasks)
    }
}
