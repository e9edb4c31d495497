import Foundation

/// What the image layers view reads: an image's history, its shared size, a container's log file.
extension DockerClient {
    /// `GET /images/{id}/history` on the engine that has the image: its layers, newest first.
    /// - Parameter id: the image ID (or a name this engine knows).
    /// - Throws: `DockerError` (404 "No such image" when this engine lacks it).
    public func imageHistory(id: String) async throws -> [ImageLayer] {
        try await get([ImageLayer].self, EnginePath.imageHistory(id: id))
    }

    /// The `Images` of `GET /system/df`: each image's size and the part shared with others.
    /// - Parameter timeout: seconds; the engine walks every layer, so longer than a list's.
    /// - Throws: `DockerError`.
    public func imageDiskUsage(timeout: TimeInterval? = nil) async throws -> [DiskUsage.ImageUsage] {
        try Self.imageDiskUsage(fromSystemDF: try await read(EnginePath.systemDF, timeout: timeout))
    }

    /// The `Images` of a `/system/df` answer (none when it has no such key).
    /// - Throws: `DockerError.malformedResponse` for a body that is not that JSON.
    public static func imageDiskUsage(fromSystemDF body: Data) throws -> [DiskUsage.ImageUsage] {
        try DockerJSON.decode(DiskUsage.self, from: body, path: EnginePath.systemDF).images ?? []
    }

    /// Where the engine writes a container's log, `LogPath` of `GET /containers/{id}/json`:
    /// a path on the engine's machine (the json-file driver's `<id>-json.log`), empty for
    /// drivers that write no file.
    /// - Throws: `DockerError` (404 when the container is gone).
    public func containerLogPath(id: String) async throws -> String {
        let path = EnginePath.containerInspect(id: id)
        return try Self.logPath(fromInspect: try await read(path), path: path)
    }

    /// The `LogPath` of a `/containers/{id}/json` answer, empty when it has none.
    /// - Throws: `DockerError.malformedResponse` for a body that is not that JSON.
    public static func logPath(fromInspect body: Data, path: String) throws -> String {
        struct Answer: Decodable {
            var logPath: String?
            enum CodingKeys: String, CodingKey { case logPath = "LogPath" }
        }
        return try DockerJSON.decode(Answer.self, from: body, path: path).logPath ?? ""
    }
}
