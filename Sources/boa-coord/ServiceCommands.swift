import ArgumentParser
import BoaCore
import BoaService
import BoaStore
import Foundation
import Logging

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
