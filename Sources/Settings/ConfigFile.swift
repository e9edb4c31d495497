import Dashboard
import Foundation
import SwarmState
import TOMLKit

/// The config file, `$XDG_CONFIG_HOME/swarmtop/config.toml` (default `~/.config/...`):
///
///     theme = "dark"            # a name from themes/, or a path to a theme file
///     pane = "services"         # nodes, services, tasks, containers, placement, disk or events
///     read_only = false
///     context = "prod"          # a docker context (docker context ls), or:
///     host = "ssh://ops@manager"  # or every manager, to fail over to: ["ssh://ops@m1", "ssh://ops@m2"]
///     node_host_template = "ssh://ops@{hostname}"   # every node's engine (NodeHostTemplate)
///     timeout = 5
///     [refresh]
///     interval = 20             # seconds; also fast_interval, size_interval, resync_interval
///     [node_hosts]
///     node1 = "unix:///var/run/docker.sock"
///     [keys]                    # new keys for key bindings, by name (see `?` in the dashboard)
///     scale_up = "K"            # or a list: ["K", "Ctrl-U"]
public enum ConfigFile {
    /// `$XDG_CONFIG_HOME/swarmtop`, else `$HOME/.config/swarmtop`.
    public static func configDirectory(environment: [String: String]) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/swarmtop"
    }

    /// Where the config file is read from.
    public static func path(environment: [String: String]) -> String {
        configDirectory(environment: environment) + "/config.toml"
    }

    /// The file at `path`, or nil when there is none.
    /// - Throws: `SettingsFileError` for a file that is there but wrong.
    public static func load(path: String) throws -> ConfigLayer? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try layer(from: TOMLDocument(contentsOf: path))
    }

    /// Parses config text; `path` only names it in errors.
    /// - Throws: `SettingsFileError` (file, line, reason) for a syntax error, an unknown key or a
    ///   value of the wrong type.
    public static func parse(_ text: String, path: String) throws -> ConfigLayer {
        try layer(from: TOMLDocument(text: text, path: path))
    }

    private static func layer(from document: TOMLDocument) throws -> ConfigLayer {
        let root = document.root
        try document.checkKeys(of: root, in: nil, known: ["theme", "pane", "read_only", "host", "context", "timeout", "refresh", "node_hosts", "keys",
                                                          "node_host_template"])
        var layer = ConfigLayer()
        layer.theme = try string(root, "theme", in: nil, document)
        if let name = try string(root, "pane", in: nil, document) {
            let names = Pane.allCases.map { $0.title.lowercased() }
            guard let index = names.firstIndex(of: name.lowercased()) else {
                throw document.error("pane \"\(name)\" is not one of \(names.joined(separator: ", "))", key: "pane")
            }
            layer.pane = Pane.allCases[index]
        }
        if let value = root["read_only"] {
            guard let bool = value.bool else { throw document.error("read_only must be true or false", key: "read_only") }
            layer.readOnly = bool
        }
        if let hosts = root["host"]?.array {
            let texts = hosts.compactMap(\.string)
            guard !texts.isEmpty, texts.count == hosts.count else {
                throw document.error("host must be a URL or a list of the managers' URLs, not \(hosts.debugDescription)", key: "host")
            }
            (layer.host, layer.managerHosts) = (texts[0], Array(texts.dropFirst()))
        } else {
            layer.host = try string(root, "host", in: nil, document)
        }
        layer.context = try string(root, "context", in: nil, document)
        if let template = try string(root, "node_host_template", in: nil, document) {
            do { _ = try NodeHostTemplate(template) } catch { throw document.error("\(error)", key: "node_host_template") }
            layer.nodeHostTemplate = template
        }
        layer.timeout = try seconds(root, "timeout", in: nil, document)
        if let value = root["refresh"] {
            guard let refresh = value.table else { throw document.error("[refresh] must be a table", key: "refresh") }
            try document.checkKeys(of: refresh, in: "refresh", known: ["interval", "fast_interval", "size_interval", "resync_interval"])
            layer.interval = try seconds(refresh, "interval", in: "refresh", document)
            layer.fastInterval = try seconds(refresh, "fast_interval", in: "refresh", document)
            layer.sizeInterval = try seconds(refresh, "size_interval", in: "refresh", document)
            layer.resyncInterval = try seconds(refresh, "resync_interval", in: "refresh", document)
        }
        if let value = root["node_hosts"] {
            guard let table = value.table else {
                throw document.error("[node_hosts] must be a table of HOSTNAME = \"URL\"", key: "node_hosts")
            }
            layer.nodeHosts = try table.keys.sorted().map { name in
                guard let url = try string(table, name, in: "node_hosts", document) else { return name }
                return "\(name)=\(url)"
            }
        }
        if let value = root["keys"] { layer.keys = try keys(value, document) }
        return layer
    }

    /// `[keys]`: each binding name with one key or a list of keys, checked against the keymap.
    private static func keys(_ value: TOMLValueConvertible, _ document: TOMLDocument) throws -> [String: [String]] {
        guard let table = value.table else { throw document.error("[keys] must be a table of NAME = \"KEY\" or [\"KEY\", …]", key: "keys") }
        var keys: [String: [String]] = [:]
        for name in table.keys.sorted() {
            guard let item = table[name] else { continue }
            let specs = item.string.map { [$0] } ?? item.array?.compactMap(\.string)
            guard let specs, specs.count == (item.array?.count ?? 1) else {
                throw document.error("\(name) must be a key or a list of keys, not \(item.debugDescription)", key: name, table: "keys")
            }
            for spec in specs where KeyEvent(name: spec) == nil {
                throw document.error("\"\(spec)\" for \(name) is not a key: use one character, Ctrl-X, Enter, Esc, Tab, Shift-Tab, "
                                     + "Backspace, Del, Up, Down, Left, Right, PgUp, PgDn, Home, End, Space or F1…F12", key: name, table: "keys")
            }
            keys[name] = specs
        }
        do {
            _ = try Keymap.standard.overriding(keys.mapValues { $0.compactMap(KeyEvent.init(name:)) })
        } catch {
            throw document.error(error.description, key: error.bindings.first { keys[$0] != nil } ?? "keys", table: "keys")
        }
        return keys
    }

    private static func string(_ table: TOMLTable, _ key: String, in tableName: String?, _ document: TOMLDocument) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else {
            throw document.error("\(key) must be a string, not \(value.debugDescription)", key: key, table: tableName)
        }
        return text
    }

    private static func seconds(_ table: TOMLTable, _ key: String, in tableName: String?, _ document: TOMLDocument) throws -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init) else {
            throw document.error("\(key) must be a positive number of seconds, not \(value.debugDescription)", key: key, table: tableName)
        }
        if let problem = Configuration.secondsProblem(key, number) {
            throw document.error("\(key) \(problem)", key: key, table: tableName)
        }
        return number
    }
}
