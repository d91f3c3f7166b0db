import BoaCore
import GRDB

/// What one retention run did (KOPPELVLAK §7).
public struct RetentionReport: Hashable, Sendable {
    /// Tasks whose free text, address and location were removed.
    public var anonymised: [TaskNumber] = []
    /// Tasks deleted, five years after that.
    public var deleted: [TaskNumber] = []
    /// Archived inbound files (relative to the home) that carry data of anonymised tasks and must go.
    public var archivedFiles: [(inboundId: Int64, path: String)] = []
    /// Processing-log rows cut off (all expired).
    public var logRowsCut: Int = 0

    /// Makes an empty report.
    public init() {}

    public static func == (lhs: RetentionReport, rhs: RetentionReport) -> Bool {
        lhs.anonymised == rhs.anonymised && lhs.deleted == rhs.deleted && lhs.logRowsCut == rhs.logRowsCut
            && lhs.archivedFiles.map(\.inboundId) == rhs.archivedFiles.map(\.inboundId)
            && lhs.archivedFiles.map(\.path) == rhs.archivedFiles.map(\.path)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(anonymised)
        hasher.combine(deleted)
        hasher.combine(logRowsCut)
    }
}

extension Store {
    /// How long after anonymising a task is deleted.
    public static let deletionAfterAnonymising = RetentionPeriod(years: 5)

    /// Applies the retention rules at `now`, in one transaction, logging each step:
    /// a task that reached a final status is anonymised once its `bewaartermijn` has passed since then
    /// (free text, address, location, and the bodies of its published messages removed; category,
    /// priority, status and times stay for the figures), and deleted five years after that. Expired
    /// processing-log rows at the start of the chain are cut off behind an anchor. Periods are counted on
    /// the Amsterdam calendar (``RetentionPeriod/end(startingAt:)``).
    ///
    /// Files are not touched here: the report lists the archived files that must be removed, and
    /// ``forgetArchivedFile(inboundId:)`` records each one once it is gone.
    public func applyRetention(now: Int64, performer: String) throws(StoreError) -> RetentionReport {
        try write { tx in try tx.applyRetention(now: now, performer: performer) }
    }

    /// Records that an archived inbound file has been removed by retention.
    public func forgetArchivedFile(inboundId: Int64) throws(StoreError) {
        try write { tx in try tx.db.execute(sql: "UPDATE inbound_message SET archive_path = NULL WHERE id = ?", arguments: [inboundId]) }
    }
}

extension StoreTransaction {
    func applyRetention(now: Int64, performer: String) throws -> RetentionReport {
        var report = RetentionReport()
        let nowText = StoreTime.text(now)

        // 1. Anonymise tasks whose retention period has passed since they were closed.
        let closed = try Row.fetchAll(db, sql: """
            SELECT id, taak_nummer, bewaartermijn, closed_at, vertrouwelijkheid, grondslag FROM task
             WHERE closed_at IS NOT NULL AND stripped_at IS NULL ORDER BY closed_at, id
            """)
        for row in closed {
            guard let closedAt = StoreTime.milliseconds(row["closed_at"]),
                let period = RetentionPeriod(xsdDuration: row["bewaartermijn"]),
                let number = TaskNumber(row["taak_nummer"])
            else { continue }
            let expiry = period.end(startingAt: closedAt)
            guard now >= expiry else { continue }
            let id: Int64 = row["id"]
            try db.execute(sql: """
                UPDATE task SET subcategorie = NULL, bron_referentie = NULL, opdrachtgever_eenheid = NULL, opdrachtgever_rol = NULL,
                    omschrijving = NULL, locatie_omschrijving = NULL, straatnaam = NULL, huisnummer = NULL, huisletter = NULL,
                    huisnummertoevoeging = NULL, postcode = NULL, woonplaats = NULL, buurtcode = NULL, x = NULL, y = NULL,
                    veiligheid_toelichting = NULL, parketnummer = NULL, pv_referentie = NULL, reden_toelichting = NULL, stripped_at = ?
                 WHERE id = ?
                """, arguments: [nowText, id])
            try db.execute(sql: "UPDATE task_status SET toelichting = NULL WHERE task_id = ?", arguments: [id])
            try db.execute(sql: "UPDATE field_report SET samenvatting = NULL WHERE task_id = ?", arguments: [id])
            try db.execute(sql: "UPDATE field_result SET pv_nummer = NULL WHERE field_report_id IN (SELECT id FROM field_report WHERE task_id = ?)", arguments: [id])
            try db.execute(sql: "UPDATE signal SET omschrijving = NULL, stripped_at = ? WHERE task_id = ?", arguments: [nowText, id])
            try db.execute(sql: "UPDATE assignment SET reasons = NULL WHERE task_id = ?", arguments: [id])
            try db.execute(sql: "UPDATE outbound_message SET body = NULL, stripped_at = ? WHERE task_id = ? AND state = 'PUBLISHED'", arguments: [nowText, id])
            try appendLog(LogEntry(
                at: now, action: .anonymised, objectType: "taak", objectId: number.description, performer: performer,
                confidentiality: Confidentiality(rawValue: row["vertrouwelijkheid"]) ?? .normal, retention: Store.deletionAfterAnonymising,
                legalBasis: LegalBasis(rawValue: row["grondslag"]),
                detail: "bewaartermijn \(period) verstreken op \(StoreTime.text(expiry)): vrije tekst, adres en locatie verwijderd"))
            report.anonymised.append(number)
        }

        // 2. Delete tasks five years after they were anonymised.
        let stripped = try Row.fetchAll(db, sql: "SELECT id, taak_nummer, stripped_at, vertrouwelijkheid FROM task WHERE stripped_at IS NOT NULL ORDER BY stripped_at, id")
        for row in stripped {
            guard let strippedAt = StoreTime.milliseconds(row["stripped_at"]), let number = TaskNumber(row["taak_nummer"]) else { continue }
            guard now >= Store.deletionAfterAnonymising.end(startingAt: strippedAt) else { continue }
            let id: Int64 = row["id"]
            try db.execute(sql: "DELETE FROM outbound_message WHERE task_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM task WHERE id = ?", arguments: [id])
            try appendLog(LogEntry(
                at: now, action: .deleted, objectType: "taak", objectId: number.description, performer: performer,
                confidentiality: Confidentiality(rawValue: row["vertrouwelijkheid"]) ?? .normal, retention: RetentionPeriod(years: 1),
                detail: "vijf jaar na anonimiseren verwijderd"))
            report.deleted.append(number)
        }

        // 3. The archived files of anonymised tasks (their request, changes and field reports).
        let files = try Row.fetchAll(db, sql: """
            SELECT DISTINCT m.id, m.archive_path FROM inbound_message m
             WHERE m.archive_path IS NOT NULL AND (
                   m.id IN (SELECT inbound_id FROM task WHERE stripped_at IS NOT NULL AND inbound_id IS NOT NULL)
                OR m.id IN (SELECT s.inbound_id FROM task_status s JOIN task t ON t.id = s.task_id WHERE t.stripped_at IS NOT NULL AND s.inbound_id IS NOT NULL)
                OR m.id IN (SELECT f.inbound_id FROM field_report f JOIN task t ON t.id = f.task_id WHERE t.stripped_at IS NOT NULL AND f.inbound_id IS NOT NULL))
             ORDER BY m.id
            """)
        report.archivedFiles = files.map { (inboundId: $0["id"], path: $0["archive_path"]) }

        // 4. Cut the expired start of the processing log behind an anchor.
        report.logRowsCut = try cutExpiredLog(now: now, performer: performer)
        return report
    }

    /// Removes the longest run of expired rows at the start of the processing log, recording an anchor
    /// (the last removed row's sequence number and hash) so that `audit verify` checks what remains.
    private func cutExpiredLog(now: Int64, performer: String) throws -> Int {
        let rows = try Row.fetchCursor(db, sql: "SELECT seq, at, bewaartermijn, hash FROM processing_log ORDER BY seq")
        var cut: (seq: Int64, hash: String)?
        var count = 0
        while let row = try rows.next() {
            guard let at = StoreTime.milliseconds(row["at"]), let period = RetentionPeriod(xsdDuration: row["bewaartermijn"]),
                now >= period.end(startingAt: at)
            else { break }
            cut = (row["seq"], row["hash"])
            count += 1
        }
        guard let cut, count > 0 else { return 0 }
        try db.execute(sql: "INSERT INTO log_anchor (cut_seq, cut_hash, at, removed_rows) VALUES (?, ?, ?, ?)",
                       arguments: [cut.seq, cut.hash, StoreTime.text(now), count])
        try db.execute(sql: "DELETE FROM processing_log WHERE seq <= ?", arguments: [cut.seq])
        try appendLog(LogEntry(at: now, action: .deleted, objectType: "log", objectId: "1-\(cut.seq)", performer: performer,
                               retention: RetentionPeriod(years: 5), detail: "\(count) verlopen logregels verwijderd tot en met \(cut.seq); anker vastgelegd"))
        return count
    }
}
