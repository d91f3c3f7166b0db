public import BoaCore

/// How the database writes times: ISO 8601 in UTC with milliseconds, fixed width, so that text order is
/// time order (`2026-12-01T08:15:00.000Z`).
public enum StoreTime {
    /// The text of an instant.
    public static func text(_ milliseconds: Int64) -> String {
        let days = floorDiv(milliseconds, 86_400_000)
        let rest = milliseconds - days * 86_400_000
        let date = LocalDate(daysSinceEpoch: days)
        if (0...9999).contains(date.year) {
            // Every time the store writes (a few per message), so digit by digit into one buffer.
            return String(unsafeUninitializedCapacity: 24) { buffer in
                func put(_ value: Int, _ width: Int, at offset: Int) {
                    var value = value
                    for position in stride(from: offset + width - 1, through: offset, by: -1) {
                        buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                        value /= 10
                    }
                }
                let milliseconds = Int(rest)
                put(date.year, 4, at: 0)
                put(date.month, 2, at: 5)
                put(date.day, 2, at: 8)
                put(milliseconds / 3_600_000, 2, at: 11)
                put(milliseconds / 60_000 % 60, 2, at: 14)
                put(milliseconds / 1000 % 60, 2, at: 17)
                put(milliseconds % 1000, 3, at: 20)
                (buffer[4], buffer[7], buffer[10]) = (UInt8(ascii: "-"), UInt8(ascii: "-"), UInt8(ascii: "T"))
                (buffer[13], buffer[16], buffer[19], buffer[23]) = (UInt8(ascii: ":"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "Z"))
                return 24
            }
        }
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
