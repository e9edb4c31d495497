import Foundation

extension DockerClient {
    /// The error for a request that got no answer. Over ssh, the connection only says that it
    /// closed: ssh's own reason (an unknown host key, a refused login, no docker on the far
    /// side…) is taken from the ssh process that failed since `start`, when there is one; else
    /// a TLS failure is explained (`unreachable`).
    /// - Parameters:
    ///   - error: what the HTTP client threw.
    ///   - start: when the request began.
    func transportError(_ error: any Error, since start: ContinuousClock.Instant) async -> DockerError {
        let reason = Self.describe(error)
        if let sshDialer, let ssh = await sshDialer.failure(since: start, wait: reason == "timed out" ? .zero : .seconds(1)) {
            return .transport(endpoint: endpoint.description, reason: ssh)
        }
        return await unreachable(error)
    }
}
