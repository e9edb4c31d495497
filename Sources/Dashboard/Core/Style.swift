/// What a cell means, not what colour it is: the theme maps a style to colours and attributes.
public struct Style: Sendable, Hashable {
    /// The semantic role of the cell.
    public var role: Role
    /// Bold on top of the role's own attributes.
    public var bold: Bool

    public init(_ role: Role, bold: Bool = false) {
        self.role = role
        self.bold = bold
    }

    /// Roles a theme gives colours to.
    public enum Role: Sendable, Hashable {
        case normal, header, selected, border, title, dim, ok, warn, error, statusBar, dialog, key
        /// A service's stable colour in the placement grid: an index into the theme's palette.
        case service(Int)
        /// A task in this state (the tasks pane, failed cards in the placement grid).
        case taskState(TaskState)
    }

    public static let normal = Style(.normal)
}
