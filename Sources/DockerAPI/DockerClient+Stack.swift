import Foundation

/// Removing a stack the way `docker stack rm` does.
extension DockerClient {
    /// What `removeStack` removed (names), and what failed.
    public struct StackRemoval: Sendable, Equatable {
        public var services: [String] = []
        public var secrets: [String] = []
        public var configs: [String] = []
        public var networks: [String] = []
        /// One line per object that could not be removed, with the engine's message.
        public var failures: [String] = []
        /// Listed objects left alone because they were gone or no longer carried the stack's
        /// label when removed, e.g. `service prod_web (now labelled com.docker.stack.namespace=other)`.
        public var skipped: [String] = []

        /// E.g. "removed 4 services, 1 secret, 1 config, 1 network".
        public var summary: String {
            func n(_ c: Int, _ word: String) -> String { "\(c) \(word)\(c == 1 ? "" : "s")" }
            return "removed " + [n(services.count, "service"), n(secrets.count, "secret"), n(configs.count, "config"),
                                 n(networks.count, "network")].joined(separator: ", ")
        }
    }

    /// Removes the objects `contents` lists, by ID, in `docker stack rm`'s order: services,
    /// secrets, configs, networks. Each is read again first (`GET /{kind}/{id}`) and left alone,
    /// listed in `skipped`, when it is gone or no longer labelled `com.docker.stack.namespace=<stack>`.
    /// A network still used by draining tasks is retried every second until it is free or
    /// `networkTimeout` seconds pass. Volumes are kept. Must be called on a manager.
    /// - Returns: what was removed, skipped and failed (the rest is still removed, as the CLI does).
    /// - Throws: `.api(404, "nothing found in stack: NAME")` when `contents` lists nothing (an
    ///   object that cannot be checked or removed is a line of `failures`).
    public func removeStack(_ contents: StackContents, networkTimeout: TimeInterval = 30) async throws -> StackRemoval {
        guard !contents.isEmpty else { throw DockerError.api(status: 404, message: "nothing found in stack: \(contents.stack)") }
        var result = StackRemoval()
        for kind in [StackObjectKind.services, .secrets, .configs, .networks] {
            for listed in contents[kind].sorted(by: { $0.name < $1.name }) {
                do {
                    let (current, skip) = try await recheck(kind, listed, stack: contents.stack)
                    guard let current else {
                        if let skip { result.skipped.append(skip) }
                        continue
                    }
                    try await remove(kind, id: current.id, retryUntil: kind == .networks ? Date().addingTimeInterval(networkTimeout) : nil)
                    result.append(kind, current.name)
                } catch {
                    // Not checked, or not removed: left as it is, and said so.
                    result.failures.append("\(kind.singular) \(listed.name): \((error as? DockerError)?.description ?? String(describing: error))")
                }
            }
        }
        return result
    }

    /// `DELETE /{kind}/{id}`; with `retryUntil`, retried every second until then (a network in use),
    /// a 404 meanwhile counting as removed.
    private func remove(_ kind: StackObjectKind, id: String, retryUntil deadline: Date?) async throws {
        while true {
            do {
                return try await removeStackObject(kind, id: id)
            } catch DockerError.api(status: 404, _) where deadline != nil {
                return  // gone meanwhile
            } catch {
                guard let deadline, Date() < deadline else { throw error }
                try await Task.sleep(nanoseconds: 1_000_000_000)
            }
        }
    }
}

extension DockerClient.StackRemoval {
    /// Records `name` as removed under `kind`.
    mutating func append(_ kind: StackObjectKind, _ name: String) {
        switch kind {
        case .services: services.append(name)
        case .secrets: secrets.append(name)
        case .configs: configs.append(name)
        case .networks: networks.append(name)
        }
    }
}
