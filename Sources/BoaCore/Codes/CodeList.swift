/// A value list of the message contract whose raw value is the code on the wire and in the database.
///
/// The codes are the vocabulary shared with partners and auditors (KOPPELVLAK §6), so they are the raw
/// values; the Swift case names are English with the Dutch code in the doc comment.
public protocol CodeList: RawRepresentable, CaseIterable, Hashable, Sendable, Codable
where RawValue == String {}

extension CodeList {
    /// The code as it appears on the wire.
    public var code: String { rawValue }
}

/// Task category (`categorie`, KOPPELVLAK §6.1), with its default domain and duration.
public enum Category: String, CodeList {
    /// `OVERLAST`: nuisance.
    case nuisance = "OVERLAST"
    /// `AFVAL`: waste.
    case waste = "AFVAL"
    /// `PARKEREN`: parking.
    case parking = "PARKEREN"
    /// `HONDEN`: dogs.
    case dogs = "HONDEN"
    /// `ALCOHOL`: alcohol.
    case alcohol = "ALCOHOL"
    /// `VUURWERK`: fireworks.
    case fireworks = "VUURWERK"
    /// `EVENEMENT`: an event.
    case event = "EVENEMENT"
    /// `INBRAAKNAZORG`: burglary aftercare.
    case burglaryAftercare = "INBRAAKNAZORG"
    /// `ONDERMIJNING_CONTROLE`: a check against undermining.
    case underminingCheck = "ONDERMIJNING_CONTROLE"
    /// `ZORG_SIGNAAL`: following up a care signal.
    case careSignal = "ZORG_SIGNAAL"
    /// `MILIEU`: environment.
    case environment = "MILIEU"
    /// `LEERPLICHT`: school attendance.
    case schoolAttendance = "LEERPLICHT"
    /// `OM_OPDRACHT`: a prosecutor's instruction.
    case prosecutorInstruction = "OM_OPDRACHT"
    /// `INTEGRALE_CONTROLE`: an integrated check with partners.
    case integratedCheck = "INTEGRALE_CONTROLE"
    /// `OVERIG`: other.
    case other = "OVERIG"

    /// The domain a task of this category needs when the request names none.
    public var defaultDomain: Domain {
        switch self {
        case .environment: .environment
        case .schoolAttendance: .education
        default: .publicSpace
        }
    }

    /// The estimated minutes of work when the request names none.
    public var defaultDurationMinutes: Int {
        switch self {
        case .nuisance, .fireworks, .careSignal, .schoolAttendance, .other: 45
        case .waste, .parking, .dogs: 30
        case .alcohol, .burglaryAftercare, .environment, .prosecutorInstruction: 60
        case .event: 240
        case .underminingCheck: 120
        case .integratedCheck: 180
        }
    }
}

/// Priority (`prioriteit`, KOPPELVLAK §6.2).
public enum Priority: Int, CaseIterable, Hashable, Sendable, Codable, Comparable {
    /// `1` spoed: start within 60 minutes, same shift.
    case urgent = 1
    /// `2` today: before the end of the current or next shift.
    case today = 2
    /// `3` planned: within 5 working days.
    case planned = 3
    /// `4` an agreed window.
    case agreedWindow = 4

    /// Lower raw value is more important; `urgent < today`.
    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// BOA domain (`domein`, I to VI).
public enum Domain: String, CodeList {
    /// `I`: openbare ruimte (public space).
    case publicSpace = "I"
    /// `II`: milieu, welzijn en infrastructuur.
    case environment = "II"
    /// `III`: onderwijs (education).
    case education = "III"
    /// `IV`: openbaar vervoer (public transport).
    case publicTransport = "IV"
    /// `V`: werk en inkomen (work and income).
    case workAndIncome = "V"
    /// `VI`: generieke opsporing (generic investigation).
    case generic = "VI"
}

/// A power granted by a deed (`bevoegdheid`, KOPPELVLAK §6.3).
public enum Power: String, CodeList {
    /// `APV`: the municipality's general bylaw.
    case bylaw = "APV"
    /// `WAHV`: administrative traffic fines (Wet Mulder).
    case wahv = "WAHV"
    /// `BSBO`: the municipal administrative fine for nuisance.
    case bsbo = "BSBO"
    /// `ALCOHOLWET`: the Alcohol Act.
    case alcoholAct = "ALCOHOLWET"
    /// `AFVALSTOFFEN`: waste regulations.
    case wasteRegulations = "AFVALSTOFFEN"
    /// `WEGENVERKEERSWET`: the Road Traffic Act.
    case roadTrafficAct = "WEGENVERKEERSWET"
    /// `LEERPLICHTWET`: the Compulsory Education Act.
    case schoolAttendanceAct = "LEERPLICHTWET"
    /// `MILIEUWETGEVING`: environmental law.
    case environmentalLaw = "MILIEUWETGEVING"
    /// `BOETE_OM`: the prosecutor's penalty order.
    case prosecutorFine = "BOETE_OM"
    /// `BOEIEN`: handcuffs (needs a handhavingsarrangement).
    case handcuffs = "BOEIEN"
}

/// Confidentiality of a task, or the screening of an officer (`vertrouwelijkheid`).
///
/// Ordered: `normal < confidential < strict`; an officer may see a task when
/// `task.confidentiality <= officer.screening`.
public enum Confidentiality: String, CodeList, Comparable {
    /// `NORMAAL`.
    case normal = "NORMAAL"
    /// `VERTROUWELIJK`.
    case confidential = "VERTROUWELIJK"
    /// `STRIKT`.
    case strict = "STRIKT"

    private var rank: Int {
        switch self {
        case .normal: 0
        case .confidential: 1
        case .strict: 2
        }
    }

    /// Compares by level of confidentiality.
    public static func < (lhs: Confidentiality, rhs: Confidentiality) -> Bool { lhs.rank < rhs.rank }
}

/// Legal basis for processing (`grondslag`, Wpg/AVG).
public enum LegalBasis: String, CodeList {
    /// `WPG_ART8`: Wpg article 8 (daily police task).
    case wpgArticle8 = "WPG_ART8"
    /// `WPG_ART9`: Wpg article 9 (targeted processing).
    case wpgArticle9 = "WPG_ART9"
    /// `WPG_ART13`: Wpg article 13 (processing with partners).
    case wpgArticle13 = "WPG_ART13"
    /// `AVG_TOEZICHT`: GDPR, supervision.
    case gdprSupervision = "AVG_TOEZICHT"
    /// `AVG_ZORG`: GDPR, care.
    case gdprCare = "AVG_ZORG"

    /// The retention period when the request names none (KOPPELVLAK §7).
    public var defaultRetention: RetentionPeriod {
        switch self {
        case .wpgArticle9, .wpgArticle13: RetentionPeriod(years: 5)
        case .wpgArticle8, .gdprSupervision, .gdprCare: RetentionPeriod(years: 1)
        }
    }

    /// Whether tasks with vertrouwelijkheid `STRIKT` may be processed on this basis (KOPPELVLAK §10, BOA008).
    public var allowsStrictConfidentiality: Bool {
        self == .wpgArticle9 || self == .wpgArticle13
    }
}

/// Task status (`status`, KOPPELVLAK §6.5).
public enum TaskStatus: String, CodeList {
    /// `ONTVANGEN`: received.
    case received = "ONTVANGEN"
    /// `GEACCEPTEERD`: accepted, not staffed yet.
    case accepted = "GEACCEPTEERD"
    /// `INGEPLAND`: planned and staffed.
    case planned = "INGEPLAND"
    /// `ONDERWEG`: the team is on its way.
    case enRoute = "ONDERWEG"
    /// `TER_PLAATSE`: the team is on site.
    case onSite = "TER_PLAATSE"
    /// `AFGEROND`: completed (final).
    case completed = "AFGEROND"
    /// `GEWEIGERD`: declined (final).
    case declined = "GEWEIGERD"
    /// `INGETROKKEN`: cancelled by the requester (final).
    case cancelled = "INGETROKKEN"
    /// `AFGEBROKEN`: aborted in the field; goes back to planning.
    case aborted = "AFGEBROKEN"
    /// `OVERGEDRAGEN_POLITIE`: handed over to the police (final).
    case handedToPolice = "OVERGEDRAGEN_POLITIE"

    /// Whether no further status change can follow.
    public var isFinal: Bool {
        switch self {
        case .completed, .declined, .cancelled, .handedToPolice: true
        default: false
        }
    }
}

/// A status an officer reports from the field (`veldrapport/status`).
public enum FieldStatus: String, CodeList {
    /// `ONDERWEG`.
    case enRoute = "ONDERWEG"
    /// `TER_PLAATSE`.
    case onSite = "TER_PLAATSE"
    /// `AFGEROND`.
    case completed = "AFGEROND"
    /// `AFGEBROKEN`.
    case aborted = "AFGEBROKEN"
    /// `OVERGEDRAGEN_POLITIE`.
    case handedToPolice = "OVERGEDRAGEN_POLITIE"

    /// The task status this report stands for.
    public var taskStatus: TaskStatus {
        switch self {
        case .enRoute: .enRoute
        case .onSite: .onSite
        case .completed: .completed
        case .aborted: .aborted
        case .handedToPolice: .handedToPolice
        }
    }
}

/// Outcome of a task (`resultaat/code`, KOPPELVLAK §6.4).
public enum ResultCode: String, CodeList {
    /// `GEEN_OVERTREDING`: no violation.
    case noViolation = "GEEN_OVERTREDING"
    /// `NIET_AANGETROFFEN`: nothing or nobody found.
    case notFound = "NIET_AANGETROFFEN"
    /// `WAARSCHUWING_MONDELING`: verbal warning.
    case verbalWarning = "WAARSCHUWING_MONDELING"
    /// `WAARSCHUWING_SCHRIFTELIJK`: written warning.
    case writtenWarning = "WAARSCHUWING_SCHRIFTELIJK"
    /// `BSBO`: administrative fine.
    case bsbo = "BSBO"
    /// `WAHV_BESCHIKKING`: traffic fine.
    case wahvDecision = "WAHV_BESCHIKKING"
    /// `STRAFBESCHIKKING`: penalty order.
    case penaltyOrder = "STRAFBESCHIKKING"
    /// `PV_OM`: official report to the prosecutor.
    case reportToProsecutor = "PV_OM"
    /// `BESTUURSRECHTELIJK_ADVIES`: advice for administrative enforcement.
    case administrativeAdvice = "BESTUURSRECHTELIJK_ADVIES"
    /// `VOORLICHTING`: information given.
    case information = "VOORLICHTING"
    /// `SIGNAAL_ZORG`: a care signal was made.
    case careSignal = "SIGNAAL_ZORG"
    /// `SIGNAAL_ONDERMIJNING`: an undermining signal was made.
    case underminingSignal = "SIGNAAL_ONDERMIJNING"
    /// `OVERGEDRAGEN_POLITIE`: handed over to the police.
    case handedToPolice = "OVERGEDRAGEN_POLITIE"
    /// `NIET_UITGEVOERD`: not carried out.
    case notCarriedOut = "NIET_UITGEVOERD"
}

/// Kind of a field signal (`signaal/soort`).
public enum SignalKind: String, CodeList {
    /// `ZORG`: care, for the sociaal wijkteam.
    case care = "ZORG"
    /// `ONDERMIJNING`: undermining, for the police and the RIEC.
    case undermining = "ONDERMIJNING"
}

/// Urgency of a signal (`urgentie`).
public enum Urgency: String, CodeList {
    /// `NORMAAL`.
    case normal = "NORMAAL"
    /// `HOOG`.
    case high = "HOOG"
}

/// What a prosecutor's instruction asks for (`gevraagdeHandeling`).
public enum RequestedAction: String, CodeList {
    /// `AANVULLEND_PV`: a supplementary official report.
    case supplementaryReport = "AANVULLEND_PV"
    /// `CONTROLE`: a check.
    case check = "CONTROLE"
    /// `VERHOOR_GETUIGE`: hearing a witness.
    case witnessInterview = "VERHOOR_GETUIGE"
    /// `OVERIG`: other.
    case other = "OVERIG"
}

/// Why an officer is unavailable (`afmelding/reden`).
public enum AbsenceReason: String, CodeList {
    /// `ZIEK`: sick.
    case sick = "ZIEK"
    /// `VERLOF`: leave.
    case leave = "VERLOF"
    /// `OPLEIDING`: training.
    case training = "OPLEIDING"
    /// `OVERIG`: other.
    case other = "OVERIG"
}

/// The service's reaction to a task request (`reactie`, KOPPELVLAK §5.3).
public enum Reaction: String, CodeList {
    /// `ACCEPT`: planned and staffed.
    case accept = "ACCEPT"
    /// `PROVISIONAL`: accepted, not staffed yet.
    case provisional = "PROVISIONAL"
    /// `DECLINE`: can never be done here.
    case decline = "DECLINE"
}

/// A reason code about a task (`redenCode`, BOA0xx, KOPPELVLAK §6.6). BOA009 is reserved and never sent.
public enum ReasonCode: String, CodeList {
    /// `BOA001`: no active officer holds the required deed and powers.
    case noQualifiedOfficer = "BOA001"
    /// `BOA002`: the place is outside the work area.
    case outsideWorkArea = "BOA002"
    /// `BOA003`: violence expected (the police keep the monopoly on force).
    case violenceExpected = "BOA003"
    /// `BOA004`: no capacity before the deadline.
    case noCapacity = "BOA004"
    /// `BOA005`: not enough officers for the required team.
    case teamTooSmall = "BOA005"
    /// `BOA006`: unknown taakId.
    case unknownTask = "BOA006"
    /// `BOA007`: invalid status transition.
    case invalidTransition = "BOA007"
    /// `BOA008`: grondslag or vertrouwelijkheid not allowed.
    case basisNotAllowed = "BOA008"
    /// `BOA010`: the deadline has already passed.
    case deadlinePassed = "BOA010"
    /// `BOA011`: the taakId is already used.
    case taskIdInUse = "BOA011"
    /// `BOA012`: unknown boaId.
    case unknownOfficer = "BOA012"
    /// `BOA013`: the officer is not assigned to this task.
    case officerNotAssigned = "BOA013"
    /// `BOA014`: `AFGEROND` without a `resultaat`.
    case completedWithoutResult = "BOA014"
    /// `BOA015`: a roster that contradicts itself.
    case rosterContradiction = "BOA015"
}

/// StUF message code (`berichtcode`).
public enum MessageCode: String, CodeList {
    /// `Di01`: a message.
    case di01 = "Di01"
    /// `Du01`: an answer.
    case du01 = "Du01"
    /// `Bv03`: an acknowledgement.
    case bv03 = "Bv03"
    /// `Fo01`: a content fault.
    case fo01 = "Fo01"
    /// `Fo03`: an envelope fault.
    case fo03 = "Fo03"
}

/// PROD or TEST (`administratie`).
public enum Administration: String, CodeList {
    /// `PROD`: production (also what an absent `administratie` means).
    case production = "PROD"
    /// `TEST`: processed in full, never dispatched to officers, excluded from reports.
    case test = "TEST"
}

/// Where a fault lies (`plek`).
public enum FaultSide: String, CodeList {
    /// `client`: the sender.
    case client
    /// `server`: the service.
    case server
}
