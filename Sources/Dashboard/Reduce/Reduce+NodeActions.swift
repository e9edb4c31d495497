import SwarmState

/// The node keys `a` / `p` / `d`: set the selected node's availability.
extension AppState {
    /// Asks to set the selected node's availability, saying which tasks would leave the node
    /// and where each could go (`DrainPlan`, `AvailabilityMessage`).
    mutating func setSelectedNodeAvailability(_ availability: NodeAvailability) {
        guard let snapshot, case .node(let id)? = selection.id, let node = snapshot.node(id: id) else { return }
        let host = node.hostname
        if node.spec?.availability == availability.rawValue { return refuse("\(host) is already \(availability.adjective)") }
        guard let plan = SchedulingModel(snapshot).drainPlan(nodeID: id, availability: availability) else { return }
        let message = AvailabilityMessage.paragraphs(plan, availability)
        dialog = .confirm(Confirmation(title: "Node availability", message: message,
                                       effect: .setAvailability(nodeID: id, hostname: host, from: node.spec?.availability ?? "", availability),
                                       progress: "setting \(host) to \(availability.rawValue)…"))
    }
}
