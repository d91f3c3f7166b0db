import BoaCore
@testable import BoaStore
import Foundation
import GRDB

/// Makes a fresh temporary folder.
func temporaryFolder(_ name: String = "boa-store") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A new store in a temporary folder.
func makeStore() throws -> (Store, URL) {
    let folder = try temporaryFolder()
    let url = folder.appendingPathComponent("boa.sqlite")
    return (try Store.open(at: url), url)
}

/// SQLite's query plan for `sql`, its steps joined by "; ".
func queryPlan(_ store: Store, _ sql: String, _ arguments: StatementArguments = []) throws -> String {
    try store.read { db in
        try Row.fetchAll(db.db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }.joined(separator: "; ")
    }
}

/// Milliseconds of an `xs:dateTime`.
func ms(_ text: String) -> Int64 {
    guard let timestamp = Timestamp(xsdDateTime: text) else { fatalError("bad time \(text)") }
    return timestamp.millisecondsSinceEpoch
}

/// A task record with sensible values.
func sampleTask(_ number: TaskNumber, partner: String? = "politie-on", taskId: String? = nil, status: TaskStatus = .received,
                confidentiality: Confidentiality = .normal, retention: RetentionPeriod = RetentionPeriod(years: 1),
                receivedAt: Int64 = ms("2026-12-01T09:00:00+01:00"), inboundId: Int64? = nil) -> TaskRecord {
    TaskRecord(
        taskNumber: number, partner: partner, taskId: partner == nil ? nil : (taskId ?? "ON-\(number.sequence)"),
        origin: partner == nil ? .neighbourhoodRound : .request, inboundId: inboundId, category: .nuisance, priority: .today,
        status: status, confidentiality: confidentiality, legalBasis: .wpgArticle8, retention: retention,
        principal: Principal(unit: "Basisteam Twente-Midden"), description: "Overlast jongeren bij de sporthal",
        location: Location(description: "Speelveld", address: Address(street: "Marktstraat", houseNumber: 12, postcode: "7551DR", town: "Hengelo"),
                           neighbourhood: "BU01640100", point: RDPoint(x: 251_000, y: 476_000)),
        deadline: receivedAt + 86_400_000, durationMinutes: 45, domain: .publicSpace, powers: [.bylaw], minimumTeam: 2, receivedAt: receivedAt)
}

/// An inbound record with sensible values.
func sampleInbound(_ name: String, reference: String, outcome: InboundOutcome = .accepted, at: Int64 = ms("2026-12-01T09:00:00+01:00"),
                   sha: String? = nil) -> InboundRecord {
    InboundRecord(
        fileName: name, partner: "politie-on", rootElement: "taakVerzoek_Di01", function: "taakVerzoek", messageCode: "Di01",
        reference: reference, messageTime: "20261201090000000", sha256: sha ?? sha256Hex(Array(name.utf8)), size: 1200,
        outcome: outcome, faultCode: outcome == .rejected ? "StUF055" : nil, receivedAt: at, decidedAt: outcome == .held ? nil : at)
}
