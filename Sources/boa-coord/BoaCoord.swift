import ArgumentParser
import BoaCore
import BoaService
import BoaXML
import Foundation

/// The `boa-coord` command line: every subcommand is a small struct; the work is in the libraries.
@main
struct BoaCoord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boa-coord",
        abstract: "Coordinates the work of a municipality's enforcement officers (BOAs) with police and OM.",
        discussion: """
            Partners drop XML messages (KOPPELVLAK BOA-taak 01.00) into inbox/; boa-coord validates them,
            stores them in boa.sqlite, plans the tasks onto officers and answers through outbox/.

            Examples:
              boa-coord run                          # the background service, home = current folder
              boa-coord validate examples/*.xml      # check files against the contract
            """,
        subcommands: [Run.self, Process.self, Validate.self, Status.self, Explain.self, SQL.self, Audit.self, Retention.self, Demo.self]
    )

    /// Runs the command; usage errors exit with status 2 (OPERATIONS.md), not argument-parser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // Print argument-parser's message and usage, then exit 2.
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options every command that works on a home folder takes.
struct HomeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The home folder (inbox/, outbox/, boa.sqlite, boa-coord.toml).", valueName: "DIR"))
    var home: String = "."

    var url: URL { URL(fileURLWithPath: home, isDirectory: true) }
}
