/// Local time in Europe/Amsterdam, computed from the EU summer-time rule rather than the host's tz data.
///
/// Since 1996 the Netherlands keep CET (UTC+1) and, from the last Sunday of March 01:00 UTC until the
/// last Sunday of October 01:00 UTC, CEST (UTC+2). Computing this directly keeps every result the same on
/// every machine, whatever its time zone database, which the determinism rule asks for.
public enum Amsterdam {
    private static let millisecondsPerDay: Int64 = 86_400_000
    private static let millisecondsPerHour: Int64 = 3_600_000

    /// The start of summer time in a year, in milliseconds since the epoch (UTC).
    static func summerTimeStart(year: Int64) -> Int64 {
        lastSunday(year: year, month: 3) * millisecondsPerDay + millisecondsPerHour
    }

    /// The end of summer time in a year, in milliseconds since the epoch (UTC).
    static func summerTimeEnd(year: Int64) -> Int64 {
        lastSunday(year: year, month: 10) * millisecondsPerDay + millisecondsPerHour
    }

    private static func lastSunday(year: Int64, month: Int64) -> Int64 {
        let last = CivilCalendar.days(year: year, month: month, day: CivilCalendar.daysInMonth(year: year, month: month))
        return last - CivilCalendar.weekday(days: last)
    }

    /// The UTC offset in minutes (60 or 120) at an instant.
    public static func offsetMinutes(atMilliseconds instant: Int64) -> Int {
        // The year of the instant in UTC is the right one to test: both switches happen at 01:00 UTC,
        // far from a year boundary.
        let year = CivilCalendar.date(days: floorDiv(instant, millisecondsPerDay)).year
        return (instant >= summerTimeStart(year: year) && instant < summerTimeEnd(year: year)) ? 120 : 60
    }

    /// The instant of a local wall-clock time.
    ///
    /// A time that occurs twice (the last Sunday of October, 02:00–03:00) is taken the first time, in summer
    /// time; a time that does not exist (the last Sunday of March, 02:00–03:00) is read with the winter offset,
    /// which puts it an hour later in summer time, as clocks do.
    public static func instant(localDays days: Int64, millisecondOfDay: Int64) -> Int64 {
        let local = days * millisecondsPerDay + millisecondOfDay
        let asSummer = local - 2 * millisecondsPerHour
        if offsetMinutes(atMilliseconds: asSummer) == 120 { return asSummer }
        return local - millisecondsPerHour
    }

    /// The instant local midnight starts a day.
    public static func startOfDay(_ date: LocalDate) -> Int64 {
        instant(localDays: date.daysSinceEpoch, millisecondOfDay: 0)
    }

    /// The local calendar day of an instant.
    public static func localDate(atMilliseconds instant: Int64) -> LocalDate {
        let local = instant + Int64(offsetMinutes(atMilliseconds: instant)) * 60_000
        return LocalDate(daysSinceEpoch: floorDiv(local, millisecondsPerDay))
    }

    /// A timestamp at an instant, carrying the Amsterdam offset of that moment.
    public static func timestamp(atMilliseconds instant: Int64) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: instant, utcOffsetMinutes: offsetMinutes(atMilliseconds: instant))
    }
}

/// Floor division, rounding towards negative infinity.
package func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
