public import BoaCore

/// How the database writes times: ISO 8601 in UTC with milliseconds, fixed width, so that text order is
/// time order (`2026-12-01T08:15:00.000Z`).
public enum StoreTime {
    /// The text of an instant.
    public static func text(_ milliseconds: Int64) -> String {
        let days = floorDiv(milliseconds, 86_400_000)
        let rest = milliseconds - days * 86_400_000
        let date = LocalDate(daysSinceEpoch: days)
        let p = CivilCalendar.pad
        return "\(date)T\(p(rest / 3_600_000, 2)):\(p(rest / 60_000 % 60, 2)):\(p(rest / 1000 % 60, 2)).\(p(rest % 1000, 3))Z"
    }

    /// The text of a timestamp's instant.
    public static func text(_ timestamp: Timestamp) -> String { text(timestamp.millisecondsSinceEpoch) }

    /// The instant of a text written by ``text(_:)`` (or any `xs:dateTime` with an offset).
    public static func milliseconds(_ text: String) -> Int64? {
        Timestamp(xsdDateTime: text)?.millisecondsSinceEpoch
    }
}
