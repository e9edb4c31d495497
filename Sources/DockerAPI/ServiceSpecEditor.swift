import Foundation

/// Pure edits of a service's raw JSON spec (`[String: Any]` from `JSONSerialization`), so that
/// every field the engine sent is sent back untouched. Source: `GET /services/{id}` (v1.41+).
public enum ServiceSpecEditor {
    /// Why an edit was refused.
    public enum EditError: Error, Equatable, CustomStringConvertible {
        /// The service is not in `Replicated` mode (global, or a job); the mode name is given.
        case notReplicated(mode: String)
        /// The inspect body lacked `Version.Index` or `Spec`.
        case malformed(String)

        public var description: String {
            switch self {
            case .notReplicated(let mode): return "a \(mode) service has no replica count to scale"
            case .malformed(let why): return "malformed service: \(why)"
            }
        }
    }

    /// Extracts `Version.Index` and the raw `Spec` from a service inspect body.
    /// - Throws: `DockerError.malformedResponse` when either is missing.
    public static func versionAndSpec(_ body: Data, path: String) throws -> (UInt64, [String: Any]) {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let version = object["Version"] as? [String: Any],
              let index = (version["Index"] as? NSNumber)?.uint64Value,
              let spec = object["Spec"] as? [String: Any] else {
            throw DockerError.malformedResponse(path: path, reason: "no Version.Index or Spec")
        }
        return (index, spec)
    }

    /// Sets `Mode.Replicated.Replicas`.
    /// - Throws: `EditError.notReplicated` when the service is global or a job.
    public static func setReplicas(_ spec: inout [String: Any], _ replicas: UInt64) throws {
        guard var mode = spec["Mode"] as? [String: Any], var replicated = mode["Replicated"] as? [String: Any] else {
            let mode = (spec["Mode"] as? [String: Any])?.keys.first ?? "unknown"
            throw EditError.notReplicated(mode: modeWords(mode))
        }
        replicated["Replicas"] = replicas
        mode["Replicated"] = replicated
        spec["Mode"] = mode
    }

    /// True for the engine's answer to a stale `version`: "update out of sequence".
    public static func isOutOfSequence(_ error: DockerError) -> Bool {
        if case .api(_, let message) = error { return message.contains("update out of sequence") }
        return false
    }

    private static func modeWords(_ key: String) -> String {
        switch key {
        case "Global": return "global"
        case "ReplicatedJob": return "replicated job"
        case "GlobalJob": return "global job"
        default: return key
        }
    }
}
