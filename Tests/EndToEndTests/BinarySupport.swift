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
                     standardError: String(decoding: errorData, as: UTF8.self))
}

/// Makes a fresh temporary folder.
func temporaryFolder(_ name: String = "boa-e2e") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
