/// The message name (`functie`): the prefix of a root element.
public enum Function: String, CodeList {
    /// `taakVerzoek`.
    case taakVerzoek
    /// `taakWijziging`.
    case taakWijziging
    /// `taakIntrekking`.
    case taakIntrekking
    /// `statusVerzoek`.
    case statusVerzoek
    /// `omOpdracht`.
    case omOpdracht
    /// `rooster`.
    case rooster
    /// `beschikbaarheid`.
    case beschikbaarheid
    /// `veldrapport`.
    case veldrapport
    /// `bevestiging`.
    case bevestiging
    /// `fout`.
    case fout
    /// `taakReactie`.
    case taakReactie
    /// `taakStatus`.
    case taakStatus
    /// `taakstatusAntwoord`.
    case taakstatusAntwoord
    /// `taakResultaat`.
    case taakResultaat
    /// `inzetOpdracht`.
    case inzetOpdracht
    /// `inzetIntrekking`.
    case inzetIntrekking
    /// `zorgSignaal`.
    case zorgSignaal
    /// `ondermijningSignaal`.
    case ondermijningSignaal
}

/// One of the 19 root elements of the contract: a `functie` with its `berichtcode`.
public enum MessageKind: String, CodeList {
    /// `taakVerzoek_Di01`: task request (police, OM).
    case taskRequest = "taakVerzoek_Di01"
    /// `taakWijziging_Di01`: task change (police, OM).
    case taskChange = "taakWijziging_Di01"
    /// `taakIntrekking_Di01`: task cancellation (police, OM).
    case taskCancellation = "taakIntrekking_Di01"
    /// `statusVerzoek_Di01`: status question (police, OM).
    case statusRequest = "statusVerzoek_Di01"
    /// `omOpdracht_Di01`: prosecutor's instruction (OM).
    case prosecutorInstruction = "omOpdracht_Di01"
    /// `rooster_Di01`: officers and shifts (rooster).
    case roster = "rooster_Di01"
    /// `beschikbaarheid_Di01`: an officer becomes unavailable (rooster, boa-app).
    case unavailability = "beschikbaarheid_Di01"
    /// `veldrapport_Di01`: report from the field (boa-app).
    case fieldReport = "veldrapport_Di01"
    /// `bevestiging_Bv03`: acknowledgement.
    case acknowledgement = "bevestiging_Bv03"
    /// `fout_Fo01`: content fault.
    case contentFault = "fout_Fo01"
    /// `fout_Fo03`: envelope fault.
    case envelopeFault = "fout_Fo03"
    /// `taakReactie_Du01`: reaction to a task request.
    case taskReaction = "taakReactie_Du01"
    /// `taakStatus_Di01`: status change of a task.
    case taskStatus = "taakStatus_Di01"
    /// `taakstatusAntwoord_Du01`: answer to a status question.
    case statusAnswer = "taakstatusAntwoord_Du01"
    /// `taakResultaat_Di01`: result of a completed task.
    case taskResult = "taakResultaat_Di01"
    /// `inzetOpdracht_Di01`: order for an officer.
    case deployment = "inzetOpdracht_Di01"
    /// `inzetIntrekking_Di01`: withdrawal of an order.
    case deploymentWithdrawal = "inzetIntrekking_Di01"
    /// `zorgSignaal_Di01`: care signal.
    case careSignal = "zorgSignaal_Di01"
    /// `ondermijningSignaal_Di01`: undermining signal.
    case underminingSignal = "ondermijningSignaal_Di01"

    /// The `functie` of this root.
    public var function: Function {
        switch self {
        case .taskRequest: .taakVerzoek
        case .taskChange: .taakWijziging
        case .taskCancellation: .taakIntrekking
        case .statusRequest: .statusVerzoek
        case .prosecutorInstruction: .omOpdracht
        case .roster: .rooster
        case .unavailability: .beschikbaarheid
        case .fieldReport: .veldrapport
        case .acknowledgement: .bevestiging
        case .contentFault, .envelopeFault: .fout
        case .taskReaction: .taakReactie
        case .taskStatus: .taakStatus
        case .statusAnswer: .taakstatusAntwoord
        case .taskResult: .taakResultaat
        case .deployment: .inzetOpdracht
        case .deploymentWithdrawal: .inzetIntrekking
        case .careSignal: .zorgSignaal
        case .underminingSignal: .ondermijningSignaal
        }
    }

    /// The `berichtcode` of this root.
    public var messageCode: MessageCode {
        switch self {
        case .acknowledgement: .bv03
        case .contentFault: .fo01
        case .envelopeFault: .fo03
        case .taskReaction, .statusAnswer: .du01
        default: .di01
        }
    }

    /// Whether partners send this message to the service (KOPPELVLAK §4); otherwise the service sends it (§5).
    public var isInbound: Bool {
        switch self {
        case .taskRequest, .taskChange, .taskCancellation, .statusRequest, .prosecutorInstruction,
            .roster, .unavailability, .fieldReport:
            true
        default: false
        }
    }

    /// The kind for a `functie` and `berichtcode`, if the contract has such a root.
    public init?(function: Function, code: MessageCode) {
        guard let kind = MessageKind.allCases.first(where: { $0.function == function && $0.messageCode == code })
        else { return nil }
        self = kind
    }
}
