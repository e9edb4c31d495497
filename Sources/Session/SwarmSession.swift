import Foundation
import SwarmState

/// The swarm watched now: its `SwarmSource` (feed, clients, recorder) and the task running the
/// feed. `:context NAME` replaces all of it at once (`switchTo`); the effect runner takes
/// `current` for each effect.
public final class SwarmSession: @unchecked Sendable {
    /// The swarm watched and its refresh.
    public struct Parts: Sendable {
        /// The feed, clients and recorder.
        public var source: SwarmSource
        /// Runs the feed and publishes its snapshots; cancelled when the swarm is left.
        var refresh: Task<Void, Never>?
        /// Counts the swarms watched: a snapshot published by a swarm left is dropped.
        var generation: Int
    }

    /// Opens the swarm of a docker context for `:context NAME`.
    /// - Returns: its source (its feed not running yet) and its manager endpoint as the status
    ///   line shows it.
    /// - Throws: an error naming the context when it is unknown or unusable.
    public typealias Opener = @Sendable (_ context: String) async throws -> (SwarmSource, status: String)

    private let open: Opener?
    private let publish: @Sendable (ClusterSnapshot) -> Void
    private let lock = NSLock()
    private var parts: Parts

    /// Starts running `source`'s feed.
    /// - Parameters:
    ///   - source: the swarm watched first.
    ///   - open: opens another context's swarm (`SwarmSource.Live.open(context:)`); nil when
    ///     there is no other (a replay: `source` refuses the switch before it gets here).
    ///   - publish: where snapshots go (`UILoop.post`), called from the feed's executor.
    public init(_ source: SwarmSource, open: Opener?, publish: @escaping @Sendable (ClusterSnapshot) -> Void) {
        self.open = open
        self.publish = publish
        parts = Parts(source: source, refresh: nil, generation: 0)
        lock.withLock { parts.refresh = refresh(parts) }
    }

    /// The swarm watched now.
    public var current: Parts { lock.withLock { parts } }

    /// Watches the swarm of docker context `name` instead: opens it, then ends the refresh of
    /// the current swarm and closes its clients.
    /// - Returns: the new manager endpoint as the status line shows it.
    /// - Throws: `InvalidSetting` for an unknown or unusable context (the message names it);
    ///   `SwitchRefused` when this session has no other swarm to open.
    public func switchTo(context name: String) async throws -> String {
        guard let open else { throw SwitchRefused() }
        let (source, status) = try await open(name)
        var new = Parts(source: source, refresh: nil, generation: current.generation + 1)
        let old = lock.withLock {
            defer { parts = new }
            return parts
        }
        old.refresh?.cancel()
        await old.refresh?.value
        await old.source.shutdown()
        new.refresh = refresh(new)
        lock.withLock { parts.refresh = new.refresh }
        return status
    }

    /// A session opened without an `Opener` cannot switch swarms.
    public struct SwitchRefused: Error, CustomStringConvertible {
        /// `this session watches one swarm only (a replay, or a recording: one swarm per file)`.
        public var description: String { "this session watches one swarm only (a replay, or a recording: one swarm per file)" }
    }

    /// Ends the refresh and closes the clients of the swarm watched now.
    public func shutdown() async {
        let parts = current
        parts.refresh?.cancel()
        await parts.source.shutdown()
    }

    /// Runs the feed of `parts`, publishing its snapshots while it is the swarm watched.
    private func refresh(_ parts: Parts) -> Task<Void, Never> {
        let (feed, generation) = (parts.source.feed, parts.generation)
        return Task {
            await feed.run { [weak self] snapshot in
                guard let self, self.current.generation == generation else { return }
                self.publish(snapshot)
            }
        }
    }
}
