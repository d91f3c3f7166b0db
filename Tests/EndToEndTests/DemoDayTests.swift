import BoaCore
import BoaXML
import Foundation
import Testing

/// The demo's full day, played through the real binary, checked task by task at the end.
@Suite(.serialized) struct DemoDayTests {
    @Test func theDemoDayEndsConsistentTaskByTask() throws {
        let folder = try temporaryFolder("boa-demo").appendingPathComponent("home")
        let run = try runBinary(["demo", "--home", folder.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Where to look"))
        let home = HomeFixture(existing: folder)

        // Every outbound file is valid against the schemas, and sits in the folder of its receiver.
        let all = home.allOutbox()
        #expect(all.count > 200)
        var messages: [(partner: String, message: Message)] = []
        for file in all {
            let partner = String(file.split(separator: "/")[0])
            let bytes = try [UInt8](Data(contentsOf: home.url("outbox/\(file)")))
            let message = try MessageReader().read(bytes).get()
            messages.append((partner, message))
        }
        // Every inbound file has exactly one outcome row; the processing log is intact.
        let inbound = try home.sql("SELECT count(*) AS n, count(DISTINCT file_name) AS names FROM audit_messages WHERE direction = 'IN'")
        #expect(inbound.first?["n"] as? Int == home.files(in: "archive").count)
        #expect(try runBinary(["audit", "verify", "--home", folder.path]).status == 0)

        let tasks = try home.sql("SELECT taak_nummer, partner, taak_id, soort, status, officers, reden_code, completed_at FROM audit_tasks ORDER BY taak_nummer")
        #expect(tasks.count >= 55)
        let reactions = messages.compactMap { entry -> TaskReaction? in
            if case .taskReaction(let reaction) = entry.message.body { return reaction }
            return nil
        }
        let results = messages.compactMap { entry -> TaskResultReport? in
            if case .taskResult(let result) = entry.message.body { return result }
            return nil
        }
        let orders = messages.compactMap { entry -> Deployment? in
            if case .deployment(let order) = entry.message.body { return order }
            return nil
        }
        for task in tasks {
            guard let number = task["taak_nummer"] as? String, let status = task["status"] as? String else { continue }
            let requested = task["partner"] as? String != nil
            let reactionsForTask = reactions.filter { $0.taskNumber.description == number }
            if requested {
                // One reaction per request, and it agrees with the task's fate.
                #expect(reactionsForTask.count == 1, "\(number): \(reactionsForTask.count) reactions")
                if status == "GEWEIGERD" && task["reden_code"] as? String != "BOA004" {
                    #expect(reactionsForTask.first?.reaction == .decline, "\(number)")
                }
                if reactionsForTask.first?.reaction == .accept {
                    #expect(reactionsForTask.first?.plannedStart != nil && reactionsForTask.first?.team?.isEmpty == false, "\(number)")
                }
            } else {
                #expect(reactionsForTask.isEmpty, "\(number): an internal task has no requester to react to")
            }
            // A completed task reported its result to its requester (an internal round has none).
            let resultCount = results.filter { $0.taskNumber.description == number }.count
            if status == "AFGEROND" && requested {
                #expect(resultCount == 1, "\(number): \(resultCount) results")
                #expect(task["completed_at"] as? String != nil)
            } else {
                #expect(resultCount == 0, "\(number): a result without completion")
            }
            // Declined tasks were never dispatched; dispatched tasks name the officers now on them.
            let ordered = Set(orders.filter { $0.taskNumber.description == number }.map(\.officerId))
            if let code = task["reden_code"] as? String, status == "GEWEIGERD", code != "BOA004" {
                #expect(ordered.isEmpty, "\(number) declined \(code) but got orders")
            }
            if let officers = task["officers"] as? String, !officers.isEmpty {
                #expect(Set(officers.split(separator: ",").map(String.init)).isSubset(of: ordered), "\(number): officers \(officers) without an order")
            }
        }
        // The day's special events happened: a neighbourhood round, a care signal, an undermining signal, a sickness.
        #expect(tasks.contains { $0["soort"] as? String == "BUURTRONDE" })
        #expect(messages.contains { $0.partner == "wijkteam" && $0.message.kind == .careSignal })
        #expect(messages.filter { $0.message.kind == .underminingSignal }.map(\.partner).sorted() == ["politie-on", "riec-on"])
        #expect(messages.contains { $0.message.kind == .deploymentWithdrawal })
        // Need-to-know: no order reached an officer screened below the task.
        let screening = try home.sql("SELECT a.taak_nummer, a.boa_id, o.screening, a.vertrouwelijkheid FROM audit_assignments a JOIN officer o ON o.boa_id = a.boa_id")
        let rank = ["NORMAAL": 0, "VERTROUWELIJK": 1, "STRIKT": 2]
        for row in screening {
            #expect((rank[row["screening"] as? String ?? ""] ?? -1) >= (rank[row["vertrouwelijkheid"] as? String ?? ""] ?? 3), "\(row)")
        }
        // Signals never travel inside a result.
        for result in results { #expect(!result.outcomes.isEmpty) }
    }
}
