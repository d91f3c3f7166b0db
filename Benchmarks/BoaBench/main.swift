// boa-bench: the benchmarks of boa-coord. Speed is measured here, never in a timed test.
//
//     swift build -c release --scratch-path .build-bench
//     .build-bench/release/boa-bench xml [--count 10000] [--seed 1] [--rounds 5] [--threads N]
//
// Each subcommand prints its own table; docs/PERFORMANCE.md records the figures of a run.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The subcommands: one benchmark each. Later issues add `store`, `intake` and `planner` here.
let commands: [(name: String, summary: String, run: ([String]) throws(UsageError) -> Void)] = [
    ("xml", "XML intake: raw libxml2 parse+validate vs MessageReader validate+decode", XMLBenchmark.run),
    ("store", "storage: batched insert throughput vs raw INSERTs; the audit queries on 1M tasks / 5M log rows", StoreBenchmark.run),
    ("intake", "intake: raw durable publish vs boa-coord run end to end; rename-to-Bv03 latency", IntakeBenchmark.run),
    ("planner", "planner: quality vs baselines and an OR-Tools oracle; fast path and re-optimisation speed", PlannerBenchmark.run),
]

let usage = """
    usage: boa-bench <command> [options]

    commands:
    \(commands.map { "  \($0.name.padding(10))\($0.summary)" }.joined(separator: "\n"))

    xml options:
      --count N     messages to generate (default 10000)
      --seed N      seed of the sample generator (default 1)
      --rounds N    measured rounds after one warm-up round (default 5)
      --threads N   threads for the all-cores runs (default: active processor count)
      --slice N     messages per slice: each round runs the paths in turn slice by slice (default 1000)
      --schemas DIR directory holding boa-taak.xsd for the raw baseline (default: <repo>/schemas)
      --profile P   run only path P (a = raw parse+validate, b = MessageReader, a0 = raw parse only) on one
                    thread for --rounds rounds, without warm-up or report: a target for perf or callgrind

    store options:
      --messages N  messages for the insert runs (default 20000); --skip-inserts 1 / --skip-queries 1
      --tasks N, --log-rows N  size of the audit database (default 1000000, 5000000); --database PATH
      --rounds N    timed runs of each audit query after a warm-up (default 5)
      --pass-at-size 1  then time `boa-coord process` with one new request on that database, --rounds times (a hard
                    link into a temporary home: each pass adds its request's rows to the database)

    intake options:
      --files N     files for (a) and (b) (default 10000)
      --rounds N    rounds of (a) then (b); the median ratio is the result (default 3)
      --rate N, --latency-files N  the steady rate and the number of files for (c) (default 50, 500)
      --batch N     directory fsync per N files in (a) (default 256); --folder DIR (default: the current folder)

    planner options: --sizes S,M,L  --seed N  --events N  --reoptimise-only ROUNDS (BOA_PLANNER_PHASES=1 prints phase times)

    Build and run in release mode, e.g.
      swift build -c release --scratch-path .build-bench && .build-bench/release/boa-bench xml
    """

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, !["-h", "--help", "help"].contains(name) else {
    print(usage)
    exit(arguments.isEmpty ? 2 : 0)
}
guard let command = commands.first(where: { $0.name == name }) else {
    printError("boa-bench: unknown command '\(name)'\n\n\(usage)")
    exit(2)
}
do {
    try command.run(Array(arguments.dropFirst()))
} catch {
    printError("boa-bench \(name): \(error.message)\n\n\(usage)")
    exit(2)
}
