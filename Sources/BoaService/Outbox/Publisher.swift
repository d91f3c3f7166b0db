import BoaCore
import BoaStore
import Foundation

/// Turns committed outbound rows into files in `outbox/<partner>/`, atomically and durably
/// (KOPPELVLAK §1): mark the batch STAGED, write each document to a staging file (`.<name>.tmp`, ignored by
/// partners) and fdatasync it, give it its final name without ever replacing a file (`renameat2` with
/// `RENAME_NOREPLACE`), fsync the folder, mark the batch PUBLISHED. The commit that marks a batch PUBLISHED
/// also stages the next one, so a batch costs one commit (one WAL fsync, held under the write lock) instead of two.
///
/// A restart finishes any half-done step: a staging file is rewritten, a final file that is already there
/// (with the right content) is kept and counted as published; nothing is lost or written twice.
struct Publisher {
    let home: Home
    let store: Store
    let performer = "boa-coord publisher"

    /// What one run published.
    struct Report: Sendable {
        var published = 0
        var alreadyThere = 0
    }

    /// Publishes every unpublished outbound message, `batchSize` at a time.
    func publishAll(now: @Sendable () -> Int64, batchSize: Int = 256) throws -> Report {
        var report = Report()
        var batch = try store.write { tx in try stage(tx, limit: batchSize) }
        while !batch.isEmpty {
            FaultInjection.crashIfAsked(at: "staged")
            let (done, part) = try writeFiles(batch)
            report.published += part.published
            report.alreadyThere += part.alreadyThere
            let at = now()
            batch = try store.write { tx in
                try markPublished(done, at: at, in: tx)
                return try stage(tx, limit: batchSize)
            }
            FaultInjection.crashIfAsked(at: "mark")
        }
        return report
    }

    /// Reads the next batch of unpublished rows and marks the pending ones STAGED (a staging file may exist
    /// from this commit on).
    private func stage(_ tx: StoreTransaction, limit: Int) throws -> [OutboundRecord] {
        let batch = try tx.unpublishedOutbound(limit: limit)
        for record in batch where record.state == .pending { try tx.markOutboundStaged(record.id) }
        return batch
    }

    /// Marks rows whose files are in the outbox PUBLISHED, each with its log row.
    private func markPublished(_ done: [OutboundRecord], at: Int64, in tx: StoreTransaction) throws {
        for record in done {
            try tx.markOutboundPublished(record.id, at: at)
            try tx.appendLog(LogEntry(
                at: at, action: .sent, objectType: "bericht", objectId: record.reference, performer: performer,
                confidentiality: .normal, retention: RetentionPeriod(years: 1), partner: record.partner,
                detail: "\(record.function)_\(record.messageCode) naar outbox/\(record.partner)/\(record.fileName)"))
        }
    }

    private func paths(_ record: OutboundRecord) -> (folder: String, final: String, staging: String) {
        let folder = home.outboxPath(record.partner)
        return (folder, folder + "/" + record.fileName, folder + "/." + record.fileName + ".tmp")
    }

    /// Writes a staged batch's files and flushes their folders; returns the rows whose files are now in the outbox.
    private func writeFiles(_ batch: [OutboundRecord]) throws -> (done: [OutboundRecord], report: Report) {
        var report = Report()
        var folders: Set<String> = []
        for record in batch {
            let folder = paths(record).folder
            if folders.insert(folder).inserted { try POSIXFiles.makeDirectory(folder) }
        }
        // Each file is written, synced and renamed on its own, so a few go at once: the disk then flushes several
        // small files in the time of one (a flush is mostly waiting). Results are gathered in the batch's order.
        // Threads of their own rather than `concurrentPerform` (as `Intake.read` uses for CPU work): that runs no
        // wider than the cores, and these lanes mostly wait on the disk.
        let outcomes = ResultSlots<Result<FileOutcome, FileFailure>>(count: batch.count)
        let lanes = min(Publisher.lanes, batch.count)
        let group = DispatchGroup()
        for lane in 0..<lanes {
            group.enter()
            Thread.detachNewThread {
                for index in stride(from: lane, to: batch.count, by: lanes) {
                    outcomes.set(index, Result { () throws(FileFailure) -> FileOutcome in try publishFile(batch[index]) })
                }
                group.leave()
            }
        }
        group.wait()
        var done: [OutboundRecord] = []
        for (record, outcome) in zip(batch, outcomes.values) {
            switch try outcome.get() {
            case .published: report.published += 1
            case .alreadyThere: report.alreadyThere += 1
            case .noBody: continue
            }
            done.append(record)
        }
        for folder in folders.sorted() { try POSIXFiles.syncDirectory(folder) }
        return (done, report)
    }

    /// How many files of a batch are written at once.
    static let lanes = 4

    private enum FileOutcome {
        case published, alreadyThere, noBody
    }

    /// Writes one record's file: staging file, fdatasync, rename without replacing. A final file already there
    /// (published before a crash, or still in the outbox from the first time: a resend's answer) is left as it is;
    /// the rename tells, so the usual case (a new file) asks the folder nothing beforehand.
    private func publishFile(_ record: OutboundRecord) throws(FileFailure) -> FileOutcome {
        let (_, final, staging) = paths(record)
        // An unpublished row always has its body (a CHECK of the schema); only retention strips it, after publishing.
        guard let body = record.body else { return .noBody }
        try POSIXFiles.writeDurably(body, to: staging)
        FaultInjection.crashIfAsked(at: "staging")
        // The staging file takes the final name, never replacing one (a crash after this leaves no staging name).
        // Renaming rather than linking and unlinking also spares ext4 a stream of freshly freed inodes, which made
        // creating the next staging files slow (`find_inode_bit`/`recently_deleted` in the intake's profile).
        let linked = POSIXFiles.renameNoReplace(staging, final)
        if linked == EEXIST {
            try POSIXFiles.unlink(staging)
            return .alreadyThere
        }
        if linked != 0 { throw FileFailure("rename", final, code: linked) }
        FaultInjection.crashIfAsked(at: "rename")
        return .published
    }

    /// Removes staging files no unpublished row will finish (left by a crash): safe at start, before any
    /// publishing, because a staging file is always rewritten before it is renamed.
    func removeStaleStagingFiles() throws {
        for key in try POSIXFiles.names(in: home.outbox.path) {
            let folder = home.outbox.appendingPathComponent(key).path
            guard let info = try POSIXFiles.status(folder), POSIXFiles.isDirectory(info) else { continue }
            for name in try POSIXFiles.names(in: folder) where name.hasPrefix(".") && name.hasSuffix(".xml.tmp") {
                try POSIXFiles.unlink(folder + "/" + name)
            }
        }
    }
}

/// Crash points for the crash-safety tests: when the environment variable `BOA_CRASH_AT` names a step
/// (`claim`, `commit`, `archive`, `staged`, `staging`, `rename`, `mark`), the process kills itself with
/// SIGKILL right after that step, as a power cut would. Unset (always, in production), it does nothing.
enum FaultInjection {
    static let point: String? = ProcessInfo.processInfo.environment["BOA_CRASH_AT"]

    static func crashIfAsked(at step: String) {
        guard let point, point == step else { return }
        kill(getpid(), SIGKILL)
    }
}
