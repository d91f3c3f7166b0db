import BoaCore
import BoaXML

/// Who gets the technical answer to a refused file, and which kind.
public struct Reply: Hashable, Sendable {
    /// The receiving partner.
    public var partner: Partner
    /// `fout_Fo01` (content) or `fout_Fo03` (envelope).
    public var kind: MessageKind
    /// The `crossRefnummer`: the refused message's reference, when it could be read and is valid.
    public var crossReference: String?
}

/// A refusal: the fault, in words for the partner, and where the answer goes (nil: no answer, the
/// `rejected/` copy and its `.fout.txt` are the answer; KOPPELVLAK §5.2).
public struct Refusal: Hashable, Sendable {
    /// The fault code.
    public var code: FaultCode
    /// What is wrong, in plain words (at most 200 characters: it is the `omschrijving`).
    public var description: String
    /// Details: line, column and message of each problem (at most 1000 characters).
    public var details: String?
    /// The problems with their place, for the `.fout.txt`.
    public var issues: [XMLIssue]
    /// Where the Fo01/Fo03 goes.
    public var reply: Reply?

    /// Makes a refusal.
    public init(code: FaultCode, description: String, details: String? = nil, issues: [XMLIssue] = [], reply: Reply?) {
        self.code = code
        self.description = String(description.prefix(200))
        self.details = details.map { String($0.prefix(1000)) }
        self.issues = issues
        self.reply = reply
    }

    /// The `foutbericht` body.
    public var fault: Fault { Fault(code: code, side: code == .processingFailed ? .server : .client, description: description, details: details) }
}

/// What could be read of a file's envelope, for its `audit_messages` row.
public struct EnvelopeFacts: Hashable, Sendable {
    /// The sender's partner key, nil when unknown.
    public var partner: String?
    /// Root element.
    public var rootElement: String?
    /// `functie`.
    public var function: String?
    /// `berichtcode`.
    public var messageCode: String?
    /// `referentienummer`.
    public var reference: String?
    /// `crossRefnummer`.
    public var crossReference: String?
    /// `tijdstipBericht`.
    public var messageTime: String?
    /// TEST traffic.
    public var isTest: Bool = false
}

/// The envelope and schema judgement of one file, before anything in the database is consulted.
public enum Verdict: Sendable {
    /// Refused; nothing of it is applied.
    case refused(Refusal, EnvelopeFacts)
    /// A valid message from a known partner that may send it; duplicate and content rules follow.
    case message(Message, Partner, EnvelopeFacts)

    /// What is known of the envelope.
    public var facts: EnvelopeFacts {
        switch self {
        case .refused(_, let facts), .message(_, _, let facts): facts
        }
    }
}

/// Judges files against the envelope rules of KOPPELVLAK §3 and §5.2, in this order: too large or not
/// XML; sender and partner folder (StUF013); receiver (StUF010); schema (StUF055); functie allowed
/// (StUF052).
public struct EnvelopeJudge: Sendable {
    /// The partners.
    public var partners: PartnerRegistry
    /// The service's identity (the only accepted `ontvanger`).
    public var service: SystemIdentity
    /// The size cap.
    public var maxFileBytes: Int

    /// Makes a judge.
    public init(partners: PartnerRegistry, service: SystemIdentity, maxFileBytes: Int) {
        self.partners = partners
        self.service = service
        self.maxFileBytes = maxFileBytes
    }

    /// Judges a file that is larger than the cap (nothing of it was read).
    public func judgeTooLarge(size: Int, folder: String?) -> Verdict {
        let fault = MessageReader(maximumSize: maxFileBytes).tooLargeFault(size: size)
        return .refused(
            Refusal(code: .tooLarge, description: "Het bestand is \(size) bytes, groter dan de toegestane \(maxFileBytes) bytes.",
                    issues: fault.issues, reply: folderReply(folder, crossReference: nil)),
            EnvelopeFacts(partner: folder))
    }

    /// Judges the bytes of a file found in `folder` (nil: the top level of the inbox).
    public func judge(_ bytes: [UInt8], folder: String?) -> Verdict {
        let reader = MessageReader(maximumSize: maxFileBytes)
        switch reader.read(bytes) {
        case .success(let message):
            return judge(message, folder: folder)
        case .failure(let fault):
            return judge(fault, folder: folder, size: bytes.count)
        }
    }

    private func folderReply(_ folder: String?, crossReference: String?) -> Reply? {
        folder.flatMap { partners.partner(key: $0) }.map { Reply(partner: $0, kind: .envelopeFault, crossReference: crossReference) }
    }

    private func judge(_ fault: MessageFault, folder: String?, size: Int) -> Verdict {
        if fault.code == .tooLarge { return judgeTooLarge(size: size, folder: folder) }
        let details = fault.details()
        guard fault.code == .schemaInvalid, let sketch = fault.envelope else {
            // Not XML (or no document at all): answered only in a partner folder.
            return .refused(
                Refusal(code: fault.code, description: "Het bestand is geen goedgevormde XML in UTF-8 (een DOCTYPE is nooit toegestaan).",
                        details: details, issues: fault.issues, reply: folderReply(folder, crossReference: nil)),
                EnvelopeFacts(partner: folder))
        }
        var facts = EnvelopeFacts(
            partner: nil, rootElement: sketch.rootName, function: sketch.function, messageCode: nil, reference: sketch.reference,
            messageTime: nil, isTest: sketch.senderAdministration == Administration.test.rawValue)
        facts.messageCode = sketch.rootName.split(separator: "_").last.map(String.init)
        let sender = partners.partner(organisation: sketch.senderOrganisation, application: sketch.senderApplication)
        facts.partner = sender?.key ?? (sketch.senderOrganisation == nil || sketch.senderApplication == nil ? folder : nil)
        if let refusal = identityRefusal(sender: sender, organisation: sketch.senderOrganisation, application: sketch.senderApplication,
                                         folder: folder, reference: sketch.validReference, readable: sketch.senderOrganisation != nil && sketch.senderApplication != nil) {
            return .refused(refusal, facts)
        }
        guard let sender else {
            // No readable envelope: answered (Fo03) only in a partner folder.
            return .refused(
                Refusal(code: .schemaInvalid, description: "Het bericht heeft geen leesbare stuurgegevens en voldoet niet aan het XML-schema.",
                        details: details, issues: fault.issues, reply: folderReply(folder, crossReference: sketch.validReference)),
                facts)
        }
        if let receiver = receiverRefusal(organisation: sketch.receiverOrganisation, application: sketch.receiverApplication, sender: sender, reference: sketch.validReference) {
            return .refused(receiver, facts)
        }
        // A Fo01 needs a crossRefnummer; without a readable reference the answer is a Fo03.
        let reply = sketch.validReference.map { Reply(partner: sender, kind: .contentFault, crossReference: $0) }
            ?? Reply(partner: sender, kind: .envelopeFault, crossReference: nil)
        return .refused(
            Refusal(code: .schemaInvalid, description: "Het bericht voldoet niet aan het XML-schema van BOA-taak 01.00.", details: details,
                    issues: fault.issues, reply: reply),
            facts)
    }

    private func judge(_ message: Message, folder: String?) -> Verdict {
        let envelope = message.envelope
        let kind = message.kind
        let facts = EnvelopeFacts(
            partner: nil, rootElement: kind.rawValue, function: kind.function.rawValue, messageCode: kind.messageCode.rawValue,
            reference: envelope.reference, crossReference: envelope.crossReference, messageTime: envelope.time.digits,
            isTest: envelope.sender.isTest)
        let sender = partners.partner(organisation: envelope.sender.organisation, application: envelope.sender.application)
        var known = facts
        known.partner = sender?.key
        if let refusal = identityRefusal(sender: sender, organisation: envelope.sender.organisation, application: envelope.sender.application,
                                         folder: folder, reference: envelope.reference, readable: true) {
            return .refused(refusal, known)
        }
        guard let sender else { return .refused(Refusal(code: .unknownSender, description: "Onbekende zender.", reply: nil), known) }
        if let refusal = receiverRefusal(organisation: envelope.receiver.organisation, application: envelope.receiver.application, sender: sender, reference: envelope.reference) {
            return .refused(refusal, known)
        }
        guard kind.isInbound, sender.maySend.contains(kind.function) else {
            return .refused(
                Refusal(code: .functionNotAllowed, description: "Deze zender (\(sender.key)) mag functie \(kind.function.rawValue) niet sturen.",
                        reply: Reply(partner: sender, kind: .contentFault, crossReference: envelope.reference)),
                known)
        }
        return .message(message, sender, known)
    }

    /// StUF013: an unknown sender (answered only in a partner folder) or a partner folder holding another
    /// partner's message (answered to the folder's partner).
    private func identityRefusal(sender: Partner?, organisation: String?, application: String?, folder: String?, reference: String?, readable: Bool) -> Refusal? {
        if let folder, let owner = partners.partner(key: folder), sender?.key != folder {
            guard readable else { return nil }  // no readable envelope: StUF055 to the folder's partner, below
            let who = "\(organisation ?? "?")/\(application ?? "?")"
            return Refusal(code: .unknownSender, description: "Het bericht staat in de map van \(owner.key) maar komt van zender \(who).",
                           reply: Reply(partner: owner, kind: .envelopeFault, crossReference: reference))
        }
        if sender == nil, readable {
            let who = "\(organisation ?? "?")/\(application ?? "?")"
            return Refusal(code: .unknownSender, description: "Zender \(who) is geen bekende partner.", reply: nil)
        }
        return nil
    }

    /// StUF010: the `ontvanger` is not the service.
    private func receiverRefusal(organisation: String?, application: String?, sender: Partner, reference: String?) -> Refusal? {
        guard organisation != service.organisation || application != service.application else { return nil }
        return Refusal(
            code: .wrongReceiver,
            description: "De ontvanger \(organisation ?? "?")/\(application ?? "?") is niet deze dienst (\(service.organisation)/\(service.application)).",
            reply: Reply(partner: sender, kind: .envelopeFault, crossReference: reference))
    }
}
