/// A fault code of a `foutbericht` (KOPPELVLAK §6.6): StUF codes, `NIETXML`, `TEGROOT` and BOA codes.
///
/// A struct rather than an enum because the contract allows any code of 1 to 7 characters on the wire;
/// the codes the service itself uses are the static members.
public struct FaultCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The code as it appears on the wire, e.g. `StUF055`.
    public var rawValue: String

    /// Makes a code from its wire form.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The code of a task reason, e.g. `BOA006`.
    public init(_ reason: ReasonCode) { self.rawValue = reason.rawValue }

    /// The wire form.
    public var description: String { rawValue }

    /// `StUF010`: the ontvanger is not the service.
    public static let wrongReceiver = FaultCode(rawValue: "StUF010")
    /// `StUF013`: unknown sender, or a partner folder holding another partner's message.
    public static let unknownSender = FaultCode(rawValue: "StUF013")
    /// `StUF016`: a known referentienummer of that sender with other content.
    public static let referenceReused = FaultCode(rawValue: "StUF016")
    /// `StUF052`: functie not allowed for this sender.
    public static let functionNotAllowed = FaultCode(rawValue: "StUF052")
    /// `StUF055`: not valid against the schema.
    public static let schemaInvalid = FaultCode(rawValue: "StUF055")
    /// `StUF058`: processing failed for a reason that retrying will not mend.
    public static let processingFailed = FaultCode(rawValue: "StUF058")
    /// `NIETXML`: not well-formed XML, a DOCTYPE, or another encoding than UTF-8.
    public static let notXML = FaultCode(rawValue: "NIETXML")
    /// `TEGROOT`: larger than the configured maximum file size.
    public static let tooLarge = FaultCode(rawValue: "TEGROOT")
}
