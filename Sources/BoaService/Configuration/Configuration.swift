public import BoaCore
public import BoaPlanner
public import Foundation

/// The service's settings: every one has a default, so a home needs no `boa-coord.toml` to start
/// (OPERATIONS.md). The file, when present, overrides the defaults it names.
///
/// ```toml
/// [intake]
/// max_file_bytes = 1048576
/// ```
public struct Configuration: Hashable, Sendable {
    /// Inbound files larger than this are `TEGROOT` (KOPPELVLAK §1; default 1 MiB). `[intake] max_file_bytes`.
    public var maxFileBytes: Int = 1_048_576
    /// `run` takes a file written in place once it is closed and its size and mtime have not changed for
    /// this long (milliseconds). `[intake] stable_millis`.
    public var stableMilliseconds: Int = 1000
    /// `run` rescans the inbox this often even without inotify events (seconds). `[intake] scan_interval_seconds`.
    public var scanIntervalSeconds: Int = 5
    /// How long a change or cancellation for an unknown task is held (minutes). `[intake] hold_minutes`.
    public var holdMinutes: Int = 10
    /// At most this many files share one transaction (group commit). `[intake] batch_size`.
    public var batchSize: Int = 500
    /// `run` takes at most this many files in one pass, oldest first; the rest follow in the next passes at once,
    /// so that the answers and reactions of a burst's first files go out while the rest is taken in.
    /// `[intake] pass_files`.
    public var passFiles: Int = 2000
    /// The service's own identity in envelopes. `[service] organisatie`, `[service] applicatie`.
    public var serviceIdentity = SystemIdentity.service
    /// The local hour (0–23) at which `run` applies retention each day. `[service] retention_hour`.
    public var retentionHour: Int = 3
    /// The partners (KOPPELVLAK §3); `[partners.<key>]` tables override or add.
    public var partners = PartnerRegistry.standard
    /// The planner's settings: `[planner] speed_kmh`, `home_base_x`, `home_base_y`, `work_area_min_x`,
    /// `work_area_min_y`, `work_area_max_x`, `work_area_max_y`, `change_penalty_minutes`.
    public var planner = PlannerSettings()
    /// `run` re-optimises the whole plan this often (seconds). `[planner] reoptimise_interval_seconds`.
    public var reoptimiseIntervalSeconds: Int = 300

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
        var partnerFields: [String: [String: (TOMLValue, Int)]] = [:]
        var partnerOrder: [String] = []
        for entry in entries {
            func fail(_ message: String) -> ConfigurationError {
                ConfigurationError(message: "\(source) line \(entry.line): \(entry.key) \(message)")
            }
            func integer(_ range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
                guard case .integer(let value) = entry.value, range.contains(value) else {
                    throw fail("must be an integer from \(range.lowerBound) to \(range.upperBound)")
                }
                return value
            }
            func number(_ range: ClosedRange<Double>) throws(ConfigurationError) -> Double {
                let value: Double
                switch entry.value {
                case .integer(let integer): value = Double(integer)
                case .float(let float): value = float
                default: throw fail("must be a number from \(range.lowerBound) to \(range.upperBound)")
                }
                guard range.contains(value) else { throw fail("must be a number from \(range.lowerBound) to \(range.upperBound)") }
                return value
            }
            func string() throws(ConfigurationError) -> String {
                guard case .string(let value) = entry.value, !value.isEmpty else { throw fail("must be a non-empty string") }
                return value
            }
            let parts = entry.key.split(separator: ".", maxSplits: 2).map(String.init)
            if parts.count == 3, parts[0] == "partners" {
                if partnerFields[parts[1]] == nil { partnerOrder.append(parts[1]) }
                partnerFields[parts[1], default: [:]][parts[2]] = (entry.value, entry.line)
                continue
            }
            switch entry.key {
            case "intake.max_file_bytes": configuration.maxFileBytes = try integer(1...1_073_741_824)
            case "intake.stable_millis": configuration.stableMilliseconds = try integer(0...600_000)
            case "intake.scan_interval_seconds": configuration.scanIntervalSeconds = try integer(1...86_400)
            case "intake.hold_minutes": configuration.holdMinutes = try integer(0...10_080)
            case "intake.batch_size": configuration.batchSize = try integer(1...100_000)
            case "intake.pass_files": configuration.passFiles = try integer(1...1_000_000)
            case "service.organisatie": configuration.serviceIdentity.organisation = try string()
            case "service.applicatie": configuration.serviceIdentity.application = try string()
            case "service.retention_hour": configuration.retentionHour = try integer(0...23)
            case "planner.speed_kmh": configuration.planner.metresPerMinute = try number(1...100) * 1000 / 60
            case "planner.home_base_x": configuration.planner.homeBase.x = try number(0...300_000)
            case "planner.home_base_y": configuration.planner.homeBase.y = try number(300_000...625_000)
            case "planner.work_area_min_x": configuration.planner.workArea.minX = try number(0...300_000)
            case "planner.work_area_min_y": configuration.planner.workArea.minY = try number(300_000...625_000)
            case "planner.work_area_max_x": configuration.planner.workArea.maxX = try number(0...300_000)
            case "planner.work_area_max_y": configuration.planner.workArea.maxY = try number(300_000...625_000)
            case "planner.change_penalty_minutes": configuration.planner.changePenaltyMinutes = try integer(0...10_000)
            case "planner.reoptimise_interval_seconds": configuration.reoptimiseIntervalSeconds = try integer(10...86_400)
            default:
                throw fail("is not a setting boa-coord knows (see docs/OPERATIONS.md)")
            }
        }
        var partners = configuration.partners.partners
        for key in partnerOrder {
            let fields = partnerFields[key] ?? [:]
            func fail(_ message: String) -> ConfigurationError {
                ConfigurationError(message: "\(source) line \(fields.values.map(\.1).min() ?? 0): partners.\(key) \(message)")
            }
            for name in fields.keys.sorted() where !["organisatie", "applicatie", "may_send", "receives", "enabled"].contains(name) {
                throw fail("has an unknown setting '\(name)' (organisatie, applicatie, may_send, receives, enabled)")
            }
            if case .boolean(false)? = fields["enabled"]?.0 {
                partners.removeAll { $0.key == key }
                continue
            }
            var partner = partners.first { $0.key == key }
            if partner == nil {
                guard fields["organisatie"] != nil, fields["applicatie"] != nil else {
                    throw fail("is a new partner: give at least organisatie and applicatie")
                }
                partner = Partner(key: key, organisation: "", application: "", maySend: [], receives: [])
            }
            guard var updated = partner else { continue }
            func text(_ name: String) throws(ConfigurationError) -> String? {
                guard let (value, _) = fields[name] else { return nil }
                guard case .string(let string) = value, !string.isEmpty else { throw fail("\(name) must be a non-empty string") }
                return string
            }
            func functions(_ name: String) throws(ConfigurationError) -> Set<Function>? {
                guard let (value, _) = fields[name] else { return nil }
                guard case .array(let items) = value else { throw fail("\(name) must be a list of functie names") }
                var result: Set<Function> = []
                for item in items {
                    guard case .string(let name) = item, let function = Function(rawValue: name) else {
                        throw fail("\(name) holds something that is not a functie of KOPPELVLAK")
                    }
                    result.insert(function)
                }
                return result
            }
            if let organisation = try text("organisatie") { updated.organisation = organisation }
            if let application = try text("applicatie") { updated.application = application }
            if let maySend = try functions("may_send") { updated.maySend = maySend }
            if let receives = try functions("receives") { updated.receives = receives }
            guard updated.key.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") })
            else { throw fail("key must be letters, digits, - and _ (it names a folder)") }
            partners.removeAll { $0.key == key }
            partners.append(updated)
        }
        configuration.partners = PartnerRegistry(partners)
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
