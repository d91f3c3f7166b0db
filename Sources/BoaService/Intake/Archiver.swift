import BoaStore
import Foundation

/// Puts a file whose outcome is committed in its final place (KOPPELVLAK §1, §10): `archive/<date>/`, and
/// for a rejected one also a copy in `rejected/` beside `<name>.fout.txt`. Every step is idempotent, so a
/// restart after a crash finishes what was begun without doubling anything; names were chosen (and
/// recorded) at commit, so nothing is ever overwritten.
struct Archiver {
    let home: Home

    /// One file's remaining work.
    struct Job: Sendable {
        /// Where the file is now (the work folder, or the archive for a held file rejected later).
        var source: String
        /// Where it goes in the archive (relative to the home), nil when it is already there.
        var archivePath: String?
        /// Where its `rejected/` copy goes.
        var rejectedPath: String?
        /// The `.fout.txt` text.
        var faultText: String?
    }

    /// The job for a committed inbound row whose file is at `source`.
    static func job(for record: InboundRecord, source: String) -> Job {
        Job(source: source, archivePath: record.archivePath, rejectedPath: record.outcome == .rejected ? record.rejectedPath : nil,
            faultText: record.faultText)
    }

    /// Performs jobs, then flushes each folder they touched once.
    func perform(_ jobs: [Job]) throws(FileFailure) {
        var folders: Set<String> = []
        var made: Set<String> = []
        for job in jobs { folders.formUnion(try perform(job, made: &made)) }
        for folder in folders.sorted() { try POSIXFiles.syncDirectory(folder) }
    }

    /// Performs one job and flushes its folders.
    func perform(_ job: Job) throws(FileFailure) { try perform([job]) }

    /// Performs one job; returns the folders whose entries changed (to be flushed by the caller). `made` holds
    /// the archive folders made (or found) earlier in this call, so that a batch makes its date folder once.
    private func perform(_ job: Job, made: inout Set<String>) throws(FileFailure) -> Set<String> {
        var touched: Set<String> = []
        if let rejected = job.rejectedPath {
            let target = home.path(rejected)
            try POSIXFiles.makeDirectory((target as NSString).deletingLastPathComponent)
            // The copy comes from the claimed file, or from the archive if a restart finds it already moved.
            let archived = job.archivePath.map(home.path)
            let source = try POSIXFiles.status(job.source) != nil ? job.source : archived
            if try POSIXFiles.status(target) == nil, let source, let info = try POSIXFiles.status(source), POSIXFiles.isRegular(info) {
                if case .bytes(let bytes) = try POSIXFiles.readRegularFile(source, limit: Int.max) {
                    try placeDurably(bytes, at: target)
                }
            }
            let faultFile = target + ".fout.txt"
            if try POSIXFiles.status(faultFile) == nil, let text = job.faultText {
                try placeDurably(Array(text.utf8), at: faultFile)
            }
        }
        if let archive = job.archivePath {
            let target = home.path(archive)
            let folder = (target as NSString).deletingLastPathComponent
            if made.insert(folder).inserted { try POSIXFiles.makeDirectory(folder) }
            // One call in the usual case: the claimed file moves in. The archived name is never replaced. EEXIST: it
            // was archived before, and the claimed copy is a leftover of an interrupted step, removed (the archive
            // holds it). ENOENT with no claimed file: it was archived before, and nothing is left to do.
            var moved = POSIXFiles.renameNoReplace(job.source, target)
            if moved == ENOENT, try POSIXFiles.status(job.source) != nil {
                // The claimed file is there, so the folder went missing after it was made: make it again.
                try POSIXFiles.makeDirectory(folder)
                moved = POSIXFiles.renameNoReplace(job.source, target)
            }
            switch moved {
            case 0:
                touched.insert(folder)
                touched.insert((job.source as NSString).deletingLastPathComponent)
            case EEXIST:
                try POSIXFiles.unlink(job.source)
                touched.insert((job.source as NSString).deletingLastPathComponent)
            case ENOENT:
                break
            case let code:
                throw FileFailure("rename", job.source, code: code)
            }
        }
        return touched
    }

    /// Writes a new file by a temporary name and renames it into place, flushed.
    private func placeDurably(_ bytes: [UInt8], at path: String) throws(FileFailure) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/." + (path as NSString).lastPathComponent + ".tmp"
        try POSIXFiles.writeDurably(bytes, to: temporary)
        try POSIXFiles.rename(temporary, path)
        try POSIXFiles.syncDirectory(folder)
    }
}
