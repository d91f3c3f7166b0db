import BoaCore
import Foundation
import GRDB

/// The outcome of an inbound file (`audit_messages.outcome` for direction `IN`).
public enum InboundOutcome: String, Hashable, Sendable, CaseIterable {
    /// Stored and accepted for processing (answered Bv03).
    case accepted = "ACCEPTED"
    /// A resend of an earlier message, answered with the earlier answer.
    case duplicate = "DUPLICATE"
    /// Refused with a fault.
    case rejected = "REJECTED"
    /// A change or cancellation for a task not known yet, waiting for its request.
    case held = "HELD"
}

/// One inbound file as recorded (`inbound_message`).
public struct InboundRecord: Hashable, Sendable, DirectRecord {
    /// Row id (0 before insertion).
    public var id: Int64 = 0
    /// The file's name as found in the inbox.
    public var fileName: String
    /// The partner folder it lay in (`inbox/<partner>/`), nil for the top level.
    public var inboxFolder: String?
    /// The sender's partner key, nil when unknown.
    public var partner: String?
    /// The root element, when the file was well-formed.
    public var rootElement: String?
    /// `functie`, when readable.
    public var function: String?
    /// `berichtcode`, when readable.
    public var messageCode: String?
    /// `referentienummer`, when readable.
    public var reference: String?
    /// `crossRefnummer`, when readable.
    public var crossReference: String?
    /// `tijdstipBericht`, when readable.
    public var messageTime: String?
    /// Whether the sender marked it `TEST`.
    public var isTest: Bool = false
    /// SHA-256 of the bytes, lower-case hex.
    public var sha256: String
    /// Size in bytes.
    public var size: Int
    /// The outcome.
    public var outcome: InboundOutcome
    /// The fault code, for a rejected message (or a duplicate of one).
    public var faultCode: String?
    /// The fault in plain words.
    public var faultText: String?
    /// The earlier message this one repeats.
    public var duplicateOf: Int64?
    /// When the pass took it in (ms since the epoch).
    public var receivedAt: Int64
    /// When its outcome became final; nil while held.
    public var decidedAt: Int64?
    /// Where it was archived, relative to the home folder.
    public var archivePath: String?
    /// The task it created or is about.
    public var taskId: Int64?
    /// Where its copy in `rejected/` is, relative to the home folder.
    public var rejectedPath: String?
    /// Its name in the work folder while it was processed (unique: it tells a committed claim on restart).
    public var claimName: String?

    /// Makes a record.
    public init(
        fileName: String, inboxFolder: String? = nil, partner: String? = nil, rootElement: String? = nil,
        function: String? = nil, messageCode: String? = nil, reference: String? = nil, crossReference: String? = nil,
        messageTime: String? = nil, isTest: Bool = false, sha256: String, size: Int, outcome: InboundOutcome,
        faultCode: String? = nil, faultText: String? = nil, duplicateOf: Int64? = nil, receivedAt: Int64,
        decidedAt: Int64? = nil, archivePath: String? = nil
    ) {
        self.fileName = fileName
        self.inboxFolder = inboxFolder
        self.partner = partner
        self.rootElement = rootElement
        self.function = function
        self.messageCode = messageCode
        self.reference = reference
        self.crossReference = crossReference
        self.messageTime = messageTime
        self.isTest = isTest
        self.sha256 = sha256
        self.size = size
        self.outcome = outcome
        self.faultCode = faultCode
        self.faultText = faultText
        self.duplicateOf = duplicateOf
        self.receivedAt = receivedAt
        self.decidedAt = decidedAt
        self.archivePath = archivePath
    }

    /// The columns every inbound SELECT reads, in this order (rows are read by position).
    static let columnList = ColumnList("""
        id, file_name, inbox_folder, partner, root_element, functie, berichtcode, referentienummer, cross_refnummer,
        tijdstip_bericht, is_test, sha256, size, outcome, fault_code, fault_text, duplicate_of, received_at, decided_at, archive_path, task_id, rejected_path, claim_name
        """)
    static var columns: String { columnList.sql }

    init(row: DirectRow) {
        id = row["id"]
        fileName = row["file_name"]
        inboxFolder = row["inbox_folder"]
        partner = row["partner"]
        rootElement = row["root_element"]
        function = row["functie"]
        messageCode = row["berichtcode"]
        reference = row["referentienummer"]
        crossReference = row["cross_refnummer"]
        messageTime = row["tijdstip_bericht"]
        isTest = row["is_test"]
        sha256 = row["sha256"]
        size = row["size"]
        outcome = InboundOutcome(rawValue: row["outcome"]) ?? .rejected
        faultCode = row["fault_code"]
        faultText = row["fault_text"]
        duplicateOf = row["duplicate_of"]
        receivedAt = StoreTime.milliseconds(row["received_at"]) ?? 0
        decidedAt = (row["decided_at"] as String?).flatMap(StoreTime.milliseconds)
        archivePath = row["archive_path"]
        taskId = row["task_id"]
        rejectedPath = row["rejected_path"]
        claimName = row["claim_name"]
    }
}

/// The publishing state of an outbound message.
public enum OutboundState: String, Hashable, Sendable {
    /// Committed, no file yet.
    case pending = "PENDING"
    /// A staging file is (or may be) being written.
    case staged = "STAGED"
    /// The file is in the outbox.
    case published = "PUBLISHED"
}

/// One outbound message (`outbound_message`).
public struct OutboundRecord: Hashable, Sendable, DirectRecord {
    /// Row id (0 before insertion).
    public var id: Int64 = 0
    /// The receiving partner's key (`outbox/<partner>/`).
    public var partner: String
    /// `functie`.
    public var function: String
    /// `berichtcode`.
    public var messageCode: String
    /// The message's own `referentienummer`.
    public var reference: String
    /// `crossRefnummer`.
    public var crossReference: String?
    /// The fault code it carries (Fo01/Fo03).
    public var faultCode: String?
    /// The inbound message it answers or was caused by.
    public var inboundId: Int64?
    /// The task it is about.
    public var taskId: Int64?
    /// Whether it belongs to TEST traffic.
    public var isTest: Bool
    /// The outbox file name (KOPPELVLAK §1).
    public var fileName: String
    /// The document; nil once retention has stripped a published message.
    public var body: [UInt8]?
    /// SHA-256 of the document.
    public var sha256: String
    /// Publishing state.
    public var state: OutboundState
    /// When it was committed (ms since the epoch).
    public var createdAt: Int64
    /// When its file appeared in the outbox.
    public var publishedAt: Int64?

    /// Makes a new, pending record.
    public init(
        partner: String, function: String, messageCode: String, reference: String, crossReference: String? = nil,
        faultCode: String? = nil, inboundId: Int64? = nil, taskId: Int64? = nil, isTest: Bool = false,
        fileName: String, body: [UInt8], createdAt: Int64
    ) {
        self.partner = partner
        self.function = function
        self.messageCode = messageCode
        self.reference = reference
        self.crossReference = crossReference
        self.faultCode = faultCode
        self.inboundId = inboundId
        self.taskId = taskId
        self.isTest = isTest
        self.fileName = fileName
        self.body = body
        self.sha256 = sha256Hex(body)
        self.state = .pending
        self.createdAt = createdAt
    }

    /// The columns every outbound SELECT reads, in this order (rows are read by position).
    static let columnList = ColumnList("""
        id, partner, functie, berichtcode, referentienummer, cross_refnummer, fault_code, inbound_id, task_id, is_test,
        file_name, body, sha256, state, created_at, published_at
        """)
    static var columns: String { columnList.sql }

    init(row: DirectRow) {
        id = row["id"]
        partner = row["partner"]
        function = row["functie"]
        messageCode = row["berichtcode"]
        reference = row["referentienummer"]
        crossReference = row["cross_refnummer"]
        faultCode = row["fault_code"]
        inboundId = row["inbound_id"]
        taskId = row["task_id"]
        isTest = row["is_test"]
        fileName = row["file_name"]
        body = row["body"]
        sha256 = row["sha256"]
        state = OutboundState(rawValue: row["state"]) ?? .pending
        createdAt = StoreTime.milliseconds(row["created_at"]) ?? 0
        publishedAt = (row["published_at"] as String?).flatMap(StoreTime.milliseconds)
    }
}

extension StoreTransaction {
    /// Records an inbound file; returns its id.
    @discardableResult
    public func insertInbound(_ record: InboundRecord) throws -> Int64 {
        var statement = try DirectStatement(db, cached: """
            INSERT INTO inbound_message (file_name, inbox_folder, partner, root_element, functie, berichtcode, referentienummer,
                cross_refnummer, tijdstip_bericht, is_test, sha256, size, outcome, fault_code, fault_text, duplicate_of,
                received_at, decided_at, archive_path, task_id, rejected_path, claim_name)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        statement.bind(record.fileName)
        statement.bind(record.inboxFolder)
        statement.bind(record.partner)
        statement.bind(record.rootElement)
        statement.bind(record.function)
        statement.bind(record.messageCode)
        statement.bind(record.reference)
        statement.bind(record.crossReference)
        statement.bind(record.messageTime)
        statement.bind(record.isTest)
        statement.bind(record.sha256)
        statement.bind(record.size)
        statement.bind(record.outcome.rawValue)
        statement.bind(record.faultCode)
        statement.bind(record.faultText)
        statement.bind(record.duplicateOf)
        statement.bind(StoreTime.text(record.receivedAt))
        statement.bind(record.decidedAt.map(StoreTime.text))
        statement.bind(record.archivePath)
        statement.bind(record.taskId)
        statement.bind(record.rejectedPath)
        statement.bind(record.claimName)
        try statement.execute()
        return db.lastInsertedRowID
    }

    /// Sets the final outcome of an inbound message (a held message's, when its hold ends).
    public func setInboundOutcome(_ id: Int64, _ outcome: InboundOutcome, faultCode: String? = nil, faultText: String? = nil, duplicateOf: Int64? = nil, decidedAt: Int64) throws {
        try db.execute(cached: """
            UPDATE inbound_message SET outcome = ?, fault_code = ?, fault_text = ?, duplicate_of = COALESCE(?, duplicate_of), decided_at = ?
             WHERE id = ?
            """, arguments: [outcome.rawValue, faultCode, faultText, duplicateOf, StoreTime.text(decidedAt), id])
    }

    /// Links an inbound message to the task it created or is about.
    public func setInboundTask(_ id: Int64, taskId: Int64) throws {
        var statement = try DirectStatement(db, cached: "UPDATE inbound_message SET task_id = ? WHERE id = ?")
        statement.bind(taskId)
        statement.bind(id)
        try statement.execute()
    }

    /// Records where an inbound file was archived.
    public func setInboundArchivePath(_ id: Int64, _ path: String) throws {
        try db.execute(cached: "UPDATE inbound_message SET archive_path = ? WHERE id = ?", arguments: [path, id])
    }

    /// The next outbound `referentienummer`: `BOATAAK-` and ten digits; never reused.
    public func nextOutboundReference() throws -> String {
        "BOATAAK-" + CivilCalendar.pad(try nextCounterValue("outbound"), 10)
    }

    /// Records an outbound message as pending; returns its id.
    @discardableResult
    public func insertOutbound(_ record: OutboundRecord) throws -> Int64 {
        var statement = try DirectStatement(db, cached: """
            INSERT INTO outbound_message (partner, functie, berichtcode, referentienummer, cross_refnummer, fault_code, inbound_id,
                task_id, is_test, file_name, body, sha256, state, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
            """)
        statement.bind(record.partner)
        statement.bind(record.function)
        statement.bind(record.messageCode)
        statement.bind(record.reference)
        statement.bind(record.crossReference)
        statement.bind(record.faultCode)
        statement.bind(record.inboundId)
        statement.bind(record.taskId)
        statement.bind(record.isTest)
        statement.bind(record.fileName)
        statement.bind(record.body)
        statement.bind(record.sha256)
        statement.bind(StoreTime.text(record.createdAt))
        try statement.execute()
        return db.lastInsertedRowID
    }

    /// Marks an outbound message as being staged (a staging file may exist from now on).
    public func markOutboundStaged(_ id: Int64) throws {
        try db.execute(cached: "UPDATE outbound_message SET state = 'STAGED' WHERE id = ? AND state = 'PENDING'", arguments: [id])
    }

    /// Marks an outbound message as published (its file is in the outbox).
    public func markOutboundPublished(_ id: Int64, at: Int64) throws {
        try db.execute(cached: """
            UPDATE outbound_message SET state = 'PUBLISHED', published_at = ?, first_published_at = COALESCE(first_published_at, ?)
             WHERE id = ? AND state <> 'PUBLISHED'
            """, arguments: [StoreTime.text(at), StoreTime.text(at), id])
    }

    /// Asks for a published message to be published again (a byte-identical resend gets the same answer):
    /// its file is written again unless it is still in the outbox. Nothing happens to a stripped message.
    public func republishOutbound(_ id: Int64) throws {
        try db.execute(cached: "UPDATE outbound_message SET state = 'PENDING', published_at = NULL WHERE id = ? AND state = 'PUBLISHED' AND body IS NOT NULL",
                       arguments: [id])
    }

    /// The inbound message that was claimed under this work-folder name, if it was committed.
    public func inbound(claimName: String) throws -> InboundRecord? {
        var statement = try DirectStatement(db, cached: "SELECT \(InboundRecord.columns) FROM inbound_message WHERE claim_name = ?")
        statement.bind(claimName)
        return try statement.fetchOne(InboundRecord.self)
    }

    /// The inbound message with this id.
    public func inbound(id: Int64) throws -> InboundRecord? {
        var statement = try DirectStatement(db, cached: "SELECT \(InboundRecord.columns) FROM inbound_message WHERE id = ?")
        statement.bind(id)
        return try statement.fetchOne(InboundRecord.self)
    }

    /// The `referentienummer` of the inbound message with this id (nil when there is no such message or it had none).
    public func inboundReference(id: Int64) throws -> String? {
        try String.fetchOne(db, cached: "SELECT referentienummer FROM inbound_message WHERE id = ?", arguments: [id])
    }

    /// Whether an inbound row already plans to use this archive or rejected path.
    public func isFilePathTaken(_ path: String) throws -> Bool {
        try Bool.fetchOne(db, cached: "SELECT EXISTS (SELECT 1 FROM inbound_message WHERE archive_path = ? OR rejected_path = ?)", arguments: [path, path]) ?? false
    }

    /// Inbound messages with these bytes, oldest first. Byte-identical files have the same `referentienummer` as
    /// read from those bytes (`nil` when none could be read), so the lookup goes by both, through an index whose
    /// keys follow the partners' numbering rather than the hash's random order.
    public func inbound(withSHA256 sha256: String, reference: String?) throws -> [InboundRecord] {
        var statement = try DirectStatement(db, cached: "SELECT \(InboundRecord.columns) FROM inbound_message WHERE referentienummer IS ? AND sha256 = ? ORDER BY id")
        statement.bind(reference)
        statement.bind(sha256)
        return try statement.fetchAll(InboundRecord.self)
    }

    /// The accepted (or held) message of a partner with this `referentienummer`.
    public func acceptedInbound(partner: String, reference: String) throws -> InboundRecord? {
        var statement = try DirectStatement(db, cached: """
            SELECT \(InboundRecord.columns) FROM inbound_message WHERE partner = ? AND referentienummer = ? AND outcome IN ('ACCEPTED', 'HELD')
            """)
        statement.bind(partner)
        statement.bind(reference)
        return try statement.fetchOne(InboundRecord.self)
    }

    /// The outbound messages answering or caused by an inbound message, oldest first.
    public func outbound(forInbound inboundId: Int64) throws -> [OutboundRecord] {
        var statement = try DirectStatement(db, cached: "SELECT \(OutboundRecord.columns) FROM outbound_message WHERE inbound_id = ? ORDER BY id")
        statement.bind(inboundId)
        return try statement.fetchAll(OutboundRecord.self)
    }

    /// Outbound messages not yet published, oldest first (read inside the transaction, so that a publisher can
    /// mark one batch published and stage the next in one commit).
    public func unpublishedOutbound(limit: Int) throws -> [OutboundRecord] {
        var statement = try DirectStatement(db, cached: "SELECT \(OutboundRecord.columns) FROM outbound_message WHERE state <> 'PUBLISHED' ORDER BY id LIMIT ?")
        statement.bind(limit)
        return try statement.fetchAll(OutboundRecord.self)
    }

    /// Records the plain-words fault text (the `.fout.txt`) of a rejected message.
    public func setInboundFaultText(_ id: Int64, _ text: String) throws {
        try db.execute(cached: "UPDATE inbound_message SET fault_text = ? WHERE id = ?", arguments: [text, id])
    }

    /// Records where the `rejected/` copy of a message goes.
    public func setInboundRejectedPath(_ id: Int64, _ path: String) throws {
        try db.execute(cached: "UPDATE inbound_message SET rejected_path = ? WHERE id = ?", arguments: [path, id])
    }
}
