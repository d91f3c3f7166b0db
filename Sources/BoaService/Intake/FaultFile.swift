import BoaCore
import BoaStore
import BoaXML
import Foundation

/// The `<name>.fout.txt` beside a rejected file: what is wrong, where (line and column), and what the
/// partner should do, in plain words (KOPPELVLAK §1).
enum FaultFile {
    static func text(file: WorkFolder.Claimed, record: InboundRecord, refusal: Refusal, answer: OutboundRecord?, home: Home) -> String {
        var lines: [String] = []
        lines.append("Bestand: \(file.name) (inbox/\(file.folder.map { "\($0)/" } ?? ""))")
        lines.append("Ontvangen: \(StoreTime.text(record.receivedAt)) (UTC)")
        if let partner = record.partner { lines.append("Afzender: \(partner)") }
        if let reference = record.reference { lines.append("Referentienummer: \(reference)") }
        lines.append("Uitkomst: afgewezen met code \(refusal.code)")
        lines.append("")
        lines.append("Wat is er mis:")
        lines.append("  \(refusal.description)")
        if !refusal.issues.isEmpty {
            lines.append("")
            lines.append("Waar:")
            for issue in refusal.issues.prefix(50) {
                lines.append(issue.line == 0 ? "  (het hele bestand) \(issue.message)" : "  regel \(issue.line), kolom \(issue.column): \(issue.message)")
            }
            if refusal.issues.count > 50 { lines.append("  … en nog \(refusal.issues.count - 50) fouten") }
        }
        lines.append("")
        lines.append("Wat te doen:")
        lines.append("  \(advice(refusal.code))")
        lines.append("")
        if let answer {
            lines.append("Antwoord: \(answer.messageCode) in outbox/\(answer.partner)/\(answer.fileName)")
        } else {
            lines.append("Antwoord: geen foutbericht (\(record.inboxFolder == nil ? "de afzender is niet vast te stellen en het bestand lag niet in een partnermap" : "zie boven")); dit bestand is het antwoord.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func advice(_ code: FaultCode) -> String {
        switch code {
        case .notXML: "Stuur één XML-document in UTF-8, zonder DOCTYPE, volgens KOPPELVLAK BOA-taak 01.00 (schemas/boa-taak.xsd)."
        case .tooLarge: "Stuur een kleiner bericht; één bericht per bestand."
        case .schemaInvalid: "Verbeter het bericht op de genoemde plaatsen (controleer het vooraf met schemas/boa-taak.xsd of 'boa-coord validate') en stuur het opnieuw."
        case .unknownSender: "Zet de juiste zender (organisatie en applicatie) in de stuurgegevens, of leg het bestand in de map van de eigen partner."
        case .wrongReceiver: "Adresseer het bericht aan de BOA-taakdienst: ontvanger 00000099000000000164 / BOATAAK."
        case .functionNotAllowed: "Deze functie hoort niet bij uw rol (KOPPELVLAK §3); stuur alleen de berichten die u mag sturen."
        case .referenceReused: "Geef elk nieuw bericht een nieuw referentienummer; een herhaling moet byte-voor-byte gelijk zijn."
        case .processingFailed: "Opnieuw sturen helpt niet; neem contact op met de beheerder van de BOA-taakdienst."
        default: "Controleer de inhoud van het bericht (KOPPELVLAK §4 en §6) en stuur een verbeterd bericht met een nieuw referentienummer."
        }
    }
}
