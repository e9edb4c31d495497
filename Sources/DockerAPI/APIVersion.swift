import Foundation

/// An Engine API version such as `1.41`, ordered numerically (`1.9 < 1.41`).
public struct APIVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses `"1.41"`; nil for anything else.
    public init?(_ string: String) {
        let parts = string.trimmingCharacters(in: .whitespaces).split(separator: ".")
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
        self.init(major: a, minor: b)
    }

    /// The oldest API swarmtop speaks: 1.41 (Engine 20.10) brings `ServiceStatus` and jobs.
    public static let minimum = APIVersion(major: 1, minor: 41)
    /// The newest API swarmtop knows; a newer engine is spoken to at this version, as the CLI does.
    public static let maximum = APIVersion(major: 1, minor: 54)

    /// The version to use with an engine that announces `server` in its `API-Version` header.
    /// - Throws: `DockerError.unsupportedVersion` when the engine is older than `minimum`,
    ///   `DockerError.malformedResponse` when the header is not a version.
    public static func negotiate(server: String?) throws -> APIVersion {
        guard let server, let v = APIVersion(server) else {
            throw DockerError.malformedResponse(path: EnginePath.ping, reason: "no API-Version header")
        }
        guard v >= minimum else { throw DockerError.unsupportedVersion(server: server, minimum: minimum.description) }
        return min(v, maximum)
    }

    public static func < (a: APIVersion, b: APIVersion) -> Bool { (a.major, a.minor) < (b.major, b.minor) }
    public var description: String { "\(major).\(minor)" }
}
