import Foundation

/// What the engine says of one path inside a container, without its content.
///
/// Source: the `X-Docker-Container-Path-Stat` header of `HEAD /containers/{id}/archive?path=P`
/// (Engine API v1.41+, `ContainerPathStat`): base64 of
/// `{"name": "big", "size": 307205, "mode": 420, "mtime": "…", "linkTarget": ""}`.
public struct ContainerPathStat: Codable, Sendable, Hashable {
    /// The last element of the path, e.g. `big`.
    public var name: String
    /// Bytes: a file's length; a directory's own entry size (not its contents').
    public var size: Int64
    /// Go's `os.FileMode` bits: the permission bits, plus `1<<31` for a directory and `1<<27`
    /// for a symbolic link (not the Unix `st_mode` type bits).
    public var mode: UInt32
    /// The modification time, RFC 3339 as the engine wrote it.
    public var mtime: String
    /// Where a symbolic link points; empty for anything else.
    public var linkTarget: String

    public init(name: String, size: Int64, mode: UInt32, mtime: String = "", linkTarget: String = "") {
        self.name = name
        self.size = size
        self.mode = mode
        self.mtime = mtime
        self.linkTarget = linkTarget
    }

    /// True for a directory (Go's `os.ModeDir`).
    public var isDirectory: Bool { mode & (1 << 31) != 0 }
    /// True for a symbolic link (Go's `os.ModeSymlink`).
    public var isSymlink: Bool { mode & (1 << 27) != 0 }

    /// Decodes the header's value.
    /// - Parameter header: the value of `X-Docker-Container-Path-Stat` (standard base64 of JSON).
    /// - Throws: `DockerError.malformedResponse` when it is not base64 or not that JSON.
    public static func decode(header: String) throws -> ContainerPathStat {
        guard let json = Data(base64Encoded: header.trimmingCharacters(in: .whitespaces)) else {
            throw DockerError.malformedResponse(path: "X-Docker-Container-Path-Stat", reason: "not base64: \(header.prefix(80))")
        }
        return try DockerJSON.decode(ContainerPathStat.self, from: json, path: "X-Docker-Container-Path-Stat")
    }
}
