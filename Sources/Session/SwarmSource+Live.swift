import Actions
import Foundation
import Settings
import SwarmState

extension SwarmSource {
    /// Opens live swarms: what every one is opened with (the command line, the environment, the
    /// action log), for the first swarm and for `:context NAME`.
    public struct Live: Sendable {
        /// The command line's settings; a switch leaves out its `--host` and `--context`.
        let flags: ConfigLayer
        let environment: [String: String]
        let log: ActionLog
        /// Where every refresh engine's observations go (`--record`, `swarmtop record`), if anywhere.
        let observer: (@Sendable (EngineObservation) -> Void)?

        /// - Parameters:
        ///   - flags: what the command line set.
        ///   - environment: the process environment.
        ///   - log: the action log every swarm's actions go to.
        ///   - observer: called with every observation of the refresh engines (a recorder).
        public init(flags: ConfigLayer, environment: [String: String], log: ActionLog,
                    observer: (@Sendable (EngineObservation) -> Void)? = nil) {
            self.flags = flags
            self.environment = environment
            self.log = log
            self.observer = observer
        }

        /// The swarm `endpoints` names, with clients, a `RefreshEngine` at the configured
        /// cadences and a recorder (read-only when configured); its feed is not running yet.
        /// - Throws: `InvalidSetting` when TLS files cannot be read.
        public func open(_ endpoints: EffectiveSettings.Endpoints, config: Configuration) throws -> SwarmSource {
            let readOnly = config.readOnly.value
            let connections = try EffectiveSettings.connections(endpoints, timeout: config.timeout.value, readOnly: readOnly)
            let engine = RefreshEngine(connections: connections, intervals: config.refreshIntervals, observer: observer)
            let recorder = ActionRecorder(readOnly: readOnly, log: log, endpoint: connections.manager.endpoint.description)
            return SwarmSource(feed: engine, connections: connections, recorder: recorder)
        }

        /// The swarm of docker context `name`, resolved as `--context NAME` would be (the config
        /// file and environment as at start): `SwarmSession.Opener`.
        /// - Returns: the swarm, not refreshed yet, and its manager endpoint as the status line shows it.
        /// - Throws: `InvalidSetting` for an unknown or unusable context (the message names it).
        public func open(context name: String) throws -> (SwarmSource, status: String) {
            var flags = self.flags
            (flags.host, flags.managerHosts, flags.context) = (nil, nil, name)
            let config = try EffectiveSettings.resolve(flags: flags, environment: environment)
            let endpoints = try EffectiveSettings.endpoints(config, environment: environment)
            return (try open(endpoints, config: config), endpoints.resolved.status)
        }
    }
}
