import Dashboard
import Foundation
import SwarmState

/// Reads what the image layers view shows, through the engine of the container's node.
enum ImageLayersReader {
    /// Seconds `/system/df` may take: it walks every layer of the engine.
    static let diskUsageTimeout: TimeInterval = 30

    /// The image's history (required), its shared size from `/system/df` (or why not) and the
    /// container's log file size (none without a container): stat'ed at its `LogPath` where the
    /// engine is on this machine (a unix socket), else `LogFileSize.elsewhere`.
    /// - Throws: `DockerError` when the history cannot be read.
    static func read(_ request: ImageLayersRequest, client: DockerClient) async throws -> ImageLayers {
        async let history = client.imageHistory(id: request.imageID)
        var usage: DiskUsage.ImageUsage?, usageProblem: String?
        do {
            let images = try await client.imageDiskUsage(timeout: diskUsageTimeout)
            usage = images.first { $0.id == request.imageID }
            if usage == nil { usageProblem = "/system/df does not list it" }
        } catch {
            usageProblem = SnapshotAssembler.describe(error)
        }
        var logFile: LogFileSize?
        if let containerID = request.containerID { logFile = await logFileSize(containerID, client: client) }
        return ImageLayers(layers: try await history, usage: usage, usageProblem: usageProblem, logFile: logFile)
    }

    /// The size of the container's json-file log, or why it is not known.
    static func logFileSize(_ containerID: String, client: DockerClient) async -> LogFileSize {
        guard case .unix = client.endpoint.address else { return .notKnown(LogFileSize.elsewhere) }
        do {
            let path = try await client.containerLogPath(id: containerID)
            guard !path.isEmpty else { return .notKnown("not known (its log driver writes no file)") }
            return size(at: path)
        } catch {
            return .notKnown("not known (\(SnapshotAssembler.describe(error)))")
        }
    }

    /// The size of the file at `path` on this machine, or why it is not known.
    static func size(at path: String) -> LogFileSize {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            guard let bytes = (attributes[.size] as? NSNumber)?.int64Value else { return .notKnown("not known (no size for \(path))") }
            return .bytes(bytes, path: path)
        } catch {
            return .notKnown("not known (\(path): \((error as NSError).localizedDescription))")
        }
    }
}
