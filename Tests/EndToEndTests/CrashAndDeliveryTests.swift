import BoaCore
import BoaSamples
import BoaXML
import Foundation
import Synchronization
import Testing

/// Crash safety and delivery, through the real binary on real folders (KOPPELVLAK §1, §5, §10;
/// docs/OPERATIONS.md "What happens to a file"): a crash at every step boundary, `kill -9` at random moments
/// while files arrive, the ways partners deliver files (rename, `cp` in place, a slow writer), a burst larger
/// than inotify's queue, and two instances on one home. After each scenario every file has exactly one
/// outcome and exactly one technical answer, and nothing is lost, doubled or left behind.
///
/// Seeds: `BOA_TEST_SEED` overrides the seed of the random scenarios (printed with every run).
@Suite(.serialized) struct CrashAndDeliveryTests {
    static let now = "2026-12-01T09:00:00+01:00"
    static let crashPoints = ["claim", "commit", "archive", "staged", "staging", "rename", "mark"]
    /// Small batches, so that a crash at `commit` or `archive` falls between batches of one pass.
    static let crashConfiguration = "[intake]\nbatch_size = 3\n"
    /// For `run`: files written in place settle after 200 ms.
    static let runConfiguration = "[intake]\nstable_millis = 200\n"

    static func seed(_ fallback: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment["BOA_TEST_SEED"].flatMap(UInt64.init) ?? fallback
    }

    static func log(_ text: String) { print("[CrashAndDeliveryTests] \(text)") }

    /// A `tijdstipBericht` on 1 December 2026, `seconds` after 08:00.
    static func messageTime(secondsAfterEight seconds: Int) -> String {
        let total = 8 * 3600 + seconds
        return "20261201" + CivilCalendar.pad(Int64(total / 3600), 2) + CivilCalendar.pad(Int64(total / 60 % 60), 2)
            + CivilCalendar.pad(Int64(total % 60), 2) + "000"
    }

    // MARK: 1. a crash at every step boundary

    /// The mix of the crash tests: valid requests (top level and in the partner folder), a roster, a NIETXML
    /// file at the top level and one in a partner folder, a schema fault and a byte-identical resend.
    static func crashMix() -> [DroppedFile] {
        var files: [DroppedFile] = []
        for index in 1...6 {
            let message = Messages.request(taskId: "ON-C-\(index)", reference: "GMS-C-\(index)", time: "2026120108\(50 + index)00000")
            files.append(.valid(message, name: "verzoek-\(index).xml", folder: index % 2 == 0 ? "politie-on" : nil, answerTo: "politie-on"))
        }
        var samples = SampleMessages(seed: 5)
        let roster = Message(envelope: Messages.envelope(from: Messages.roster, reference: "R-C-1", time: "20261201084500000"),
                             body: .roster(samples.roster(officers: 2)))
        files.append(.valid(roster, name: "rooster.xml", folder: "rooster", answerTo: "rooster"))
        files.append(DroppedFile(folder: nil, name: "kapot.xml", bytes: Array("dit is geen XML".utf8), kind: .notXML))
        files.append(DroppedFile(folder: "politie-on", name: "kapot-in-map.xml", bytes: Array("<a><b></a>".utf8), kind: .notXML))
        files.append(.schemaInvalid(Messages.request(taskId: "ON-C-20", reference: "GMS-C-20", time: "20261201085800000"), name: "ongeldig.xml", answerTo: "politie-on"))
        files.append(DroppedFile(folder: nil, name: "verzoek-1-opnieuw.xml", bytes: files[0].bytes, kind: .valid, reference: files[0].reference, answerPartner: "politie-on"))
        // A change of a task requested in the same pass (applied: Bv03), one for an unknown task (HELD, not
        // answered yet) and a status question (Bv03 and a taakstatusAntwoord).
        files.append(.valid(Messages.change(taskId: "ON-C-3", reference: "GMS-C-30", time: "20261201085900000"), name: "wijziging.xml", folder: nil, answerTo: "politie-on"))
        var held = DroppedFile.valid(Messages.change(taskId: "ON-C-99", reference: "GMS-C-31", time: "20261201085910000"), name: "wijziging-onbekend.xml", folder: "politie-on", answerTo: "politie-on")
        held.kind = .held
        files.append(held)
        let question = Message(envelope: Messages.envelope(reference: "GMS-C-32", time: "20261201085920000"), body: .statusRequest(StatusRequest(taskIds: ["ON-C-1", "ON-C-99"])))
        files.append(.valid(question, name: "statusvraag.xml", folder: nil, answerTo: "politie-on"))
        return files
    }

    static func dropAll(_ files: [DroppedFile], in home: HomeFixture) throws {
        for file in files { try home.drop(file.bytes, name: file.name, folder: file.folder) }
    }

    /// The mix processed without any crash: what every crashed-and-recovered home must equal.
    struct Reference {
        var outbox: [String: Data]
        /// `archive/` and `rejected/` (names and bytes): where each file ended up.
        var placed: [String: Data]
    }

    static func reference() throws -> Reference {
        let home = try HomeFixture(configuration: crashConfiguration)
        try dropAll(crashMix(), in: home)
        let run = try home.process(now: now)
        guard run.status == 0 else { throw FixtureError("reference process failed: \(run.standardError)") }
        return Reference(outbox: try home.outboxContents(), placed: try placedFiles(home))
    }

    static func placedFiles(_ home: HomeFixture) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for folder in ["archive", "rejected"] {
            for file in home.files(in: folder) { result["\(folder)/\(file)"] = try Data(contentsOf: home.url("\(folder)/\(file)")) }
        }
        return result
    }

    /// Records every difference between a home's outbox, archive and rejected files and the reference's.
    static func expectSameAsReference(_ home: HomeFixture, _ reference: Reference, label: String) throws {
        let outbox = try home.outboxContents()
        #expect(outbox.keys.sorted() == reference.outbox.keys.sorted(), "\(label): outbox names differ from a run without a crash")
        for (name, bytes) in outbox where reference.outbox[name] != nil && reference.outbox[name] != bytes {
            Issue.record("\(label): outbox/\(name) differs from a run without a crash")
        }
        let placed = try placedFiles(home)
        #expect(placed.keys.sorted() == reference.placed.keys.sorted(), "\(label): archive/rejected names differ from a run without a crash")
        for (name, bytes) in placed where reference.placed[name] != nil && reference.placed[name] != bytes {
            Issue.record("\(label): \(name) differs from a run without a crash:\n\(String(decoding: bytes, as: UTF8.self))\n---- without a crash:\n\(String(decoding: reference.placed[name] ?? Data(), as: UTF8.self))")
        }
    }

    @Test(arguments: crashPoints)
    func aCrashAtAStepBoundaryLosesAndDoublesNothing(point: String) throws {
        let started = Date()
        let reference = try Self.reference()
        let files = Self.crashMix()
        let home = try HomeFixture(configuration: Self.crashConfiguration)
        try Self.dropAll(files, in: home)

        let crashed = try home.process(now: Self.now, environment: ["BOA_CRASH_AT": point])
        #expect(crashed.reason == .uncaughtSignal && crashed.status == SIGKILL,
                "BOA_CRASH_AT=\(point): expected death by SIGKILL, got \(crashed.reason == .exit ? "exit" : "signal") \(crashed.status)\n\(crashed.standardError)")
        let leftInWork = home.files(in: ".work").count
        let outboxAtCrash = home.files(in: "outbox")

        let recovered = try home.process(now: Self.now)
        #expect(recovered.status == 0 && recovered.reason == .exit, "restart after \(point): \(recovered.standardError)")

        try Self.verifyEndState(home, files, label: "crash at \(point)")
        try Self.expectSameAsReference(home, reference, label: "crash at \(point)")
        Self.log("crash at \(point): \(leftInWork) files left in .work, \(outboxAtCrash.count) outbox entries at the crash; recovered in \(secondsSince(started))")
    }

    /// A restart that crashes again at the next step, and again, until a run completes.
    @Test func repeatedCrashesDuringRecoveryStillEndInTheSameState() throws {
        let reference = try Self.reference()
        let files = Self.crashMix()
        let home = try HomeFixture(configuration: Self.crashConfiguration)
        try Self.dropAll(files, in: home)
        var endings: [String] = []
        for point in Self.crashPoints {
            let run = try home.process(now: Self.now, environment: ["BOA_CRASH_AT": point])
            endings.append("\(point): \(run.reason == .exit ? "exit" : "signal") \(run.status)")
            #expect((run.reason == .uncaughtSignal && run.status == SIGKILL) || (run.reason == .exit && run.status == 0), "\(point): \(run.standardError)")
        }
        let last = try home.process(now: Self.now)
        #expect(last.status == 0, "\(last.standardError)")
        Self.log("repeated crashes: \(endings.joined(separator: ", "))")
        try Self.verifyEndState(home, files, label: "repeated crashes")
        try Self.expectSameAsReference(home, reference, label: "repeated crashes")
    }

    /// A committed file whose claimed copy is still in the work folder although the archive already holds it (an
    /// archive step cut off between its link and its unlink, where the file system cannot rename without
    /// replacing): the restart removes the copy. It does not archive it a second time, and sends nothing again.
    @Test func aClaimedCopyBesideItsArchivedFileIsRemovedNotArchivedTwice() throws {
        let home = try HomeFixture()
        try home.drop(Messages.request(taskId: "ON-A-1", reference: "GMS-A-1"), name: "verzoek.xml", folder: "politie-on")
        let first = try home.process(now: Self.now)
        #expect(first.status == 0, "\(first.standardError)")
        let rows = try home.sql("SELECT claim_name, archive_path FROM inbound_message")
        let claimName = try #require(rows.first?["claim_name"] as? String)
        let archivePath = try #require(rows.first?["archive_path"] as? String)
        let archived = try Data(contentsOf: home.url(archivePath))
        try archived.write(to: home.url(".work/\(claimName)"))
        let outboxBefore = try home.outboxContents()

        let second = try home.process(now: Self.now)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(home.files(in: ".work").isEmpty, "the claimed copy is removed")
        #expect(home.files(in: "archive") == [String(archivePath.dropFirst("archive/".count))], "one archived file, under its first name")
        #expect(try Data(contentsOf: home.url(archivePath)) == archived)
        #expect(try home.outboxContents() == outboxBefore, "nothing is sent again")
        #expect(try home.sql("SELECT COUNT(*) AS n FROM inbound_message").first?["n"] as? Int == 1)
        #expect(try home.auditVerify().status == 0)
    }

    // MARK: 2. kill -9 at random moments while files arrive

    /// 2,000 files: mostly valid requests with distinct taakIds and references (a third in the partner
    /// folder), schema faults, NIETXML files at the top level and in the partner folder, and resends.
    static func killLoopMix() -> [DroppedFile] {
        var files: [DroppedFile] = []
        for index in 0..<2000 {
            let time = Self.messageTime(secondsAfterEight: index)
            let folder: String? = index % 3 == 0 ? "politie-on" : nil
            if index % 50 == 7 {
                files.append(DroppedFile(folder: index % 100 == 7 ? nil : "politie-on", name: "kapot-\(index).xml",
                                         bytes: Array("<bericht nummer=\"\(index)\"><niet-gesloten></bericht>".utf8), kind: .notXML))
            } else if index % 25 == 3 {
                files.append(.schemaInvalid(Messages.request(taskId: "ON-K-\(index)", reference: "GMS-K-\(index)", time: time),
                                            name: "ongeldig-\(index).xml", folder: folder, answerTo: "politie-on"))
            } else if index % 40 == 21, let original = files[index - 9...index - 1].last(where: { $0.kind == .valid }) {
                files.append(DroppedFile(folder: original.folder, name: "opnieuw-\(index).xml", bytes: original.bytes, kind: .valid,
                                         reference: original.reference, answerPartner: original.answerPartner))
            } else {
                files.append(.valid(Messages.request(taskId: "ON-K-\(index)", reference: "GMS-K-\(index)", time: time),
                                    name: "verzoek-\(index).xml", folder: folder, answerTo: "politie-on"))
            }
        }
        return files
    }

    @Test func killMinus9AtRandomMomentsWhileFilesArriveLosesAndDoublesNothing() throws {
        let seed = Self.seed(20_261_201)
        let started = Date()
        let files = Self.killLoopMix()
        let home = try HomeFixture(configuration: Self.runConfiguration)
        var random = SeededRandom(seed: seed)
        let feeder = Feeder(home: home, files: files, seed: seed &+ 1, maximumGapMilliseconds: 160, pauseChance: 0.1)
        var instance = try home.startRun(logName: "run-0")
        var instances = [instance]
        defer { for instance in instances { instance.stopIfRunning() } }
        feeder.start()
        var kills: [String] = []
        var killsWithClaimedFiles = 0
        var killsWithStagingFiles = 0
        for kill in 1...20 {
            let delay = Double(random.int(300...1700)) / 1000
            usleep(useconds_t(delay * 1_000_000))  // the scenario's deliberate random moment
            guard instance.isRunning else {
                Issue.record("seed \(seed): instance \(kill - 1) ended by itself before kill \(kill):\n\(instance.tail())")
                break
            }
            instance.send(SIGKILL)
            let end = instance.waitForExit(timeout: 10)
            #expect(end?.reason == .uncaughtSignal && end?.status == SIGKILL, "seed \(seed): kill \(kill) did not end the instance by SIGKILL: \(String(describing: end))")
            // What the kill interrupted: files claimed but not archived, answers half-published.
            let claimed = home.files(in: ".work").count
            let staging = home.files(in: "outbox").filter { $0.contains("/.") }.count
            if claimed > 0 { killsWithClaimedFiles += 1 }
            if staging > 0 { killsWithStagingFiles += 1 }
            kills.append("\(String(format: "%.2f", delay))s/\(feeder.dropped)/\(claimed)/\(staging)")
            instance = try home.startRun(logName: "run-\(kill)")
            instances.append(instance)
        }
        let killedAt = Date()
        #expect(feeder.wait(timeout: 120), "seed \(seed): the feeder did not finish")
        if let failure = feeder.failure { Issue.record("seed \(seed): feeding failed: \(failure)") }
        Self.log("kill loop (seed \(seed)): kills at delay/files dropped/files in .work/staging files: \(kills.joined(separator: " "))")
        Self.log("kill loop: \(killsWithClaimedFiles) kills left claimed files in .work, \(killsWithStagingFiles) left staging files; feeding took \(feeder.duration), kills done after \(secondsSince(started))")

        let fed = Date()
        let drained = try Self.waitForDrain(home, expectedInbound: files.count, timeout: 180)
        #expect(drained, "seed \(seed): not drained within 180 s\n\(instance.tail())")
        Self.log("kill loop: drained \(secondsSince(fed)) after the last file was dropped, \(secondsSince(killedAt)) after the last kill")
        instance.send(SIGTERM)
        let end = instance.waitForExit(timeout: 30)
        #expect(end?.reason == .exit && end?.status == 0, "seed \(seed): SIGTERM: \(String(describing: end))\n\(instance.tail())")

        try Self.verifyEndState(home, files, label: "kill loop (seed \(seed))")
        // What the instances logged at warning level or above (BOA_LOG_LEVEL=warning): shown, not judged.
        for (index, instance) in instances.enumerated() {
            let lines = instance.output.split(separator: "\n").filter { !$0.isEmpty }
            if !lines.isEmpty { Self.log("run-\(index) logged \(lines.count) lines, e.g. \(lines.prefix(3).joined(separator: " | "))") }
        }
        Self.log("kill loop: total \(secondsSince(started))")
    }

    // MARK: 3. delivery modes

    @Test func everyWayOfDeliveringIsReadOnlyWhenComplete() throws {
        let started = Date()
        let home = try HomeFixture(configuration: Self.runConfiguration)
        let instance = try home.startRun(logName: "run")
        defer { instance.stopIfRunning() }
        try #require(waitUntil(timeout: 30) { FileManager.default.fileExists(atPath: home.url("inbox/rooster").path) }, "the service did not start:\n\(instance.tail())")
        var files: [DroppedFile] = []

        // (a) rsync: a hidden temporary name in the inbox, then a rename.
        let rsync = DroppedFile.valid(Messages.request(taskId: "ON-D-1", reference: "GMS-D-1"), name: "rsync.xml", folder: nil, answerTo: "politie-on")
        let hidden = home.url("inbox/.rsync.xml.Ab12Cd")
        try Data(rsync.bytes).write(to: hidden)
        #expect(rename(hidden.path, home.url("inbox/rsync.xml").path) == 0)
        files.append(rsync)
        #expect(try Self.waitForOutcome(home, file: rsync, timeout: 20) == "ACCEPTED", "rsync delivery:\n\(instance.tail())")

        // (b) cp of a large roster (~900 KB, under the 1 MiB cap), written in place by the real /bin/cp.
        let roster = try Self.largeRoster(near: 900_000)
        Self.log("delivery: the roster for cp is \(roster.bytes.count) bytes")
        #expect(roster.bytes.count > 800_000 && roster.bytes.count < 1_048_576)
        let source = try temporaryFolder("boa-cp").appendingPathComponent("rooster-groot.xml")
        try Data(roster.bytes).write(to: source)
        let copy = try runTool("/bin/cp", [source.path, home.url("inbox/rooster/rooster-groot.xml").path])
        #expect(copy == 0)
        files.append(roster)
        #expect(try Self.waitForOutcome(home, file: roster, timeout: 60) == "ACCEPTED", "cp delivery:\n\(instance.tail())")

        // (c) a slow writer: the final name, ten chunks 300 ms apart (longer than stable_millis), kept open throughout.
        let slow = DroppedFile.valid(Messages.request(taskId: "ON-D-3", reference: "GMS-D-3"), name: "langzaam.xml", folder: "politie-on", answerTo: "politie-on")
        let path = home.url("inbox/politie-on/langzaam.xml").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        try #require(descriptor >= 0)
        let chunkSize = (slow.bytes.count + 9) / 10
        var takenEarly: [String] = []
        for chunk in stride(from: 0, to: slow.bytes.count, by: chunkSize) {
            let part = Array(slow.bytes[chunk..<min(slow.bytes.count, chunk + chunkSize)])
            #expect(part.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == part.count)
            usleep(300_000)  // the writer's deliberate pause
            if !FileManager.default.fileExists(atPath: path) { takenEarly.append("after byte \(chunk + part.count)") }
        }
        close(descriptor)
        #expect(takenEarly.isEmpty, "the half-written file was taken from the inbox \(takenEarly.first ?? "")")
        files.append(slow)
        let outcome = try Self.waitForOutcome(home, file: slow, timeout: 20)
        #expect(outcome == "ACCEPTED", "slow writer: outcome \(outcome ?? "none") (NIETXML or StUF055 would mean a half-written file was read)\n\(instance.tail())")

        try #require(try Self.waitForDrain(home, expectedInbound: files.count, timeout: 30))
        instance.send(SIGTERM)
        let end = instance.waitForExit(timeout: 30)
        #expect(end?.reason == .exit && end?.status == 0, "SIGTERM: \(String(describing: end))\n\(instance.tail())")
        try Self.verifyEndState(home, files, label: "delivery modes")
        Self.log("delivery modes: \(secondsSince(started))")
    }

    /// (d) A slow writer whose upload spans a restart of the service: the writer stalls for 2 s (longer than
    /// stable_millis) just when the service is killed and a new instance starts, which has no inotify history
    /// of the file. The writer is the service's own user here, so the kernel can tell the file is open.
    @Test func aSlowWriteAcrossARestartIsNotReadHalfWritten() throws {
        let home = try HomeFixture(configuration: Self.runConfiguration)
        try Self.slowWriteAcrossRestart(home, label: "slow write across a restart (same user)") { name in
            try home.startRun(logName: name, environment: ["BOA_LOG_LEVEL": "notice"])
        }
    }

    /// (e) The same as the service runs in production (deploy/boa-coord.service: `User=boa`, partners
    /// uploading as their own users): the file belongs to another user, so the service cannot ask the kernel
    /// whether it is still open (no lease on another user's file without CAP_LEASE). The service runs as
    /// `nobody` through setpriv, so this needs root.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv"))
    func aSlowWriteByAnotherUserAcrossARestartIsNotReadHalfWritten() throws {
        let home = try HomeFixture(configuration: Self.runConfiguration)
        try #require(chown(home.root.path, 65534, 65534) == 0)
        let launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        try Self.slowWriteAcrossRestart(home, label: "slow write across a restart (another user)") { name in
            try home.startRun(logName: name, environment: ["BOA_LOG_LEVEL": "notice"], launcher: launcher)
        }
    }

    /// Writes a request in place in five chunks, stalling 2 s after the first while the service is killed and
    /// started again, then 300 ms between the others, the file open throughout. The database is read only
    /// once the service has stopped (so that a root-run query never creates files a `nobody` service needs).
    static func slowWriteAcrossRestart(_ home: HomeFixture, label: String, start: (String) throws -> BackgroundBinary) throws {
        let file = DroppedFile.valid(Messages.request(taskId: "ON-S-1", reference: "GMS-S-1"), name: "traag.xml", folder: "politie-on", answerTo: "politie-on")
        let first = try start("first")
        var instances = [first]
        defer { for instance in instances { instance.stopIfRunning() } }
        try #require(waitUntil(timeout: 30) { first.output.contains("watching") }, "\(label): the service did not start:\n\(first.tail())")

        let path = home.url("inbox/politie-on/traag.xml").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        try #require(descriptor >= 0)
        let chunkSize = (file.bytes.count + 4) / 5
        let chunks = stride(from: 0, to: file.bytes.count, by: chunkSize).map { Array(file.bytes[$0..<min(file.bytes.count, $0 + chunkSize)]) }
        var takenEarly: [String] = []
        var written = 0
        for (index, chunk) in chunks.enumerated() {
            #expect(chunk.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == chunk.count)
            written += chunk.count
            if index == 0 {
                let stall = Date()
                usleep(300_000)  // deliberate: the writer's stall has begun when the service dies
                first.send(SIGKILL)
                let end = first.waitForExit(timeout: 10)
                #expect(end?.reason == .uncaughtSignal)
                let second = try start("second")
                instances.append(second)
                #expect(waitUntil(timeout: 30) { second.output.contains("watching") }, "\(label): the new instance did not start:\n\(second.tail())")
                let rest = 2.0 - Date().timeIntervalSince(stall)
                if rest > 0 { usleep(useconds_t(rest * 1_000_000)) }  // deliberate: the stall goes on while the new instance scans
            } else {
                usleep(300_000)  // the writer's deliberate pause
            }
            if !FileManager.default.fileExists(atPath: path) { takenEarly.append("after byte \(written) of \(file.bytes.count)") }
        }
        close(descriptor)
        #expect(takenEarly.isEmpty, "\(label): the half-written file was taken from the inbox \(takenEarly.first ?? "")")

        let last = instances[instances.count - 1]
        #expect(waitUntil(timeout: 30) { home.files(in: "archive").contains { $0.hasSuffix("/traag.xml") } }, "\(label): the file was not taken in:\n\(last.tail())")
        last.send(SIGTERM)
        let end = last.waitForExit(timeout: 30)
        #expect(end?.reason == .exit && end?.status == 0, "\(label): SIGTERM: \(String(describing: end))\n\(last.tail())")

        let rows = try home.sql("SELECT outcome, fault_code FROM audit_messages WHERE direction = 'IN' AND file_name = 'traag.xml'")
        let outcomes = rows.map { ($0["outcome"] as? String ?? "?") + (($0["fault_code"] as? String).map { "/\($0)" } ?? "") }
        let fault = (try? String(contentsOf: home.url("rejected/traag.xml.fout.txt"), encoding: .utf8)) ?? ""
        #expect(outcomes == ["ACCEPTED"], "\(label): outcome \(outcomes) (NIETXML or StUF055 means a half-written file was read)\n\(fault)\n\(last.tail())")
        try verifyEndState(home, [file], label: label)
    }

    /// A roster from the rooster partner, grown until its document is near `size` bytes.
    static func largeRoster(near size: Int) throws -> DroppedFile {
        func make(_ officers: Int) -> DroppedFile {
            var samples = SampleMessages(seed: 17)
            let message = Message(envelope: Messages.envelope(from: Messages.roster, reference: "R-CP-1", time: "20261201080000000"),
                                  body: .roster(samples.roster(officers: officers)))
            return .valid(message, name: "rooster-groot.xml", folder: "rooster", answerTo: "rooster")
        }
        let probe = make(100).bytes.count
        var officers = size * 100 / probe
        var file = make(officers)
        while file.bytes.count >= 1_000_000 && officers > 1 {
            officers -= max(1, officers / 50)
            file = make(officers)
        }
        return file
    }

    // MARK: 4. a burst larger than inotify's queue

    @Test func aBurstOf20000FilesIsAllProcessed() throws {
        let count = 20_000
        let home = try HomeFixture(configuration: Self.runConfiguration)
        let generating = Date()
        let files = (0..<count).map { index -> DroppedFile in
            let message = Message(envelope: Messages.envelope(reference: "GMS-B-\(index)", time: "20261201085900000"),
                                  body: .statusRequest(StatusRequest(taskIds: ["ON-B-\(index)"])))
            return .valid(message, name: "status-\(index).xml", folder: nil, answerTo: "politie-on")
        }
        Self.log("burst: \(count) messages generated in \(secondsSince(generating))")
        let instance = try home.startRun(logName: "run", environment: ["BOA_LOG_LEVEL": "notice"])
        defer { instance.stopIfRunning() }
        try #require(waitUntil(timeout: 30) { instance.output.contains("watching") }, "the service did not start:\n\(instance.tail())")

        // The service is paused (SIGSTOP) while the burst is written, so that its inotify queue certainly
        // overflows (each file makes 4 events: create, modify, close, moved-to; the default queue holds 16,384),
        // then goes on (SIGCONT): it must find every file by scanning.
        let writing = Date()
        let inbox = home.url("inbox").path
        instance.send(SIGSTOP)
        for file in files {
            let temporary = inbox + "/." + file.name + ".tmp"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            try #require(descriptor >= 0)
            let written = file.bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            try #require(written == file.bytes.count)
            try #require(rename(temporary, inbox + "/" + file.name) == 0)
        }
        let wroteIn = Date().timeIntervalSince(writing)
        instance.send(SIGCONT)
        let queue = (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
        Self.log("burst: \(count) files written and renamed in \(String(format: "%.1f s", wroteIn)) while the service was paused (\(count * 4) inotify events; max_queued_events \(queue))")

        let drained = try Self.waitForDrain(home, expectedInbound: count, timeout: 900, interval: 1, progressEvery: 15)
        let drainSeconds = Date().timeIntervalSince(writing)
        Self.log("burst: drained \(drained ? "" : "NOT ")in \(String(format: "%.1f s", drainSeconds)) from the first write (\(String(format: "%.0f", Double(count) / drainSeconds)) files/s)")
        #expect(drained, "the burst was not drained within 900 s\n\(instance.tail())")
        instance.send(SIGTERM)
        let end = instance.waitForExit(timeout: 60)
        #expect(end?.reason == .exit && end?.status == 0, "SIGTERM: \(String(describing: end))\n\(instance.tail())")

        let checking = Date()
        let summary = try Self.verifyEndState(home, files, label: "burst")
        #expect(summary.inbound == count)
        #expect(summary.technicalAnswers["Bv03"] == count)
        Self.log("burst: checked in \(secondsSince(checking))")
        // The home holds some 350 MB; it is kept for inspection only when something was wrong.
        if summary.problems.isEmpty && summary.inbound == count {
            try? FileManager.default.removeItem(at: home.root)
            try? FileManager.default.removeItem(at: home.logFolder)
        } else {
            Self.log("burst: the home is kept at \(home.root.path)")
        }
    }

    /// `run` takes a burst in passes of at most `[intake] pass_files` files, the oldest first, one after the other
    /// without waiting for the next scan; every file still gets its one outcome, answer and reaction.
    @Test func aBurstIsTakenInPassesOfAtMostPassFilesOldestFirst() throws {
        let count = 150, passFiles = 40
        let home = try HomeFixture(configuration: Self.runConfiguration + "pass_files = \(passFiles)\n")
        let files = (0..<count).map { index -> DroppedFile in
            let name = "request-" + String(1000 + index).dropFirst() + ".xml"
            return .valid(Messages.request(taskId: "ON-P-\(index)", reference: "GMS-P-\(index)"), name: name, folder: nil, answerTo: "politie-on")
        }
        let instance = try home.startRun(logName: "passes", environment: ["BOA_LOG_LEVEL": "info"])
        defer { instance.stopIfRunning() }
        try #require(waitUntil(timeout: 30) { instance.output.contains("watching") }, "the service did not start:\n\(instance.tail())")
        // Paused while the files are written, so that one scan finds them all; their modification times are set
        // one second apart, in reverse name order, so that "oldest first" is not the order of the names.
        let inbox = home.url("inbox").path
        instance.send(SIGSTOP)
        for (index, file) in files.enumerated() {
            let temporary = inbox + "/." + file.name + ".tmp"
            try Data(file.bytes).write(to: URL(fileURLWithPath: temporary))
            var times = [timespec(tv_sec: 1_796_000_000 + count - index, tv_nsec: 0), timespec(tv_sec: 1_796_000_000 + count - index, tv_nsec: 0)]
            try #require(utimensat(AT_FDCWD, temporary, &times, 0) == 0)
            try #require(rename(temporary, inbox + "/" + file.name) == 0)
        }
        instance.send(SIGCONT)
        let drained = try Self.waitForDrain(home, expectedInbound: count, timeout: 120)
        #expect(drained, "not drained\n\(instance.tail())")
        instance.send(SIGTERM)
        _ = instance.waitForExit(timeout: 60)

        // "pass: N files: …" per pass that took files.
        let taken = instance.output.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: "pass: ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }.filter { $0 > 0 }
        #expect(taken.reduce(0, +) == count, "files per pass: \(taken)")
        #expect(taken.allSatisfy { $0 <= passFiles } && taken.count >= (count + passFiles - 1) / passFiles, "files per pass: \(taken)")
        // The first pass took the 40 oldest files: the last 40 names.
        let firstPass = try home.sql("SELECT file_name FROM inbound_message ORDER BY id LIMIT \(passFiles)").compactMap { $0["file_name"] as? String }
        #expect(firstPass.sorted() == files.suffix(passFiles).map(\.name).sorted())
        let summary = try Self.verifyEndState(home, files, label: "passes")
        #expect(summary.problems.isEmpty, "\(summary.problems.prefix(10))")
        #expect(summary.technicalAnswers["Bv03"] == count)
        let reactions = try home.sql("SELECT COUNT(*) AS n FROM outbound_message WHERE functie = 'taakReactie'").first?["n"] as? Int
        #expect(reactions == count)
    }

    // MARK: 5. two instances on one home

    @Test func twoInstancesOnOneHomeNeverTakeAFileTwice() throws {
        let seed = Self.seed(55)
        let started = Date()
        let files = Array(Self.killLoopMix().prefix(600))
        let home = try HomeFixture(configuration: Self.runConfiguration)
        let notice = ["BOA_LOG_LEVEL": "notice"]
        let first = try home.startRun(logName: "first", environment: notice)
        var all = [first]
        defer { for instance in all { instance.stopIfRunning() } }
        try #require(waitUntil(timeout: 30) { first.output.contains("watching") }, "the first instance did not start:\n\(first.tail())")
        let second = try home.startRun(logName: "second", environment: notice)
        all.append(second)
        #expect(waitUntil(timeout: 30) { second.output.contains("another boa-coord instance works on this home; waiting") },
                "the second instance does not say it waits:\n\(second.tail())")

        // Both run while the first 300 files arrive; the first works, the second waits.
        let firstPart = Feeder(home: home, files: Array(files[0..<300]), seed: seed, maximumGapMilliseconds: 6)
        firstPart.start()
        #expect(firstPart.wait(timeout: 60))
        #expect(waitUntil(timeout: 60) { ((try? Self.inboundCount(home)) ?? 0) >= 100 }, "the first instance takes nothing in")
        #expect(!second.output.contains("watching"), "the second instance works while the first holds the home:\n\(second.tail())")

        // kill -9 the first while files keep coming: the second takes over.
        let secondPart = Feeder(home: home, files: Array(files[300..<450]), seed: seed &+ 1, maximumGapMilliseconds: 6)
        secondPart.start()
        usleep(300_000)  // the scenario's deliberate moment: the kill lands while files arrive
        first.send(SIGKILL)
        let firstEnd = first.waitForExit(timeout: 10)
        #expect(firstEnd?.reason == .uncaughtSignal && firstEnd?.status == SIGKILL)
        let takenByFirst = try Self.inboundCount(home)
        #expect(waitUntil(timeout: 30) { second.output.contains("watching") }, "the second instance did not take over:\n\(second.tail())")
        #expect(secondPart.wait(timeout: 60))

        // A third waits behind the second; SIGTERM to the second (a clean stop) hands the home over.
        let third = try home.startRun(logName: "third", environment: notice)
        all.append(third)
        #expect(waitUntil(timeout: 30) { third.output.contains("waiting") }, "the third instance does not say it waits:\n\(third.tail())")
        let thirdPart = Feeder(home: home, files: Array(files[450..<600]), seed: seed &+ 2, maximumGapMilliseconds: 6)
        thirdPart.start()
        usleep(300_000)  // deliberate: the stop lands while files arrive
        second.send(SIGTERM)
        let secondEnd = second.waitForExit(timeout: 60)
        #expect(secondEnd?.reason == .exit && secondEnd?.status == 0, "SIGTERM to the second: \(String(describing: secondEnd))\n\(second.tail())")
        let takenBySecond = try Self.inboundCount(home) - takenByFirst
        #expect(waitUntil(timeout: 30) { third.output.contains("watching") }, "the third instance did not take over:\n\(third.tail())")
        #expect(thirdPart.wait(timeout: 60))
        for feeder in [firstPart, secondPart, thirdPart] {
            if let failure = feeder.failure { Issue.record("feeding failed: \(failure)") }
        }

        #expect(try Self.waitForDrain(home, expectedInbound: files.count, timeout: 120), "not drained:\n\(third.tail())")
        third.send(SIGTERM)
        let thirdEnd = third.waitForExit(timeout: 60)
        #expect(thirdEnd?.reason == .exit && thirdEnd?.status == 0)
        #expect(takenBySecond > 0, "the second instance took nothing in")
        try Self.verifyEndState(home, files, label: "two instances (seed \(seed))")
        Self.log("two instances (seed \(seed)): first took \(takenByFirst), second \(takenBySecond), third the rest of \(files.count); \(secondsSince(started))")
    }

    // MARK: 6. a transient failure while publishing

    /// `run` publishes on a thread of its own: when it cannot write (here `outbox/politie-on` is a file, so no
    /// staging file can be made there) it says so, keeps taking files in, sends no fault, and publishes
    /// everything once the obstacle is gone; every answer exactly once.
    @Test func aPublishingFailureIsRetriedAndLosesNothing() throws {
        let home = try HomeFixture(configuration: Self.runConfiguration)
        let instance = try home.startRun(logName: "run")
        defer { instance.stopIfRunning() }
        try #require(waitUntil(timeout: 30) { FileManager.default.fileExists(atPath: home.url("inbox/rooster").path) }, "the service did not start:\n\(instance.tail())")
        let blocker = home.url("outbox/politie-on")
        try? FileManager.default.removeItem(at: blocker)
        try Data("not a folder".utf8).write(to: blocker)

        let files = (1...3).map { index in
            DroppedFile.valid(Messages.request(taskId: "ON-P-\(index)", reference: "GMS-P-\(index)"), name: "p\(index).xml", folder: "politie-on", answerTo: "politie-on")
        }
        for file in files { try home.drop(file.bytes, name: file.name, folder: file.folder) }
        for file in files {
            #expect(try Self.waitForOutcome(home, file: file, timeout: 20) == "ACCEPTED", "\(file.name) was not taken in:\n\(instance.tail())")
        }
        #expect(waitUntil(timeout: 20) { instance.output.contains("publishing failed; trying again") }, "the failure is not logged:\n\(instance.tail())")
        let pending = try home.sql("SELECT count(*) AS n FROM outbound_message WHERE state <> 'PUBLISHED'").first?["n"] as? Int
        #expect((pending ?? 0) >= 3, "the answers should wait, unpublished: \(String(describing: pending))")
        #expect(try home.sql("SELECT count(*) AS n FROM audit_messages WHERE direction = 'IN' AND outcome <> 'ACCEPTED'").first?["n"] as? Int == 0,
                "a publishing failure must not turn into a fault")

        // A fourth file while the outbox is still blocked, then the obstacle goes and the retry publishes all.
        let late = DroppedFile.valid(Messages.request(taskId: "ON-P-4", reference: "GMS-P-4"), name: "p4.xml", folder: "politie-on", answerTo: "politie-on")
        try home.drop(late.bytes, name: late.name, folder: late.folder)
        #expect(try Self.waitForOutcome(home, file: late, timeout: 20) == "ACCEPTED")
        try FileManager.default.removeItem(at: blocker)
        let bv03 = { home.files(in: "outbox/politie-on").filter { $0.hasSuffix("_Bv03_bevestiging.xml") }.count }
        #expect(waitUntil(timeout: 90) { bv03() == 4 }, "after the retry: \(bv03()) Bv03 of 4\n\(instance.tail())")
        instance.send(SIGTERM)
        let end = instance.waitForExit(timeout: 60)
        #expect(end?.reason == .exit && end?.status == 0, "SIGTERM: \(String(describing: end))\n\(instance.tail())")
        _ = try Self.verifyEndState(home, files + [late], label: "publishing failure")
    }

    // MARK: waiting and checking

    static func inboundCount(_ home: HomeFixture) throws -> Int {
        try home.sql("SELECT count(*) AS n FROM audit_messages WHERE direction = 'IN'").first?["n"] as? Int ?? 0
    }

    /// The outcome of a dropped file once it has its row (nil if none came within `timeout`).
    static func waitForOutcome(_ home: HomeFixture, file: DroppedFile, timeout: Double) throws -> String? {
        let folder = file.folder.map { "inbox_folder = '\($0)'" } ?? "inbox_folder IS NULL"
        let query = "SELECT outcome, fault_code FROM audit_messages WHERE direction = 'IN' AND file_name = '\(file.name)' AND \(folder)"
        var rows: [[String: Any]] = []
        waitUntil(timeout: timeout, interval: 0.2) {
            rows = (try? home.sql(query)) ?? []
            return !rows.isEmpty
        }
        guard let row = rows.first else { return nil }
        let fault = row["fault_code"] as? String
        return (row["outcome"] as? String ?? "?") + (fault.map { "/\($0)" } ?? "")
    }

    /// Waits until the inbox and `.work` are empty, no answer is pending and `expectedInbound` files have their
    /// row: what the service does must be over. Polls the folders and `boa-coord status` (which only reads);
    /// `boa-coord sql` (which logs its query) only once those say the work is done.
    static func waitForDrain(_ home: HomeFixture, expectedInbound: Int, timeout: Double, interval: Double = 0.25,
                             progressEvery: Double? = nil) throws -> Bool {
        let start = Date()
        var lastReport = Date()
        return waitUntil(timeout: timeout, interval: interval) {
            let waiting = pendingFiles(home)
            let pending = pendingOutbound(home)
            if let every = progressEvery, Date().timeIntervalSince(lastReport) >= every {
                lastReport = Date()
                log("  … \(secondsSince(start)): \(waiting) files in the inbox or .work, \(home.files(in: "archive").count) archived, \(pending.map(String.init) ?? "?") answers pending")
            }
            guard waiting == 0, pending == 0 else { return false }
            return (try? inboundCount(home)) == expectedInbound
        }
    }

    /// The pending outbound count `boa-coord status` reports.
    static func pendingOutbound(_ home: HomeFixture) -> Int? {
        guard let result = try? runBinary(["status", "--home", home.root.path]), result.status == 0,
            let line = result.standardOutput.split(separator: "\n").first(where: { $0.hasPrefix("outbox: ") })
        else { return nil }
        return Int(line.dropFirst("outbox: ".count).prefix { $0.isNumber })
    }

    /// Files (hidden ones included) in the inbox and its partner folders, and in `.work`.
    static func pendingFiles(_ home: HomeFixture) -> Int {
        var count = 0
        for folder in [home.url("inbox"), home.url(".work")] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names {
                var isFolder: ObjCBool = false
                let path = folder.path + "/" + name
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                    count += (try? FileManager.default.contentsOfDirectory(atPath: path).count) ?? 0
                } else {
                    count += 1
                }
            }
        }
        return count
    }

    /// What the end state held, for the callers' own figures.
    struct Summary {
        var inbound = 0
        var technicalAnswers: [String: Int] = [:]
        var problems: [String] = []
    }

    /// The end state every scenario must reach (KOPPELVLAK §1, §5, §10): per dropped file exactly one
    /// `audit_messages` IN row with the outcome its content calls for (a byte-identical group: one original,
    /// the rest DUPLICATE); exactly one technical answer per answered file (a resend shares its original's)
    /// and none for a NIETXML file at the top level; every outbound row published and its file in the outbox,
    /// no other file there and no staging name; nothing left in the inbox or `.work`; every file in the
    /// archive (byte for byte), every rejected one in `rejected/` with its `.fout.txt`; the database sound and
    /// the processing log intact.
    @discardableResult
    static func verifyEndState(_ home: HomeFixture, _ files: [DroppedFile], label: String) throws -> Summary {
        var problems: [String] = []
        var summary = Summary()
        var stages: [(String, Double)] = []
        var lap = Date()
        func stage(_ name: String) {
            stages.append((name, Date().timeIntervalSince(lap)))
            lap = Date()
        }

        // Inbound rows: one per file.
        let rows = try home.sql("SELECT inbox_folder, file_name, outcome, fault_code FROM audit_messages WHERE direction = 'IN'")
        summary.inbound = rows.count
        var rowsByFile: [String: [[String: Any]]] = [:]
        for row in rows {
            rowsByFile["\(row["inbox_folder"] as? String ?? "_")/\(row["file_name"] as? String ?? "?")", default: []].append(row)
        }
        let keys = Set(files.map(\.key))
        for file in files {
            let count = rowsByFile[file.key]?.count ?? 0
            if count != 1 { problems.append("\(file.key): \(count) IN rows") }
        }
        for key in rowsByFile.keys where !keys.contains(key) { problems.append("an IN row for a file never dropped: \(key)") }
        if rows.count != files.count { problems.append("\(rows.count) IN rows for \(files.count) files") }

        stage("inbound rows")

        // Outcomes: per byte-identical group one original with the expected outcome, the others DUPLICATE.
        // (Keyed by the bytes as text: Data hashes only its first 80 bytes, which all these files share.)
        var groups: [String: [DroppedFile]] = [:]
        var groupOrder: [String] = []
        for file in files {
            let content = String(decoding: file.bytes, as: UTF8.self)
            if groups[content] == nil { groupOrder.append(content) }
            groups[content, default: []].append(file)
        }
        var expectedAnswers: [TechnicalAnswer: Int] = [:]
        for content in groupOrder {
            let group = groups[content] ?? []
            let first = group[0]
            let outcomes = group.compactMap { rowsByFile[$0.key]?.first }.map { row in
                (row["outcome"] as? String ?? "?") + ((row["fault_code"] as? String).map { "/\($0)" } ?? "")
            }
            let originals = outcomes.filter { !$0.hasPrefix("DUPLICATE") }
            if originals != [first.expectedOutcome] || outcomes.count != group.count {
                problems.append("\(group.map(\.key)): outcomes \(outcomes), expected one \(first.expectedOutcome) and the rest DUPLICATE")
            }
            if let answer = first.expectedAnswer { expectedAnswers[answer, default: 0] += 1 }
        }

        stage("outcomes")

        // Outbox: no staging names; the technical answers are exactly the expected ones.
        let outboxFiles = home.files(in: "outbox")
        var published: Set<String> = []
        var actualAnswers: [TechnicalAnswer: [String]] = [:]
        for file in outboxFiles {
            let parts = file.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                problems.append("outbox: a file outside a partner folder: \(file)")
                continue
            }
            if parts[1].hasPrefix(".") {
                problems.append("outbox: staging file left: \(file)")
                continue
            }
            published.insert(file)
            let fields = parts[1].split(separator: "_").map(String.init)
            guard fields.count >= 4 else {
                problems.append("outbox: unexpected name \(file)")
                continue
            }
            let code = fields[2]
            guard ["Bv03", "Fo01", "Fo03"].contains(code) else { continue }
            summary.technicalAnswers[code, default: 0] += 1
            let bytes = try Data(contentsOf: home.url("outbox/\(file)"))
            actualAnswers[TechnicalAnswer(partner: parts[0], code: code, crossReference: crossReference(in: bytes)), default: []].append(file)
        }
        for (answer, expected) in expectedAnswers {
            let actual = actualAnswers[answer]?.count ?? 0
            if actual != expected { problems.append("technical answer \(answer): \(actual) in the outbox, expected \(expected)") }
        }
        for (answer, names) in actualAnswers where expectedAnswers[answer] == nil {
            problems.append("unexpected technical answer \(answer): \(names)")
        }

        stage("outbox files")

        // Outbound rows: all published, one file each, and no file without its row.
        let outbound = try home.sql("SELECT partner, file_name, outcome FROM audit_messages WHERE direction = 'OUT'")
        var outboundNames: [String: Int] = [:]
        for row in outbound {
            let name = "\(row["partner"] as? String ?? "?")/\(row["file_name"] as? String ?? "?")"
            outboundNames[name, default: 0] += 1
            if row["outcome"] as? String != "PUBLISHED" { problems.append("outbound \(name) is \(row["outcome"] as? String ?? "?")") }
            if !published.contains(name) { problems.append("outbound \(name) is not in the outbox") }
        }
        for (name, count) in outboundNames where count > 1 { problems.append("outbound file name used by \(count) rows: \(name)") }
        for name in published where outboundNames[name] == nil { problems.append("outbox file without an outbound row: \(name)") }

        stage("outbound rows")

        // Nothing left behind.
        let inboxLeft = home.inboxLeftovers()
        if !inboxLeft.isEmpty { problems.append("left in the inbox: \(inboxLeft.prefix(10))") }
        let workLeft = home.files(in: ".work")
        if !workLeft.isEmpty { problems.append("left in .work: \(workLeft.prefix(10))") }

        // Every file archived, byte for byte; every rejected one copied beside its .fout.txt.
        var droppedBytes: [String: Int] = [:]
        for file in files { droppedBytes[String(decoding: file.bytes, as: UTF8.self), default: 0] += 1 }
        var archivedBytes: [String: Int] = [:]
        let archived = home.files(in: "archive")
        for file in archived {
            archivedBytes[String(decoding: try Data(contentsOf: home.url("archive/\(file)")), as: UTF8.self), default: 0] += 1
        }
        if archived.count != files.count { problems.append("\(archived.count) files in the archive for \(files.count) dropped") }
        if archivedBytes != droppedBytes { problems.append("the archive does not hold exactly the dropped files' bytes") }
        let rejectedFiles = home.files(in: "rejected")
        let copies = rejectedFiles.filter { !$0.hasSuffix(".fout.txt") }
        let rejectedRows = rows.filter { $0["outcome"] as? String == "REJECTED" }.count
        if copies.count != rejectedRows { problems.append("\(copies.count) copies in rejected/ for \(rejectedRows) REJECTED rows") }
        for copy in copies where !rejectedFiles.contains(copy + ".fout.txt") { problems.append("rejected/\(copy) has no .fout.txt") }
        if let stray = rejectedFiles.first(where: { $0.hasPrefix(".") || $0.contains("/.") }) { problems.append("staging file in rejected/: \(stray)") }

        stage("leftovers and archive")

        // The database and the processing log.
        let integrity = try home.integrityCheck()
        if integrity != "ok" { problems.append("PRAGMA integrity_check: \(integrity)") }
        let verify = try home.auditVerify()
        if verify.status != 0 { problems.append("audit verify: exit \(verify.status): \(verify.standardOutput) \(verify.standardError)") }

        stage("integrity and audit verify")
        let total = stages.reduce(0) { $0 + $1.1 }
        if total > 5 { log("\(label): checks took \(stages.map { "\($0.0) \(String(format: "%.1f", $0.1)) s" }.joined(separator: ", "))") }
        summary.problems = problems
        #expect(problems.isEmpty, "\(label): \(problems.count) problems:\n\(problems.prefix(25).joined(separator: "\n"))")
        return summary
    }

    /// The `crossRefnummer` of an outbound document, if it has one.
    static func crossReference(in data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        guard let open = text.range(of: "crossRefnummer>") else { return nil }
        let rest = text[open.upperBound...]
        return rest.firstIndex(of: "<").map { String(rest[..<$0]) }
    }
}

/// A technical answer (Bv03, Fo01, Fo03): to whom, which, and which message it answers.
struct TechnicalAnswer: Hashable, CustomStringConvertible {
    var partner: String
    var code: String
    var crossReference: String?

    var description: String { "\(partner) \(code) → \(crossReference ?? "(no crossRefnummer)")" }
}

/// A file a test drops, and what the contract says must come of it.
struct DroppedFile: Sendable {
    enum Kind: Sendable {
        /// Accepted, with a Bv03 (a byte-identical resend: DUPLICATE, the same Bv03).
        case valid
        /// Valid XML with a readable envelope, but not valid against the schema: StUF055 in a Fo01.
        case schemaInvalid
        /// Not well-formed: NIETXML, answered (Fo03 without crossRefnummer) only in a partner folder.
        case notXML
        /// A change for a task not known yet: HELD, no answer until the hold ends.
        case held
    }

    var folder: String?
    var name: String
    var bytes: [UInt8]
    var kind: Kind
    /// The message's referentienummer (nil for NIETXML).
    var reference: String?
    /// The partner its technical answer goes to.
    var answerPartner: String?

    var key: String { "\(folder ?? "_")/\(name)" }

    static func valid(_ message: Message, name: String, folder: String?, answerTo partner: String) -> DroppedFile {
        DroppedFile(folder: folder, name: name, bytes: MessageWriter.encode(message), kind: .valid, reference: message.envelope.reference, answerPartner: partner)
    }

    /// The message with prioriteit 9 (outside 1…4): StUF055.
    static func schemaInvalid(_ message: Message, name: String, folder: String? = nil, answerTo partner: String) -> DroppedFile {
        let text = MessageWriter.text(of: message).replacingOccurrences(of: "<BT:prioriteit>2</BT:prioriteit>", with: "<BT:prioriteit>9</BT:prioriteit>")
        return DroppedFile(folder: folder, name: name, bytes: Array(text.utf8), kind: .schemaInvalid, reference: message.envelope.reference, answerPartner: partner)
    }

    var expectedOutcome: String {
        switch kind {
        case .valid: "ACCEPTED"
        case .schemaInvalid: "REJECTED/StUF055"
        case .notXML: "REJECTED/NIETXML"
        case .held: "HELD"
        }
    }

    var expectedAnswer: TechnicalAnswer? {
        switch kind {
        case .valid: TechnicalAnswer(partner: answerPartner ?? "?", code: "Bv03", crossReference: reference)
        case .schemaInvalid: TechnicalAnswer(partner: answerPartner ?? "?", code: "Fo01", crossReference: reference)
        case .notXML: folder.map { TechnicalAnswer(partner: $0, code: "Fo03", crossReference: nil) }
        case .held: nil
        }
    }
}

/// Drops files on a thread of its own, the partners' way (a hidden temporary name, then a rename); after each
/// file, with chance `pauseChance`, a random pause of 0…`maximumGapMilliseconds` (so files come in bursts).
final class Feeder: Sendable {
    let home: HomeFixture
    let files: [DroppedFile]
    let seed: UInt64
    let maximumGapMilliseconds: Int
    let pauseChance: Double
    private let count = Atomic<Int>(0)
    private let finished = Atomic<Bool>(false)
    private let state = Mutex<(failure: String?, seconds: Double)>((nil, 0))

    init(home: HomeFixture, files: [DroppedFile], seed: UInt64, maximumGapMilliseconds: Int, pauseChance: Double = 1) {
        self.home = home
        self.files = files
        self.seed = seed
        self.maximumGapMilliseconds = maximumGapMilliseconds
        self.pauseChance = pauseChance
    }

    var dropped: Int { count.load(ordering: .relaxed) }
    var failure: String? { state.withLock { $0.failure } }
    var duration: String { String(format: "%.1f s", state.withLock { $0.seconds }) }

    func start() {
        let thread = Thread { [self] in
            let started = Date()
            var random = SeededRandom(seed: seed)
            for file in files {
                do {
                    try home.drop(file.bytes, name: file.name, folder: file.folder)
                } catch {
                    state.withLock { $0.failure = "\(file.key): \(error)" }
                }
                count.add(1, ordering: .relaxed)
                guard random.chance(pauseChance) else { continue }
                let gap = random.int(0...maximumGapMilliseconds)
                if gap > 0 { usleep(useconds_t(gap * 1000)) }  // the arrival pattern's deliberate pause
            }
            state.withLock { $0.seconds = Date().timeIntervalSince(started) }
            finished.store(true, ordering: .releasing)
        }
        thread.start()
    }

    /// Waits until every file is dropped.
    func wait(timeout: Double) -> Bool { waitUntil(timeout: timeout) { finished.load(ordering: .acquiring) } }
}

/// Runs a system tool and returns its exit status.
func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}
