import GRDB

/// Migration v5: the CHECK constraints say `column IN (a, b, c, …)` as comparisons, `(column = a OR column = b
/// OR …)`. They accept and refuse exactly the same values.
///
/// **Why.** SQLite evaluates a constant `IN` list of more than two values by building a temporary b-tree of the
/// values. It builds it again on every run of a statement. So each INSERT into `task` built eight of them (61
/// b-tree inserts, plus their allocation and zeroing) before it wrote its row. That was about 28 µs of the 40 µs
/// the insert took. The outbound and inbound rows paid the same in smaller measure. A comparison chain needs no
/// temporary table. docs/PERFORMANCE.md (storage) has the figures.
///
/// **How.** A CHECK constraint does not change how rows are stored, so the table's stored `CREATE TABLE` text is
/// rewritten in place. This is the procedure SQLite documents for changing CHECK constraints
/// (https://sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"):
/// `writable_schema`, an UPDATE of `sqlite_schema`, and `schema_version` raised by one, all in the
/// migration's transaction. It takes no time on a database of any size and copies no row. Two guards:
/// - each rewritten text is first made as a table in a scratch in-memory database, so a text that does not
///   parse never reaches the file;
/// - the schema is read back inside the transaction, and any failure rolls the whole migration back.
enum SchemaV5 {
    /// Rewrites the tables' CHECK constraints of the database `db`, in its open transaction.
    static func apply(_ db: Database) throws {
        let tables = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_schema
             WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' AND sql IS NOT NULL
             ORDER BY name
            """)
        var changes: [(name: String, sql: String)] = []
        for table in tables {
            let name: String = table["name"]
            let sql: String = table["sql"]
            let rewritten = comparisonsForInLists(sql)
            guard rewritten != sql else { continue }
            // The new text must make a table on its own before it goes into the file.
            let scratch = try DatabaseQueue()
            try scratch.write { try $0.execute(sql: rewritten) }
            changes.append((name, rewritten))
        }
        guard !changes.isEmpty else { return }
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        do {
            for change in changes {
                try db.execute(sql: "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?", arguments: [change.sql, change.name])
            }
            try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        } catch {
            // The connection goes on serving the store: it must not keep a writable schema.
            try? db.execute(sql: "PRAGMA writable_schema = OFF")
            throw error
        }
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        // Reads every table's new definition back (a prepared statement over each loads the schema again).
        for change in changes {
            _ = try Row.fetchOne(db, sql: "SELECT * FROM \(change.name.quotedDatabaseIdentifier) LIMIT 0")
        }
    }

    /// `sql` with every `column IN (a, b, c, …)` of more than two literals (text without quotes inside, or
    /// integers) written as `(column = a OR column = b OR …)`. The two mean the same for every value, NULL
    /// included (both give NULL for NULL, which a CHECK accepts). `NOT IN` lists, lists of two values (which SQLite
    /// already compares one by one) and anything else are left as they are.
    static func comparisonsForInLists(_ sql: String) -> String {
        // One `column IN (literal, …)`: the column (a bare name) and the literals as written.
        let inList = /(?<column>[A-Za-z_][A-Za-z0-9_]*)\s+IN\s*\((?<items>\s*(?:'[^']*'|-?[0-9]+)(?:\s*,\s*(?:'[^']*'|-?[0-9]+))*\s*)\)/
        let literal = /'[^']*'|-?[0-9]+/
        return sql.replacing(inList) { match in
            let column = String(match.output.column)
            let items = match.output.items.matches(of: literal).map { String($0.output) }
            guard column.uppercased() != "NOT", items.count > 2 else { return String(match.output.0) }
            return "(" + items.map { "\(column) = \($0)" }.joined(separator: " OR ") + ")"
        }
    }
}
