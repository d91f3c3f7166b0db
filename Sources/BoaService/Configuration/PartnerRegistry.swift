public import BoaCore

/// A partner of the service (KOPPELVLAK §3): its key (the folder name), its system identity, what it may
/// send and what it receives.
public struct Partner: Hashable, Sendable {
    /// The key, e.g. `politie-on`: the name of `inbox/<key>/` and `outbox/<key>/`.
    public var key: String
    /// OIN (`organisatie`).
    public var organisation: String
    /// `applicatie`.
    public var application: String
    /// The `functie`s it may send.
    public var maySend: Set<Function>
    /// The `functie`s it receives.
    public var receives: Set<Function>

    /// Makes a partner.
    public init(key: String, organisation: String, application: String, maySend: Set<Function>, receives: Set<Function>) {
        self.key = key
        self.organisation = organisation
        self.application = application
        self.maySend = maySend
        self.receives = receives
    }

    /// The partner as a system in an envelope.
    public var system: SystemIdentity { SystemIdentity(organisation: organisation, application: application) }
}

/// The partners the service knows, by key and by identity.
public struct PartnerRegistry: Hashable, Sendable {
    /// The partners, sorted by key.
    public private(set) var partners: [Partner]

    /// Makes a registry.
    public init(_ partners: [Partner]) {
        self.partners = partners.sorted { $0.key < $1.key }
    }

    /// The partner with this key.
    public func partner(key: String) -> Partner? { partners.first { $0.key == key } }

    /// The partner with this identity.
    public func partner(organisation: String?, application: String?) -> Partner? {
        guard let organisation, let application else { return nil }
        return partners.first { $0.organisation == organisation && $0.application == application }
    }

    /// The keys, sorted.
    public var keys: [String] { partners.map(\.key) }

    /// The default registry of KOPPELVLAK §3.
    public static let standard = PartnerRegistry([
        Partner(key: "politie-on", organisation: "00000099000000000101", application: "GMS",
                maySend: [.taakVerzoek, .taakWijziging, .taakIntrekking, .statusVerzoek],
                receives: [.bevestiging, .fout, .taakReactie, .taakStatus, .taakResultaat, .taakstatusAntwoord, .ondermijningSignaal]),
        Partner(key: "om-on", organisation: "00000099000000000201", application: "GPS",
                maySend: [.omOpdracht, .taakWijziging, .taakIntrekking, .statusVerzoek],
                receives: [.bevestiging, .fout, .taakReactie, .taakStatus, .taakResultaat, .taakstatusAntwoord]),
        Partner(key: "riec-on", organisation: "00000099000000000301", application: "RIEC", maySend: [], receives: [.ondermijningSignaal]),
        Partner(key: "rooster", organisation: "00000099000000000164", application: "ROOSTER",
                maySend: [.rooster, .beschikbaarheid], receives: [.bevestiging, .fout]),
        Partner(key: "boa-app", organisation: "00000099000000000164", application: "BOAAPP",
                maySend: [.veldrapport, .beschikbaarheid], receives: [.bevestiging, .fout, .inzetOpdracht, .inzetIntrekking]),
        Partner(key: "wijkteam", organisation: "00000099000000000164", application: "WIJKTEAM", maySend: [], receives: [.zorgSignaal]),
    ])
}
