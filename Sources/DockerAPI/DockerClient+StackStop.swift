import Foundation

/// Stopping and starting a stack: its replicated services scaled to 0 and back, the previous
/// counts kept on the swarm itself (service label `swarmtop.replicas`), so that another operator
/// or a later swarmtop can start the stack again.
extension DockerClient {
    /// What `stopStack` or `startStack` did, service by service (sorted by name).
    public struct StackScaling: Sendable, Equatable {
        /// A service whose count changed: its name and the count before and after.
        public struct Change: Sendable, Equatable {
            public var service: String
            public var from: UInt64
            public var to: UInt64
            public init(service: String, from: UInt64, to: UInt64) {
                self.service = service
                self.from = from
                self.to = to
            }
        }
        public var changed: [Change] = []
        /// Services left alone, with why, e.g. `lab_agent: a global service is not stoppable`.
        public var skipped: [String] = []
        /// One line per service that could not be changed, with the engine's message.
        public var failures: [String] = []

        /// E.g. "stopped 3 services (lab_web 5→0, …); not stoppable: lab_agent (global)".
        public func summary(_ verb: String) -> String {
            var parts = ["\(verb) \(changed.count) service\(changed.count == 1 ? "" : "s")"
                + (changed.isEmpty ? "" : " (" + changed.map { "\($0.service) \($0.from)→\($0.to)" }.joined(separator: ", ") + ")")]
            if !skipped.isEmpty { parts.append("left alone: " + skipped.joined(separator: ", ")) }
            if !failures.isEmpty { parts.append("failed: " + failures.joined(separator: "; ")) }
            return parts.joined(separator: "; ")
        }
    }

    /// Scales the replicated services `contents` lists to 0, recording each one's count in the
    /// label `swarmtop.replicas` (a service that already carries the label keeps its recorded
    /// count). Global services and jobs are not stoppable and are left alone, and so is a listed
    /// service that is gone or no longer labelled `com.docker.stack.namespace=<stack>`.
    /// - Throws: `.api(404, "nothing found in stack: NAME")` when `contents` lists no service.
    public func stopStack(_ contents: StackContents) async throws -> StackScaling {
        try await scaleStack(contents) { name, spec in
            guard (spec["Mode"] as? [String: Any])?["Replicated"] != nil, let current = ServiceSpecEditor.replicas(spec) else {
                throw Skip(reason: "\(name) (\(ServiceSpecEditor.modeName(spec)): not stoppable)")
            }
            let recorded = ServiceSpecEditor.label(spec, ServiceSpecEditor.stoppedReplicasLabel).flatMap { UInt64($0) }
            ServiceSpecEditor.setLabel(&spec, ServiceSpecEditor.stoppedReplicasLabel, String(recorded ?? current))
            try ServiceSpecEditor.setReplicas(&spec, 0)
            return (current, 0)
        }
    }

    /// Scales the services `contents` lists that carry the label `swarmtop.replicas` back to the
    /// count it records, and removes the label. Services without it are left alone, and so is a
    /// listed service that is gone or no longer labelled `com.docker.stack.namespace=<stack>`.
    /// - Throws: `.api(404, "nothing found in stack: NAME")` when `contents` lists no service.
    public func startStack(_ contents: StackContents) async throws -> StackScaling {
        try await scaleStack(contents) { name, spec in
            let label = ServiceSpecEditor.stoppedReplicasLabel
            guard let raw = ServiceSpecEditor.label(spec, label) else { throw Skip(reason: "\(name) (not stopped)") }
            guard let count = UInt64(raw) else { throw Skip(reason: "\(name) (label \(label)=\(raw) is not a count)") }
            let current = ServiceSpecEditor.replicas(spec) ?? 0
            ServiceSpecEditor.setLabel(&spec, label, nil)
            try ServiceSpecEditor.setReplicas(&spec, count)
            return (current, count)
        }
    }

    /// Why `scaleStack`'s edit leaves a service alone (nothing is written).
    private struct Skip: Error { var reason: String }

    /// Updates each service `contents` lists, by ID, with `edit` (which returns the count it
    /// found and the one it set, or throws `Skip`). The edit sees the spec as the engine has it at
    /// the time of the write, so the stack's label is checked there too.
    private func scaleStack(_ contents: StackContents,
                            edit: @escaping @Sendable (String, inout [String: Any]) throws -> (UInt64, UInt64)) async throws -> StackScaling {
        let stack = contents.stack
        let services = contents[.services].sorted { $0.name < $1.name }
        guard !services.isEmpty else { throw DockerError.api(status: 404, message: "nothing found in stack: \(stack)") }
        var result = StackScaling()
        for service in services {
            let counts = Captured<(UInt64, UInt64)>((0, 0))
            do {
                try await updateService(id: service.id) { spec in
                    let label = ServiceSpecEditor.label(spec, StackObject.namespaceLabel)
                    guard label == stack else {
                        throw Skip(reason: "\(service.name) (" + (label.map { "now labelled \(StackObject.namespaceLabel)=\($0)" }
                            ?? "no longer labelled \(StackObject.namespaceLabel)") + ")")
                    }
                    counts.value = try edit(service.name, &spec)
                }
                result.changed.append(.init(service: service.name, from: counts.value.0, to: counts.value.1))
            } catch let skip as Skip {
                result.skipped.append(skip.reason)
            } catch DockerError.api(status: 404, _) {
                result.skipped.append("\(service.name) (gone)")
            } catch {
                result.failures.append("\(service.name): \((error as? DockerError)?.description ?? String(describing: error))")
            }
        }
        return result
    }
}
