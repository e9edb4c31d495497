import Foundation
import SwarmState

/// Turns an inspect answer into titled sections of lines (pure): what `docker service|node
/// inspect --pretty` shows, with its words, and what the snapshot adds (a node's tasks, a task's
/// slot history). One file per kind: `InspectSections+Service`, `+Node`, `+Task`, `+Container`.
public enum InspectSections {
    /// The sections of `answer` for `target`.
    /// - Parameter snapshot: names of services and nodes, a node's tasks, a task's history.
    /// - Throws: `DecodingError` when the answer is not JSON.
    public static func make(_ target: InspectTarget, _ answer: InspectAnswer, snapshot: ClusterSnapshot?) throws -> [InspectSection] {
        let json = try InspectJSON.parse(answer.json)
        switch target {
        case .service: return service(json, networkNames: answer.networkNames)
        case .node: return node(json, snapshot: snapshot)
        case .task:
            let service = try answer.service.map(InspectJSON.parse)
            return task(json, service: service, serviceProblem: answer.serviceProblem, snapshot: snapshot)
        case .container(let hostname, _, _): return container(json, hostname: hostname, snapshot: snapshot)
        }
    }

    /// A labelled line when the value is present and not empty, none otherwise.
    static func line(_ label: String, _ value: String?, indent: Int = 0) -> [InspectLine] {
        guard let value, !value.isEmpty else { return [] }
        return [InspectLine(indent: indent, label, value: value)]
    }

    /// A section of `key=value` lines (labels, options); none when there are none.
    static func labels(_ title: String, _ json: InspectJSON) -> [InspectSection] {
        let lines = json.labelLines
        return lines.isEmpty ? [] : [InspectSection(title, lines.map { InspectLine(value: $0) })]
    }

    /// A section of environment variables, secret-looking values hidden; none when empty.
    static func env(_ json: InspectJSON) -> [InspectSection] {
        let env = json.strings
        return env.isEmpty ? [] : [InspectSection("Env", env.map { InspectFormat.envLine($0) })]
    }

    /// A timestamp of the engine as it wrote it, without its fraction of a second
    /// (`2026-12-03T09:59:16Z`); nil for Go's zero time or no time.
    static func time(_ json: InspectJSON) -> String? {
        guard let text = json.string, !text.hasPrefix("0001-01-01") else { return nil }
        guard let dot = text.firstIndex(of: "."), let zone = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) else { return text }
        return String(text[..<dot] + text[zone...])
    }

    /// A published port as `docker service inspect --pretty` words it:
    /// `PublishedPort = 8080  Protocol = tcp  TargetPort = 80  PublishMode = ingress`.
    static func port(_ port: InspectJSON, indent: Int = 0) -> InspectLine {
        InspectLine(indent: indent, value: ["PublishedPort", "Protocol", "TargetPort", "PublishMode"]
            .map { "\($0) = \(port[$0].text ?? "")" }.joined(separator: "  "))
    }
}
