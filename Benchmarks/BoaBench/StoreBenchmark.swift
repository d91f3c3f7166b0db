import BoaCore
import BoaSamples
import BoaStore
import BoaXML
import Foundation
import GRDB

/// `boa-bench store`: (1) insert throughput of realistic message + task + log rows, batched per transaction,
/// under synchronous=FULL: through the store's API (hash-chained log) against raw prepared INSERTs of the
/// same rows in the same run; (2) every auditor query of docs/AUDIT.md on a database of 1,000,000 tasks and
/// 5,000,000 log rows.
enum StoreBenchmark {
    static func run(_ arguments: [String]) throws(UsageError) {
        let options = try Options(arguments, allowed: ["messages", "tasks", "log-rows", "rounds", "database", "skip-inserts", "skip-queries", "pass-at-size"])
        let messages = try options.int("messages", default: 20_000)
        let tasks = try options.int("tasks", default: 1_000_000)
        let logRows = try options.int("log-rows", default: 5_000_000)
        let rounds = try options.int("rounds", default: 5)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("boa-bench-store", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        print("boa-bench store: machine \(ProcessInfo.processInfo.activeProcessorCount) cores; database folder \(folder.path)")
        do {
            if options.string("skip-inserts") == nil { try insertThroughput(messages: messages, folder: folder) }
            if options.string("skip-queries") == nil {
                let path = options.string("database").map { URL(fileURLWithPath: $0) } ?? folder.appendingPathComponent("audit-\(tasks)-\(logRows).sqlite")
                try auditQueries(tasks: tasks, logRows: logRows, rounds: rounds, url: path)
                if options.string("pass-at-size") != nil { try passAtSize(rounds: rounds, database: path) }
            }
        } catch let error as UsageError {
            throw error
        } catch {
            throw UsageError(message: "\(error)")
        }
    }

    // MARK: insert throughput

    /// The rows one message makes: the inbound row, its task, its Bv03 (a real document), two log rows.
    struct Sample {
        var inbound: InboundRecord
        var task: TaskRecord
        var ack: [UInt8]
    }

    static func samples(_ count: Int) -> [Sample] {
        var generator = SampleMessages(seed: 7)
        let now = Amsterdam.instant(localDays: LocalDate(year: 2026, month: 12, day: 1).daysSinceEpoch, millisecondOfDay: 9 * 3_600_000)
        return (0..<count).map { index in
            let request = generator.taskRequest()
            let bytes = MessageWriter.encode(Message(envelope: Envelope(sender: SampleMessages.Partner.police, receiver: .service, reference: "GMS-\(index)",
                                                                        time: MessageTime(atMilliseconds: now)), body: .taskRequest(request)))
            var inbound = InboundRecord(fileName: "m\(index).xml", partner: "politie-on", rootElement: "taakVerzoek_Di01", function: "taakVerzoek",
                                        messageCode: "Di01", reference: "GMS-\(index)", messageTime: "20261201090000000", sha256: sha256Hex(bytes),
                                        size: bytes.count, outcome: .accepted, receivedAt: now + Int64(index), decidedAt: now + Int64(index))
            inbound.archivePath = "archive/2026-12-01/m\(index).xml"
            var task = TaskRecord(taskNumber: TaskNumber(year: 2026, sequence: index + 1), partner: "politie-on", taskId: "ON-\(index)", origin: .request,
                                  inboundId: nil, category: request.category, priority: request.priority, confidentiality: .normal, legalBasis: request.legalBasis,
                                  retention: request.legalBasis.defaultRetention, principal: request.principal, description: request.description,
                                  location: request.location, deadline: request.window.deadline.millisecondsSinceEpoch, durationMinutes: 45,
                                  domain: .publicSpace, powers: [], minimumTeam: 2, receivedAt: now + Int64(index))
            task.subcategory = request.subcategory
            let ack = MessageWriter.encode(Message(envelope: Envelope(sender: .service, receiver: SampleMessages.Partner.police,
                                                                      reference: "BOATAAK-\(index)", time: MessageTime(atMilliseconds: now),
                                                                      crossReference: "GMS-\(index)"), body: .acknowledgement))
            return Sample(inbound: inbound, task: task, ack: ack)
        }
    }

    static func insertThroughput(messages: Int, folder: URL) throws {
        let rows = samples(messages)
        print("\nInsert throughput: \(messages) messages, each = inbound row + task (+ status history) + Bv03 outbound row (\(rows.first?.ack.count ?? 0) bytes) + 2 hash-chained log rows; synchronous=FULL, WAL")
        var table = Table(["path", "rows/commit", "messages/s", "ms/commit", "ratio to raw"])
        for batch in [100, 1000] {
            let raw = try measureRaw(rows, batch: batch, url: fresh(folder, "raw-\(batch).sqlite"))
            let ours = try measureStore(rows, batch: batch, url: fresh(folder, "store-\(batch).sqlite"))
            table.add(["raw prepared INSERTs", "\(batch)", grouped(raw), fixed(1000 * Double(batch) / raw, 2), "1.00"])
            table.add(["Store API (hash chain)", "\(batch)", grouped(ours), fixed(1000 * Double(batch) / ours, 2), fixed(ours / raw, 2)])
        }
        print(table.render())
    }

    static func fresh(_ folder: URL, _ name: String) -> URL {
        let url = folder.appendingPathComponent(name)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
        return url
    }

    /// Through the store's own API, as the intake does.
    static func measureStore(_ rows: [Sample], batch: Int, url: URL) throws -> Double {
        let store = try Store.open(at: url)
        let start = now()
        for chunk in stride(from: 0, to: rows.count, by: batch) {
            try store.write { tx in
                for sample in rows[chunk..<min(rows.count, chunk + batch)] {
                    let inboundId = try tx.insertInbound(sample.inbound)
                    var task = sample.task
                    task.inboundId = inboundId
                    let taskId = try tx.insertTask(task)
                    try tx.setInboundTask(inboundId, taskId: taskId)
                    try tx.insertOutbound(OutboundRecord(partner: "politie-on", function: "bevestiging", messageCode: "Bv03",
                                                         reference: try tx.nextOutboundReference(), crossReference: sample.inbound.reference,
                                                         inboundId: inboundId, taskId: taskId, fileName: "f-\(inboundId).xml", body: sample.ack,
                                                         createdAt: sample.inbound.receivedAt))
                    try tx.appendLog(LogEntry(at: sample.inbound.receivedAt, action: .received, objectType: "bericht", objectId: sample.inbound.reference ?? "",
                                              performer: "bench", partner: "politie-on", detail: "taakVerzoek"))
                    try tx.appendLog(LogEntry(at: sample.inbound.receivedAt, action: .received, objectType: "taak", objectId: task.taskNumber.description,
                                              performer: "bench", legalBasis: task.legalBasis, partner: "politie-on", detail: "OVERLAST"))
                }
            }
        }
        return Double(rows.count) / (now() - start)
    }

    /// The same rows by raw prepared statements (no API, no hash computation: the hashes are made beforehand), in the same schema.
    static func measureRaw(_ rows: [Sample], batch: Int, url: URL) throws -> Double {
        _ = try Store.open(at: url)  // the same schema, indexes and triggers
        var configuration = GRDB.Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY") }
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        let fakeHash = String(repeating: "a", count: 64)
        // The log's hashes look like the chain's (random order), made before the clock starts.
        let hashes = (0..<(2 * rows.count)).map { sha256Hex(Array("log-\($0)".utf8)) }
        var seq: Int64 = 0
        let start = now()
        for chunk in stride(from: 0, to: rows.count, by: batch) {
            try queue.write { db in
                let inbound = try db.cachedStatement(sql: "INSERT INTO inbound_message (file_name, partner, root_element, functie, berichtcode, referentienummer, tijdstip_bericht, sha256, size, outcome, received_at, decided_at, archive_path) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                let task = try db.cachedStatement(sql: "INSERT INTO task (taak_nummer, partner, taak_id, soort, inbound_id, categorie, prioriteit, status, vertrouwelijkheid, grondslag, bewaartermijn, omschrijving, x, y, uiterlijk_gereed, duur_minuten, domein, minimale_bezetting, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                let status = try db.cachedStatement(sql: "INSERT INTO task_status (task_id, status, at, inbound_id) VALUES (?,?,?,?)")
                let link = try db.cachedStatement(sql: "UPDATE inbound_message SET task_id = ? WHERE id = ?")
                let outbound = try db.cachedStatement(sql: "INSERT INTO outbound_message (partner, functie, berichtcode, referentienummer, cross_refnummer, inbound_id, task_id, file_name, body, sha256, state, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,'PENDING',?)")
                let log = try db.cachedStatement(sql: "INSERT INTO processing_log (seq, at, actie, object_type, object_id, uitvoerder, vertrouwelijkheid, bewaartermijn, partner, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                for sample in rows[chunk..<min(rows.count, chunk + batch)] {
                    let at = StoreTime.text(sample.inbound.receivedAt)
                    try inbound.execute(arguments: [sample.inbound.fileName, "politie-on", "taakVerzoek_Di01", "taakVerzoek", "Di01", sample.inbound.reference,
                                                    "20261201090000000", sample.inbound.sha256, sample.inbound.size, "ACCEPTED", at, at, sample.inbound.archivePath])
                    let inboundId = db.lastInsertedRowID
                    let location = sample.task.location
                    try task.execute(arguments: [sample.task.taskNumber.description, "politie-on", sample.task.taskId, "VERZOEK", inboundId,
                                                 sample.task.category.rawValue, sample.task.priority.rawValue, "ONTVANGEN", "NORMAAL", sample.task.legalBasis.rawValue,
                                                 "P1Y", sample.task.description, location?.point.x, location?.point.y, StoreTime.text(sample.task.deadline), 45, "I", 2, at])
                    let taskId = db.lastInsertedRowID
                    try status.execute(arguments: [taskId, "ONTVANGEN", at, inboundId])
                    try link.execute(arguments: [taskId, inboundId])
                    try outbound.execute(arguments: ["politie-on", "bevestiging", "Bv03", "R-\(inboundId)", sample.inbound.reference, inboundId, taskId,
                                                     "f-\(inboundId).xml", Data(sample.ack), fakeHash, at])
                    for kind in ["bericht", "taak"] {
                        seq += 1
                        try log.execute(arguments: [seq, at, "ONTVANGEN", kind, "x", "bench", "NORMAAL", "P1Y", "politie-on", "taakVerzoek", fakeHash,
                                                    hashes[Int(seq) - 1]])
                    }
                }
            }
        }
        return Double(rows.count) / (now() - start)
    }

    // MARK: audit queries at size

    static func auditQueries(tasks: Int, logRows: Int, rounds: Int, url: URL) throws {
        if !FileManager.default.fileExists(atPath: url.path) {
            print("\nBuilding the audit database (\(tasks) tasks, \(logRows) log rows) at \(url.path) …")
            let start = now()
            try AuditDatabase.build(url: url, tasks: tasks, logRows: logRows)
            print("built in \(fixed(now() - start, 1)) s")
        } else {
            print("\nUsing the audit database at \(url.path)")
        }
        _ = try Store.open(at: url)  // brings a database built by an earlier version up to date, as the service would
        guard let root = repositoryRoot() else { throw UsageError(message: "cannot find the repository (docs/AUDIT.md)") }
        let questions = try auditQuestions(root.appendingPathComponent("docs/AUDIT.md"))
        let counts = try Store.readOnlyQuery(databaseAt: url, sql: "SELECT (SELECT count(*) FROM task), (SELECT count(*) FROM processing_log), (SELECT count(*) FROM assignment), (SELECT count(*) FROM inbound_message), (SELECT count(*) FROM outbound_message)")
        print("rows: task, processing_log, assignment, inbound_message, outbound_message = \(counts.rows.first.map { $0.map { "\($0)" }.joined(separator: ", ") } ?? "?")")
        var table = Table(["question", "rows", "median ms", "max ms", "≤ 100 ms"])
        var worst = 0.0
        for question in questions {
            var times: [Double] = []
            var rows = 0
            for _ in 0..<(rounds + 1) {
                let start = now()
                let result = try Store.readOnlyQuery(databaseAt: url, sql: question.sql)
                times.append((now() - start) * 1000)
                rows = result.rows.count
            }
            times.removeFirst()  // warm-up (page cache)
            let median = times.sorted()[times.count / 2]
            worst = max(worst, median)
            table.add([String(question.title.prefix(60)), "\(rows)", fixed(median, 1), fixed(times.max() ?? 0, 1), median <= 100 ? "yes" : "NO"])
        }
        print(table.render())
        print("slowest median: \(fixed(worst, 1)) ms (each time includes opening the read-only connection, as boa-coord sql does)")
    }

    // MARK: a pass at size

    /// `boa-coord process` with one new request, `rounds` times, on a home whose `boa.sqlite` is a hard link to the
    /// audit database: the cost of a pass in a database that has run for years. Each pass adds its request's rows
    /// to that database (a few rows beside millions; the audit figures do not move).
    static func passAtSize(rounds: Int, database: URL) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("boa-coord")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw UsageError(message: "no boa-coord next to boa-bench (\(binary.path)): build both, e.g. swift build -c release")
        }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("boa-bench-pass-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("inbox"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        guard link(database.path, home.appendingPathComponent("boa.sqlite").path) == 0 else {
            throw UsageError(message: "cannot hard-link \(database.path) into \(home.path) (same file system needed): errno \(errno)")
        }
        print("\nOne pass (boa-coord process, one new request) on the audit database, \(rounds) runs after a warm-up")
        var table = Table(["run", "plan ms", "apply ms", "pass wall ms"])
        var generator = SampleMessages(seed: 5)
        let stamp = Int(Date().timeIntervalSince1970)  // references not used by an earlier run on the same database
        let time = MessageTime(atMilliseconds: Amsterdam.instant(localDays: LocalDate(year: 2026, month: 12, day: 1).daysSinceEpoch, millisecondOfDay: 9 * 3_600_000))
        for run in 0...rounds {
            var request = generator.taskRequest()
            request.taskId = "ON-PASS-\(stamp)-\(run)"
            let bytes = MessageWriter.encode(Message(envelope: Envelope(sender: SampleMessages.Partner.police, receiver: .service,
                                                                        reference: "GMS-PASS-\(stamp)-\(run)", time: time), body: .taskRequest(request)))
            try Data(bytes).write(to: home.appendingPathComponent("inbox/pass-\(run).xml"))
            let process = Process()
            process.executableURL = binary
            process.arguments = ["process", "--home", home.path, "--now", "2026-12-01T09:00:00+01:00"]
            process.environment = ["BOA_LOG_LEVEL": "debug"]
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            let start = now()
            try process.run()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let wall = (now() - start) * 1000
            guard process.terminationStatus == 0 else { throw UsageError(message: "boa-coord process failed: \(text.suffix(500))") }
            func step(_ name: String) -> String {
                guard let range = text.range(of: "ms.\(name)=") else { return "?" }
                return String(text[range.upperBound...].prefix { $0.isNumber })
            }
            table.add([run == 0 ? "warm-up" : "\(run)", step("plan"), step("apply"), fixed(wall, 0)])
        }
        print(table.render())
    }

    static func auditQuestions(_ url: URL) throws -> [(title: String, sql: String)] {
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let start = text.range(of: "## Questions an auditor asks") else { return [] }
        var result: [(String, String)] = []
        var title = ""
        var sql: [String]?
        for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### ") { title = String(line.dropFirst(4)) }
            if line == "```sql" { sql = [] } else if line == "```", let lines = sql {
                result.append((title, lines.joined(separator: "\n")))
                sql = nil
            } else if sql != nil {
                sql?.append(String(line))
            }
        }
        return result
    }
}
