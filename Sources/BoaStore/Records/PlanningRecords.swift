import BoaCore
import Foundation
import GRDB

/// An officer with their deeds, as stored.
public struct OfficerRecord: Hashable, Sendable {
    /// Service number.
    public var id: String
    /// Callsign.
    public var callsign: String?
    /// Screening.
    public var screening: Confidentiality
    /// Home neighbourhood.
    public var homeNeighbourhood: String?
    /// Active.
    public var active: Bool
    /// Deeds.
    public var deeds: [Deed]
}

/// A shift, as stored.
public struct ShiftRecord: Hashable, Sendable {
    /// Row id.
    public var id: Int64
    /// Key from the roster.
    public var shiftId: String
    /// The officer.
    public var officerId: String
    /// Start (ms).
    public var start: Int64
    /// End (ms).
    public var end: Int64
    /// Where it starts.
    public var startPoint: RDPoint?
}

/// An absence, as stored.
public struct AbsenceRecord: Hashable, Sendable {
    /// The officer.
    public var officerId: String
    /// From (ms).
    public var from: Int64
    /// Until (ms), nil: open-ended.
    public var until: Int64?
}

/// Everything the planner needs from the database at a moment.
public struct PlanningSnapshot: Sendable {
    /// Every officer.
    public var officers: [OfficerRecord]
    /// Shifts that end after the moment.
    public var shifts: [ShiftRecord]
    /// Absences that have not ended.
    public var absences: [AbsenceRecord]
    /// Tasks not in a final status.
    public var openTasks: [TaskRecord]
    /// Active assignments.
    public var assignments: [AssignmentRecord]
    /// The rostered days: every received roster period, as [van, tot) local dates.
    public var rosteredPeriods: [DatePeriod]
}

extension StoreTransaction {
    /// Reads what the planner decides from, at `now` (ms).
    public func planningSnapshot(now: Int64) throws -> PlanningSnapshot {
        var deeds: [String: [Deed]] = [:]
        var powers: [Int64: [Power]] = [:]
        for row in try Row.fetchAll(db, cached: "SELECT deed_id, bevoegdheid FROM deed_power ORDER BY deed_id, bevoegdheid") {
            if let power = Power(rawValue: row["bevoegdheid"]) { powers[row["deed_id"], default: []].append(power) }
        }
        for row in try Row.fetchAll(db, cached: "SELECT id, boa_id, aktenummer, domein, geldig_van, geldig_tot FROM deed ORDER BY boa_id, id") {
            guard let domain = Domain(rawValue: row["domein"]), let from = LocalDate(xsdDate: row["geldig_van"]), let until = LocalDate(xsdDate: row["geldig_tot"])
            else { continue }
            let id: Int64 = row["id"]
            deeds[row["boa_id"], default: []].append(Deed(number: row["aktenummer"], domain: domain, validFrom: from, validUntil: until, powers: powers[id]))
        }
        let officers = try Row.fetchAll(db, cached: "SELECT boa_id, roepnaam, screening, thuis_buurt, actief FROM officer ORDER BY boa_id").compactMap { row -> OfficerRecord? in
            guard let screening = Confidentiality(rawValue: row["screening"]) else { return nil }
            let id: String = row["boa_id"]
            return OfficerRecord(id: id, callsign: row["roepnaam"], screening: screening, homeNeighbourhood: row["thuis_buurt"], active: row["actief"],
                                 deeds: deeds[id] ?? [])
        }
        let nowText = StoreTime.text(now)
        let shifts = try Row.fetchAll(db, cached: "SELECT id, dienst_id, boa_id, aanvang, einde, start_x, start_y FROM shift WHERE einde > ? ORDER BY aanvang, id",
                                      arguments: [nowText]).compactMap { row -> ShiftRecord? in
            guard let start = StoreTime.milliseconds(row["aanvang"]), let end = StoreTime.milliseconds(row["einde"]) else { return nil }
            var point: RDPoint?
            if let x = row["start_x"] as Double?, let y = row["start_y"] as Double? { point = RDPoint(x: x, y: y) }
            return ShiftRecord(id: row["id"], shiftId: row["dienst_id"], officerId: row["boa_id"], start: start, end: end, startPoint: point)
        }
        let absences = try Row.fetchAll(db, cached: "SELECT boa_id, van, tot FROM unavailability WHERE tot IS NULL OR tot > ? ORDER BY boa_id, van",
                                        arguments: [nowText]).compactMap { row -> AbsenceRecord? in
            guard let from = StoreTime.milliseconds(row["van"]) else { return nil }
            return AbsenceRecord(officerId: row["boa_id"], from: from, until: (row["tot"] as String?).flatMap(StoreTime.milliseconds))
        }
        let tasks = try DirectStatement(db, cached: "SELECT \(TaskRecord.columns) FROM task WHERE closed_at IS NULL ORDER BY id")
            .fetchAll(TaskRecord.self)
        let periods = try Row.fetchAll(db, cached: "SELECT van, tot FROM roster_period ORDER BY van, tot").compactMap { row -> DatePeriod? in
            guard let from = LocalDate(xsdDate: row["van"]), let until = LocalDate(xsdDate: row["tot"]) else { return nil }
            return DatePeriod(from: from, until: until)
        }
        return PlanningSnapshot(officers: officers, shifts: shifts, absences: absences, openTasks: tasks, assignments: try activeAssignments(),
                                rosteredPeriods: periods)
    }

    /// Records why a task is not planned (or declined): its BOA code and the filter funnel.
    public func setTaskReason(_ taskId: Int64, code: String?, text: String?) throws {
        try db.execute(cached: "UPDATE task SET reden_code = ?, reden_toelichting = ? WHERE id = ?", arguments: [code, text, taskId])
    }
}
