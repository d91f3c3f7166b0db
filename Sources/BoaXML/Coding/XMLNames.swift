/// The wire names of the contract that are not element names of a body.
enum XMLNames {
    /// The contract's namespace (KOPPELVLAK §2).
    static let namespace = "urn:nl:gemeente:boa-taak:0100"
    /// The prefix the service writes.
    static let prefix = "BT"
}
