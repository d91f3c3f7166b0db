public import Foundation

/// The home folder and everything in it (OPERATIONS.md): inbox, outbox, archive, rejected, the database
/// and the optional configuration file.
public struct Home: Sendable {
    /// The home folder.
    public let root: URL

    /// A home at `root` (default: the current directory).
    public init(root: URL) { self.root = root.standardizedFileURL }

    /// `inbox/`: where partners drop messages.
    public var inbox: URL { root.appendingPathComponent("inbox", isDirectory: true) }
    /// `outbox/`: what the service sends, one folder per partner.
    public var outbox: URL { root.appendingPathComponent("outbox", isDirectory: true) }
    /// `archive/`: every inbound file once its outcome is committed.
    public var archive: URL { root.appendingPathComponent("archive", isDirectory: true) }
    /// `rejected/`: copies of rejected files with their `.fout.txt`.
    public var rejected: URL { root.appendingPathComponent("rejected", isDirectory: true) }
    /// `.work/`: where claimed files wait while they are processed (same file system as the inbox).
    public var work: URL { root.appendingPathComponent(".work", isDirectory: true) }
    /// `boa.sqlite`: the database.
    public var database: URL { root.appendingPathComponent("boa.sqlite") }
    /// `boa-coord.toml`: the optional configuration.
    public var configurationFile: URL { root.appendingPathComponent(Configuration.fileName) }

    /// Creates the folders that are missing.
    public func createFolders() throws {
        for folder in [inbox, outbox, archive, rejected, work] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }

    /// A path relative to the home, as the database records file places.
    public func relativePath(of url: URL) -> String {
        let full = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full
    }
}
