import BoaCore
import CLibXML2

/// Reads a whole valid document into a ``Message`` and writes a ``Message`` as a document.
enum MessageCodec {
    /// The body element of each root (`bevestiging_Bv03` has none).
    static func bodyName(of kind: MessageKind) -> String? {
        switch kind {
        case .taskRequest: "taak"
        case .taskChange: "wijziging"
        case .taskCancellation, .deploymentWithdrawal: "intrekking"
        case .statusRequest: "statusvraag"
        case .prosecutorInstruction: "opdracht"
        case .roster: "rooster"
        case .unavailability: "afmelding"
        case .fieldReport: "rapport"
        case .acknowledgement: nil
        case .contentFault, .envelopeFault: "foutbericht"
        case .taskReaction: "antwoord"
        case .taskStatus: "taakstatus"
        case .statusAnswer: "statusantwoord"
        case .taskResult: "resultaatmelding"
        case .deployment: "inzet"
        case .careSignal, .underminingSignal: "signaal"
        }
    }

    // MARK: reading

    static func decode(_ document: xmlDocPtr, state: ParseState) throws(MessageFault) -> Message {
        guard let rootNode = xmlDocGetRootElement(document) else {
            throw MessageFault(code: .schemaInvalid, issues: [XMLIssue(line: 1, column: 1, message: "The document has no root element.")])
        }
        let root = Element(node: rootNode, state: state)
        guard let kind = MessageKind(rawValue: root.name) else { throw root.fault("not a root element of the contract.") }
        var children = root.children
        let envelope = try decodeEnvelope(try children.required("stuurgegevens"))
        let body: MessageBody
        if let name = bodyName(of: kind) {
            body = try decodeBody(kind, try children.required(staticName(name)))
        } else {
            body = .acknowledgement
        }
        return Message(envelope: envelope, body: body)
    }

    /// The body names as static strings, for the child cursor.
    private static func staticName(_ name: String) -> StaticString {
        switch name {
        case "taak": "taak"
        case "wijziging": "wijziging"
        case "intrekking": "intrekking"
        case "statusvraag": "statusvraag"
        case "opdracht": "opdracht"
        case "rooster": "rooster"
        case "afmelding": "afmelding"
        case "rapport": "rapport"
        case "foutbericht": "foutbericht"
        case "antwoord": "antwoord"
        case "taakstatus": "taakstatus"
        case "statusantwoord": "statusantwoord"
        case "resultaatmelding": "resultaatmelding"
        case "inzet": "inzet"
        default: "signaal"
        }
    }

    private static func decodeEnvelope(_ element: Element) throws(MessageFault) -> Envelope {
        var c = element.children
        _ = try c.required("berichtcode")
        let sender = try SystemIdentity(reading: try c.required("zender"))
        let receiver = try SystemIdentity(reading: try c.required("ontvanger"))
        let reference = try c.required("referentienummer").string()
        let time = try c.required("tijdstipBericht").messageTime()
        let crossReference = c.optional("crossRefnummer")?.string()
        _ = try c.required("functie")
        return Envelope(sender: sender, receiver: receiver, reference: reference, time: time, crossReference: crossReference)
    }

    private static func decodeBody(_ kind: MessageKind, _ e: Element) throws(MessageFault) -> MessageBody {
        switch kind {
        case .taskRequest: .taskRequest(try TaskRequest(reading: e))
        case .taskChange: .taskChange(try TaskChange(reading: e))
        case .taskCancellation: .taskCancellation(try TaskCancellation(reading: e))
        case .statusRequest: .statusRequest(try StatusRequest(reading: e))
        case .prosecutorInstruction: .prosecutorInstruction(try ProsecutorInstruction(reading: e))
        case .roster: .roster(try Roster(reading: e))
        case .unavailability: .unavailability(try Unavailability(reading: e))
        case .fieldReport: .fieldReport(try FieldReport(reading: e))
        case .acknowledgement: .acknowledgement
        case .contentFault: .contentFault(try Fault(reading: e))
        case .envelopeFault: .envelopeFault(try Fault(reading: e))
        case .taskReaction: .taskReaction(try TaskReaction(reading: e))
        case .taskStatus: .taskStatus(try TaskStatusReport(reading: e))
        case .statusAnswer: .statusAnswer(try StatusAnswer(reading: e))
        case .taskResult: .taskResult(try TaskResultReport(reading: e))
        case .deployment: .deployment(try Deployment(reading: e))
        case .deploymentWithdrawal: .deploymentWithdrawal(try DeploymentWithdrawal(reading: e))
        case .careSignal: .careSignal(try CareSignal(reading: e))
        case .underminingSignal: .underminingSignal(try UnderminingSignal(reading: e))
        }
    }

    // MARK: writing

    static func encode(_ message: Message) -> String {
        let kind = message.kind
        var w = XMLWriter()
        w.startRoot(kind.rawValue)
        w.group("stuurgegevens") { w in
            let envelope = message.envelope
            w.leaf("berichtcode", kind.messageCode.rawValue)
            w.group("zender") { envelope.sender.write(to: &$0) }
            w.group("ontvanger") { envelope.receiver.write(to: &$0) }
            w.leaf("referentienummer", envelope.reference)
            w.leaf("tijdstipBericht", envelope.time)
            w.leaf("crossRefnummer", envelope.crossReference)
            w.leaf("functie", kind.function.rawValue)
        }
        if let name = bodyName(of: kind) {
            w.group(name) { w in
                switch message.body {
                case .taskRequest(let body): body.write(to: &w)
                case .taskChange(let body): body.write(to: &w)
                case .taskCancellation(let body): body.write(to: &w)
                case .statusRequest(let body): body.write(to: &w)
                case .prosecutorInstruction(let body): body.write(to: &w)
                case .roster(let body): body.write(to: &w)
                case .unavailability(let body): body.write(to: &w)
                case .fieldReport(let body): body.write(to: &w)
                case .acknowledgement: break
                case .contentFault(let body), .envelopeFault(let body): body.write(to: &w)
                case .taskReaction(let body): body.write(to: &w)
                case .taskStatus(let body): body.write(to: &w)
                case .statusAnswer(let body): body.write(to: &w)
                case .taskResult(let body): body.write(to: &w)
                case .deployment(let body): body.write(to: &w)
                case .deploymentWithdrawal(let body): body.write(to: &w)
                case .careSignal(let body): body.write(to: &w)
                case .underminingSignal(let body): body.write(to: &w)
                }
            }
        }
        w.end(kind.rawValue)
        return w.text
    }
}

/// Reads what it can of the envelope of any well-formed document, valid or not.
enum EnvelopeReader {
    static func sketch(of document: xmlDocPtr) -> EnvelopeSketch? {
        guard let root = xmlDocGetRootElement(document), let rootName = root.pointee.name else { return nil }
        let namespace = root.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
        var sketch = EnvelopeSketch(rootName: String(cString: rootName), inContractNamespace: namespace == XMLNames.namespace)
        guard let envelope = child(of: root, named: "stuurgegevens") else { return sketch }
        let sender = child(of: envelope, named: "zender")
        let receiver = child(of: envelope, named: "ontvanger")
        sketch.senderOrganisation = sender.flatMap { text(child(of: $0, named: "organisatie")) }
        sketch.senderApplication = sender.flatMap { text(child(of: $0, named: "applicatie")) }
        sketch.senderAdministration = sender.flatMap { text(child(of: $0, named: "administratie")) }
        sketch.receiverOrganisation = receiver.flatMap { text(child(of: $0, named: "organisatie")) }
        sketch.receiverApplication = receiver.flatMap { text(child(of: $0, named: "applicatie")) }
        sketch.reference = text(child(of: envelope, named: "referentienummer"))
        sketch.function = text(child(of: envelope, named: "functie"))
        return sketch
    }

    /// The first child element with this local name in the contract's namespace.
    private static func child(of node: xmlNodePtr, named name: String) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, let childName = current.pointee.name,
                String(cString: childName) == name,
                current.pointee.ns.flatMap({ $0.pointee.href }).map({ String(cString: $0) }) == XMLNames.namespace
            {
                return current
            }
            child = current.pointee.next
        }
        return nil
    }

    private static func text(_ node: xmlNodePtr?) -> String? {
        guard let node, let content = xmlNodeGetContent(node) else { return nil }
        defer { boa_xml_free(content) }
        return String(cString: content)
    }
}
