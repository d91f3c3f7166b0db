import BoaCore
import BoaStore

/// Burglary aftercare (KOPPELVLAK §8.2, §10): an accepted `INBRAAKNAZORG` request also gets a
/// neighbourhood round in the same buurt within 3 days, unless a round there is already planned in the next
/// 7 days. The round is internal (no requester, no reaction), NORMAAL, WPG_ART8, two officers, 60 minutes,
/// priority 3, and its place is the buurtcode and the request's point rounded to 100 m: never the address
/// or description (the victim's home stays private).
struct NeighbourhoodRound {
    let transaction: StoreTransaction
    let configuration: Configuration
    let now: Int64
    let performer = "boa-coord planner"

    static let duration = 60
    static let team = 2
    static let window: Int64 = 3 * 24 * 3_600_000
    static let lookAhead: Int64 = 7 * 24 * 3_600_000
    static let radius = 500.0

    /// Makes the round for a request, unless one covers its buurt already; returns the round's task id.
    /// `openRounds` holds the open rounds across the requests of one planning step: read on the first request
    /// that needs them, and added to here, rather than read again for every request.
    @discardableResult
    func createIfNeeded(for request: TaskRecord, openRounds: inout [TaskRecord]?) throws -> Int64? {
        guard request.category == .burglaryAftercare, request.origin == .request, !request.isTest, let location = request.location else { return nil }
        let rounds = try openRounds ?? transaction.openNeighbourhoodRounds()
        openRounds = rounds
        let covered = rounds.contains { round in
            guard let roundLocation = round.location else { return false }
            let overlaps = (round.earliestStart ?? round.receivedAt) < now + NeighbourhoodRound.lookAhead && round.deadline > now
            guard overlaps else { return false }
            if let buurt = location.neighbourhood { return roundLocation.neighbourhood == buurt }
            return roundLocation.point.distance(to: location.point) <= NeighbourhoodRound.radius
        }
        if covered { return nil }
        let point = RDPoint(x: (location.point.x / 100).rounded() * 100, y: (location.point.y / 100).rounded() * 100)
        let number = try transaction.nextTaskNumber(year: Amsterdam.localDate(atMilliseconds: now).year)
        var round = TaskRecord(
            taskNumber: number, partner: nil, taskId: nil, origin: .neighbourhoodRound, inboundId: nil, category: .burglaryAftercare,
            subcategory: "BUURTRONDE", priority: .planned, confidentiality: .normal, legalBasis: .wpgArticle8,
            retention: LegalBasis.wpgArticle8.defaultRetention, location: Location(neighbourhood: location.neighbourhood, point: point),
            earliestStart: now, deadline: now + NeighbourhoodRound.window, durationMinutes: NeighbourhoodRound.duration, domain: .publicSpace,
            powers: [], minimumTeam: NeighbourhoodRound.team, receivedAt: now)
        round.description = nil
        let id = try transaction.insertTask(round)
        round.id = id
        openRounds?.append(round)
        try transaction.appendLog(LogEntry(
            at: now, action: .received, objectType: "taak", objectId: number.description, performer: performer,
            retention: round.retention, legalBasis: .wpgArticle8,
            detail: "buurtronde na inbraak (\(request.taskNumber)) in \(location.neighbourhood ?? "een straal van 500 m")"))
        return id
    }
}

extension StoreTransaction {
    /// Neighbourhood rounds not in a final status.
    func openNeighbourhoodRounds() throws -> [TaskRecord] {
        try tasks(origin: .neighbourhoodRound, open: true)
    }
}
