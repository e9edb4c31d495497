import SwarmState

/// What the log view shows the log of: a service, a task or a container, with the names the
/// panes show for it.
public enum LogTarget: Sendable, Hashable {
    /// A service: every task's lines, each prefixed as `docker service logs` does.
    case service(id: String, name: String)
    /// One task, e.g. `lab_web.3`.
    case task(id: String, name: String)
    /// One container, read from the engine of its node.
    case container(hostname: String, id: String, name: String)

    /// Where the engine reads it (`GET /services|tasks|containers/{id}/logs`).
    public var source: LogSource {
        switch self {
        case .service(let id, _): .service(id: id)
        case .task(let id, _): .task(id: id)
        case .container(_, let id, _): .container(id: id)
        }
    }

    /// How the view's header and messages name it, e.g. `service lab_web`,
    /// `container lab_scribbler.1.abc… on node2`.
    public var label: String {
        switch self {
        case .service(_, let name): "service \(name)"
        case .task(_, let name): "task \(name)"
        case .container(let hostname, _, let name): "container \(name) on \(hostname)"
        }
    }
}
