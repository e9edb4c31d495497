/// What setting a node's availability would do to its tasks, as far as swarmtop can tell:
/// on drain, every task of a replicated service running there leaves, and each is placed where
/// swarmkit's scheduler would place it (the nodes that pass `PlacementCheck`, the one with the
/// fewest tasks of the service, then the fewest tasks, as its scheduler prefers), the moves
/// counted one after another; a global service's task there just stops. On pause, nothing leaves.
public struct DrainPlan: Sendable, Hashable {
    /// A task that leaves the node, and where it would go.
    public struct Move: Sendable, Hashable {
        /// The task's name, e.g. `lab_web.3`.
        public var task: String
        /// The service's name, e.g. `lab_web`.
        public var service: String
        /// The hostname it would most likely go to; nil when no other node can take it.
        public var target: String?
        /// Why no node can take it (`SchedulingExplanation.short`), when `target` is nil.
        public var reason: String?
        /// What swarmtop guesses about this move, e.g. `node1 has image foo:1 (not seen there)`; empty when nothing.
        public var guesses: [String]
    }

    /// The node's hostname.
    public var hostname: String
    /// The tasks of replicated services that leave the node, by task name.
    public var moves: [Move]
    /// The tasks of global services that stop on the node and go nowhere, by name (drain only).
    public var stopping: [String]
    /// The tasks that keep running on it (pause), by name.
    public var staying: [String]

    /// The services that would run fewer tasks: those with a move that has no target, with how many.
    public var losses: [(service: String, tasks: Int)] {
        let lost = Dictionary(grouping: moves.filter { $0.target == nil }, by: \.service)
        return lost.keys.sorted().map { ($0, lost[$0]!.count) }
    }
}

extension SchedulingModel {
    /// What setting `nodeID` to `availability` would do to the tasks whose desired state is
    /// `running` there; nil when the snapshot does not list the node. Active moves nothing.
    public func drainPlan(nodeID: String, availability: NodeAvailability) -> DrainPlan? {
        guard let node = snapshot.node(id: nodeID) else { return nil }
        let here = snapshot.tasks.filter { $0.nodeID == nodeID && $0.desiredState == "running" }
            .sorted { snapshot.taskName($0) < snapshot.taskName($1) }
        guard availability == .drain else {
            return DrainPlan(hostname: node.hostname, moves: [], stopping: [], staying: availability == .pause ? here.map(snapshot.taskName) : [])
        }
        let isGlobal = { (task: SwarmTask) -> Bool in
            let mode = snapshot.service(id: task.serviceID)?.spec.mode
            return mode?.global != nil || mode?.globalJob != nil
        }
        // Every other node, with the moves counted on it as they are planned.
        var loads = self.loads
        let others = snapshot.nodes.filter { $0.id != nodeID }.sorted { $0.hostname < $1.hostname }
        var moves: [DrainPlan.Move] = []
        for task in here where !isGlobal(task) {
            let requirements = requirements(task)
            let service = snapshot.service(id: task.serviceID)
            let verdicts = others.map { SchedulingExplanation.Verdict(node: $0, failure: PlacementCheck.failure(requirements, on: $0, load: loads[$0.id] ?? NodeLoad())) }
            let fitting = verdicts.filter { $0.failure == nil }.map(\.node)
            let target = fitting.min {
                let a = loads[$0.id] ?? NodeLoad(), b = loads[$1.id] ?? NodeLoad()
                return (a.tasksByService[task.serviceID] ?? 0, a.tasks, $0.hostname) < (b.tasksByService[task.serviceID] ?? 0, b.tasks, $1.hostname)
            }
            var guesses: [String] = []
            if let target {
                loads[target.id, default: NodeLoad()].add(requirements)
                if !requirements.spreads.isEmpty {
                    guesses.append("spread over \(requirements.spreads.joined(separator: ", ")): another node may be chosen")
                }
                if let image = service?.spec.taskTemplate?.containerSpec?.image ?? task.spec?.containerSpec?.image,
                   !hasImage(image, hostname: target.hostname) {
                    guesses.append("\(target.hostname) has \(Self.shortImage(image)) (not seen there)")
                }
            }
            let explanation = SchedulingExplanation(taskName: snapshot.taskName(task), state: task.state, verdicts: verdicts, engineError: nil)
            moves.append(DrainPlan.Move(task: snapshot.taskName(task), service: service?.name ?? String(task.serviceID.prefix(12)),
                                        target: target?.hostname, reason: target == nil ? (explanation.short ?? "no other node") : nil,
                                        guesses: guesses))
        }
        return DrainPlan(hostname: node.hostname, moves: moves, stopping: here.filter(isGlobal).map(snapshot.taskName), staying: [])
    }

    /// True when a container of the node's engine uses the image (its name without a digest);
    /// false when none does or swarmtop does not follow that node's engine.
    private func hasImage(_ image: String, hostname: String) -> Bool {
        let wanted = Self.shortImage(image)
        return snapshot.engines.first { $0.hostname == hostname }?.containers.contains { Self.shortImage($0.image ?? "") == wanted } ?? false
    }

    /// The image without its `@sha256:…` digest.
    static func shortImage(_ image: String) -> String {
        image.split(separator: "@", maxSplits: 1).first.map(String.init) ?? image
    }
}
