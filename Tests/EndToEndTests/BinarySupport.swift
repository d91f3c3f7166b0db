import Foundation

/// The repository root, found from this file's place.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `boa-coord` binary next to the test bundle (SwiftPM builds it because this target depends on it).
let binary: URL = {
    let candidates = [
        Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("boa-coord"),
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("boa-coord"),
        Bundle.main.bundleURL.appendingPathComponent("boa-coord"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
}()

/// What a run of the binary printed and returned.
struct RunResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
    /// How it ended: `.exit` (status is the exit status) or `.uncaughtSignal` (status is the signal).
    var reason: Process.TerminationReason = .exit
}

/// Runs the binary with arguments in a folder and waits for it.
func runBinary(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> RunResult {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    if let folder { process.currentDirectoryURL = folder }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Read both pipes concurrently so a full pipe cannot block the child.
    nonisolated(unsafe) var errorData = Data()
    let reader = Thread { errorData = error.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { usleep(1000) }
    return RunResult(status: process.terminationStatus,
                     standardOutput: String(decoding: outputData, as: UTF8.self),
                     standardError: String(decoding: errorData, as: UTF8.self), reason: process.terminationReason)
}

/// Makes a fresh temporary folder.
func temporaryFolder(_ name: String = "boa-e2e") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The binary started in the background (`run`), with its standard output and error going to a log file, so
/// that a test can signal it, wait for it with a timeout and read what it logged.
final class BackgroundBinary: @unchecked Sendable {
    let process = Process()
    /// Where its standard output and error go.
    let log: URL

    /// Starts the binary; `environment` is added to the test's own. A `launcher` (e.g. `setpriv` and its
    /// options) runs the binary through it.
    init(_ arguments: [String], environment: [String: String] = [:], launcher: [String] = [], log: URL) throws {
        self.log = log
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        if let tool = launcher.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = Array(launcher.dropFirst()) + [binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try handle.close()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// Sends a signal.
    func send(_ signal: Int32) { _ = kill(process.processIdentifier, signal) }

    /// Waits for the process to end; nil if it still runs after `timeout` seconds.
    func waitForExit(timeout: Double) -> (reason: Process.TerminationReason, status: Int32)? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline { return nil }
            usleep(5_000)
        }
        return (process.terminationReason, process.terminationStatus)
    }

    /// What it wrote so far.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// The last lines of what it wrote, for failure messages.
    func tail(_ lines: Int = 30) -> String { output.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n") }

    /// Kills it with SIGKILL if it still runs (clean-up after a failed test).
    func stopIfRunning() {
        guard process.isRunning else { return }
        send(SIGKILL)
        _ = waitForExit(timeout: 10)
    }
}

/// Polls `condition` every `interval` seconds until it holds or `timeout` seconds have passed; returns whether it
/// held. (End-to-end tests watch the real file system and database; a condition is awaited, never slept for.)
@discardableResult
func waitUntil(timeout: Double, interval: Double = 0.05, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        if try condition() { return true }
        if Date() > deadline { return false }
        usleep(useconds_t(interval * 1_000_000))
    }
}

/// Seconds since `start`, for printed timings.
func secondsSince(_ start: Date) -> String { String(format: "%.1f s", Date().timeIntervalSince(start)) }
