import BoaCore
import BoaSamples
import BoaXML
import Foundation

/// `boa-bench xml`: the XML intake (issue 2).
///
/// Generated messages of mixed kinds go through
/// - (a) raw libxml2: `xmlCtxtReadMemory` + `xmlSchemaValidateDoc` + `xmlFreeDoc`, schema compiled from `schemas/`;
/// - (b) ours: `MessageReader().read(bytes)`: size cap, encoding check, DOCTYPE refusal, position recording,
///   the same parse and validation, NUL check, then decoding into a typed `Message`;
/// on one thread and on all cores, in the same process and interleaved slice by slice, so the ratio b/a
/// compares like with like. (a0), raw parsing without validation, is a diagnostic that splits (a).
enum XMLBenchmark {
    static func run(_ arguments: [String]) throws(UsageError) {
        let options = try Options(arguments, allowed: ["count", "seed", "rounds", "threads", "schemas", "profile", "slice"])
        let count = try options.int("count", default: 10_000)
        let seed = try options.int("seed", default: 1, minimum: 0)
        let rounds = try options.int("rounds", default: 5)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let threads = try options.int("threads", default: cores)
        let slice = try options.int("slice", default: 1_000)
        let schemaDirectory: String
        if let directory = options.string("schemas") {
            schemaDirectory = directory
        } else if let root = repositoryRoot() {
            schemaDirectory = root.appendingPathComponent("schemas").path
        } else {
            throw UsageError(message: "cannot find the repository (schemas/boa-taak.xsd); pass --schemas")
        }
        let hub = URL(fileURLWithPath: schemaDirectory).appendingPathComponent("boa-taak.xsd").path

        // The raw schema first: see RawSchema.init.
        let schemaStart = now()
        let rawSchema = try RawSchema(hub: hub)
        let schemaSeconds = now() - schemaStart

        // The corpus.
        let generateStart = now()
        var generator = SampleMessages(seed: UInt64(seed))
        let messages = generator.mixed(count: count)
        let corpus = messages.map { MessageWriter.encode($0) }
        let generateSeconds = now() - generateStart
        let totalBytes = corpus.reduce(0) { $0 + $1.count }

        print("boa-bench xml: \(grouped(Double(count))) generated messages (seed \(seed)), \(rounds) measured rounds after 1 warm-up round, "
              + "paths interleaved in slices of \(slice) messages")
        print("machine: \(cores) active cores, \(machine()); all-cores runs use \(threads) threads")
        print("raw schema: \(hub) (compiled in \(fixed(schemaSeconds * 1000, 1)) ms); corpus generated and encoded in \(fixed(generateSeconds, 2)) s")
        print("")
        printMix(messages, corpus)
        print("total \(grouped(Double(totalBytes))) bytes, mean \(grouped(Double(totalBytes) / Double(count))) bytes/message, "
              + "min \(corpus.map(\.count).min() ?? 0), max \(corpus.map(\.count).max() ?? 0)")
        print("")

        // Workers: one raw worker per thread; the product pools its own.
        let workers = (0..<max(threads, 1)).map { _ in RawWorker(rawSchema) }
        let reader = MessageReader()
        let raw: @Sendable (Int, Int) -> Bool = { thread, index in corpus[index].withUnsafeBufferPointer { workers[thread].parseAndValidate($0) } }
        let rawParse: @Sendable (Int, Int) -> Bool = { thread, index in corpus[index].withUnsafeBufferPointer { workers[thread].parseOnly($0) } }
        let ours: @Sendable (Int, Int) -> Bool = { _, index in
            if case .success = reader.read(corpus[index]) { return true }
            return false
        }

        // Sanity: both paths accept every message, and ours decodes each back to the message it was made from.
        guard sanity(messages, corpus, workers[0], reader) else { exit(1) }

        // --profile PATH: only that path, on one thread, `rounds` times, for perf or callgrind.
        if let profile = options.string("profile") {
            guard let body = ["a": raw, "b": ours, "a0": rawParse][profile] else { throw UsageError(message: "--profile takes a, b or a0") }
            for round in 1...rounds {
                let result = runTimed(threads: 1, indexes: 0..<count, body)
                print("profile \(profile) round \(round): \(grouped(Double(count) / result.seconds)) msg/s, \(result.passed)/\(count) accepted")
            }
            return
        }
        let loadBefore = loadAverage()
        var foreignLines: [String] = []

        // Throughput.
        var table = Table(["path", "threads", "best msg/s", "median msg/s", "best MB/s", "µs/msg/thread", "CPU use", "accepted"])
        var ratios: [(threads: Int, best: Double, median: Double, paired: Double)] = []
        var failures = 0
        var roundLines: [String] = []
        for threadCount in Array(Set([1, threads])).sorted() {
            let paths: [(label: String, body: @Sendable (Int, Int) -> Bool)] = [
                ("(a) raw libxml2 parse+validate", raw), ("(b) MessageReader validate+decode", ours), ("(a0) raw parse only [diagnostic]", rawParse),
            ]
            for path in paths { _ = runTimed(threads: threadCount, indexes: 0..<count, path.body) }  // warm-up
            let foreign = ForeignLoad()
            var seconds = Array(repeating: [Double](), count: paths.count)
            var accepted = Array(repeating: Int.max, count: paths.count)
            var utilisation = Array(repeating: [Double](), count: paths.count)
            for round in 0..<rounds {
                // A round is every message through every path, interleaved slice by slice (and the order flipped
                // each slice) so that a change in machine speed (this is a VM) hits (a) and (b) alike.
                var roundSeconds = Array(repeating: 0.0, count: paths.count)
                var roundCPU = Array(repeating: 0.0, count: paths.count)
                var roundAccepted = Array(repeating: 0, count: paths.count)
                for (sliceNumber, start) in stride(from: 0, to: count, by: slice).enumerated() {
                    let indexes = start..<min(start + slice, count)
                    let order = (round + sliceNumber) % 2 == 0 ? Array(paths.indices) : Array(paths.indices.reversed())
                    for index in order {
                        let result = runTimed(threads: threadCount, indexes: indexes, paths[index].body)
                        roundSeconds[index] += result.seconds
                        roundCPU[index] += result.utilisation * result.seconds
                        roundAccepted[index] += result.passed
                    }
                }
                for index in paths.indices {
                    seconds[index].append(roundSeconds[index])
                    utilisation[index].append(roundCPU[index] / roundSeconds[index])
                    accepted[index] = min(accepted[index], roundAccepted[index])
                }
            }
            let rates = seconds.map { $0.map { Double(count) / $0 } }
            for (index, path) in paths.enumerated() {
                let best = rates[index].max() ?? .nan
                table.add([path.label, "\(threadCount)", grouped(best), grouped(rates[index].median),
                           fixed(best * Double(totalBytes) / Double(count) / 1e6, 1), fixed(1e6 * Double(threadCount) / best, 1),
                           percent(utilisation[index].median), "\(accepted[index])/\(count)"])
                if accepted[index] != count { failures += 1 }
            }
            foreignLines.append("\(threadCount) thr: " + foreign.summary)
            for (index, path) in paths.enumerated() {
                roundLines.append("\(path.label.prefix(4)) \(threadCount) thr: " + rates[index].map { grouped($0) }.joined(separator: " "))
            }
            let paired = zip(rates[1], rates[0]).map { $0 / $1 }.median
            ratios.append((threadCount, (rates[1].max() ?? .nan) / (rates[0].max() ?? .nan), rates[1].median / rates[0].median, paired))
        }
        print("Throughput (msg/s; µs/msg/thread = threads / best msg/s; CPU use = median over rounds of process CPU time / (wall time × threads))")
        print(table.render())
        print("per-round msg/s, in round order:")
        for line in roundLines { print("  " + line) }
        print("load average before/after the throughput runs: \(loadBefore) / \(loadAverage()); "
              + foreignLines.joined(separator: "; ") + " (0 means the figures had the machine to themselves)")
        print("")
        var ratioTable = Table(["ratio b/a (msg/s of b over msg/s of a)", "threads", "per round (median)", "best/best", "median/median", "target ≥ 70%"])
        for ratio in ratios {
            ratioTable.add(["(b) ours / (a) raw", "\(ratio.threads)", percent(ratio.paired), percent(ratio.best), percent(ratio.median),
                            ratio.paired >= 0.70 ? "met" : "NOT met"])
        }
        print(ratioTable.render())
        print("")

        printLatency(messages, corpus, raw, ours)

        if failures > 0 {
            printError("boa-bench xml: ERROR: \(failures) runs did not accept every message")
            exit(1)
        }
    }

    // MARK: parts of the report

    private static func percent(_ value: Double) -> String { fixed(value * 100, 1) + "%" }

    /// The 1-minute load average, to show whether something else was running.
    private static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
    }

    private static func machine() -> String {
        var info = utsname()
        uname(&info)
        let field = { (value: Any) in
            Mirror(reflecting: value).children.compactMap { $0.value as? CChar }.prefix { $0 != 0 }.map { Character(UnicodeScalar(UInt8(bitPattern: $0))) }
        }
        return "\(String(field(info.sysname))) \(String(field(info.machine)))"
    }

    private static func printMix(_ messages: [Message], _ corpus: [[UInt8]]) {
        var counts: [MessageKind: (messages: Int, bytes: Int)] = [:]
        for (message, bytes) in zip(messages, corpus) {
            counts[message.kind, default: (0, 0)].messages += 1
            counts[message.kind, default: (0, 0)].bytes += bytes.count
        }
        var table = Table(["kind", "messages", "share", "mean bytes"])
        for kind in MessageKind.allCases {
            guard let entry = counts[kind] else { continue }
            table.add([kind.rawValue, grouped(Double(entry.messages)), fixed(100 * Double(entry.messages) / Double(messages.count), 1) + "%",
                       grouped(Double(entry.bytes) / Double(entry.messages))])
        }
        print("Mix of kinds (\(counts.count) of \(MessageKind.allCases.count) kinds present)")
        print(table.render())
    }

    /// Checks, untimed, that both paths accept every message and that ours decodes each to its original.
    private static func sanity(_ messages: [Message], _ corpus: [[UInt8]], _ worker: RawWorker, _ reader: MessageReader) -> Bool {
        var rawValid = 0
        var oursValid = 0
        var roundTrips = 0
        var problems: [String] = []
        for (index, bytes) in corpus.enumerated() {
            if bytes.withUnsafeBufferPointer({ worker.parseAndValidate($0) }) {
                rawValid += 1
            } else if problems.count < 5 {
                problems.append("#\(index) \(messages[index].kind.rawValue): raw libxml2 rejects it")
            }
            switch reader.read(bytes) {
            case .success(let decoded):
                oursValid += 1
                if decoded == messages[index] {
                    roundTrips += 1
                } else if problems.count < 5 {
                    problems.append("#\(index) \(messages[index].kind.rawValue): decodes to a different message")
                }
            case .failure(let fault):
                if problems.count < 5 { problems.append("#\(index) \(messages[index].kind.rawValue): MessageReader fault \(fault)") }
            }
        }
        let total = corpus.count
        print("Sanity: raw libxml2 valid \(rawValid)/\(total); MessageReader .success \(oursValid)/\(total); decoded == generated \(roundTrips)/\(total)")
        print("")
        if rawValid == total && oursValid == total && roundTrips == total { return true }
        printError("boa-bench xml: ERROR: not every message is accepted and decoded faithfully by both paths:")
        for problem in problems { printError("  " + problem) }
        return false
    }

    /// Per-message latency on one thread: every message timed on its own through both paths, back to back
    /// (the order alternating), after the throughput runs.
    private static func printLatency(_ messages: [Message], _ corpus: [[UInt8]], _ raw: @Sendable (Int, Int) -> Bool, _ ours: @Sendable (Int, Int) -> Bool) {
        var a = [Double](repeating: 0, count: corpus.count)
        var b = [Double](repeating: 0, count: corpus.count)
        func time(_ body: @Sendable (Int, Int) -> Bool, _ index: Int) -> Double {
            let start = now()
            _ = body(0, index)
            return (now() - start) * 1e6
        }
        for index in corpus.indices {
            if index % 2 == 0 {
                a[index] = time(raw, index)
                b[index] = time(ours, index)
            } else {
                b[index] = time(ours, index)
                a[index] = time(raw, index)
            }
        }
        var table = Table(["single-message latency, 1 thread (µs)", "mean", "p50", "p90", "p99", "max"])
        for (label, values) in [("(a) raw libxml2 parse+validate", a), ("(b) MessageReader validate+decode", b)] {
            table.add([label, fixed(values.mean, 1), fixed(values.percentile(0.5), 1), fixed(values.percentile(0.9), 1),
                       fixed(values.percentile(0.99), 1), fixed(values.max() ?? .nan, 1)])
        }
        print(table.render())
        print("")

        var byKind = Table(["kind", "n", "mean bytes", "(a) µs", "(b) µs", "b-a µs", "b/a speed"])
        for kind in MessageKind.allCases {
            let indexes = corpus.indices.filter { messages[$0].kind == kind }
            guard !indexes.isEmpty else { continue }
            let meanA = indexes.map { a[$0] }.mean
            let meanB = indexes.map { b[$0] }.mean
            byKind.add([kind.rawValue, "\(indexes.count)", grouped(indexes.map { Double(corpus[$0].count) }.mean),
                        fixed(meanA, 1), fixed(meanB, 1), fixed(meanB - meanA, 1), percent(meanA / meanB)])
        }
        print("Mean latency by kind, 1 thread")
        print(byKind.render())
    }
}
