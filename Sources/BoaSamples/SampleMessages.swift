public import BoaCore

/// Generates realistic, schema-valid messages of every kind for Hengelo, from a seed: for round-trip
/// tests, benchmarks and the demo. No real personal data: officers are service numbers, requesters units.
public struct SampleMessages: Sendable {
    private var random: SeededRandom
    private var counter = 0

    /// Starts a generator.
    public init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// The partner systems of the default registry (KOPPELVLAK §3).
    public enum Partner {
        /// Politie Oost-Nederland (GMS).
        public static let police = SystemIdentity(organisation: "00000099000000000101", application: "GMS")
        /// OM Oost-Nederland (GPS).
        public static let prosecutor = SystemIdentity(organisation: "00000099000000000201", application: "GPS")
        /// RIEC Oost-Nederland.
        public static let riec = SystemIdentity(organisation: "00000099000000000301", application: "RIEC")
        /// The municipality's roster system.
        public static let roster = SystemIdentity(organisation: "00000099000000000164", application: "ROOSTER")
        /// The BOA handheld app.
        public static let boaApp = SystemIdentity(organisation: "00000099000000000164", application: "BOAAPP")
        /// The sociaal wijkteam.
        public static let careTeam = SystemIdentity(organisation: "00000099000000000164", application: "WIJKTEAM")
    }

    /// Streets of Hengelo with a postcode and a nearby RD point.
    static let streets: [(street: String, postcode: String, x: Double, y: Double, buurt: String)] = [
        ("Marktstraat", "7551DR", 251_060, 476_010, "BU01640100"),
        ("Enschedesestraat", "7551EJ", 251_700, 475_600, "BU01640101"),
        ("Deldenerstraat", "7551AH", 250_650, 476_300, "BU01640102"),
        ("Wemenstraat", "7551EZ", 251_250, 475_850, "BU01640103"),
        ("Drienerstraat", "7551HR", 251_600, 476_200, "BU01640200"),
        ("Boekelosestraat", "7553AE", 249_800, 474_900, "BU01640301"),
        ("Oldenzaalsestraat", "7557GS", 252_900, 477_300, "BU01640304"),
        ("Breemarsweg", "7553HG", 249_100, 474_300, "BU01640400"),
        ("Tuindorpstraat", "7555CS", 250_300, 477_600, "BU01640500"),
        ("Gieterij", "7553VA", 250_900, 475_200, "BU01640600"),
        ("Hasseler Es", "7559AA", 249_600, 478_400, "BU01640700"),
        ("Berflo Es", "7552AA", 252_400, 474_800, "BU01640800"),
    ]

    /// The service as receiver.
    public static let service = SystemIdentity.service

    private mutating func nextNumber() -> Int {
        counter += 1
        return counter
    }

    /// A time on 1–7 December 2026, Amsterdam winter time, at a whole minute.
    public mutating func timestamp(dayOffset: Int = 0) -> Timestamp {
        let day = LocalDate(year: 2026, month: 12, day: 1).adding(days: random.int(0...6) + dayOffset)
        let minute = random.int(6 * 60...22 * 60)
        return Amsterdam.timestamp(atMilliseconds: Amsterdam.instant(localDays: day.daysSinceEpoch, millisecondOfDay: Int64(minute) * 60_000))
    }

    /// A place in Hengelo, inside the default work area.
    public mutating func location(withAddress: Bool = true) -> Location {
        let street = random.pick(SampleMessages.streets)
        let point = RDPoint(x: street.x + Double(random.int(-150...150)) + Double(random.int(0...999)) / 1000,
                            y: street.y + Double(random.int(-150...150)))
        let address = withAddress
            ? Address(street: street.street, houseNumber: random.int(1...240), houseLetter: random.chance(0.1) ? "A" : nil,
                      houseNumberAddition: random.chance(0.05) ? "bis" : nil, postcode: street.postcode, town: "Hengelo")
            : nil
        return Location(description: random.chance(0.4) ? random.pick(["Speelveld achter de sporthal", "Bij de ingang van het winkelcentrum", "Parkeerterrein", "Fietsenstalling station"]) : nil,
                        address: address, neighbourhood: random.chance(0.9) ? street.buurt : nil, point: point)
    }

    private mutating func envelope(from sender: SystemIdentity, to receiver: SystemIdentity, crossReference: String? = nil, prefix: String) -> Envelope {
        let number = nextNumber()
        let time = MessageTime(atMilliseconds: timestamp().millisecondsSinceEpoch)
        return Envelope(sender: sender, receiver: receiver, reference: "\(prefix)-2026-\(number)", time: time, crossReference: crossReference)
    }

    private mutating func officerId() -> String { "BOA-\(CivilCalendar.pad(Int64(random.int(1...60)), 4))" }

    private mutating func taskNumber() -> TaskNumber { TaskNumber(year: 2026, sequence: random.int(1...999_999)) }

    private mutating func taskId() -> String { "ON-TW-2026-\(CivilCalendar.pad(Int64(random.int(1...999_999)), 6))" }

    /// A task request as the police would send it.
    public mutating func taskRequest() -> TaskRequest {
        let deadline = timestamp(dayOffset: 1)
        let category = random.pick(Category.allCases.filter { $0 != .prosecutorInstruction })
        return TaskRequest(
            taskId: taskId(), sourceReference: random.chance(0.5) ? "M-\(random.int(100_000...999_999))" : nil,
            category: category, subcategory: random.chance(0.3) ? "JEUGD" : nil,
            priority: random.pick(Priority.allCases), location: location(),
            window: TimeWindow(earliestStart: random.chance(0.3) ? deadline.adding(minutes: -24 * 60) : nil, deadline: deadline),
            estimatedMinutes: random.chance(0.3) ? random.int(5...720) : nil,
            requiredDomain: random.chance(0.2) ? category.defaultDomain : nil,
            requiredPowers: random.chance(0.3) ? [random.pick(Power.allCases)] : nil,
            minimumTeam: random.chance(0.5) ? random.int(1...4) : nil,
            safety: random.chance(0.2) ? Safety(violenceExpected: random.chance(0.1), explanation: random.chance(0.5) ? "Eerder agressie gemeld" : nil) : nil,
            confidentiality: random.chance(0.2) ? random.pick(Confidentiality.allCases) : nil,
            legalBasis: random.pick(LegalBasis.allCases),
            retention: random.chance(0.2) ? RetentionPeriod(years: Int64(random.int(1...5))) : nil,
            principal: random.chance(0.7) ? Principal(unit: "Basisteam Twente-Midden", role: random.chance(0.5) ? "Wijkagent" : nil) : nil,
            description: random.chance(0.6) ? "Melding van overlast door een groep jongeren, herhaaldelijk in de avond." : nil)
    }

    /// A message of the given kind, with a plausible sender and receiver.
    public mutating func message(_ kind: MessageKind) -> Message {
        let police = Partner.police
        let service = SampleMessages.service
        switch kind {
        case .taskRequest:
            return Message(envelope: envelope(from: police, to: service, prefix: "GMS"), body: .taskRequest(taskRequest()))
        case .taskChange:
            let change = TaskChange(
                taskId: taskId(), priority: random.chance(0.5) ? random.pick(Priority.allCases) : nil,
                location: random.chance(0.3) ? location() : nil,
                window: random.chance(0.3) ? TimeWindow(deadline: timestamp(dayOffset: 2)) : nil,
                estimatedMinutes: random.chance(0.3) ? random.int(5...720) : nil,
                minimumTeam: random.chance(0.3) ? random.int(1...4) : nil,
                safety: random.chance(0.2) ? Safety(violenceExpected: false) : nil,
                description: random.chance(0.3) ? "Aangepaste omschrijving" : nil, reason: "Nieuwe informatie van de melder")
            return Message(envelope: envelope(from: police, to: service, prefix: "GMS"), body: .taskChange(change))
        case .taskCancellation:
            return Message(envelope: envelope(from: police, to: service, prefix: "GMS"),
                           body: .taskCancellation(TaskCancellation(taskId: taskId(), reason: "Melding vervallen")))
        case .statusRequest:
            let ids = (0..<random.int(1...5)).map { _ in taskId() }
            return Message(envelope: envelope(from: police, to: service, prefix: "GMS"), body: .statusRequest(StatusRequest(taskIds: ids)))
        case .prosecutorInstruction:
            let instruction = ProsecutorInstruction(
                taskId: "OM-2026-\(random.int(1000...9999))", caseNumber: "05/\(random.int(100_000...999_999))-26",
                reportReference: random.chance(0.5) ? "PV-2026-\(random.int(1000...9999))" : nil,
                requestedAction: random.pick(RequestedAction.allCases), location: location(),
                dueDate: LocalDate(year: 2026, month: 12, day: random.int(5...20)),
                preferredOfficer: random.chance(0.5) ? officerId() : nil,
                confidentiality: random.chance(0.3) ? .confidential : nil, legalBasis: .wpgArticle9,
                description: random.chance(0.5) ? "Aanvullend proces-verbaal opmaken" : nil)
            return Message(envelope: envelope(from: Partner.prosecutor, to: service, prefix: "GPS"), body: .prosecutorInstruction(instruction))
        case .roster:
            return Message(envelope: envelope(from: Partner.roster, to: service, prefix: "ROOSTER"), body: .roster(roster(officers: random.int(1...8))))
        case .unavailability:
            let from = timestamp()
            let absence = Unavailability(officerId: officerId(), from: from, until: random.chance(0.6) ? from.adding(minutes: 8 * 60) : nil,
                                         reason: random.pick(AbsenceReason.allCases))
            return Message(envelope: envelope(from: Partner.roster, to: service, prefix: "ROOSTER"), body: .unavailability(absence))
        case .fieldReport:
            let status = random.pick(FieldStatus.allCases)
            let report = FieldReport(
                taskNumber: taskNumber(), officerId: officerId(), status: status, time: timestamp(),
                outcomes: status == .completed ? [Outcome(code: random.pick(ResultCode.allCases), offenceCode: random.chance(0.3) ? "R315" : nil)] : [],
                summary: random.chance(0.5) ? "Groep aangesproken, vertrokken." : nil,
                signals: random.chance(0.2) ? [FieldSignal(kind: random.pick(SignalKind.allCases), description: "Zorgelijke situatie aangetroffen", urgency: random.chance(0.5) ? .high : nil)] : [])
            return Message(envelope: envelope(from: Partner.boaApp, to: service, prefix: "APP"), body: .fieldReport(report))
        case .acknowledgement:
            return Message(envelope: envelope(from: service, to: police, crossReference: "GMS-2026-\(random.int(1...99_999))", prefix: "BOATAAK"), body: .acknowledgement)
        case .contentFault, .envelopeFault:
            let fault = Fault(code: kind == .contentFault ? .schemaInvalid : .wrongReceiver, side: .client,
                              description: "Het bericht voldoet niet aan het schema.", details: random.chance(0.5) ? "15:5 Element 'BT:prioriteit': The value '7' is too large." : nil)
            return Message(envelope: envelope(from: service, to: police, crossReference: "GMS-2026-\(random.int(1...99_999))", prefix: "BOATAAK"),
                           body: kind == .contentFault ? .contentFault(fault) : .envelopeFault(fault))
        case .taskReaction:
            let accept = random.chance(0.6)
            let reaction = TaskReaction(
                taskId: taskId(), taskNumber: taskNumber(), reaction: accept ? .accept : random.pick([.provisional, .decline]),
                reasonCode: accept ? nil : random.pick([ReasonCode.noCapacity, .violenceExpected, .outsideWorkArea]),
                explanation: accept ? nil : "Geen capaciteit voor de deadline",
                plannedStart: accept ? timestamp() : nil, team: accept ? [officerId(), officerId()] : nil)
            return Message(envelope: envelope(from: service, to: police, crossReference: "GMS-2026-\(random.int(1...99_999))", prefix: "BOATAAK"), body: .taskReaction(reaction))
        case .taskStatus:
            let report = TaskStatusReport(taskId: taskId(), taskNumber: taskNumber(), status: random.pick(TaskStatus.allCases), time: timestamp(),
                                          reasonCode: random.chance(0.2) ? .noCapacity : nil, explanation: random.chance(0.2) ? "Deadline verstreken" : nil)
            return Message(envelope: envelope(from: service, to: police, prefix: "BOATAAK"), body: .taskStatus(report))
        case .statusAnswer:
            let entries = (0..<random.int(1...5)).map { _ -> StatusAnswerEntry in
                random.chance(0.2) ? StatusAnswerEntry(taskId: taskId())
                    : StatusAnswerEntry(taskId: taskId(), taskNumber: taskNumber(), status: random.pick(TaskStatus.allCases), time: timestamp())
            }
            return Message(envelope: envelope(from: service, to: police, crossReference: "GMS-2026-\(random.int(1...99_999))", prefix: "BOATAAK"),
                           body: .statusAnswer(StatusAnswer(entries: entries)))
        case .taskResult:
            let result = TaskResultReport(taskId: taskId(), taskNumber: taskNumber(),
                                          outcomes: [Outcome(code: .verbalWarning), Outcome(code: .bsbo, offenceCode: "H302", reportNumber: "PV-\(random.int(1000...9999))")],
                                          summary: random.chance(0.5) ? "Twee personen gewaarschuwd, één boete." : nil)
            return Message(envelope: envelope(from: service, to: police, prefix: "BOATAAK"), body: .taskResult(result))
        case .deployment:
            let start = timestamp()
            let order = Deployment(taskNumber: taskNumber(), officerId: officerId(), colleagues: random.chance(0.7) ? [officerId()] : [],
                                   category: random.pick(Category.allCases), priority: random.pick(Priority.allCases), location: location(),
                                   plannedStart: start, estimatedMinutes: random.int(5...240), deadline: start.adding(minutes: 300),
                                   confidentiality: random.pick(Confidentiality.allCases), description: random.chance(0.5) ? "Controle naleving APV" : nil,
                                   safety: random.chance(0.2) ? Safety(violenceExpected: false, explanation: "Hond op het erf") : nil)
            return Message(envelope: envelope(from: service, to: Partner.boaApp, prefix: "BOATAAK"), body: .deployment(order))
        case .deploymentWithdrawal:
            return Message(envelope: envelope(from: service, to: Partner.boaApp, prefix: "BOATAAK"),
                           body: .deploymentWithdrawal(DeploymentWithdrawal(taskNumber: taskNumber(), officerId: officerId(), reason: "Ziekmelding; taak opnieuw ingepland")))
        case .careSignal:
            let signal = CareSignal(signalId: "S-2026-\(random.int(1...99_999))", taskNumber: taskNumber(), neighbourhood: random.chance(0.7) ? "BU01640304" : nil,
                                    description: "Bewoner lijkt hulp nodig te hebben", urgency: random.pick(Urgency.allCases))
            return Message(envelope: envelope(from: service, to: Partner.careTeam, prefix: "BOATAAK"), body: .careSignal(signal))
        case .underminingSignal:
            let signal = UnderminingSignal(signalId: "S-2026-\(random.int(1...99_999))", taskNumber: taskNumber(), location: location(withAddress: false),
                                           description: "Verdachte activiteiten in bedrijfspand")
            return Message(envelope: envelope(from: service, to: police, prefix: "BOATAAK"), body: .underminingSignal(signal))
        }
    }

    /// A roster for one week of December 2026 with `officers` officers and a day shift each day.
    public mutating func roster(officers count: Int) -> Roster {
        let from = LocalDate(year: 2026, month: 12, day: 1)
        var officers: [RosterOfficer] = []
        var shifts: [Shift] = []
        for index in 1...count {
            let id = "BOA-\(CivilCalendar.pad(Int64(index), 4))"
            let deed = Deed(number: "AKTE-\(random.int(10_000...99_999))", domain: random.chance(0.8) ? .publicSpace : .environment,
                            validFrom: LocalDate(year: 2026, month: 1, day: 1), validUntil: LocalDate(year: 2027, month: 12, day: 31),
                            powers: Self.nonEmpty([Power.bylaw, .bsbo, .wahv].filter { _ in random.chance(0.8) }))
            officers.append(RosterOfficer(officerId: id, callsign: "Handhaving \(index)", deeds: [deed],
                                          screening: random.pick(Confidentiality.allCases), homeNeighbourhood: random.chance(0.5) ? random.pick(SampleMessages.streets).buurt : nil,
                                          active: random.chance(0.95)))
            for day in 0..<7 {
                let date = from.adding(days: day)
                let start = Amsterdam.timestamp(atMilliseconds: Amsterdam.instant(localDays: date.daysSinceEpoch, millisecondOfDay: Int64(random.pick([7, 8, 14])) * 3_600_000))
                shifts.append(Shift(shiftId: "D-\(id)-\(day)", officerId: id, start: start, end: start.adding(minutes: 8 * 60),
                                    startPoint: random.chance(0.2) ? RDPoint(x: 251_000, y: 476_000) : nil))
            }
        }
        return Roster(period: DatePeriod(from: from, until: from.adding(days: 7)), officers: officers, shifts: shifts)
    }

    private static func nonEmpty<T>(_ values: [T]) -> [T]? { values.isEmpty ? nil : values }

    /// `count` messages of mixed kinds: mostly task requests, field reports and their answers.
    public mutating func mixed(count: Int) -> [Message] {
        let weights: [(MessageKind, Int)] = [
            (.taskRequest, 20), (.taskChange, 5), (.taskCancellation, 3), (.statusRequest, 3), (.prosecutorInstruction, 3),
            (.roster, 1), (.unavailability, 2), (.fieldReport, 15), (.acknowledgement, 20), (.contentFault, 1), (.envelopeFault, 1),
            (.taskReaction, 10), (.taskStatus, 8), (.statusAnswer, 2), (.taskResult, 4), (.deployment, 10), (.deploymentWithdrawal, 2),
            (.careSignal, 1), (.underminingSignal, 1),
        ]
        let total = weights.reduce(0) { $0 + $1.1 }
        return (0..<count).map { _ in
            var roll = random.int(0...(total - 1))
            for (kind, weight) in weights {
                if roll < weight { return message(kind) }
                roll -= weight
            }
            return message(.taskRequest)
        }
    }
}
