import BoaStore
import Foundation
import Logging

/// Everything a command that works on a home needs: its folders created, configuration read, database
/// opened and upgraded, and the home's lock held (one instance works on a home at a time; a second waits).
public final class ServiceContext: Sendable {
    /// The home.
    public let home: Home
    /// The settings.
    public let configuration: Configuration
    /// The database.
    public let store: Store
    /// The intake pipeline.
    public let intake: Intake
    /// The log.
    public let logger: Logger
    private let lockDescriptor: Int32

    private init(home: Home, configuration: Configuration, store: Store, logger: Logger, lockDescriptor: Int32) {
        self.home = home
        self.configuration = configuration
        self.store = store
        self.logger = logger
        self.lockDescriptor = lockDescriptor
        intake = Intake(home: home, configuration: configuration, store: store, logger: logger)
    }

    deinit { close(lockDescriptor) }

    /// Opens a home: reads `boa-coord.toml`, creates missing folders, takes the home's lock (waiting for
    /// another instance to finish, saying so), and opens the database.
    public static func open(home: Home, logger: Logger) throws -> ServiceContext {
        let configuration = try Configuration.load(home: home.root)
        try home.createFolders()
        try Inbox(root: home.inbox, partnerKeys: configuration.partners.keys).createFolders()
        let lockPath = home.root.appendingPathComponent(".boa-coord.lock").path
        let descriptor = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileFailure("open", lockPath) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            logger.notice("another boa-coord instance works on this home; waiting for it to stop", metadata: ["home": "\(home.root.path)"])
            while flock(descriptor, LOCK_EX) != 0 {
                if errno != EINTR { throw FileFailure("flock", lockPath) }
            }
        }
        do {
            let store = try Store.open(at: home.database)
            return ServiceContext(home: home, configuration: configuration, store: store, logger: logger, lockDescriptor: descriptor)
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// One `process` pass: every file in the inbox now, taken in, then every answer published.
    public func processOnce(now: Int64) throws -> PassReport {
        let files = try intake.inbox.scan()
        logger.info("process: \(files.count) files in the inbox", metadata: ["now": "\(StoreTime.text(now))"])
        return try intake.pass(files: files, now: now, clock: { now }, planning: .reoptimise)
    }
}

/// A log handler for the command line: one line per event on standard error, metadata sorted.
public enum CommandLineLogging {
    /// Sets up swift-log once for the process; `BOA_LOG_LEVEL` (trace…critical) overrides `level`.
    public static func bootstrap(level: Logger.Level = .info) {
        let chosen = ProcessInfo.processInfo.environment["BOA_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? level
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = chosen
            return handler
        }
    }
}
