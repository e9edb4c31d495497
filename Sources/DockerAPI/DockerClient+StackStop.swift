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

    /// Scales every replicated service of the stack to 0, recording its count in the label
    /// `swarmtop.replicas` (a service that already carries the label keeps its recorded count).
    /// Global services and jobs are not stoppable and are left alone.
    /// - Throws: `DockerError` when listing fails, or `.api(404, "nothing found in stack: NAME")`.
    public func stopStack(_ name: String) async throws -> StackScaling {
        try await scaleStack(name) { service in
            guard service.isReplicated else { return (nil, "\(service.name) (\(service.modeName): not stoppable)") }
            return (0, nil)
        } edit: { spec in
            let current = ServiceSpecEditor.replicas(spec) ?? 0
            let recorded = ServiceSpecEditor.label(spec, ServiceSpecEditor.stoppedReplicasLabel).flatMap { UInt64($0) }
            ServiceSpecEditor.setLabel(&spec, ServiceSpecEditor.stoppedReplicasLabel, String(recorded ?? current))
            try ServiceSpecEditor.setReplicas(&spec, 0)
            return current
        }
    }

    /// Scales every service of the stack that carries the label `swarmtop.replicas` back to the
    /// count it records, and removes the label. Services without it are left alone.
    /// - Throws: `DockerError` when listing fails, or `.api(404, "nothing found in stack: NAME")`.
    public func startStack(_ name: String) async throws -> StackScaling {
        try await scaleStack(name) { service in
            guard let raw = service.spec.labels?[ServiceSpecEditor.stoppedReplicasLabel] else {
                return (nil, "\(service.name) (not stopped)")
            }
            guard let count = UInt64(raw) else { return (nil, "\(service.name) (label \(ServiceSpecEditor.stoppedReplicasLabel)=\(raw) is not a count)") }
            return (count, nil)
        } edit: { spec in
            let current = ServiceSpecEditor.replicas(spec) ?? 0
            guard let raw = ServiceSpecEditor.label(spec, ServiceSpecEditor.stoppedReplicasLabel), let count = UInt64(raw) else {
                return current  // started by someone else meanwhile: leave it
            }
            ServiceSpecEditor.setLabel(&spec, ServiceSpecEditor.stoppedReplicasLabel, nil)
            try ServiceSpecEditor.setReplicas(&spec, count)
            return current
        }
    }

    /// Lists the stack's services, asks `plan` for each one's target (or why to skip it), and
    /// updates the targeted ones with `edit` (which returns the count it found).
    private func scaleStack(_ name: String, plan: (Service) -> (UInt64?, String?),
                            edit: @escaping @Sendable (inout [String: Any]) throws -> UInt64) async throws -> StackScaling {
        let services = try await stackServices(stack: name).sorted { $0.name < $1.name }
        guard !services.isEmpty else { throw DockerError.api(status: 404, message: "nothing found in stack: \(name)") }
        var result = StackScaling()
        for service in services {
            let (target, skip) = plan(service)
            guard let target else {
                if let skip { result.skipped.append(skip) }
                continue
            }
            let found = Captured<UInt64>(0)
            do {
                try await updateService(id: service.id) { spec in found.value = try edit(&spec) }
                result.changed.append(.init(service: service.name, from: found.value, to: target))
            } catch {
                result.failures.append("\(service.name): \((error as? DockerError)?.description ?? String(describing: error))")
            }
        }
        return result
    }
}

