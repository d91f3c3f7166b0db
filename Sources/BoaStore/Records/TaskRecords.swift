import BoaCore
import GRDB

/// How a task came to be (`task.soort`).
public enum TaskOrigin: String, Hashable, Sendable {
    /// A `taakVerzoek` from the police or the OM.
    case request = "VERZOEK"
    /// An `omOpdracht`.
    case prosecutorInstruction = "OM_OPDRACHT"
    /// A neighbourhood round after a burglary (KOPPELVLAK §8.2), internal.
    case neighbourhoodRound = "BUURTRONDE"
}

/// A task as stored (`task`): the request with every default resolved.
public struct TaskRecord: Hashable, Sendable {
    /// Row id (0 before insertion).
    public var id: Int64 = 0
    /// The service's task number.
    public var taskNumber: TaskNumber
    /// The requesting partner's key; nil for internal tasks.
    public var partner: String?
    /// The requester's key; nil for internal tasks.
    public var taskId: String?
    /// How it came to be.
    public var origin: TaskOrigin
    /// The inbound message that created it.
    public var inboundId: Int64?
    /// TEST traffic.
    public var isTest: Bool = false
    /// Category.
    public var category: Category
    /// Subcategory.
    public var subcategory: String?
    /// Priority.
    public var priority: Priority
    /// Current status.
    public var status: TaskStatus
    /// Confidentiality.
    public var confidentiality: Confidentiality
    /// Legal basis.
    public var legalBasis: LegalBasis
    /// Retention period.
    public var retention: RetentionPeriod
    /// Source reference.
    public var sourceReference: String?
    /// Requesting unit and role.
    public var principal: Principal?
    /// Description.
    public var description: String?
    /// Where (nil only once retention has stripped it).
    public var location: Location?
    /// Earliest start.
    public var earliestStart: Int64?
    /// Deadline.
    public var deadline: Int64
    /// Estimated minutes.
    public var durationMinutes: Int
    /// Required domain.
    public var domain: Domain
    /// Required powers, sorted.
    public var powers: [Power]
    /// Team size.
    public var minimumTeam: Int
    /// Violence expected.
    public var violenceExpected: Bool = false
    /// Safety explanation.
    public var safetyExplanation: String?
    /// Preferred officer (OM).
    public var preferredOfficer: String?
    /// OM case number.
    public var caseNumber: String?
    /// OM report reference.
    public var reportReference: String?
    /// OM requested action.
    public var requestedAction: RequestedAction?
    /// When received (ms).
    public var receivedAt: Int64
    /// When first planned.
    public var firstPlannedAt: Int64?
    /// When completed.
    public var completedAt: Int64?
    /// When it reached a final status.
    public var closedAt: Int64?
    /// `tijdstipBericht` of the last change applied.
    public var lastChangeTime: String?
    /// Why it is unplanned or declined (BOA0xx).
    public var reasonCode: String?
    /// The reason in words (the filter funnel).
    public var reasonText: String?

    /// Makes a record.
    public init(
        taskNumber: TaskNumber, partner: String?, taskId: String?, origin: TaskOrigin, inboundId: Int64?, isTest: Bool = false,
        category: Category, subcategory: String? = nil, priority: Priority, status: TaskStatus = .received,
        confidentiality: Confidentiality, legalBasis: LegalBasis, retention: RetentionPeriod, sourceReference: String? = nil,
        principal: Principal? = nil, description: String? = nil, location: Location, earliestStart: Int64? = nil, deadline: Int64,
        durationMinutes: Int, domain: Domain, powers: [Power], minimumTeam: Int, violenceExpected: Bool = false,
        safetyExplanation: String? = nil, preferredOfficer: String? = nil, caseNumber: String? = nil, reportReference: String? = nil,
        requestedAction: RequestedAction? = nil, receivedAt: Int64
    ) {
        self.taskNumber = taskNumber
        self.partner = partner
        self.taskId = taskId
        self.origin = origin
        self.inboundId = inboundId
        self.isTest = isTest
        self.category = category
        self.subcategory = subcategory
        self.priority = priority
        self.status = status
        self.confidentiality = confidentiality
        self.legalBasis = legalBasis
        self.retention = retention
        self.sourceReference = sourceReference
        self.principal = principal
        self.description = description
        self.location = location
        self.earliestStart = earliestStart
        self.deadline = deadline
        self.durationMinutes = durationMinutes
        self.domain = domain
        self.powers = powers.sorted { $0.rawValue < $1.rawValue }
        self.minimumTeam = minimumTeam
        self.violenceExpected = violenceExpected
        self.safetyExplanation = safetyExplanation
        self.preferredOfficer = preferredOfficer
        self.caseNumber = caseNumber
        self.reportReference = reportReference
        self.requestedAction = requestedAction
        self.receivedAt = receivedAt
    }
}

extension StoreTransaction {
    /// The next task number of a year: `T<year>-<sequence>`, never reused.
    public func nextTaskNumber(year: Int) throws -> TaskNumber {
        let value = try nextCounterValue("taak-\(year)")
        guard value <= 999_999 else {
            throw StoreError(message: "the task numbers of \(year) are used up (999999 tasks)")
        }
        return TaskNumber(year: year, sequence: Int(value))
    }

    /// Records a task with its first status; returns its id.
    @discardableResult
    public func insertTask(_ task: TaskRecord) throws -> Int64 {
        let location = task.location
        let address = location?.address
        let statement = try db.cachedStatement(sql: """
            INSERT INTO task (taak_nummer, partner, taak_id, soort, inbound_id, is_test, categorie, subcategorie, prioriteit, status,
                vertrouwelijkheid, grondslag, bewaartermijn, bron_referentie, opdrachtgever_eenheid, opdrachtgever_rol, omschrijving,
                locatie_omschrijving, straatnaam, huisnummer, huisletter, huisnummertoevoeging, postcode, woonplaats, buurtcode, x, y,
                gewenst_aanvang, uiterlijk_gereed, duur_minuten, domein, bevoegdheden, minimale_bezetting, geweld_verwacht,
                veiligheid_toelichting, voorkeur_boa, parketnummer, pv_referentie, gevraagde_handeling, received_at, closed_at,
                reden_code, reden_toelichting)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var values: [(any DatabaseValueConvertible)?] = [
            task.taskNumber.description, task.partner, task.taskId, task.origin.rawValue, task.inboundId, task.isTest,
            task.category.rawValue, task.subcategory, task.priority.rawValue, task.status.rawValue, task.confidentiality.rawValue,
            task.legalBasis.rawValue, task.retention.description, task.sourceReference, task.principal?.unit, task.principal?.role,
            task.description,
        ]
        values += [
            location?.description, address?.street, address?.houseNumber, address?.houseLetter, address?.houseNumberAddition,
            address?.postcode, address?.town, location?.neighbourhood, location?.point.x, location?.point.y,
        ] as [(any DatabaseValueConvertible)?]
        values += [
            task.earliestStart.map(StoreTime.text), StoreTime.text(task.deadline), task.durationMinutes, task.domain.rawValue,
            task.powers.map(\.rawValue).joined(separator: ","), task.minimumTeam, task.violenceExpected, task.safetyExplanation,
            task.preferredOfficer, task.caseNumber, task.reportReference, task.requestedAction?.rawValue, StoreTime.text(task.receivedAt),
            task.status.isFinal ? StoreTime.text(task.receivedAt) : nil, task.reasonCode, task.reasonText,
        ] as [(any DatabaseValueConvertible)?]
        try statement.execute(arguments: StatementArguments(values))
        let id = db.lastInsertedRowID
        try insertStatusHistory(taskId: id, status: task.status, at: task.receivedAt, reasonCode: task.reasonCode, explanation: nil, inboundId: task.inboundId)
        return id
    }

    private func insertStatusHistory(taskId: Int64, status: TaskStatus, at: Int64, reasonCode: String?, explanation: String?, inboundId: Int64?) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO task_status (task_id, status, at, reden_code, toelichting, inbound_id) VALUES (?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [taskId, status.rawValue, StoreTime.text(at), reasonCode, explanation, inboundId])
    }

    /// Moves a task to a status, adding to its history; sets `first_planned_at`, `completed_at` and
    /// `closed_at` the first time they apply.
    public func setTaskStatus(_ taskId: Int64, _ status: TaskStatus, at: Int64, reasonCode: String? = nil, explanation: String? = nil, inboundId: Int64? = nil) throws {
        let time = StoreTime.text(at)
        try db.execute(sql: """
            UPDATE task SET status = ?,
                first_planned_at = CASE WHEN ? = 'INGEPLAND' THEN COALESCE(first_planned_at, ?) ELSE first_planned_at END,
                completed_at = CASE WHEN ? = 'AFGEROND' THEN COALESCE(completed_at, ?) ELSE NULL END,
                closed_at = CASE WHEN ? IN ('AFGEROND', 'GEWEIGERD', 'INGETROKKEN', 'OVERGEDRAGEN_POLITIE') THEN COALESCE(closed_at, ?) ELSE NULL END,
                reden_code = ?, reden_toelichting = ?
             WHERE id = ?
            """, arguments: [status.rawValue, status.rawValue, time, status.rawValue, time, status.rawValue, time, reasonCode, explanation, taskId])
        try insertStatusHistory(taskId: taskId, status: status, at: at, reasonCode: reasonCode, explanation: explanation, inboundId: inboundId)
    }
}
