import Foundation
import Synchronization

/// Watches the inbox folders with inotify (`IN_CLOSE_WRITE`, `IN_MOVED_TO`, and `IN_CREATE`/`IN_MODIFY` to
/// know a file is being written). Events are hints: they wake the service and tell which files were
/// renamed in complete or are still open for writing; the directory scan stays the truth. A queue
/// overflow (`IN_Q_OVERFLOW`) forgets all hints and asks for a full scan.
final class InboxWatcher: Sendable {
    /// What the events say of one file.
    struct Hint: Hashable, Sendable {
        /// Renamed into the inbox (complete by the contract) and not written since.
        var movedIn = false
        /// Written to since it was last closed.
        var writing = false
    }

    private struct State {
        var hints: [String: Hint] = [:]
        var folders: [Int32: String] = [:]
    }

    private let descriptor: Int32
    private let state = Mutex(State())
    private let wakeup: Wakeup

    /// Starts watching `folders` (path → key used in hints); the wakeup is signalled on every event.
    init(folders: [(key: String, path: String)], wakeup: Wakeup) throws {
        self.wakeup = wakeup
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw FileFailure("inotify_init1", folders.first?.path ?? "") }
        for folder in folders { try watch(folder.path, key: folder.key) }
        let thread = Thread { [self] in self.readLoop() }
        thread.name = "boa-coord inotify"
        thread.start()
    }

    /// Adds (or renews) the watch of a folder.
    func watch(_ path: String, key: String) throws {
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF)
        let watch = inotify_add_watch(descriptor, path, mask)
        guard watch >= 0 else { throw FileFailure("inotify_add_watch", path) }
        state.withLock { $0.folders[watch] = key }
    }

    /// The hint for a file in a folder (keyed as given to `init`).
    func hint(folderKey: String, name: String) -> Hint? {
        state.withLock { $0.hints[folderKey + "/" + name] }
    }

    /// Forgets the hint of a file that has been taken.
    func forget(folderKey: String, name: String) {
        _ = state.withLock { $0.hints.removeValue(forKey: folderKey + "/" + name) }
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            var offset = 0
            buffer.withUnsafeBytes { raw in
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameLength = Int(event.len)
                    var name = ""
                    if nameLength > 0 {
                        let start = offset + MemoryLayout<inotify_event>.size
                        let bytes = raw[start..<(start + nameLength)].prefix { $0 != 0 }
                        name = String(decoding: bytes, as: UTF8.self)
                    }
                    handle(watch: event.wd, mask: event.mask, name: name)
                    offset += MemoryLayout<inotify_event>.size + nameLength
                }
            }
            wakeup.signal()
        }
    }

    private func handle(watch: Int32, mask: UInt32, name: String) {
        state.withLock { state in
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                state.hints.removeAll()
                return
            }
            guard let key = state.folders[watch], !name.isEmpty else { return }
            let file = key + "/" + name
            var hint = state.hints[file] ?? Hint()
            if mask & UInt32(IN_MOVED_TO) != 0 {
                hint = Hint(movedIn: true, writing: false)
            }
            if mask & UInt32(IN_CREATE | IN_MODIFY) != 0 {
                hint.writing = true
                hint.movedIn = false
            }
            if mask & UInt32(IN_CLOSE_WRITE) != 0 {
                hint.writing = false
            }
            state.hints[file] = hint
        }
    }
}

/// Wakes a waiting loop: from inotify, a timer or a shutdown. A signal while nobody waits is kept for the
/// next wait.
final class Wakeup: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    /// Wakes the waiter (or the next one).
    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.pending = true
            return nil
        }
        waiter?.resume()
    }

    /// Waits for a signal or until `timeout` has passed.
    func wait(timeout: Duration) async {
        let timer = Task { [self] in
            try? await Task.sleep(for: timeout)
            if !Task.isCancelled { signal() }
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                if state.pending {
                    state.pending = false
                    return true
                }
                state.waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
        timer.cancel()
    }
}
