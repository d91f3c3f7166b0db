import Foundation

/// A file-system operation that failed, with `errno`, the path and what was being done.
public struct FileFailure: Error, CustomStringConvertible, Sendable {
    /// The operation, e.g. `rename`.
    public var operation: String
    /// The path it was done on.
    public var path: String
    /// The error number.
    public var code: Int32

    /// Captures `errno` for an operation.
    init(_ operation: String, _ path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// `rename /x: No such file or directory`.
    public var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }

    /// Whether waiting and trying again may succeed: a full disk, a permission that is briefly wrong, too
    /// many open files, an interrupted or busy operation, an I/O hiccup.
    public var isTransient: Bool {
        [ENOSPC, EDQUOT, EACCES, EPERM, EMFILE, ENFILE, EINTR, EAGAIN, EBUSY, EIO, ENOMEM, EROFS].contains(code)
    }
}

/// Thin, checked wrappers over the POSIX calls the intake and publisher need: nothing follows a symbolic
/// link, and every durable write is flushed before it counts.
enum POSIXFiles {
    /// What `lstat` says of a path: nil when it does not exist.
    static func status(_ path: String) throws(FileFailure) -> stat? {
        var info = stat()
        if lstat(path, &info) != 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw FileFailure("lstat", path)
        }
        return info
    }

    /// Whether `info` is a regular file (not a link, FIFO, device, socket or folder).
    static func isRegular(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFREG }

    /// Whether `info` is a folder (a link to a folder is not).
    static func isDirectory(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }

    /// The names in a folder, sorted, without `.` and `..`.
    static func names(in folder: String) throws(FileFailure) -> [String] {
        guard let directory = opendir(folder) else {
            if errno == ENOENT { return [] }
            throw FileFailure("opendir", folder)
        }
        defer { closedir(directory) }
        var names: [String] = []
        // `d_name` is read in place, up to its NUL. Copying the entry (`entry.pointee`) would read
        // `sizeof(struct dirent)` bytes, but the kernel packs entries by their real length, so the last one in
        // glibc's buffer can end before that: the copy then read past the buffer, and at a page edge that
        // crashed the service (SIGSEGV, seen once in the kill -9 loop).
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        while let entry = readdir(directory) {
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Renames without following links; fails if the source is gone.
    static func rename(_ from: String, _ to: String) throws(FileFailure) {
        if Glibc.rename(from, to) != 0 { throw FileFailure("rename", from) }
    }

    /// Gives `from` the name `to` unless `to` exists, atomically (`renameat2` with `RENAME_NOREPLACE`); returns 0
    /// or the error number (`EEXIST` when `to` is taken). Where the file system or C library cannot do that, it
    /// falls back to `link` then `unlink` of `from`, which never replaces either.
    static func renameNoReplace(_ from: String, _ to: String) -> Int32 {
        if let renameat2 = RenameAt2.function {
            if renameat2(AT_FDCWD, from, AT_FDCWD, to, 1 /* RENAME_NOREPLACE */) == 0 { return 0 }
            let code = errno
            if code != EINVAL && code != ENOSYS { return code }
        }
        if Glibc.link(from, to) != 0 { return errno }
        _ = Glibc.unlink(from)
        return 0
    }

    /// glibc's `renameat2`, looked up once (Swift's Glibc module does not declare it).
    private enum RenameAt2 {
        typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        static let function: Function? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: Function.self) }
    }

    /// Removes a name; a missing name is fine.
    static func unlink(_ path: String) throws(FileFailure) {
        if Glibc.unlink(path) != 0, errno != ENOENT { throw FileFailure("unlink", path) }
    }

    /// Flushes a folder's entries to disk (after a rename or link in it).
    static func syncDirectory(_ path: String) throws(FileFailure) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileFailure("open", path) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw FileFailure("fsync", path) }
    }

    /// Creates a folder (and its parents) if missing.
    static func makeDirectory(_ path: String) throws(FileFailure) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw FileFailure("mkdir", path) }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path else { throw FileFailure("mkdir", path) }
        try makeDirectory(parent)
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw FileFailure("mkdir", path) }
    }

    /// Writes `bytes` to a new file (replacing a stale one of that name), flushed with fdatasync.
    static func writeDurably(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(FileFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
        guard descriptor >= 0 else { throw FileFailure("open", path) }
        var closed = false
        defer { if !closed { close(descriptor) } }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(descriptor, base + written, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileFailure("write", path)
            }
            written += count
        }
        if fdatasync(descriptor) != 0 { throw FileFailure("fdatasync", path) }
        closed = true
        if close(descriptor) != 0 { throw FileFailure("close", path) }
    }

    /// Reads a whole regular file through one descriptor opened without following links and without
    /// waiting on FIFOs; the size is checked against `limit` before a byte is read.
    static func readRegularFile(_ path: String, limit: Int) throws(FileFailure) -> ReadResult {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw FileFailure("open", path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileFailure("fstat", path) }
        guard isRegular(info) else { return .notRegular }
        let size = Int(info.st_size)
        if size > limit { return .tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base + filled, size - filled)
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw FileFailure("read", path)
            }
            if count == 0 { break }
            filled += count
        }
        if filled < size { bytes.removeLast(size - filled) }
        return .bytes(bytes)
    }

    /// What reading a file gave.
    enum ReadResult {
        /// The whole content.
        case bytes([UInt8])
        /// Larger than the limit; nothing was read.
        case tooLarge(Int)
        /// Not a regular file; nothing was read.
        case notRegular
    }

    /// Whether some process still has the file open for writing, asked by trying to take a read lease
    /// (which the kernel refuses while a writer has it open). Nil when the kernel will not say (no
    /// permission to take leases on files of other users).
    static func isOpenForWriting(_ path: String) -> Bool? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let setLease: Int32 = 1024  // F_SETLEASE (F_LINUX_SPECIFIC_BASE + 0); not exported to Swift
        if fcntl(descriptor, setLease, F_RDLCK) == 0 {
            _ = fcntl(descriptor, setLease, F_UNLCK)
            return false
        }
        return errno == EAGAIN ? true : nil
    }
}
