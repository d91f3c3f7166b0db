import GRDB

/// A record's column list, as written into its SELECTs, with where each column stands in it.
struct ColumnList: Sendable {
    /// The list as SQL (`id, file_name, …`).
    let sql: String
    /// Column name → position in ``sql``.
    let positions: [String: Int]

    init(_ sql: String) {
        self.sql = sql
        var positions: [String: Int] = [:]
        for (index, name) in sql.split(separator: ",").enumerated() { positions[String(name.filter { !$0.isWhitespace })] = index }
        self.positions = positions
    }
}

/// A row selected with a ``ColumnList``, read by position: GRDB finds a column by name by comparing the names
/// case-insensitively one by one, which was a large part of reading records in every pass.
struct PositionedRow {
    let row: Row
    let columns: ColumnList

    subscript<Value: DatabaseValueConvertible>(_ name: String) -> Value {
        guard let position = columns.positions[name] else { return row[name] }
        return row[position]
    }
}
