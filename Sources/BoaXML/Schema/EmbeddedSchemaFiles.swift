/// Read access to the schema files the binary carries, for `boa-coord schemas` style tooling and tests.
public enum EmbeddedSchemaFiles {
    /// The file names, sorted.
    public static var names: [String] { EmbeddedSchemas.files.map(\.name) }

    /// The text of one file, if the binary carries it.
    public static func text(of name: String) -> String? {
        EmbeddedSchemas.files.first { $0.name == name }?.text
    }
}
