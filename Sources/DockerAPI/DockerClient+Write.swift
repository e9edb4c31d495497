import Foundation

/// Write operations: the actions swarmtop offers.
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

    /// `DELETE /services/{id}`.
    /// - Throws: `DockerError` (404 when it is already gone).
    public func removeService(id: String) async throws {
        _ = try await send(method: .DELETE, path: "/services/\(id)")
    }

    /// `DELETE /secrets/{id}`, `/configs/{id}` or `/networks/{id}`.
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
    ///   - edit: changes the spec in place; throws to abort without writing.
    /// - Returns: the engine's warnings, if any.
    /// - Throws: `DockerError`, or what `edit` throws.
    @discardableResult
    public func updateService(id: String, attempts: Int = 5,
                              edit: @Sendable (inout [String: Any]) throws -> Void) async throws -> [String] {
        var lastError: (any Error)?
        for _ in 0..<max(1, attempts) {
            let current = try await send(method: .GET, path: "/services/\(id)")
            let (index, spec) = try ServiceSpecEditor.versionAndSpec(current.body, path: "/services/\(id)")
            var edited = spec
            try edit(&edited)
            let body = try JSONSerialization.data(withJSONObject: edited, options: [.sortedKeys])
            do {
                let answer = try await send(method: .POST, path: "/services/\(id)/update",
                                            query: [("version", String(index))], body: body)
                struct Warnings: Decodable { var Warnings: [String]? }
                return (try? JSONDecoder().decode(Warnings.self, from: answer.body))?.Warnings ?? []
            } catch let e as DockerError where ServiceSpecEditor.isOutOfSequence(e) {
                lastError = e
                continue
            }
        }
        throw lastError ?? DockerError.api(status: 500, message: "update out of sequence")
    }

    /// Sets `Mode.Replicated.Replicas` of a replicated service, changing nothing else.
    /// - Throws: `ServiceSpecEditor.EditError.notReplicated` for global services and jobs; `DockerError`.
    public func scaleService(id: String, replicas: UInt64) async throws {
        try await updateService(id: id) { spec in try ServiceSpecEditor.setReplicas(&spec, replicas) }
    }
}
