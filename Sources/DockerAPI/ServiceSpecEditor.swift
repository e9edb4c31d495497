import Foundation

/// Pure edits of a service's (or node's) raw JSON spec (`[String: Any]` from
/// `JSONSerialization`), so that every field the engine sent is sent back untouched.
/// Source: `GET /services/{id}` and `GET /nodes/{id}` (v1.41+).
public enum ServiceSpecEditor {
    /// The service label in which stopping a stack records a service's replica count.
    public static let stoppedReplicasLabel = "swarmtop.replicas"

    /// Why an edit was refused.
    public enum EditError: Error, Equatable, CustomStringConvertible {
        /// The service is neither replicated nor a replicated job (global, global job); the mode name is given.
        case notReplicated(mode: String)
        /// The inspect body lacked `Version.Index` or `Spec`.
        case malformed(String)
        /// The object is no longer as the confirmed dialog showed it: what changed, e.g.
        /// `lab_web has 3 replicas now, not 5 as the dialog showed`. Nothing was written.
        case changed(String)

        public var description: String {
            switch self {
            case .notReplicated(let mode): return "a \(mode) service has no replica count to scale"
            case .malformed(let why): return "malformed service: \(why)"
            case .changed(let what): return "\(what): changed meanwhile, so nothing was done"
            }
        }
    }

    /// Extracts `Version.Index` and the raw `Spec` from a service or node inspect body.
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

    /// The count `docker service scale` sets: `Mode.Replicated.Replicas`, or a replicated job's
    /// `Mode.ReplicatedJob.TotalCompletions`; nil for other modes (an absent count is 0 or 1, as the engine defaults).
    public static func replicas(_ spec: [String: Any]) -> UInt64? {
        let mode = spec["Mode"] as? [String: Any]
        if let replicated = mode?["Replicated"] as? [String: Any] {
            return (replicated["Replicas"] as? NSNumber)?.uint64Value ?? 1
        }
        if let job = mode?["ReplicatedJob"] as? [String: Any] {
            return (job["TotalCompletions"] as? NSNumber)?.uint64Value ?? (job["MaxConcurrent"] as? NSNumber)?.uint64Value ?? 1
        }
        return nil
    }

    /// Sets the count `docker service scale` sets: `Mode.Replicated.Replicas`, or
    /// `Mode.ReplicatedJob.TotalCompletions` for a replicated job.
    /// - Throws: `EditError.notReplicated` when the service is global or a global job.
    public static func setReplicas(_ spec: inout [String: Any], _ replicas: UInt64) throws {
        var mode = spec["Mode"] as? [String: Any] ?? [:]
        if var replicated = mode["Replicated"] as? [String: Any] {
            replicated["Replicas"] = replicas
            mode["Replicated"] = replicated
        } else if var job = mode["ReplicatedJob"] as? [String: Any] {
            job["TotalCompletions"] = replicas
            mode["ReplicatedJob"] = job
        } else {
            throw EditError.notReplicated(mode: modeWords(mode.keys.first ?? "unknown"))
        }
        spec["Mode"] = mode
    }

    /// Sets the count as `setReplicas` does, but only while it is still `from`.
    /// - Throws: `EditError.changed` (e.g. `lab_web has 3 replicas now, not 5 as the dialog
    ///   showed`) when the count is another; `EditError.notReplicated` for global modes.
    public static func scale(_ spec: inout [String: Any], from: UInt64, to replicas: UInt64) throws {
        if let current = self.replicas(spec), current != from {
            let unit = (spec["Mode"] as? [String: Any])?["ReplicatedJob"] != nil ? "completions" : "replicas"
            throw EditError.changed("\(spec["Name"] as? String ?? "the service") has \(current) \(unit) now, not \(from) as the dialog showed")
        }
        try setReplicas(&spec, replicas)
    }

    /// Sets (or, with nil, removes) a label of the spec (`Spec.Labels`).
    public static func setLabel(_ spec: inout [String: Any], _ key: String, _ value: String?) {
        var labels = spec["Labels"] as? [String: Any] ?? [:]
        labels[key] = value
        spec["Labels"] = labels
    }

    /// A label of the spec, if set.
    public static func label(_ spec: [String: Any], _ key: String) -> String? {
        (spec["Labels"] as? [String: Any])?[key] as? String
    }

    /// Increments `TaskTemplate.ForceUpdate`, as `docker service update --force` does: every
    /// task is replaced even though nothing else changed. The largest count wraps to 0, as the
    /// CLI's `ForceUpdate++` on a Go uint64 does: the engine replaces the tasks on any change.
    public static func forceUpdate(_ spec: inout [String: Any]) {
        var template = spec["TaskTemplate"] as? [String: Any] ?? [:]
        template["ForceUpdate"] = ((template["ForceUpdate"] as? NSNumber)?.uint64Value ?? 0) &+ 1
        spec["TaskTemplate"] = template
    }

    /// Sets a node spec's `Availability` (`active`, `pause` or `drain`).
    public static func setAvailability(_ spec: inout [String: Any], _ availability: NodeAvailability) {
        spec["Availability"] = availability.rawValue
    }

    /// True for the engine's answer to a stale `version`: "update out of sequence".
    public static func isOutOfSequence(_ error: DockerError) -> Bool {
        if case .api(_, let message) = error { return message.contains("update out of sequence") }
        return false
    }

    /// The service's mode in words: `replicated`, `global`, `replicated job`, `global job`.
    public static func modeName(_ spec: [String: Any]) -> String {
        modeWords((spec["Mode"] as? [String: Any])?.keys.first ?? "unknown")
    }

    private static func modeWords(_ key: String) -> String {
        switch key {
        case "Replicated": return "replicated"
        case "Global": return "global"
        case "ReplicatedJob": return "replicated job"
        case "GlobalJob": return "global job"
        default: return key
        }
    }
}
