public import BoaCore

/// What was done, in the processing log's words (VNG verwerkingenlogging: the `actie`).
public struct LogAction: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The word written in `processing_log.actie`.
    public var rawValue: String
    /// Makes an action.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The word.
    public var description: String { rawValue }

    /// A message or task came in.
    public static let received = LogAction(rawValue: "ONTVANGEN")
    /// Data was changed.
    public static let changed = LogAction(rawValue: "GEWIJZIGD")
    /// A task was planned onto officers.
    public static let planned = LogAction(rawValue: "INGEPLAND")
    /// Data was sent to a partner (a transfer).
    public static let sent = LogAction(rawValue: "VERZONDEN")
    /// Data was read through one of boa-coord's own commands.
    public static let read = LogAction(rawValue: "GELEZEN")
    /// Data was deleted.
    public static let deleted = LogAction(rawValue: "VERWIJDERD")
    /// Free text and location were removed after the retention period (the figures stay).
    public static let anonymised = LogAction(rawValue: "GEANONIMISEERD")
    /// A message was refused.
    public static let rejected = LogAction(rawValue: "GEWEIGERD")
}

/// One row of the processing log (verwerkingenlog): who did what to which data, when, why, under which
/// confidentiality and retention.
public struct LogEntry: Hashable, Sendable {
    /// When, in milliseconds since the epoch.
    public var at: Int64
    /// What was done (`actie`).
    public var action: LogAction
    /// The kind of data (`object_type`): `bericht`, `taak`, `boa`, `rooster`, `inzet`, `signaal`, `query`, `log`.
    public var objectType: String
    /// Which data (`object_id`): a task number, a message reference, an officer id.
    public var objectId: String
    /// The component or command that did it (`uitvoerder`), e.g. `boa-coord intake`.
    public var performer: String
    /// The confidentiality of the data touched.
    public var confidentiality: Confidentiality
    /// How long this log row must be kept.
    public var retention: RetentionPeriod
    /// The legal basis of the processing, when it is about task data.
    public var legalBasis: LegalBasis?
    /// The partner the data came from or went to.
    public var partner: String?
    /// Details in plain words (never a person's name).
    public var detail: String?

    /// Makes an entry.
    public init(
        at: Int64, action: LogAction, objectType: String, objectId: String, performer: String,
        confidentiality: Confidentiality = .normal, retention: RetentionPeriod = RetentionPeriod(years: 1),
        legalBasis: LegalBasis? = nil, partner: String? = nil, detail: String? = nil
    ) {
        self.at = at
        self.action = action
        self.objectType = objectType
        self.objectId = objectId
        self.performer = performer
        self.confidentiality = confidentiality
        self.retention = retention
        self.legalBasis = legalBasis
        self.partner = partner
        self.detail = detail
    }
}
