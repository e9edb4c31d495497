import SwarmState

/// The service keys `B` (roll back) and `F` (force update).
extension AppState {
    /// `B`: roll the selected service back to its previous spec, as `docker service rollback`.
    mutating func rollbackSelectedService() {
        guard let service = selectedService() else { return }
        dialog = .confirm(Confirmation(
            title: "Roll back service",
            message: ["Roll back service \(service.name) to its previous spec?",
                      "As docker service rollback: its tasks are replaced following its rollback policy. The engine refuses when the service was never updated."],
            effect: .rollback(serviceID: service.id, serviceName: service.name),
            progress: "rolling back \(service.name)…"))
    }

    /// `F`: replace every task of the selected service, as `docker service update --force`.
    mutating func forceUpdateSelectedService() {
        guard let service = selectedService() else { return }
        let running = snapshot?.tasks.filter { $0.serviceID == service.id && $0.desiredState == "running" }.count ?? 0
        dialog = .confirm(Confirmation(
            title: "Force update",
            message: ["Redeploy service \(service.name)?",
                      "As docker service update --force: each of its \(running) tasks is replaced by a new one following its update policy; the spec does not change."],
            effect: .forceUpdate(serviceID: service.id, serviceName: service.name),
            progress: "redeploying \(service.name)…"))
    }

    /// The selected service; nil (saying so when a stack row is selected) otherwise.
    private mutating func selectedService() -> Service? {
        guard let id = selection.id else { return nil }
        guard case .service(let serviceID) = id, let service = snapshot?.service(id: serviceID) else {
            refuse("select a service")
            return nil
        }
        return service
    }
}
