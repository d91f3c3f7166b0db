/// Migration v3: no index with a random key on the insert path of every message.
///
/// v1 indexed two SHA-256 values whose order is random: `processing_log.hash` (UNIQUE, two rows per message)
/// and `inbound_message.sha256`. Every new row then lands on a random leaf page, so a commit of 100
/// messages wrote about 300 scattered pages to the WAL, and once those indexes outgrow the page cache (the
/// log's hash index is ~400 MB at 5,000,000 rows) each insert also waits for a random read. Neither index
/// answered a question the sequential ones cannot:
/// - The chain is checked by recomputing it (`audit verify`), never by looking a hash up; the hash stays
///   `NOT NULL` with its length checked. SQLite cannot drop a UNIQUE constraint, so the log table is rebuilt
///   with the same columns, rows, indexes, triggers and view.
/// - A byte-identical resend has the same `referentienummer` as read from its bytes (none when unreadable),
///   so the resend lookup goes by (`referentienummer`, `sha256`): partners number their messages in order,
///   so new keys land next to each other.
enum SchemaV3 {
    static let statements: [String] = [
        // The resend lookup.
        "DROP INDEX inbound_message_sha256",
        "CREATE INDEX inbound_message_resend ON inbound_message(referentienummer, sha256)",
        // The processing log without the UNIQUE index on its hash (KOPPELVLAK §7 fields unchanged).
        "DROP VIEW audit_log",
        """
        CREATE TABLE processing_log_v3 (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actie TEXT NOT NULL,
            object_type TEXT NOT NULL,
            object_id TEXT NOT NULL,
            uitvoerder TEXT NOT NULL,
            vertrouwelijkheid TEXT NOT NULL,
            bewaartermijn TEXT NOT NULL,
            grondslag TEXT,
            partner TEXT,
            detail TEXT,
            prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
            hash TEXT NOT NULL CHECK (length(hash) = 64)
        )
        """,
        """
        INSERT INTO processing_log_v3 (seq, at, actie, object_type, object_id, uitvoerder, vertrouwelijkheid, bewaartermijn, grondslag,
                                       partner, detail, prev_hash, hash)
        SELECT seq, at, actie, object_type, object_id, uitvoerder, vertrouwelijkheid, bewaartermijn, grondslag, partner, detail, prev_hash, hash
          FROM processing_log ORDER BY seq
        """,
        // Dropping the table drops its indexes and append-only triggers with it (no trigger fires).
        "DROP TABLE processing_log",
        "ALTER TABLE processing_log_v3 RENAME TO processing_log",
    ] + SchemaV1.processingLogIndexes + SchemaV1.processingLogTriggers + [SchemaV1.auditLogView]
}
