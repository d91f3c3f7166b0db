import ArgumentParser
import BoaService
import BoaXML
import Foundation

extension BoaCoord {
    /// `boa-coord validate FILE...`: checks files against the schemas without changing any state.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check message files against the BOA-taak schemas, changing nothing.",
            discussion: """
                Prints one line per file: 'PATH: OK <root element>' or 'PATH: <CODE> <line>:<column> <message>'
                (CODE is NIETXML, TEGROOT or StUF055); further errors follow on indented lines.
                Only the home's configuration is read, for the size cap. Exit status: 0 all valid,
                1 any invalid, 2 usage error or unreadable file.

                Example:
                  boa-coord validate examples/inbound/*.xml
                """
        )

        @OptionGroup var home: HomeOptions

        @Argument(help: ArgumentHelp("The files to check.", valueName: "FILE"))
        var files: [String]

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("Name at least one FILE to check.") }
        }

        func run() throws {
            let configuration: Configuration
            do {
                configuration = try Configuration.load(home: home.url)
            } catch {
                FileHandle.standardError.write(Data("boa-coord: \(error)\n".utf8))
                throw ExitCode(2)
            }
            let reader = MessageReader(maximumSize: configuration.maxFileBytes)
            var worst: Int32 = 0
            for file in files {
                let verdict = FileVerdict.check(path: file, reader: reader)
                let lines = verdict.reportLines(path: file)
                switch verdict {
                case .valid:
                    print(lines.joined(separator: "\n"))
                case .invalid:
                    print(lines.joined(separator: "\n"))
                    worst = max(worst, 1)
                case .unreadable:
                    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
                    worst = 2
                }
            }
            if worst != 0 { throw ExitCode(worst) }
        }
    }
}
