import Foundation

/// Read operations of the Engine API used by the dashboard.
extension DockerClient {
    /// `GET /info`: the engine's identity and swarm membership.
    /// - Throws: `DockerError`.
    public func info() async throws -> SystemInfo {
        try await get(SystemInfo.self, "/info")
    }

    /// `GET /nodes` (managers only; a worker answers 503 "This node is not a swarm manager").
    /// - Throws: `DockerError`.
    public func nodes() async throws -> [Node] {
        try await get([Node].self, "/nodes")
    }

    /// `GET /services?status=true`: services with running/desired task counts (API 1.41+).
    /// - Throws: `DockerError`.
    public func services() async throws -> [Service] {
        try await get([Service].self, "/services", query: [("status", "true")])
    }

    /// `GET /tasks`: every task the manager still keeps, including shut-down history.
    /// - Throws: `DockerError`.
    public func tasks() async throws -> [SwarmTask] {
        try await get([SwarmTask].self, "/tasks")
    }

    /// `GET /containers/json?all=1[&size=1]` on this engine (containers are per node).
    /// - Parameters:
    ///   - size: ask for `SizeRw`/`SizeRootFs`; expensive (the engine walks every writable layer).
    ///   - timeout: seconds; size queries deserve a longer one.
    /// - Throws: `DockerError`.
    public func containers(size: Bool, timeout: TimeInterval? = nil) async throws -> [ContainerSummary] {
        var query = [("all", "1")]
        if size { query.append(("size", "1")) }
        return try await get([ContainerSummary].self, "/containers/json", query: query, timeout: timeout)
    }

    /// Objects of a stack: `GET /networks|/secrets|/configs` filtered by label
    /// `com.docker.stack.namespace=<stack>`.
    /// - Throws: `DockerError`.
    public func stackObjects(_ kind: StackObjectKind, stack: String) async throws -> [StackObject] {
        let filters = #"{"label":{"com.docker.stack.namespace=\#(stack)":true}}"#
        return try await get([StackObject].self, "/" + kind.rawValue, query: [("filters", filters)])
    }

    /// Services of a stack, filtered by label on the manager.
    /// - Throws: `DockerError`.
    public func stackServices(stack: String) async throws -> [Service] {
        let filters = #"{"label":{"com.docker.stack.namespace=\#(stack)":true}}"#
        return try await get([Service].self, "/services", query: [("filters", filters)])
    }
}

/// The non-service objects a stack owns, named by their API collection.
public enum StackObjectKind: String, Sendable, CaseIterable {
    case secrets, configs, networks
}
