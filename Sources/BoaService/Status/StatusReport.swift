import BoaCore
import BoaStore
import Foundation

/// What `boa-coord status` shows: inbox depth, oldest waiting file, pending outbound, held messages,
/// open tasks by status, officers on shift. Reads only; works while the service runs.
public struct StatusReport: Sendable {
    /// Files waiting in the inbox.
    public var inboxDepth: Int
    /// The oldest waiting file and its age in seconds.
    public var oldestWaiting: (name: String, seconds: Int64)?
    /// Outbound messages not yet in the outbox.
    public var pendingOutbound: Int
    /// Changes and cancellations held for their task.
    public var held: Int
    /// Open (not final) tasks per status, sorted by status.
    public var openTasks: [(status: String, count: Int)]
    /// Officers with a shift covering now.
    public var officersOnShift: Int

    /// Gathers the report for a home at `now`.
    public static func gather(home: Home, configuration: Configuration, now: Int64) throws -> StatusReport {
        let files = try Inbox(root: home.inbox, partnerKeys: configuration.partners.keys).scan()
        let oldest = files.min { $0.modified < $1.modified }
        var report = StatusReport(
            inboxDepth: files.count,
            oldestWaiting: oldest.map { (($0.folder.map { "\($0)/" } ?? "") + $0.name, max(0, (now - $0.modified / 1_000_000) / 1000)) },
            pendingOutbound: 0, held: 0, openTasks: [], officersOnShift: 0)
        guard FileManager.default.fileExists(atPath: home.database.path) else { return report }
        func count(_ sql: String) throws -> Int {
            if case .integer(let value)? = try Store.readOnlyQuery(databaseAt: home.database, sql: sql).rows.first?.first { return Int(value) }
            return 0
        }
        report.pendingOutbound = try count("SELECT count(*) FROM outbound_message WHERE state <> 'PUBLISHED'")
        report.held = try count("SELECT count(*) FROM held_message")
        let nowText = StoreTime.text(now)
        report.officersOnShift = try count("SELECT count(DISTINCT s.boa_id) FROM shift s JOIN officer o ON o.boa_id = s.boa_id WHERE o.actief = 1 AND s.aanvang <= '\(nowText)' AND s.einde > '\(nowText)'")
        // An aggregate report: TEST tasks are left out, and STRIKT tasks only count in a group of 5 or more
        // (KOPPELVLAK §7).
        let rows = try Store.readOnlyQuery(databaseAt: home.database, sql: """
            SELECT status, sum(vertrouwelijkheid <> 'STRIKT'), sum(vertrouwelijkheid = 'STRIKT')
              FROM task WHERE closed_at IS NULL AND is_test = 0 GROUP BY status ORDER BY status
            """).rows
        report.openTasks = rows.compactMap { row in
            guard case .text(let status) = row[0], case .integer(let other) = row[1], case .integer(let strict) = row[2] else { return nil }
            let count = Int(other) + (strict >= 5 ? Int(strict) : 0)
            return count > 0 ? (status, count) : nil
        }
        return report
    }

    /// The report as lines of text.
    public var text: String {
        var lines = ["inbox: \(inboxDepth) waiting" + (oldestWaiting.map { ", oldest \($0.name) (\($0.seconds) s)" } ?? "")]
        lines.append("outbox: \(pendingOutbound) pending")
        lines.append("held: \(held) changes or cancellations waiting for their task")
        let open = openTasks.map { "\($0.status) \($0.count)" }.joined(separator: ", ")
        lines.append("open tasks: \(open.isEmpty ? "none" : open)")
        lines.append("officers on shift: \(officersOnShift)")
        return lines.joined(separator: "\n") + "\n"
    }
}
