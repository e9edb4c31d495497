import Foundation
import SwarmState

/// A node, as `docker node inspect --pretty` shows it, and its tasks from the snapshot.
extension InspectSections {
    /// The sections of a node (`GET /nodes/{id}`).
    /// - Parameter snapshot: the node's tasks (service.slot and state).
    static func node(_ json: InspectJSON, snapshot: ClusterSnapshot?) -> [InspectSection] {
        let spec = json["Spec"], description = json["Description"], status = json["Status"], manager = json["ManagerStatus"]
        var head = line("Hostname", description["Hostname"].string) + line("ID", json["ID"].string) + line("Name", spec["Name"].string)
        head += line("Role", spec["Role"].string) + line("Availability", spec["Availability"].string)
        head += line("State", status["State"].string) + line("Message", status["Message"].string) + line("Address", status["Addr"].string)
        if !manager.isNull {
            let leader = manager["Leader"].bool == true
            head += line("Manager Status", leader ? "Leader" : manager["Reachability"].string.map(Format.prettyPrint))
            head += line("Reachability", manager["Reachability"].string) + line("Manager Address", manager["Addr"].string)
        }
        head += line("Joined at", time(json["CreatedAt"])) + line("Version", json["Version", "Index"].text)
        var sections = [InspectSection("Node", head)]
        sections += labels("Labels", spec["Labels"])
        sections += labels("Engine labels", description["Engine", "Labels"])
        let platform = description["Platform"]
        sections.append(InspectSection("Platform", line("Operating System", platform["OS"].string) + line("Architecture", platform["Architecture"].string)))
        let resources = description["Resources"]
        sections.append(InspectSection("Resources", line("CPUs", resources["NanoCPUs"].integer.map(InspectFormat.cpus))
            + line("Memory", resources["MemoryBytes"].integer.map(InspectFormat.memory))))
        sections.append(InspectSection("Engine", line("Engine Version", description["Engine", "EngineVersion"].string)))
        sections += plugins(description["Engine", "Plugins"].elements)
        sections += tls(description["TLSInfo"])
        sections.append(InspectSection("Tasks", tasks(onNode: json["ID"].string ?? "", snapshot: snapshot)))
        return sections
    }

    /// Plugins by type, as `--pretty` lists them: `Log: awslogs, fluentd, …` (types and names sorted).
    private static func plugins(_ plugins: [InspectJSON]) -> [InspectSection] {
        let byType = Dictionary(grouping: plugins) { $0["Type"].string ?? "" }
        let lines = byType.keys.sorted().map { type in
            InspectLine(type, value: byType[type, default: []].compactMap { $0["Name"].string }.sorted().joined(separator: ", "))
        }
        return lines.isEmpty ? [] : [InspectSection("Plugins", lines)]
    }

    /// The swarm's TLS information (the root CA the node trusts, and its issuer), when present.
    private static func tls(_ info: InspectJSON) -> [InspectSection] {
        guard !info.isNull else { return [] }
        let root = (info["TrustRoot"].string ?? "").split(separator: "\n").map { InspectLine(indent: 1, value: String($0)) }
        let lines = line("Issuer Subject", info["CertIssuerSubject"].string) + line("Issuer Public Key", info["CertIssuerPublicKey"].string)
            + (root.isEmpty ? [] : [InspectLine("TrustRoot", value: "")] + root)
        return lines.isEmpty ? [] : [InspectSection("TLS Info", lines)]
    }

    /// The node's tasks that should run (desired state not shutdown), by name, each with its
    /// desired and current state; then how many ended ones the manager still keeps.
    static func tasks(onNode id: String, snapshot: ClusterSnapshot?) -> [InspectLine] {
        guard let snapshot else { return [InspectLine(value: "not known yet")] }
        let all = snapshot.tasks.filter { $0.nodeID == id }
        let current = all.filter { !["shutdown", "remove"].contains($0.desiredState ?? "") }
            .map { (name: snapshot.taskName($0), task: $0) }.sorted { $0.name < $1.name }
        var lines = current.map { InspectLine(value: "\($0.name)  \(Format.prettyPrint($0.task.state))  (desired \($0.task.desiredState ?? "?"))") }
        if lines.isEmpty { lines.append(InspectLine(value: "none")) }
        let ended = all.count - current.count
        if ended > 0 { lines.append(InspectLine(value: "and \(ended) ended task\(ended == 1 ? "" : "s") the manager still keeps")) }
        return lines
    }
}
