public import BoaCore

/// A problem found in a document, with its place: line and column are 1-based; `0:0` means the document
/// as a whole (a file too large to read).
public struct XMLIssue: Hashable, Sendable, CustomStringConvertible {
    /// Line, from 1.
    public var line: Int
    /// Column in characters, from 1.
    public var column: Int
    /// What is wrong, in the words of the XML parser or schema validator.
    public var message: String

    /// Makes an issue.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column message`.
    public var description: String { "\(line):\(column) \(message)" }
}

/// Why a document is not an acceptable message: `NIETXML`, `TEGROOT` or `StUF055`, with every issue found.
public struct MessageFault: Error, Hashable, Sendable, CustomStringConvertible {
    /// `NIETXML` (not well-formed, a DOCTYPE, not UTF-8), `TEGROOT` (too large) or `StUF055` (not valid).
    public var code: FaultCode
    /// Every issue found, the first one first; never empty.
    public var issues: [XMLIssue]
    /// What could be read of the envelope, when the document is well-formed (for addressing a reply).
    public var envelope: EnvelopeSketch?

    /// Makes a fault.
    public init(code: FaultCode, issues: [XMLIssue], envelope: EnvelopeSketch? = nil) {
        precondition(!issues.isEmpty, "a fault has at least one issue")
        self.code = code
        self.issues = issues
        self.envelope = envelope
    }

    /// The first issue: where the document first goes wrong.
    public var primary: XMLIssue { issues[0] }

    /// `CODE line:column message`.
    public var description: String { "\(code) \(primary)" }

    /// The issues as `fout/details` text: each as `line:column message`, separated by `; `, as many whole
    /// issues as fit in `limit` characters (at least the first, shortened if it alone is too long).
    public func details(limit: Int = 1000) -> String {
        var text = ""
        for issue in issues {
            let part = (text.isEmpty ? "" : "; ") + issue.description
            if text.count + part.count > limit {
                if text.isEmpty { text = String(part.prefix(limit)) }
                break
            }
            text += part
        }
        return text
    }
}

/// What could be read of a well-formed document's envelope, valid or not: enough to know who sent it and
/// to refer to it in a fault. Every field is exactly the text found, or nil when it is missing.
public struct EnvelopeSketch: Hashable, Sendable {
    /// The root element's local name, e.g. `taakVerzoek_Di01`.
    public var rootName: String
    /// Whether the root element is in the contract's namespace.
    public var inContractNamespace: Bool
    /// `zender/organisatie`.
    public var senderOrganisation: String?
    /// `zender/applicatie`.
    public var senderApplication: String?
    /// `zender/administratie`.
    public var senderAdministration: String?
    /// `ontvanger/organisatie`.
    public var receiverOrganisation: String?
    /// `ontvanger/applicatie`.
    public var receiverApplication: String?
    /// `referentienummer`.
    public var reference: String?
    /// `functie`.
    public var function: String?

    /// Makes a sketch.
    public init(rootName: String, inContractNamespace: Bool, senderOrganisation: String? = nil, senderApplication: String? = nil, senderAdministration: String? = nil, receiverOrganisation: String? = nil, receiverApplication: String? = nil, reference: String? = nil, function: String? = nil) {
        self.rootName = rootName
        self.inContractNamespace = inContractNamespace
        self.senderOrganisation = senderOrganisation
        self.senderApplication = senderApplication
        self.senderAdministration = senderAdministration
        self.receiverOrganisation = receiverOrganisation
        self.receiverApplication = receiverApplication
        self.reference = reference
        self.function = function
    }

    /// The `referentienummer` if it is a valid one (1 to 40 of `A-Z a-z 0-9 . _ : -`), so that it can be
    /// quoted as a `crossRefnummer`.
    public var validReference: String? {
        guard let reference, !reference.isEmpty, reference.utf8.count <= 40,
            reference.utf8.allSatisfy({ byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2E || byte == 0x5F || byte == 0x3A || byte == 0x2D
            })
        else { return nil }
        return reference
    }
}
