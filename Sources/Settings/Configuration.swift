import Dashboard
import Foundation
import SwarmState

/// The effective settings and where each came from. Precedence: a command-line flag over the
/// environment over the config file over the default.
public struct Configuration: Sendable, Equatable {
    /// Where a value came from, as `--print-config` shows it.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        /// The built-in default (`Configuration.defaults`).
        case defaultValue
        /// The config file at this path.
        case file(String)
        /// This environment variable.
        case environment(String)
        /// This command-line flag.
        case flag(String)

        /// `default`, `config file /path`, `environment DOCKER_HOST`, `flag --theme`.
        public var description: String {
            switch self {
            case .defaultValue: "default"
            case .file(let path): "config file \(path)"
            case .environment(let name): "environment \(name)"
            case .flag(let name): "flag \(name)"
            }
        }
    }

    /// A value and its source.
    public struct Setting<Value: Sendable & Equatable>: Sendable, Equatable {
        /// The value in force.
        public let value: Value
        /// Where it came from.
        public let source: Source
    }

    /// The defaults: the built-in theme, the nodes pane, actions allowed, polls every 20 s
    /// (0.5 s after a change), sizes at most every 30 s, a full re-list every 120 s, 5 s timeouts.
    /// At these, a steady lab costs its engines about 0.07% of a core (scripts/bench-engine-requests).
    /// The cadences are the refresh engine's own defaults (`RefreshEngine.Intervals()`), written there once.
    public static let defaults: ConfigLayer = {
        let refresh = RefreshEngine.Intervals()
        return ConfigLayer(theme: "default", pane: .nodes, readOnly: false, nodeHosts: [],
                           interval: refresh.poll, fastInterval: refresh.fastPoll, sizeInterval: refresh.sizes,
                           resyncInterval: refresh.resync, timeout: 5)
    }()

    /// `(default 20)`: a duration setting's default as an option's help says it.
    public static func helpDefault(_ setting: KeyPath<ConfigLayer, Double?>) -> String {
        defaults[keyPath: setting].map { "(default \(number($0)))" } ?? ""
    }

    /// The theme name or theme file path.
    public let theme: Setting<String>
    /// The pane shown at start.
    public let pane: Setting<Pane>
    /// No actions (scale, stop, remove).
    public let readOnly: Setting<Bool>
    /// Nil: no flag, file or `DOCKER_HOST`. `ManagerEndpoint` weighs it against `context`.
    public let host: Setting<String?>
    /// Further managers to fail over to, from the layer that set `host` (`--host` given again,
    /// the config file's `host` list); empty when none.
    public let managerHosts: Setting<[String]>
    /// The docker context to use; nil: no flag, file or `DOCKER_CONTEXT`.
    public let context: Setting<String?>
    /// Node engines as `HOSTNAME=URL`.
    public let nodeHosts: Setting<[String]>
    /// Every other node's engine from one pattern (`NodeHostTemplate`); nil when not set.
    public let nodeHostTemplate: Setting<String?>
    /// Seconds between polls of the services' task counts while the swarm is steady.
    public let interval: Setting<Double>
    /// Seconds between polls of a changing service's tasks right after a change.
    public let fastInterval: Setting<Double>
    /// Least seconds between writable-layer size queries per engine.
    public let sizeInterval: Setting<Double>
    /// Seconds between full re-lists of nodes and services.
    public let resyncInterval: Setting<Double>
    /// Seconds before a request counts as failed.
    public let timeout: Setting<Double>
    /// Key overrides by key binding name (config file only).
    public let keys: Setting<[String: [String]]>

    /// Stacks the layers.
    /// - Parameters:
    ///   - flags: what the command line set.
    ///   - environment: the process environment (`ConfigLayer(environment:)` reads it).
    ///   - file: the config file's layer, nil when there is none.
    ///   - filePath: the config file's path, for the sources.
    public static func resolve(flags: ConfigLayer, environment: [String: String], file: ConfigLayer?,
                               filePath: String) -> Configuration {
        let env = ConfigLayer(environment: environment)
        let file = file ?? ConfigLayer()
        func pick<T>(_ keyPath: KeyPath<ConfigLayer, T?>, flag: String, variable: String? = nil) -> Setting<T> {
            if let value = flags[keyPath: keyPath] { return Setting(value: value, source: .flag(flag)) }
            if let variable, let value = env[keyPath: keyPath] { return Setting(value: value, source: .environment(variable)) }
            if let value = file[keyPath: keyPath] { return Setting(value: value, source: .file(filePath)) }
            return Setting(value: defaults[keyPath: keyPath]!, source: .defaultValue)
        }
        let host: Setting<String?> = flags.host.map { Setting(value: $0, source: .flag("--host")) }
            ?? env.host.map { Setting(value: $0, source: .environment("DOCKER_HOST")) }
            ?? file.host.map { Setting(value: $0, source: .file(filePath)) }
            ?? Setting(value: nil, source: .defaultValue)
        let managerHosts: Setting<[String]> = flags.host != nil ? Setting(value: flags.managerHosts ?? [], source: .flag("--host"))
            : env.host != nil ? Setting(value: [], source: .environment("DOCKER_HOST"))
            : Setting(value: file.managerHosts ?? [], source: file.host != nil ? .file(filePath) : .defaultValue)
        let context: Setting<String?> = flags.context.map { Setting(value: $0, source: .flag("--context")) }
            ?? env.context.map { Setting(value: $0, source: .environment("DOCKER_CONTEXT")) }
            ?? file.context.map { Setting(value: $0, source: .file(filePath)) }
            ?? Setting(value: nil, source: .defaultValue)
        return Configuration(
            theme: pick(\.theme, flag: "--theme", variable: "SWARMTOP_THEME"),
            pane: pick(\.pane, flag: "--pane"),
            readOnly: pick(\.readOnly, flag: "--read-only"),
            host: host,
            managerHosts: managerHosts,
            context: context,
            nodeHosts: pick(\.nodeHosts, flag: "--node-host", variable: "SWARMTOP_NODE_HOSTS"),
            nodeHostTemplate: flags.nodeHostTemplate.map { Setting(value: $0, source: .flag("--node-host-template")) }
                ?? env.nodeHostTemplate.map { Setting(value: $0, source: .environment("SWARMTOP_NODE_HOST_TEMPLATE")) }
                ?? file.nodeHostTemplate.map { Setting(value: $0, source: .file(filePath)) }
                ?? Setting(value: nil, source: .defaultValue),
            interval: pick(\.interval, flag: "--interval"),
            fastInterval: pick(\.fastInterval, flag: "--fast-interval"),
            sizeInterval: pick(\.sizeInterval, flag: "--size-interval"),
            resyncInterval: pick(\.resyncInterval, flag: "--resync-interval"),
            timeout: pick(\.timeout, flag: "--timeout"),
            keys: file.keys.map { Setting(value: $0, source: .file(filePath)) } ?? Setting(value: [:], source: .defaultValue))
    }

    /// The settings in config-file syntax, each with its source as a comment (`--print-config`).
    public var printed: String {
        /// A TOML basic string; controls and invisible characters as `\u` escapes.
        func quoted(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\\", "\"": out += "\\" + String(scalar)
                case _ where DisplayText.isUnprintable(scalar):
                    out += scalar.value > 0xFFFF ? String(format: "\\U%08X", scalar.value) : String(format: "\\u%04X", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        var rows: [(String, Source)] = [
            ("theme = \(quoted(theme.value))", theme.source),
            ("pane = \(quoted(pane.value.title.lowercased()))", pane.source),
            ("read_only = \(readOnly.value)", readOnly.source),
            (context.value.map { "context = \(quoted($0))" } ?? "# context: DOCKER_CONTEXT unset", context.source),
            (host.value.map { managerHosts.value.isEmpty ? "host = \(quoted($0))" : "host = [\(([$0] + managerHosts.value).map(quoted).joined(separator: ", "))]" }
                ?? "# host: DOCKER_HOST unset", host.source),
            ("timeout = \(Self.number(timeout.value))", timeout.source),
            (nodeHostTemplate.value.map { "node_host_template = \(quoted($0))" } ?? "# node_host_template: not set",
             nodeHostTemplate.source),
            ("", .defaultValue), ("[refresh]", .defaultValue),
            ("interval = \(Self.number(interval.value))", interval.source),
            ("fast_interval = \(Self.number(fastInterval.value))", fastInterval.source),
            ("size_interval = \(Self.number(sizeInterval.value))", sizeInterval.source),
            ("resync_interval = \(Self.number(resyncInterval.value))", resyncInterval.source),
            ("", .defaultValue), ("[node_hosts]", nodeHosts.source),
        ]
        for entry in nodeHosts.value {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            rows.append(("\(quoted(parts[0])) = \(quoted(parts.count > 1 ? parts[1] : ""))", nodeHosts.source))
        }
        rows += [("", .defaultValue), ("[keys]", keys.source)]
        for (name, specs) in keys.value.sorted(by: { $0.key < $1.key }) {
            rows.append(("\(name) = [\(specs.map(quoted).joined(separator: ", "))]", keys.source))
        }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { line, source in
            line.isEmpty || line.hasPrefix("[refresh]") ? line
                : line.padding(toLength: width, withPad: " ", startingAt: 0) + "  # \(source)"
        }.joined(separator: "\n")
    }
}
