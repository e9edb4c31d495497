import Crypto
import Foundation

/// The docker CLI's context store under `$DOCKER_CONFIG` (default `~/.docker`), read as the CLI
/// reads it (cli/context/store): `contexts/meta/<sha256 of name>/meta.json`, TLS material in
/// `contexts/tls/<sha256 of name>/docker/`, and `currentContext` in `config.json`.
/// Reads files only when asked; never writes.
public struct DockerContextStore: Sendable, Equatable {
    /// The folder holding `config.json` and `contexts/`.
    public let configDirectory: String

    /// The store in `configDirectory`.
    public init(configDirectory: String) {
        self.configDirectory = configDirectory
    }

    /// The store the docker CLI uses in this environment: `$DOCKER_CONFIG`, else `$HOME/.docker`.
    public init(environment: [String: String]) {
        let dir = environment["DOCKER_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.docker"
        self.init(configDirectory: dir)
    }

    /// `config.json` of this store.
    public var configFile: String { configDirectory + "/config.json" }

    /// The folder name the CLI gives a context: the hex SHA-256 of its name.
    public static func directoryName(of name: String) -> String {
        SHA256.hash(data: Data(name.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// `currentContext` of `config.json` (`docker context use NAME` sets it).
    /// - Returns: nil when the file is missing or names none.
    /// - Throws: `DockerContextError.malformed` naming the file when it is not JSON.
    public func currentContext() throws(DockerContextError) -> String? {
        guard let data = FileManager.default.contents(atPath: configFile) else { return nil }
        struct ConfigJSON: Decodable { var currentContext: String? }
        do {
            let name = try JSONDecoder().decode(ConfigJSON.self, from: data).currentContext
            return name?.isEmpty == false ? name : nil
        } catch {
            throw DockerContextError.malformed(file: configFile, reason: "not JSON with a string currentContext (\(Self.reason(error)))")
        }
    }

    /// The context called `name`.
    /// - Throws: `DockerContextError.unknown` when there is no such context, `.malformed` naming
    ///   its `meta.json` when that is not what the CLI writes.
    public func context(named name: String) throws(DockerContextError) -> DockerContext {
        let folder = Self.directoryName(of: name)
        let metaFile = "\(configDirectory)/contexts/meta/\(folder)/meta.json"
        guard let data = FileManager.default.contents(atPath: metaFile) else {
            throw DockerContextError.unknown(name: name, metaFile: metaFile)
        }
        struct Meta: Decodable {
            struct Endpoint: Decodable { var Host: String?; var SkipTLSVerify: Bool? }
            var Name: String
            var Endpoints: [String: Endpoint]
        }
        let meta: Meta
        do { meta = try JSONDecoder().decode(Meta.self, from: data) } catch {
            throw DockerContextError.malformed(file: metaFile, reason: "not a docker context's meta.json (\(Self.reason(error)))")
        }
        guard let docker = meta.Endpoints["docker"], let host = docker.Host, !host.isEmpty else {
            throw DockerContextError.malformed(file: metaFile, reason: "not a docker context's meta.json (no Endpoints.docker.Host)")
        }
        var isDirectory: ObjCBool = false
        let tls = "\(configDirectory)/contexts/tls/\(folder)/docker"
        let hasTLS = FileManager.default.fileExists(atPath: tls, isDirectory: &isDirectory) && isDirectory.boolValue
        return DockerContext(name: meta.Name, host: host, skipTLSVerify: docker.SkipTLSVerify ?? false,
                             metaFile: metaFile, tlsDirectory: hasTLS ? tls : nil)
    }

    /// Every context of the store by name, each with its endpoint or why it has none (`default`,
    /// which is no file, is not listed). For engines named after nodes' hostnames.
    /// - Throws: `DockerContextError.malformed` for a `meta.json` that cannot be read at all.
    public func endpoints() throws(DockerContextError) -> [String: Result<DockerEndpoint, DockerContextError>] {
        let metaRoot = configDirectory + "/contexts/meta"
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: metaRoot)) ?? []
        var all: [String: Result<DockerEndpoint, DockerContextError>] = [:]
        for folder in folders {
            let metaFile = "\(metaRoot)/\(folder)/meta.json"
            guard let data = FileManager.default.contents(atPath: metaFile) else { continue }
            struct Named: Decodable { var Name: String }
            guard let name = try? JSONDecoder().decode(Named.self, from: data).Name else {
                throw DockerContextError.malformed(file: metaFile, reason: "not a docker context's meta.json (no Name)")
            }
            all[name] = Result { () throws(DockerContextError) in try context(named: name).endpoint() }
        }
        return all
    }

    /// A decoding error in a few words.
    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): c.underlyingError.map { "\($0.localizedDescription)" } ?? c.debugDescription
        case DecodingError.keyNotFound(let key, _): "no \(key.stringValue)"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            "\(c.codingPath.map(\.stringValue).joined(separator: ".")): \(c.debugDescription)"
        default: "\(error)"
        }
    }
}
