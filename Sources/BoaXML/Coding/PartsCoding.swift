import BoaCore

// Reading and writing the parts shared by several messages. Each `write(to:)` writes the element's
// children; the caller writes the element itself, since its name depends on where it stands.

extension RDPoint {
    init(reading element: Element) throws(MessageFault) {
        var children = element.children
        let x = try children.required("x").decimal()
        let y = try children.required("y").decimal()
        self.init(x: x, y: y)
    }

    func write(to writer: inout XMLWriter) {
        writer.leaf("x", RDPoint.decimal(x))
        writer.leaf("y", RDPoint.decimal(y))
    }
}

extension Address {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        self.init(
            street: try c.required("straatnaam").string(),
            houseNumber: try c.required("huisnummer").integer(),
            houseLetter: c.optional("huisletter")?.string(),
            houseNumberAddition: c.optional("huisnummertoevoeging")?.string(),
            postcode: try c.required("postcode").string(),
            town: try c.required("woonplaats").string())
    }

    func write(to w: inout XMLWriter) {
        w.leaf("straatnaam", street)
        w.leaf("huisnummer", houseNumber)
        w.leaf("huisletter", houseLetter)
        w.leaf("huisnummertoevoeging", houseNumberAddition)
        w.leaf("postcode", postcode)
        w.leaf("woonplaats", town)
    }
}

extension Location {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let description = c.optional("omschrijving")?.string()
        let address = try c.optional("adres").map { e throws(MessageFault) in try Address(reading: e) }
        let neighbourhood = c.optional("buurtcode")?.string()
        let point = try RDPoint(reading: try c.required("punt"))
        self.init(description: description, address: address, neighbourhood: neighbourhood, point: point)
    }

    func write(to w: inout XMLWriter) {
        w.leaf("omschrijving", description)
        if let address { w.group("adres") { address.write(to: &$0) } }
        w.leaf("buurtcode", neighbourhood)
        w.group("punt") { point.write(to: &$0) }
    }
}

extension TimeWindow {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        let earliest = try c.optional("gewenstAanvang").map { e throws(MessageFault) in try e.timestamp() }
        self.init(earliestStart: earliest, deadline: try c.required("uiterlijkGereed").timestamp())
    }

    func write(to w: inout XMLWriter) {
        w.leaf("gewenstAanvang", earliestStart)
        w.leaf("uiterlijkGereed", deadline)
    }
}

extension Safety {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        self.init(violenceExpected: try c.required("geweldVerwacht").boolean(), explanation: c.optional("toelichting")?.string())
    }

    func write(to w: inout XMLWriter) {
        w.leaf("geweldVerwacht", violenceExpected ? "true" : "false")
        w.leaf("toelichting", explanation)
    }
}

extension Principal {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        self.init(unit: try c.required("eenheid").string(), role: c.optional("rol")?.string())
    }

    func write(to w: inout XMLWriter) {
        w.leaf("eenheid", unit)
        w.leaf("rol", role)
    }
}

extension Outcome {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        self.init(
            code: try c.required("code").code(ResultCode.self),
            offenceCode: c.optional("feitcode")?.string(),
            reportNumber: c.optional("pvNummer")?.string())
    }

    func write(to w: inout XMLWriter) {
        w.leaf("code", code.rawValue)
        w.leaf("feitcode", offenceCode)
        w.leaf("pvNummer", reportNumber)
    }
}

/// Reads a `bevoegdheden`-style list: an element holding one or more `bevoegdheid`.
func readPowers(_ element: Element) throws(MessageFault) -> [Power] {
    var c = element.children
    var powers: [Power] = []
    for power in c.repeated("bevoegdheid") { powers.append(try power.code(Power.self)) }
    return powers
}

/// Writes a `bevoegdheden`-style list; an empty list is written as no element (the schema needs at least one).
func writePowers(_ name: String, _ powers: [Power]?, to w: inout XMLWriter) {
    guard let powers, !powers.isEmpty else { return }
    w.group(name) { w in for power in powers { w.leaf("bevoegdheid", power.rawValue) } }
}

extension SystemIdentity {
    init(reading element: Element) throws(MessageFault) {
        var c = element.children
        self.init(
            organisation: try c.required("organisatie").string(),
            application: try c.required("applicatie").string(),
            administration: try c.optional("administratie").map { e throws(MessageFault) in try e.code(Administration.self) },
            user: c.optional("gebruiker")?.string())
    }

    func write(to w: inout XMLWriter) {
        w.leaf("organisatie", organisation)
        w.leaf("applicatie", application)
        w.leaf("administratie", administration?.rawValue)
        w.leaf("gebruiker", user)
    }
}
