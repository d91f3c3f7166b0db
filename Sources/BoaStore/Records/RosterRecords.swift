import BoaCore
import Foundation
import GRDB

extension StoreTransaction {
    /// Whether an officer with this service number is known.
    public func officerExists(_ officerId: String) throws -> Bool {
        try Bool.fetchOne(db, cached: "SELECT EXISTS (SELECT 1 FROM officer WHERE boa_id = ?)", arguments: [officerId]) ?? false
    }

    /// Creates or updates an officer from a roster; its deeds are replaced by the roster's.
    public func upsertOfficer(_ officer: RosterOfficer, at: Int64, inboundId: Int64?) throws {
        try db.execute(cached: """
            INSERT INTO officer (boa_id, roepnaam, screening, thuis_buurt, actief, updated_at, inbound_id) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(boa_id) DO UPDATE SET roepnaam = excluded.roepnaam, screening = excluded.screening, thuis_buurt = excluded.thuis_buurt,
                actief = excluded.actief, updated_at = excluded.updated_at, inbound_id = excluded.inbound_id
            """, arguments: [officer.officerId, officer.callsign, officer.screening.rawValue, officer.homeNeighbourhood, officer.active, StoreTime.text(at), inboundId])
        try db.execute(cached: "DELETE FROM deed WHERE boa_id = ?", arguments: [officer.officerId])
        for deed in officer.deeds {
            try db.execute(cached: "INSERT INTO deed (boa_id, aktenummer, domein, geldig_van, geldig_tot) VALUES (?, ?, ?, ?, ?)",
                           arguments: [officer.officerId, deed.number, deed.domain.rawValue, deed.validFrom.description, deed.validUntil.description])
            let deedId = db.lastInsertedRowID
            for power in Set(deed.powers ?? []).sorted(by: { $0.rawValue < $1.rawValue }) {
                try db.execute(cached: "INSERT INTO deed_power (deed_id, bevoegdheid) VALUES (?, ?)", arguments: [deedId, power.rawValue])
            }
        }
    }

    /// Replaces the shifts whose start falls (local date) in the period by the roster's, and records the
    /// period. Returns the ids of the shifts removed.
    @discardableResult
    public func replaceShifts(period: DatePeriod, with shifts: [Shift], inboundId: Int64?) throws -> [Int64] {
        let removed = try Int64.fetchAll(db, cached: "SELECT id FROM shift WHERE local_date >= ? AND local_date < ? ORDER BY id",
                                         arguments: [period.from.description, period.until.description])
        try db.execute(cached: "DELETE FROM shift WHERE local_date >= ? AND local_date < ?", arguments: [period.from.description, period.until.description])
        for shift in shifts {
            try db.execute(cached: """
                INSERT INTO shift (dienst_id, boa_id, aanvang, einde, local_date, start_x, start_y, inbound_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [shift.shiftId, shift.officerId, StoreTime.text(shift.start), StoreTime.text(shift.end),
                                 Amsterdam.localDate(atMilliseconds: shift.start.millisecondsSinceEpoch).description,
                                 shift.startPoint?.x, shift.startPoint?.y, inboundId])
        }
        try db.execute(cached: "INSERT INTO roster_period (van, tot, inbound_id) VALUES (?, ?, ?)",
                       arguments: [period.from.description, period.until.description, inboundId])
        // Planned work whose shift went (its shift_id set to NULL) belongs to the new shift of its officer that
        // holds it, if there is one: a roster sent again for the same day keeps the work in its shift.
        try db.execute(cached: """
            UPDATE assignment SET shift_id = (
                SELECT s.id FROM shift s WHERE s.boa_id = assignment.boa_id AND s.aanvang <= assignment.planned_start AND s.einde >= assignment.planned_end
                 ORDER BY s.aanvang, s.id LIMIT 1)
             WHERE state = 'ACTIVE' AND shift_id IS NULL
            """)
        return removed
    }

    /// Records an absence.
    public func insertUnavailability(_ absence: Unavailability, inboundId: Int64?) throws {
        try db.execute(cached: "INSERT INTO unavailability (boa_id, van, tot, reden, inbound_id) VALUES (?, ?, ?, ?, ?)",
                       arguments: [absence.officerId, StoreTime.text(absence.from), absence.until.map(StoreTime.text), absence.reason.rawValue, inboundId])
    }

    /// Records a field report with its results; returns its id.
    @discardableResult
    public func insertFieldReport(_ report: FieldReport, taskId: Int64, inboundId: Int64?, effect: String) throws -> Int64 {
        try db.execute(cached: "INSERT INTO field_report (task_id, inbound_id, boa_id, status, tijdstip, samenvatting, effect) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [taskId, inboundId, report.officerId, report.status.rawValue, StoreTime.text(report.time), report.summary, effect])
        let id = db.lastInsertedRowID
        for outcome in report.outcomes {
            try db.execute(cached: "INSERT INTO field_result (field_report_id, code, feitcode, pv_nummer) VALUES (?, ?, ?, ?)",
                           arguments: [id, outcome.code.rawValue, outcome.offenceCode, outcome.reportNumber])
        }
        return id
    }
}

/// A change or cancellation waiting for its task (`held_message`).
public struct HeldMessage: Hashable, Sendable {
    /// The inbound message.
    public var inboundId: Int64
    /// The sender.
    public var partner: String
    /// The task it is for.
    public var taskId: String
    /// Its `tijdstipBericht`.
    public var messageTime: String
    /// When the hold ends.
    public var expiresAt: Int64
    /// The file's bytes, read again when it is applied.
    public var body: [UInt8]

    /// Makes a held message.
    public init(inboundId: Int64, partner: String, taskId: String, messageTime: String, expiresAt: Int64, body: [UInt8]) {
        self.inboundId = inboundId
        self.partner = partner
        self.taskId = taskId
        self.messageTime = messageTime
        self.expiresAt = expiresAt
        self.body = body
    }

    init(row: Row) {
        inboundId = row["inbound_id"]
        partner = row["partner"]
        taskId = row["taak_id"]
        messageTime = row["tijdstip_bericht"]
        expiresAt = StoreTime.milliseconds(row["expires_at"]) ?? 0
        body = [UInt8](row["body"] as Data? ?? Data())
    }
}

extension StoreTransaction {
    /// Holds a message until its task is known or the hold expires.
    public func insertHeld(_ held: HeldMessage) throws {
        try db.execute(cached: "INSERT INTO held_message (inbound_id, partner, taak_id, tijdstip_bericht, expires_at, body) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [held.inboundId, held.partner, held.taskId, held.messageTime, StoreTime.text(held.expiresAt), Data(held.body)])
    }

    /// Every held message, ordered by partner, task, `tijdstipBericht` and arrival.
    public func heldMessages() throws -> [HeldMessage] {
        try Row.fetchAll(db, cached: "SELECT * FROM held_message ORDER BY partner, taak_id, tijdstip_bericht, inbound_id").map(HeldMessage.init(row:))
    }

    /// Ends a hold.
    public func deleteHeld(_ inboundId: Int64) throws {
        try db.execute(cached: "DELETE FROM held_message WHERE inbound_id = ?", arguments: [inboundId])
    }
}

extension StoreTransaction {
    /// Records a signal from the field.
    public func insertSignal(signalId: String, kind: SignalKind, taskId: Int64, inboundId: Int64?, description: String, urgency: Urgency,
                             confidentiality: Confidentiality, at: Int64) throws {
        try db.execute(cached: """
            INSERT INTO signal (signaal_id, soort, task_id, inbound_id, omschrijving, urgentie, vertrouwelijkheid, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [signalId, kind.rawValue, taskId, inboundId, description, urgency.rawValue, confidentiality.rawValue, StoreTime.text(at)])
    }
}
