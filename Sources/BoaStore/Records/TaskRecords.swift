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
    /// The reaction sent to the requester, once sent.
    public var reaction: Reaction?

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
        var statement = try DirectStatement(db, cached: """
            INSERT INTO task (taak_nummer, partner, taak_id, soort, inbound_id, is_test, categorie, subcategorie, prioriteit, status,
                vertrouwelijkheid, grondslag, bewaartermijn, bron_referentie, opdrachtgever_eenheid, opdrachtgever_rol, omschrijving,
                locatie_omschrijving, straatnaam, huisnummer, huisletter, huisnummertoevoeging, postcode, woonplaats, buurtcode, x, y,
                gewenst_aanvang, uiterlijk_gereed, duur_minuten, domein, bevoegdheden, minimale_bezetting, geweld_verwacht,
                veiligheid_toelichting, voorkeur_boa, parketnummer, pv_referentie, gevraagde_handeling, received_at, closed_at,
                reden_code, reden_toelichting)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        statement.bind(task.taskNumber.description)
        statement.bind(task.partner)
        statement.bind(task.taskId)
        statement.bind(task.origin.rawValue)
        statement.bind(task.inboundId)
        statement.bind(task.isTest)
        statement.bind(task.category.rawValue)
        statement.bind(task.subcategory)
        statement.bind(task.priority.rawValue)
        statement.bind(task.status.rawValue)
        statement.bind(task.confidentiality.rawValue)
        statement.bind(task.legalBasis.rawValue)
        statement.bind(task.retention.description)
        statement.bind(task.sourceReference)
        statement.bind(task.principal?.unit)
        statement.bind(task.principal?.role)
        statement.bind(task.description)
        statement.bind(location?.description)
        statement.bind(address?.street)
        statement.bind(address?.houseNumber)
        statement.bind(address?.houseLetter)
        statement.bind(address?.houseNumberAddition)
        statement.bind(address?.postcode)
        statement.bind(address?.town)
        statement.bind(location?.neighbourhood)
        statement.bind(location?.point.x)
        statement.bind(location?.point.y)
        statement.bind(task.earliestStart.map(StoreTime.text))
        statement.bind(StoreTime.text(task.deadline))
        statement.bind(task.durationMinutes)
        statement.bind(task.domain.rawValue)
        statement.bind(task.powers.map(\.rawValue).joined(separator: ","))
        statement.bind(task.minimumTeam)
        statement.bind(task.violenceExpected)
        statement.bind(task.safetyExplanation)
        statement.bind(task.preferredOfficer)
        statement.bind(task.caseNumber)
        statement.bind(task.reportReference)
        statement.bind(task.requestedAction?.rawValue)
        statement.bind(StoreTime.text(task.receivedAt))
        statement.bind(task.status.isFinal ? StoreTime.text(task.receivedAt) : nil)
        statement.bind(task.reasonCode)
        statement.bind(task.reasonText)
        try statement.execute()
        let id = db.lastInsertedRowID
        try insertStatusHistory(taskId: id, status: task.status, at: task.receivedAt, reasonCode: task.reasonCode, explanation: nil, inboundId: task.inboundId)
        return id
    }

    private func insertStatusHistory(taskId: Int64, status: TaskStatus, at: Int64, reasonCode: String?, explanation: String?, inboundId: Int64?) throws {
        var statement = try DirectStatement(db, cached: """
            INSERT INTO task_status (task_id, status, at, reden_code, toelichting, inbound_id) VALUES (?, ?, ?, ?, ?, ?)
            """)
        statement.bind(taskId)
        statement.bind(status.rawValue)
        statement.bind(StoreTime.text(at))
        statement.bind(reasonCode)
        statement.bind(explanation)
        statement.bind(inboundId)
        try statement.execute()
    }

    private static let statusSet = """
        UPDATE task SET status = ?,
            first_planned_at = CASE WHEN ? = 'INGEPLAND' THEN COALESCE(first_planned_at, ?) ELSE first_planned_at END,
            completed_at = CASE WHEN ? = 'AFGEROND' THEN COALESCE(completed_at, ?) ELSE NULL END,
            closed_at = CASE WHEN ? IN ('AFGEROND', 'GEWEIGERD', 'INGETROKKEN', 'OVERGEDRAGEN_POLITIE') THEN COALESCE(closed_at, ?) ELSE NULL END,
            reden_code = ?, reden_toelichting = ?
        """
    private static let statusUpdate = statusSet + " WHERE id = ?"
    private static let statusAndReactionUpdate = statusSet + ", reactie = ?, reactie_at = ? WHERE id = ?"

    /// Moves a task to a status, adding to its history; sets `first_planned_at`, `completed_at` and
    /// `closed_at` the first time they apply. With a `reaction`, the same UPDATE records it as
    /// ``setTaskReaction(_:_:at:)`` would, at `at`.
    public func setTaskStatus(_ taskId: Int64, _ status: TaskStatus, at: Int64, reasonCode: String? = nil, explanation: String? = nil, inboundId: Int64? = nil,
                              reaction: Reaction? = nil) throws {
        let time = StoreTime.text(at)
        var arguments: StatementArguments = [status.rawValue, status.rawValue, time, status.rawValue, time, status.rawValue, time, reasonCode, explanation]
        if let reaction {
            arguments += [reaction.rawValue, time, taskId]
            try db.execute(cached: Self.statusAndReactionUpdate, arguments: arguments)
        } else {
            arguments += [taskId]
            try db.execute(cached: Self.statusUpdate, arguments: arguments)
        }
        try insertStatusHistory(taskId: taskId, status: status, at: at, reasonCode: reasonCode, explanation: explanation, inboundId: inboundId)
    }
}

extension TaskRecord: DirectRecord {
    /// The columns every task SELECT reads, in this order (rows are read by position).
    static let columnList = ColumnList("""
        id, taak_nummer, partner, taak_id, soort, inbound_id, is_test, categorie, subcategorie, prioriteit, status, vertrouwelijkheid,
        grondslag, bewaartermijn, bron_referentie, opdrachtgever_eenheid, opdrachtgever_rol, omschrijving, locatie_omschrijving,
        straatnaam, huisnummer, huisletter, huisnummertoevoeging, postcode, woonplaats, buurtcode, x, y, gewenst_aanvang,
        uiterlijk_gereed, duur_minuten, domein, bevoegdheden, minimale_bezetting, geweld_verwacht, veiligheid_toelichting,
        voorkeur_boa, parketnummer, pv_referentie, gevraagde_handeling, received_at, first_planned_at, completed_at, closed_at,
        last_change_tijdstip, reden_code, reden_toelichting, reactie
        """)
    static var columns: String { columnList.sql }

    init?(row: DirectRow) {
        guard let number = TaskNumber(row["taak_nummer"]), let category = Category(rawValue: row["categorie"]),
            let priority = Priority(rawValue: row["prioriteit"]), let status = TaskStatus(rawValue: row["status"]),
            let confidentiality = Confidentiality(rawValue: row["vertrouwelijkheid"]), let basis = LegalBasis(rawValue: row["grondslag"]),
            let retention = RetentionPeriod(xsdDuration: row["bewaartermijn"]), let domain = Domain(rawValue: row["domein"]),
            let origin = TaskOrigin(rawValue: row["soort"]), let deadline = StoreTime.milliseconds(row["uiterlijk_gereed"]),
            let received = StoreTime.milliseconds(row["received_at"])
        else { return nil }
        var location: Location?
        if let x = row["x"] as Double?, let y = row["y"] as Double? {
            var address: Address?
            if let street = row["straatnaam"] as String?, let number = row["huisnummer"] as Int?, let postcode = row["postcode"] as String?,
                let town = row["woonplaats"] as String?
            {
                address = Address(street: street, houseNumber: number, houseLetter: row["huisletter"], houseNumberAddition: row["huisnummertoevoeging"],
                                  postcode: postcode, town: town)
            }
            location = Location(description: row["locatie_omschrijving"], address: address, neighbourhood: row["buurtcode"], point: RDPoint(x: x, y: y))
        }
        let powers = (row["bevoegdheden"] as String? ?? "").split(separator: ",").compactMap { Power(rawValue: String($0)) }
        var principal: Principal?
        if let unit = row["opdrachtgever_eenheid"] as String? { principal = Principal(unit: unit, role: row["opdrachtgever_rol"]) }
        self.init(
            taskNumber: number, partner: row["partner"], taskId: row["taak_id"], origin: origin, inboundId: row["inbound_id"],
            isTest: row["is_test"], category: category, subcategory: row["subcategorie"], priority: priority, status: status,
            confidentiality: confidentiality, legalBasis: basis, retention: retention, sourceReference: row["bron_referentie"],
            principal: principal, description: row["omschrijving"], location: location ?? Location(point: RDPoint(x: 0, y: 0)),
            earliestStart: (row["gewenst_aanvang"] as String?).flatMap(StoreTime.milliseconds), deadline: deadline,
            durationMinutes: row["duur_minuten"], domain: domain, powers: powers, minimumTeam: row["minimale_bezetting"],
            violenceExpected: row["geweld_verwacht"], safetyExplanation: row["veiligheid_toelichting"], preferredOfficer: row["voorkeur_boa"],
            caseNumber: row["parketnummer"], reportReference: row["pv_referentie"],
            requestedAction: (row["gevraagde_handeling"] as String?).flatMap(RequestedAction.init(rawValue:)), receivedAt: received)
        if location == nil { self.location = nil }
        id = row["id"]
        firstPlannedAt = (row["first_planned_at"] as String?).flatMap(StoreTime.milliseconds)
        completedAt = (row["completed_at"] as String?).flatMap(StoreTime.milliseconds)
        closedAt = (row["closed_at"] as String?).flatMap(StoreTime.milliseconds)
        lastChangeTime = row["last_change_tijdstip"]
        reasonCode = row["reden_code"]
        reasonText = row["reden_toelichting"]
        reaction = (row["reactie"] as String?).flatMap(Reaction.init(rawValue:))
    }
}

extension StoreTransaction {
    /// The task a partner knows by this `taakId`.
    public func task(partner: String, taskId: String) throws -> TaskRecord? {
        var statement = try DirectStatement(db, cached: "SELECT \(TaskRecord.columns) FROM task WHERE partner = ? AND taak_id = ?")
        statement.bind(partner)
        statement.bind(taskId)
        return try statement.fetchOne(TaskRecord.self)
    }

    /// The task with this number.
    public func task(number: TaskNumber) throws -> TaskRecord? {
        var statement = try DirectStatement(db, cached: "SELECT \(TaskRecord.columns) FROM task WHERE taak_nummer = ?")
        statement.bind(number.description)
        return try statement.fetchOne(TaskRecord.self)
    }

    /// The task with this row id.
    public func task(id: Int64) throws -> TaskRecord? {
        var statement = try DirectStatement(db, cached: "SELECT \(TaskRecord.columns) FROM task WHERE id = ?")
        statement.bind(id)
        return try statement.fetchOne(TaskRecord.self)
    }

    /// Writes the changeable fields of a task back (priority, place, window, duration, team, safety,
    /// description) and the `tijdstipBericht` of the change.
    public func updateTaskDetails(_ task: TaskRecord, changeTime: String?) throws {
        let location = task.location
        let address = location?.address
        try db.execute(cached: """
            UPDATE task SET prioriteit = ?, omschrijving = ?, locatie_omschrijving = ?, straatnaam = ?, huisnummer = ?, huisletter = ?,
                huisnummertoevoeging = ?, postcode = ?, woonplaats = ?, buurtcode = ?, x = ?, y = ?, gewenst_aanvang = ?, uiterlijk_gereed = ?,
                duur_minuten = ?, minimale_bezetting = ?, geweld_verwacht = ?, veiligheid_toelichting = ?, last_change_tijdstip = ?
             WHERE id = ?
            """, arguments: [
                task.priority.rawValue, task.description, location?.description, address?.street, address?.houseNumber, address?.houseLetter,
                address?.houseNumberAddition, address?.postcode, address?.town, location?.neighbourhood, location?.point.x, location?.point.y,
                task.earliestStart.map(StoreTime.text), StoreTime.text(task.deadline), task.durationMinutes, task.minimumTeam,
                task.violenceExpected, task.safetyExplanation, changeTime, task.id,
            ])
    }

    /// Records the `tijdstipBericht` of the last change or cancellation applied to a task.
    public func setTaskLastChange(_ taskId: Int64, changeTime: String) throws {
        try db.execute(cached: "UPDATE task SET last_change_tijdstip = ? WHERE id = ?", arguments: [changeTime, taskId])
    }

    /// Records the reaction sent to a task request.
    public func setTaskReaction(_ taskId: Int64, _ reaction: Reaction, at: Int64) throws {
        try db.execute(cached: "UPDATE task SET reactie = ?, reactie_at = ? WHERE id = ?", arguments: [reaction.rawValue, StoreTime.text(at), taskId])
    }

    /// The tasks of a partner with these `taakId`s, by `taakId`, with the time of their last status change.
    public func tasks(partner: String, taskIds: [String]) throws -> [String: (task: TaskRecord, statusAt: Int64)] {
        var result: [String: (TaskRecord, Int64)] = [:]
        for taskId in Set(taskIds).sorted() {
            guard let task = try task(partner: partner, taskId: taskId) else { continue }
            let at = try String.fetchOne(db, cached: "SELECT at FROM task_status WHERE task_id = ? ORDER BY id DESC LIMIT 1", arguments: [task.id])
            result[taskId] = (task, at.flatMap(StoreTime.milliseconds) ?? task.receivedAt)
        }
        return result
    }
}

extension StoreTransaction {
    /// Tasks with a requester that reached a final status before any reaction was sent (a request whose
    /// cancellation was waiting for it).
    public func tasksClosedWithoutReaction() throws -> [TaskRecord] {
        try DirectStatement(db, cached: "SELECT \(TaskRecord.columns) FROM task WHERE reactie IS NULL AND partner IS NOT NULL AND closed_at IS NOT NULL ORDER BY id")
            .fetchAll(TaskRecord.self)
    }
}

extension StoreTransaction {
    /// Tasks of an origin, open (not final) or all, by id.
    public func tasks(origin: TaskOrigin, open: Bool) throws -> [TaskRecord] {
        var statement = try DirectStatement(db, cached: "SELECT \(TaskRecord.columns) FROM task WHERE soort = ? \(open ? "AND closed_at IS NULL" : "") ORDER BY id")
        statement.bind(origin.rawValue)
        return try statement.fetchAll(TaskRecord.self)
    }
}
