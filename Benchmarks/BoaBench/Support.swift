import Dispatch
import Foundation
import Synchronization

// MARK: command line

/// A bad command line.
struct UsageError: Error {
    let message: String
}

/// `--name value` options, with nothing else allowed.
struct Options {
    private var values: [String: String] = [:]

    init(_ arguments: [String], allowed: Set<String>) throws(UsageError) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--"), allowed.contains(String(argument.dropFirst(2))) else {
                throw UsageError(message: "unknown argument '\(argument)'")
            }
            guard index + 1 < arguments.count else { throw UsageError(message: "\(argument) needs a value") }
            values[String(argument.dropFirst(2))] = arguments[index + 1]
            index += 2
        }
    }

    func int(_ name: String, default value: Int, minimum: Int = 1) throws(UsageError) -> Int {
        guard let text = values[name] else { return value }
        guard let number = Int(text), number >= minimum else { throw UsageError(message: "--\(name) needs a whole number ≥ \(minimum), not '\(text)'") }
        return number
    }

    func string(_ name: String) -> String? { values[name] }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

// MARK: repository

/// The repository root: the current directory or one above it that holds `schemas/boa-taak.xsd`, else the
/// root this file was compiled from.
func repositoryRoot() -> URL? {
    let marker = "schemas/boa-taak.xsd"
    var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    while true {
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent(marker).path) { return directory }
        let parent = directory.deletingLastPathComponent()
        if parent.path == directory.path { break }
        directory = parent
    }
    let compiled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return FileManager.default.fileExists(atPath: compiled.appendingPathComponent(marker).path) ? compiled : nil
}

// MARK: timing and statistics

/// Seconds since an arbitrary start, from the monotonic clock.
@inline(__always)
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

extension Array where Element == Double {
    /// The median (the mean of the middle two for an even count).
    var median: Double {
        let sorted = self.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// The value below which `fraction` of the values lie (nearest rank).
    func percentile(_ fraction: Double) -> Double {
        let sorted = self.sorted()
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[Swift.min(Swift.max(rank, 0), sorted.count - 1)]
    }

    var mean: Double { isEmpty ? .nan : reduce(0, +) / Double(count) }
}

// MARK: running on threads

/// CPU seconds (user + system) the whole process has used so far, all threads together.
func processCPUSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) * 1e-6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// CPU seconds the whole machine has spent busy (all cores; user, system, interrupts, steal) since boot,
/// from `/proc/stat`; nil where there is none (macOS).
func machineBusySeconds() -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
        let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ")
    else { return nil }
    let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
    guard fields.count >= 8 else { return nil }
    // user nice system idle iowait irq softirq steal: everything but idle and iowait.
    let busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]
    return busy / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// Measures how much CPU other processes took while something ran: the machine's busy time minus ours.
struct ForeignLoad {
    private let machineStart: Double?
    private let ownStart = processCPUSeconds()
    private let wallStart = now()

    init() { machineStart = machineBusySeconds() }

    /// "other processes: 0.1 CPU-s in 12.3 s", or nothing known.
    var summary: String {
        guard let machineStart, let machineEnd = machineBusySeconds() else { return "other processes: unknown" }
        let foreign = max(0, (machineEnd - machineStart) - (processCPUSeconds() - ownStart))
        return "other processes used \(fixed(foreign, 1)) CPU-s during \(fixed(now() - wallStart, 1)) s"
    }
}

/// Hands out the indexes of a range in batches to any number of threads.
final class WorkCounter: Sendable {
    private let next: Atomic<Int>
    let end: Int
    let batch: Int

    init(_ range: Range<Int>, batch: Int = 8) {
        next = Atomic(range.lowerBound)
        end = range.upperBound
        self.batch = batch
    }

    /// The next batch of indexes, or nil when all are taken.
    func take() -> Range<Int>? {
        let start = next.wrappingAdd(batch, ordering: .relaxed).oldValue
        guard start < end else { return nil }
        return start..<Swift.min(start + batch, end)
    }
}

/// One counter per thread, 64 bytes apart (no false sharing). `@unchecked Sendable`: each thread writes only
/// its own slot, and the slots are read after all threads have finished.
struct Tally: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Int>

    init(slots: Int) {
        storage = .allocate(capacity: slots * 8)
        storage.initialize(repeating: 0)
    }

    subscript(slot: Int) -> Int {
        get { storage[slot * 8] }
        nonmutating set { storage[slot * 8] = newValue }
    }

    func deallocate() { storage.deallocate() }
}

/// Runs `body(thread, index)` for every index in `indexes` on `threads` threads (thread numbers
/// `0..<threads`, each its own OS thread while the run lasts) and returns how many calls returned true and
/// the wall-clock seconds of the whole run, and the process's CPU utilisation during it (CPU seconds over
/// wall seconds × threads: well below 1 means the threads waited, e.g. for a core another process held).
func runTimed(threads: Int, indexes: Range<Int>, _ body: @Sendable (_ thread: Int, _ index: Int) -> Bool)
    -> (passed: Int, seconds: Double, utilisation: Double)
{
    let passed = Tally(slots: threads)
    defer { passed.deallocate() }
    let counter = WorkCounter(indexes)
    let cpuStart = processCPUSeconds()
    let start = now()
    if threads == 1 {
        var ok = 0
        for index in indexes where body(0, index) { ok += 1 }
        passed[0] = ok
    } else {
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var ok = 0
            while let range = counter.take() {
                for index in range where body(thread, index) { ok += 1 }
            }
            passed[thread] = ok
        }
    }
    let seconds = now() - start
    let cpu = processCPUSeconds() - cpuStart
    return ((0..<threads).reduce(0) { $0 + passed[$1] }, seconds, cpu / (seconds * Double(threads)))
}

// MARK: formatting

extension String {
    /// The text padded with spaces on the right to `width` characters.
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    /// The text padded with spaces on the left to `width` characters.
    func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

/// A number with `digits` decimals.
func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return "-" }
    return String(format: "%.\(digits)f", value)
}

/// A whole number with thousands separators (`12,345`).
func grouped(_ value: Double) -> String {
    guard value.isFinite else { return "-" }
    let digits = String(Int(value.rounded()))
    var out = ""
    for (offset, character) in digits.reversed().enumerated() {
        if offset > 0, offset % 3 == 0, character != "-" { out.append(",") }
        out.append(character)
    }
    return String(out.reversed())
}

/// A table printed with aligned columns: the first column left-aligned, the others right-aligned.
struct Table {
    let header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            row.enumerated().map { column, cell in column == 0 ? cell.padding(widths[column]) : cell.leftPadding(widths[column]) }
                .joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
