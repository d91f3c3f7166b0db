import BoaCore
import BoaSamples
import BoaStore
import Foundation
import GRDB

/// Builds a large database in the store's schema for timing the audit queries: two years of a busy
/// region's traffic (tasks with their messages, statuses, assignments) and a long processing log.
/// Rows are written by raw statements with synchronous=OFF, since only the queries are measured.
enum AuditDatabase {
    static func build(url: URL, tasks: Int, logRows: Int) throws {
        _ = try Store.open(at: url)  // schema, indexes, triggers, views
        var configuration = GRDB.Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -262144")
        }
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        var random = SeededRandom(seed: 2026)
        let start = Amsterdam.startOfDay(LocalDate(year: 2025, month: 1, day: 1))
        let end = Amsterdam.startOfDay(LocalDate(year: 2026, month: 12, day: 1))
        let span = end - start
        let officers = 500
        let partners = ["politie-on", "politie-on", "politie-on", "om-on"]
        let categories = Category.allCases.map(\.rawValue)
        let rejectedCodes = ["NIETXML", "StUF055", "StUF013", "StUF055", "BOA006"]
        try queue.write { db in
            for index in 1...officers {
                try db.execute(sql: "INSERT INTO officer (boa_id, screening, actief, updated_at) VALUES (?, ?, 1, '2025-01-01T00:00:00.000Z')",
                               arguments: ["BOA-\(CivilCalendar.pad(Int64(index), 4))", index % 10 == 0 ? "STRIKT" : (index % 3 == 0 ? "VERTROUWELIJK" : "NORMAAL")])
            }
        }
        let everyone = Array(1...officers)
        let screened: [String: [Int]] = [
            "STRIKT": everyone.filter { $0 % 10 == 0 }, "VERTROUWELIJK": everyone.filter { $0 % 10 == 0 || $0 % 3 == 0 }, "NORMAAL": everyone,
        ]
        var sequences: [Int: Int] = [:]
        let chunk = 20_000
        var made = 0
        while made < tasks {
            let count = min(chunk, tasks - made)
            try queue.write { db in
                let inbound = try db.cachedStatement(sql: "INSERT INTO inbound_message (file_name, partner, root_element, functie, berichtcode, referentienummer, tijdstip_bericht, is_test, sha256, size, outcome, fault_code, fault_text, received_at, decided_at, archive_path) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                let task = try db.cachedStatement(sql: "INSERT INTO task (taak_nummer, partner, taak_id, soort, inbound_id, is_test, categorie, prioriteit, status, vertrouwelijkheid, grondslag, bewaartermijn, omschrijving, buurtcode, x, y, uiterlijk_gereed, duur_minuten, domein, minimale_bezetting, received_at, first_planned_at, completed_at, closed_at, reden_code, reactie, reactie_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                let status = try db.cachedStatement(sql: "INSERT INTO task_status (task_id, status, at, inbound_id) VALUES (?,?,?,?)")
                let link = try db.cachedStatement(sql: "UPDATE inbound_message SET task_id = ? WHERE id = ?")
                let assignment = try db.cachedStatement(sql: "INSERT INTO assignment (task_id, boa_id, planned_start, planned_end, state, created_at, ended_at) VALUES (?,?,?,?,?,?,?)")
                let outbound = try db.cachedStatement(sql: "INSERT INTO outbound_message (partner, functie, berichtcode, referentienummer, cross_refnummer, inbound_id, task_id, file_name, body, sha256, state, created_at, published_at, first_published_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                let body = Data(repeating: 0x20, count: 120)
                for offset in 0..<count {
                    let index = made + offset
                    let received = start + Int64(index) * span / Int64(tasks)
                    let at = StoreTime.text(received)
                    let year = Amsterdam.localDate(atMilliseconds: received).year
                    let sequence = (sequences[year] ?? 0) + 1
                    sequences[year] = sequence
                    let number = "T\(year)-\(CivilCalendar.pad(Int64(sequence), 6))"
                    let partner = partners[index % partners.count]
                    let reference = "\(partner == "om-on" ? "GPS" : "GMS")-\(index)"
                    let isTest = random.chance(0.01)
                    let roll = random.int(0...99)
                    let rejected = random.chance(0.02)
                    try inbound.execute(arguments: [
                        "m\(index).xml", partner, "taakVerzoek_Di01", "taakVerzoek", "Di01", reference, "20261201090000000", isTest,
                        String(format: "%064llx", UInt64(index)), 1500, rejected ? "REJECTED" : "ACCEPTED", rejected ? rejectedCodes[index % rejectedCodes.count] : nil,
                        rejected ? "fout" : nil, at, at, "archive/x/m\(index).xml",
                    ])
                    let inboundId = db.lastInsertedRowID
                    if rejected { continue }
                    var statusName: String
                    var reason: String?
                    switch roll {
                    case 0..<78: statusName = "AFGEROND"
                    case 78..<84:
                        statusName = "GEWEIGERD"
                        reason = ["BOA004", "BOA001", "BOA003", "BOA010", "BOA002"][index % 5]
                    case 84..<89: statusName = "INGETROKKEN"
                    case 89..<92: statusName = "OVERGEDRAGEN_POLITIE"
                    case 92..<96: statusName = "INGEPLAND"
                    default: statusName = "GEACCEPTEERD"
                    }
                    // Work still open is recent: older open work would long have been planned or declined.
                    let isOpen = statusName == "INGEPLAND" || statusName == "GEACCEPTEERD"
                    if isOpen && end - received > 3 * 86_400_000 { statusName = "AFGEROND" }
                    let planned = statusName != "GEWEIGERD" && statusName != "GEACCEPTEERD"
                    let plannedAt = received + Int64(random.int(1...240)) * 60_000
                    let closed = ["AFGEROND", "GEWEIGERD", "INGETROKKEN", "OVERGEDRAGEN_POLITIE"].contains(statusName)
                    let closedAt = plannedAt + Int64(random.int(30...2880)) * 60_000
                    let confidentiality = random.chance(0.02) ? "STRIKT" : (random.chance(0.1) ? "VERTROUWELIJK" : "NORMAAL")
                    let teamSize = random.chance(0.6) ? 2 : 1
                    // The reaction its taakReactie (below) gave, as the planning step records it: planned work was
                    // accepted, accepted-unplanned work provisionally, the rest declined. (Without it every closed task
                    // looked like one still owed a reaction, which no task of the running service is for long.)
                    let reaction = planned ? "ACCEPT" : (statusName == "GEACCEPTEERD" ? "PROVISIONAL" : "DECLINE")
                    try task.execute(arguments: [
                        number, partner, "ON-\(index)", partner == "om-on" ? "OM_OPDRACHT" : "VERZOEK", inboundId, isTest, categories[index % categories.count],
                        random.int(1...4), statusName, confidentiality, confidentiality == "STRIKT" ? "WPG_ART9" : "WPG_ART8", "P1Y", "Omschrijving van de taak",
                        "BU0164\(CivilCalendar.pad(Int64(random.int(0...60)), 4))", 251_000.0 + Double(random.int(-5000...5000)), 476_000.0 + Double(random.int(-5000...5000)),
                        StoreTime.text(received + 86_400_000), 45, "I", teamSize, at, planned ? StoreTime.text(plannedAt) : nil,
                        statusName == "AFGEROND" ? StoreTime.text(closedAt) : nil, closed ? StoreTime.text(closedAt) : nil, reason,
                        reaction, StoreTime.text(received + 500),
                    ])
                    let taskId = db.lastInsertedRowID
                    try link.execute(arguments: [taskId, inboundId])
                    try status.execute(arguments: [taskId, "ONTVANGEN", at, inboundId])
                    if planned { try status.execute(arguments: [taskId, "INGEPLAND", StoreTime.text(plannedAt), nil]) }
                    if closed { try status.execute(arguments: [taskId, statusName, StoreTime.text(closedAt), nil]) }
                    if planned {
                        var used: Set<Int> = []
                        // Officers screened for the task (every 10th is STRIKT, every 3rd at least VERTROUWELIJK).
                        let eligible = screened[confidentiality] ?? everyone
                        for _ in 0..<teamSize {
                            var officer = random.pick(eligible)
                            while used.contains(officer) { officer = random.pick(eligible) }
                            used.insert(officer)
                            // Each assignment gets its own millisecond, so that no officer is ever double-booked.
                            let slotStart = start + Int64(index) * 1000 + Int64(officer % 1000)
                            let state = statusName == "AFGEROND" ? "COMPLETED" : (statusName == "INGEPLAND" ? "ACTIVE" : "WITHDRAWN")
                            try assignment.execute(arguments: [
                                taskId, "BOA-\(CivilCalendar.pad(Int64(officer), 4))", StoreTime.text(slotStart), StoreTime.text(slotStart + 1),
                                state, StoreTime.text(plannedAt), state == "ACTIVE" ? nil : StoreTime.text(closedAt),
                            ])
                        }
                    }
                    for (kind, code) in [("bevestiging", "Bv03"), ("taakReactie", "Du01")] {
                        let reference = "BOATAAK-\(index)-\(code)"
                        let published = StoreTime.text(received + 500)
                        try outbound.execute(arguments: [
                            partner, kind, code, reference, "GMS-\(index)", inboundId, taskId, "00000099000000000164_\(reference)_\(code)_\(kind).xml", body,
                            String(format: "%064llx", UInt64(index * 2 + (code == "Bv03" ? 0 : 1))), index % 50_000 == 7 ? "PENDING" : "PUBLISHED",
                            StoreTime.text(received + 100), index % 50_000 == 7 ? nil : published, index % 50_000 == 7 ? nil : published,
                        ])
                    }
                }
            }
            made += count
            if made % 100_000 == 0 { print("  \(made) tasks", terminator: "\r") }
        }
        // The processing log: what the service logged for that traffic, spread over the same two years.
        let actions = ["ONTVANGEN", "ONTVANGEN", "VERZONDEN", "VERZONDEN", "GEWIJZIGD", "INGEPLAND", "GELEZEN"]
        var seq: Int64 = 0
        var previous = String(repeating: "0", count: 64)
        while seq < Int64(logRows) {
            let count = min(Int64(50_000), Int64(logRows) - seq)
            try queue.write { db in
                let log = try db.cachedStatement(sql: "INSERT INTO processing_log (seq, at, actie, object_type, object_id, uitvoerder, vertrouwelijkheid, bewaartermijn, grondslag, partner, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                for _ in 0..<count {
                    seq += 1
                    let at = StoreTime.text(start + seq * span / Int64(logRows))
                    let action = actions[Int(seq % Int64(actions.count))]
                    let taskIndex = Int(seq * Int64(tasks) / Int64(logRows))
                    let objectType = seq % 3 == 0 ? "bericht" : "taak"
                    let partner = action == "VERZONDEN" && seq % 97 == 0 ? "riec-on" : partners[Int(seq % 4)]
                    let confidentiality = seq % 50 == 0 ? "STRIKT" : "NORMAAL"
                    let hash = sha256Hex(Array("\(seq)\(previous)".utf8))
                    try log.execute(arguments: [
                        seq, at, action, objectType, objectType == "taak" ? "T\(2025 + taskIndex * 2 / tasks)-\(CivilCalendar.pad(Int64(taskIndex % 500_000 + 1), 6))" : "GMS-\(taskIndex)",
                        action == "GELEZEN" ? "boa-coord sql" : "boa-coord intake", confidentiality, "P1Y", "WPG_ART8", partner, "detail \(seq)", previous, hash,
                    ])
                    previous = hash
                }
            }
            if seq % 1_000_000 == 0 { print("  \(seq) log rows", terminator: "\r") }
        }
        try queue.writeWithoutTransaction { db in try db.execute(sql: "ANALYZE") }
        print("")
    }
}
