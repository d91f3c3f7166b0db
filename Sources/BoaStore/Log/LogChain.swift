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
        var canonical: [UInt8] = []
        canonical.reserveCapacity(256)
        canonical.append(contentsOf: String(seq).utf8)
        canonical.append(UInt8(ascii: ";"))
        for field in fields + [previous] {
            if let field {
                canonical.append(contentsOf: String(field.utf8.count).utf8)
                canonical.append(UInt8(ascii: ":"))
                canonical.append(contentsOf: field.utf8)
                canonical.append(UInt8(ascii: ";"))
            } else {
                canonical.append(contentsOf: "-;".utf8)
            }
        }
        return hex(SHA256.hash(data: canonical))
    }

    /// Lower-case hex of a digest.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let bytes = Array(digest)
        return String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            for (index, byte) in bytes.enumerated() {
                buffer[2 * index] = hexDigit(byte >> 4)
                buffer[2 * index + 1] = hexDigit(byte & 0x0F)
            }
            return bytes.count * 2
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
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
