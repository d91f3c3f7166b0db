/// A moment (`tijd`, `xs:dateTime` with a required offset), kept with the offset it was written in.
///
/// Two timestamps are equal when both the instant and the offset are equal, so that decoding what was
/// encoded gives the same value back; use ``millisecondsSinceEpoch`` to compare instants.
/// Precision is one millisecond; further fraction digits on the wire are cut off.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The instant, in milliseconds since 1970-01-01T00:00:00Z.
    public var millisecondsSinceEpoch: Int64
    /// The UTC offset it is written with, in minutes (`Z` is 0).
    public var utcOffsetMinutes: Int

    /// Makes a timestamp from an instant and the offset to write it with.
    public init(millisecondsSinceEpoch: Int64, utcOffsetMinutes: Int = 0) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// The local wall-clock parts at the timestamp's own offset.
    public var localParts: (date: LocalDate, hour: Int, minute: Int, second: Int, millisecond: Int) {
        let local = millisecondsSinceEpoch + Int64(utcOffsetMinutes) * 60_000
        let days = floorDiv(local, 86_400_000)
        let rest = Int(local - days * 86_400_000)
        return (LocalDate(daysSinceEpoch: days), rest / 3_600_000, rest / 60_000 % 60, rest / 1000 % 60, rest % 1000)
    }

    /// The `xs:dateTime` form, e.g. `2026-12-01T23:00:00+01:00`; milliseconds only when not zero.
    public var description: String {
        let p = localParts
        var text = "\(p.date)T\(CivilCalendar.pad(Int64(p.hour), 2)):\(CivilCalendar.pad(Int64(p.minute), 2)):"
            + CivilCalendar.pad(Int64(p.second), 2)
        if p.millisecond != 0 { text += "." + CivilCalendar.pad(Int64(p.millisecond), 3) }
        if utcOffsetMinutes == 0 {
            text += "Z"
        } else {
            let magnitude = abs(utcOffsetMinutes)
            text += (utcOffsetMinutes < 0 ? "-" : "+") + CivilCalendar.pad(Int64(magnitude / 60), 2) + ":"
                + CivilCalendar.pad(Int64(magnitude % 60), 2)
        }
        return text
    }

    /// The same instant, `minutes` later.
    public func adding(minutes: Int) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + Int64(minutes) * 60_000, utcOffsetMinutes: utcOffsetMinutes)
    }

    /// The same instant written in UTC with `Z`, as the audit views store times.
    public var utc: Timestamp { Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch, utcOffsetMinutes: 0) }

    /// Orders by instant, then by offset (so that the order agrees with equality).
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.millisecondsSinceEpoch, lhs.utcOffsetMinutes) < (rhs.millisecondsSinceEpoch, rhs.utcOffsetMinutes)
    }
}

extension Timestamp {
    /// Reads an `xs:dateTime` with a time zone offset: `[-]yyyy-MM-ddTHH:mm:ss[.fff…](Z|±hh:mm)`.
    ///
    /// Accepts what XSD accepts for such a value (more than four year digits, `24:00:00`), after
    /// whitespace has been collapsed. Returns nil for anything else, or for a value out of range.
    public init?(xsdDateTime text: String) {
        var text = text
        guard let value = text.withUTF8({ Timestamp.parse(DigitScanner($0)) }) else { return nil }
        self = value
    }

    private static func parse(_ scanner: DigitScanner) -> Timestamp? {
        var scanner = scanner
        let negativeYear = scanner.skip("-")
        guard let yearDigits = scanner.digits(min: 4), scanner.skip("-"),
            let month = scanner.digits(exactly: 2), scanner.skip("-"),
            let day = scanner.digits(exactly: 2), scanner.skip("T"),
            let hour = scanner.digits(exactly: 2), scanner.skip(":"),
            let minute = scanner.digits(exactly: 2), scanner.skip(":"),
            let second = scanner.digits(exactly: 2)
        else { return nil }
        var millisecond: Int64 = 0
        if scanner.skip(".") {
            guard let fraction = scanner.fractionMilliseconds() else { return nil }
            millisecond = fraction
        }
        guard let offset = scanner.offset(), scanner.isAtEnd else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year: yearDigits, month: month),
            minute < 60, second < 60, hour < 24 || (hour == 24 && minute == 0 && second == 0 && millisecond == 0),
            yearDigits < 100_000_000
        else { return nil }
        let year = negativeYear ? -yearDigits : yearDigits
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let local = days * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond
        return Timestamp(millisecondsSinceEpoch: local - Int64(offset) * 60_000, utcOffsetMinutes: offset)
    }
}

/// A tiny scanner for the fixed-form lexical spaces of XSD dates and times, over UTF-8 in place.
package struct DigitScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    /// Scans UTF-8 bytes the caller keeps alive.
    package init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Whether everything has been read.
    package var isAtEnd: Bool { index == bytes.count }

    /// Skips `character` if it is next.
    package mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    /// Reads a run of at least `min` digits as a number (nil if it overflows).
    package mutating func digits(min: Int) -> Int64? {
        let start = index
        var value: Int64 = 0
        var overflow = false
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int64(bytes[index] - 0x30))
            overflow = overflow || o1 || o2
            value = plus
            index += 1
        }
        guard index - start >= min, !overflow else { return nil }
        return value
    }

    /// Reads exactly `count` digits as a number.
    package mutating func digits(exactly count: Int) -> Int64? {
        let start = index
        guard let value = digits(min: count), index - start == count else { return nil }
        return value
    }

    /// Reads the digits of a fraction of a second (at least one) as whole milliseconds, cutting off the rest.
    package mutating func fractionMilliseconds() -> Int64? {
        var value: Int64 = 0
        var count = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            if count < 3 { value = value * 10 + Int64(bytes[index] - 0x30) }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        if count < 3 { for _ in count..<3 { value *= 10 } }
        return value
    }

    /// Reads `Z` or `±hh:mm` (hours up to 14) as minutes east of UTC.
    package mutating func offset() -> Int? {
        if skip("Z") { return 0 }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = digits(exactly: 2), skip(":"), let minutes = digits(exactly: 2), minutes < 60,
            hours < 14 || (hours == 14 && minutes == 0)
        else { return nil }
        return sign * Int(hours * 60 + minutes)
    }
}
