import Foundation

/// Read operations of the Engine API used by the dashboard.
extension DockerClient {
    /// `GET path` (an `EnginePath`, its query included), the 2xx answer's body as sent.
    /// - Parameter timeout: seconds (default: the client's).
    /// - Throws: `DockerError`.
    public func read(_ path: String, timeout: TimeInterval? = nil) async throws -> Data {
        let (path, query) = EnginePath.split(path)
        return try await send(method: .GET, path: path, query: query, timeout: timeout).body
    }

    /// `GET /info`: the engine's identity and swarm membership.
    /// - Throws: `DockerError`.
    public func info() async throws -> SystemInfo {
        try await get(SystemInfo.self, EnginePath.info)
    }

    /// `GET /nodes` (managers only; a worker answers 503 "This node is not a swarm manager").
    /// - Throws: `DockerError`.
    public func nodes() async throws -> [Node] {
        try await get([Node].self, EnginePath.nodes)
    }

    /// `GET /services?status=true`: services with running/desired task counts (API 1.41+).
    /// - Throws: `DockerError`.
    public func services() async throws -> [Service] {
        try await get([Service].self, EnginePath.services)
    }

    /// `GET /tasks`: every task the manager still keeps, including shut-down history.
    /// - Throws: `DockerError`.
    public func tasks() async throws -> [SwarmTask] {
        try await get([SwarmTask].self, EnginePath.tasks)
    }

    /// `GET /containers/json?all=1[&size=1]` on this engine (containers are per node).
    /// - Parameters:
    ///   - size: ask for `SizeRw`/`SizeRootFs`; expensive (the engine walks every writable layer).
    ///   - timeout: seconds; size queries deserve a longer one.
    /// - Throws: `DockerError`.
    public func containers(size: Bool, timeout: TimeInterval? = nil) async throws -> [ContainerSummary] {
        try await get([ContainerSummary].self, EnginePath.containers(size: size), timeout: timeout)
    }

    /// The objects of one kind that belong to a stack: `GET /services|networks|secrets|configs`
    /// filtered on the label `com.docker.stack.namespace=<stack>` (the filter JSON-encoded, see
    /// `EngineFilters`), and of those only the ones whose label is exactly `stack`.
    /// - Throws: `DockerError`.
    public func stackObjects(_ kind: StackObjectKind, stack: String) async throws -> [StackObject] {
        let listed = try await get([StackObject].self, "/" + kind.rawValue, query: [("filters", EngineFilters.stack(stack))])
        return listed.filter { $0.stack == stack }
    }

    /// What a stack holds now, by kind (each listed with `stackObjects`).
    /// - Parameter kinds: the kinds to list; the others are left out of the answer.
    /// - Throws: `DockerError`.
    public func stackContents(_ stack: String, kinds: [StackObjectKind] = StackObjectKind.allCases) async throws -> StackContents {
        var contents = StackContents(stack: stack)
        for kind in kinds { contents.objects[kind] = try await stackObjects(kind, stack: stack) }
        return contents
    }

    /// The object `kind`/`id` as the engine has it now (`GET /{kind}/{id}`), or why a stack
    /// action must leave it alone: it is gone, or no longer labelled `com.docker.stack.namespace=<stack>`.
    /// - Returns: the object, or nil and the reason, e.g. `network prod_back (gone)`.
    /// - Throws: `DockerError` other than 404.
    func recheck(_ kind: StackObjectKind, _ listed: StackObject, stack: String) async throws -> (StackObject?, skip: String?) {
        let current: StackObject
        do {
            current = try await get(StackObject.self, "/\(kind.rawValue)/\(listed.id)")
        } catch DockerError.api(status: 404, _) {
            return (nil, "\(kind.singular) \(listed.name) (gone)")
        }
        guard current.stack == stack else {
            let now = current.stack.map { "now labelled \(StackObject.namespaceLabel)=\($0)" } ?? "no longer labelled \(StackObject.namespaceLabel)"
            return (nil, "\(kind.singular) \(listed.name) (\(now))")
        }
        return (current, nil)
    }
}

/// The kinds of object a stack holds, named by their API collection.
public enum StackObjectKind: String, Sendable, CaseIterable {
    case services, secrets, configs, networks

    /// `service`, `secret`, `config`, `network`.
    public var singular: String { String(rawValue.dropLast()) }
}
