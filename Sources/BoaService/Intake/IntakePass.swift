import BoaCore
import BoaStore
import Dispatch
import Foundation
import Logging
import Synchronization

/// How a pass plans: insert into the plan as it stands, or re-plan everything not started.
public enum PlanningMode: Sendable {
    /// The fast path of an event.
    case insert
    /// Full re-optimisation (the end of a `process` pass, and periodically in `run`).
    case reoptimise
}

/// What one pass did.
public struct PassReport: Sendable, CustomStringConvertible {
    /// Files taken in (claimed now or left claimed by an interrupted pass).
    public var filesTaken = 0
    /// Of which: accepted, duplicate, rejected, held.
    public var accepted = 0, duplicates = 0, rejected = 0, held = 0
    /// Holds ended.
    public var holdsEnded = 0
    /// Reactions sent, tasks planned, orders and withdrawals sent.
    public var reactions = 0, planned = 0, orders = 0, withdrawals = 0
    /// Outbound files published (by the pass itself).
    public var published = 0
    /// Whether a background publisher publishes for this pass (`run`), which logs what it published.
    public var publishedInBackground = false

    /// A one-line summary.
    public var description: String {
        "\(filesTaken) files: \(accepted) accepted, \(duplicates) duplicates, \(rejected) rejected, \(held) held; "
            + "\(reactions) reactions, \(planned) tasks planned, \(orders) orders, \(withdrawals) withdrawals; "
            + (publishedInBackground ? "publishing in the background" : "\(published) messages published")
    }
}

/// The intake pipeline of one pass (ARCHITECTURE.md): recover what an interrupted pass left, claim files
/// by rename, read and judge them (in parallel), apply them in a stable order in batches that share a
/// transaction, archive them once committed, end holds, publish the answers, plan, and publish what planning
/// sent.
public final class Intake: Sendable {
    /// The home folder.
    public let home: Home
    /// The settings.
    public let configuration: Configuration
    /// The database.
    public let store: Store
    private let logger: Logger
    private let claimCounter = ClaimCounter()
    /// Whether this process has removed the staging files a crash left (done once, before it first publishes).
    private let stagingCleaned = Atomic<Bool>(false)

    /// Makes the pipeline for a home (its folders must exist).
    public init(home: Home, configuration: Configuration, store: Store, logger: Logger) {
        self.home = home
        self.configuration = configuration
        self.store = store
        self.logger = logger
    }

    /// The inbox view.
    public var inbox: Inbox { Inbox(root: home.inbox, partnerKeys: configuration.partners.keys) }

    var judge: EnvelopeJudge {
        EnvelopeJudge(partners: configuration.partners, service: configuration.serviceIdentity, maxFileBytes: configuration.maxFileBytes)
    }

    /// Finishes what an interrupted run left: committed files not yet archived, half-published answers.
    /// Claimed files that were not committed are returned, to be taken in again.
    func recover() throws -> [WorkFolder.Claimed] {
        // Only a crash leaves staging files, so once per process is enough; later it would race the background
        // publisher of `run`, whose staging files are its work in hand.
        if !stagingCleaned.load(ordering: .acquiring) {
            try Publisher(home: home, store: store).removeStaleStagingFiles()
            stagingCleaned.store(true, ordering: .releasing)
        }
        let work = WorkFolder(root: home.work)
        var uncommitted: [WorkFolder.Claimed] = []
        for claimed in try work.leftovers() {
            if let record = try store.write({ tx in try tx.inbound(claimName: claimed.claimName) }) {
                try Archiver(home: home).perform(Archiver.job(for: record, source: claimed.path))
                logger.info("finished archiving a file committed before a restart", metadata: ["file": "\(claimed.name)"])
            } else {
                uncommitted.append(claimed)
            }
        }
        return uncommitted
    }

    /// One pass over `files` (found in the inbox) plus anything left claimed: take them in, end holds, publish.
    /// `now` is the pass's clock (fixed by `--now` in `process`). Without a `publisher` the pass publishes
    /// itself, answers before planning and the rest after; with one (`run`) it nudges it after each committed
    /// batch and at those two moments and goes on, and `published` in the report stays 0 (the publisher logs what
    /// it published).
    func pass(files: [InboxFile], now: Int64, clock: @escaping @Sendable () -> Int64, planning: PlanningMode = .insert,
              publisher: BackgroundPublisher? = nil) throws -> PassReport {
        var report = PassReport()
        report.publishedInBackground = publisher != nil
        var phases = PhaseTimes()
        var claimed = try recover()
        let work = WorkFolder(root: home.work)
        var emptied: Set<String> = []
        for file in files {
            let id = claimCounter.next(now: now)
            if let claim = try work.claim(file, id: id) {
                claimed.append(claim)
                emptied.insert((file.path as NSString).deletingLastPathComponent)
            }
        }
        // The claims must be on disk before anything about them is committed, or a power cut could bring a
        // committed file back into the inbox.
        if !emptied.isEmpty {
            try POSIXFiles.syncDirectory(home.work.path)
            for folder in emptied.sorted() { try POSIXFiles.syncDirectory(folder) }
        }
        FaultInjection.crashIfAsked(at: "claim")
        report.filesTaken = claimed.count
        phases.mark("claim")
        let incoming = read(claimed).sorted { $0.sortKey.lexicographicallyPrecedes($1.sortKey) }
        phases.mark("read")
        for batchStart in stride(from: 0, to: incoming.count, by: max(1, configuration.batchSize)) {
            let batch = Array(incoming[batchStart..<min(incoming.count, batchStart + configuration.batchSize)])
            let applied = try applyBatch(batch, now: now)
            FaultInjection.crashIfAsked(at: "commit")
            try Archiver(home: home).perform(applied.map {
                Archiver.Job(source: $0.claimed.path, archivePath: $0.archivePath, rejectedPath: $0.rejectedPath, faultText: $0.faultFileText)
            })
            for file in applied {
                switch file.outcome {
                case .accepted: report.accepted += 1
                case .duplicate: report.duplicates += 1
                case .rejected: report.rejected += 1
                case .held: report.held += 1
                }
                logger.info("taken in", metadata: [
                    "file": "\(file.claimed.folder.map { "\($0)/" } ?? "")\(file.claimed.name)", "outcome": "\(file.outcome.rawValue)",
                    "fault": "\(file.refusal?.code.rawValue ?? "-")", "inbound.id": "\(file.inboundId)",
                ])
            }
            FaultInjection.crashIfAsked(at: "archive")
            // In `run`, a batch's answers go out while the next batch is taken in, rather than after the whole pass:
            // the publisher mostly waits on the disk, and the intake on the CPU.
            publisher?.nudge()
        }
        phases.mark("apply")
        report.holdsEnded = try endHolds(now: now)
        // The technical answers go out before planning: a partner's Bv03 or fault never waits for the planner.
        if let publisher { publisher.nudge() } else { report.published = try publish(clock: clock) }
        phases.mark("publish answers")
        let plan = try store.write { tx in
            try PlanStep(transaction: tx, configuration: configuration, now: now).run(planning == .reoptimise ? .reoptimise : .insert)
        }
        report.reactions = plan.reactions
        report.planned = plan.planned
        report.orders = plan.orders
        report.withdrawals = plan.withdrawals
        phases.mark("plan")
        if let publisher { publisher.nudge() } else { report.published += try publish(clock: clock) }
        phases.mark("publish")
        if report.filesTaken > 0 || report.published > 0 {
            logger.debug("pass timings", metadata: phases.metadata)
        }
        return report
    }

    /// Reads and judges claimed files, in parallel on every core.
    private func read(_ claimed: [WorkFolder.Claimed]) -> [IncomingFile] {
        let judge = self.judge
        let limit = configuration.maxFileBytes
        let results = ResultSlots<IncomingFile?>(count: claimed.count)
        DispatchQueue.concurrentPerform(iterations: claimed.count) { index in
            let claim = claimed[index]
            let incoming: IncomingFile?
            switch try? POSIXFiles.readRegularFile(claim.path, limit: limit) {
            case .bytes(let bytes)?:
                incoming = IncomingFile(claimed: claim, size: bytes.count, sha256: sha256Hex(bytes), bytes: bytes,
                                        verdict: judge.judge(bytes, folder: claim.folder))
            case .tooLarge(let size)?:
                let hash = (try? Intake.hashFile(claim.path)) ?? String(repeating: "0", count: 64)
                incoming = IncomingFile(claimed: claim, size: size, sha256: hash, bytes: nil, verdict: judge.judgeTooLarge(size: size, folder: claim.folder))
            case .notRegular?, nil:
                incoming = nil
            }
            results.set(index, incoming)
        }
        return results.values.compactMap { $0 }
    }

    /// SHA-256 of a file too large to hold, streamed.
    static func hashFile(_ path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FileFailure("open", path, code: ENOENT) }
        defer { try? handle.close() }
        var hasher = StreamingSHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(chunk) }
        return hasher.finalize()
    }

    /// Applies a batch in one transaction; a file whose processing fails for a reason retrying will not mend
    /// is refused with StUF058, the others go on.
    ///
    /// The batch is first applied without a savepoint per file: a savepoint makes SQLite copy every page a file
    /// changes into its sub-journal, about a third of the apply step (docs/PERFORMANCE.md, intake pipeline). Only
    /// if a file fails is that transaction undone and the batch applied again file by file, each in its own
    /// savepoint, so that only the failing file is refused. Nothing outside the database changes while a batch
    /// is applied (files move and log lines are written after the commit), so the undone attempt leaves no trace.
    private func applyBatch(_ batch: [IncomingFile], now: Int64) throws -> [AppliedFile] {
        do {
            return try store.write { tx in
                var applier = IntakeApplier(transaction: tx, configuration: configuration, home: home, now: now)
                return try batch.map { file in try applier.apply(file) }
            }
        } catch {  // a StoreError: `store.write` throws nothing else
            if error.isTransient { throw error }
            return try applyBatchFileByFile(batch, now: now)
        }
    }

    /// ``applyBatch(_:now:)`` with a savepoint per file: a file that fails is refused with StUF058.
    private func applyBatchFileByFile(_ batch: [IncomingFile], now: Int64) throws -> [AppliedFile] {
        try store.write { tx in
            var applier = IntakeApplier(transaction: tx, configuration: configuration, home: home, now: now)
            var applied: [AppliedFile] = []
            for file in batch {
                do {
                    applied.append(try tx.savepoint { try applier.apply(file) })
                } catch let error as StoreError where error.isTransient {
                    throw error
                } catch {
                    logger.error("processing failed; refusing with StUF058", metadata: ["file": "\(file.claimed.name)", "error": "\(error)"])
                    let refusal = Refusal(
                        code: .processingFailed, description: "Het bericht kon door een fout in de dienst niet worden verwerkt; opnieuw sturen helpt niet.",
                        reply: Intake.replyForFailure(file))
                    var failed = file
                    failed.verdict = .refused(refusal, file.verdict.facts)
                    applied.append(try tx.savepoint { try applier.apply(failed) })
                }
            }
            return applied
        }
    }

    private static func replyForFailure(_ file: IncomingFile) -> Reply? {
        guard case .message(let message, let partner, _) = file.verdict else { return nil }
        return Reply(partner: partner, kind: .contentFault, crossReference: message.envelope.reference)
    }

    private func endHolds(now: Int64) throws -> Int {
        let (jobs, ended) = try store.write { tx -> ([Archiver.Job], Int) in
            let before = try tx.heldMessages().count
            var applier = IntakeApplier(transaction: tx, configuration: configuration, home: home, now: now)
            let jobs = try HoldKeeper(transaction: tx, configuration: configuration, home: home, now: now).run(applier: &applier)
            return (jobs, before - (try tx.heldMessages().count))
        }
        try Archiver(home: home).perform(jobs)
        return ended
    }

    /// Publishes every pending answer.
    public func publish(clock: @escaping @Sendable () -> Int64) throws -> Int {
        try Publisher(home: home, store: store).publishAll(now: clock).published
    }
}

/// Milliseconds spent in each step of a pass (logged at debug level, to see where a slow pass goes).
struct PhaseTimes {
    private var last = RunService.monotonicMilliseconds()
    private(set) var steps: [(String, Int64)] = []

    mutating func mark(_ step: String) {
        let now = RunService.monotonicMilliseconds()
        steps.append((step, now - last))
        last = now
    }

    var metadata: Logger.Metadata {
        var result: Logger.Metadata = [:]
        for (step, milliseconds) in steps { result["ms.\(step)"] = "\(milliseconds)" }
        return result
    }
}

/// Unique, ordered claim ids: the pass's time and a process-wide counter.
final class ClaimCounter: Sendable {
    private let value = Mutex<Int64>(0)

    func next(now: Int64) -> String {
        let count = value.withLock { value -> Int64 in
            value += 1
            return value
        }
        return CivilCalendar.pad(now, 14) + "-" + CivilCalendar.pad(Int64(getpid()), 7) + "-" + CivilCalendar.pad(count, 9)
    }
}

/// Slots filled by index from concurrent work. `@unchecked Sendable`: each slot is written by exactly one
/// iteration of `concurrentPerform`, under the lock, and read only after it returns.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [T] { slots.compactMap { $0 } }
}
