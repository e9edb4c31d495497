import Actions
import Dashboard
import SwarmState

/// One swarm as the dashboard's effects use it: where its snapshots come from, the engines'
/// clients when there are engines, and what refuses and logs actions.
///
/// A live swarm (`SwarmSource.Live.open`) has a `RefreshEngine` as its feed and its `Connections`.
/// A recording has a replay as its feed and no connections: every effect that would ask an
/// engine (actions, stack listing, log streams, a context switch) is refused with `offline`.
public struct SwarmSource: Sendable {
    /// The snapshots: the live refresh, or a replay.
    public let feed: any SwarmFeed
    /// The engines' clients; nil when there are no engines to ask (a recording).
    public let connections: Connections?
    /// Refuses actions in read-only mode and logs their outcomes.
    public let recorder: ActionRecorder
    /// Why an effect that needs an engine is refused when `connections` is nil, e.g.
    /// `replay: actions are off; this is a recording`.
    public let offline: String

    /// A swarm whose engines are asked.
    /// - Parameters:
    ///   - feed: its refresh, usually a `RefreshEngine` on `connections`.
    ///   - connections: the clients actions, stack listings and log streams go through.
    ///   - recorder: refuses actions in read-only mode and logs the others.
    public init(feed: any SwarmFeed, connections: Connections, recorder: ActionRecorder) {
        self.feed = feed
        self.connections = connections
        self.recorder = recorder
        self.offline = ""
    }

    /// A swarm with no engines behind it, e.g. a replay of a recording: its snapshots come from
    /// `feed`, and every effect that would ask an engine is refused with `reason`.
    /// - Parameters:
    ///   - feed: the snapshots, e.g. a replay.
    ///   - reason: the refusal's words, e.g. `replay: actions are off; this is a recording`.
    ///   - endpoint: what the recording watched, named by the recorder (nothing is logged: nothing runs).
    public init(offline feed: any SwarmFeed, reason: String, endpoint: String) {
        self.feed = feed
        self.connections = nil
        self.recorder = ActionRecorder(readOnly: true, log: nil, endpoint: endpoint)
        self.offline = reason
    }

    /// Why `effect` must not run here, nil when it may: without engines, every effect that
    /// asks one (`Effect.asksEngine`); in read-only mode, every effect that changes the swarm.
    public func refusal(_ effect: Effect) -> String? {
        if connections == nil, effect.asksEngine { return "\(offline) (\(effect.action) \(effect.target) refused)" }
        return recorder.refusal(effect)
    }

    /// The engines' clients.
    /// - Throws: `Offline` (saying `offline`) when there are none.
    public func clients() throws -> Connections {
        guard let connections else { throw Offline(description: offline) }
        return connections
    }

    /// There are no engines to ask (a recording).
    public struct Offline: Error, CustomStringConvertible {
        /// Why, e.g. `replay: actions are off; this is a recording`.
        public let description: String
    }

    /// Ends the feed's clients: closes the connections, if any.
    public func shutdown() async {
        await connections?.shutdown()
    }
}

extension Effect {
    /// True when running it takes an engine's client (not only the feed, a theme file or the
    /// log view): every action on the swarm, a stack listing, a log stream, a context switch.
    /// A size measurement goes through the feed, which answers for itself.
    var asksEngine: Bool {
        switch self {
        case .loadTheme, .stopLogs, .refreshSize: false
        case .listStack, .followLogs, .switchContext, .readChanges, .statPaths, .readImageLayers, .inspect: true
        default: changesSwarm
        }
    }
}
