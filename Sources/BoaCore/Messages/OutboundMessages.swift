/// A fault (`foutbericht` of `fout_Fo01` and `fout_Fo03`, KOPPELVLAK §5.2).
public struct Fault: Hashable, Sendable, Codable {
    /// Fault code (`code`).
    public var code: FaultCode
    /// Whose fault (`plek`).
    public var side: FaultSide
    /// What is wrong, in plain words (`omschrijving`, at most 200 characters).
    public var description: String
    /// Details (`details`, at most 1000 characters): for schema faults each error's line, column and message.
    public var details: String?

    /// Makes a fault.
    public init(code: FaultCode, side: FaultSide = .client, description: String, details: String? = nil) {
        self.code = code
        self.side = side
        self.description = description
        self.details = details
    }
}

/// Reaction to a task request (`taakReactie_Du01`, body `antwoord`, KOPPELVLAK §5.3).
public struct TaskReaction: Hashable, Sendable, Codable {
    /// The requester's key (`taakId`).
    public var taskId: String
    /// The service's task number (`taakNummer`).
    public var taskNumber: TaskNumber
    /// `ACCEPT`, `PROVISIONAL` or `DECLINE` (`reactie`).
    public var reaction: Reaction
    /// Why (`redenCode`).
    public var reasonCode: ReasonCode?
    /// Explanation (`toelichting`).
    public var explanation: String?
    /// Planned start (`geplandAanvang`); always present with `ACCEPT`.
    public var plannedStart: Timestamp?
    /// The team's officers (`bezetting/boaId`); always present with `ACCEPT`. `aantal` is their count.
    public var team: [String]?

    /// Makes a reaction.
    public init(taskId: String, taskNumber: TaskNumber, reaction: Reaction, reasonCode: ReasonCode? = nil, explanation: String? = nil, plannedStart: Timestamp? = nil, team: [String]? = nil) {
        self.taskId = taskId
        self.taskNumber = taskNumber
        self.reaction = reaction
        self.reasonCode = reasonCode
        self.explanation = explanation
        self.plannedStart = plannedStart
        self.team = team
    }
}

/// Status change of a task (`taakStatus_Di01`, body `taakstatus`, KOPPELVLAK §5.4).
public struct TaskStatusReport: Hashable, Sendable, Codable {
    /// The requester's key (`taakId`).
    public var taskId: String
    /// The service's task number (`taakNummer`).
    public var taskNumber: TaskNumber
    /// The new status (`status`).
    public var status: TaskStatus
    /// When it changed (`tijdstip`).
    public var time: Timestamp
    /// Why (`redenCode`).
    public var reasonCode: ReasonCode?
    /// Explanation (`toelichting`).
    public var explanation: String?

    /// Makes a status report.
    public init(taskId: String, taskNumber: TaskNumber, status: TaskStatus, time: Timestamp, reasonCode: ReasonCode? = nil, explanation: String? = nil) {
        self.taskId = taskId
        self.taskNumber = taskNumber
        self.status = status
        self.time = time
        self.reasonCode = reasonCode
        self.explanation = explanation
    }
}

/// One task in an answer to a status question (`taak` in `statusantwoord`).
public struct StatusAnswerEntry: Hashable, Sendable, Codable {
    /// The asker's key (`taakId`).
    public var taskId: String
    /// The service's task number; nil for an unknown task.
    public var taskNumber: TaskNumber?
    /// The status; nil means `ONBEKEND` (unknown, or not the asker's).
    public var status: TaskStatus?
    /// The last status change; nil for an unknown task.
    public var time: Timestamp?

    /// Makes an entry.
    public init(taskId: String, taskNumber: TaskNumber? = nil, status: TaskStatus? = nil, time: Timestamp? = nil) {
        self.taskId = taskId
        self.taskNumber = taskNumber
        self.status = status
        self.time = time
    }
}

/// Answer to a status question (`taakstatusAntwoord_Du01`, body `statusantwoord`, KOPPELVLAK §5.5).
public struct StatusAnswer: Hashable, Sendable, Codable {
    /// The tasks asked about, 1 to 100.
    public var entries: [StatusAnswerEntry]

    /// Makes an answer.
    public init(entries: [StatusAnswerEntry]) { self.entries = entries }
}

/// Result of a completed task (`taakResultaat_Di01`, body `resultaatmelding`, KOPPELVLAK §5.6).
public struct TaskResultReport: Hashable, Sendable, Codable {
    /// The requester's key (`taakId`).
    public var taskId: String
    /// The service's task number (`taakNummer`).
    public var taskNumber: TaskNumber
    /// Outcomes, at least one (`resultaat`).
    public var outcomes: [Outcome]
    /// Summary (`samenvatting`).
    public var summary: String?

    /// Makes a result report.
    public init(taskId: String, taskNumber: TaskNumber, outcomes: [Outcome], summary: String? = nil) {
        self.taskId = taskId
        self.taskNumber = taskNumber
        self.outcomes = outcomes
        self.summary = summary
    }
}

/// Order for one officer (`inzetOpdracht_Di01`, body `inzet`, KOPPELVLAK §5.7).
public struct Deployment: Hashable, Sendable, Codable {
    /// The service's task number (`taakNummer`).
    public var taskNumber: TaskNumber
    /// The officer this order is for (`boaId`).
    public var officerId: String
    /// The rest of the team (`collega`), at most 3.
    public var colleagues: [String]
    /// Category (`categorie`).
    public var category: Category
    /// Priority (`prioriteit`).
    public var priority: Priority
    /// Where (`locatie`).
    public var location: Location
    /// Planned start (`geplandAanvang`).
    public var plannedStart: Timestamp
    /// Estimated minutes (`geschatteDuur`).
    public var estimatedMinutes: Int
    /// Deadline (`uiterlijkGereed`).
    public var deadline: Timestamp
    /// Confidentiality (`vertrouwelijkheid`).
    public var confidentiality: Confidentiality
    /// Description (`omschrijving`).
    public var description: String?
    /// Safety information (`veiligheid`).
    public var safety: Safety?

    /// Makes an order.
    public init(
        taskNumber: TaskNumber, officerId: String, colleagues: [String] = [], category: Category, priority: Priority,
        location: Location, plannedStart: Timestamp, estimatedMinutes: Int, deadline: Timestamp,
        confidentiality: Confidentiality, description: String? = nil, safety: Safety? = nil
    ) {
        self.taskNumber = taskNumber
        self.officerId = officerId
        self.colleagues = colleagues
        self.category = category
        self.priority = priority
        self.location = location
        self.plannedStart = plannedStart
        self.estimatedMinutes = estimatedMinutes
        self.deadline = deadline
        self.confidentiality = confidentiality
        self.description = description
        self.safety = safety
    }
}

/// Withdrawal of an order (`inzetIntrekking_Di01`, body `intrekking`, KOPPELVLAK §5.8).
public struct DeploymentWithdrawal: Hashable, Sendable, Codable {
    /// The service's task number (`taakNummer`).
    public var taskNumber: TaskNumber
    /// The officer (`boaId`).
    public var officerId: String
    /// Why (`reden`).
    public var reason: String

    /// Makes a withdrawal.
    public init(taskNumber: TaskNumber, officerId: String, reason: String) {
        self.taskNumber = taskNumber
        self.officerId = officerId
        self.reason = reason
    }
}

/// Care signal for the sociaal wijkteam (`zorgSignaal_Di01`, body `signaal`, KOPPELVLAK §5.9).
///
/// Carries no police data; its `grondslag` is always `AVG_ZORG`.
public struct CareSignal: Hashable, Sendable, Codable {
    /// The service's key (`signaalId`).
    public var signalId: String
    /// The task during which it was noticed (`taakNummer`).
    public var taskNumber: TaskNumber
    /// Neighbourhood (`buurtcode`).
    public var neighbourhood: String?
    /// What was noticed (`omschrijving`).
    public var description: String
    /// Urgency (`urgentie`).
    public var urgency: Urgency

    /// Makes a care signal.
    public init(signalId: String, taskNumber: TaskNumber, neighbourhood: String? = nil, description: String, urgency: Urgency) {
        self.signalId = signalId
        self.taskNumber = taskNumber
        self.neighbourhood = neighbourhood
        self.description = description
        self.urgency = urgency
    }
}

/// Undermining signal for the police and the RIEC (`ondermijningSignaal_Di01`, body `signaal`, KOPPELVLAK §5.10).
///
/// Its `vertrouwelijkheid` is always `STRIKT`.
public struct UnderminingSignal: Hashable, Sendable, Codable {
    /// The service's key (`signaalId`).
    public var signalId: String
    /// The task during which it was noticed (`taakNummer`).
    public var taskNumber: TaskNumber
    /// Where (`locatie`).
    public var location: Location
    /// What was noticed (`omschrijving`).
    public var description: String

    /// Makes an undermining signal.
    public init(signalId: String, taskNumber: TaskNumber, location: Location, description: String) {
        self.signalId = signalId
        self.taskNumber = taskNumber
        self.location = location
        self.description = description
    }
}

/// The body of a message; its case fixes the root element.
public enum MessageBody: Hashable, Sendable, Codable {
    /// `taakVerzoek_Di01`.
    case taskRequest(TaskRequest)
    /// `taakWijziging_Di01`.
    case taskChange(TaskChange)
    /// `taakIntrekking_Di01`.
    case taskCancellation(TaskCancellation)
    /// `statusVerzoek_Di01`.
    case statusRequest(StatusRequest)
    /// `omOpdracht_Di01`.
    case prosecutorInstruction(ProsecutorInstruction)
    /// `rooster_Di01`.
    case roster(Roster)
    /// `beschikbaarheid_Di01`.
    case unavailability(Unavailability)
    /// `veldrapport_Di01`.
    case fieldReport(FieldReport)
    /// `bevestiging_Bv03` (no body).
    case acknowledgement
    /// `fout_Fo01`.
    case contentFault(Fault)
    /// `fout_Fo03`.
    case envelopeFault(Fault)
    /// `taakReactie_Du01`.
    case taskReaction(TaskReaction)
    /// `taakStatus_Di01`.
    case taskStatus(TaskStatusReport)
    /// `taakstatusAntwoord_Du01`.
    case statusAnswer(StatusAnswer)
    /// `taakResultaat_Di01`.
    case taskResult(TaskResultReport)
    /// `inzetOpdracht_Di01`.
    case deployment(Deployment)
    /// `inzetIntrekking_Di01`.
    case deploymentWithdrawal(DeploymentWithdrawal)
    /// `zorgSignaal_Di01`.
    case careSignal(CareSignal)
    /// `ondermijningSignaal_Di01`.
    case underminingSignal(UnderminingSignal)

    /// The root element this body belongs to.
    public var kind: MessageKind {
        switch self {
        case .taskRequest: .taskRequest
        case .taskChange: .taskChange
        case .taskCancellation: .taskCancellation
        case .statusRequest: .statusRequest
        case .prosecutorInstruction: .prosecutorInstruction
        case .roster: .roster
        case .unavailability: .unavailability
        case .fieldReport: .fieldReport
        case .acknowledgement: .acknowledgement
        case .contentFault: .contentFault
        case .envelopeFault: .envelopeFault
        case .taskReaction: .taskReaction
        case .taskStatus: .taskStatus
        case .statusAnswer: .statusAnswer
        case .taskResult: .taskResult
        case .deployment: .deployment
        case .deploymentWithdrawal: .deploymentWithdrawal
        case .careSignal: .careSignal
        case .underminingSignal: .underminingSignal
        }
    }
}
