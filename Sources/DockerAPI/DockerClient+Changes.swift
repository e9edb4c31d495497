import Foundation
import NIOHTTP1

/// What a container changed against its image (`docker diff`), and the size of a path in it.
extension DockerClient {
    /// `GET /containers/{id}/changes` on the engine that runs it: every path added, changed or
    /// deleted in its writable layer, in the engine's order.
    /// - Throws: `DockerError` (404 "No such container" when it is gone).
    public func containerChanges(id: String) async throws -> [ContainerChange] {
        let path = EnginePath.containerChanges(id: id)
        let body = try await read(path)
        // A container that changed nothing is answered with `null`.
        if String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "null" { return [] }
        return try DockerJSON.decode([ContainerChange].self, from: body, path: path)
    }

    /// `HEAD /containers/{id}/archive?path=P`: what the engine says of `path` (its
    /// `X-Docker-Container-Path-Stat` header), without reading the file.
    /// - Returns: the stat, or nil when the path does not exist in the container (404).
    /// - Throws: `DockerError` (404 for a container that is gone is nil too: the caller asked the
    ///   changes of that container just before).
    public func containerPathStat(id: String, path: String) async throws -> ContainerPathStat? {
        let response: Response
        do {
            response = try await send(method: .HEAD, path: EnginePath.containerArchive(id: id), query: [("path", path)])
        } catch DockerError.api(status: 404, _) {
            return nil
        }
        guard let header = response.headers.first(name: "X-Docker-Container-Path-Stat") else {
            throw DockerError.malformedResponse(path: EnginePath.containerArchive(id: id), reason: "no X-Docker-Container-Path-Stat header")
        }
        return try ContainerPathStat.decode(header: header)
    }

    /// `GET /containers/{nameOrID}/json`: the container's full ID, name and storage driver. The
    /// engine resolves a name, a full ID or an unambiguous ID prefix, as `docker inspect` does.
    /// - Throws: `DockerError` (404 "No such container" when this engine has none by that name).
    public func containerIdentity(_ nameOrID: String) async throws -> ContainerIdentity {
        try await get(ContainerIdentity.self, EnginePath.containerInspect(id: nameOrID))
    }
}
