import ArgumentParser
import BoaCore
import BoaService
import BoaStore
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

extension BoaCoord {
    /// `boa-coord process`: one pass.
    struct Process: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One pass: take in every file now in the inbox, plan, publish every pending answer, then exit.",
            discussion: """
                Every regular file in inbox/ and inbox/<partner>/ that is not being written (names starting with '.',
                ending in .tmp, .part, .partial or ~) is taken in; the caller guarantees the files are complete.
                --now fixes the clock for the whole pass (replays, tests): the same files and the same --now give
                the same outbox, byte for byte. Exit status: 0, or non-zero only when the pass itself could not run.

                Examples:
                  boa-coord process
                  boa-coord process --home /srv/boa --now 2026-12-01T09:00:00+01:00
                """
        )

        @OptionGroup var home: HomeOptions

        @Option(help: "The pass's clock, ISO 8601 with an offset (default: now).")
        var now: String?

        func run() throws {
            CommandLineLogging.bootstrap()
            let moment = try parseNow(now)
            let logger = Logger(label: "boa-coord.process")
            do {
                let context = try ServiceContext.open(home: Home(root: home.url), logger: logger)
                let report = try context.processOnce(now: moment)
                print("process: \(report)")
            } catch {
                printError("boa-coord process: the pass could not run: \(error)")
                throw ExitCode(1)
            }
        }
    }
}

extension BoaCoord {
    /// `boa-coord run`: the background service.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the background service: watch the inbox, take in complete files, plan, publish to the outbox.",
            discussion: """
                Files renamed into the inbox are taken at once; files written in place (cp, scp, SFTP) once they are
                closed and their size and mtime have been stable for [intake] stable_millis. SIGTERM or SIGINT stop the
                service cleanly: the pass in hand is finished. One instance works on a home at a time; a second one
                waits for the first to stop (a hot standby). Logs go to standard error (BOA_LOG_LEVEL=debug for more).

                Examples:
                  boa-coord run
                  boa-coord run --home /srv/boa
                """
        )

        @OptionGroup var home: HomeOptions

        func run() async throws {
            CommandLineLogging.bootstrap()
            let logger = Logger(label: "boa-coord.run")
            let context: ServiceContext
            do {
                context = try ServiceContext.open(home: Home(root: home.url), logger: logger)
            } catch {
                printError("boa-coord run: cannot start: \(error)")
                throw ExitCode(1)
            }
            let group = ServiceGroup(configuration: ServiceGroupConfiguration(
                services: [.init(service: RunService(context: context), successTerminationBehavior: .gracefullyShutdownGroup)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
            try await group.run()
        }
    }

    /// `boa-coord status`.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show inbox depth, the oldest waiting file, pending outbound, open tasks by status and officers on shift.",
            discussion: """
                Reads only; works while the service runs.

                Example:
                  boa-coord status --home /srv/boa
                """
        )

        @OptionGroup var home: HomeOptions

        @Option(help: "The moment to report at (ISO 8601 with an offset); default: now.")
        var now: String?

        func run() throws {
            let home = Home(root: self.home.url)
            let configuration = try Configuration.load(home: home.root)
            print(try StatusReport.gather(home: home, configuration: configuration, now: try parseNow(now)).text, terminator: "")
        }
    }
}

extension BoaCoord {
    /// `boa-coord explain TAAKNUMMER`.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain in plain words why a task is planned as it is, or why it is not.",
            discussion: """
                Shows the task, its status history, each officer's assignment with the planner's score parts and the
                best alternatives it rejected, or, for an unplanned task, its BOA code and the filter funnel
                ("41 active → 6 with a deed … → 0 screened"). The read is recorded in the processing log.

                Example:
                  boa-coord explain T2026-000123
                """
        )

        @OptionGroup var home: HomeOptions

        @Argument(help: "The task number, e.g. T2026-000123.")
        var taskNumber: String

        func validate() throws {
            guard TaskNumber(taskNumber) != nil else { throw ValidationError("'\(taskNumber)' is not a task number (T<year>-<6 digits>, e.g. T2026-000123)") }
        }

        func run() throws {
            let home = Home(root: self.home.url)
            guard FileManager.default.fileExists(atPath: home.database.path), let number = TaskNumber(taskNumber) else {
                printError("boa-coord explain: there is no database at \(home.database.path)")
                throw ExitCode(1)
            }
            let store = try Store.open(at: home.database)
            guard let text = try TaskExplanation.text(store: store, number: number, now: try parseNow(nil)) else {
                printError("boa-coord explain: there is no task \(number)")
                throw ExitCode(1)
            }
            print(text, terminator: "")
        }
    }
}

extension BoaCoord {
    /// `boa-coord demo`.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Play a realistic day in Hengelo through a new home folder, then show where to look.",
            discussion: """
                Fills the home with a roster of 20 officers, about 60 requests from police and OM through Tuesday 1 December
                2026, the officers' app reporting on its orders, one sickness, one burglary with its aftercare round, one
                care and one undermining signal; each hour is a 'process' pass with --now stepping through the day.
                The home must be new or empty.

                Example:
                  boa-coord demo --home /tmp/boa-demo
                  boa-coord sql --home /tmp/boa-demo "SELECT status, count(*) FROM audit_tasks GROUP BY status"
                """
        )

        @Option(name: .long, help: ArgumentHelp("The home folder to fill (default: ./boa-demo).", valueName: "DIR"))
        var home: String = "boa-demo"

        func run() throws {
            CommandLineLogging.bootstrap(level: .warning)
            let url = URL(fileURLWithPath: home, isDirectory: true)
            if let contents = try? FileManager.default.contentsOfDirectory(atPath: url.path), !contents.isEmpty {
                printError("boa-coord demo: \(url.path) is not empty; give a new folder with --home")
                throw ExitCode(1)
            }
            let summary = try DemoDay(home: Home(root: url)).run { print($0) }
            print("""

                Done: \(summary.dropped) messages in \(summary.passes) passes. Where to look:
                  \(url.path)/outbox/<partner>/       the answers: \(summary.outbox.map { "\($0.partner) \($0.files)" }.joined(separator: ", "))
                  \(url.path)/archive/2026-12-01/     every message taken in
                  boa-coord status --home \(url.path) --now 2026-12-01T22:00:00+01:00
                  boa-coord sql --home \(url.path) "SELECT taak_nummer, categorie, status, officers FROM audit_tasks"
                  boa-coord explain --home \(url.path) T2026-000001
                  boa-coord audit verify --home \(url.path)
                """)
        }
    }
}
