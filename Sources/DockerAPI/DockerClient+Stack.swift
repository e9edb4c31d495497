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

        /// E.g. "removed 4 services, 1 secret, 1 config, 1 network".
        public var summary: String {
            func n(_ c: Int, _ word: String) -> String { "\(c) \(word)\(c == 1 ? "" : "s")" }
            return "removed " + [n(services.count, "service"), n(secrets.count, "secret"), n(configs.count, "config"),
                                 n(networks.count, "network")].joined(separator: ", ")
        }
    }

    /// Removes every object labelled `com.docker.stack.namespace=<name>` in `docker stack rm`'s
    /// order: services, secrets, configs, networks. A network still used by draining tasks is
    /// retried every second until it is free or `networkTimeout` seconds pass. Volumes are kept.
    /// Must be called on a manager.
    /// - Returns: what was removed and what failed (the rest is still removed, as the CLI does).
    /// - Throws: `DockerError` when listing fails, or `.api(404, "nothing found in stack: NAME")`.
    public func removeStack(_ name: String, networkTimeout: TimeInterval = 30) async throws -> StackRemoval {
        let services = try await stackServices(stack: name)
        var objects: [StackObjectKind: [StackObject]] = [:]
        for kind in StackObjectKind.allCases { objects[kind] = try await stackObjects(kind, stack: name) }
        guard !services.isEmpty || objects.values.contains(where: { !$0.isEmpty }) else {
            throw DockerError.api(status: 404, message: "nothing found in stack: \(name)")
        }
        var result = StackRemoval()
        for s in services.sorted(by: { $0.name < $1.name }) {
            do { try await removeService(id: s.id); result.services.append(s.name) }
            catch { result.failures.append("service \(s.name): \(error)") }
        }
        for kind in [StackObjectKind.secrets, .configs] {
            for o in objects[kind] ?? [] {
                do {
                    try await removeStackObject(kind, id: o.id)
                    if kind == .secrets { result.secrets.append(o.name) } else { result.configs.append(o.name) }
                } catch { result.failures.append("\(kind.rawValue.dropLast()) \(o.name): \(error)") }
            }
        }
        for o in objects[.networks] ?? [] {
            let deadline = Date().addingTimeInterval(networkTimeout)
            while true {
                do {
                    try await removeStackObject(.networks, id: o.id)
                    result.networks.append(o.name)
                    break
                } catch DockerError.api(status: 404, _) {
                    result.networks.append(o.name)  // gone meanwhile
                    break
                } catch {
                    guard Date() < deadline else { result.failures.append("network \(o.name): \(error)"); break }
                    try await Task.sleep(nanoseconds: 1_000_000_000)
                }
            }
        }
        return result
    }
}
