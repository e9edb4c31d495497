import Foundation
import SwarmState

/// A task: its state, why it is not running, the spec it runs against its service's, its ports
/// and networks, and the history of its slot (as `docker service ps` lists it).
extension InspectSections {
    /// The sections of a task (`GET /tasks/{id}`).
    /// - Parameters:
    ///   - service: its service (`GET /services/{id}`), to compare specs; nil when not read.
    ///   - serviceProblem: why the service was not read.
    ///   - snapshot: names, and the other tasks of its slot.
    static func task(_ json: InspectJSON, service: InspectJSON?, serviceProblem: String?, snapshot: ClusterSnapshot?) -> [InspectSection] {
        let status = json["Status"]
        let serviceID = json["ServiceID"].string ?? ""
        let nodeID = json["NodeID"].string
        let serviceName = snapshot?.service(id: serviceID)?.name ?? service?["Spec", "Name"].string
        let state = status["State"].string ?? ""
        var head = line("ID", json["ID"].string) + line("Service", serviceName ?? serviceID) + line("Slot", json["Slot"].text)
        head += line("Node", nodeID.map { snapshot?.node(id: $0)?.hostname ?? $0 } ?? "none (not assigned)")
        head += line("Desired state", json["DesiredState"].string)
        head += line("Current state", [Format.prettyPrint(state), time(status["Timestamp"])].compactMap { $0 }.joined(separator: " "))
        head += line("Message", status["Message"].string) + line("Error", status["Err"].string)
        let containerStatus = status["ContainerStatus"]
        head += line("Container ID", containerStatus["ContainerID"].string)
        if let pid = containerStatus["PID"].integer, pid > 0 { head += line("PID", String(pid)) }
        if state != "running", let code = containerStatus["ExitCode"].integer, containerStatus["ContainerID"].string != nil { head += line("Exit code", String(code)) }
        head += line("Created", time(json["CreatedAt"])) + line("Updated", time(json["UpdatedAt"]))
        var sections = [InspectSection("Task", head)]
        if state != "running" { sections.append(InspectSection("Why not running", whyNotRunning(json, snapshot: snapshot))) }
        sections.append(InspectSection("Spec", specVersion(json, service: service, serviceProblem: serviceProblem)))
        sections += env(json["Spec", "ContainerSpec", "Env"])
        let ports = status["PortStatus", "Ports"].elements
        if !ports.isEmpty { sections.append(InspectSection("Ports", ports.map { port($0) })) }
        let attachments = json["NetworksAttachments"].elements.map { attachment in
            InspectLine(attachment["Network", "Spec", "Name"].string ?? attachment["Network", "ID"].string ?? "?",
                        value: attachment["Addresses"].strings.joined(separator: ", "))
        }
        if !attachments.isEmpty { sections.append(InspectSection("Networks", attachments)) }
        let slot = json["Slot"].integer.map { $0 > 0 ? "slot \($0)" : nil } ?? nil
        sections.append(InspectSection("History of " + (slot ?? "this node's task"), history(json, snapshot: snapshot)))
        return sections
    }

    /// Why the task is not running, in words: the engine's own (its `Status.Err` and
    /// `Status.Message`), then, for a task waiting for a node or rejected for a missing image,
    /// the long explanation computed from the spec and the nodes (`ClusterSnapshot.whyNotRunning`:
    /// which constraint no node meets, which nodes lack the reservation…).
    /// - Parameters:
    ///   - task: the task (`GET /tasks/{id}`).
    ///   - snapshot: the swarm, for an explanation that needs the nodes and services.
    public static func whyNotRunning(_ task: InspectJSON, snapshot: ClusterSnapshot?) -> [InspectLine] {
        let status = task["Status"]
        let engine = line("Error", status["Err"].string) + line("Message", status["Message"].string)
        let known = snapshot.flatMap { snapshot in task["ID"].string.flatMap { id in snapshot.tasks.first { $0.id == id } }.map(snapshot.whyNotRunning) } ?? []
        guard !known.isEmpty else { return engine.isEmpty ? [InspectLine(value: "the engine gives no reason")] : engine }
        return engine + known.map { InspectLine(value: $0) }
    }

    /// The image it runs, and whether its spec is the service's current task template (ignoring
    /// `Runtime`, which a task's spec leaves out), with the service's version index.
    private static func specVersion(_ task: InspectJSON, service: InspectJSON?, serviceProblem: String?) -> [InspectLine] {
        var lines = line("Image", task["Spec", "ContainerSpec", "Image"].string)
        guard let service else {
            return lines + [InspectLine("Service spec", value: "not known" + (serviceProblem.map { " (\($0))" } ?? ""))]
        }
        func withoutRuntime(_ spec: InspectJSON) -> InspectJSON { .object(spec.members.filter { $0.key != "Runtime" }) }
        let current = withoutRuntime(task["Spec"]) == withoutRuntime(service["Spec", "TaskTemplate"])
        lines += line("Runs", current ? "the service's current spec" : "an older spec than the service's current one (an update or rollback has not replaced it)")
        lines += line("Service version", service["Version", "Index"].text)
        let previous = withoutRuntime(task["Spec"]) == withoutRuntime(service["PreviousSpec", "TaskTemplate"])
        if !current, previous { lines += line("Matches", "the service's previous spec") }
        return lines
    }

    /// The tasks of the same slot (a global service: of the same node), newest first, as
    /// `docker service ps` lists them: ID, node, desired state, current state with its time, error.
    private static func history(_ task: InspectJSON, snapshot: ClusterSnapshot?) -> [InspectLine] {
        guard let snapshot else { return [InspectLine(value: "not known yet")] }
        let serviceID = task["ServiceID"].string, slot = task["Slot"].integer.map(Int.init) ?? 0, nodeID = task["NodeID"].string
        let slotTasks = snapshot.tasks.filter { t in
            t.serviceID == serviceID && (slot > 0 ? t.slot == slot : t.nodeID == nodeID && (t.slot ?? 0) == 0)
        }.sorted { ($0.status?.timestamp ?? .distantPast) > ($1.status?.timestamp ?? .distantPast) }
        guard !slotTasks.isEmpty else { return [InspectLine(value: "none in the snapshot")] }
        return slotTasks.map { t in
            let node = snapshot.node(id: t.nodeID)?.hostname ?? "-"
            let when = t.status?.timestamp.map { " " + ISO8601DateFormatter().string(from: $0) } ?? ""
            let err = t.status?.err.map { "  \"\($0)\"" } ?? ""
            let mark = t.id == task["ID"].string ? "  (this task)" : ""
            return InspectLine(value: "\(t.id.prefix(12))  \(node)  \(Format.prettyPrint(t.desiredState ?? ""))  \(Format.prettyPrint(t.state))\(when)\(err)\(mark)")
        }
    }
}
