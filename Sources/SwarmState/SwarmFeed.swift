import DockerAPI

/// A source of snapshots, as the dashboard and its effects use it: the live `RefreshEngine`,
/// or a replay of a recording. The rest of the program cannot tell which it has.
public protocol SwarmFeed: Sendable {
    /// Runs until the calling task is cancelled, calling `publish` with every new snapshot
    /// (from the feed's own executor: the callee hands it over to its own thread).
    func run(publish: @escaping @Sendable (ClusterSnapshot) -> Void) async

    /// Asks for every collection again now (e.g. right after an action).
    func refreshNow() async

    /// Measures one container's writable layer now on the engine of `hostname`, and publishes
    /// the snapshot with it.
    /// - Returns: the new sizes, in bytes.
    /// - Throws: `DockerError` (a replay throws `.transport` with its reason: it asks no engine).
    func refreshSize(hostname: String, containerID: String) async throws -> DockerClient.ContainerSize

    /// The latest snapshot.
    var current: ClusterSnapshot { get async }
}
