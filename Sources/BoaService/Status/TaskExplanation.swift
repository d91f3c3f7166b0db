import BoaCore
import BoaStore
import Foundation

/// `boa-coord explain TAAKNUMMER`: why a task is planned as it is, or why not, in plain words: the task,
/// its status history, each officer's assignment with the planner's score parts and the best alternatives it
/// rejected, or the filter funnel of an unplanned task. The read is logged.
public enum TaskExplanation {
    /// The explanation of a task, or nil when there is no such task.
    public static func text(store: Store, number: TaskNumber, now: Int64, performer: String = "boa-coord explain") throws -> String? {
        try store.write { tx -> String? in
            guard let task = try tx.task(number: number) else { return nil }
            try tx.appendLog(LogEntry(
                at: now, action: .read, objectType: "taak", objectId: number.description, performer: performer,
                confidentiality: task.confidentiality, retention: RetentionPeriod(years: 5), legalBasis: task.legalBasis,
                detail: "uitleg van de planning opgevraagd"))
            var lines: [String] = []
            let origin = task.partner.map { "from \($0) (taakId \(task.taskId ?? "?"))" } ?? "internal (\(task.origin.rawValue))"
            lines.append("\(number): \(task.category.rawValue), priority \(task.priority.rawValue), \(origin)\(task.isTest ? ", TEST" : "")")
            lines.append("status \(task.status.rawValue)\(task.reaction.map { ", reaction \($0.rawValue)" } ?? "")")
            let window = "\(task.earliestStart.map { Amsterdam.timestamp(atMilliseconds: $0).description } ?? "receipt") … \(Amsterdam.timestamp(atMilliseconds: task.deadline))"
            lines.append("window \(window); \(task.durationMinutes) minutes; team of \(task.minimumTeam)")
            let powers = task.powers.map(\.rawValue).joined(separator: ", ")
            lines.append("needs domain \(task.domain.rawValue)\(powers.isEmpty ? "" : " with \(powers)"), screening \(task.confidentiality.rawValue)")
            lines.append("")
            lines.append("History:")
            for entry in try tx.statusHistory(taskId: task.id) {
                lines.append("  \(Amsterdam.timestamp(atMilliseconds: entry.at))  \(entry.status)\(entry.reason.map { " (\($0))" } ?? "")\(entry.explanation.map { ": \($0)" } ?? "")")
            }
            let assignments = try tx.assignmentHistory(taskId: task.id)
            let active = assignments.filter { $0.assignment.state == .active || $0.assignment.state == .completed }
            lines.append("")
            if active.isEmpty {
                lines.append("\(task.reaction == .decline || task.status == .declined ? "Declined" : "Not planned")\(task.reasonCode.map { " (\($0))" } ?? ""):")
                lines.append("  \(task.reasonText ?? "no reason recorded yet")")
            } else {
                lines.append("Team:")
                for entry in active {
                    let a = entry.assignment
                    lines.append("  \(a.officerId): \(Amsterdam.timestamp(atMilliseconds: a.plannedStart)) – \(Amsterdam.timestamp(atMilliseconds: a.plannedEnd)), \(a.travelMinutes) min travel (\(a.state.rawValue))")
                    if let score = a.score { lines.append("    score parts (lower is better, compared in this order): \(readable(score))") }
                    if let reasons = a.reasons, reasons != "[]" { lines.append("    alternatives not chosen: \(reasons)") }
                }
            }
            let ended = assignments.filter { $0.assignment.state == .withdrawn }
            if !ended.isEmpty {
                lines.append("")
                lines.append("Earlier assignments:")
                for entry in ended {
                    lines.append("  \(entry.assignment.officerId) from \(Amsterdam.timestamp(atMilliseconds: entry.assignment.plannedStart)), withdrawn \(entry.endedAt.map { Amsterdam.timestamp(atMilliseconds: $0).description } ?? "?"): \(entry.endReason ?? "")")
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private static func readable(_ json: String) -> String {
        json.trimmingCharacters(in: CharacterSet(charactersIn: "{}")).replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: ",", with: ", ")
            .replacingOccurrences(of: ":", with: " ")
    }
}
