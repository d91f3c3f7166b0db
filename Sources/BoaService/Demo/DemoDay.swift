import BoaCore
import BoaSamples
import BoaStore
import BoaXML
import Foundation
import Logging

/// `boa-coord demo`: a realistic day in Hengelo, played through a home folder with `process` passes at a
/// stepping clock: the roster at dawn, about 60 requests from police and OM through the day, the officers'
/// app reporting on the orders it received, a sickness, a burglary with its aftercare round, a care signal and
/// an undermining signal. Everything goes through the real intake, planner and publisher.
public struct DemoDay {
    /// The home to fill (must be empty or new).
    public let home: Home
    /// The day: Tuesday 1 December 2026.
    public static let day = LocalDate(year: 2026, month: 12, day: 1)

    /// Makes the demo for a home.
    public init(home: Home) { self.home = home }

    /// What the demo did.
    public struct Summary: Sendable {
        /// Messages dropped into the inbox.
        public var dropped = 0
        /// Passes run.
        public var passes = 0
        /// Files in the outbox at the end, per partner.
        public var outbox: [(partner: String, files: Int)] = []
    }

    static func at(_ hour: Int, _ minute: Int = 0) -> Int64 {
        Amsterdam.instant(localDays: day.daysSinceEpoch, millisecondOfDay: Int64(hour * 60 + minute) * 60_000)
    }

    /// Plays the day; `progress` gets a line per step.
    public func run(progress: (String) -> Void) throws -> Summary {
        var summary = Summary()
        try home.createFolders()
        let logger = Logger(label: "boa-coord.demo")
        let context = try ServiceContext.open(home: home, logger: logger)
        var generator = SampleMessages(seed: 2026)
        var reference = 0
        func envelope(_ sender: SystemIdentity, _ time: Int64) -> Envelope {
            reference += 1
            return Envelope(sender: sender, receiver: .service, reference: "DEMO-\(reference)", time: MessageTime(atMilliseconds: time))
        }
        func drop(_ message: Message, folder: String, name: String) throws {
            let bytes = MessageWriter.encode(message)
            let directory = home.inbox.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: directory.appendingPathComponent(".\(name).tmp"))
            try FileManager.default.moveItem(at: directory.appendingPathComponent(".\(name).tmp"), to: directory.appendingPathComponent(name))
            summary.dropped += 1
        }
        func pass(_ time: Int64, _ what: String) throws {
            let report = try context.processOnce(now: time)
            summary.passes += 1
            progress("\(Amsterdam.timestamp(atMilliseconds: time))  \(what): \(report)")
        }

        // 06:30 the roster: 20 officers, early and late shifts.
        var roster = generator.roster(officers: 20)
        roster.period = DatePeriod(from: DemoDay.day, until: DemoDay.day.adding(days: 1))
        roster.shifts = roster.officers.enumerated().map { index, officer in
            let start = index % 2 == 0 ? DemoDay.at(7) : DemoDay.at(14)
            return Shift(shiftId: "D-\(officer.officerId)", officerId: officer.officerId, start: Amsterdam.timestamp(atMilliseconds: start),
                         end: Amsterdam.timestamp(atMilliseconds: start + 8 * 3_600_000))
        }
        for index in roster.officers.indices {
            roster.officers[index].active = true
            roster.officers[index].deeds = [Deed(number: "AKTE-\(1000 + index)", domain: .publicSpace, validFrom: LocalDate(year: 2026, month: 1, day: 1),
                                                 validUntil: LocalDate(year: 2027, month: 12, day: 31), powers: [.bylaw, .bsbo, .wahv, .alcoholAct])]
            if index % 4 == 1 {
                roster.officers[index].deeds.append(Deed(number: "AKTE-M-\(1000 + index)", domain: .environment, validFrom: LocalDate(year: 2026, month: 1, day: 1),
                                                         validUntil: LocalDate(year: 2027, month: 12, day: 31), powers: [.environmentalLaw, .wasteRegulations]))
            }
            if index == 6 {
                roster.officers[index].deeds.append(Deed(number: "AKTE-L-1006", domain: .education, validFrom: LocalDate(year: 2026, month: 1, day: 1),
                                                         validUntil: LocalDate(year: 2027, month: 12, day: 31), powers: [.schoolAttendanceAct]))
            }
            roster.officers[index].screening = index % 5 == 0 ? .strict : (index % 3 == 0 ? .confidential : .normal)
        }
        try drop(Message(envelope: envelope(SampleMessages.Partner.roster, DemoDay.at(6, 30)), body: .roster(roster)), folder: "rooster", name: "rooster-2026-12-01.xml")
        try pass(DemoDay.at(6, 30), "roster")

        // Through the day: requests from the police and the OM, and the app reporting on its orders.
        var reported: Set<String> = []
        var requestCount = 0
        var careSent = false
        var underminingSent = false
        for hour in 7...21 {
            for slot in 0..<4 where requestCount < 60 {
                let time = DemoDay.at(hour, slot * 15)
                requestCount += 1
                if requestCount % 10 == 0 {
                    var instruction = ProsecutorInstruction(
                        taskId: "OM-2026-\(4000 + requestCount)", caseNumber: "05/\(700_000 + requestCount)-26", requestedAction: .supplementaryReport,
                        location: generator.location(), dueDate: DemoDay.day.adding(days: 3), preferredOfficer: roster.officers[requestCount % 20].officerId,
                        legalBasis: .wpgArticle9, description: "Aanvullend proces-verbaal opmaken na melding.")
                    instruction.location.address = nil
                    try drop(Message(envelope: envelope(SampleMessages.Partner.prosecutor, time), body: .prosecutorInstruction(instruction)), folder: "om-on", name: "opdracht-\(requestCount).xml")
                } else {
                    var request = generator.taskRequest()
                    request.taskId = "ON-TW-2026-\(CivilCalendar.pad(Int64(900 + requestCount), 6))"
                    request.safety = nil
                    request.confidentiality = nil
                    request.retention = nil
                    request.requiredDomain = nil
                    request.requiredPowers = request.requiredPowers.map { _ in [.bylaw] }
                    request.minimumTeam = requestCount % 3 == 0 ? 1 : 2
                    request.window = TimeWindow(deadline: Amsterdam.timestamp(atMilliseconds: time + Int64(request.priority == .urgent ? 3 : 10) * 3_600_000))
                    if requestCount == 9 {  // the burglary of the day
                        request.category = .burglaryAftercare
                        request.description = "Inbraak in woning; nazorg bij bewoners en buurt."
                    }
                    if request.category == .prosecutorInstruction { request.category = .nuisance }
                    try drop(Message(envelope: envelope(SampleMessages.Partner.police, time), body: .taskRequest(request)), folder: "politie-on", name: "verzoek-\(requestCount).xml")
                }
            }
            if hour == 11 {
                // A sickness: the first officer with an order falls ill.
                if let sick = try orders().first?.officerId {
                    try drop(Message(envelope: envelope(SampleMessages.Partner.roster, DemoDay.at(11)), body: .unavailability(
                        Unavailability(officerId: sick, from: Amsterdam.timestamp(atMilliseconds: DemoDay.at(11)), reason: .sick))),
                             folder: "rooster", name: "ziek-\(sick).xml")
                }
            }
            // The app reports on orders whose start has passed: on the way, then done.
            let now = DemoDay.at(hour, 45)
            for order in try orders() where order.plannedStart.millisecondsSinceEpoch + Int64(order.estimatedMinutes) * 60_000 <= now {
                let key = "\(order.taskNumber)"
                guard !reported.contains(key) else { continue }
                reported.insert(key)
                var signals: [FieldSignal] = []
                if hour >= 12, !careSent {
                    signals = [FieldSignal(kind: .care, description: "Oudere bewoner lijkt verward en alleen; graag contact vanuit het wijkteam.", urgency: .high)]
                    careSent = true
                } else if hour >= 14, !underminingSent {
                    signals = [FieldSignal(kind: .undermining, description: "Bedrijfspand met dichtgeplakte ramen en veel verkeer in de nacht.")]
                    underminingSent = true
                }
                let report = FieldReport(
                    taskNumber: order.taskNumber, officerId: order.officerId, status: .completed, time: order.plannedStart.adding(minutes: order.estimatedMinutes),
                    outcomes: [Outcome(code: signals.isEmpty ? .verbalWarning : (signals[0].kind == .care ? .careSignal : .underminingSignal))],
                    summary: "Ter plaatse geweest; betrokkenen aangesproken.", signals: signals)
                try drop(Message(envelope: envelope(SampleMessages.Partner.boaApp, now), body: .fieldReport(report)), folder: "boa-app", name: "rapport-\(key).xml")
            }
            try pass(now, "\(hour):45")
        }
        for (partner, files) in try outboxCounts() { summary.outbox.append((partner, files)) }
        return summary
    }

    /// The orders the app has received (newest per task and officer), read back from the outbox like the app would.
    private func orders() throws -> [Deployment] {
        let folder = home.outbox.appendingPathComponent("boa-app")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix("_inzetOpdracht.xml") }.sorted()
        var latest: [String: Deployment] = [:]
        var withdrawn: Set<String> = []
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where name.hasSuffix("_inzetIntrekking.xml") {
            if case .success(let message) = MessageReader().read([UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))),
                case .deploymentWithdrawal(let withdrawal) = message.body {
                withdrawn.insert("\(withdrawal.taskNumber)/\(withdrawal.officerId)/\(name)")
            }
        }
        for name in names {
            guard case .success(let message) = MessageReader().read([UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))),
                case .deployment(let order) = message.body
            else { continue }
            latest["\(order.taskNumber)/\(order.officerId)"] = order
        }
        // An order withdrawn after it was sent (by name order = reference order) no longer counts.
        return latest.sorted { $0.key < $1.key }.compactMap { key, order in
            let later = withdrawn.contains { $0.hasPrefix(key + "/") }
            return later ? nil : order
        }
    }

    private func outboxCounts() throws -> [(String, Int)] {
        let partners = ((try? FileManager.default.contentsOfDirectory(atPath: home.outbox.path)) ?? []).sorted()
        return partners.compactMap { partner in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: home.outbox.appendingPathComponent(partner).path)) ?? []
            let count = files.filter { $0.hasSuffix(".xml") && !$0.hasPrefix(".") }.count
            return count > 0 ? (partner, count) : nil
        }
    }
}
