import Foundation

/// The refresh loop: polls the manager and fans out to every node engine concurrently, each
/// on its own cadence and with its own timeout, and publishes a new `ClusterSnapshot` after
/// every change. A slow or dead engine only marks its own rows stale; nothing here touches the
/// terminal, and the UI never waits on it.
public actor RefreshEngine {
    /// Cadences in seconds.
    public struct Intervals: Sendable {
        /// Manager poll (`/info`, `/nodes`, `/services?status=true`, `/tasks`) and container lists.
        public var poll: TimeInterval
        /// Writable-layer sizes (`/containers/json?size=1`), expensive for the engine.
        public var sizes: TimeInterval
        public init(poll: TimeInterval = 2, sizes: TimeInterval = 15) {
            self.poll = poll
            self.sizes = sizes
        }
    }

    private let connections: Connections
    private let intervals: Intervals
    private var snapshot: ClusterSnapshot
    /// Containers per node engine index, and the last measured sizes per container ID.
    private var sizes: [Int: [String: (rw: Int64?, rootFs: Int64?)]] = [:]
    private var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    private var publish: (@Sendable (ClusterSnapshot) -> Void)?

    public init(connections: Connections, intervals: Intervals = Intervals()) {
        self.connections = connections
        self.intervals = intervals
        snapshot = ClusterSnapshot(
            endpoint: connections.manager.endpoint.description,
            engines: connections.nodes.map { NodeEngine(hostname: $0.hostname, endpoint: $0.client.endpoint.description) })
    }

    /// Runs until the calling task is cancelled, calling `publish` with every new snapshot
    /// (from the engine's executor; the callee must hand it over to its own thread).
    public func run(publish: @escaping @Sendable (ClusterSnapshot) -> Void) async {
        self.publish = publish
        publish(snapshot)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.loop(every: self.intervals.poll) { await self.pollManager() } }
            for index in connections.nodes.indices {
                group.addTask { await self.loop(every: self.intervals.poll) { await self.listContainers(index) } }
                group.addTask { await self.loop(every: self.intervals.sizes) { await self.measureSizes(index) } }
            }
        }
    }

    /// Ends every pause now, so that all loops query again (e.g. right after an action).
    public func refreshNow() {
        for w in waiters.values { w.resume() }
        waiters.removeAll()
    }

    /// The latest snapshot.
    public var current: ClusterSnapshot { snapshot }

    private func loop(every seconds: TimeInterval, _ body: @Sendable () async -> Void) async {
        while !Task.isCancelled {
            await body()
            await pause(seconds)
        }
    }

    /// Sleeps `seconds`, or less when `refreshNow()` is called.
    private func pause(_ seconds: TimeInterval) async {
        let id = UUID()
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            waiters[id] = c
            Task {
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
                self.wake(id)
            }
        }
    }

    private func wake(_ id: UUID) {
        waiters.removeValue(forKey: id)?.resume()
    }

    private func pollManager() async {
        let m = connections.manager
        do {
            async let info = m.info()
            async let nodes = m.nodes()
            async let services = m.services()
            async let tasks = m.tasks()
            let (i, n, s, t) = try await (info, nodes, services, tasks)
            snapshot.info = i
            snapshot.nodes = n
            snapshot.services = s
            snapshot.tasks = t
            snapshot.apiVersion = try await m.apiVersion().description
            snapshot.refreshedAt = Date()
            snapshot.error = nil
            if connections.nodes.count == 1, connections.nodes[0].hostname.isEmpty, let name = i.name {
                snapshot.engines[0].hostname = name
            }
        } catch {
            snapshot.error = Self.describe(error)
        }
        publish?(snapshot)
    }

    private func listContainers(_ index: Int) async {
        let client = connections.nodes[index].client
        do {
            let list = try await client.containers(size: false)
            let known = sizes[index] ?? [:]
            snapshot.engines[index].containers = list.map { c in
                var c = c
                if let s = known[c.id] { c.sizeRw = s.rw; c.sizeRootFs = s.rootFs }
                return c
            }
            snapshot.engines[index].listedAt = Date()
            snapshot.engines[index].error = nil
        } catch {
            snapshot.engines[index].error = Self.describe(error)
        }
        publish?(snapshot)
    }

    private func measureSizes(_ index: Int) async {
        let client = connections.nodes[index].client
        do {
            let list = try await client.containers(size: true, timeout: max(30, client.timeout))
            sizes[index] = Dictionary(list.map { ($0.id, (rw: $0.sizeRw, rootFs: $0.sizeRootFs)) }, uniquingKeysWith: { a, _ in a })
            snapshot.engines[index].containers = list
            snapshot.engines[index].sizesAt = Date()
            snapshot.engines[index].listedAt = Date()
            snapshot.engines[index].error = nil
        } catch {
            snapshot.engines[index].error = Self.describe(error)
        }
        publish?(snapshot)
    }

    static func describe(_ error: any Error) -> String {
        (error as? DockerError)?.description ?? String(describing: error)
    }
}
