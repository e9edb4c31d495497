import Foundation
import SwarmState

/// What inspect (`i`) shows: a node, a service or a task (read from the manager), or a
/// container (read from the engine of the node that runs it).
public enum InspectTarget: Sendable, Hashable {
    /// `GET /nodes/{id}`.
    case node(id: String, hostname: String)
    /// `GET /services/{id}?insertDefaults=true` (as the docker CLI asks), and `GET /networks/{id}`
    /// of each of its networks (their names).
    case service(id: String, name: String)
    /// `GET /tasks/{id}`, and `GET /services/{serviceID}` (the spec it should run, as stored).
    case task(id: String, name: String, serviceID: String)
    /// `GET /containers/{id}/json` on the engine of `hostname`.
    case container(hostname: String, id: String, name: String)

    /// How the view's header and messages name it: `service lab_web`, `node node2`,
    /// `task lab_web.1`, `container lab_web.1.abc on node2` (escaped).
    public var label: String {
        switch self {
        case .node(_, let hostname): "node " + DisplayText.escaped(hostname)
        case .service(_, let name): "service " + DisplayText.escaped(name)
        case .task(_, let name, _): "task " + DisplayText.escaped(name)
        case .container(let hostname, _, let name): "container \(DisplayText.escaped(name)) on \(DisplayText.escaped(hostname))"
        }
    }
}

/// The engine's answers for an inspect, as they came.
public struct InspectAnswer: Sendable, Hashable {
    /// The object's JSON (the body of `GET /nodes|services|tasks/{id}` or `/containers/{id}/json`).
    public var json: Data
    /// A task's service (`GET /services/{id}`): the spec and version it is compared with; nil
    /// for the other kinds, or when it could not be read (`serviceProblem`).
    public var service: Data?
    /// Why a task's service could not be read, e.g. it was removed.
    public var serviceProblem: String?
    /// A service's network names by network ID (`GET /networks/{id}`); a network that could
    /// not be read is left out (shown by its ID, as the docker CLI does).
    public var networkNames: [String: String]

    /// - Parameters:
    ///   - json: the object's answer.
    ///   - service: a task's service, as stored.
    ///   - serviceProblem: why a task's service was not read.
    ///   - networkNames: a service's network names by ID.
    public init(json: Data, service: Data? = nil, serviceProblem: String? = nil, networkNames: [String: String] = [:]) {
        self.json = json
        self.service = service
        self.serviceProblem = serviceProblem
        self.networkNames = networkNames
    }
}

/// One line of a section: `Label: value`, indented; its value escaped.
public struct InspectLine: Sendable, Hashable {
    /// Levels of indentation (two columns each) under the section's title.
    public var indent: Int
    /// The label before the value, e.g. `Replicas`; empty for a line that is only a value.
    public var label: String
    /// The value, escaped for the screen.
    public var value: String
    /// What shows instead of `value` while secrets are hidden (`DB_PASSWORD=••••••`); nil when
    /// the line hides nothing.
    public var hidden: String?

    /// - Parameters:
    ///   - label: the label (escaped here: some are the engine's, e.g. a plugin type).
    ///   - value: the engine's text (escaped here).
    ///   - hidden: the line's text while secrets are hidden, already escaped.
    public init(indent: Int = 0, _ label: String = "", value: String, hidden: String? = nil) {
        self.indent = indent
        self.label = DisplayText.escaped(label)
        self.value = DisplayText.escaped(value)
        self.hidden = hidden
    }

    /// The value shown: itself when `revealed` or not secret, else the hidden form.
    public func shownValue(revealed: Bool) -> String {
        revealed ? value : hidden ?? value
    }
}

/// A titled group of lines, e.g. `Resources` or `Restart policy`.
public struct InspectSection: Sendable, Hashable {
    /// The title, in the docker CLI's words where it has some (`UpdateConfig`, `TLS Info`).
    public var title: String
    /// The lines under it, in order.
    public var lines: [InspectLine]

    /// A section titled `title` holding `lines`.
    public init(_ title: String, _ lines: [InspectLine]) {
        self.title = title
        self.lines = lines
    }
}

/// The inspect view's state (`i`): what was asked, the sections made of the answer (or why
/// there is none), the raw JSON, where the view is, the search and whether secrets show.
public struct InspectView: Sendable {
    /// Each view opened takes the next number: an answer for a closed one is dropped.
    public let number: Int
    /// What is inspected.
    public let target: InspectTarget
    /// The answer in sections; nil while it is read or when it failed.
    public internal(set) var sections: [InspectSection]?
    /// The answer pretty-printed (`J`), escaped; empty until it came.
    public internal(set) var json: [String] = []
    /// Why the read failed (gone, engine down, a worker's engine), nil otherwise.
    public internal(set) var failure: String?
    /// The first row of the body shown.
    public internal(set) var top = 0
    /// True while the raw JSON is shown instead of the sections (`J`).
    public internal(set) var showsJSON = false
    /// True while secret-looking values are shown (`v`).
    public internal(set) var revealsSecrets = false
    /// The `/` search, as in the log view; `match` is a row's index.
    public internal(set) var search = LogSearch()

    /// A view of `target` waiting for its answer.
    public init(number: Int, target: InspectTarget) {
        self.number = number
        self.target = target
    }

    /// One row of the body: a section title, or a line of text.
    public struct Row: Sendable, Hashable {
        /// The row's text, escaped, indented.
        public var text: String
        /// True for a section's title (drawn bold).
        public var isTitle: Bool
    }

    /// The rows of the body: the raw JSON lines, or each section's title then its lines, labels
    /// padded to the widest of their section and indent; the failure or a wait while none.
    public var rows: [Row] {
        if let failure { return [Row(text: DisplayText.escaped(failure), isTitle: false)] }
        if showsJSON { return json.map { Row(text: $0, isTitle: false) } }
        guard let sections else { return [Row(text: "reading…", isTitle: false)] }
        var rows: [Row] = []
        for (i, section) in sections.enumerated() {
            if i > 0 { rows.append(Row(text: "", isTitle: false)) }
            rows.append(Row(text: section.title, isTitle: true))
            var widths: [Int: Int] = [:]
            for line in section.lines where !line.label.isEmpty {
                widths[line.indent] = max(widths[line.indent] ?? 0, DisplayText.width(line.label))
            }
            for line in section.lines {
                let lead = String(repeating: "  ", count: line.indent + 1)
                let value = line.shownValue(revealed: revealsSecrets)
                let text = line.label.isEmpty ? value : DisplayText.pad(line.label + ":", to: (widths[line.indent] ?? 0) + 2) + value
                rows.append(Row(text: lead + text, isTitle: false))
            }
        }
        return rows
    }

    /// True when some line hides a value until `v`.
    public var hasSecrets: Bool {
        sections?.contains { $0.lines.contains { $0.hidden != nil } } ?? false
    }
}
