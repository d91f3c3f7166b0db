import BoaCore

// Reading and writing each message body (KOPPELVLAK §4 and §5), element by element in schema order.

extension TaskRequest {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let taskId = try c.required("taakId").string()
        let sourceReference = c.optional("bronReferentie")?.string()
        let category = try c.required("categorie").code(Category.self)
        let subcategory = c.optional("subcategorie")?.string()
        let priority = try c.required("prioriteit").priority()
        let location = try Location(reading: try c.required("locatie"))
        let window = try TimeWindow(reading: try c.required("tijdvak"))
        let estimatedMinutes = try c.optional("geschatteDuur").map { e throws(MessageFault) in try e.integer() }
        let requiredDomain = try c.optional("vereistDomein").map { e throws(MessageFault) in try e.code(Domain.self) }
        let requiredPowers = try c.optional("vereisteBevoegdheden").map { e throws(MessageFault) in try readPowers(e) }
        let minimumTeam = try c.optional("minimaleBezetting").map { e throws(MessageFault) in try e.integer() }
        let safety = try c.optional("veiligheid").map { e throws(MessageFault) in try Safety(reading: e) }
        let confidentiality = try c.optional("vertrouwelijkheid").map { e throws(MessageFault) in try e.code(Confidentiality.self) }
        let legalBasis = try c.required("grondslag").code(LegalBasis.self)
        let retention = try c.optional("bewaartermijn").map { e throws(MessageFault) in try e.duration() }
        let principal = try c.optional("opdrachtgever").map { e throws(MessageFault) in try Principal(reading: e) }
        let description = c.optional("omschrijving")?.string()
        self.init(taskId: taskId, sourceReference: sourceReference, category: category, subcategory: subcategory, priority: priority, location: location, window: window, estimatedMinutes: estimatedMinutes, requiredDomain: requiredDomain, requiredPowers: requiredPowers, minimumTeam: minimumTeam, safety: safety, confidentiality: confidentiality, legalBasis: legalBasis, retention: retention, principal: principal, description: description)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("taakId", taskId)
        w.leaf("bronReferentie", sourceReference)
        w.leaf("categorie", category.rawValue)
        w.leaf("subcategorie", subcategory)
        w.leaf("prioriteit", priority.rawValue)
        w.group("locatie") { location.write(to: &$0) }
        w.group("tijdvak") { window.write(to: &$0) }
        w.leaf("geschatteDuur", estimatedMinutes)
        w.leaf("vereistDomein", requiredDomain?.rawValue)
        writePowers("vereisteBevoegdheden", requiredPowers, to: &w)
        w.leaf("minimaleBezetting", minimumTeam)
        if let safety { w.group("veiligheid") { safety.write(to: &$0) } }
        w.leaf("vertrouwelijkheid", confidentiality?.rawValue)
        w.leaf("grondslag", legalBasis.rawValue)
        w.leaf("bewaartermijn", retention)
        if let principal { w.group("opdrachtgever") { principal.write(to: &$0) } }
        w.leaf("omschrijving", description)
    }
}

extension TaskChange {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let taskId = try c.required("taakId").string()
        let priority = try c.optional("prioriteit").map { e throws(MessageFault) in try e.priority() }
        let location = try c.optional("locatie").map { e throws(MessageFault) in try Location(reading: e) }
        let window = try c.optional("tijdvak").map { e throws(MessageFault) in try TimeWindow(reading: e) }
        let estimatedMinutes = try c.optional("geschatteDuur").map { e throws(MessageFault) in try e.integer() }
        let minimumTeam = try c.optional("minimaleBezetting").map { e throws(MessageFault) in try e.integer() }
        let safety = try c.optional("veiligheid").map { e throws(MessageFault) in try Safety(reading: e) }
        let description = c.optional("omschrijving")?.string()
        let reason = try c.required("wijzigingsReden").string()
        self.init(taskId: taskId, priority: priority, location: location, window: window, estimatedMinutes: estimatedMinutes, minimumTeam: minimumTeam, safety: safety, description: description, reason: reason)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("taakId", taskId)
        w.leaf("prioriteit", priority?.rawValue)
        if let location { w.group("locatie") { location.write(to: &$0) } }
        if let window { w.group("tijdvak") { window.write(to: &$0) } }
        w.leaf("geschatteDuur", estimatedMinutes)
        w.leaf("minimaleBezetting", minimumTeam)
        if let safety { w.group("veiligheid") { safety.write(to: &$0) } }
        w.leaf("omschrijving", description)
        w.leaf("wijzigingsReden", reason)
    }
}

extension TaskCancellation {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let taskId = try c.required("taakId").string()
        let reason = try c.required("intrekkingsReden").string()
        self.init(taskId: taskId, reason: reason)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("taakId", taskId)
        w.leaf("intrekkingsReden", reason)
    }
}

extension StatusRequest {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let taskIds = c.repeated("taakId").map { $0.string() }
        self.init(taskIds: taskIds)
    }

    func write(to w: inout XMLWriter) {
        for id in taskIds { w.leaf("taakId", id) }
    }
}

extension ProsecutorInstruction {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let taskId = try c.required("taakId").string()
        let caseNumber = try c.required("parketnummer").string()
        let reportReference = c.optional("pvReferentie")?.string()
        let requestedAction = try c.required("gevraagdeHandeling").code(RequestedAction.self)
        let location = try Location(reading: try c.required("locatie"))
        let dueDate = try c.required("termijn").date()
        let preferredOfficer = c.optional("voorkeurBoa")?.string()
        let confidentiality = try c.optional("vertrouwelijkheid").map { e throws(MessageFault) in try e.code(Confidentiality.self) }
        let legalBasis = try c.required("grondslag").code(LegalBasis.self)
        let description = c.optional("omschrijving")?.string()
        self.init(taskId: taskId, caseNumber: caseNumber, reportReference: reportReference, requestedAction: requestedAction, location: location, dueDate: dueDate, preferredOfficer: preferredOfficer, confidentiality: confidentiality, legalBasis: legalBasis, description: description)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("taakId", taskId)
        w.leaf("parketnummer", caseNumber)
        w.leaf("pvReferentie", reportReference)
        w.leaf("gevraagdeHandeling", requestedAction.rawValue)
        w.group("locatie") { location.write(to: &$0) }
        w.leaf("termijn", dueDate)
        w.leaf("voorkeurBoa", preferredOfficer)
        w.leaf("vertrouwelijkheid", confidentiality?.rawValue)
        w.leaf("grondslag", legalBasis.rawValue)
        w.leaf("omschrijving", description)
    }
}

extension Deed {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let number = try c.required("aktenummer").string()
        let domain = try c.required("domein").code(Domain.self)
        let validFrom = try c.required("geldigVan").date()
        let validUntil = try c.required("geldigTot").date()
        let powers = try c.optional("bevoegdheden").map { e throws(MessageFault) in try readPowers(e) }
        self.init(number: number, domain: domain, validFrom: validFrom, validUntil: validUntil, powers: powers)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("aktenummer", number)
        w.leaf("domein", domain.rawValue)
        w.leaf("geldigVan", validFrom)
        w.leaf("geldigTot", validUntil)
        writePowers("bevoegdheden", powers, to: &w)
    }
}

extension RosterOfficer {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let officerId = try c.required("boaId").string()
        let callsign = c.optional("roepnaam")?.string()
        var deeds: [Deed] = []
        for deed in c.repeated("akte") { deeds.append(try Deed(reading: deed)) }
        let screening = try c.required("screening").code(Confidentiality.self)
        let homeNeighbourhood = c.optional("thuisBuurt")?.string()
        let active = try c.required("actief").boolean()
        self.init(officerId: officerId, callsign: callsign, deeds: deeds, screening: screening, homeNeighbourhood: homeNeighbourhood, active: active)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("boaId", officerId)
        w.leaf("roepnaam", callsign)
        for deed in deeds { w.group("akte") { deed.write(to: &$0) } }
        w.leaf("screening", screening.rawValue)
        w.leaf("thuisBuurt", homeNeighbourhood)
        w.leaf("actief", active ? "true" : "false")
    }
}

extension Shift {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let shiftId = try c.required("dienstId").string()
        let officerId = try c.required("boaId").string()
        let start = try c.required("aanvang").timestamp()
        let end = try c.required("einde").timestamp()
        let startPoint = try c.optional("startpunt").map { e throws(MessageFault) in try RDPoint(reading: e) }
        self.init(shiftId: shiftId, officerId: officerId, start: start, end: end, startPoint: startPoint)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("dienstId", shiftId)
        w.leaf("boaId", officerId)
        w.leaf("aanvang", start)
        w.leaf("einde", end)
        if let startPoint { w.group("startpunt") { startPoint.write(to: &$0) } }
    }
}

extension Roster {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        var periodChildren = try c.required("periode").children
        let period = DatePeriod(from: try periodChildren.required("van").date(), until: try periodChildren.required("tot").date())
        var officers: [RosterOfficer] = []
        for officer in c.repeated("boa") { officers.append(try RosterOfficer(reading: officer)) }
        var shifts: [Shift] = []
        for shift in c.repeated("dienst") { shifts.append(try Shift(reading: shift)) }
        self.init(period: period, officers: officers, shifts: shifts)
    }

    func write(to w: inout XMLWriter) {
        w.group("periode") { w in
            w.leaf("van", period.from)
            w.leaf("tot", period.until)
        }
        for officer in officers { w.group("boa") { officer.write(to: &$0) } }
        for shift in shifts { w.group("dienst") { shift.write(to: &$0) } }
    }
}

extension Unavailability {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let officerId = try c.required("boaId").string()
        let from = try c.required("van").timestamp()
        let until = try c.optional("tot").map { e throws(MessageFault) in try e.timestamp() }
        let reason = try c.required("reden").code(AbsenceReason.self)
        self.init(officerId: officerId, from: from, until: until, reason: reason)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("boaId", officerId)
        w.leaf("van", from)
        w.leaf("tot", until)
        w.leaf("reden", reason.rawValue)
    }
}

extension FieldSignal {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let kind = try c.required("soort").code(SignalKind.self)
        let description = try c.required("omschrijving").string()
        let urgency = try c.optional("urgentie").map { e throws(MessageFault) in try e.code(Urgency.self) }
        self.init(kind: kind, description: description, urgency: urgency)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("soort", kind.rawValue)
        w.leaf("omschrijving", description)
        w.leaf("urgentie", urgency?.rawValue)
    }
}

extension FieldReport {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let taskNumber = try c.required("taakNummer").taskNumber()
        let officerId = try c.required("boaId").string()
        let status = try c.required("status").code(FieldStatus.self)
        let time = try c.required("tijdstip").timestamp()
        var outcomes: [Outcome] = []
        for outcome in c.repeated("resultaat") { outcomes.append(try Outcome(reading: outcome)) }
        let summary = c.optional("samenvatting")?.string()
        var signals: [FieldSignal] = []
        for signal in c.repeated("signaal") { signals.append(try FieldSignal(reading: signal)) }
        self.init(taskNumber: taskNumber, officerId: officerId, status: status, time: time, outcomes: outcomes, summary: summary, signals: signals)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("taakNummer", taskNumber)
        w.leaf("boaId", officerId)
        w.leaf("status", status.rawValue)
        w.leaf("tijdstip", time)
        for outcome in outcomes { w.group("resultaat") { outcome.write(to: &$0) } }
        w.leaf("samenvatting", summary)
        for signal in signals { w.group("signaal") { signal.write(to: &$0) } }
    }
}

extension Fault {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let code = FaultCode(rawValue: try c.required("code").string())
        let side = try c.required("plek").code(FaultSide.self)
        let description = try c.required("omschrijving").string()
        let details = c.optional("details")?.string()
        self.init(code: code, side: side, description: description, details: details)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("code", code.rawValue)
        w.leaf("plek", side.rawValue)
        w.leaf("omschrijving", description)
        w.leaf("details", details)
    }
}

extension TaskReaction {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let taskId = try c.required("taakId").string()
        let taskNumber = try c.required("taakNummer").taskNumber()
        let reaction = try c.required("reactie").code(Reaction.self)
        let reasonCode = try c.optional("redenCode").map { e throws(MessageFault) in try e.code(ReasonCode.self) }
        let explanation = c.optional("toelichting")?.string()
        let plannedStart = try c.optional("geplandAanvang").map { e throws(MessageFault) in try e.timestamp() }
        var team: [String]?
        if let teamElement = c.optional("bezetting") {
            var t = teamElement.children
            let countElement = try t.required("aantal")
            let count = try countElement.integer()
            let officers = t.repeated("boaId").map { $0.string() }
            guard count == officers.count else {
                throw countElement.fault("aantal is \(count) but \(officers.count) boaId follow.")
            }
            team = officers
        }
        self.init(taskId: taskId, taskNumber: taskNumber, reaction: reaction, reasonCode: reasonCode, explanation: explanation, plannedStart: plannedStart, team: team)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("taakId", taskId)
        w.leaf("taakNummer", taskNumber)
        w.leaf("reactie", reaction.rawValue)
        w.leaf("redenCode", reasonCode?.rawValue)
        w.leaf("toelichting", explanation)
        w.leaf("geplandAanvang", plannedStart)
        if let team {
            w.group("bezetting") { w in
                w.leaf("aantal", team.count)
                for officer in team { w.leaf("boaId", officer) }
            }
        }
    }
}

extension TaskStatusReport {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let taskId = try c.required("taakId").string()
        let taskNumber = try c.required("taakNummer").taskNumber()
        let status = try c.required("status").code(TaskStatus.self)
        let time = try c.required("tijdstip").timestamp()
        let reasonCode = try c.optional("redenCode").map { e throws(MessageFault) in try e.code(ReasonCode.self) }
        let explanation = c.optional("toelichting")?.string()
        self.init(taskId: taskId, taskNumber: taskNumber, status: status, time: time, reasonCode: reasonCode, explanation: explanation)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("taakId", taskId)
        w.leaf("taakNummer", taskNumber)
        w.leaf("status", status.rawValue)
        w.leaf("tijdstip", time)
        w.leaf("redenCode", reasonCode?.rawValue)
        w.leaf("toelichting", explanation)
    }
}

extension StatusAnswer {
    /// The wire code for a task the asker does not own or that does not exist.
    static let unknownStatus = "ONBEKEND"

    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        var entries: [StatusAnswerEntry] = []
        for entry in c.repeated("taak") {
            var e = entry.children
            let taskId = try e.required("taakId").string()
            let number = try e.optional("taakNummer").map { n throws(MessageFault) in try n.taskNumber() }
            let statusElement = try e.required("status")
            let status: TaskStatus? =
                statusElement.text == StatusAnswer.unknownStatus ? nil : try statusElement.code(TaskStatus.self)
            let time = try e.optional("tijdstip").map { t throws(MessageFault) in try t.timestamp() }
            entries.append(StatusAnswerEntry(taskId: taskId, taskNumber: number, status: status, time: time))
        }
        self.init(entries: entries)
    }

    func write(to w: inout XMLWriter) {
        for entry in entries {
            w.group("taak") { w in
                w.leaf("taakId", entry.taskId)
                w.leaf("taakNummer", entry.taskNumber)
                w.leaf("status", entry.status?.rawValue ?? StatusAnswer.unknownStatus)
                w.leaf("tijdstip", entry.time)
            }
        }
    }
}

extension TaskResultReport {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let taskId = try c.required("taakId").string()
        let taskNumber = try c.required("taakNummer").taskNumber()
        var outcomes: [Outcome] = []
        for outcome in c.repeated("resultaat") { outcomes.append(try Outcome(reading: outcome)) }
        let summary = c.optional("samenvatting")?.string()
        self.init(taskId: taskId, taskNumber: taskNumber, outcomes: outcomes, summary: summary)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("taakId", taskId)
        w.leaf("taakNummer", taskNumber)
        for outcome in outcomes { w.group("resultaat") { outcome.write(to: &$0) } }
        w.leaf("samenvatting", summary)
    }
}

extension Deployment {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let taskNumber = try c.required("taakNummer").taskNumber()
        let officerId = try c.required("boaId").string()
        let colleagues = c.repeated("collega").map { $0.string() }
        let category = try c.required("categorie").code(Category.self)
        let priority = try c.required("prioriteit").priority()
        let location = try Location(reading: try c.required("locatie"))
        let plannedStart = try c.required("geplandAanvang").timestamp()
        let estimatedMinutes = try c.required("geschatteDuur").integer()
        let deadline = try c.required("uiterlijkGereed").timestamp()
        let confidentiality = try c.required("vertrouwelijkheid").code(Confidentiality.self)
        let description = c.optional("omschrijving")?.string()
        let safety = try c.optional("veiligheid").map { e throws(MessageFault) in try Safety(reading: e) }
        self.init(taskNumber: taskNumber, officerId: officerId, colleagues: colleagues, category: category, priority: priority, location: location, plannedStart: plannedStart, estimatedMinutes: estimatedMinutes, deadline: deadline, confidentiality: confidentiality, description: description, safety: safety)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("taakNummer", taskNumber)
        w.leaf("boaId", officerId)
        for colleague in colleagues { w.leaf("collega", colleague) }
        w.leaf("categorie", category.rawValue)
        w.leaf("prioriteit", priority.rawValue)
        w.group("locatie") { location.write(to: &$0) }
        w.leaf("geplandAanvang", plannedStart)
        w.leaf("geschatteDuur", estimatedMinutes)
        w.leaf("uiterlijkGereed", deadline)
        w.leaf("vertrouwelijkheid", confidentiality.rawValue)
        w.leaf("omschrijving", description)
        if let safety { w.group("veiligheid") { safety.write(to: &$0) } }
    }
}

extension DeploymentWithdrawal {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let taskNumber = try c.required("taakNummer").taskNumber()
        let officerId = try c.required("boaId").string()
        let reason = try c.required("reden").string()
        self.init(taskNumber: taskNumber, officerId: officerId, reason: reason)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("taakNummer", taskNumber)
        w.leaf("boaId", officerId)
        w.leaf("reden", reason)
    }
}

extension CareSignal {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let signalId = try c.required("signaalId").string()
        let taskNumber = try c.required("taakNummer").taskNumber()
        let neighbourhood = c.optional("buurtcode")?.string()
        let description = try c.required("omschrijving").string()
        let urgency = try c.required("urgentie").code(Urgency.self)
        _ = try c.required("grondslag")
        self.init(signalId: signalId, taskNumber: taskNumber, neighbourhood: neighbourhood, description: description, urgency: urgency)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("signaalId", signalId)
        w.leaf("taakNummer", taskNumber)
        w.leaf("buurtcode", neighbourhood)
        w.leaf("omschrijving", description)
        w.leaf("urgentie", urgency.rawValue)
        w.leaf("grondslag", LegalBasis.gdprCare.rawValue)
    }
}

extension UnderminingSignal {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let signalId = try c.required("signaalId").string()
        let taskNumber = try c.required("taakNummer").taskNumber()
        let location = try Location(reading: try c.required("locatie"))
        let description = try c.required("omschrijving").string()
        _ = try c.required("vertrouwelijkheid")
        self.init(signalId: signalId, taskNumber: taskNumber, location: location, description: description)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("signaalId", signalId)
        w.leaf("taakNummer", taskNumber)
        w.group("locatie") { location.write(to: &$0) }
        w.leaf("omschrijving", description)
        w.leaf("vertrouwelijkheid", Confidentiality.strict.rawValue)
    }
}
