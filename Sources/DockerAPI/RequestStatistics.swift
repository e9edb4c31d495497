/// Counts of what a `DockerClient` asked of its engine.
public struct RequestStatistics: Sendable, Hashable, Codable {
    /// Requests that got an answer (any status), event streams included when they opened.
    public var requests = 0
    /// Body bytes received, event streams included.
    public var bytesReceived = 0
    /// Requests that got no answer (refused, timed out, dropped).
    public var failures = 0
    /// Event streams opened.
    public var eventStreams = 0

    public init() {}
}
