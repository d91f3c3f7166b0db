/// A retention period (`bewaartermijn`, `xs:duration`), kept as XSD's value: months and milliseconds.
///
/// `P1Y` and `P12M` are the same value. Precision is one millisecond.
public struct RetentionPeriod: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Years and months, in months (negative for a negative duration).
    public var months: Int64
    /// Days, hours, minutes and seconds, in milliseconds (negative for a negative duration).
    public var milliseconds: Int64

    /// Makes a period from its parts; all parts must have the same sign.
    public init(years: Int64 = 0, months: Int64 = 0, days: Int64 = 0, milliseconds: Int64 = 0) {
        self.months = years * 12 + months
        self.milliseconds = days * 86_400_000 + milliseconds
    }

    /// Whether the period is longer than zero. BOA008 is given for a period of zero or less.
    public var isPositive: Bool { months > 0 || milliseconds > 0 }

    /// The canonical `xs:duration` form, e.g. `P1Y`, `P1Y6M`, `P30D`, `PT12H`, `-P1D`, `PT0S`.
    public var description: String {
        let negative = months < 0 || milliseconds < 0
        let m = months.magnitude
        var ms = milliseconds.magnitude
        var text = negative ? "-P" : "P"
        if m / 12 > 0 { text += "\(m / 12)Y" }
        if m % 12 > 0 { text += "\(m % 12)M" }
        let days = ms / 86_400_000
        ms %= 86_400_000
        if days > 0 { text += "\(days)D" }
        if ms > 0 {
            text += "T"
            let hours = ms / 3_600_000
            let minutes = ms / 60_000 % 60
            let seconds = ms / 1000 % 60
            let fraction = ms % 1000
            if hours > 0 { text += "\(hours)H" }
            if minutes > 0 { text += "\(minutes)M" }
            if seconds > 0 || fraction > 0 {
                text += "\(seconds)"
                if fraction > 0 {
                    var digits = CivilCalendar.pad(Int64(fraction), 3)
                    while digits.hasSuffix("0") { digits.removeLast() }
                    text += "." + digits
                }
                text += "S"
            }
        }
        if text == "P" || text == "-P" { text = "PT0S" }
        return text
    }
}

extension RetentionPeriod {
    /// Reads an `xs:duration`: `[-]P[nY][nM][nD][T[nH][nM][n[.f]S]]` with at least one part.
    /// Returns nil for anything else, or for a value too large to hold.
    public init?(xsdDuration text: String) {
        var bytes = Substring(text)
        var negative = false
        if bytes.first == "-" {
            negative = true
            bytes = bytes.dropFirst()
        }
        guard bytes.first == "P" else { return nil }
        bytes = bytes.dropFirst()
        var months: Int64 = 0
        var milliseconds: Int64 = 0
        var inTime = false
        var sawPart = false
        var sawTimePart = false
        var lastDesignator = 0
        let dateOrder: [Character: Int] = ["Y": 1, "M": 2, "D": 3]
        let timeOrder: [Character: Int] = ["H": 5, "M": 6, "S": 7]
        while let first = bytes.first {
            if first == "T" {
                guard !inTime else { return nil }
                inTime = true
                lastDesignator = 4
                bytes = bytes.dropFirst()
                continue
            }
            let number = bytes.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty else { return nil }
            bytes = bytes.dropFirst(number.count)
            guard let designator = bytes.first else { return nil }
            bytes = bytes.dropFirst()
            guard let order = (inTime ? timeOrder : dateOrder)[designator], order > lastDesignator else { return nil }
            lastDesignator = order
            let parts = number.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, let whole = Int64(parts[0]) else { return nil }
            var fractionMilliseconds: Int64 = 0
            if parts.count == 2 {
                guard designator == "S", inTime, !parts[1].isEmpty, parts[1].allSatisfy(\.isNumber) else { return nil }
                fractionMilliseconds = Int64(String((parts[1] + "00").prefix(3))) ?? 0
            }
            let (factorMonths, factorMilliseconds): (Int64, Int64) =
                switch (inTime, designator) {
                case (false, "Y"): (12, 0)
                case (false, "M"): (1, 0)
                case (false, _): (0, 86_400_000)
                case (true, "H"): (0, 3_600_000)
                case (true, "M"): (0, 60_000)
                default: (0, 1000)
                }
            let (addMonths, overflowA) = whole.multipliedReportingOverflow(by: factorMonths)
            let (addMilliseconds, overflowB) = whole.multipliedReportingOverflow(by: factorMilliseconds)
            guard !overflowA, !overflowB else { return nil }
            let (newMonths, overflowC) = months.addingReportingOverflow(addMonths)
            let (newMilliseconds, overflowD) = milliseconds.addingReportingOverflow(addMilliseconds + fractionMilliseconds)
            guard !overflowC, !overflowD else { return nil }
            months = newMonths
            milliseconds = newMilliseconds
            sawPart = true
            if inTime { sawTimePart = true }
        }
        guard sawPart, !inTime || sawTimePart else { return nil }
        self.months = negative ? -months : months
        self.milliseconds = negative ? -milliseconds : milliseconds
    }
}

extension RetentionPeriod {
    /// When a period that starts at `instant` ends, counted on the Amsterdam calendar: the months are added
    /// to the local date (the 31st becomes the last day of a shorter month, 29 February becomes 28 February
    /// in another year), the rest to the local wall-clock time, so that a year is a calendar year across
    /// summer time changes.
    public func end(startingAt instant: Int64) -> Int64 {
        let offset = Int64(Amsterdam.offsetMinutes(atMilliseconds: instant)) * 60_000
        let local = instant + offset
        let days = floorDiv(local, 86_400_000)
        let millisecondOfDay = local - days * 86_400_000
        let date = LocalDate(daysSinceEpoch: days)
        let monthIndex = Int64(date.year) * 12 + Int64(date.month - 1) + months
        let year = floorDiv(monthIndex, 12)
        let month = monthIndex - year * 12 + 1
        let day = min(Int64(date.day), CivilCalendar.daysInMonth(year: year, month: month))
        let shiftedDays = CivilCalendar.days(year: year, month: month, day: day)
        let total = millisecondOfDay + milliseconds
        let extraDays = floorDiv(total, 86_400_000)
        return Amsterdam.instant(localDays: shiftedDays + extraDays, millisecondOfDay: total - extraDays * 86_400_000)
    }
}
