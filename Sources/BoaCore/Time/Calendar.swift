/// Proleptic Gregorian calendar arithmetic on plain integers, independent of the host's time zone data.
///
/// The algorithms are Howard Hinnant's `days_from_civil` and `civil_from_days`; they hold for every year
/// an `Int64` count of days can reach, negative years included.
package enum CivilCalendar {
    /// Days since 1970-01-01 of a year, month (1...12) and day (1...31).
    ///
    /// Days past the end of the month roll over into the next one (30 February is 2 March), which is what
    /// the contract's unchecked `tijdstipBericht` needs.
    package static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The year, month and day of a count of days since 1970-01-01.
    package static func date(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Day of the week of a count of days since 1970-01-01: 0 is Sunday, 6 is Saturday.
    package static func weekday(days: Int64) -> Int64 {
        let w = (days + 4) % 7
        return w >= 0 ? w : w + 7
    }

    /// Whether a year is a leap year.
    package static func isLeapYear(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month.
    package static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Writes `value` with at least `width` digits, padding with zeros.
    package static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        return value < 0 ? "-" + padded : padded
    }
}
