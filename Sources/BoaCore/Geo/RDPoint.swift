/// A point in Rijksdriehoek New (EPSG:28992), in metres (`punt`).
public struct RDPoint: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Easting in metres (0 to 300000 on the wire).
    public var x: Double
    /// Northing in metres (300000 to 625000 on the wire).
    public var y: Double

    /// Makes a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Euclidean distance in metres.
    public func distance(to other: RDPoint) -> Double {
        let dx = x - other.x
        let dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }

    /// `(x, y)` in metres.
    public var description: String { "(\(RDPoint.decimal(x)), \(RDPoint.decimal(y)))" }

    /// Writes a coordinate as an `xs:decimal` with at most three decimals (millimetres), no exponent.
    public static func decimal(_ value: Double) -> String {
        let millimetres = (value * 1000).rounded()
        let negative = millimetres < 0
        let magnitude = Int64(millimetres.magnitude)
        var text = String(magnitude / 1000)
        var fraction = magnitude % 1000
        if fraction != 0 {
            var digits = CivilCalendar.pad(fraction, 3)
            while digits.hasSuffix("0") {
                digits.removeLast()
                fraction /= 10
            }
            text += "." + digits
        }
        return negative && magnitude != 0 ? "-" + text : text
    }
}
