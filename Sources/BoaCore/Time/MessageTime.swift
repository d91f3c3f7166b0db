/// StUF `Tijdstip` (`tijdstipBericht`): 17 digits `yyyyMMddHHmmssSSS`, local time Europe/Amsterdam.
///
/// The contract checks each field's digit range but not calendar validity (a 30 February passes), so the
/// value keeps its digits as written. Ordering is by those digits: it is the order partners wrote.
public struct MessageTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The 17 digits.
    public let digits: String

    /// Reads 17 digits with month 01–12, day 01–31, hour 00–23, minute and second 00–59.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 17, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        func field(_ start: Int, _ length: Int) -> Int {
            bytes[start..<(start + length)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard (1...12).contains(field(4, 2)), (1...31).contains(field(6, 2)), field(8, 2) < 24, field(10, 2) < 60,
            field(12, 2) < 60
        else { return nil }
        digits = text
    }

    /// The local Amsterdam wall-clock time of an instant, as the service stamps its own messages.
    public init(atMilliseconds instant: Int64) {
        let offset = Int64(Amsterdam.offsetMinutes(atMilliseconds: instant)) * 60_000
        let local = instant + offset
        let days = floorDiv(local, 86_400_000)
        let rest = local - days * 86_400_000
        let date = LocalDate(daysSinceEpoch: days)
        let p = CivilCalendar.pad
        digits = p(Int64(date.year), 4) + p(Int64(date.month), 2) + p(Int64(date.day), 2)
            + p(rest / 3_600_000, 2) + p(rest / 60_000 % 60, 2) + p(rest / 1000 % 60, 2) + p(rest % 1000, 3)
    }

    /// The digits.
    public var description: String { digits }

    /// Compares by the digits, that is by local wall-clock time as written.
    public static func < (lhs: MessageTime, rhs: MessageTime) -> Bool { lhs.digits < rhs.digits }
}
