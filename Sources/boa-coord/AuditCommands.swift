import ArgumentParser
import BoaCore
import BoaService
import BoaStore
import Foundation

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Reads `--now` (ISO 8601 with an offset) into milliseconds since the epoch.
func parseNow(_ text: String?) throws -> Int64 {
    guard let text else { return Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
    guard let timestamp = Timestamp(xsdDateTime: text) else {
        throw ValidationError("--now must be ISO 8601 with an offset, e.g. 2026-12-01T09:00:00+01:00 (got '\(text)')")
    }
    return timestamp.millisecondsSinceEpoch
}

extension BoaCoord {
    /// `boa-coord sql QUERY`: one read-only query.
    struct SQL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sql",
            abstract: "Run one read-only SQL query against the database and print the result.",
            discussion: """
                The connection is read-only and query_only: INSERT, UPDATE, DELETE, ATTACH, setting a PRAGMA and the
                like are refused. The query itself is recorded in the processing log as a read (GELEZEN).
                The audit views are audit_messages, audit_tasks and audit_log (docs/AUDIT.md).

                Examples:
                  boa-coord sql "SELECT status, count(*) FROM audit_tasks GROUP BY status"
                  boa-coord sql --format json "SELECT * FROM audit_messages WHERE outcome = 'REJECTED'"
                """
        )

        @OptionGroup var home: HomeOptions

        @Option(help: "Output format: table, csv or json.")
        var format: String = "table"

        @Argument(help: "The query (one statement).")
        var query: String

        func validate() throws {
            guard QueryFormat(rawValue: format) != nil else { throw ValidationError("--format must be table, csv or json") }
        }

        func run() throws {
            let home = Home(root: self.home.url)
            guard FileManager.default.fileExists(atPath: home.database.path) else {
                printError("boa-coord sql: there is no database at \(home.database.path) (has the service run in this home?)")
                throw ExitCode(1)
            }
            do {
                let store = try Store.open(at: home.database)
                try store.write { tx in
                    try tx.appendLog(LogEntry(
                        at: try parseNow(nil), action: .read, objectType: "query", objectId: String(sha256Hex(Array(query.utf8)).prefix(16)),
                        performer: "boa-coord sql", confidentiality: .strict, retention: RetentionPeriod(years: 5),
                        detail: String(query.prefix(1000))))
                }
            } catch {
                printError("boa-coord sql: the read could not be logged, so the query was not run: \(error)")
                throw ExitCode(1)
            }
            do {
                let result = try Store.readOnlyQuery(databaseAt: home.database, sql: query)
                print(result.formatted(as: QueryFormat(rawValue: format) ?? .table), terminator: "")
            } catch {
                printError("boa-coord sql: \(error)")
                throw ExitCode(1)
            }
        }
    }

    /// `boa-coord audit verify`.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Audit the processing log.",
            subcommands: [Verify.self]
        )

        struct Verify: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Check that the processing log (verwerkingenlog) is complete and unaltered.",
                discussion: """
                    Recomputes the SHA-256 chain over every row from the last retention anchor on and names the first
                    row that does not fit. Changes nothing. Exit status: 0 intact, 1 altered (or unreadable).

                    Example:
                      boa-coord audit verify --home /srv/boa
                    """
            )

            @OptionGroup var home: HomeOptions

            func run() throws {
                let home = Home(root: self.home.url)
                guard FileManager.default.fileExists(atPath: home.database.path) else {
                    printError("boa-coord audit verify: there is no database at \(home.database.path)")
                    throw ExitCode(1)
                }
                do {
                    let result = try Store.verifyLog(atPath: home.database)
                    let from = result.startsAfter > 0 ? " (after the retention anchor at row \(result.startsAfter))" : ""
                    if let bad = result.firstBadSeq {
                        print("ALTERED: processing log row \(bad): \(result.problem ?? "does not fit the chain"); \(result.rowsChecked) rows before it are intact\(from)")
                        throw ExitCode(1)
                    }
                    print("intact: \(result.rowsChecked) rows checked\(from)")
                } catch let error as StoreError {
                    printError("boa-coord audit verify: \(error)")
                    throw ExitCode(1)
                }
            }
        }
    }

    /// `boa-coord retention`.
    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply the retention rules now (the service also does this daily).",
            discussion: """
                After a task's bewaartermijn (counted from its final status) its free text, address and location are
                removed, and the archived files holding them deleted; five years later the task is deleted.
                Expired rows at the start of the processing log are cut off behind an anchor. Every step is logged.

                Example:
                  boa-coord retention --now 2027-12-01T03:00:00+01:00
                """
        )

        @OptionGroup var home: HomeOptions

        @Option(help: "The moment to judge expiry at (ISO 8601 with an offset); default: now.")
        var now: String?

        func run() throws {
            let home = Home(root: self.home.url)
            let moment = try parseNow(now)
            let store = try Store.open(at: home.database)
            let report = try RetentionJob(home: home, store: store).run(now: moment)
            print("retention at \(StoreTime.text(moment)): \(report.anonymised.count) tasks anonymised, \(report.deleted.count) deleted, \(report.archivedFiles.count) archived files removed, \(report.logRowsCut) log rows cut")
            for number in report.anonymised { print("  anonymised \(number)") }
            for number in report.deleted { print("  deleted \(number)") }
        }
    }
}
