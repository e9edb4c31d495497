import Dashboard
import Foundation
import TOMLKit

/// The config file, `$XDG_CONFIG_HOME/swarmtop/config.toml` (default `~/.config/...`):
///
///     theme = "dark"            # a name from themes/, or a path to a theme file
///     pane = "services"         # nodes, services, tasks, containers or placement
///     read_only = false
///     host = "tcp://manager:2375"
///     timeout = 5
///     [refresh]
///     interval = 10             # seconds; also fast_interval, size_interval, resync_interval
///     [node_hosts]
///     node1 = "unix:///var/run/docker.sock"
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
        try document.checkKeys(of: root, in: nil, known: ["theme", "pane", "read_only", "host", "timeout", "refresh", "node_hosts"])
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
        layer.host = try string(root, "host", in: nil, document)
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
        return layer
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
        guard let number = value.double ?? value.int.map(Double.init), number > 0 else {
            throw document.error("\(key) must be a positive number of seconds, not \(value.debugDescription)", key: key, table: tableName)
        }
        return number
    }
}
