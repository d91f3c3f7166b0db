// Bad input for the hardened intake (KOPPELVLAK §1, §2, §5.2, §6.6, §10): every class of broken, hostile
// or out-of-range document gets the right fault code at the right place, values at a boundary are
// accepted, and nothing a document says makes the reader touch a file or the network.
//
// Positions are never copied from the product's output: each expected line and column is computed from the
// test document itself (the start tag of the element at fault, the `<!DOCTYPE`, the NUL byte, ...), with
// columns counted in Unicode code points from 1.

import BoaCore
import BoaXML
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Fixtures and helpers (all under `BadInput` so they cannot collide with other test files)

enum BadInput {
    static let namespace = "urn:nl:gemeente:boa-taak:0100"
    static let xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"

    /// The KOPPELVLAK §9 example, byte for byte, with a final newline. Lines: 1 declaration, 2 root,
    /// 3 stuurgegevens, 4 berichtcode, 5 zender, 6 ontvanger, 7 referentienummer, 8 tijdstipBericht,
    /// 9 functie, 11 taak, 12 taakId, 13 categorie, 14 subcategorie, 15 prioriteit, 16 locatie,
    /// 17 omschrijving, 18 buurtcode, 19 punt, 21 tijdvak, 22 grondslag, 23 opdrachtgever, 25 end of root.
    static let sample = """
        <?xml version="1.0" encoding="UTF-8"?>
        <BT:taakVerzoek_Di01 xmlns:BT="urn:nl:gemeente:boa-taak:0100">
          <BT:stuurgegevens>
            <BT:berichtcode>Di01</BT:berichtcode>
            <BT:zender><BT:organisatie>00000099000000000101</BT:organisatie><BT:applicatie>GMS</BT:applicatie></BT:zender>
            <BT:ontvanger><BT:organisatie>00000099000000000164</BT:organisatie><BT:applicatie>BOATAAK</BT:applicatie></BT:ontvanger>
            <BT:referentienummer>GMS-2026-4711</BT:referentienummer>
            <BT:tijdstipBericht>20261201091500000</BT:tijdstipBericht>
            <BT:functie>taakVerzoek</BT:functie>
          </BT:stuurgegevens>
          <BT:taak>
            <BT:taakId>ON-TW-2026-000815</BT:taakId>
            <BT:categorie>OVERLAST</BT:categorie>
            <BT:subcategorie>JEUGD</BT:subcategorie>
            <BT:prioriteit>2</BT:prioriteit>
            <BT:locatie>
              <BT:omschrijving>Speelveld achter de sporthal</BT:omschrijving>
              <BT:buurtcode>BU01640304</BT:buurtcode>
              <BT:punt><BT:x>250812.5</BT:x><BT:y>476530.0</BT:y></BT:punt>
            </BT:locatie>
            <BT:tijdvak><BT:uiterlijkGereed>2026-12-01T23:00:00+01:00</BT:uiterlijkGereed></BT:tijdvak>
            <BT:grondslag>WPG_ART8</BT:grondslag>
            <BT:opdrachtgever><BT:eenheid>Basisteam Twente-Midden</BT:eenheid></BT:opdrachtgever>
          </BT:taak>
        </BT:taakVerzoek_Di01>

        """

    static let reader = MessageReader()

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
    }

    /// One text replacement (first occurrence, matched on UTF-8 bytes so combining marks can never shift a match).
    struct Edit: Sendable {
        var old: String
        var new: String
        init(_ old: String, _ new: String) {
            self.old = old
            self.new = new
        }
    }

    /// Byte offset of the `occurrence`-th match of `needle`.
    static func byteOffset(of needle: String, in text: String, occurrence: Int = 1) -> Int? {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
        var seen = 0
        var index = 0
        while index + pattern.count <= haystack.count {
            if haystack[index] == pattern[0], Array(haystack[index..<(index + pattern.count)]) == pattern {
                seen += 1
                if seen == occurrence { return index }
                index += pattern.count
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Line and column (1-based, columns in code points) of byte `offset` of `bytes` (UTF-8).
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// Line and column of the `occurrence`-th `needle` in `text`.
    static func position(of needle: String, in text: String, occurrence: Int = 1) throws -> (line: Int, column: Int) {
        guard let offset = byteOffset(of: needle, in: text, occurrence: occurrence) else {
            throw FixtureError(description: "fixture: '\(needle)' (#\(occurrence)) is not in the test document")
        }
        return position(ofByte: offset, in: Array(text.utf8))
    }

    static func applying(_ edits: [Edit], to base: String = sample) throws -> String {
        var text = base
        for edit in edits {
            guard let offset = byteOffset(of: edit.old, in: text) else {
                throw FixtureError(description: "fixture: '\(edit.old)' is not in the test document")
            }
            var bytes = Array(text.utf8)
            bytes.replaceSubrange(offset..<(offset + edit.old.utf8.count), with: Array(edit.new.utf8))
            text = String(decoding: bytes, as: UTF8.self)
        }
        return text
    }

    /// The text of the first `<BT:name>…</BT:name>` of the sample (no element of the sample nests its own name).
    static func element(_ name: String, in text: String = sample) throws -> String {
        guard let start = byteOffset(of: "<BT:\(name)>", in: text),
            let endTag = byteOffset(of: "</BT:\(name)>", in: text)
        else { throw FixtureError(description: "fixture: no element \(name)") }
        let bytes = Array(text.utf8)
        return String(decoding: bytes[start..<(endTag + "</BT:\(name)>".utf8.count)], as: UTF8.self)
    }

    /// Replaces the text of a simple element `<BT:element>old</BT:element>`.
    static func value(_ element: String, _ old: String, _ new: String) -> Edit {
        Edit("<BT:\(element)>\(old)</BT:\(element)>", "<BT:\(element)>\(new)</BT:\(element)>")
    }

    /// Inserts a line before the line that starts with `before` (given with its indentation).
    static func insertLine(_ line: String, before: String) -> Edit {
        Edit(before, line + "\n" + before)
    }

    /// Inserts an optional task element just before `grondslag` (all of §4.1's optional elements between
    /// `tijdvak` and `grondslag` go there).
    static func beforeGrondslag(_ xml: String) -> Edit {
        insertLine("    " + xml, before: "    <BT:grondslag>")
    }

    /// An `adres` in `locatie`, between `omschrijving` and `buurtcode`.
    static func adres(
        straatnaam: String = "Marktstraat", huisnummer: String = "12", huisletter: String? = nil,
        toevoeging: String? = nil, postcode: String = "7511AB", woonplaats: String = "Enschede"
    ) -> Edit {
        var xml = "<BT:adres><BT:straatnaam>\(straatnaam)</BT:straatnaam><BT:huisnummer>\(huisnummer)</BT:huisnummer>"
        if let huisletter { xml += "<BT:huisletter>\(huisletter)</BT:huisletter>" }
        if let toevoeging { xml += "<BT:huisnummertoevoeging>\(toevoeging)</BT:huisnummertoevoeging>" }
        xml += "<BT:postcode>\(postcode)</BT:postcode><BT:woonplaats>\(woonplaats)</BT:woonplaats></BT:adres>"
        return insertLine("      " + xml, before: "      <BT:buurtcode>")
    }

    /// Puts `xml` into `zender` after its `applicatie`.
    static func inZender(_ xml: String) -> Edit {
        Edit("<BT:applicatie>GMS</BT:applicatie>", "<BT:applicatie>GMS</BT:applicatie>\(xml)")
    }

    /// Swaps two distinct substrings.
    static func swap(_ a: String, _ b: String) -> [Edit] {
        let placeholder = "\u{1}SWAP\u{1}"
        return [Edit(a, placeholder), Edit(b, a), Edit(placeholder, b)]
    }

    static func repeated(_ piece: String, _ count: Int) -> String { String(repeating: piece, count: count) }

    /// What a case expects: accepted, or a fault whose primary issue sits at the start of `anchor`.
    enum Outcome: Sendable {
        case ok
        case fault(FaultCode, anchor: String, occurrence: Int)
    }

    /// A document made from the sample by edits, and what it must give.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var edits: [Edit]
        var outcome: Outcome
        var testDescription: String { name }

        static func ok(_ name: String, _ edits: [Edit]) -> Case { Case(name: name, edits: edits, outcome: .ok) }
        static func ok(_ name: String, _ edits: Edit...) -> Case { ok(name, edits) }
        static func invalid(_ name: String, at anchor: String, occurrence: Int = 1, _ edits: [Edit]) -> Case {
            Case(name: name, edits: edits, outcome: .fault(.schemaInvalid, anchor: anchor, occurrence: occurrence))
        }
        static func invalid(_ name: String, at anchor: String, occurrence: Int = 1, _ edits: Edit...) -> Case {
            invalid(name, at: anchor, occurrence: occurrence, edits)
        }
        static func notXML(_ name: String, at anchor: String, occurrence: Int = 1, _ edits: Edit...) -> Case {
            Case(name: name, edits: edits, outcome: .fault(.notXML, anchor: anchor, occurrence: occurrence))
        }
    }

    /// Checks a result against a case's outcome, with positions taken from `text`.
    static func check(_ result: Result<Message, MessageFault>, _ outcome: Outcome, in text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        switch outcome {
        case .ok:
            expectOK(result, sourceLocation: sourceLocation)
        case .fault(let code, let anchor, let occurrence):
            let (line, column) = try position(of: anchor, in: text, occurrence: occurrence)
            expectFault(result, code, line: line, column: column, sourceLocation: sourceLocation)
        }
    }

    @discardableResult
    static func expectOK(_ result: Result<Message, MessageFault>, kind: MessageKind = .taskRequest, sourceLocation: SourceLocation = #_sourceLocation) -> Message? {
        switch result {
        case .success(let message):
            #expect(message.kind == kind, sourceLocation: sourceLocation)
            return message
        case .failure(let fault):
            Issue.record("expected OK \(kind.rawValue), got \(fault) [all: \(fault.issues)]", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Expects a fault with `code` whose primary issue is at `line` (and `column`, when given).
    @discardableResult
    static func expectFault(_ result: Result<Message, MessageFault>, _ code: FaultCode, line: Int, column: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> MessageFault? {
        switch result {
        case .success(let message):
            Issue.record("expected \(code) at line \(line), got OK \(message.kind.rawValue)", sourceLocation: sourceLocation)
            return nil
        case .failure(let fault):
            #expect(fault.code == code, "\(fault)", sourceLocation: sourceLocation)
            #expect(fault.primary.line == line, "\(fault)", sourceLocation: sourceLocation)
            if let column {
                #expect(fault.primary.column == column, "\(fault)", sourceLocation: sourceLocation)
            }
            #expect(!fault.issues.isEmpty, sourceLocation: sourceLocation)
            return fault
        }
    }

    static func read(_ text: String, reader: MessageReader = reader) -> Result<Message, MessageFault> {
        reader.read(Array(text.utf8))
    }

    // MARK: temporary files, FIFOs and sockets

    /// A fresh private directory, removed by `remove()`.
    struct TemporaryDirectory {
        let path: String
        init() throws {
            var template = Array((NSTemporaryDirectory() + "/boa-badinput-XXXXXX").utf8CString)
            guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
                throw FixtureError(description: "mkdtemp failed: \(errno)")
            }
            path = String(cString: made)
        }
        func file(_ name: String) -> String { path + "/" + name }
        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    static func makeFIFO(at path: String) throws {
        guard mkfifo(path, 0o600) == 0 else { throw FixtureError(description: "mkfifo failed: \(errno)") }
    }

    /// Whether some process holds the FIFO open for reading right now (a non-blocking writer open succeeds
    /// only then). Opens and closes a writer if so, which also releases a reader blocked in `open`.
    static func fifoHasReader(_ path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_NONBLOCK)
        if descriptor >= 0 {
            close(descriptor)
            return true
        }
        return false
    }

    final class Box<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: T?
        func set(_ value: T) { lock.withLock { stored = value } }
        var value: T? { lock.withLock { stored } }
    }

    /// Runs `work` on its own thread and waits at most `seconds`. On a timeout, `unblock` is called (it
    /// must make the work finish, e.g. by giving a blocked FIFO reader a writer) and the result is marked
    /// as timed out: the work blocked, so it touched something it must not.
    static func runGuarded<T: Sendable>(seconds: Double, unblock: () -> Void, _ work: @escaping @Sendable () -> T) -> (value: T?, timedOut: Bool) {
        let done = DispatchSemaphore(value: 0)
        let box = Box<T>()
        let thread = Thread {
            box.set(work())
            done.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
        if done.wait(timeout: .now() + seconds) == .success { return (box.value, false) }
        for _ in 0..<50 {
            unblock()
            if done.wait(timeout: .now() + 0.2) == .success { break }
        }
        return (box.value, true)
    }

    /// A TCP socket listening on 127.0.0.1 on a free port, non-blocking, so that "did anybody connect?"
    /// is a non-blocking `accept`.
    final class LoopbackListener {
        let descriptor: Int32
        let port: UInt16

        init(listening: Bool = true) throws {
            #if os(Linux)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
            #endif
            guard descriptor >= 0 else { throw FixtureError(description: "socket failed: \(errno)") }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else {
                close(descriptor)
                throw FixtureError(description: "bind failed: \(errno)")
            }
            if listening {
                guard listen(descriptor, 16) == 0 else {
                    close(descriptor)
                    throw FixtureError(description: "listen failed: \(errno)")
                }
            }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
            guard named == 0 else {
                close(descriptor)
                throw FixtureError(description: "getsockname failed: \(errno)")
            }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            self.descriptor = descriptor
            self.port = UInt16(bigEndian: address.sin_port)
        }

        /// A port on 127.0.0.1 that nobody listens on (bound for a moment, then released).
        static func closedPort() throws -> UInt16 {
            let probe = try LoopbackListener(listening: false)
            let port = probe.port
            probe.shutDown()
            return port
        }

        private var isOpen = true
        func shutDown() {
            if isOpen { close(descriptor) }
            isOpen = false
        }
        deinit { shutDown() }

        /// Accepts (and closes) one pending connection: true if somebody had connected. Fails the test on
        /// an error other than "nothing pending", so the probe itself cannot pass vacuously.
        func acceptPending(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
            let connection = accept(descriptor, nil, nil)
            if connection >= 0 {
                close(connection)
                return true
            }
            let error = errno
            #expect(error == EAGAIN || error == EWOULDBLOCK, "accept failed with errno \(error)", sourceLocation: sourceLocation)
            return false
        }

        /// Connects to this listener from a new socket (for the control test); returns the client socket.
        func connectClient() -> Int32 {
            #if os(Linux)
            let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
            let client = socket(AF_INET, SOCK_STREAM, 0)
            #endif
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            return client
        }
    }

    /// The sample with a comment on line 2 and `doctype` from line 3 on; `taakId` optionally replaced
    /// (by an entity reference, say).
    static func withDoctype(_ doctype: String, taakId: String? = nil) throws -> String {
        var edits = [Edit("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- aangeleverd door partner -->\n\(doctype)\n")]
        if let taakId { edits.append(value("taakId", "ON-TW-2026-000815", taakId)) }
        return try applying(edits)
    }

    /// Adds `attributes` (e.g. namespace declarations) to the root start tag.
    static func rootAttributes(_ attributes: String) -> Edit {
        Edit("<BT:taakVerzoek_Di01 xmlns:BT=\"\(namespace)\"", "<BT:taakVerzoek_Di01 xmlns:BT=\"\(namespace)\" \(attributes)")
    }
}

// MARK: - Case tables

extension BadInput {
    /// Every required element of the sample, removed: the document goes wrong at the next sibling (which is
    /// then unexpected), or, for a last child, at the parent that misses it.
    static let missingRequired: [Case] = {
        func removed(_ name: String, _ element: String? = nil, at anchor: String, _ occurrence: Int = 1) -> Case {
            let text = element ?? ((try? BadInput.element(name)) ?? "<missing fixture \(name)>")
            return .invalid("without \(name)", at: anchor, occurrence: occurrence, Edit(text, ""))
        }
        return [
            removed("berichtcode", at: "<BT:zender>"),
            removed("zender", at: "<BT:ontvanger>"),
            removed("zender/organisatie", "<BT:organisatie>00000099000000000101</BT:organisatie>", at: "<BT:applicatie>GMS"),
            removed("zender/applicatie", "<BT:applicatie>GMS</BT:applicatie>", at: "<BT:zender>"),
            removed("ontvanger", at: "<BT:referentienummer>"),
            removed("ontvanger/organisatie", "<BT:organisatie>00000099000000000164</BT:organisatie>", at: "<BT:applicatie>BOATAAK"),
            removed("ontvanger/applicatie", "<BT:applicatie>BOATAAK</BT:applicatie>", at: "<BT:ontvanger>"),
            removed("referentienummer", at: "<BT:tijdstipBericht>"),
            removed("tijdstipBericht", at: "<BT:functie>"),
            removed("functie", at: "<BT:stuurgegevens>"),
            removed("stuurgegevens", at: "<BT:taak>"),
            removed("taak", at: "<BT:taakVerzoek_Di01"),
            removed("taakId", at: "<BT:categorie>"),
            removed("categorie", at: "<BT:subcategorie>"),
            removed("prioriteit", at: "<BT:locatie>"),
            removed("locatie", at: "<BT:tijdvak>"),
            removed("punt", at: "<BT:locatie>"),
            removed("x", at: "<BT:y>"),
            removed("y", at: "<BT:punt>"),
            removed("tijdvak", at: "<BT:grondslag>"),
            removed("uiterlijkGereed", at: "<BT:tijdvak>"),
            removed("grondslag", at: "<BT:opdrachtgever>"),
            removed("opdrachtgever/eenheid", "<BT:eenheid>Basisteam Twente-Midden</BT:eenheid>", at: "<BT:opdrachtgever>"),
            .invalid("empty taakId", at: "<BT:taakId", Edit("<BT:taakId>ON-TW-2026-000815</BT:taakId>", "<BT:taakId/>")),
            .invalid("empty punt", at: "<BT:punt", Edit("<BT:punt><BT:x>250812.5</BT:x><BT:y>476530.0</BT:y></BT:punt>", "<BT:punt/>")),
            .invalid("empty tijdvak", at: "<BT:tijdvak", Edit("<BT:tijdvak><BT:uiterlijkGereed>2026-12-01T23:00:00+01:00</BT:uiterlijkGereed></BT:tijdvak>", "<BT:tijdvak></BT:tijdvak>")),
            .invalid("empty vereisteBevoegdheden (1..n bevoegdheid)", at: "<BT:vereisteBevoegdheden>", beforeGrondslag("<BT:vereisteBevoegdheden></BT:vereisteBevoegdheden>")),
        ]
    }()

    /// Optional elements of the sample, removed: still valid.
    static let optionalRemoved: [Case] = {
        func removed(_ name: String, _ element: String) -> Case { .ok("without optional \(name)", Edit(element, "")) }
        return [
            removed("subcategorie", "<BT:subcategorie>JEUGD</BT:subcategorie>"),
            removed("locatie/omschrijving", "<BT:omschrijving>Speelveld achter de sporthal</BT:omschrijving>"),
            removed("buurtcode", "<BT:buurtcode>BU01640304</BT:buurtcode>"),
            removed("opdrachtgever", "<BT:opdrachtgever><BT:eenheid>Basisteam Twente-Midden</BT:eenheid></BT:opdrachtgever>"),
        ]
    }()

    /// Two elements in the wrong order: the fault is at the first one out of place.
    static let wrongOrder: [Case] = [
        .invalid("categorie before taakId", at: "<BT:categorie>", swap("<BT:taakId>ON-TW-2026-000815</BT:taakId>", "<BT:categorie>OVERLAST</BT:categorie>")),
        .invalid("prioriteit before categorie", at: "<BT:prioriteit>", swap("<BT:categorie>OVERLAST</BT:categorie>", "<BT:prioriteit>2</BT:prioriteit>")),
        .invalid("tijdstipBericht before referentienummer", at: "<BT:tijdstipBericht>", swap("<BT:referentienummer>GMS-2026-4711</BT:referentienummer>", "<BT:tijdstipBericht>20261201091500000</BT:tijdstipBericht>")),
        .invalid("applicatie before organisatie", at: "<BT:applicatie>GMS", swap("<BT:organisatie>00000099000000000101</BT:organisatie>", "<BT:applicatie>GMS</BT:applicatie>")),
        .invalid("ontvanger before zender", at: "<BT:ontvanger>", swap(
            "<BT:zender><BT:organisatie>00000099000000000101</BT:organisatie><BT:applicatie>GMS</BT:applicatie></BT:zender>",
            "<BT:ontvanger><BT:organisatie>00000099000000000164</BT:organisatie><BT:applicatie>BOATAAK</BT:applicatie></BT:ontvanger>")),
        .invalid("y before x", at: "<BT:y>", swap("<BT:x>250812.5</BT:x>", "<BT:y>476530.0</BT:y>")),
        .invalid("grondslag before tijdvak", at: "<BT:grondslag>", swap(
            "<BT:tijdvak><BT:uiterlijkGereed>2026-12-01T23:00:00+01:00</BT:uiterlijkGereed></BT:tijdvak>", "<BT:grondslag>WPG_ART8</BT:grondslag>")),
        // omschrijving is optional, so buurtcode may come first: the omschrijving after it is out of place.
        .invalid("buurtcode before omschrijving", at: "<BT:omschrijving>", swap(
            "<BT:omschrijving>Speelveld achter de sporthal</BT:omschrijving>", "<BT:buurtcode>BU01640304</BT:buurtcode>")),
        .invalid("functie before tijdstipBericht", at: "<BT:functie>", swap(
            "<BT:tijdstipBericht>20261201091500000</BT:tijdstipBericht>", "<BT:functie>taakVerzoek</BT:functie>")),
        // Both optional: minimaleBezetting may stand there; the geschatteDuur after it may not.
        .invalid("minimaleBezetting before geschatteDuur", at: "<BT:geschatteDuur>",
            beforeGrondslag("<BT:minimaleBezetting>2</BT:minimaleBezetting><BT:geschatteDuur>30</BT:geschatteDuur>")),
    ]

    /// Elements the contract does not have, wherever they are.
    static let unknownElements: [Case] = [
        .invalid("unknown BT element in taak", at: "<BT:extra>", insertLine("    <BT:extra>1</BT:extra>", before: "    <BT:categorie>")),
        .invalid("foreign-namespace element at the end of taak", at: "<ext:extra", insertLine("    <ext:extra xmlns:ext=\"urn:example:ext\">1</ext:extra>", before: "  </BT:taak>")),
        .invalid("unknown element at the end of stuurgegevens", at: "<BT:extra>", insertLine("    <BT:extra>1</BT:extra>", before: "  </BT:stuurgegevens>")),
        .invalid("third child of the root", at: "<BT:bijlage>", insertLine("  <BT:bijlage>x</BT:bijlage>", before: "</BT:taakVerzoek_Di01>")),
        .invalid("a second taak", at: "<BT:taak>", occurrence: 2, insertLine("  " + ((try? element("taak")) ?? "<missing fixture taak>"), before: "</BT:taakVerzoek_Di01>")),
        .invalid("taakId twice", at: "<BT:taakId>", occurrence: 2, insertLine("    <BT:taakId>ON-TW-2</BT:taakId>", before: "    <BT:categorie>")),
        .invalid("element inside a simple value", at: "<BT:prioriteit>", value("prioriteit", "2", "2<BT:x>1</BT:x>")),
        .invalid("text inside element-only content", at: "<BT:taak>", Edit("<BT:taak>\n", "<BT:taak>losse tekst\n")),
        .invalid("unqualified taakId (no namespace)", at: "<taakId>", Edit("<BT:taakId>ON-TW-2026-000815</BT:taakId>", "<taakId>ON-TW-2026-000815</taakId>")),
        .invalid("contract element from another namespace", at: "<o:prioriteit", Edit("<BT:prioriteit>2</BT:prioriteit>", "<o:prioriteit xmlns:o=\"urn:nl:gemeente:boa-taak:0200\">2</o:prioriteit>")),
    ]

    /// Attributes that are not `xsi:*`.
    static let foreignAttributes: [Case] = [
        .invalid("unqualified attribute on taak", at: "<BT:taak ", Edit("<BT:taak>", "<BT:taak id=\"1\">")),
        .invalid("BT-qualified attribute on the root", at: "<BT:taakVerzoek_Di01", rootAttributes("BT:versie=\"0100\"")),
        .invalid("foreign-namespace attribute on taakId", at: "<BT:taakId ", Edit("<BT:taakId>", "<BT:taakId xmlns:ext=\"urn:example:ext\" ext:bron=\"x\">")),
        .invalid("attribute on a simple element", at: "<BT:prioriteit ", Edit("<BT:prioriteit>", "<BT:prioriteit eenheid=\"1\">")),
        .invalid("xml:lang on omschrijving", at: "<BT:omschrijving ", Edit("<BT:omschrijving>", "<BT:omschrijving xml:lang=\"nl\">")),
        .invalid("attribute on punt", at: "<BT:punt ", Edit("<BT:punt>", "<BT:punt srs=\"EPSG:28992\">")),
    ]

    /// `xsi:*` behaves as XSD defines it: location hints are ignored anywhere, `xsi:type`/`xsi:nil` are checked.
    static let schemaInstanceAttributes: [Case] = [
        .ok("xsi:schemaLocation on the root", rootAttributes("xmlns:xsi=\"\(xsiNamespace)\" xsi:schemaLocation=\"\(namespace) boa-taak.xsd\"")),
        .ok("xsi:noNamespaceSchemaLocation on a nested element",
            rootAttributes("xmlns:xsi=\"\(xsiNamespace)\""), Edit("<BT:locatie>", "<BT:locatie xsi:noNamespaceSchemaLocation=\"locatie.xsd\">")),
        .ok("xsi:schemaLocation on a simple element",
            rootAttributes("xmlns:xsi=\"\(xsiNamespace)\""), Edit("<BT:prioriteit>", "<BT:prioriteit xsi:schemaLocation=\"\(namespace) https://example.org/boa-taak.xsd\">")),
        .ok("xsi:type naming the declared type", rootAttributes("xmlns:xsi=\"\(xsiNamespace)\""), Edit("<BT:subcategorie>", "<BT:subcategorie xsi:type=\"BT:Tekst30\">")),
        .invalid("xsi:nil=true on a non-nillable element", at: "<BT:subcategorie ",
            rootAttributes("xmlns:xsi=\"\(xsiNamespace)\""), Edit("<BT:subcategorie>JEUGD</BT:subcategorie>", "<BT:subcategorie xsi:nil=\"true\"></BT:subcategorie>")),
        .invalid("xsi:type not derived from the declared type", at: "<BT:prioriteit ",
            rootAttributes("xmlns:xsi=\"\(xsiNamespace)\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\""), Edit("<BT:prioriteit>", "<BT:prioriteit xsi:type=\"xs:string\">")),
        .invalid("xsi:type naming an unknown type", at: "<BT:prioriteit ",
            rootAttributes("xmlns:xsi=\"\(xsiNamespace)\""), Edit("<BT:prioriteit>", "<BT:prioriteit xsi:type=\"BT:Onbekend\">")),
        .ok("an unused extra namespace declaration", rootAttributes("xmlns:ext=\"urn:example:ext\"")),
        .ok("xsi under another prefix", rootAttributes("xmlns:i=\"\(xsiNamespace)\" i:schemaLocation=\"\(namespace) boa-taak.xsd\"")),
        .invalid("the xsi prefix bound to another namespace is a foreign attribute", at: "<BT:taakVerzoek_Di01",
            rootAttributes("xmlns:xsi=\"urn:example:not-xsi\" xsi:schemaLocation=\"\(namespace) boa-taak.xsd\"")),
        .invalid("an xsi attribute XSD does not define", at: "<BT:taak ",
            rootAttributes("xmlns:xsi=\"\(xsiNamespace)\""), Edit("<BT:taak>", "<BT:taak xsi:versie=\"1\">")),
    ]

    /// Namespace, root, berichtcode and functie must agree (§2, §10).
    static let rootMismatch: [Case] = [
        .invalid("wrong namespace", at: "<BT:taakVerzoek_Di01", Edit(namespace, "urn:nl:gemeente:boa-taak:0101")),
        .invalid("unknown root element", at: "<BT:taakOpdracht_Di01",
            Edit("<BT:taakVerzoek_Di01 ", "<BT:taakOpdracht_Di01 "), Edit("</BT:taakVerzoek_Di01>", "</BT:taakOpdracht_Di01>")),
        .invalid("root with a berichtcode suffix that does not exist for it", at: "<BT:taakVerzoek_Du01",
            Edit("<BT:taakVerzoek_Di01 ", "<BT:taakVerzoek_Du01 "), Edit("</BT:taakVerzoek_Di01>", "</BT:taakVerzoek_Du01>")),
        .invalid("taakVerzoek_Di01 with berichtcode Du01", at: "<BT:berichtcode>", value("berichtcode", "Di01", "Du01")),
        .invalid("taakVerzoek_Di01 with berichtcode Fo03", at: "<BT:berichtcode>", value("berichtcode", "Di01", "Fo03")),
        .invalid("berichtcode in the wrong case", at: "<BT:berichtcode>", value("berichtcode", "Di01", "DI01")),
        .invalid("taakVerzoek_Di01 with functie taakWijziging", at: "<BT:functie>", value("functie", "taakVerzoek", "taakWijziging")),
        .invalid("functie not in the list", at: "<BT:functie>", value("functie", "taakVerzoek", "taakOpdracht")),
        .invalid("root taakWijziging_Di01 with functie taakVerzoek", at: "<BT:functie>",
            Edit("<BT:taakVerzoek_Di01 ", "<BT:taakWijziging_Di01 "), Edit("</BT:taakVerzoek_Di01>", "</BT:taakWijziging_Di01>")),
        .invalid("root and functie taakWijziging with a taak body", at: "<BT:taak>",
            Edit("<BT:taakVerzoek_Di01 ", "<BT:taakWijziging_Di01 "), Edit("</BT:taakVerzoek_Di01>", "</BT:taakWijziging_Di01>"),
            value("functie", "taakVerzoek", "taakWijziging")),
        .invalid("root bevestiging_Bv03 with a taakVerzoek envelope", at: "<BT:berichtcode>",
            Edit("<BT:taakVerzoek_Di01 ", "<BT:bevestiging_Bv03 "), Edit("</BT:taakVerzoek_Di01>", "</BT:bevestiging_Bv03>")),
    ]

}

// MARK: - Pattern and range cases

extension BadInput {
    static let patternsAndRanges: [Case] = {
        var cases: [Case] = []
        func ok(_ name: String, _ edits: Edit...) { cases.append(.ok(name, edits)) }
        func bad(_ name: String, _ anchor: String, _ occurrence: Int = 1, _ edits: Edit...) { cases.append(.invalid(name, at: anchor, occurrence: occurrence, edits)) }

        // organisatie: an OIN, exactly 20 digits.
        bad("zender OIN of 19 digits", "<BT:organisatie>", 1, value("organisatie", "00000099000000000101", "0000009900000000010"))
        bad("zender OIN of 21 digits", "<BT:organisatie>", 1, value("organisatie", "00000099000000000101", "000000990000000001011"))
        bad("zender OIN with a letter", "<BT:organisatie>", 1, value("organisatie", "00000099000000000101", "0000009900000000010A"))
        bad("ontvanger OIN of 19 digits", "<BT:organisatie>", 2, value("organisatie", "00000099000000000164", "0000009900000000016"))
        // applicatie: 3..50 characters.
        bad("applicatie of 2 characters", "<BT:applicatie>", 1, value("applicatie", "GMS", "GM"))
        bad("applicatie of 2 two-byte characters (4 bytes)", "<BT:applicatie>", 1, value("applicatie", "GMS", "ÉÉ"))
        ok("applicatie of 3 two-byte characters", value("applicatie", "GMS", "ÉÉÉ"))
        ok("applicatie of 50 characters", value("applicatie", "GMS", repeated("A", 50)))
        bad("applicatie of 51 characters", "<BT:applicatie>", 1, value("applicatie", "GMS", repeated("A", 51)))
        bad("empty applicatie", "<BT:applicatie>", 1, value("applicatie", "GMS", ""))
        // administratie: PROD or TEST.
        ok("administratie PROD", inZender("<BT:administratie>PROD</BT:administratie>"))
        ok("administratie TEST", inZender("<BT:administratie>TEST</BT:administratie>"))
        bad("administratie ACC", "<BT:administratie>", 1, inZender("<BT:administratie>ACC</BT:administratie>"))
        bad("administratie test (lower case)", "<BT:administratie>", 1, inZender("<BT:administratie>test</BT:administratie>"))
        // gebruiker: 1..100 characters.
        ok("gebruiker of 100 characters", inZender("<BT:gebruiker>\(repeated("é", 100))</BT:gebruiker>"))
        bad("gebruiker of 101 characters", "<BT:gebruiker>", 1, inZender("<BT:gebruiker>\(repeated("é", 101))</BT:gebruiker>"))
        bad("empty gebruiker", "<BT:gebruiker", 1, inZender("<BT:gebruiker></BT:gebruiker>"))
        // referentienummer: 1..40 of [A-Za-z0-9._:-].
        ok("referentienummer of 40 characters", value("referentienummer", "GMS-2026-4711", repeated("R", 40)))
        bad("referentienummer of 41 characters", "<BT:referentienummer>", 1, value("referentienummer", "GMS-2026-4711", repeated("R", 41)))
        bad("referentienummer with a space", "<BT:referentienummer>", 1, value("referentienummer", "GMS-2026-4711", "GMS 2026-4711"))
        bad("referentienummer with a slash", "<BT:referentienummer>", 1, value("referentienummer", "GMS-2026-4711", "GMS/2026/4711"))
        bad("referentienummer with é", "<BT:referentienummer>", 1, value("referentienummer", "GMS-2026-4711", "GMS-é"))
        bad("empty referentienummer", "<BT:referentienummer>", 1, value("referentienummer", "GMS-2026-4711", ""))
        ok("referentienummer with every allowed sign", value("referentienummer", "GMS-2026-4711", "Az09._:-"))
        bad("crossRefnummer with a space", "<BT:crossRefnummer>", 1,
            insertLine("    <BT:crossRefnummer>REF 1</BT:crossRefnummer>", before: "    <BT:functie>"))
        ok("crossRefnummer allowed in a taakVerzoek", insertLine("    <BT:crossRefnummer>REF-1</BT:crossRefnummer>", before: "    <BT:functie>"))
        // tijdstipBericht: 17 digits, each field in range, calendar not checked.
        for (name, text) in [
            ("month 13", "20261301091500000"), ("month 00", "20260001091500000"), ("day 00", "20261200091500000"),
            ("day 32", "20261232091500000"), ("hour 24", "20261201241500000"), ("minute 60", "20261201096000000"),
            ("second 60", "20261201091560000"), ("16 digits", "2026120109150000"), ("18 digits", "202612010915000000"),
            ("an ISO time", "2026-12-01T09:15:00"), ("a letter", "2026120109150000x"),
        ] {
            bad("tijdstipBericht with \(name)", "<BT:tijdstipBericht>", 1, value("tijdstipBericht", "20261201091500000", text))
        }
        ok("tijdstipBericht on 30 February", value("tijdstipBericht", "20261201091500000", "20260230091500000"))
        ok("tijdstipBericht on 31 April", value("tijdstipBericht", "20261201091500000", "20260431120000000"))
        ok("tijdstipBericht at every field's maximum", value("tijdstipBericht", "20261201091500000", "20261231235959999"))
        ok("tijdstipBericht at the first moment of a year", value("tijdstipBericht", "20261201091500000", "20260101000000000"))
        // categorie: the code list of §6.1.
        for code in ["OVERLAST", "AFVAL", "PARKEREN", "HONDEN", "ALCOHOL", "VUURWERK", "EVENEMENT", "INBRAAKNAZORG",
            "ONDERMIJNING_CONTROLE", "ZORG_SIGNAAL", "MILIEU", "LEERPLICHT", "OM_OPDRACHT", "INTEGRALE_CONTROLE", "OVERIG"]
        {
            ok("categorie \(code)", value("categorie", "OVERLAST", code))
        }
        bad("categorie not in the list", "<BT:categorie>", 1, value("categorie", "OVERLAST", "GRAFFITI"))
        bad("categorie in lower case", "<BT:categorie>", 1, value("categorie", "OVERLAST", "overlast"))
        bad("categorie with a trailing space", "<BT:categorie>", 1, value("categorie", "OVERLAST", "OVERLAST "))
        // prioriteit: xs:integer 1..4.
        bad("prioriteit 0", "<BT:prioriteit>", 1, value("prioriteit", "2", "0"))
        bad("prioriteit 5", "<BT:prioriteit>", 1, value("prioriteit", "2", "5"))
        bad("prioriteit -1", "<BT:prioriteit>", 1, value("prioriteit", "2", "-1"))
        bad("prioriteit 2.0 (not an integer)", "<BT:prioriteit>", 1, value("prioriteit", "2", "2.0"))
        bad("prioriteit in words", "<BT:prioriteit>", 1, value("prioriteit", "2", "twee"))
        bad("empty prioriteit", "<BT:prioriteit>", 1, value("prioriteit", "2", ""))
        ok("prioriteit 1", value("prioriteit", "2", "1"))
        ok("prioriteit 4", value("prioriteit", "2", "4"))
        ok("prioriteit +4 (xs:integer lexical form)", value("prioriteit", "2", "+4"))
        ok("prioriteit 004 (xs:integer lexical form)", value("prioriteit", "2", "004"))
        ok("prioriteit with surrounding whitespace (collapsed)", value("prioriteit", "2", " 3\n"))
        // punt: RD x 0..300000, y 300000..625000.
        bad("x below 0", "<BT:x>", 1, value("x", "250812.5", "-0.001"))
        bad("x above 300000", "<BT:x>", 1, value("x", "250812.5", "300000.001"))
        bad("x with an exponent (not xs:decimal)", "<BT:x>", 1, value("x", "250812.5", "2.5E5"))
        bad("x not a number", "<BT:x>", 1, value("x", "250812.5", "oost"))
        bad("empty x", "<BT:x>", 1, value("x", "250812.5", ""))
        ok("x 0", value("x", "250812.5", "0"))
        ok("x 300000", value("x", "250812.5", "300000"))
        ok("x 300000.000", value("x", "250812.5", "300000.000"))
        bad("y below 300000", "<BT:y>", 1, value("y", "476530.0", "299999.999"))
        bad("y above 625000", "<BT:y>", 1, value("y", "476530.0", "625000.001"))
        ok("y 300000", value("y", "476530.0", "300000"))
        ok("y 625000", value("y", "476530.0", "625000"))
        ok("x +250812.5 (xs:decimal lexical form)", value("x", "250812.5", "+250812.5"))
        ok("x 250812. (xs:decimal lexical form)", value("x", "250812.5", "250812."))
        ok("x .5 (xs:decimal lexical form)", value("x", "250812.5", ".5"))
        ok("y with surrounding whitespace (collapsed)", value("y", "476530.0", " 476530.0\n"))
        // Columns count code points: a fault after multi-byte characters on the same line.
        bad("buurtcode after emoji on the same line", "<BT:buurtcode>", 1,
            Edit("Speelveld achter de sporthal</BT:omschrijving>\n      <BT:buurtcode>BU01640304", "😀é😀 e\u{301}</BT:omschrijving><BT:buurtcode>BU0164030"))
        // A start tag spread over two lines: the fault is where the tag starts.
        bad("prioriteit 9 in a start tag over two lines", "<BT:prioriteit", 1, Edit("<BT:prioriteit>2</BT:prioriteit>", "<BT:prioriteit\n      >9</BT:prioriteit>"))
        // buurtcode: BU + 8 digits.
        bad("buurtcode with 7 digits", "<BT:buurtcode>", 1, value("buurtcode", "BU01640304", "BU0164030"))
        bad("buurtcode with 9 digits", "<BT:buurtcode>", 1, value("buurtcode", "BU01640304", "BU016403041"))
        bad("buurtcode in lower case", "<BT:buurtcode>", 1, value("buurtcode", "BU01640304", "bu01640304"))
        bad("wijkcode instead of buurtcode", "<BT:buurtcode>", 1, value("buurtcode", "BU01640304", "WK01640304"))
        // adres.
        ok("a complete adres", adres(huisletter: "A", toevoeging: "bis"))
        bad("postcode starting with 0", "<BT:postcode>", 1, adres(postcode: "0511AB"))
        bad("postcode in lower case", "<BT:postcode>", 1, adres(postcode: "7511ab"))
        bad("postcode with a space", "<BT:postcode>", 1, adres(postcode: "7511 AB"))
        bad("postcode with one letter", "<BT:postcode>", 1, adres(postcode: "7511A"))
        ok("postcode 1000AA", adres(postcode: "1000AA"))
        ok("postcode 9999ZZ", adres(postcode: "9999ZZ"))
        bad("huisnummer 0", "<BT:huisnummer>", 1, adres(huisnummer: "0"))
        bad("huisnummer 100000", "<BT:huisnummer>", 1, adres(huisnummer: "100000"))
        ok("huisnummer 1", adres(huisnummer: "1"))
        ok("huisnummer 99999", adres(huisnummer: "99999"))
        bad("huisletter of two letters", "<BT:huisletter>", 1, adres(huisletter: "AB"))
        bad("huisletter a digit", "<BT:huisletter>", 1, adres(huisletter: "1"))
        bad("huisletter é (not A-Z)", "<BT:huisletter>", 1, adres(huisletter: "é"))
        ok("huisletter a", adres(huisletter: "a"))
        ok("huisletter Z", adres(huisletter: "Z"))
        ok("huisnummertoevoeging of 4 two-byte characters", adres(toevoeging: repeated("é", 4)))
        bad("huisnummertoevoeging of 5 characters", "<BT:huisnummertoevoeging>", 1, adres(toevoeging: repeated("é", 5)))
        ok("straatnaam of 80 characters", adres(straatnaam: repeated("é", 80)))
        bad("straatnaam of 81 characters", "<BT:straatnaam>", 1, adres(straatnaam: repeated("é", 81)))
        ok("woonplaats of 80 emoji", adres(woonplaats: repeated("😀", 80)))
        bad("woonplaats of 81 emoji", "<BT:woonplaats>", 1, adres(woonplaats: repeated("😀", 81)))
        // geschatteDuur 5..720, minimaleBezetting 1..4.
        bad("geschatteDuur 4", "<BT:geschatteDuur>", 1, beforeGrondslag("<BT:geschatteDuur>4</BT:geschatteDuur>"))
        bad("geschatteDuur 721", "<BT:geschatteDuur>", 1, beforeGrondslag("<BT:geschatteDuur>721</BT:geschatteDuur>"))
        ok("geschatteDuur 5", beforeGrondslag("<BT:geschatteDuur>5</BT:geschatteDuur>"))
        ok("geschatteDuur 720", beforeGrondslag("<BT:geschatteDuur>720</BT:geschatteDuur>"))
        bad("minimaleBezetting 0", "<BT:minimaleBezetting>", 1, beforeGrondslag("<BT:minimaleBezetting>0</BT:minimaleBezetting>"))
        bad("minimaleBezetting 5", "<BT:minimaleBezetting>", 1, beforeGrondslag("<BT:minimaleBezetting>5</BT:minimaleBezetting>"))
        ok("minimaleBezetting 1", beforeGrondslag("<BT:minimaleBezetting>1</BT:minimaleBezetting>"))
        ok("minimaleBezetting 4", beforeGrondslag("<BT:minimaleBezetting>4</BT:minimaleBezetting>"))
        // vereistDomein, bevoegdheid, veiligheid, vertrouwelijkheid, grondslag, bewaartermijn.
        ok("vereistDomein VI", beforeGrondslag("<BT:vereistDomein>VI</BT:vereistDomein>"))
        bad("vereistDomein VII", "<BT:vereistDomein>", 1, beforeGrondslag("<BT:vereistDomein>VII</BT:vereistDomein>"))
        ok("bevoegdheid BOEIEN", beforeGrondslag("<BT:vereisteBevoegdheden><BT:bevoegdheid>BOEIEN</BT:bevoegdheid></BT:vereisteBevoegdheden>"))
        bad("bevoegdheid not in the list", "<BT:bevoegdheid>", 2,
            beforeGrondslag("<BT:vereisteBevoegdheden><BT:bevoegdheid>APV</BT:bevoegdheid><BT:bevoegdheid>HANDBOEIEN</BT:bevoegdheid></BT:vereisteBevoegdheden>"))
        ok("geweldVerwacht 0 (xs:boolean)", beforeGrondslag("<BT:veiligheid><BT:geweldVerwacht>0</BT:geweldVerwacht></BT:veiligheid>"))
        bad("geweldVerwacht ja", "<BT:geweldVerwacht>", 1, beforeGrondslag("<BT:veiligheid><BT:geweldVerwacht>ja</BT:geweldVerwacht></BT:veiligheid>"))
        ok("vertrouwelijkheid STRIKT", beforeGrondslag("<BT:vertrouwelijkheid>STRIKT</BT:vertrouwelijkheid>"))
        bad("vertrouwelijkheid GEHEIM", "<BT:vertrouwelijkheid>", 1, beforeGrondslag("<BT:vertrouwelijkheid>GEHEIM</BT:vertrouwelijkheid>"))
        bad("grondslag not in the list", "<BT:grondslag>", 1, value("grondslag", "WPG_ART8", "WPG_ART10"))
        ok("bewaartermijn P1Y", insertLine("    <BT:bewaartermijn>P1Y</BT:bewaartermijn>", before: "    <BT:opdrachtgever>"))
        // Zero or negative retention is a decision (BOA008 in a taakReactie), not a schema fault: it must be read.
        ok("bewaartermijn -P1Y", insertLine("    <BT:bewaartermijn>-P1Y</BT:bewaartermijn>", before: "    <BT:opdrachtgever>"))
        ok("bewaartermijn P0D", insertLine("    <BT:bewaartermijn>P0D</BT:bewaartermijn>", before: "    <BT:opdrachtgever>"))
        ok("bewaartermijn with every field", insertLine("    <BT:bewaartermijn>P1Y2M3DT4H5M6.5S</BT:bewaartermijn>", before: "    <BT:opdrachtgever>"))
        bad("bewaartermijn 1Y (not xs:duration)", "<BT:bewaartermijn>", 1, insertLine("    <BT:bewaartermijn>1Y</BT:bewaartermijn>", before: "    <BT:opdrachtgever>"))
        // tijd: xs:dateTime with an offset.
        bad("uiterlijkGereed without an offset", "<BT:uiterlijkGereed>", 1, value("uiterlijkGereed", "2026-12-01T23:00:00+01:00", "2026-12-01T23:00:00"))
        bad("uiterlijkGereed a date only", "<BT:uiterlijkGereed>", 1, value("uiterlijkGereed", "2026-12-01T23:00:00+01:00", "2026-12-01"))
        bad("uiterlijkGereed with a one-digit offset hour", "<BT:uiterlijkGereed>", 1, value("uiterlijkGereed", "2026-12-01T23:00:00+01:00", "2026-12-01T23:00:00+1:00"))
        bad("uiterlijkGereed in month 13", "<BT:uiterlijkGereed>", 1, value("uiterlijkGereed", "2026-12-01T23:00:00+01:00", "2026-13-01T23:00:00Z"))
        ok("uiterlijkGereed with Z", value("uiterlijkGereed", "2026-12-01T23:00:00+01:00", "2026-12-01T22:00:00Z"))
        bad("uiterlijkGereed on 29 February of a common year", "<BT:uiterlijkGereed>", 1, value("uiterlijkGereed", "2026-12-01T23:00:00+01:00", "2026-02-29T23:00:00+01:00"))
        ok("uiterlijkGereed on 29 February of a leap year", value("uiterlijkGereed", "2026-12-01T23:00:00+01:00", "2028-02-29T23:00:00+01:00"))
        ok("uiterlijkGereed with twelve fractional digits", value("uiterlijkGereed", "2026-12-01T23:00:00+01:00", "2026-12-01T23:00:00.123456789012+01:00"))
        ok("uiterlijkGereed with fractional seconds", value("uiterlijkGereed", "2026-12-01T23:00:00+01:00", "2026-12-01T23:00:00.250+01:00"))
        ok("uiterlijkGereed with surrounding whitespace (collapsed)", value("uiterlijkGereed", "2026-12-01T23:00:00+01:00", " 2026-12-01T23:00:00+01:00\n"))
        ok("uiterlijkGereed with a negative offset", value("uiterlijkGereed", "2026-12-01T23:00:00+01:00", "2026-12-01T17:00:00-05:00"))
        bad("gewenstAanvang without an offset", "<BT:gewenstAanvang>", 1,
            Edit("<BT:tijdvak><BT:uiterlijkGereed>", "<BT:tijdvak><BT:gewenstAanvang>2026-12-01T20:00:00</BT:gewenstAanvang><BT:uiterlijkGereed>"))
        ok("gewenstAanvang with an offset",
            Edit("<BT:tijdvak><BT:uiterlijkGereed>", "<BT:tijdvak><BT:gewenstAanvang>2026-12-01T20:00:00+01:00</BT:gewenstAanvang><BT:uiterlijkGereed>"))
        return cases
    }()

    /// tekstN at N and N+1 code points, with one-byte, two-byte, four-byte and combining characters:
    /// lengths count code points (not bytes, not UTF-16 units, not grapheme clusters), whitespace included.
    static let textLengths: [Case] = {
        var cases: [Case] = []
        let combining = "e\u{301}"  // two code points, one grapheme cluster
        func lengths(_ element: String, _ limit: Int, insert: (String) -> Edit, anchor: String? = nil, occurrence: Int = 1) {
            let anchor = anchor ?? "<BT:\(element)>"
            for (label, piece) in [("a", "a"), ("é", "é"), ("😀", "😀")] {
                cases.append(.ok("\(element) of \(limit) × \(label)", [insert(repeated(piece, limit))]))
                cases.append(.invalid("\(element) of \(limit + 1) × \(label)", at: anchor, occurrence: occurrence, [insert(repeated(piece, limit + 1))]))
            }
            cases.append(.invalid("empty \(element)", at: anchor, occurrence: occurrence, [insert("")]))
            // limit code points in fewer grapheme clusters: fine; limit + 1 code points: too long.
            let pairs = limit / 2
            cases.append(.ok("\(element) of \(limit) code points in combining pairs", [insert(repeated(combining, pairs) + repeated("a", limit - 2 * pairs))]))
            cases.append(.invalid("\(element) of \(limit + 1) code points in \(pairs + limit - 2 * pairs + 1) grapheme clusters", at: anchor, occurrence: occurrence,
                [insert(repeated(combining, pairs) + repeated("a", limit - 2 * pairs + 1))]))
        }
        lengths("taakId", 40, insert: { value("taakId", "ON-TW-2026-000815", $0) })
        lengths("bronReferentie", 40, insert: { insertLine("    <BT:bronReferentie>\($0)</BT:bronReferentie>", before: "    <BT:categorie>") })
        lengths("subcategorie", 30, insert: { value("subcategorie", "JEUGD", $0) })
        lengths("locatie/omschrijving", 200, insert: { value("omschrijving", "Speelveld achter de sporthal", $0) }, anchor: "<BT:omschrijving>")
        lengths("eenheid", 100, insert: { value("eenheid", "Basisteam Twente-Midden", $0) })
        lengths("rol", 50, insert: { Edit("</BT:eenheid>", "</BT:eenheid><BT:rol>\($0)</BT:rol>") })
        lengths("toelichting", 500, insert: {
            beforeGrondslag("<BT:veiligheid><BT:geweldVerwacht>false</BT:geweldVerwacht><BT:toelichting>\($0)</BT:toelichting></BT:veiligheid>")
        })
        lengths("taak/omschrijving", 1000, insert: { insertLine("    <BT:omschrijving>\($0)</BT:omschrijving>", before: "  </BT:taak>") },
            anchor: "<BT:omschrijving>", occurrence: 2)
        // A character or entity reference is one character.
        cases.append(.ok("taakId of 40 × &#x1F600;", [value("taakId", "ON-TW-2026-000815", repeated("&#x1F600;", 40))]))
        cases.append(.invalid("taakId of 41 × &#x1F600;", at: "<BT:taakId>", [value("taakId", "ON-TW-2026-000815", repeated("&#x1F600;", 41))]))
        cases.append(.ok("taakId of 40 × &amp;", [value("taakId", "ON-TW-2026-000815", repeated("&amp;", 40))]))
        cases.append(.invalid("taakId of 41 × &amp;", at: "<BT:taakId>", [value("taakId", "ON-TW-2026-000815", repeated("&amp;", 41))]))
        // Whitespace counts.
        cases.append(.ok("taakId of 40 with a leading and a trailing space", [value("taakId", "ON-TW-2026-000815", " " + repeated("a", 38) + " ")]))
        cases.append(.invalid("taakId of 41 with a leading and a trailing space", at: "<BT:taakId>",
            [value("taakId", "ON-TW-2026-000815", " " + repeated("a", 39) + " ")]))
        return cases
    }()

    /// Things §10 allows: comments, processing instructions, CDATA, a BOM-less or BOM'd UTF-8 document.
    static let allowedSyntax: [Case] = [
        .ok("comments between elements", insertLine("    <!-- opmerking van de meldkamer -->", before: "    <BT:categorie>")),
        .ok("a processing instruction before the root", Edit("<BT:taakVerzoek_Di01 ", "<?partner versie=\"2\"?>\n<BT:taakVerzoek_Di01 ")),
        .ok("a processing instruction inside taak", insertLine("    <?partner x?>", before: "    <BT:categorie>")),
        .ok("CDATA in omschrijving", value("omschrijving", "Speelveld achter de sporthal", "<![CDATA[Speelveld <achter> de sporthal & co]]>")),
        .ok("escaped characters in omschrijving", value("omschrijving", "Speelveld achter de sporthal", "Speelveld &lt;achter&gt; &amp; &#233; &#x1F600;")),
        .ok("no XML declaration", Edit("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "")),
        .ok("an XML declaration without encoding", Edit("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\"?>")),
        .ok("encoding label utf-8", Edit("encoding=\"UTF-8\"", "encoding=\"utf-8\"")),
        .ok("encoding label Utf-8 in single quotes", Edit("encoding=\"UTF-8\"", "encoding='Utf-8'")),
        .ok("standalone declaration", Edit("encoding=\"UTF-8\"?>", "encoding=\"UTF-8\" standalone=\"yes\"?>")),
        .ok("CRLF line ends", Edit("\n  <BT:stuurgegevens>", "\r\n  <BT:stuurgegevens>")),
    ]
}

// MARK: - The suite

@Suite struct BadInputTests {
    typealias K = BadInput

    // MARK: sanity

    @Test func theSampleIsValid() throws {
        let message = try #require(K.expectOK(K.read(K.sample)))
        #expect(message.envelope.reference == "GMS-2026-4711")
        if case .taskRequest(let task) = message.body {
            #expect(task.taskId == "ON-TW-2026-000815")
        } else {
            Issue.record("not a task request: \(message.body)")
        }
    }

    // MARK: not well-formed → NIETXML at the line of the problem

    @Test func emptyFile() {
        K.expectFault(K.reader.read([UInt8]()), .notXML, line: 1, column: 1)
    }

    @Test func truncatedInText() throws {
        let cut = try #require(K.byteOffset(of: "<BT:omschrijving>Speelveld", in: K.sample)) + "<BT:omschrijving>Speelveld".utf8.count
        let bytes = Array(Array(K.sample.utf8)[..<cut])
        let (line, _) = try K.position(of: "<BT:omschrijving>", in: K.sample)
        K.expectFault(K.reader.read(bytes), .notXML, line: line)
    }

    @Test func truncatedInAStartTag() throws {
        let cut = try #require(K.byteOffset(of: "<BT:prioriteit>", in: K.sample)) + "<BT:priori".utf8.count
        let bytes = Array(Array(K.sample.utf8)[..<cut])
        let (line, _) = try K.position(of: "<BT:prioriteit>", in: K.sample)
        K.expectFault(K.reader.read(bytes), .notXML, line: line)
    }

    @Test func truncatedInsideAMultiByteCharacter() throws {
        let text = try K.applying([K.value("omschrijving", "Speelveld achter de sporthal", "Speelveld é")])
        let cut = try #require(K.byteOffset(of: "é", in: text)) + 1  // keep only the lead byte 0xC3
        let bytes = Array(Array(text.utf8)[..<cut])
        let (line, _) = try K.position(of: "<BT:omschrijving>", in: text)
        K.expectFault(K.reader.read(bytes), .notXML, line: line)
    }

    static let wellFormednessCases: [BadInput.Case] = {
        typealias C = BadInput.Case
        typealias E = BadInput.Edit
        return [
            .notXML("end tag in the wrong case", at: "</BT:taakid>", E("</BT:taakId>", "</BT:taakid>")),
            .notXML("end tag without its prefix", at: "</categorie>", E("</BT:categorie>", "</categorie>")),
            .notXML("end tag of another element", at: "</BT:categorie>", occurrence: 2, E("2</BT:prioriteit>", "2</BT:categorie>")),
            .notXML("an end tag missing (locatie never closed)", at: "</BT:taak>", E("    </BT:locatie>\n", "")),
            .notXML("a stray end tag", at: "</BT:punt>", occurrence: 2, E("</BT:punt>", "</BT:punt></BT:punt>")),
            .notXML("an element after the root", at: "<BT:taak/>", E("</BT:taakVerzoek_Di01>\n", "</BT:taakVerzoek_Di01>\n<BT:taak/>\n")),
            .notXML("text after the root", at: "naschrift", E("</BT:taakVerzoek_Di01>\n", "</BT:taakVerzoek_Di01>\nnaschrift\n")),
            .notXML("a bare ampersand", at: "<BT:omschrijving>", E("achter de sporthal", "achter & de sporthal")),
            .notXML("a bare less-than", at: "<BT:omschrijving>", E("achter de sporthal", "achter < de sporthal")),
            .notXML("an undeclared entity", at: "<BT:omschrijving>", E("achter de sporthal", "achter&nbsp;de sporthal")),
            .notXML("character reference to NUL", at: "<BT:omschrijving>", E("achter de sporthal", "achter&#0;de sporthal")),
            .notXML("character reference to U+0001", at: "<BT:omschrijving>", E("achter de sporthal", "achter&#x1;de sporthal")),
            .notXML("character reference to a surrogate", at: "<BT:omschrijving>", E("achter de sporthal", "achter&#xD800;de sporthal")),
            .notXML("a raw U+0001 control character", at: "<BT:omschrijving>", E("achter de sporthal", "achter\u{1}de sporthal")),
            .notXML("a raw U+FFFE non-character", at: "<BT:omschrijving>", E("achter de sporthal", "achter\u{FFFE}de sporthal")),
            .notXML("an unquoted attribute value", at: "<BT:taak ", E("<BT:taak>", "<BT:taak id=1>")),
            .notXML("a duplicate attribute", at: "<BT:taak ", E("<BT:taak>", "<BT:taak a=\"1\" a=\"2\">")),
            .notXML("an element name starting with a digit", at: "<BT:1extra", C.insertLineEdit("    <BT:1extra/>", before: "    <BT:categorie>")),
            .notXML("a comment containing --", at: "<!--", C.insertLineEdit("    <!-- niet -- toegestaan -->", before: "    <BT:categorie>")),
            .notXML("the XML declaration not at the start", at: "<?xml", E("<?xml version=", "\n<?xml version=")),
            .notXML("an undeclared element prefix", at: "<X:extra>", C.insertLineEdit("    <X:extra>1</X:extra>", before: "    <BT:categorie>")),
            .notXML("an undeclared attribute prefix", at: "<BT:taak ", E("<BT:taak>", "<BT:taak xsi:type=\"BT:Taak\">")),
            .notXML("the xml prefix bound to another namespace", at: "<BT:taak ", E("<BT:taak>", "<BT:taak xmlns:xml=\"urn:example:xml\">")),
            .notXML("a prefix undeclared with an empty namespace", at: "<BT:taak ", E("<BT:taak>", "<BT:taak xmlns:BT=\"\">")),
            .notXML("the root's prefix undeclared", at: "<BT:taakVerzoek_Di01", E(" xmlns:BT=\"urn:nl:gemeente:boa-taak:0100\"", "")),
            .notXML("a lower-case doctype", at: "<!doctype", E("<BT:taakVerzoek_Di01 ", "<!doctype BT:taakVerzoek_Di01>\n<BT:taakVerzoek_Di01 ")),
            .notXML("an empty DOCTYPE", at: "<!DOCTYPE", E("<BT:taakVerzoek_Di01 ", "<!DOCTYPE >\n<BT:taakVerzoek_Di01 ")),
        ]
    }()

    @Test(arguments: wellFormednessCases)
    func notWellFormed(_ testCase: BadInput.Case) throws {
        let text = try K.applying(testCase.edits)
        guard case .fault(let code, let anchor, let occurrence) = testCase.outcome else { return }
        // Well-formedness columns are the parser's business; the line is the contract.
        let (line, _) = try K.position(of: anchor, in: text, occurrence: occurrence)
        K.expectFault(K.read(text), code, line: line)
    }

    /// Invalid UTF-8 byte sequences in `taakId` (line 12).
    @Test(arguments: [
        ("0xFF", [0xFF]), ("a lone continuation byte", [0x80]), ("an overlong '/'", [0xC0, 0xAF]),
        ("an encoded surrogate", [0xED, 0xA0, 0x80]), ("a code point above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("a Latin-1 é", [0xE9]), ("a five-byte sequence", [0xF8, 0x88, 0x80, 0x80, 0x80]),
        ("a lead byte without its continuation", [0xE2, 0x82]),
    ] as [(String, [UInt8])])
    func invalidUTF8(_ name: String, _ bad: [UInt8]) throws {
        var bytes = Array(K.sample.utf8)
        let at = try #require(K.byteOffset(of: "ON-TW-2026", in: K.sample)) + 2
        bytes.insert(contentsOf: bad, at: at)
        let (line, _) = try K.position(of: "<BT:taakId>", in: K.sample)
        K.expectFault(K.reader.read(bytes), .notXML, line: line)
    }

    @Test func invalidUTF8InAComment() throws {
        let text = try K.applying([K.insertLine("    <!-- opmerking X -->", before: "    <BT:categorie>")])
        var bytes = Array(text.utf8)
        let at = try #require(K.byteOffset(of: "opmerking X", in: text)) + "opmerking ".utf8.count
        bytes[at] = 0xFF
        let (line, _) = try K.position(of: "<!-- opmerking", in: text)
        K.expectFault(K.reader.read(bytes), .notXML, line: line)
    }

    @Test func binaryGarbage() {
        // No newline and no NUL: everything is on line 1, and it goes wrong at the first byte.
        let bytes = (0..<4096).map { UInt8(0x80 + ($0 * 37) % 0x7F) }
        #expect(!bytes.contains(0x0A) && !bytes.contains(0))
        K.expectFault(K.reader.read(bytes), .notXML, line: 1)
    }

    @Test
    func binaryFileWithNULBytes() {
        // A PNG file: not XML from its first byte (line 1), though its first NUL is on line 2.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
            0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89]
        K.expectFault(K.reader.read(png), .notXML, line: 1)
    }

    // MARK: encodings and NUL bytes

    @Test(arguments: [
        ("ISO-8859-1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"),
        ("UTF-16 label on UTF-8 bytes", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"),
        ("UTF8 without the hyphen", "<?xml version=\"1.0\" encoding=\"UTF8\"?>"),
        ("US-ASCII", "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>"),
        ("windows-1252 in single quotes", "<?xml version='1.0' encoding='windows-1252'?>"),
        ("ISO-8859-1 with spaces around =", "<?xml version=\"1.0\" encoding = \"ISO-8859-1\" ?>"),
    ])
    func anotherDeclaredEncoding(_ name: String, _ declaration: String) throws {
        let text = try K.applying([K.Edit("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", declaration)])
        K.expectFault(K.read(text), .notXML, line: 1)
    }

    @Test func latin1DeclaredAndUsed() throws {
        // The é of "Speelveld" as ISO-8859-1 byte 0xE9 on line 17; the declaration on line 1 is where it first goes wrong.
        let text = try K.applying([K.Edit("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\""), K.Edit("Speelveld", "Speelveld X")])
        var bytes = Array(text.utf8)
        bytes[try #require(K.byteOffset(of: "Speelveld X", in: text)) + "Speelveld ".utf8.count] = 0xE9
        K.expectFault(K.reader.read(bytes), .notXML, line: 1)
    }

    @Test func anotherEncodingDeclaredOnTheSecondLineOfTheDeclaration() throws {
        let text = try K.applying([K.Edit("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\"\n      encoding=\"ISO-8859-1\"?>")])
        K.expectFault(K.read(text), .notXML, line: 2)
    }

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let high = UInt8(unit >> 8)
            let low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    @Test(arguments: [(false, true), (true, true)])
    func utf16WithBOM(bigEndian: Bool, bom: Bool) throws {
        let text = try K.applying([K.Edit("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")])
        K.expectFault(K.reader.read(Self.utf16(text, bigEndian: bigEndian, bom: bom)), .notXML, line: 1, column: 1)
    }

    @Test func utf16WithoutBOM() throws {
        let text = try K.applying([K.Edit("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")])
        K.expectFault(K.reader.read(Self.utf16(text, bigEndian: false, bom: false)), .notXML, line: 1)
    }

    @Test func utf32WithBOM() {
        var bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x00]
        for scalar in K.sample.unicodeScalars {
            let v = scalar.value
            bytes += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), 0]
        }
        K.expectFault(K.reader.read(bytes), .notXML, line: 1)
    }

    @Test func nulByteInText() throws {
        var bytes = Array(K.sample.utf8)
        let at = try #require(K.byteOffset(of: "achter de", in: K.sample)) + "achter".utf8.count
        bytes[at] = 0  // the space after "achter"
        let (line, column) = K.position(ofByte: at, in: Array(K.sample.utf8))
        #expect(line == 17)
        K.expectFault(K.reader.read(bytes), .notXML, line: line, column: column)
    }

    @Test func nulByteAfterTheRoot() throws {
        let bytes = Array(K.sample.utf8) + [0]
        let (line, column) = K.position(ofByte: bytes.count - 1, in: bytes)
        K.expectFault(K.reader.read(bytes), .notXML, line: line, column: column)
    }

    @Test func utf8WithBOMIsAccepted() {
        K.expectOK(K.reader.read([0xEF, 0xBB, 0xBF] + Array(K.sample.utf8)))
    }

    // MARK: DOCTYPE in every form → NIETXML at the DOCTYPE

    static let doctypeForms: [(String, String, String?)] = [
        ("a bare DOCTYPE", "<!DOCTYPE BT:taakVerzoek_Di01>", nil),
        ("an internal subset with an entity", "<!DOCTYPE BT:taakVerzoek_Di01 [\n  <!ENTITY id \"ON-TW-2026-000815\">\n]>", "&id;"),
        ("an internal subset with an ATTLIST default", "<!DOCTYPE BT:taakVerzoek_Di01 [\n  <!ATTLIST BT:taak extra CDATA \"x\">\n]>", nil),
        ("an internal subset with ELEMENT declarations", "<!DOCTYPE BT:taakVerzoek_Di01 [\n  <!ELEMENT BT:taakVerzoek_Di01 ANY>\n]>", nil),
        ("internal parameter entities", "<!DOCTYPE BT:taakVerzoek_Di01 [\n  <!ENTITY % decl \"<!ENTITY id 'ON-TW-1'>\">\n  %decl;\n]>", "&id;"),
        ("a PUBLIC external DTD", "<!DOCTYPE BT:taakVerzoek_Di01 PUBLIC \"-//Gemeente//DTD BOA-taak//NL\" \"boa-taak.dtd\">", nil),
        ("a SYSTEM external DTD by relative name", "<!DOCTYPE BT:taakVerzoek_Di01 SYSTEM \"boa-taak.dtd\">", nil),
        ("billion laughs", """
            <!DOCTYPE BT:taakVerzoek_Di01 [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            """, "&lol9;"),
        ("quadratic blowup", "<!DOCTYPE BT:taakVerzoek_Di01 [\n  <!ENTITY a \"\(String(repeating: "a", count: 100_000))\">\n]>",
            String(repeating: "&a;", count: 10_000)),
    ]

    @Test(arguments: doctypeForms)
    func doctypeIsNotXML(_ name: String, _ doctype: String, _ taakId: String?) throws {
        let text = try K.withDoctype(doctype, taakId: taakId)
        #expect(text.utf8.count < MessageReader.defaultMaximumSize)
        let (line, column) = try K.position(of: "<!DOCTYPE", in: text)
        #expect(line == 3)
        let clock = ContinuousClock()
        var result: Result<Message, MessageFault>?
        let elapsed = clock.measure { result = K.read(text) }
        K.expectFault(try #require(result), .notXML, line: line, column: column)
        // Entities are never expanded: even the bombs are turned away at once.
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test func doctypeInTheMiddleOfALine() throws {
        let text = try K.applying([K.Edit("<BT:taakVerzoek_Di01 ", "<!-- partner -->  <!DOCTYPE BT:taakVerzoek_Di01>\n<BT:taakVerzoek_Di01 ")])
        let (line, column) = try K.position(of: "<!DOCTYPE", in: text)
        #expect(line == 2 && column == 19)
        K.expectFault(K.read(text), .notXML, line: line, column: column)
    }

    // MARK: no file access

    @Test func externalEntityToALocalFileIsNeverRead() throws {
        let directory = try K.TemporaryDirectory()
        defer { directory.remove() }
        let marker = "BOA-XXE-MARKER-\(UUID().uuidString)"
        let target = directory.file("geheim.txt")
        try Data(marker.utf8).write(to: URL(fileURLWithPath: target))
        let dtd = directory.file("lek.dtd")
        try Data("<!ENTITY lek \"\(marker)\">".utf8).write(to: URL(fileURLWithPath: dtd))
        // Sanity: the marker really is in the files, so finding it would mean they were read.
        #expect(try String(contentsOfFile: target, encoding: .utf8) == marker)

        let documents = [
            try K.withDoctype("<!DOCTYPE BT:taakVerzoek_Di01 [\n  <!ENTITY xxe SYSTEM \"file://\(target)\">\n]>", taakId: "&xxe;"),
            try K.withDoctype("<!DOCTYPE BT:taakVerzoek_Di01 [\n  <!ENTITY xxe SYSTEM \"\(target)\">\n]>", taakId: "&xxe;"),
            try K.withDoctype("<!DOCTYPE BT:taakVerzoek_Di01 SYSTEM \"file://\(dtd)\">", taakId: "&lek;"),
            try K.withDoctype("<!DOCTYPE BT:taakVerzoek_Di01 [\n  <!ENTITY % ext SYSTEM \"\(dtd)\">\n  %ext;\n]>", taakId: "&lek;"),
        ]
        for text in documents {
            let (line, column) = try K.position(of: "<!DOCTYPE", in: text)
            let result = K.read(text)
            let fault = K.expectFault(result, .notXML, line: line, column: column)
            for issue in fault?.issues ?? [] {
                #expect(!issue.message.contains(marker))
            }
            #expect(!"\(result)".contains(marker))
        }
    }

    @Test func fifoControlABlockingReadIsDetected() throws {
        // Control for the FIFO tests: opening a FIFO without a writer blocks, and the guard notices.
        let directory = try K.TemporaryDirectory()
        defer { directory.remove() }
        let fifo = directory.file("control.fifo")
        try K.makeFIFO(at: fifo)
        let outcome = K.runGuarded(seconds: 0.5, unblock: { _ = K.fifoHasReader(fifo) }) { () -> Int32 in
            let descriptor = open(fifo, O_RDONLY)
            if descriptor >= 0 { close(descriptor) }
            return descriptor
        }
        #expect(outcome.timedOut)
    }

    @Test func entitiesAndHintsPointingAtAFIFOAreNeverOpened() throws {
        let directory = try K.TemporaryDirectory()
        defer { directory.remove() }
        let fifo = directory.file("wacht.fifo")
        try K.makeFIFO(at: fifo)
        let xsi = "xmlns:xsi=\"\(K.xsiNamespace)\""
        let cases: [(String, String, K.Outcome)] = [
            ("external entity", try K.withDoctype("<!DOCTYPE BT:taakVerzoek_Di01 [\n  <!ENTITY xxe SYSTEM \"file://\(fifo)\">\n]>", taakId: "&xxe;"),
                .fault(.notXML, anchor: "<!DOCTYPE", occurrence: 1)),
            ("external DTD", try K.withDoctype("<!DOCTYPE BT:taakVerzoek_Di01 SYSTEM \"\(fifo)\">"),
                .fault(.notXML, anchor: "<!DOCTYPE", occurrence: 1)),
            ("external parameter entity", try K.withDoctype("<!DOCTYPE BT:taakVerzoek_Di01 [\n  <!ENTITY % ext SYSTEM \"\(fifo)\">\n  %ext;\n]>"),
                .fault(.notXML, anchor: "<!DOCTYPE", occurrence: 1)),
            ("xsi:schemaLocation", try K.applying([K.rootAttributes("\(xsi) xsi:schemaLocation=\"\(K.namespace) file://\(fifo)\"")]), .ok),
            ("xsi:noNamespaceSchemaLocation on taak", try K.applying([K.rootAttributes(xsi), K.Edit("<BT:taak>", "<BT:taak xsi:noNamespaceSchemaLocation=\"\(fifo)\">")]), .ok),
            ("XInclude", try K.applying([K.insertLine("    <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"\(fifo)\" parse=\"text\"/>", before: "    <BT:categorie>")]),
                .fault(.schemaInvalid, anchor: "<xi:include", occurrence: 1)),
        ]
        for (name, text, outcome) in cases {
            let guarded = K.runGuarded(seconds: 10, unblock: { _ = K.fifoHasReader(fifo) }) { K.read(text) }
            #expect(!guarded.timedOut, "\(name): the reader opened the FIFO and blocked")
            let result = try #require(guarded.value, "\(name)")
            try K.check(result, outcome, in: text)
            // Nobody holds the FIFO open for reading afterwards either.
            #expect(!K.fifoHasReader(fifo), "\(name)")
        }
    }

    // MARK: no network access

    @Test func listenerControlAConnectionIsDetected() throws {
        let listener = try K.LoopbackListener()
        let client = listener.connectClient()
        defer { close(client) }
        #expect(client >= 0)
        usleep(50_000)
        #expect(listener.acceptPending())
        #expect(!listener.acceptPending())
    }

    @Test func externalDTDsAndEntitiesOverHTTPAreNeverFetched() throws {
        let listener = try K.LoopbackListener()
        let closedPort = try K.LoopbackListener.closedPort()
        let listening = "http://127.0.0.1:\(listener.port)"
        let closed = "http://127.0.0.1:\(closedPort)"
        var documents: [(String, String)] = []
        for base in [listening, closed] {
            documents += [
                ("external DTD at \(base)", try K.withDoctype("<!DOCTYPE BT:taakVerzoek_Di01 SYSTEM \"\(base)/boa-taak.dtd\">")),
                ("PUBLIC DTD at \(base)", try K.withDoctype("<!DOCTYPE BT:taakVerzoek_Di01 PUBLIC \"-//Gemeente//DTD BOA-taak//NL\" \"\(base)/boa-taak.dtd\">")),
                ("external entity at \(base)", try K.withDoctype("<!DOCTYPE BT:taakVerzoek_Di01 [\n  <!ENTITY xxe SYSTEM \"\(base)/x.txt\">\n]>", taakId: "&xxe;")),
                ("parameter entity at \(base)", try K.withDoctype("<!DOCTYPE BT:taakVerzoek_Di01 [\n  <!ENTITY % ext SYSTEM \"\(base)/x.dtd\">\n  %ext;\n]>")),
            ]
        }
        for (name, text) in documents {
            let guarded = K.runGuarded(seconds: 10, unblock: { _ = listener.acceptPending() }) { K.read(text) }
            #expect(!guarded.timedOut, "\(name): the reader connected and waited for an answer")
            let result = try #require(guarded.value, "\(name)")
            let (line, column) = try K.position(of: "<!DOCTYPE", in: text)
            K.expectFault(result, .notXML, line: line, column: column)
            #expect(!listener.acceptPending(), "\(name): somebody connected to the listener")
        }
    }

    @Test func schemaLocationHintsOverHTTPAreIgnored() throws {
        let listener = try K.LoopbackListener()
        let closedPort = try K.LoopbackListener.closedPort()
        let xsi = "xmlns:xsi=\"\(K.xsiNamespace)\""
        var documents: [(String, String)] = []
        for port in [listener.port, closedPort] {
            let base = "http://127.0.0.1:\(port)"
            documents += [
                ("schemaLocation on the root, port \(port)", try K.applying([K.rootAttributes("\(xsi) xsi:schemaLocation=\"\(K.namespace) \(base)/boa-taak.xsd\"")])),
                ("noNamespaceSchemaLocation on the root, port \(port)", try K.applying([K.rootAttributes("\(xsi) xsi:noNamespaceSchemaLocation=\"\(base)/boa-taak.xsd\"")])),
                ("schemaLocation on punt, port \(port)", try K.applying([K.rootAttributes(xsi),
                    K.Edit("<BT:punt>", "<BT:punt xsi:schemaLocation=\"\(K.namespace) \(base)/punt.xsd\">")])),
            ]
        }
        for (name, text) in documents {
            let guarded = K.runGuarded(seconds: 10, unblock: { _ = listener.acceptPending() }) { K.read(text) }
            #expect(!guarded.timedOut, "\(name): the reader connected and waited for an answer")
            let result = try #require(guarded.value, "\(name)")
            K.expectOK(result)
            #expect(!listener.acceptPending(), "\(name): somebody connected to the listener")
        }
    }

    @Test func schemaLocationHintToALocalFileIsIgnored() throws {
        let directory = try K.TemporaryDirectory()
        defer { directory.remove() }
        let marker = "BOA-XSD-MARKER-\(UUID().uuidString)"
        let schema = directory.file("kapot.xsd")
        // Were this schema loaded, it would not even compile; and it mentions the marker.
        try Data("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><\(marker)/>".utf8).write(to: URL(fileURLWithPath: schema))
        let text = try K.applying([K.rootAttributes("xmlns:xsi=\"\(K.xsiNamespace)\" xsi:schemaLocation=\"\(K.namespace) file://\(schema)\"")])
        K.expectOK(K.read(text))
    }

    // MARK: too large → TEGROOT 0:0, decided before parsing

    @Test func overTheCapByOneByte() {
        let bytes = Array(K.sample.utf8)
        let fault = K.expectFault(MessageReader(maximumSize: bytes.count - 1).read(bytes), .tooLarge, line: 0, column: 0)
        #expect(fault?.issues.count == 1)
    }

    @Test func exactlyAtTheCap() {
        let bytes = Array(K.sample.utf8)
        K.expectOK(MessageReader(maximumSize: bytes.count).read(bytes))
    }

    @Test func tooLargeWinsOverNotXML() throws {
        // A DOCTYPE bomb and NUL bytes, over the cap: the size alone decides, nothing is parsed.
        let text = try K.withDoctype("<!DOCTYPE BT:taakVerzoek_Di01 [\n  <!ENTITY a \"aaaa\">\n]>", taakId: "&a;")
        let bytes = Array(text.utf8) + [0, 0, 0]
        K.expectFault(MessageReader(maximumSize: 100).read(bytes), .tooLarge, line: 0, column: 0)
        let garbage = [UInt8](repeating: 0xFF, count: MessageReader.defaultMaximumSize + 1)
        K.expectFault(K.reader.read(garbage), .tooLarge, line: 0, column: 0)
    }

    @Test func fileOverTheDefaultCap() throws {
        let directory = try K.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("groot.xml")
        // Not XML at all: were it parsed, it would be NIETXML.
        try Data(repeating: 0x00, count: MessageReader.defaultMaximumSize + 1).write(to: URL(fileURLWithPath: path))
        let verdict = BoaXML.FileVerdict.check(path: path, reader: K.reader)
        guard case .invalid(let fault) = verdict else {
            Issue.record("expected TEGROOT, got \(verdict)")
            return
        }
        #expect(fault.code == .tooLarge)
        #expect(fault.primary.line == 0 && fault.primary.column == 0)
        #expect(verdict.reportLines(path: path).first?.hasPrefix("\(path): TEGROOT 0:0 ") == true, "\(verdict.reportLines(path: path))")
    }

    @Test func fileOverASmallCapAndAtIt() throws {
        let directory = try K.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("bericht.xml")
        let bytes = Array(K.sample.utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let over = BoaXML.FileVerdict.check(path: path, reader: MessageReader(maximumSize: bytes.count - 1))
        if case .invalid(let fault) = over {
            #expect(fault.code == .tooLarge && fault.primary.line == 0 && fault.primary.column == 0, "\(fault)")
        } else {
            Issue.record("expected TEGROOT, got \(over)")
        }
        let at = BoaXML.FileVerdict.check(path: path, reader: MessageReader(maximumSize: bytes.count))
        #expect(at == .valid(.taskRequest), "\(at)")
    }

    @Test func fileOfExactlyTheDefaultCapIsRead() throws {
        let directory = try K.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("precies.xml")
        var bytes = Array(K.sample.utf8)
        let padding = MessageReader.defaultMaximumSize - bytes.count - "<!--".utf8.count - "-->\n".utf8.count
        bytes += Array("<!--".utf8) + [UInt8](repeating: 0x78, count: padding) + Array("-->\n".utf8)
        #expect(bytes.count == MessageReader.defaultMaximumSize)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let verdict = BoaXML.FileVerdict.check(path: path, reader: K.reader)
        #expect(verdict == .valid(.taskRequest), "\(verdict)")
    }

    @Test
    func aFIFOIsNotAFileAndIsNeverOpenedForReading() throws {
        // §1: non-regular files are never read. Opening a FIFO without a writer blocks, so a reader that
        // opens before it checks the file type hangs here.
        let directory = try K.TemporaryDirectory()
        defer { directory.remove() }
        let fifo = directory.file("bericht.xml")
        try K.makeFIFO(at: fifo)
        let guarded = K.runGuarded(seconds: 5, unblock: { _ = K.fifoHasReader(fifo) }) {
            BoaXML.FileVerdict.check(path: fifo, reader: MessageReader())
        }
        #expect(!guarded.timedOut, "FileVerdict.check blocked opening a FIFO")
        let verdict = try #require(guarded.value)
        if case .unreadable = verdict {} else { Issue.record("expected unreadable, got \(verdict)") }
    }

    // MARK: schema faults → StUF055 at the start tag of the element at fault

    @Test(arguments: BadInput.missingRequired)
    func missingRequiredElement(_ testCase: BadInput.Case) throws {
        let text = try K.applying(testCase.edits)
        try K.check(K.read(text), testCase.outcome, in: text)
    }

    @Test(arguments: BadInput.optionalRemoved)
    func optionalElementRemoved(_ testCase: BadInput.Case) throws {
        let text = try K.applying(testCase.edits)
        try K.check(K.read(text), testCase.outcome, in: text)
    }

    @Test(arguments: BadInput.wrongOrder)
    func wrongOrder(_ testCase: BadInput.Case) throws {
        let text = try K.applying(testCase.edits)
        try K.check(K.read(text), testCase.outcome, in: text)
    }

    @Test(arguments: BadInput.unknownElements)
    func unknownElement(_ testCase: BadInput.Case) throws {
        let text = try K.applying(testCase.edits)
        try K.check(K.read(text), testCase.outcome, in: text)
    }

    @Test(arguments: BadInput.foreignAttributes)
    func foreignAttribute(_ testCase: BadInput.Case) throws {
        let text = try K.applying(testCase.edits)
        try K.check(K.read(text), testCase.outcome, in: text)
    }

    @Test(arguments: BadInput.schemaInstanceAttributes)
    func schemaInstanceAttribute(_ testCase: BadInput.Case) throws {
        let text = try K.applying(testCase.edits)
        try K.check(K.read(text), testCase.outcome, in: text)
    }

    @Test(arguments: BadInput.rootMismatch)
    func rootBerichtcodeFunctieMismatch(_ testCase: BadInput.Case) throws {
        let text = try K.applying(testCase.edits)
        try K.check(K.read(text), testCase.outcome, in: text)
    }

    @Test(arguments: ["taak", "stuurgegevens", "punt"])
    func aNonRootElementAsRoot(_ name: String) throws {
        var inner = try K.element(name)
        inner = inner.replacingOccurrences(of: "<BT:\(name)>", with: "<BT:\(name) xmlns:BT=\"\(K.namespace)\">")
        let text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + inner + "\n"
        let (line, column) = try K.position(of: "<BT:\(name) ", in: text)
        #expect(line == 2 && column == 1)
        K.expectFault(K.read(text), .schemaInvalid, line: line, column: column)
    }

    @Test func anotherPrefixOrTheDefaultNamespaceIsAccepted() throws {
        let prefixed = K.sample.replacingOccurrences(of: "BT:", with: "boa:").replacingOccurrences(of: "xmlns:BT=", with: "xmlns:boa=")
        K.expectOK(K.read(prefixed))
        let unprefixed = K.sample.replacingOccurrences(of: "BT:", with: "").replacingOccurrences(of: "xmlns:BT=", with: "xmlns=")
        K.expectOK(K.read(unprefixed))
    }

    @Test func noNamespaceAtAll() throws {
        let text = K.sample.replacingOccurrences(of: "BT:", with: "").replacingOccurrences(of: " xmlns:BT=\"\(K.namespace)\"", with: "")
        let (line, column) = try K.position(of: "<taakVerzoek_Di01>", in: text)
        K.expectFault(K.read(text), .schemaInvalid, line: line, column: column)
    }

    @Test(arguments: BadInput.patternsAndRanges)
    func patternAndRange(_ testCase: BadInput.Case) throws {
        let text = try K.applying(testCase.edits)
        try K.check(K.read(text), testCase.outcome, in: text)
    }

    @Test(arguments: BadInput.textLengths)
    func textLength(_ testCase: BadInput.Case) throws {
        let text = try K.applying(testCase.edits)
        try K.check(K.read(text), testCase.outcome, in: text)
    }

    @Test(arguments: BadInput.allowedSyntax)
    func allowedSyntax(_ testCase: BadInput.Case) throws {
        let text = try K.applying(testCase.edits)
        try K.check(K.read(text), testCase.outcome, in: text)
    }

    @Test func accepted40CodePointTextsAreKeptExactly() throws {
        for taakId in [String(repeating: "😀", count: 40), String(repeating: "e\u{301}", count: 20), " " + String(repeating: "a", count: 38) + " ",
            "ON<!-- x -->-TW"]
        {
            let text = try K.applying([K.value("taakId", "ON-TW-2026-000815", taakId)])
            let message = try #require(K.expectOK(K.read(text)))
            guard case .taskRequest(let task) = message.body else {
                Issue.record("not a task request")
                continue
            }
            let expected = taakId == "ON<!-- x -->-TW" ? "ON-TW" : taakId
            #expect(Array(task.taskId.unicodeScalars) == Array(expected.unicodeScalars))
        }
    }


    // MARK: more positions: after a large prefix, with CRLF, with a BOM, and with several problems

    /// A comment of `lines` lines (about 60 bytes each) just before the root.
    static func withLargeComment(_ text: String, lines: Int = 12_000) throws -> String {
        let comment = "<!--\n" + String(repeating: "opvulling opvulling opvulling opvulling opvulling opvulling\n", count: lines) + "-->\n"
        return try K.applying([K.Edit("<BT:taakVerzoek_Di01 ", comment + "<BT:taakVerzoek_Di01 ")], to: text)
    }

    @Test func schemaFaultAfterALargePrefix() throws {
        let text = try Self.withLargeComment(try K.applying([K.value("prioriteit", "2", "9")]))
        #expect(text.utf8.count > 600_000 && text.utf8.count < MessageReader.defaultMaximumSize)
        let (line, column) = try K.position(of: "<BT:prioriteit>", in: text)
        #expect(line > 12_000)
        K.expectFault(K.read(text), .schemaInvalid, line: line, column: column)
    }

    @Test func doctypeAfterALargePrefix() throws {
        let text = try K.applying([K.Edit("<BT:taakVerzoek_Di01 ", "<!DOCTYPE BT:taakVerzoek_Di01 [\n  <!ENTITY a \"b\">\n]>\n<BT:taakVerzoek_Di01 ")],
            to: try Self.withLargeComment(K.sample))
        let (line, column) = try K.position(of: "<!DOCTYPE", in: text)
        #expect(line > 12_000)
        K.expectFault(K.read(text), .notXML, line: line, column: column)
    }

    @Test func notWellFormedAfterALargePrefix() throws {
        let text = try Self.withLargeComment(try K.applying([K.Edit("</BT:taakId>", "</BT:taakid>")]))
        let (line, _) = try K.position(of: "</BT:taakid>", in: text)
        #expect(line > 12_000)
        K.expectFault(K.read(text), .notXML, line: line)
    }

    @Test func positionsWithCRLFLineEnds() throws {
        let text = try K.applying([K.value("prioriteit", "2", "9")]).replacingOccurrences(of: "\n", with: "\r\n")
        // CR LF is one line end (XML 1.0 §2.11), and the CR is no character of the next line.
        K.expectFault(K.read(text), .schemaInvalid, line: 15, column: 5)
        let broken = try K.applying([K.Edit("</BT:taakId>", "</BT:taakid>")]).replacingOccurrences(of: "\n", with: "\r\n")
        K.expectFault(K.read(broken), .notXML, line: 12)
    }

    @Test
    func theBOMIsNotAColumn() throws {
        // The BOM is an encoding signature, not a character of the document (XML 1.0 §4.3.3, App. F):
        // a root that starts right after it starts in column 1.
        let text = try K.applying([K.Edit("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", ""), K.Edit(K.namespace, "urn:nl:gemeente:boa-taak:0101")])
        K.expectFault(K.reader.read([0xEF, 0xBB, 0xBF] + Array(text.utf8)), .schemaInvalid, line: 1, column: 1)
    }

    @Test
    func aNULByteLaterDoesNotHideAnEarlierProblem() throws {
        let text = try K.applying([K.Edit("</BT:taakId>", "</BT:taakid>")])
        let bytes = Array(text.utf8) + [0]
        let (line, _) = try K.position(of: "</BT:taakid>", in: text)
        #expect(line == 12)
        K.expectFault(K.reader.read(bytes), .notXML, line: line)
    }

    @Test(arguments: [
        ("ISO-8859-1 after a BOM", [0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n".utf8)),
        ("UTF-16 label after a BOM", [0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n".utf8)),
        ("two BOMs", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)),
    ] as [(String, [UInt8])])
    func byteOrderMarkAndDeclaration(_ name: String, _ prefix: [UInt8]) throws {
        let body = try K.applying([K.Edit("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "")])
        K.expectFault(K.reader.read(prefix + Array(body.utf8)), .notXML, line: 1)
    }

    @Test func emptyFileThroughFileVerdict() throws {
        let directory = try K.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("leeg.xml")
        try Data().write(to: URL(fileURLWithPath: path))
        let verdict = BoaXML.FileVerdict.check(path: path, reader: K.reader)
        guard case .invalid(let fault) = verdict else {
            Issue.record("expected NIETXML, got \(verdict)")
            return
        }
        #expect(fault.code == .notXML && fault.primary.line == 1, "\(fault)")
    }

    @Test func everyIssueIsReportedFirstOneFirst() throws {
        // Two faults, on lines 13 and 15: the primary issue is the first in the document.
        let text = try K.applying([K.value("categorie", "OVERLAST", "GRAFFITI"), K.value("prioriteit", "2", "9")])
        let fault = K.expectFault(K.read(text), .schemaInvalid, line: 13, column: 5)
        #expect((fault?.issues.count ?? 0) >= 2)
        #expect(fault?.issues.contains { $0.line == 15 && $0.column == 5 } == true, "\(fault?.issues ?? [])")
    }
}

extension BadInput.Case {
    /// An edit that inserts a line (for the table of well-formedness cases).
    static func insertLineEdit(_ line: String, before: String) -> BadInput.Edit { BadInput.insertLine(line, before: before) }
}
