public import Foundation

/// The home folder and everything in it (OPERATIONS.md): inbox, outbox, archive, rejected, the database
/// and the optional configuration file.
public struct Home: Sendable {
    /// The home folder.
    public let root: URL
    /// The home folder's path, made once: `URL.appendingPathComponent` costs about 20 µs a call, several times per
    /// file in a pass.
    let rootPath: String

    /// A home at `root` (default: the current directory).
    public init(root: URL) {
        self.root = root.standardizedFileURL
        rootPath = self.root.path
    }

    /// The path of `relative` (such as `archive/2026-12-01/x.xml`) inside the home.
    func path(_ relative: String) -> String { Home.join(rootPath, relative) }

    /// The path of `outbox/<partner>/`.
    func outboxPath(_ partner: String) -> String { Home.join(rootPath, "outbox/" + partner) }

    /// `folder/name`, by string (the folder is an absolute path).
    static func join(_ folder: String, _ name: String) -> String { folder.hasSuffix("/") ? folder + name : folder + "/" + name }

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
