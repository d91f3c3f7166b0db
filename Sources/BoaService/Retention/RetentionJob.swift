public import BoaStore
import Foundation

/// The retention job (KOPPELVLAK §7): anonymises and deletes tasks in the database, then removes the
/// archived files that still hold their data. Runs daily in the service and on demand.
public struct RetentionJob: Sendable {
    /// The home whose archive holds the files.
    public let home: Home
    /// The database.
    public let store: Store

    /// Makes the job.
    public init(home: Home, store: Store) {
        self.home = home
        self.store = store
    }

    /// Applies retention at `now` and removes the files the database says must go. Safe to repeat: a file
    /// whose removal was interrupted is removed on the next run.
    public func run(now: Int64, performer: String = "boa-coord retention") throws -> RetentionReport {
        let report = try store.applyRetention(now: now, performer: performer)
        for file in report.archivedFiles {
            let url = home.root.appendingPathComponent(file.path)
            do {
                try FileManager.default.removeItem(at: url)
            } catch CocoaError.fileNoSuchFile {
                // Already gone.
            } catch let error as NSError where error.domain == NSPOSIXErrorDomain && error.code == Int(ENOENT) {
                // Already gone.
            }
            try store.forgetArchivedFile(inboundId: file.inboundId)
        }
        return report
    }
}
