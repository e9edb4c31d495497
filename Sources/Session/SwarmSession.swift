import Actions
import Foundation
import Settings
import SwarmState

/// The swarm watched now: its engines' clients, its refresh engine and the task running it, and
/// the recorder that logs actions with its endpoint. `:context NAME` replaces all of it at once
/// (`switchTo`); the effect runner takes `current` for each effect.
final class SwarmSession: @unchecked Sendable {
    /// One swarm's parts.
    struct Parts {
        var connections: Connections
        var engine: RefreshEngine
        var recorder: ActionRecorder
        /// Runs `engine` and publishes its snapshots; cancelled when the swarm is left.
        var refresh: Task<Void, Never>?
        /// Counts the swarms watched: a snapshot published by a swarm left is dropped.
        var generation: Int
    }

    /// What every swarm is opened with: the command line (its `--host` and `--context` left out
    /// for a switch), the environment, the action log, and where snapshots go.
    private let flags: ConfigLayer
    private let environment: [String: String]
    private let log: ActionLog
    private let publish: @Sendable (ClusterSnapshot) -> Void
    private let lock = NSLock()
    private var parts: Parts

    /// Opens the swarm `endpoints` names and starts refreshing it.
    /// - Throws: `ValidationError` when its TLS files cannot be read.
    init(flags: ConfigLayer, config: Configuration, endpoints: EffectiveSettings.Endpoints, environment: [String: String],
         log: ActionLog, publish: @escaping @Sendable (ClusterSnapshot) -> Void) throws {
        self.flags = flags
        self.environment = environment
        self.log = log
        self.publish = publish
        parts = try Self.open(endpoints, config: config, log: log, generation: 0)
        lock.withLock { parts.refresh = refresh(parts) }
    }

    /// The swarm watched now.
    var current: Parts { lock.withLock { parts } }

    /// Watches the swarm of docker context `name` instead: resolves it as `--context NAME` would
    /// (the config file and environment as at start), opens it, then ends the refresh of the
    /// current swarm and closes its clients.
    /// - Returns: the new manager endpoint as the status line shows it.
    /// - Throws: `ValidationError` for an unknown or unusable context (the message names it).
    func switchTo(context name: String) async throws -> String {
        var flags = self.flags
        (flags.host, flags.context) = (nil, name)
        let config = try EffectiveSettings.resolve(flags: flags, environment: environment)
        let endpoints = try EffectiveSettings.endpoints(config, environment: environment)
        var new = try Self.open(endpoints, config: config, log: log, generation: current.generation + 1)
        let old = lock.withLock {
            defer { parts = new }
            return parts
        }
        old.refresh?.cancel()
        await old.refresh?.value
        await old.connections.shutdown()
        new.refresh = refresh(new)
        lock.withLock { parts.refresh = new.refresh }
        return endpoints.resolved.status
    }

    /// Ends the refresh and closes the clients of the swarm watched now.
    func shutdown() async {
        let parts = current
        parts.refresh?.cancel()
        await parts.connections.shutdown()
    }

    /// Runs the refresh of `parts`, publishing its snapshots while it is the swarm watched.
    private func refresh(_ parts: Parts) -> Task<Void, Never> {
        let (engine, generation) = (parts.engine, parts.generation)
        return Task {
            await engine.run { [weak self] snapshot in
                guard let self, self.current.generation == generation else { return }
                self.publish(snapshot)
            }
        }
    }

    /// The parts of the swarm `endpoints` names, not refreshed yet.
    private static func open(_ endpoints: EffectiveSettings.Endpoints, config: Configuration, log: ActionLog,
                             generation: Int) throws -> Parts {
        let readOnly = config.readOnly.value
        let connections = try EffectiveSettings.connections(endpoints, timeout: config.timeout.value, readOnly: readOnly)
        let (interval, fastInterval) = (config.interval.value, config.fastInterval.value)
        let engine = RefreshEngine(connections: connections, intervals: .init(
            poll: interval, sizes: config.sizeInterval.value, fastPoll: min(fastInterval, interval),
            resync: config.resyncInterval.value))
        let recorder = ActionRecorder(readOnly: readOnly, log: log, endpoint: connections.manager.endpoint.description)
        return Parts(connections: connections, engine: engine, recorder: recorder, refresh: nil, generation: generation)
    }
}
