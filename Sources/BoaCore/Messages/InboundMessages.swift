/// Task request (`taakVerzoek_Di01`, body `taak`, KOPPELVLAK §4.1).
public struct TaskRequest: Hashable, Sendable, Codable {
    /// The sender's own key (`taakId`).
    public var taskId: String
    /// Source reference, e.g. a melding number (`bronReferentie`).
    public var sourceReference: String?
    /// Category (`categorie`).
    public var category: Category
    /// Subcategory (`subcategorie`).
    public var subcategory: String?
    /// Priority (`prioriteit`).
    public var priority: Priority
    /// Where (`locatie`).
    public var location: Location
    /// When (`tijdvak`).
    public var window: TimeWindow
    /// Estimated minutes (`geschatteDuur`); nil means the category default.
    public var estimatedMinutes: Int?
    /// Required domain (`vereistDomein`); nil means the category default.
    public var requiredDomain: Domain?
    /// Required powers (`vereisteBevoegdheden`); nil when the element is absent (an empty list is written as absent).
    public var requiredPowers: [Power]?
    /// Team size (`minimaleBezetting`); nil means 2.
    public var minimumTeam: Int?
    /// Safety information (`veiligheid`).
    public var safety: Safety?
    /// Confidentiality (`vertrouwelijkheid`); nil means `NORMAAL`.
    public var confidentiality: Confidentiality?
    /// Legal basis (`grondslag`).
    public var legalBasis: LegalBasis
    /// Retention period (`bewaartermijn`); nil means the legal basis's default.
    public var retention: RetentionPeriod?
    /// Requesting unit (`opdrachtgever`).
    public var principal: Principal?
    /// Description (`omschrijving`).
    public var description: String?

    /// Makes a task request.
    public init(
        taskId: String, sourceReference: String? = nil, category: Category, subcategory: String? = nil,
        priority: Priority, location: Location, window: TimeWindow, estimatedMinutes: Int? = nil,
        requiredDomain: Domain? = nil, requiredPowers: [Power]? = nil, minimumTeam: Int? = nil,
        safety: Safety? = nil, confidentiality: Confidentiality? = nil, legalBasis: LegalBasis,
        retention: RetentionPeriod? = nil, principal: Principal? = nil, description: String? = nil
    ) {
        self.taskId = taskId
        self.sourceReference = sourceReference
        self.category = category
        self.subcategory = subcategory
        self.priority = priority
        self.location = location
        self.window = window
        self.estimatedMinutes = estimatedMinutes
        self.requiredDomain = requiredDomain
        self.requiredPowers = requiredPowers
        self.minimumTeam = minimumTeam
        self.safety = safety
        self.confidentiality = confidentiality
        self.legalBasis = legalBasis
        self.retention = retention
        self.principal = principal
        self.description = description
    }
}

/// Change of a task (`taakWijziging_Di01`, body `wijziging`, KOPPELVLAK §4.2): only the groups present change.
public struct TaskChange: Hashable, Sendable, Codable {
    /// The sender's key of the task (`taakId`).
    public var taskId: String
    /// New priority.
    public var priority: Priority?
    /// New location.
    public var location: Location?
    /// New window.
    public var window: TimeWindow?
    /// New estimated minutes.
    public var estimatedMinutes: Int?
    /// New team size.
    public var minimumTeam: Int?
    /// New safety information.
    public var safety: Safety?
    /// New description.
    public var description: String?
    /// Why (`wijzigingsReden`).
    public var reason: String

    /// Makes a task change.
    public init(
        taskId: String, priority: Priority? = nil, location: Location? = nil, window: TimeWindow? = nil,
        estimatedMinutes: Int? = nil, minimumTeam: Int? = nil, safety: Safety? = nil, description: String? = nil,
        reason: String
    ) {
        self.taskId = taskId
        self.priority = priority
        self.location = location
        self.window = window
        self.estimatedMinutes = estimatedMinutes
        self.minimumTeam = minimumTeam
        self.safety = safety
        self.description = description
        self.reason = reason
    }
}

/// Cancellation of a task (`taakIntrekking_Di01`, body `intrekking`, KOPPELVLAK §4.3).
public struct TaskCancellation: Hashable, Sendable, Codable {
    /// The sender's key of the task (`taakId`).
    public var taskId: String
    /// Why (`intrekkingsReden`).
    public var reason: String

    /// Makes a cancellation.
    public init(taskId: String, reason: String) {
        self.taskId = taskId
        self.reason = reason
    }
}

/// Status question (`statusVerzoek_Di01`, body `statusvraag`, KOPPELVLAK §4.4).
public struct StatusRequest: Hashable, Sendable, Codable {
    /// The asker's keys of the tasks asked about, 1 to 100 (`taakId`).
    public var taskIds: [String]

    /// Makes a status question.
    public init(taskIds: [String]) { self.taskIds = taskIds }
}

/// Prosecutor's instruction (`omOpdracht_Di01`, body `opdracht`, KOPPELVLAK §4.5).
public struct ProsecutorInstruction: Hashable, Sendable, Codable {
    /// The OM's key (`taakId`).
    public var taskId: String
    /// Case number (`parketnummer`), e.g. `05/123456-26`.
    public var caseNumber: String
    /// The original report (`pvReferentie`).
    public var reportReference: String?
    /// What is asked (`gevraagdeHandeling`).
    public var requestedAction: RequestedAction
    /// Where (`locatie`).
    public var location: Location
    /// The last day (`termijn`); the deadline is the end of that day in Amsterdam.
    public var dueDate: LocalDate
    /// Preferred officer (`voorkeurBoa`).
    public var preferredOfficer: String?
    /// Confidentiality (`vertrouwelijkheid`); nil means `NORMAAL`.
    public var confidentiality: Confidentiality?
    /// Legal basis (`grondslag`).
    public var legalBasis: LegalBasis
    /// Description (`omschrijving`).
    public var description: String?

    /// Makes an instruction.
    public init(
        taskId: String, caseNumber: String, reportReference: String? = nil, requestedAction: RequestedAction,
        location: Location, dueDate: LocalDate, preferredOfficer: String? = nil, confidentiality: Confidentiality? = nil,
        legalBasis: LegalBasis, description: String? = nil
    ) {
        self.taskId = taskId
        self.caseNumber = caseNumber
        self.reportReference = reportReference
        self.requestedAction = requestedAction
        self.location = location
        self.dueDate = dueDate
        self.preferredOfficer = preferredOfficer
        self.confidentiality = confidentiality
        self.legalBasis = legalBasis
        self.description = description
    }
}

/// A deed of appointment (`akte`) with its domain, powers and validity.
public struct Deed: Hashable, Sendable, Codable {
    /// Deed number (`aktenummer`).
    public var number: String
    /// Domain (`domein`).
    public var domain: Domain
    /// First valid day, inclusive (`geldigVan`).
    public var validFrom: LocalDate
    /// Last valid day, inclusive (`geldigTot`).
    public var validUntil: LocalDate
    /// Powers (`bevoegdheden`); nil when the element is absent (an empty list is written as absent).
    public var powers: [Power]?

    /// Makes a deed.
    public init(number: String, domain: Domain, validFrom: LocalDate, validUntil: LocalDate, powers: [Power]? = nil) {
        self.number = number
        self.domain = domain
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.powers = powers
    }
}

/// An officer in a roster (`boa`), known by service number.
public struct RosterOfficer: Hashable, Sendable, Codable {
    /// Service number (`boaId`).
    public var officerId: String
    /// Callsign (`roepnaam`).
    public var callsign: String?
    /// Deeds (`akte`), at least one.
    public var deeds: [Deed]
    /// The highest confidentiality this officer may see (`screening`).
    public var screening: Confidentiality
    /// Home neighbourhood (`thuisBuurt`).
    public var homeNeighbourhood: String?
    /// In active service (`actief`).
    public var active: Bool

    /// Makes a roster officer.
    public init(officerId: String, callsign: String? = nil, deeds: [Deed], screening: Confidentiality, homeNeighbourhood: String? = nil, active: Bool) {
        self.officerId = officerId
        self.callsign = callsign
        self.deeds = deeds
        self.screening = screening
        self.homeNeighbourhood = homeNeighbourhood
        self.active = active
    }
}

/// A shift (`dienst`).
public struct Shift: Hashable, Sendable, Codable {
    /// Key of the shift (`dienstId`).
    public var shiftId: String
    /// The officer (`boaId`).
    public var officerId: String
    /// Start (`aanvang`).
    public var start: Timestamp
    /// End (`einde`).
    public var end: Timestamp
    /// Where the shift starts (`startpunt`); nil means the service's home base.
    public var startPoint: RDPoint?

    /// Makes a shift.
    public init(shiftId: String, officerId: String, start: Timestamp, end: Timestamp, startPoint: RDPoint? = nil) {
        self.shiftId = shiftId
        self.officerId = officerId
        self.start = start
        self.end = end
        self.startPoint = startPoint
    }
}

/// A period of whole days (`periode`): `from` inclusive, `until` exclusive.
public struct DatePeriod: Hashable, Sendable, Codable {
    /// First day (`van`).
    public var from: LocalDate
    /// First day after the period (`tot`).
    public var until: LocalDate

    /// Makes a period.
    public init(from: LocalDate, until: LocalDate) {
        self.from = from
        self.until = until
    }
}

/// Officers and shifts (`rooster_Di01`, body `rooster`, KOPPELVLAK §4.6).
public struct Roster: Hashable, Sendable, Codable {
    /// The period this roster states in full (`periode`).
    public var period: DatePeriod
    /// Officers created or updated (`boa`).
    public var officers: [RosterOfficer]
    /// The shifts of the period (`dienst`).
    public var shifts: [Shift]

    /// Makes a roster.
    public init(period: DatePeriod, officers: [RosterOfficer] = [], shifts: [Shift] = []) {
        self.period = period
        self.officers = officers
        self.shifts = shifts
    }
}

/// An officer becomes unavailable (`beschikbaarheid_Di01`, body `afmelding`, KOPPELVLAK §4.7).
public struct Unavailability: Hashable, Sendable, Codable {
    /// The officer (`boaId`).
    public var officerId: String
    /// From (`van`).
    public var from: Timestamp
    /// Until (`tot`); nil means open-ended.
    public var until: Timestamp?
    /// Why (`reden`).
    public var reason: AbsenceReason

    /// Makes an absence.
    public init(officerId: String, from: Timestamp, until: Timestamp? = nil, reason: AbsenceReason) {
        self.officerId = officerId
        self.from = from
        self.until = until
        self.reason = reason
    }
}

/// A signal noticed in the field (`signaal` in a `veldrapport`).
public struct FieldSignal: Hashable, Sendable, Codable {
    /// Care or undermining (`soort`).
    public var kind: SignalKind
    /// What was noticed (`omschrijving`).
    public var description: String
    /// Urgency (`urgentie`); nil means `NORMAAL`.
    public var urgency: Urgency?

    /// Makes a signal.
    public init(kind: SignalKind, description: String, urgency: Urgency? = nil) {
        self.kind = kind
        self.description = description
        self.urgency = urgency
    }
}

/// Report from the field (`veldrapport_Di01`, body `rapport`, KOPPELVLAK §4.8).
public struct FieldReport: Hashable, Sendable, Codable {
    /// The service's task number (`taakNummer`).
    public var taskNumber: TaskNumber
    /// The reporting officer (`boaId`).
    public var officerId: String
    /// The status reached (`status`).
    public var status: FieldStatus
    /// When (`tijdstip`).
    public var time: Timestamp
    /// Outcomes (`resultaat`).
    public var outcomes: [Outcome]
    /// Summary (`samenvatting`).
    public var summary: String?
    /// Signals (`signaal`).
    public var signals: [FieldSignal]

    /// Makes a field report.
    public init(taskNumber: TaskNumber, officerId: String, status: FieldStatus, time: Timestamp, outcomes: [Outcome] = [], summary: String? = nil, signals: [FieldSignal] = []) {
        self.taskNumber = taskNumber
        self.officerId = officerId
        self.status = status
        self.time = time
        self.outcomes = outcomes
        self.summary = summary
        self.signals = signals
    }
}
