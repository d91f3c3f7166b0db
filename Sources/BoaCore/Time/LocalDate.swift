/// A calendar day (`datum`, `xs:date`), local to Europe/Amsterdam.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to 31.
    public var day: Int

    /// Makes a date from its parts; the parts are taken as given.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date a number of days after 1970-01-01.
    public init(daysSinceEpoch: Int64) {
        let (y, m, d) = CivilCalendar.date(days: daysSinceEpoch)
        self.init(year: Int(y), month: Int(m), day: Int(d))
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int64 {
        CivilCalendar.days(year: Int64(year), month: Int64(month), day: Int64(day))
    }

    /// The date `count` days later (or earlier, when negative).
    public func adding(days count: Int) -> LocalDate {
        LocalDate(daysSinceEpoch: daysSinceEpoch + Int64(count))
    }

    /// ISO 8601 form `yyyy-MM-dd`, as `xs:date` writes it.
    public var description: String {
        "\(CivilCalendar.pad(Int64(year), 4))-\(CivilCalendar.pad(Int64(month), 2))-\(CivilCalendar.pad(Int64(day), 2))"
    }

    /// Compares by calendar order.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension LocalDate {
    /// Reads an `xs:date`: `[-]yyyy-MM-dd`, optionally followed by a time zone (which a calendar day of
    /// the contract ignores: every `datum` is local to Europe/Amsterdam).
    public init?(xsdDate text: String) {
        var text = text
        guard let value = text.withUTF8({ LocalDate.parse(DigitScanner($0)) }) else { return nil }
        self = value
    }

    private static func parse(_ scanner: DigitScanner) -> LocalDate? {
        var scanner = scanner
        let negative = scanner.skip("-")
        guard let year = scanner.digits(min: 4), scanner.skip("-"), let month = scanner.digits(exactly: 2),
            scanner.skip("-"), let day = scanner.digits(exactly: 2)
        else { return nil }
        if !scanner.isAtEnd { guard scanner.offset() != nil, scanner.isAtEnd else { return nil } }
        guard (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month),
            year < 100_000_000
        else { return nil }
        return LocalDate(year: Int(negative ? -year : year), month: Int(month), day: Int(day))
    }
}
