import Foundation

/// A file found in the inbox: where it lies and what `lstat` said of it.
public struct InboxFile: Hashable, Sendable {
    /// The partner folder (`inbox/<key>/`) it lies in; nil for the top level.
    public var folder: String?
    /// Its name.
    public var name: String
    /// Its full path.
    public var path: String
    /// Size in bytes when seen.
    public var size: Int64
    /// Modification time when seen, in nanoseconds.
    public var modified: Int64
    /// Inode, to tell a replaced file from the one seen before.
    public var inode: UInt64
}

/// What the inbox holds (KOPPELVLAK §1): regular files at the top level and in each partner folder, minus
/// the names partners use while writing (`.`-names, `*.tmp`, `*.part`, `*.partial`, `*~`). Symbolic
/// links, FIFOs and other non-regular files are never taken; folders other than partner folders are not
/// entered.
public struct Inbox: Sendable {
    /// The inbox folder.
    public let root: URL
    /// The partner keys whose folders are read.
    public let partnerKeys: [String]

    /// Makes an inbox view.
    public init(root: URL, partnerKeys: [String]) {
        self.root = root
        self.partnerKeys = partnerKeys.sorted()
    }

    /// Whether §1 says to leave a file of this name alone.
    public static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix(".tmp") || name.hasSuffix(".part") || name.hasSuffix(".partial") || name.hasSuffix("~")
    }

    /// The folders to read: the top level, then each partner folder that is a real folder.
    public func folders() -> [(key: String?, path: String)] {
        var result: [(String?, String)] = [(nil, root.path)]
        for key in partnerKeys {
            let path = root.appendingPathComponent(key).path
            if let info = try? POSIXFiles.status(path), POSIXFiles.isDirectory(info) { result.append((key, path)) }
        }
        return result
    }

    /// Every file to take, sorted by folder and name.
    public func scan() throws(FileFailure) -> [InboxFile] {
        var files: [InboxFile] = []
        for folder in folders() {
            for name in try POSIXFiles.names(in: folder.path) where !Inbox.isIgnored(name) {
                let path = folder.path + "/" + name
                guard let info = try POSIXFiles.status(path), POSIXFiles.isRegular(info) else { continue }
                files.append(InboxFile(
                    folder: folder.key, name: name, path: path, size: Int64(info.st_size),
                    modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino)))
            }
        }
        return files
    }

    /// Creates the inbox and the partner folders when missing.
    public func createFolders() throws(FileFailure) {
        try POSIXFiles.makeDirectory(root.path)
        for key in partnerKeys { try POSIXFiles.makeDirectory(root.appendingPathComponent(key).path) }
    }
}

/// The work folder: a file is claimed by renaming it here, so that no other pass, restart or instance
/// takes it twice; the name keeps where it came from: `<folder or _>#<claim id>#<name>`.
struct WorkFolder: Sendable {
    let root: URL
    /// `root`'s path, made once (see ``Home/rootPath``).
    let rootPath: String

    init(root: URL) {
        self.root = root
        rootPath = root.path
    }

    /// A claimed file.
    struct Claimed: Hashable, Sendable {
        /// The name in the work folder (unique; recorded with the message as its claim).
        var claimName: String
        /// The partner folder it came from.
        var folder: String?
        /// Its original name.
        var name: String
        /// Its path in the work folder.
        var path: String
    }

    /// Moves an inbox file into the work folder. Returns nil if it is gone (another pass took it).
    func claim(_ file: InboxFile, id: String) throws(FileFailure) -> Claimed? {
        var name = file.name
        if name.utf8.count > 180 { name = String(name.utf8.prefix(180)) ?? String(name.prefix(60)) }
        let claimName = "\(file.folder ?? "_")#\(id)#\(name)"
        let target = Home.join(rootPath, claimName)
        if Glibc.rename(file.path, target) != 0 {
            if errno == ENOENT { return nil }
            throw FileFailure("rename", file.path)
        }
        return Claimed(claimName: claimName, folder: file.folder, name: file.name, path: target)
    }

    /// The files already claimed (left by an interrupted pass), oldest claim first.
    func leftovers() throws(FileFailure) -> [Claimed] {
        var claimed: [Claimed] = []
        for claimName in try POSIXFiles.names(in: root.path) {
            let parts = claimName.split(separator: "#", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            let path = Home.join(rootPath, claimName)
            guard let info = try POSIXFiles.status(path), POSIXFiles.isRegular(info) else { continue }
            claimed.append(Claimed(claimName: claimName, folder: parts[0] == "_" ? nil : String(parts[0]), name: String(parts[2]), path: path))
        }
        return claimed
    }
}
