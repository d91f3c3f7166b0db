import BoaCore
import BoaStore
import BoaXML

/// Makes outbound messages inside a transaction (transactional outbox): the envelope, a new reference,
/// the document, the file name of KOPPELVLAK §1, and the pending `outbound_message` row. The file
/// follows only after the commit (``Publisher``).
struct OutboundSender {
    let transaction: StoreTransaction
    let service: SystemIdentity
    let now: Int64

    /// The outbox file name: `<zender-organisatie>_<referentienummer>_<berichtcode>_<functie>.xml`.
    static func fileName(service: SystemIdentity, reference: String, kind: MessageKind) -> String {
        "\(service.organisation)_\(reference)_\(kind.messageCode.rawValue)_\(kind.function.rawValue).xml"
    }

    /// Records a message to `partner`; returns its row.
    @discardableResult
    func send(_ body: MessageBody, to partner: Partner, crossReference: String? = nil, inboundId: Int64? = nil, taskId: Int64? = nil,
              isTest: Bool = false, faultCode: FaultCode? = nil) throws -> OutboundRecord {
        let reference = try transaction.nextOutboundReference()
        var sender = service
        if isTest { sender.administration = .test }
        let message = Message(
            envelope: Envelope(sender: sender, receiver: partner.system, reference: reference, time: MessageTime(atMilliseconds: now),
                               crossReference: crossReference),
            body: body)
        let kind = message.kind
        var record = OutboundRecord(
            partner: partner.key, function: kind.function.rawValue, messageCode: kind.messageCode.rawValue, reference: reference,
            crossReference: crossReference, faultCode: faultCode?.rawValue, inboundId: inboundId, taskId: taskId, isTest: isTest,
            fileName: OutboundSender.fileName(service: service, reference: reference, kind: kind), body: MessageWriter.encode(message),
            createdAt: now)
        record.id = try transaction.insertOutbound(record)
        return record
    }
}
