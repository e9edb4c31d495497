import Foundation

/// Write operations: the actions swarmtop offers on containers, services and nodes.
extension DockerClient {
    /// `POST /containers/{id}/stop?t=<seconds>` on the engine that runs the container.
    /// An already stopped container (304) counts as success.
    /// - Throws: `DockerError` (404 "No such container" when it vanished).
    public func stopContainer(id: String, graceSeconds: Int = 10) async throws {
        do {
            _ = try await send(method: .POST, path: "/containers/\(id)/stop", query: [("t", String(graceSeconds))],
                               timeout: TimeInterval(graceSeconds + 15))
        } catch DockerError.api(status: 304, _) {
            return
        }
    }

    /// `POST /containers/{id}/restart?t=<seconds>` on the engine that runs the container, as
    /// `docker restart` does: stop (SIGTERM, then SIGKILL after the grace period), then start.
    /// - Throws: `DockerError` (404 "No such container" when it vanished).
    public func restartContainer(id: String, graceSeconds: Int = 10) async throws {
        _ = try await send(method: .POST, path: "/containers/\(id)/restart", query: [("t", String(graceSeconds))],
                           timeout: TimeInterval(graceSeconds + 25))
    }

    /// `DELETE /services/{id}`, `/secrets/{id}`, `/configs/{id}` or `/networks/{id}`.
    /// - Throws: `DockerError`.
    public func removeStackObject(_ kind: StackObjectKind, id: String) async throws {
        _ = try await send(method: .DELETE, path: "/\(kind.rawValue)/\(id)")
    }

    /// Changes a service by editing its raw JSON spec, never a decoded struct, so that fields
    /// swarmtop does not model survive: GET `/services/{id}`, apply `edit` to `Spec`, POST
    /// `/services/{id}/update?version=<Version.Index>`. A stale version (500 "update out of
    /// sequence") is retried with a fresh read, up to `attempts` times.
    /// - Parameters:
    ///   - id: service ID or name.
    ///   - query: more query parameters, e.g. `rollback=previous`.
    ///   - attempts: reads and writes tried before a stale version is given up.
    ///   - edit: changes the spec in place; throws to abort without writing. Runs once per attempt.
    /// - Returns: the engine's warnings, if any.
    /// - Throws: `DockerError`, or what `edit` throws.
    @discardableResult
    public func updateService(id: String, query: [(String, String)] = [], attempts: Int = 5,
                              edit: @Sendable (inout [String: Any]) throws -> Void) async throws -> [String] {
        let answer = try await updateSpec(path: "/services/\(id)", query: query, attempts: attempts, edit: edit)
        struct Warnings: Decodable { var Warnings: [String]? }
        return (try? EngineJSONDecoder.decode(Warnings.self, from: answer))?.Warnings ?? []
    }

    /// Sets the count `docker service scale` sets (`Mode.Replicated.Replicas`, or a replicated
    /// job's `TotalCompletions`), changing nothing else, but only while the count is still `from`
    /// (checked on every read, so also after a retried "update out of sequence").
    /// - Parameters:
    ///   - from: the count the confirmed dialog showed.
    ///   - replicas: the count to set.
    /// - Throws: `ServiceSpecEditor.EditError.changed` when the count is no longer `from` (nothing
    ///   written); `.notReplicated` for global services and global jobs; `DockerError`.
    public func scaleService(id: String, from: UInt64, to replicas: UInt64) async throws {
        try await updateService(id: id) { try ServiceSpecEditor.scale(&$0, from: from, to: replicas) }
    }

    /// Rolls a service back to its previous spec, as `docker service rollback` does
    /// (`POST /services/{id}/update?rollback=previous` with the current spec).
    /// - Throws: `DockerError` (500 "service does not have a previous spec" when it was never updated).
    public func rollbackService(id: String) async throws {
        try await updateService(id: id, query: [("rollback", "previous")]) { _ in }
    }

    /// Replaces every task of a service without changing it otherwise, as
    /// `docker service update --force` does (increments `TaskTemplate.ForceUpdate`).
    /// - Throws: `DockerError`.
    public func forceUpdateService(id: String) async throws {
        try await updateService(id: id) { ServiceSpecEditor.forceUpdate(&$0) }
    }

    /// Sets a node's availability, as `docker node update --availability` does: the raw node
    /// spec is read and written back with only `Availability` changed (stale versions retried),
    /// but only while it is still `from`.
    /// - Parameters:
    ///   - id: node ID or hostname.
    ///   - from: the availability the confirmed dialog showed (`Spec.Availability`).
    ///   - availability: `active`, `pause` or `drain`.
    /// - Throws: `ServiceSpecEditor.EditError.changed` when the node's availability is no longer
    ///   `from` (nothing written); `DockerError` (404 when the node is gone; 503 on a worker's engine).
    public func setNodeAvailability(id: String, from: String, to availability: NodeAvailability) async throws {
        _ = try await updateSpec(path: "/nodes/\(id)", query: [], attempts: 5) { spec in
            let current = spec["Availability"] as? String ?? ""
            guard current == from else {
                throw ServiceSpecEditor.EditError.changed("node \(id) is \(current.isEmpty ? "of no availability" : current) now, not \(from) as the dialog showed")
            }
            ServiceSpecEditor.setAvailability(&spec, availability)
        }
    }

    /// GET `path`, edit its raw `Spec`, POST it to `path/update?version=…`; retried on a stale version.
    /// - Returns: the body of the update's answer.
    private func updateSpec(path: String, query: [(String, String)], attempts: Int,
                            edit: (inout [String: Any]) throws -> Void) async throws -> Data {
        var lastError: (any Error)?
        for _ in 0..<max(1, attempts) {
            let current = try await send(method: .GET, path: path)
            var (index, spec) = try ServiceSpecEditor.versionAndSpec(current.body, path: path)
            try edit(&spec)
            let body = try JSONSerialization.data(withJSONObject: spec, options: [.sortedKeys])
            do {
                return try await send(method: .POST, path: path + "/update",
                                      query: [("version", String(index))] + query, body: body).body
            } catch let e as DockerError where ServiceSpecEditor.isOutOfSequence(e) {
                lastError = e
            }
        }
        throw lastError ?? DockerError.api(status: 500, message: "update out of sequence")
    }
}

