/// A terminal colour: the terminal's own default, one of the 16 ANSI colours, or an exact
/// colour that the terminal layer quantises to what the terminal supports.
public enum TermColor: Sendable, Hashable {
    /// The terminal's default foreground or background (curses colour -1).
    case terminalDefault
    /// ANSI colour 0…15 (0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan,
    /// 7 white, 8…15 their bright variants).
    case ansi(UInt8)
    /// A 24-bit colour (`#rrggbb` in a theme file).
    case rgb(UInt8, UInt8, UInt8)
}

/// How the terminal draws one cell.
public struct CellAttributes: Sendable, Hashable {
    /// Text colour.
    public var foreground: TermColor
    /// Cell colour.
    public var background: TermColor
    /// Curses `A_BOLD`, `A_REVERSE`, `A_UNDERLINE`, `A_DIM`.
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    /// Attributes; the defaults are the terminal's own colours, no attribute.
    public init(foreground: TermColor = .terminalDefault, background: TermColor = .terminalDefault,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }
}

/// Maps each semantic `Style` role to colours and attributes. Terminal-free: the terminal
/// layer turns `CellAttributes` into colour pairs. Every role is a stored property so that a
/// theme file can later override any of them.
public struct Theme: Sendable, Hashable {
    /// The attributes of each `Style.Role` of the same name.
    public var normal: CellAttributes
    public var header: CellAttributes
    public var selected: CellAttributes
    public var border: CellAttributes
    public var title: CellAttributes
    public var dim: CellAttributes
    public var ok: CellAttributes
    public var warn: CellAttributes
    public var error: CellAttributes
    public var statusBar: CellAttributes
    public var dialog: CellAttributes
    public var key: CellAttributes
    /// Foreground colours of services in the placement grid (empty: the normal foreground).
    public var servicePalette: [TermColor]
    /// The task states the theme colours itself; the others take their `fallbackRole`'s attributes.
    public var taskStates: [TaskState: CellAttributes]

    /// A theme with every role given.
    public init(normal: CellAttributes, header: CellAttributes, selected: CellAttributes, border: CellAttributes,
                title: CellAttributes, dim: CellAttributes, ok: CellAttributes, warn: CellAttributes,
                error: CellAttributes, statusBar: CellAttributes, dialog: CellAttributes, key: CellAttributes,
                servicePalette: [TermColor], taskStates: [TaskState: CellAttributes] = [:]) {
        self.normal = normal
        self.header = header
        self.selected = selected
        self.border = border
        self.title = title
        self.dim = dim
        self.ok = ok
        self.warn = warn
        self.error = error
        self.statusBar = statusBar
        self.dialog = dialog
        self.key = key
        self.servicePalette = servicePalette
        self.taskStates = taskStates
    }

    /// The default theme: the terminal's own foreground and background for text (it never
    /// paints white on the default background), reverse video for the selection, the basic
    /// ANSI colours for states, and eleven service colours (no black, white or greys).
    public static let `default` = Theme(
        normal: CellAttributes(),
        header: CellAttributes(bold: true, underline: true),
        selected: CellAttributes(reverse: true),
        border: CellAttributes(foreground: .ansi(4)),
        title: CellAttributes(foreground: .ansi(6), bold: true),
        dim: CellAttributes(dim: true),
        ok: CellAttributes(foreground: .ansi(2)),
        warn: CellAttributes(foreground: .ansi(3)),
        error: CellAttributes(foreground: .ansi(1), bold: true),
        statusBar: CellAttributes(),
        dialog: CellAttributes(),
        key: CellAttributes(foreground: .ansi(6), bold: true),
        servicePalette: [1, 2, 3, 4, 5, 6, 9, 10, 12, 13, 14].map { TermColor.ansi($0) })

    /// Every role a theme file can set, by its name in the file (`status_bar` for `statusBar`).
    public static let roles: [(name: String, keyPath: WritableKeyPath<Theme, CellAttributes> & Sendable)] = [
        ("normal", \.normal), ("header", \.header), ("selected", \.selected), ("border", \.border),
        ("title", \.title), ("dim", \.dim), ("ok", \.ok), ("warn", \.warn), ("error", \.error),
        ("status_bar", \.statusBar), ("dialog", \.dialog), ("key", \.key),
    ]

    /// The attributes of `style`: its role's, plus bold when the style asks for it.
    public func attributes(for style: Style) -> CellAttributes {
        var attributes: CellAttributes
        switch style.role {
        case .normal: attributes = normal
        case .header: attributes = header
        case .selected: attributes = selected
        case .border: attributes = border
        case .title: attributes = title
        case .dim: attributes = dim
        case .ok: attributes = ok
        case .warn: attributes = warn
        case .error: attributes = error
        case .statusBar: attributes = statusBar
        case .dialog: attributes = dialog
        case .key: attributes = key
        case .service(let index):
            attributes = normal
            let count = servicePalette.count
            if count > 0 { attributes.foreground = servicePalette[(index % count + count) % count] }
        case .taskState(let state):
            guard let own = taskStates[state] else {
                return self.attributes(for: Style(state.fallbackRole, bold: style.bold, on: style.background))
            }
            attributes = own
        }
        attributes.bold = attributes.bold || style.bold
        if let background = style.background {
            let under = self.attributes(for: Style(background))
            if under.reverse {
                // A reversed bar (mono's status line) shows its foreground as background: so does the text on it.
                (attributes.foreground, attributes.background) = (under.foreground, attributes.foreground)
                attributes.reverse = true
            } else {
                attributes.background = under.background
            }
        }
        return attributes
    }
}
