import BoaCore
import BoaStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// `boa-coord run`: the background service. Wakes on inotify events, on a timer and when files it waits
/// for should have settled; each wake is one pass over the files that are complete. Stops cleanly on
/// graceful shutdown (SIGTERM/SIGINT): the pass in hand is finished, nothing is left half-done.
public struct RunService: Service {
    let context: ServiceContext
    let wallClock: @Sendable () -> Int64

    /// Makes the service for an opened home.
    public init(context: ServiceContext, wallClock: @escaping @Sendable () -> Int64 = RunService.systemMilliseconds) {
        self.context = context
        self.wallClock = wallClock
    }

    /// The system clock in milliseconds since the epoch.
    public static let systemMilliseconds: @Sendable () -> Int64 = {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    public func run() async throws {
        let logger = context.logger
        let configuration = context.configuration
        let inbox = context.intake.inbox
        let wakeup = Wakeup()
        let stopping = Atomic<Bool>(false)
        let watcher = try InboxWatcher(folders: inbox.folders().map { (key: $0.key ?? "", path: $0.path) }, wakeup: wakeup)
        var selector = CompleteFileSelector(stableMilliseconds: Int64(configuration.stableMilliseconds))
        var backoff: Int64 = 0
        var lastReoptimisation: Int64 = Int64.min / 2
        // Files are written, synced and renamed on a thread of their own while the next files are taken in.
        let publisher = BackgroundPublisher(home: context.home, store: context.store, clock: wallClock, logger: logger)
        logger.notice("boa-coord run: watching \(inbox.root.path)", metadata: ["home": "\(context.home.root.path)"])
        await withGracefulShutdownHandler {
            // Complete files found by the last scan and not yet taken, oldest first: a burst is taken in passes of at
            // most `passFiles`, one right after the other, before the inbox is scanned again.
            var backlog: [InboxFile] = []
            while !stopping.load(ordering: .relaxed) {
                var nextWake = Int64(configuration.scanIntervalSeconds) * 1000
                do {
                    if backlog.isEmpty {
                        let files = try inbox.scan()
                        let choice = selector.choose(files, watcher: watcher, wallNow: wallClock(), monotonicNow: RunService.monotonicMilliseconds())
                        if let wait = choice.retryIn { nextWake = min(nextWake, max(wait, 1)) }
                        backlog = choice.complete.sorted { ($0.modified, $0.path) < ($1.modified, $1.path) }
                    }
                    let taken = Array(backlog.prefix(max(1, configuration.passFiles)))
                    backlog.removeFirst(taken.count)
                    let now = wallClock()
                    let passStart = RunService.monotonicMilliseconds()
                    let reoptimise = passStart - lastReoptimisation >= Int64(configuration.reoptimiseIntervalSeconds) * 1000
                    let report = try context.intake.pass(files: taken, now: now, clock: wallClock, planning: reoptimise ? .reoptimise : .insert,
                                                         publisher: publisher)
                    if reoptimise { lastReoptimisation = passStart }
                    for file in taken { watcher.forget(folderKey: file.folder ?? "", name: file.name) }
                    nextWake = min(nextWake, Int64(configuration.reoptimiseIntervalSeconds) * 1000)
                    if report.filesTaken > 0 || report.published > 0 || report.holdsEnded > 0 {
                        logger.info("pass: \(report)")
                    }
                    try runRetentionIfDue(now: now)
                    backoff = 0
                } catch {
                    // Disk full, database busy, a permission briefly wrong: the files stay where they are and
                    // the pass is tried again later, with growing pauses. No fault is sent for it.
                    backoff = min(max(backoff * 2, 500), 60_000)
                    nextWake = backoff
                    // The failed pass's files are still in the inbox: the next try scans again, so that they come
                    // first again (oldest first) instead of after the rest of the backlog.
                    backlog.removeAll()
                    logger.warning("pass failed; trying again", metadata: ["error": "\(error)", "retry.ms": "\(backoff)"])
                }
                if stopping.load(ordering: .relaxed) { break }
                if !backlog.isEmpty { continue }  // only after a pass that succeeded (a failure empties it)
                await wakeup.wait(timeout: .milliseconds(nextWake))
            }
        } onGracefulShutdown: {
            stopping.store(true, ordering: .relaxed)
            wakeup.signal()
        }
        // What was committed before the stop goes out before the process ends.
        publisher.stop()
        do {
            let published = try context.intake.publish(clock: wallClock)
            if published > 0 { logger.info("published \(published) messages before stopping") }
        } catch {
            logger.warning("publishing before stopping failed; the next start publishes it", metadata: ["error": "\(error)"])
        }
        logger.notice("boa-coord run: stopped cleanly")
    }

    /// Applies retention once a day, at or after the configured local hour.
    private func runRetentionIfDue(now: Int64) throws {
        let configuration = context.configuration
        let today = Amsterdam.localDate(atMilliseconds: now)
        let hour = (now - Amsterdam.startOfDay(today)) / 3_600_000
        guard hour >= configuration.retentionHour else { return }
        let last = try context.store.write { tx in try tx.serviceState("retention.last") }
        guard last != today.description else { return }
        let report = try RetentionJob(home: context.home, store: context.store).run(now: now, performer: "boa-coord run (retention)")
        try context.store.write { tx in try tx.setServiceState("retention.last", today.description) }
        context.logger.info("retention: \(report.anonymised.count) anonymised, \(report.deleted.count) deleted, \(report.logRowsCut) log rows cut")
    }
}

/// Decides which files written in place are complete (KOPPELVLAK §1): a file renamed in is complete; any
/// other is taken once no process has it open for writing and its size and mtime have not changed for the
/// configured moment.
struct CompleteFileSelector {
    let stableMilliseconds: Int64
    private var seen: [String: (size: Int64, modified: Int64, inode: UInt64, since: Int64)] = [:]

    init(stableMilliseconds: Int64) { self.stableMilliseconds = stableMilliseconds }

    mutating func choose(_ files: [InboxFile], watcher: InboxWatcher?, wallNow: Int64, monotonicNow: Int64)
        -> (complete: [InboxFile], retryIn: Int64?)
    {
        var complete: [InboxFile] = []
        var retry: Int64?
        var stillThere: Set<String> = []
        for file in files {
            stillThere.insert(file.path)
            let hint = watcher?.hint(folderKey: file.folder ?? "", name: file.name)
            if hint?.writing == true { continue }
            let openForWriting = POSIXFiles.isOpenForWriting(file.path)
            if openForWriting == true {
                retry = min(retry ?? stableMilliseconds, max(stableMilliseconds, 50))
                continue
            }
            if hint?.movedIn == true {
                complete.append(file)
                continue
            }
            // When neither the kernel (a lease on another user's file needs CAP_LEASE) nor inotify (a restart, a
            // queue overflow) can say whether a writer still has the file open, a stalled upload is only told
            // from a finished one by waiting much longer.
            let unknown = openForWriting == nil && hint == nil
            let needed = unknown ? max(stableMilliseconds * 10, 10_000) : stableMilliseconds
            let ageMilliseconds = wallNow - file.modified / 1_000_000
            if let previous = seen[file.path], previous.size == file.size, previous.modified == file.modified, previous.inode == file.inode {
                if monotonicNow - previous.since >= needed || ageMilliseconds >= needed {
                    complete.append(file)
                } else {
                    retry = min(retry ?? Int64.max, needed - min(monotonicNow - previous.since, ageMilliseconds))
                }
            } else if ageMilliseconds >= needed, openForWriting == false {
                complete.append(file)
            } else {
                seen[file.path] = (file.size, file.modified, file.inode, monotonicNow)
                retry = min(retry ?? Int64.max, max(needed - ageMilliseconds, 1))
            }
        }
        for path in seen.keys where !stillThere.contains(path) { seen.removeValue(forKey: path) }
        for file in complete { seen.removeValue(forKey: file.path) }
        return (complete, retry)
    }
}
