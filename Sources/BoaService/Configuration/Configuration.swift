import Foundation

/// The service's settings: every one has a default, so a home needs no `boa-coord.toml` to start
/// (OPERATIONS.md). The file, when present, overrides the defaults it names.
///
/// ```toml
/// [intake]
/// max_file_bytes = 1048576
/// ```
public struct Configuration: Hashable, Sendable {
    /// Inbound files larger than this are `TEGROOT` (KOPPELVLAK §1; default 1 MiB).
    public var maxFileBytes: Int = 1_048_576

    /// The defaults.
    public init() {}

    /// The configuration file's name inside a home folder.
    public static let fileName = "boa-coord.toml"

    /// Reads `<home>/boa-coord.toml` over the defaults; the defaults alone when the file is absent.
    public static func load(home: URL) throws(ConfigurationError) -> Configuration {
        let url = home.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return Configuration() }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError(message: "cannot read \(url.path): \(error.localizedDescription)")
        }
        return try parse(text, source: url.path)
    }

    /// Reads a configuration text over the defaults. Unknown settings are errors, so that a typo does not
    /// silently leave a default in force.
    public static func parse(_ text: String, source: String = fileName) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration()
        let entries: [(key: String, value: TOMLValue, line: Int)]
        do {
            entries = try TOMLReader.parse(text)
        } catch {
            throw ConfigurationError(message: "\(source): \(error)")
        }
        for entry in entries {
            func fail(_ message: String) -> ConfigurationError {
                ConfigurationError(message: "\(source) line \(entry.line): \(entry.key) \(message)")
            }
            switch entry.key {
            case "intake.max_file_bytes":
                guard case .integer(let value) = entry.value, value > 0 else { throw fail("must be a positive integer") }
                configuration.maxFileBytes = value
            default:
                throw fail("is not a setting boa-coord knows (see docs/OPERATIONS.md)")
            }
        }
        return configuration
    }
}

/// A configuration that cannot be used, with what to mend.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong and where.
    public var message: String

    /// The message.
    public var description: String { message }
}
