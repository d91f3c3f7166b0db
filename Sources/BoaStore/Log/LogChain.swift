import Crypto
import Foundation

/// The hash chain of the processing log: each row's hash is SHA-256 over its sequence number, its fields
/// and the previous row's hash, so that changing, removing or reordering a row breaks every hash after it.
enum LogChain {
    /// The `prev_hash` of the very first row.
    static let genesis = String(repeating: "0", count: 64)

    /// The hash of a row: SHA-256 over each field written as `<utf8 length>:<text>;` (or `-;` for NULL),
    /// which no two different rows can share.
    static func hash(seq: Int64, fields: [String?], previous: String) -> String {
        var canonical = "\(seq);"
        for field in fields + [previous] {
            if let field {
                canonical += "\(field.utf8.count):\(field);"
            } else {
                canonical += "-;"
            }
        }
        return hex(SHA256.hash(data: Array(canonical.utf8)))
    }

    /// Lower-case hex of a digest.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// SHA-256 of bytes as lower-case hex, as the store records file contents.
public func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
    var hasher = SHA256()
    hasher.update(data: Array(bytes))
    return LogChain.hex(hasher.finalize())
}

/// SHA-256 of memory as lower-case hex, without copying.
public func sha256Hex(_ buffer: UnsafeRawBufferPointer) -> String {
    var hasher = SHA256()
    hasher.update(bufferPointer: buffer)
    return LogChain.hex(hasher.finalize())
}

/// SHA-256 over data given in pieces, as lower-case hex.
public struct StreamingSHA256 {
    private var hasher = SHA256()

    /// Starts a hash.
    public init() {}

    /// Adds bytes.
    public mutating func update(_ data: some DataProtocol) { hasher.update(data: data) }

    /// The hash of everything added.
    public func finalize() -> String { LogChain.hex(hasher.finalize()) }
}
