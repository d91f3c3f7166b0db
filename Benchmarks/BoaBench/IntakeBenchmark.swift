import BoaCore
import BoaSamples
import BoaXML
import Foundation

/// `boa-bench intake`, in one run on the same disk:
/// (a) the raw durable-publish limit: write, fdatasync, rename and directory fsync of as many small files,
///     batched as the publisher batches;
/// (b) end to end: `boa-coord run` takes in N taakVerzoek files and makes every Bv03 durable in the outbox;
/// (c) latency from the rename into the inbox to the Bv03 in the outbox, at a steady rate.
/// (a) and (b) alternate for `--rounds` rounds (this VM's disk speed swings several-fold within a minute, so one
/// (a) next to one (b) can mislead); each round's ratio is shown, and the median ratio is the result.
///
/// Nothing is deleted between the parts: every part writes into a folder of its own inside the benchmark's folder.
/// On ext4 without a journal the kernel does not reuse an inode freed in the last 60 s (longer while
/// its inode-table block is dirty) and searches the inode tables past such inodes, so a part that follows the deletion
/// of tens of thousands of files is slowed by that deletion, not by its own work. The folder is left in place at the
/// end; the next run deletes it first and waits `--settle` seconds (65) before the first part.
///
/// Options: `--files N` (10,000), `--rounds N` (3), `--rate N` files/s for (c) (50), `--latency-files N` (500),
/// `--batch N` directory fsync per N files in (a) (256), `--folder DIR` (the current folder), `--settle S` (65). `--write-files DIR` only
/// writes the N request files of (b) into DIR and stops (for profiling `boa-coord process` or `run` by hand).
enum IntakeBenchmark {
    static func run(_ arguments: [String]) throws(UsageError) {
        let options = try Options(arguments, allowed: ["files", "rate", "latency-files", "batch", "folder", "rounds", "write-files", "settle"])
        let count = try options.int("files", default: 10_000)
        let rounds = max(1, try options.int("rounds", default: 3))
        let rate = try options.int("rate", default: 50)
        let latencyFiles = try options.int("latency-files", default: 500)
        let batch = try options.int("batch", default: 256)
        let settle = max(0, try options.int("settle", default: 65))
        let base = URL(fileURLWithPath: options.string("folder") ?? FileManager.default.currentDirectoryPath)
            .appendingPathComponent(".build-bench-intake", isDirectory: true)
        if let target = options.string("write-files") {
            do {
                try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
                for (index, bytes) in requests(count).enumerated() { try Data(bytes).write(to: URL(fileURLWithPath: target).appendingPathComponent("v\(index).xml")) }
            } catch {
                throw UsageError(message: "\(error)")
            }
            print("wrote \(count) taakVerzoek files into \(target)")
            return
        }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("boa-coord")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw UsageError(message: "no boa-coord next to boa-bench (\(binary.path)): build both, e.g. swift build -c release")
        }
        do {
            if FileManager.default.fileExists(atPath: base.path) {
                try FileManager.default.removeItem(at: base)
                if settle > 0 {
                    print("deleted \(base.path) from an earlier run; waiting \(settle) s so that its inodes can be reused (--settle)")
                    sleep(UInt32(settle))
                }
            }
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            print("boa-bench intake: \(count) files; folder \(base.path) (same disk for every part, nothing deleted before the end); binary \(binary.path)")
            let messages = requests(count + latencyFiles)
            var table = Table(["round", "part", "files", "seconds", "files/s", "ratio to (a)"])
            var ratiosBv03: [Double] = []
            var ratiosAll: [Double] = []
            for round in 1...rounds {
                let raw = try rawPublish(messages.prefix(count).map { $0 }, batch: batch, folder: base.appendingPathComponent("raw-\(round)"))
                let endToEnd = try throughput(messages.prefix(count).map { $0 }, binary: binary, home: base.appendingPathComponent("home-throughput-\(round)"))
                let rawRate = Double(count) / raw
                ratiosBv03.append((Double(count) / endToEnd.bv03) / rawRate)
                // The reading: "counting the outbound files b writes" — a Bv03 and a taakReactie per request.
                ratiosAll.append((Double(2 * count) / endToEnd.all) / rawRate)
                table.add(["\(round)", "(a) raw durable publish (write+fdatasync+rename, dir fsync per \(batch))", "\(count)", fixed(raw, 2), grouped(rawRate), "1.00"])
                table.add(["\(round)", "(b) boa-coord run: taakVerzoek in → Bv03 durable out", "\(count)", fixed(endToEnd.bv03, 2),
                           grouped(Double(count) / endToEnd.bv03), fixed(ratiosBv03.last ?? 0, 2)])
                table.add(["\(round)", "(b) counting the outbound files it writes (Bv03 + taakReactie)", "\(2 * count)", fixed(endToEnd.all, 2),
                           grouped(Double(2 * count) / endToEnd.all), fixed(ratiosAll.last ?? 0, 2)])
            }
            print(table.render())
            func median(_ values: [Double]) -> Double { let sorted = values.sorted(); return sorted[sorted.count / 2] }
            print("median ratio over \(rounds) rounds: \(fixed(median(ratiosAll), 2)) counting outbound files, \(fixed(median(ratiosBv03), 2)) counting input files to the last Bv03")
            let latencies = try latency(Array(messages.suffix(latencyFiles)), firstReference: count, rate: rate, binary: binary, home: base.appendingPathComponent("home-latency"))
            let sorted = latencies.sorted()
            func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)] }
            var latencyTable = Table(["(c) latency, rename into inbox → Bv03 in outbox", "files", "rate/s", "p50 ms", "p90 ms", "p99 ms", "max ms"])
            latencyTable.add(["boa-coord run", "\(sorted.count)", "\(rate)", fixed(percentile(0.5), 1), fixed(percentile(0.9), 1), fixed(percentile(0.99), 1),
                              fixed(sorted.last ?? 0, 1)])
            print(latencyTable.render())
            // Kept, so that no later run meets the inodes of its deletion: the next run deletes it and then settles.
            print("the parts' files are left in \(base.path); the next run deletes them and waits --settle seconds")
        } catch let error as UsageError {
            throw error
        } catch {
            throw UsageError(message: "\(error)")
        }
    }

    /// Distinct task requests from the police.
    static func requests(_ count: Int) -> [[UInt8]] {
        var generator = SampleMessages(seed: 99)
        let time = MessageTime(atMilliseconds: Amsterdam.instant(localDays: LocalDate(year: 2026, month: 12, day: 1).daysSinceEpoch, millisecondOfDay: 9 * 3_600_000))
        return (0..<count).map { index in
            var request = generator.taskRequest()
            request.taskId = "ON-BENCH-\(index)"
            return MessageWriter.encode(Message(envelope: Envelope(sender: SampleMessages.Partner.police, receiver: .service, reference: "GMS-B-\(index)", time: time),
                                                body: .taskRequest(request)))
        }
    }

    /// (a) The same number of files made durable by hand, batched like the publisher.
    static func rawPublish(_ files: [[UInt8]], batch: Int, folder: URL) throws -> Double {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let start = now()
        for chunk in stride(from: 0, to: files.count, by: batch) {
            for index in chunk..<min(files.count, chunk + batch) {
                let staging = folder.appendingPathComponent(".f\(index).tmp").path
                let descriptor = open(staging, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                _ = files[index].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                fdatasync(descriptor)
                close(descriptor)
                rename(staging, folder.appendingPathComponent("f\(index).xml").path)
            }
            let directory = open(folder.path, O_RDONLY | O_DIRECTORY)
            fsync(directory)
            close(directory)
        }
        return now() - start
    }

    static func startService(binary: URL, home: URL) throws -> Process {
        try FileManager.default.createDirectory(at: home.appendingPathComponent("inbox"), withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["run", "--home", home.path]
        process.environment = ["BOA_LOG_LEVEL": "warning"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until it watches: its partner folders exist.
        let ready = home.appendingPathComponent("inbox/politie-on")
        let deadline = now() + 30
        while !FileManager.default.fileExists(atPath: ready.path), now() < deadline { usleep(10_000) }
        usleep(300_000)
        return process
    }

    static func stopService(_ process: Process) {
        process.terminate()
        process.waitUntilExit()
    }

    static func countBv03(_ folder: URL) -> Int { count(folder, suffix: "_Bv03_bevestiging.xml") }

    static func count(_ folder: URL, suffix: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.count
    }

    /// (b) Files renamed into the inbox as fast as possible; the time until every Bv03 is in the outbox, and the
    /// time until every outbound file of theirs (the Bv03 and the `taakReactie` of each request) is. Arrivals are
    /// counted from inotify on the outbox folder (each file arrives by one rename), so the benchmark takes no CPU
    /// from the service by listing a folder of 20,000 files; if the event queue overflows it falls back to listing
    /// every 100 ms. The counts are checked by listing once at the end.
    static func throughput(_ files: [[UInt8]], binary: URL, home: URL) throws -> (bv03: Double, all: Double) {
        let service = try startService(binary: binary, home: home)
        defer { stopService(service) }
        let inbox = home.appendingPathComponent("inbox")
        let outbox = home.appendingPathComponent("outbox/politie-on")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        // Written beforehand under ignored names, so that only the renames are timed.
        for (index, bytes) in files.enumerated() {
            try Data(bytes).write(to: inbox.appendingPathComponent(".v\(index).tmp"))
        }
        let watch = OutboxWatch(outbox)
        defer { watch.close() }
        var acknowledgements = 0
        var reactions = 0
        var overflowed = false
        func drainEvents() {
            watch.drain { _, overflow, name in
                if overflow { overflowed = true }
                if name.first != UInt8(ascii: "."), let last = name.lastIndex(of: UInt8(ascii: "_")) {
                    let suffix = name[last...]
                    if suffix.elementsEqual("_bevestiging.xml".utf8) { acknowledgements += 1 }
                    if suffix.elementsEqual("_taakReactie.xml".utf8) { reactions += 1 }
                }
            }
        }
        let start = now()
        for index in files.indices {
            rename(inbox.appendingPathComponent(".v\(index).tmp").path, inbox.appendingPathComponent("v\(index).xml").path)
        }
        let deadline = start + 1800
        var bv03Seconds: Double?
        var allSeconds: Double?
        while allSeconds == nil, now() < deadline {
            if overflowed {
                // Polled every 100 ms: listing a folder of 10,000+ files takes CPU the service would otherwise have.
                usleep(100_000)
                if bv03Seconds == nil, countBv03(outbox) >= files.count { bv03Seconds = now() - start }
                if bv03Seconds != nil, count(outbox, suffix: "_Du01_taakReactie.xml") >= files.count { allSeconds = now() - start }
                continue
            }
            watch.wait(milliseconds: 100)
            drainEvents()
            if bv03Seconds == nil, acknowledgements >= files.count { bv03Seconds = now() - start }
            if bv03Seconds != nil, reactions >= files.count { allSeconds = now() - start }
        }
        guard countBv03(outbox) == files.count else { throw UsageError(message: "only \(countBv03(outbox)) of \(files.count) Bv03 arrived") }
        let reactionFiles = count(outbox, suffix: "_Du01_taakReactie.xml")
        guard reactionFiles == files.count, let bv03Seconds, let allSeconds else {
            throw UsageError(message: "only \(reactionFiles) of \(files.count) taakReactie arrived")
        }
        return (bv03Seconds, allSeconds)
    }

    /// (c) One file renamed in every 1/rate s; each Bv03's arrival is seen by inotify on the outbox folder.
    static func latency(_ files: [[UInt8]], firstReference: Int, rate: Int, binary: URL, home: URL) throws -> [Double] {
        let service = try startService(binary: binary, home: home)
        defer { stopService(service) }
        let inbox = home.appendingPathComponent("inbox")
        let outbox = home.appendingPathComponent("outbox/politie-on")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        for (index, bytes) in files.enumerated() { try Data(bytes).write(to: inbox.appendingPathComponent(".l\(index).tmp")) }
        let watch = OutboxWatch(outbox)
        var sent: [Int: Double] = [:]
        var arrived: [Int: Double] = [:]
        func drainEvents() {
            watch.drain { seen, _, bytes in
                let name = String(decoding: bytes, as: UTF8.self)
                if name.hasSuffix("_Bv03_bevestiging.xml"), !name.hasPrefix("."),
                    let text = try? String(contentsOf: outbox.appendingPathComponent(name), encoding: .utf8),
                    let range = text.range(of: "<BT:crossRefnummer>GMS-B-"),
                    let end = text[range.upperBound...].firstIndex(of: "<"),
                    let number = Int(text[range.upperBound..<end])
                {
                    arrived[number] = seen
                }
            }
        }
        let interval = 1.0 / Double(rate)
        let base = firstReference
        let start = now()
        for index in files.indices {
            let due = start + Double(index) * interval
            while now() < due {
                drainEvents()
                usleep(500)
            }
            sent[base + index] = now()
            rename(inbox.appendingPathComponent(".l\(index).tmp").path, inbox.appendingPathComponent("l\(index).xml").path)
        }
        let deadline = now() + 60
        while arrived.count < files.count, now() < deadline {
            drainEvents()
            usleep(500)
        }
        watch.close()
        return sent.compactMap { key, value in arrived[key].map { ($0 - value) * 1000 } }
    }
}

/// inotify on one outbox folder (files created or renamed into it), read without blocking.
final class OutboxWatch {
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 256 * 1024)

    init(_ folder: URL) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        _ = inotify_add_watch(descriptor, folder.path, UInt32(IN_CREATE | IN_MOVED_TO))
    }

    /// Waits up to `milliseconds` for events.
    func wait(milliseconds: Int32) {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&poller, 1, milliseconds)
    }

    /// Reads every event queued now: `body(seen, overflowed, name)` for each, `seen` being the time of the read that
    /// returned it and `name` without its NUL padding.
    func drain(_ body: (_ seen: Double, _ overflowed: Bool, _ name: Slice<UnsafeRawBufferPointer>) -> Void) {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            let seen = now()
            buffer.withUnsafeBytes { raw in
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let start = offset + MemoryLayout<inotify_event>.size
                    body(seen, event.mask & UInt32(IN_Q_OVERFLOW) != 0, raw[start..<(start + Int(event.len))].prefix { $0 != 0 })
                    offset = start + Int(event.len)
                }
            }
        }
    }

    /// Stops watching.
    func close() { Glibc.close(descriptor) }
}
