import BoaCore
import BoaStore
import BoaXML
import Foundation

/// Ends holds (KOPPELVLAK §4.2, §10): a held change or cancellation whose task is now known is applied, in
/// `tijdstipBericht` order per task, and acknowledged (Bv03); one whose hold has expired
/// (now ≥ receipt + hold) is refused with Fo01 BOA006. Runs after a pass has taken in all its files.
struct HoldKeeper {
    let transaction: StoreTransaction
    let configuration: Configuration
    let home: Home
    let now: Int64
    let performer = "boa-coord intake"

    /// Ends every hold that can end now; returns the file work for holds refused (their `rejected/` copy).
    func run(applier: inout IntakeApplier) throws -> [Archiver.Job] {
        var jobs: [Archiver.Job] = []
        let sender = OutboundSender(transaction: transaction, service: configuration.serviceIdentity, now: now)
        for held in try transaction.heldMessages() {
            guard let record = try transaction.inbound(id: held.inboundId), let partner = configuration.partners.partner(key: held.partner) else {
                try transaction.deleteHeld(held.inboundId)
                continue
            }
            if let task = try transaction.task(partner: held.partner, taskId: held.taskId) {
                guard case .success(let message) = MessageReader(maximumSize: Int.max).read(held.body) else {
                    try transaction.deleteHeld(held.inboundId)
                    continue
                }
                var changes = TaskChanges(transaction: transaction, configuration: configuration, now: now)
                let effect = try changes.apply(message, to: task, partner: partner, inboundId: held.inboundId)
                try transaction.setInboundOutcome(held.inboundId, .accepted, decidedAt: now)
                try transaction.setInboundTask(held.inboundId, taskId: task.id)
                try sender.send(.acknowledgement, to: partner, crossReference: record.reference, inboundId: held.inboundId, taskId: task.id,
                                isTest: record.isTest)
                try transaction.deleteHeld(held.inboundId)
                try log(record, "wachtend bericht toegepast op \(task.taskNumber): \(effect)")
            } else if now >= held.expiresAt {
                let refusal = Refusal(
                    code: FaultCode(.unknownTask),
                    description: "Taak \(held.taskId) van \(held.partner) is na \(configuration.holdMinutes) minuten wachten nog steeds onbekend.",
                    reply: Reply(partner: partner, kind: .contentFault, crossReference: record.reference))
                let answer = try sender.send(.contentFault(refusal.fault), to: partner, crossReference: record.reference, inboundId: held.inboundId,
                                             isTest: record.isTest, faultCode: refusal.code)
                let rejectedPath = try applier.reservePath(folder: "rejected", name: record.fileName)
                var rejected = record
                rejected.outcome = .rejected
                rejected.faultCode = refusal.code.rawValue
                let claim = WorkFolder.Claimed(claimName: record.claimName ?? "", folder: record.inboxFolder, name: record.fileName, path: "")
                let text = FaultFile.text(file: claim, record: rejected, refusal: refusal, answer: answer, home: home)
                try transaction.setInboundOutcome(held.inboundId, .rejected, faultCode: refusal.code.rawValue, faultText: text, decidedAt: now)
                try transaction.setInboundRejectedPath(held.inboundId, rejectedPath)
                try transaction.deleteHeld(held.inboundId)
                try log(record, "wachttijd verstreken: BOA006")
                if let archived = record.archivePath {
                    jobs.append(Archiver.Job(source: home.root.appendingPathComponent(archived).path, archivePath: nil, rejectedPath: rejectedPath, faultText: text))
                }
            }
        }
        return jobs
    }

    private func log(_ record: InboundRecord, _ detail: String) throws {
        try transaction.appendLog(LogEntry(
            at: now, action: .changed, objectType: "bericht", objectId: record.reference ?? "inbound-\(record.id)", performer: performer,
            retention: RetentionPeriod(years: 1), partner: record.partner, detail: detail))
    }
}
