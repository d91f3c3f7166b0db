import ArgumentParser
import BoaService
import BoaXML
import Foundation

extension BoaCoord {
    /// `boa-coord validate FILE...`: checks files against the schemas without changing any state. A folder
    /// stands for the `.xml` files in it and its subfolders, in name order.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check message files against the BOA-taak schemas, changing nothing.",
            discussion: """
                Prints one line per file: 'PATH: OK <root element>' or 'PATH: <CODE> <line>:<column> <message>'
                (CODE is NIETXML, TEGROOT or StUF055); further errors follow on indented lines.
                A FOLDER stands for every .xml file in it and its subfolders, in name order (other files
                in it are left out; symbolic links are not followed).
                Only the home's configuration is read, for the size cap. Exit status: 0 all valid,
                1 any invalid, 2 usage error or unreadable file.

                Examples:
                  boa-coord validate examples/inbound/*.xml
                  boa-coord validate examples/*          # both example folders
                """
        )

        @OptionGroup var home: HomeOptions

        @Argument(help: ArgumentHelp("The files (or folders of .xml files) to check.", valueName: "FILE"))
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
            for file in files.flatMap(Validate.expand) {
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

        /// A folder (not a link to one) becomes the `.xml` files beneath it, sorted by path; anything else stays as named.
        static func expand(_ path: String) -> [String] {
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return [path] }
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
            var found: [String] = []
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() where !name.hasPrefix(".") {
                let child = folder + "/" + name
                var childInfo = stat()
                guard lstat(child, &childInfo) == 0 else { continue }
                switch childInfo.st_mode & S_IFMT {
                case S_IFDIR: found += expand(child)
                case S_IFREG where name.hasSuffix(".xml"): found.append(child)
                default: continue
                }
            }
            return found
        }
    }
}
