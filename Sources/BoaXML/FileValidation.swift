public import BoaCore
import Foundation

/// The verdict on one file for `boa-coord validate`: valid (with its root), invalid (with the fault), or
/// unreadable (with why).
public enum FileVerdict: Hashable, Sendable {
    /// A valid message of this kind.
    case valid(MessageKind)
    /// Not a valid message.
    case invalid(MessageFault)
    /// The file could not be read (missing, not a regular file, no permission).
    case unreadable(String)

    /// Checks the file at `path` without changing anything: the size is checked before a byte is read.
    public static func check(path: String, reader: MessageReader) -> FileVerdict {
        // O_NONBLOCK: opening a FIFO or device must not wait; only regular files are read.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return .unreadable(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .unreadable("not a regular file") }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        let size = Int(info.st_size)
        if size > reader.maximumSize { return .invalid(reader.tooLargeFault(size: size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base + filled, size - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .unreadable(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(size - filled)
        switch reader.read(bytes) {
        case .success(let message): return .valid(message.kind)
        case .failure(let fault): return .invalid(fault)
        }
    }

    /// The report lines of OPERATIONS.md: `PATH: OK <root>` or `PATH: <CODE> <line>:<column> <message>`,
    /// further issues on indented lines.
    public func reportLines(path: String) -> [String] {
        switch self {
        case .valid(let kind):
            return ["\(path): OK \(kind.rawValue)"]
        case .invalid(let fault):
            return ["\(path): \(fault.code) \(fault.primary)"] + fault.issues.dropFirst().map { "    \($0)" }
        case .unreadable(let reason):
            return ["\(path): cannot read: \(reason)"]
        }
    }
}
