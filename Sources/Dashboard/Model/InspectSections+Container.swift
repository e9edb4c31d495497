import Foundation
import SwarmState

/// A container, as `docker container inspect` holds it: what `docker ps` shows, its mounts,
/// networks, ports, env and labels, and its writable layer's size when known.
extension InspectSections {
    /// The sections of a container (`GET /containers/{id}/json` on `hostname`'s engine).
    /// - Parameter snapshot: its sizes when the answer has none (measured with the list's `size=1`).
    static func container(_ json: InspectJSON, hostname: String, snapshot: ClusterSnapshot?) -> [InspectSection] {
        let config = json["Config"], state = json["State"]
        let name = json["Name"].string.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
        var head = line("Name", name) + line("ID", json["Id"].string) + line("Node", hostname)
        head += line("Image", config["Image"].string) + line("Image ID", json["Image"].string)
        head += line("Command", ([json["Path"].string ?? ""] + json["Args"].strings).joined(separator: " ").trimmingCharacters(in: .whitespaces))
        head += line("Created", time(json["Created"]))
        head += line("State", state["Status"].string) + line("Started", time(state["StartedAt"]))
        if state["Running"].bool != true {
            head += line("Finished", time(state["FinishedAt"])) + line("Exit code", state["ExitCode"].text)
        }
        head += line("Error", state["Error"].string)
        if state["OOMKilled"].bool == true { head += line("OOMKilled", "true") }
        head += line("Health", state["Health", "Status"].string)
        head += line("Restart count", json["RestartCount"].text) + line("Driver", json["Driver"].string) + line("Platform", json["Platform"].string)
        var sections = [InspectSection("Container", head)]
        sections.append(InspectSection("Size", size(json, hostname: hostname, snapshot: snapshot)))
        let mounts = json["Mounts"].elements.map { m in
            InspectLine(m["Type"].string ?? "?", value: "\(m["Source"].string ?? m["Name"].string ?? "") -> \(m["Destination"].string ?? "")"
                        + (m["RW"].bool == false ? " (read-only)" : ""))
        }
        if !mounts.isEmpty { sections.append(InspectSection("Mounts", mounts)) }
        let networks = json["NetworkSettings", "Networks"].members.sorted { $0.key < $1.key }.map { name, n in
            let address = n["IPAddress"].string.flatMap { $0.isEmpty ? nil : "\($0)/\(n["IPPrefixLen"].text ?? "")" } ?? "no address"
            let mac = n["MacAddress"].string.flatMap { $0.isEmpty ? nil : "  MAC \($0)" } ?? ""
            let aliases = n["Aliases"].strings
            return InspectLine(name, value: address + mac + (aliases.isEmpty ? "" : "  aliases " + aliases.joined(separator: ", ")))
        }
        if !networks.isEmpty { sections.append(InspectSection("Networks", networks)) }
        sections.append(InspectSection("Ports", ports(json["NetworkSettings", "Ports"])))
        sections += env(config["Env"])
        sections += labels("Labels", config["Labels"])
        return sections
    }

    /// `SizeRw` and `SizeRootFs` as `docker ps -s` prints them, from the answer or else the
    /// snapshot's last measure; `not measured` when neither has them.
    private static func size(_ json: InspectJSON, hostname: String, snapshot: ClusterSnapshot?) -> [InspectLine] {
        if !json["SizeRw"].isNull || !json["SizeRootFs"].isNull {
            return [InspectLine("Size", value: Format.containerSize(sizeRw: json["SizeRw"].integer, sizeRootFs: json["SizeRootFs"].integer))]
        }
        let summary = snapshot?.engines.first { $0.hostname == hostname }?.container(id: json["Id"].string ?? "")
        guard let summary, summary.sizeRw != nil || summary.sizeRootFs != nil else { return [InspectLine("Size", value: "not measured")] }
        return [InspectLine("Size", value: Format.containerSize(sizeRw: summary.sizeRw, sizeRootFs: summary.sizeRootFs) + " (the list's last measure)")]
    }

    /// Each exposed port and where it is published: `8080/tcp -> 0.0.0.0:4001`, `80/tcp (not published)`.
    private static func ports(_ ports: InspectJSON) -> [InspectLine] {
        let lines = ports.members.sorted { $0.key < $1.key }.map { port, bindings in
            let published = bindings.elements.map { "\($0["HostIp"].string ?? ""):\($0["HostPort"].string ?? "")" }
            return InspectLine(value: port + (published.isEmpty ? " (not published)" : " -> " + published.joined(separator: ", ")))
        }
        return lines.isEmpty ? [InspectLine(value: "none")] : lines
    }
}
