/// What a cell means, not what colour it is: the theme maps a style to colours and attributes.
public struct Style: Sendable, Hashable {
    /// The semantic role of the cell.
    public var role: Role
    /// Bold on top of the role's own attributes.
    public var bold: Bool
    /// The role whose background the cell takes instead of its own role's: text drawn on a
    /// bar or a box that has a background of its own (an error in the status line). Nil keeps
    /// the role's own.
    public var background: Role?

    public init(_ role: Role, bold: Bool = false, on background: Role? = nil) {
        self.role = role
        self.bold = bold
        self.background = background
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
