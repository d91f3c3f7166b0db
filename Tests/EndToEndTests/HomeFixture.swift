import BoaCore
import BoaSamples
import BoaXML
import Foundation
import Testing

/// A home folder in a temporary directory, driven through the real binary.
struct HomeFixture {
    let root: URL

    /// A fixture for a home that exists already.
    init(existing root: URL) { self.root = root }

    init(configuration: String? = nil) throws {
        root = try temporaryFolder("boa-home")
        if let configuration {
            try configuration.write(to: root.appendingPathComponent("boa-coord.toml"), atomically: true, encoding: .utf8)
        }
    }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Drops a file into `inbox/` or `inbox/<folder>/` the way partners should: a temporary name, then a rename.
    @discardableResult
    func drop(_ bytes: [UInt8], name: String, folder: String? = nil) throws -> URL {
        let directory = folder.map { url("inbox/\($0)") } ?? url("inbox")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(name).tmp")
        try Data(bytes).write(to: temporary)
        let final = directory.appendingPathComponent(name)
        try FileManager.default.moveItem(at: temporary, to: final)
        return final
    }

    @discardableResult
    func drop(_ message: Message, name: String, folder: String? = nil) throws -> URL {
        try drop(MessageWriter.encode(message), name: name, folder: folder)
    }

    @discardableResult
    func drop(_ text: String, name: String, folder: String? = nil) throws -> URL {
        try drop(Array(text.utf8), name: name, folder: folder)
    }

    /// Runs `boa-coord process --now NOW` on this home.
    @discardableResult
    func process(now: String = "2026-12-01T09:00:00+01:00", environment: [String: String] = [:]) throws -> RunResult {
        try runBinary(["process", "--home", root.path, "--now", now], environment: environment)
    }

    /// The files under a folder of the home, relative to it, sorted.
    func files(in folder: String) -> [String] {
        let base = url(folder)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var result: [String] = []
        for case let file as URL in enumerator {
            if (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                result.append(String(file.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1)))
            }
        }
        return result.sorted()
    }

    /// The outbox files of a partner, decoded, in name order.
    func outbox(_ partner: String) throws -> [(name: String, message: Message)] {
        try files(in: "outbox/\(partner)").filter { !$0.hasPrefix(".") }.map { name in
            let bytes = try [UInt8](Data(contentsOf: url("outbox/\(partner)/\(name)")))
            return (name, try MessageReader().read(bytes).get())
        }
    }

    /// Every outbox file of every partner.
    func allOutbox() -> [String] { files(in: "outbox").filter { !$0.contains("/.") } }

    /// Runs a query through `boa-coord sql --format json` and returns the rows.
    func sql(_ query: String) throws -> [[String: Any]] {
        let result = try runBinary(["sql", "--home", root.path, "--format", "json", query])
        guard result.status == 0, let data = result.standardOutput.data(using: .utf8),
            let rows = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { throw FixtureError("sql failed: \(result.standardError)") }
        return rows
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ text: String) { description = text }
}

/// Messages for the tests, built from the generator with controlled fields.
enum Messages {
    static let service = SystemIdentity.service
    static let police = SampleMessages.Partner.police
    static let roster = SampleMessages.Partner.roster

    static func time(_ digits: String = "20261201085900000") -> MessageTime {
        MessageTime(digits) ?? MessageTime(atMilliseconds: 0)
    }

    static func envelope(from sender: SystemIdentity = police, to receiver: SystemIdentity = service, reference: String, time: String = "20261201085900000") -> Envelope {
        Envelope(sender: sender, receiver: receiver, reference: reference, time: Messages.time(time))
    }

    static func request(taskId: String = "ON-1", reference: String = "GMS-1", deadline: String = "2026-12-01T23:00:00+01:00",
                        from sender: SystemIdentity = police, to receiver: SystemIdentity = service, time: String = "20261201085900000") -> Message {
        let request = TaskRequest(
            taskId: taskId, category: .nuisance, priority: .today,
            location: Location(description: "Speelveld achter de sporthal", neighbourhood: "BU01640304", point: RDPoint(x: 250_812.5, y: 476_530)),
            window: TimeWindow(deadline: Timestamp(xsdDateTime: deadline) ?? Timestamp(millisecondsSinceEpoch: 0)), legalBasis: .wpgArticle8,
            principal: Principal(unit: "Basisteam Twente-Midden"))
        return Message(envelope: envelope(from: sender, to: receiver, reference: reference, time: time), body: .taskRequest(request))
    }

    static func change(taskId: String = "ON-1", reference: String = "GMS-2", time: String = "20261201090000000", priority: Priority = .urgent) -> Message {
        Message(envelope: envelope(reference: reference, time: time),
                body: .taskChange(TaskChange(taskId: taskId, priority: priority, reason: "Melder belt opnieuw")))
    }

    static func cancellation(taskId: String = "ON-1", reference: String = "GMS-3", time: String = "20261201090100000") -> Message {
        Message(envelope: envelope(reference: reference, time: time),
                body: .taskCancellation(TaskCancellation(taskId: taskId, reason: "Melding vervallen")))
    }
}

extension HomeFixture {
    /// A folder beside the home for the logs of background runs (kept out of the home itself).
    var logFolder: URL {
        let folder = root.deletingLastPathComponent().appendingPathComponent(root.lastPathComponent + "-logs", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Starts `boa-coord run` on this home in the background; its output goes to `<logs>/<logName>.log`.
    /// `BOA_LOG_LEVEL` is `warning` unless `environment` says otherwise.
    func startRun(logName: String, environment: [String: String] = [:], launcher: [String] = []) throws -> BackgroundBinary {
        try BackgroundBinary(["run", "--home", root.path], environment: ["BOA_LOG_LEVEL": "warning"].merging(environment) { $1 },
                             launcher: launcher, log: logFolder.appendingPathComponent("\(logName).log"))
    }

    /// `boa-coord sql "PRAGMA integrity_check"`: "ok" when the database is sound.
    func integrityCheck() throws -> String {
        try sql("PRAGMA integrity_check").compactMap { $0.values.first as? String }.joined(separator: "; ")
    }

    /// `boa-coord audit verify`.
    func auditVerify() throws -> RunResult { try runBinary(["audit", "verify", "--home", root.path]) }

    /// The files partners still have in the inbox, hidden names included (a leftover temporary name counts too).
    func inboxLeftovers() -> [String] { files(in: "inbox") }

    /// Every outbox file as `partner/name` with its bytes, hidden (staging) names included.
    func outboxContents() throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in files(in: "outbox") { result[file] = try Data(contentsOf: url("outbox/\(file)")) }
        return result
    }
}
