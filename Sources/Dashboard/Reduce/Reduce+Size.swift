import SwarmState

/// `r` in the containers pane: measure the selected container's writable layer now, instead
/// of waiting for its engine's next size query.
extension AppState {
    mutating func refreshSelectedSize() -> [Effect] {
        guard case .container(let hostname, let id)? = selection.id,
              let container = snapshot?.engines.first(where: { $0.hostname == hostname })?.containers.first(where: { $0.id == id })
        else { return [] }
        status = StatusMessage("measuring \(container.name) on \(hostname)…", isPending: true)
        return [.refreshSize(hostname: hostname, containerID: id, name: container.name)]
    }
}
