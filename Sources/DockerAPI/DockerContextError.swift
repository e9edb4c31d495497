/// Why a docker context could not be read, naming the file (exit status 64 at start-up).
public enum DockerContextError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `contexts/meta/<sha256 of name>/meta.json` for this name.
    case unknown(name: String, metaFile: String)
    /// A file of the store (meta.json, config.json) that is not what the docker CLI writes.
    case malformed(file: String, reason: String)
    /// The context's TLS folder holds `cert.pem` without `key.pem`, or the other way round.
    case missingTLSFile(context: String, file: String)
    /// The context's endpoint is not one swarmtop can use (its host, or TLS it cannot express).
    case unusable(context: String, metaFile: String, reason: String)

    /// One line, naming the context and the file.
    public var description: String {
        switch self {
        case .unknown(let name, let file): "context \"\(name)\" does not exist: no \(file) (docker context ls lists them)"
        case .malformed(let file, let reason): "\(file): \(reason)"
        case .missingTLSFile(let context, let file): "context \"\(context)\": missing TLS file \(file)"
        case .unusable(let context, let file, let reason): "context \"\(context)\" (\(file)): \(reason)"
        }
    }
}
