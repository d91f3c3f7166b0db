import BoaCore
import GRDB

/// The state of one assignment (status is per assignment, never per officer).
public enum AssignmentState: String, Hashable, Sendable {
    /// The officer is on the task.
    case active = "ACTIVE"
    /// Taken off the task (re-plan, absence, cancellation).
    case withdrawn = "WITHDRAWN"
    /// The task was completed with this officer.
    case completed = "COMPLETED"
}

/// An officer planned on a task (`assignment`).
public struct AssignmentRecord: Hashable, Sendable {
    /// Row id (0 before insertion).
    public var id: Int64 = 0
    /// The task.
    public var taskId: Int64
    /// The officer.
    public var officerId: String
    /// The shift it falls in.
    public var shiftId: Int64?
    /// Planned start of the work (ms).
    public var plannedStart: Int64
    /// Planned end of the work (ms).
    public var plannedEnd: Int64
    /// Travel before it, minutes.
    public var travelMinutes: Int
    /// State.
    public var state: AssignmentState
    /// The planner's score parts (JSON).
    public var score: String?
    /// The best rejected alternatives (JSON).
    public var reasons: String?
    /// When made.
    public var createdAt: Int64

    /// Makes an active assignment.
    public init(taskId: Int64, officerId: String, shiftId: Int64?, plannedStart: Int64, plannedEnd: Int64, travelMinutes: Int,
                score: String? = nil, reasons: String? = nil, createdAt: Int64) {
        self.taskId = taskId
        self.officerId = officerId
        self.shiftId = shiftId
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.travelMinutes = travelMinutes
        self.state = .active
        self.score = score
        self.reasons = reasons
        self.createdAt = createdAt
    }

    static let columns = "id, task_id, boa_id, shift_id, planned_start, planned_end, travel_minutes, state, score, reasons, created_at"

    init(row: Row) {
        id = row["id"]
        taskId = row["task_id"]
        officerId = row["boa_id"]
        shiftId = row["shift_id"]
        plannedStart = StoreTime.milliseconds(row["planned_start"]) ?? 0
        plannedEnd = StoreTime.milliseconds(row["planned_end"]) ?? 0
        travelMinutes = row["travel_minutes"]
        state = AssignmentState(rawValue: row["state"]) ?? .withdrawn
        score = row["score"]
        reasons = row["reasons"]
        createdAt = StoreTime.milliseconds(row["created_at"]) ?? 0
    }
}

extension StoreTransaction {
    /// The assignments of a task in these states, by officer.
    public func assignments(taskId: Int64, states: [AssignmentState] = [.active]) throws -> [AssignmentRecord] {
        let list = states.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try Row.fetchAll(db, cached: "SELECT \(AssignmentRecord.columns) FROM assignment WHERE task_id = ? AND state IN (\(list)) ORDER BY boa_id, id",
                                arguments: [taskId]).map(AssignmentRecord.init(row:))
    }

    /// Every active assignment, by officer and start.
    public func activeAssignments() throws -> [AssignmentRecord] {
        try Row.fetchAll(db, cached: "SELECT \(AssignmentRecord.columns) FROM assignment WHERE state = 'ACTIVE' ORDER BY boa_id, planned_start, id")
            .map(AssignmentRecord.init(row:))
    }

    /// Records an assignment; returns its id.
    @discardableResult
    public func insertAssignment(_ assignment: AssignmentRecord) throws -> Int64 {
        try db.execute(cached: """
            INSERT INTO assignment (task_id, boa_id, shift_id, planned_start, planned_end, travel_minutes, state, score, reasons, created_at)
            VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)
            """, arguments: [assignment.taskId, assignment.officerId, assignment.shiftId, StoreTime.text(assignment.plannedStart),
                             StoreTime.text(assignment.plannedEnd), assignment.travelMinutes, assignment.score, assignment.reasons,
                             StoreTime.text(assignment.createdAt)])
        return db.lastInsertedRowID
    }

    /// Ends an active assignment.
    public func endAssignment(_ id: Int64, _ state: AssignmentState, at: Int64, reason: String) throws {
        try db.execute(cached: "UPDATE assignment SET state = ?, ended_at = ?, end_reason = ? WHERE id = ? AND state = 'ACTIVE'",
                       arguments: [state.rawValue, StoreTime.text(at), reason, id])
    }
}

extension StoreTransaction {
    /// Points an assignment at another shift (a roster re-sent the same shift under a new row), or at none.
    public func setAssignmentShift(_ id: Int64, shiftId: Int64?) throws {
        try db.execute(cached: "UPDATE assignment SET shift_id = ? WHERE id = ?", arguments: [shiftId, id])
    }

    /// Records an active assignment's travel anew (work before it in the shift was added or taken out).
    public func setAssignmentTravel(_ id: Int64, travelMinutes: Int) throws {
        try db.execute(cached: "UPDATE assignment SET travel_minutes = ? WHERE id = ?", arguments: [travelMinutes, id])
    }
}

extension StoreTransaction {
    /// Every assignment of a task, in every state, oldest first.
    public func assignmentHistory(taskId: Int64) throws -> [(assignment: AssignmentRecord, endedAt: Int64?, endReason: String?)] {
        try Row.fetchAll(db, cached: "SELECT \(AssignmentRecord.columns), ended_at, end_reason FROM assignment WHERE task_id = ? ORDER BY id", arguments: [taskId]).map {
            (AssignmentRecord(row: $0), ($0["ended_at"] as String?).flatMap(StoreTime.milliseconds), $0["end_reason"])
        }
    }

    /// A task's status history: status, time (ms), reason code, explanation.
    public func statusHistory(taskId: Int64) throws -> [(status: String, at: Int64, reason: String?, explanation: String?)] {
        try Row.fetchAll(db, cached: "SELECT status, at, reden_code, toelichting FROM task_status WHERE task_id = ? ORDER BY id", arguments: [taskId]).map {
            ($0["status"], StoreTime.milliseconds($0["at"]) ?? 0, $0["reden_code"], $0["toelichting"])
        }
    }
}
