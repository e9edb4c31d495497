import Foundation

/// Which manager engine to move to when the one swarmtop talks to stops serving the swarm
/// (pure: the refresh engine asks the engines, this decides what their answers mean).
///
/// Seen on Engine 20.10 (3-manager lab): a killed manager refuses the connection; a manager
/// cut off from the others (its veth down) first lets `/nodes` hang until the client's timeout,
/// then answers 500 `rpc error: code = Unknown desc = The swarm does not have a leader. It's
/// possible that too few managers are online. Make sure more than half of the managers are
/// online.`; a demoted or departed node answers 503 `This node is not a swarm manager. …`.
/// While the others elect a new leader (about 10 s after the leader died), their `/nodes` hangs.
public enum ManagerFailover {
    /// Why `error` (from a request to the manager's swarm endpoints) means that manager no
    /// longer serves the swarm; nil when it does not (e.g. a 404, a body that does not decode).
    /// - Returns: the reason, e.g. `cannot reach unix:///run/node1.sock: connection refused` or
    ///   the engine's words for a lost leader or a node that is no longer a manager; `unanswered`
    ///   when no answer came at all (a transport error: the engine may be gone).
    public static func loss(_ error: any Error) -> (reason: String, unanswered: Bool)? {
        guard let error = error as? DockerError else { return nil }
        switch error {
        case .transport:
            return (error.description, true)
        case .api(let status, let message) where status >= 500:
            let lost = ["does not have a leader", "not a swarm manager", "code = Unavailable", "code = DeadlineExceeded"]
            return lost.contains(where: message.contains) ? (error.description, false) : nil
        default:
            return nil
        }
    }

    /// The manager to move to, given what each candidate answered (in `candidates`' order):
    /// the first whose `/nodes` answered (it serves the swarm); else, when the current manager
    /// does not even answer `/_ping` (it is gone), the first that answers `/_ping` (its swarm
    /// may be electing a leader); else none (stay: the others fare no better).
    /// - Parameters:
    ///   - probes: per candidate, in preference order: did `/nodes` answer, did `/_ping` answer.
    ///   - currentAnswers: did the current manager answer `/_ping`.
    /// - Returns: the index in `probes` of the manager to move to, nil to stay.
    public static func choose(_ probes: [(serves: Bool, answers: Bool)], currentAnswers: Bool) -> Int? {
        if let serving = probes.firstIndex(where: { $0.serves }) { return serving }
        return currentAnswers ? nil : probes.firstIndex(where: { $0.answers })
    }

    /// The manager endpoints to try instead of `current`, best first, each once: the leader's
    /// engine (as the last `/nodes` said), then the other managers the swarm lists as reachable,
    /// then the endpoints given (`--host`, in their order), then the managers listed as
    /// unreachable. A listed manager counts only through the engine the node plan gave it.
    /// - Parameters:
    ///   - current: the manager endpoint that failed (never in the result).
    ///   - given: the manager endpoints named by the user, in order.
    ///   - nodes: the last `/nodes` answer.
    ///   - engines: the node engines planned (`Connections.plan`), hostname to endpoint.
    public static func candidates(current: DockerEndpoint, given: [DockerEndpoint], nodes: [Node],
                                  engines: [Connections.NodeHost]) -> [DockerEndpoint] {
        let endpoint = Dictionary(engines.compactMap { host in host.choice.endpoint.map { (host.hostname, $0) } },
                                  uniquingKeysWith: { first, _ in first })
        let managers = nodes.filter { $0.managerStatus != nil }
        func listed(_ keep: (Node) -> Bool) -> [DockerEndpoint] { managers.filter(keep).compactMap { endpoint[$0.hostname] } }
        let leader = listed { $0.isLeader && $0.status?.state != "down" }
        let reachable = listed { !$0.isLeader && $0.managerStatus?.reachability == "reachable" }
        let others = listed { !$0.isLeader && $0.managerStatus?.reachability != "reachable" }
        var seen: Set<DockerEndpoint> = [current]
        return (leader + reachable + given + others).filter { seen.insert($0).inserted }
    }
}
