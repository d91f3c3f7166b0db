import BoaStore
import Dispatch
import Logging
import Synchronization

/// The publisher of `boa-coord run`, on a thread of its own: a pass nudges it as soon as it has committed
/// answers or plans, and goes on with the next files while it writes, syncs and renames (mostly waiting on
/// the disk). It is the only publisher of the process while it runs, so no two publishers ever stage the
/// same row. A failure (disk full, a permission briefly wrong) is logged and tried again with growing pauses;
/// the rows stay unpublished until then, and a restart finishes whatever was half done.
final class BackgroundPublisher: Sendable {
    private let publisher: Publisher
    private let clock: @Sendable () -> Int64
    private let logger: Logger
    private let queue = DispatchQueue(label: "boa-coord.publisher")
    private let state = Mutex(State())

    private struct State {
        var requested = false
        var running = false
        /// After a failure, until the pause is over: nudges are remembered, not acted on.
        var pausing = false
        var stopped = false
        var backoffMilliseconds = 0
    }

    init(home: Home, store: Store, clock: @escaping @Sendable () -> Int64, logger: Logger) {
        publisher = Publisher(home: home, store: store)
        self.clock = clock
        self.logger = logger
    }

    /// Asks for every unpublished row to be published; returns at once. Nudges while it works are not lost:
    /// it looks again before it stops.
    func nudge() {
        let start = state.withLock { state -> Bool in
            state.requested = true
            if state.running || state.pausing || state.stopped { return false }
            state.running = true
            return true
        }
        if start { queue.async { self.work() } }
    }

    /// Stops taking nudges and waits for the work in hand to end; afterwards the caller may publish inline.
    func stop() {
        state.withLock { $0.stopped = true }
        while state.withLock({ $0.running }) { queue.sync {} }
    }

    private func work() {
        while state.withLock({ state -> Bool in
            if state.requested, !state.stopped { state.requested = false; return true }
            state.running = false
            return false
        }) {
            do {
                let report = try publisher.publishAll(now: clock)
                state.withLock { $0.backoffMilliseconds = 0 }
                if report.published > 0 || report.alreadyThere > 0 {
                    logger.info("published \(report.published) messages", metadata: ["already.there": "\(report.alreadyThere)"])
                }
            } catch {
                let pause = state.withLock { state -> Int in
                    state.backoffMilliseconds = min(max(state.backoffMilliseconds * 2, 500), 60_000)
                    state.pausing = true
                    state.running = false
                    return state.backoffMilliseconds
                }
                logger.warning("publishing failed; trying again", metadata: ["error": "\(error)", "retry.ms": "\(pause)"])
                queue.asyncAfter(deadline: .now() + .milliseconds(pause)) {
                    self.state.withLock { $0.pausing = false }
                    self.nudge()
                }
                return
            }
        }
    }
}
