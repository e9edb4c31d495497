import Dashboard
import TOMLKit

/// Turns a theme file (`themes/*.toml`) into a `Theme`. The format is described at the top of
/// `themes/default.toml`: one table per role (`fg`, `bg`, `bold`, `reverse`, `underline`,
/// `dim`), a `service_palette` list, and `[task_state.NAME]` tables for task states (`running`,
/// `pending`, `failed`…; a state left out takes the colours of ok, warn, error or dim). A role
/// not in the file is the default theme's, on `normal`'s colours; a colour a role's table
/// leaves out is `normal`'s.
public enum ThemeFile {
    private static let attributeKeys = ["fg", "bg", "bold", "reverse", "underline", "dim"]

    /// Reads and checks the theme file at `path`.
    /// - Throws: `SettingsFileError` (file, line, reason) for a syntax error, an unknown key, a
    ///   value of the wrong type or a colour that is not `default`, an ANSI name or `#rrggbb`.
    public static func load(path: String) throws -> Theme {
        try theme(from: TOMLDocument(contentsOf: path))
    }

    /// Parses theme file text; `path` only names it in errors.
    /// - Throws: `SettingsFileError` as `load(path:)` does.
    public static func parse(_ text: String, path: String) throws -> Theme {
        try theme(from: TOMLDocument(text: text, path: path))
    }

    private static func theme(from document: TOMLDocument) throws -> Theme {
        try document.checkKeys(of: document.root, in: nil, known: Theme.roles.map(\.name) + ["service_palette", "task_state"])
        var theme = Theme.default
        let normal = try document.root["normal"].map { try attributes($0, role: "normal", base: CellAttributes(), in: document) }
            ?? Theme.default.normal
        for (name, keyPath) in Theme.roles {
            if let table = document.root[name] {
                theme[keyPath: keyPath] = try attributes(table, role: name, base: normal, in: document)
            } else {
                var inherited = Theme.default[keyPath: keyPath]
                if inherited.foreground == .terminalDefault { inherited.foreground = normal.foreground }
                if inherited.background == .terminalDefault { inherited.background = normal.background }
                theme[keyPath: keyPath] = inherited
            }
        }
        if let value = document.root["task_state"] {
            guard let states = value.table else { throw document.error("[task_state] must hold [task_state.NAME] tables", key: "task_state") }
            try document.checkKeys(of: states, in: "task_state", known: TaskState.allCases.map(\.rawValue))
            for state in TaskState.allCases {
                guard let table = states[state.rawValue] else { continue }
                guard table.table != nil else {
                    throw document.error("\(state.rawValue) in [task_state] must be a table: [task_state.\(state.rawValue)] with fg, bg, …",
                                         key: state.rawValue, table: "task_state")
                }
                theme.taskStates[state] = try attributes(table, role: "task_state.\(state.rawValue)", base: normal, in: document)
            }
        }
        if let value = document.root["service_palette"] {
            guard let array = value.array else {
                throw document.error("service_palette must be a list of colours", key: "service_palette")
            }
            theme.servicePalette = try array.map { element in
                try color(element, key: "service_palette", table: nil, in: document)
            }
        }
        return theme
    }

    /// A role's table over `base` (normal's colours, no attributes).
    private static func attributes(_ value: TOMLValueConvertible, role: String, base: CellAttributes,
                                   in document: TOMLDocument) throws -> CellAttributes {
        guard let table = value.table else { throw document.error("[\(role)] must be a table", key: role) }
        try document.checkKeys(of: table, in: role, known: attributeKeys)
        var result = CellAttributes(foreground: base.foreground, background: base.background)
        if let fg = table["fg"] { result.foreground = try color(fg, key: "fg", table: role, in: document) }
        if let bg = table["bg"] { result.background = try color(bg, key: "bg", table: role, in: document) }
        for (key, keyPath) in [("bold", \CellAttributes.bold), ("reverse", \.reverse), ("underline", \.underline), ("dim", \.dim)] {
            guard let flag = table[key] else { continue }
            guard let bool = flag.bool else {
                throw document.error("\(key) in [\(role)] must be true or false, not \(flag.debugDescription)", key: key, table: role)
            }
            result[keyPath: keyPath] = bool
        }
        return result
    }

    private static func color(_ value: TOMLValueConvertible, key: String, table: String?,
                              in document: TOMLDocument) throws -> TermColor {
        guard let text = value.string, let color = ColorName.parse(text) else {
            let place = table.map { " in [\($0)]" } ?? ""
            throw document.error("bad colour \(value.debugDescription) for \(key)\(place): use \(ColorName.accepted)",
                                 key: key, table: table)
        }
        return color
    }
}
