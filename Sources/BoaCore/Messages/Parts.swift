/// A Dutch address (`adres`).
public struct Address: Hashable, Sendable, Codable {
    /// Street name (`straatnaam`).
    public var street: String
    /// House number (`huisnummer`), 1 to 99999.
    public var houseNumber: Int
    /// House letter (`huisletter`).
    public var houseLetter: String?
    /// House number addition (`huisnummertoevoeging`).
    public var houseNumberAddition: String?
    /// Postcode, e.g. `7551AB`.
    public var postcode: String
    /// Town (`woonplaats`).
    public var town: String

    /// Makes an address.
    public init(street: String, houseNumber: Int, houseLetter: String? = nil, houseNumberAddition: String? = nil, postcode: String, town: String) {
        self.street = street
        self.houseNumber = houseNumber
        self.houseLetter = houseLetter
        self.houseNumberAddition = houseNumberAddition
        self.postcode = postcode
        self.town = town
    }
}

/// Where work is (`locatie`): an optional description, address and neighbourhood, and an RD point.
public struct Location: Hashable, Sendable, Codable {
    /// Description of the place (`omschrijving`).
    public var description: String?
    /// Address (`adres`).
    public var address: Address?
    /// CBS neighbourhood code (`buurtcode`), e.g. `BU01640304`.
    public var neighbourhood: String?
    /// RD point (`punt`).
    public var point: RDPoint

    /// Makes a location.
    public init(description: String? = nil, address: Address? = nil, neighbourhood: String? = nil, point: RDPoint) {
        self.description = description
        self.address = address
        self.neighbourhood = neighbourhood
        self.point = point
    }
}

/// The window of a task (`tijdvak`).
public struct TimeWindow: Hashable, Sendable, Codable {
    /// Work starts no earlier than this (`gewenstAanvang`); nil means from receipt.
    public var earliestStart: Timestamp?
    /// Work finishes no later than this (`uiterlijkGereed`).
    public var deadline: Timestamp

    /// Makes a window.
    public init(earliestStart: Timestamp? = nil, deadline: Timestamp) {
        self.earliestStart = earliestStart
        self.deadline = deadline
    }
}

/// Safety information (`veiligheid`).
public struct Safety: Hashable, Sendable, Codable {
    /// Violence is expected (`geweldVerwacht`): the task is for the police (BOA003).
    public var violenceExpected: Bool
    /// Explanation (`toelichting`).
    public var explanation: String?

    /// Makes safety information.
    public init(violenceExpected: Bool, explanation: String? = nil) {
        self.violenceExpected = violenceExpected
        self.explanation = explanation
    }
}

/// The requesting unit and role (`opdrachtgever`), never a person's name.
public struct Principal: Hashable, Sendable, Codable {
    /// The unit (`eenheid`).
    public var unit: String
    /// The role (`rol`).
    public var role: String?

    /// Makes a principal.
    public init(unit: String, role: String? = nil) {
        self.unit = unit
        self.role = role
    }
}

/// One outcome of a task (`resultaat`).
public struct Outcome: Hashable, Sendable, Codable {
    /// What came of it (`code`).
    public var code: ResultCode
    /// Offence code (`feitcode`), e.g. `R315`.
    public var offenceCode: String?
    /// Official report number (`pvNummer`).
    public var reportNumber: String?

    /// Makes an outcome.
    public init(code: ResultCode, offenceCode: String? = nil, reportNumber: String? = nil) {
        self.code = code
        self.offenceCode = offenceCode
        self.reportNumber = reportNumber
    }
}

/// The service's task number (`taakNummer`): `T`, the year of receipt, `-`, six digits.
public struct TaskNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The local year of receipt.
    public var year: Int
    /// The sequence number within the year, 0 to 999999.
    public var sequence: Int

    /// Makes a task number.
    public init(year: Int, sequence: Int) {
        self.year = year
        self.sequence = sequence
    }

    /// Reads `T2026-000123`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 12, bytes[0] == UInt8(ascii: "T"), bytes[5] == UInt8(ascii: "-"),
            let year = Int(String(decoding: bytes[1..<5], as: UTF8.self)),
            let sequence = Int(String(decoding: bytes[6..<12], as: UTF8.self)),
            bytes[1..<5].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), bytes[6..<12].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        self.init(year: year, sequence: sequence)
    }

    /// `T2026-000123`.
    public var description: String {
        "T" + CivilCalendar.pad(Int64(year), 4) + "-" + CivilCalendar.pad(Int64(sequence), 6)
    }

    /// Orders by year, then sequence.
    public static func < (lhs: TaskNumber, rhs: TaskNumber) -> Bool { (lhs.year, lhs.sequence) < (rhs.year, rhs.sequence) }
}
