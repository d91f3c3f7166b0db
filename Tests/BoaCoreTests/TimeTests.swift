import BoaCore
import Testing

@Suite struct TimeTests {
    /// Milliseconds of a UTC wall-clock time.
    func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) -> Int64 {
        LocalDate(year: y, month: m, day: d).daysSinceEpoch * 86_400_000 + Int64(h * 3_600_000 + min * 60_000)
    }

    @Test func amsterdamSwitchesAtOneUTCOnTheLastSundays() {
        // 2026: summer time from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC.
        #expect(Amsterdam.offsetMinutes(atMilliseconds: utc(2026, 3, 29, 0, 59)) == 60)
        #expect(Amsterdam.offsetMinutes(atMilliseconds: utc(2026, 3, 29, 1, 0)) == 120)
        #expect(Amsterdam.offsetMinutes(atMilliseconds: utc(2026, 10, 25, 0, 59)) == 120)
        #expect(Amsterdam.offsetMinutes(atMilliseconds: utc(2026, 10, 25, 1, 0)) == 60)
        #expect(Amsterdam.offsetMinutes(atMilliseconds: utc(2026, 12, 1, 12)) == 60)
        #expect(Amsterdam.offsetMinutes(atMilliseconds: utc(2027, 7, 1, 12)) == 120)
        // 2027: 28 March and 31 October.
        #expect(Amsterdam.offsetMinutes(atMilliseconds: utc(2027, 3, 28, 1, 0)) == 120)
        #expect(Amsterdam.offsetMinutes(atMilliseconds: utc(2027, 10, 31, 0, 59)) == 120)
        #expect(Amsterdam.offsetMinutes(atMilliseconds: utc(2027, 10, 31, 1, 0)) == 60)
    }

    @Test func localMidnightAndDates() {
        let december = LocalDate(year: 2026, month: 12, day: 1)
        #expect(Amsterdam.startOfDay(december) == utc(2026, 11, 30, 23))
        let july = LocalDate(year: 2026, month: 7, day: 1)
        #expect(Amsterdam.startOfDay(july) == utc(2026, 6, 30, 22))
        // 23:30 UTC on 30 November is already 1 December in Amsterdam.
        #expect(Amsterdam.localDate(atMilliseconds: utc(2026, 11, 30, 23, 30)) == december)
        #expect(Amsterdam.localDate(atMilliseconds: utc(2026, 11, 30, 22, 59)) == LocalDate(year: 2026, month: 11, day: 30))
    }

    @Test func ambiguousAndMissingLocalTimes() {
        let autumn = LocalDate(year: 2026, month: 10, day: 25).daysSinceEpoch
        // 02:30 happens twice: the first (summer time) is taken.
        #expect(Amsterdam.instant(localDays: autumn, millisecondOfDay: 150 * 60_000) == utc(2026, 10, 25, 0, 30))
        let spring = LocalDate(year: 2026, month: 3, day: 29).daysSinceEpoch
        // 02:30 does not exist: read with the winter offset it is 01:30 UTC, 03:30 summer time.
        #expect(Amsterdam.instant(localDays: spring, millisecondOfDay: 150 * 60_000) == utc(2026, 3, 29, 1, 30))
    }

    @Test func timestampsReadEveryXSDForm() throws {
        let plain = try #require(Timestamp(xsdDateTime: "2026-12-01T23:00:00+01:00"))
        #expect(plain.millisecondsSinceEpoch == utc(2026, 12, 1, 22))
        #expect(plain.utcOffsetMinutes == 60)
        #expect(plain.description == "2026-12-01T23:00:00+01:00")
        let zulu = try #require(Timestamp(xsdDateTime: "2026-12-01T22:00:00.5Z"))
        #expect(zulu.millisecondsSinceEpoch == utc(2026, 12, 1, 22) + 500)
        #expect(zulu.description == "2026-12-01T22:00:00.500Z")
        let midnight = try #require(Timestamp(xsdDateTime: "2026-12-01T24:00:00+01:00"))
        #expect(midnight.millisecondsSinceEpoch == utc(2026, 12, 1, 23))
        #expect(Timestamp(xsdDateTime: "2026-12-01T23:00:00") == nil, "an offset is required")
        #expect(Timestamp(xsdDateTime: "2026-02-30T10:00:00Z") == nil)
        #expect(Timestamp(xsdDateTime: "2026-12-01T24:00:01Z") == nil)
        #expect(Timestamp(xsdDateTime: "2026-12-01T10:00:00+15:00") == nil)
        let far = try #require(Timestamp(xsdDateTime: "12026-01-01T00:00:00Z"))
        #expect(far.description == "12026-01-01T00:00:00Z")
    }

    @Test func messageTimeChecksDigitRangesButNotTheCalendar() throws {
        #expect(MessageTime("20261201091500000") != nil)
        #expect(MessageTime("20260230091500000") != nil, "30 February passes")
        #expect(MessageTime("20261301091500000") == nil)
        #expect(MessageTime("20261200091500000") == nil)
        #expect(MessageTime("20261201241500000") == nil)
        #expect(MessageTime("20261201096000000") == nil)
        #expect(MessageTime("2026120109150000") == nil)
        #expect(try #require(MessageTime("20261201091500000")) < #require(MessageTime("20261201091500001")))
        // Winter: UTC 08:15 is 09:15 in Amsterdam.
        #expect(MessageTime(atMilliseconds: utc(2026, 12, 1, 8, 15)).digits == "20261201091500000")
        #expect(MessageTime(atMilliseconds: utc(2026, 7, 1, 8, 15)).digits == "20260701101500000")
    }

    @Test func retentionPeriods() throws {
        #expect(RetentionPeriod(xsdDuration: "P1Y") == RetentionPeriod(years: 1))
        #expect(RetentionPeriod(xsdDuration: "P12M") == RetentionPeriod(years: 1))
        #expect(try #require(RetentionPeriod(xsdDuration: "P1Y6M")).description == "P1Y6M")
        #expect(try #require(RetentionPeriod(xsdDuration: "PT36H")).description == "P1DT12H")
        #expect(try #require(RetentionPeriod(xsdDuration: "P0Y")).isPositive == false)
        #expect(try #require(RetentionPeriod(xsdDuration: "-P1D")).isPositive == false)
        #expect(try #require(RetentionPeriod(xsdDuration: "PT0.5S")).isPositive)
        #expect(try #require(RetentionPeriod(xsdDuration: "PT0S")).description == "PT0S")
        for bad in ["P", "PT", "1Y", "P1S", "PT1Y", "P1M1Y", "P1.5Y", "P-1Y", "P99999999999999999999Y"] {
            #expect(RetentionPeriod(xsdDuration: bad) == nil, "\(bad)")
        }
    }

    @Test func taskNumbers() throws {
        let number = try #require(TaskNumber("T2026-000123"))
        #expect(number == TaskNumber(year: 2026, sequence: 123))
        #expect(number.description == "T2026-000123")
        for bad in ["T2026-00012", "X2026-000123", "T2026_000123", "T20a6-000123"] { #expect(TaskNumber(bad) == nil) }
    }

    @Test func codeListDefaults() {
        #expect(Category.environment.defaultDomain == .environment)
        #expect(Category.schoolAttendance.defaultDomain == .education)
        #expect(Category.event.defaultDurationMinutes == 240)
        #expect(Category.integratedCheck.defaultDurationMinutes == 180)
        #expect(LegalBasis.wpgArticle9.defaultRetention == RetentionPeriod(years: 5))
        #expect(LegalBasis.gdprCare.defaultRetention == RetentionPeriod(years: 1))
        #expect(Confidentiality.normal < .confidential && Confidentiality.confidential < .strict)
        #expect(MessageKind.allCases.count == 19)
        #expect(MessageKind.allCases.filter(\.isInbound).count == 8)
        for kind in MessageKind.allCases {
            #expect(kind.rawValue == "\(kind.function.rawValue)_\(kind.messageCode.rawValue)")
        }
    }
}
