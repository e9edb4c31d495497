import Dashboard
import Foundation
import NIOConcurrencyHelpers

/// What the effect runner refuses and what it writes down. Read-only mode (`--read-only`) is
/// refused here too, between the reducer (which opens no dialog) and the clients (which send
/// no write): an effect that changes the swarm is never performed. Every action's outcome goes
/// to the action log; when swarmtop quits before one finished, `interrupt` records it as such.
public final class ActionRecorder: Sendable {
    /// True when every effect that changes the swarm is refused.
    public let readOnly: Bool
    /// Where outcomes are logged; nil to log nothing.
    public let log: ActionLog?
    /// The manager endpoint, named in each log line: the one talked to when the line is written
    /// (it changes with a failover).
    public var endpoint: String { currentEndpoint() }
    private let currentEndpoint: @Sendable () -> String
    private let interrupted = NIOLockedValueBox(false)

    /// - Parameters:
    ///   - readOnly: refuse every effect that changes the swarm.
    ///   - log: the action log, nil for none.
    ///   - endpoint: the manager endpoint, e.g. `unix:///var/run/docker.sock`; evaluated for each
    ///     line (e.g. `connections.manager.endpoint.description`, which a failover changes).
    public init(readOnly: Bool, log: ActionLog?, endpoint: @escaping @Sendable @autoclosure () -> String) {
        self.readOnly = readOnly
        self.log = log
        self.currentEndpoint = endpoint
    }

    /// Why `effect` must not run, nil when it may: in read-only mode, every effect that changes
    /// the swarm (reads, log streams and themes may).
    public func refusal(_ effect: Effect) -> String? {
        guard readOnly, effect.changesSwarm else { return nil }
        return "refused: \(effect.action) \(effect.target) would change the swarm (--read-only)"
    }

    /// Logs the outcome of an effect that changes the swarm (reads are not logged). After
    /// `interrupt`, nothing more is logged: an outcome then is the clients' shutdown, not the engine's.
    /// - Returns: why the line could not be written, nil when it was (or was not due).
    public func record(_ effect: Effect, message: String, isError: Bool, at time: Date) -> String? {
        guard effect.changesSwarm, !interrupted.withLockedValue({ $0 }) else { return nil }
        return log?.append(effect: effect, endpoint: endpoint, message: message, result: isError ? .error : .ok, at: time)
    }

    /// swarmtop is quitting with `effects` still waiting for the engine's answer: logs each as
    /// interrupted and stops logging outcomes.
    /// - Returns: one line for stderr per effect, e.g. `stop web.1.x on node1 did not finish: …`,
    ///   and one more when the log could not be written.
    public func interrupt(_ effects: [Effect], at time: Date) -> [String] {
        interrupted.withLockedValue { $0 = true }
        let reason = "swarmtop quit before the engine answered; it may still happen"
        return effects.flatMap { effect -> [String] in
            let said = "\(effect.action) \(effect.target) did not finish: \(reason)"
            guard let failure = log?.append(effect: effect, endpoint: endpoint, message: reason, result: .interrupted, at: time) else {
                return [said]
            }
            return [said, "not in the action log: \(failure)"]
        }
    }
}
