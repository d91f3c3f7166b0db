public import BoaCore

/// Settings of the planner (KOPPELVLAK §8, §10).
public struct PlannerSettings: Hashable, Sendable {
    /// Travel speed in metres per minute (15 km/h by bike is 250).
    public var metresPerMinute: Double
    /// Where a shift starts when it names no `startpunt`.
    public var homeBase: RDPoint
    /// The work area, bounds inclusive (BOA002 outside it).
    public var workArea: WorkArea
    /// In re-optimisation, moving or re-staffing work already sent to officers costs this many minutes of
    /// travel (a penalty, so that plans do not churn for small gains).
    public var changePenaltyMinutes: Int

    /// The defaults of the contract: 15 km/h, home base (251000, 476000), work area x 244000–257000,
    /// y 469000–483000.
    public init(metresPerMinute: Double = 250, homeBase: RDPoint = RDPoint(x: 251_000, y: 476_000),
                workArea: WorkArea = WorkArea(minX: 244_000, minY: 469_000, maxX: 257_000, maxY: 483_000), changePenaltyMinutes: Int = 30) {
        self.metresPerMinute = metresPerMinute
        self.homeBase = homeBase
        self.workArea = workArea
        self.changePenaltyMinutes = changePenaltyMinutes
    }

    /// Travel minutes between two points: the RD distance at the configured speed, rounded up.
    public func travelMinutes(_ from: RDPoint, _ to: RDPoint) -> Int {
        let distance = from.distance(to: to)
        if distance <= 0 { return 0 }
        // Rounded up without a call to `ceil` (the slot search works this out for every gap it looks at): for a
        // positive quotient, truncation is the floor, one more unless it was whole.
        let minutes = distance / metresPerMinute
        let whole = Int(minutes)
        return Double(whole) < minutes ? whole + 1 : whole
    }
}

/// A rectangle in RD coordinates, bounds inclusive.
public struct WorkArea: Hashable, Sendable {
    /// Bounds in metres.
    public var minX: Double, minY: Double, maxX: Double, maxY: Double

    /// Makes an area.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// Whether a point lies in the area (on the edge counts).
    public func contains(_ point: RDPoint) -> Bool {
        point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }
}

/// A deed as the planner sees it.
public struct DeedFacts: Hashable, Sendable {
    /// Domain.
    public var domain: Domain
    /// First valid day (inclusive).
    public var validFrom: LocalDate
    /// Last valid day (inclusive).
    public var validUntil: LocalDate
    /// Powers.
    public var powers: Set<Power>

    /// Makes a deed.
    public init(domain: Domain, validFrom: LocalDate, validUntil: LocalDate, powers: Set<Power>) {
        self.domain = domain
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.powers = powers
    }
}

/// An officer as the planner sees it.
public struct OfficerFacts: Hashable, Sendable {
    /// Service number.
    public var id: String
    /// In active service.
    public var active: Bool
    /// The highest confidentiality the officer may see.
    public var screening: Confidentiality
    /// Home neighbourhood.
    public var homeNeighbourhood: String?
    /// Deeds.
    public var deeds: [DeedFacts]

    /// Makes an officer.
    public init(id: String, active: Bool, screening: Confidentiality, homeNeighbourhood: String? = nil, deeds: [DeedFacts]) {
        self.id = id
        self.active = active
        self.screening = screening
        self.homeNeighbourhood = homeNeighbourhood
        self.deeds = deeds
    }
}

/// A shift as the planner sees it (times in minutes since the epoch).
public struct ShiftFacts: Hashable, Sendable {
    /// The shift's row id.
    public var id: Int64
    /// The officer.
    public var officerId: String
    /// Start, minutes since the epoch.
    public var start: Int
    /// End, minutes since the epoch.
    public var end: Int
    /// Where it starts (nil: the home base).
    public var startPoint: RDPoint?

    /// Makes a shift.
    public init(id: Int64, officerId: String, start: Int, end: Int, startPoint: RDPoint? = nil) {
        self.id = id
        self.officerId = officerId
        self.start = start
        self.end = end
        self.startPoint = startPoint
    }
}

/// An absence (minutes since the epoch; `until` nil: open-ended).
public struct AbsenceFacts: Hashable, Sendable {
    /// The officer.
    public var officerId: String
    /// From.
    public var from: Int
    /// Until, exclusive.
    public var until: Int?

    /// Makes an absence.
    public init(officerId: String, from: Int, until: Int? = nil) {
        self.officerId = officerId
        self.from = from
        self.until = until
    }
}

/// A task as the planner sees it (times in minutes since the epoch).
public struct TaskFacts: Hashable, Sendable {
    /// The task's row id (the stable key).
    public var id: Int64
    /// Its number (for explanations and the tie-break).
    public var number: TaskNumber
    /// Priority.
    public var priority: Priority
    /// Category.
    public var category: Category
    /// When received.
    public var receivedAt: Int
    /// Work may start at this moment at the earliest (`gewenstAanvang`, or receipt).
    public var earliestStart: Int
    /// Work must be done by this moment (`uiterlijkGereed`).
    public var deadline: Int
    /// Minutes of work.
    public var durationMinutes: Int
    /// Officers who start together.
    public var teamSize: Int
    /// Required domain.
    public var domain: Domain
    /// Required powers.
    public var powers: Set<Power>
    /// Confidentiality.
    public var confidentiality: Confidentiality
    /// Where.
    public var point: RDPoint
    /// Neighbourhood.
    public var neighbourhood: String?
    /// The OM's preferred officer.
    public var preferredOfficer: String?
    /// A visit already started (ONDERWEG, TER_PLAATSE): kept as it is.
    public var pinned: Bool

    /// Makes a task.
    public init(id: Int64, number: TaskNumber, priority: Priority, category: Category, receivedAt: Int, earliestStart: Int, deadline: Int,
                durationMinutes: Int, teamSize: Int, domain: Domain, powers: Set<Power>, confidentiality: Confidentiality, point: RDPoint,
                neighbourhood: String? = nil, preferredOfficer: String? = nil, pinned: Bool = false) {
        self.id = id
        self.number = number
        self.priority = priority
        self.category = category
        self.receivedAt = receivedAt
        self.earliestStart = earliestStart
        self.deadline = deadline
        self.durationMinutes = durationMinutes
        self.teamSize = teamSize
        self.domain = domain
        self.powers = powers
        self.confidentiality = confidentiality
        self.point = point
        self.neighbourhood = neighbourhood
        self.preferredOfficer = preferredOfficer
        self.pinned = pinned
    }
}

/// A task planned: the team starts together at `start` (minutes since the epoch).
public struct Visit: Hashable, Sendable {
    /// The task.
    public var taskId: Int64
    /// Start of the work.
    public var start: Int
    /// The team, by service number, sorted.
    public var members: [Member]

    /// One officer of the team.
    public struct Member: Hashable, Sendable {
        /// Service number.
        public var officerId: String
        /// The shift the work falls in.
        public var shiftId: Int64
        /// Minutes of travel before the work.
        public var travelMinutes: Int

        /// Makes a member.
        public init(officerId: String, shiftId: Int64, travelMinutes: Int) {
            self.officerId = officerId
            self.shiftId = shiftId
            self.travelMinutes = travelMinutes
        }
    }

    /// Makes a visit; members are kept sorted by service number.
    public init(taskId: Int64, start: Int, members: [Member]) {
        self.taskId = taskId
        self.start = start
        self.members = members.sorted { $0.officerId < $1.officerId }
    }

    /// The team's service numbers, sorted.
    public var officerIds: [String] { members.map(\.officerId) }
}

/// Everything the planner decides from (KOPPELVLAK §8).
public struct PlanningProblem: Sendable {
    /// Now, minutes since the epoch: nothing is planned to start before it.
    public var now: Int
    /// Officers.
    public var officers: [OfficerFacts]
    /// Shifts.
    public var shifts: [ShiftFacts]
    /// Absences.
    public var absences: [AbsenceFacts]
    /// Open tasks to plan (not final, not TEST).
    public var tasks: [TaskFacts]
    /// The current plan (what officers have been sent), by task.
    public var current: [Int64: Visit]
    /// Settings.
    public var settings: PlannerSettings

    /// Makes a problem.
    public init(now: Int, officers: [OfficerFacts], shifts: [ShiftFacts], absences: [AbsenceFacts], tasks: [TaskFacts],
                current: [Int64: Visit] = [:], settings: PlannerSettings = PlannerSettings()) {
        self.now = now
        self.officers = officers
        self.shifts = shifts
        self.absences = absences
        self.tasks = tasks
        self.current = current
        self.settings = settings
    }
}

/// Why a task is not planned: the code and the filter funnel in words.
public struct Unplanned: Hashable, Sendable {
    /// BOA001 (no officer holds the deed and powers), BOA005 (not enough officers for the team) or BOA004
    /// (no capacity before the deadline).
    public var reason: ReasonCode
    /// The funnel, e.g. `41 active → 6 with deed I + APV → 0 screened VERTROUWELIJK`.
    public var funnel: String
}

/// The reasons of one assignment: the score parts and the best rejected alternatives.
public struct Explanation: Hashable, Sendable {
    /// Score parts, in the order compared.
    public var scoreParts: [(name: String, value: Int)]
    /// The best alternatives not chosen, in words.
    public var alternatives: [String]

    public static func == (lhs: Explanation, rhs: Explanation) -> Bool {
        lhs.scoreParts.map(\.name) == rhs.scoreParts.map(\.name) && lhs.scoreParts.map(\.value) == rhs.scoreParts.map(\.value)
            && lhs.alternatives == rhs.alternatives
    }

    public func hash(into hasher: inout Hasher) {
        for part in scoreParts {
            hasher.combine(part.name)
            hasher.combine(part.value)
        }
        hasher.combine(alternatives)
    }
}

/// The planner's decisions.
public struct Plan: Sendable {
    /// Planned tasks.
    public var visits: [Int64: Visit]
    /// Unplanned tasks with their reason.
    public var unplanned: [Int64: Unplanned]
    /// Why each visit was chosen.
    public var explanations: [Int64: Explanation]
}
