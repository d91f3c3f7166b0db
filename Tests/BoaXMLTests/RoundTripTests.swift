import BoaCore
import BoaSamples
import BoaXML
import Foundation
import Testing

/// Every kind of message encodes to a document our schemas accept, and decoding it gives the same value.
@Suite struct RoundTripTests {
    @Test(arguments: MessageKind.allCases)
    func everyKindRoundTrips(kind: MessageKind) throws {
        for seed in UInt64(1)...40 {
            var samples = SampleMessages(seed: seed &* 7919 &+ UInt64(kind.hashValue & 0xFF))
            let message = samples.message(kind)
            #expect(message.kind == kind)
            let bytes = MessageWriter.encode(message)
            let decoded = try MessageReader().read(bytes).get()
            #expect(decoded == message, "seed \(seed): \(MessageWriter.text(of: message))")
        }
    }

    @Test func encodingIsDeterministic() {
        var first = SampleMessages(seed: 42)
        var second = SampleMessages(seed: 42)
        for _ in 0..<200 {
            let a = first.mixed(count: 1)[0]
            let b = second.mixed(count: 1)[0]
            #expect(MessageWriter.encode(a) == MessageWriter.encode(b))
        }
    }

    @Test func textWithMarkupAndNonASCIIRoundTrips() throws {
        let awkward = "Tom & Jerry <b>\"quotes\" 'single'\r\nline two ëé 🚲 ]]> end"
        var samples = SampleMessages(seed: 1)
        guard case .taskRequest(var request) = samples.message(.taskRequest).body else {
            Issue.record("expected a task request")
            return
        }
        request.description = awkward
        request.location.description = "Café 't Hoekje & co"
        let message = Message(
            envelope: Envelope(sender: SampleMessages.Partner.police, receiver: .service, reference: "GMS-1",
                               time: try #require(MessageTime("20261201091500000"))),
            body: .taskRequest(request))
        let decoded = try MessageReader().read(MessageWriter.encode(message)).get()
        #expect(decoded == message)
    }

    @Test func specExampleDecodesToTheValuesItStates() throws {
        let message = try read(specExample).get()
        #expect(message.envelope.sender == SystemIdentity(organisation: "00000099000000000101", application: "GMS"))
        #expect(message.envelope.receiver == .service)
        #expect(message.envelope.reference == "GMS-2026-4711")
        #expect(message.envelope.time.digits == "20261201091500000")
        guard case .taskRequest(let task) = message.body else {
            Issue.record("expected a taakVerzoek")
            return
        }
        #expect(task.taskId == "ON-TW-2026-000815")
        #expect(task.category == .nuisance)
        #expect(task.subcategory == "JEUGD")
        #expect(task.priority == .today)
        #expect(task.location.point == RDPoint(x: 250_812.5, y: 476_530))
        #expect(task.location.neighbourhood == "BU01640304")
        #expect(task.window.deadline.description == "2026-12-01T23:00:00+01:00")
        #expect(task.window.deadline.millisecondsSinceEpoch == 1_796_162_400_000)
        #expect(task.legalBasis == .wpgArticle8)
        #expect(task.principal == Principal(unit: "Basisteam Twente-Midden"))
        #expect(task.minimumTeam == nil)
    }

    @Test func typedValuesAreReadAsXSDReadsThem() throws {
        // Non-string types collapse whitespace and accept every XSD lexical form of their value.
        var text = specExample
        text = text.replacingOccurrences(of: "<BT:prioriteit>2</BT:prioriteit>", with: "<BT:prioriteit>\n  +02 </BT:prioriteit>")
        text = text.replacingOccurrences(of: "<BT:x>250812.5</BT:x>", with: "<BT:x> 250812.50 </BT:x>")
        text = text.replacingOccurrences(of: "2026-12-01T23:00:00+01:00", with: " 2026-12-01T22:00:00.123456Z ")
        let message = try read(text).get()
        guard case .taskRequest(let task) = message.body else {
            Issue.record("expected a taakVerzoek")
            return
        }
        #expect(task.priority == .today)
        #expect(task.location.point.x == 250_812.5)
        #expect(task.window.deadline.millisecondsSinceEpoch == 1_796_162_400_123)
        #expect(task.window.deadline.utcOffsetMinutes == 0)
    }
}
