/// A system in the envelope (StUF `Systeem`): organisation and application identify a partner.
public struct SystemIdentity: Hashable, Sendable, Codable {
    /// The organisation's OIN, 20 digits (`organisatie`).
    public var organisation: String
    /// The application (`applicatie`), 3 to 50 characters.
    public var application: String
    /// `PROD` or `TEST` (`administratie`); nil when absent, which means `PROD`.
    public var administration: Administration?
    /// The user or process (`gebruiker`), 1 to 100 characters, if given.
    public var user: String?

    /// Makes a system identity.
    public init(organisation: String, application: String, administration: Administration? = nil, user: String? = nil) {
        self.organisation = organisation
        self.application = application
        self.administration = administration
        self.user = user
    }

    /// Whether messages from this system are test messages (KOPPELVLAK §10: `administratie` is `TEST`).
    public var isTest: Bool { administration == .test }

    /// The service itself as sender or receiver: OIN `00000099000000000164`, applicatie `BOATAAK`.
    public static let service = SystemIdentity(organisation: "00000099000000000164", application: "BOATAAK")
}

/// The envelope of a message (StUF `stuurgegevens`), without `berichtcode` and `functie`:
/// those follow from the message kind.
public struct Envelope: Hashable, Sendable, Codable {
    /// The sending system (`zender`).
    public var sender: SystemIdentity
    /// The receiving system (`ontvanger`).
    public var receiver: SystemIdentity
    /// This message's reference, unique per sender (`referentienummer`).
    public var reference: String
    /// When the message was made (`tijdstipBericht`).
    public var time: MessageTime
    /// The reference of the message this one answers (`crossRefnummer`).
    public var crossReference: String?

    /// Makes an envelope.
    public init(sender: SystemIdentity, receiver: SystemIdentity, reference: String, time: MessageTime, crossReference: String? = nil) {
        self.sender = sender
        self.receiver = receiver
        self.reference = reference
        self.time = time
        self.crossReference = crossReference
    }
}

/// A whole message: envelope and body.
public struct Message: Hashable, Sendable, Codable {
    /// The envelope.
    public var envelope: Envelope
    /// The body, which fixes the root element, `functie` and `berichtcode`.
    public var body: MessageBody

    /// Makes a message.
    public init(envelope: Envelope, body: MessageBody) {
        self.envelope = envelope
        self.body = body
    }

    /// The root element of this message.
    public var kind: MessageKind { body.kind }
}
