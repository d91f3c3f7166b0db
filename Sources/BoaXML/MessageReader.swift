public import BoaCore
import CLibXML2

/// Turns partner bytes into a trusted, typed ``Message``, or a ``MessageFault`` that says what is wrong
/// and where (KOPPELVLAK §5.2, §10).
///
/// The bytes go through the hardened intake: size cap, UTF-8 only, no DOCTYPE (so no DTD, no entity, no
/// file or network access), then libxml2 validation against the embedded schemas, then decoding.
/// Safe to use from any number of threads at once.
///
/// ```swift
/// let reader = MessageReader()
/// switch reader.read(bytes) {
/// case .success(let message): print(message.kind)
/// case .failure(let fault): print(fault.code, fault.primary)
/// }
/// ```
public struct MessageReader: Sendable {
    /// The default size cap: 1 MiB.
    public static let defaultMaximumSize = 1_048_576

    /// Files larger than this many bytes are `TEGROOT` without being parsed.
    public var maximumSize: Int

    /// Makes a reader with a size cap.
    public init(maximumSize: Int = MessageReader.defaultMaximumSize) {
        self.maximumSize = maximumSize
    }

    /// The `TEGROOT` fault for a document of `size` bytes (position `0:0`: the document as a whole).
    public func tooLargeFault(size: Int) -> MessageFault {
        MessageFault(code: .tooLarge, issues: [
            XMLIssue(line: 0, column: 0, message: "The file is \(size) bytes, more than the maximum of \(maximumSize) bytes.")
        ])
    }

    /// Reads one message.
    public func read(_ bytes: [UInt8]) -> Result<Message, MessageFault> {
        bytes.withUnsafeBufferPointer { read($0) }
    }

    /// Reads one message from memory the caller keeps alive for the call.
    public func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Message, MessageFault> {
        guard bytes.count <= maximumSize else { return .failure(tooLargeFault(size: bytes.count)) }
        return ParserPool.shared.withWorker { worker in
            worker.withValidDocument(bytes) { document, state throws(MessageFault) in
                try MessageCodec.decode(document, state: state)
            }
        }
    }
}

/// Turns a ``Message`` into the bytes of its XML document (UTF-8, indented, `BT` prefix), the same bytes
/// for the same message.
public enum MessageWriter {
    /// The document for a message.
    public static func encode(_ message: Message) -> [UInt8] {
        Array(MessageCodec.encode(message).utf8)
    }

    /// The document for a message, as text.
    public static func text(of message: Message) -> String {
        MessageCodec.encode(message)
    }
}
