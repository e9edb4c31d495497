/// A mouse event, decoded by the terminal front end from curses' `getmouse`: what happened
/// and the cell under the pointer.
public struct MouseEvent: Sendable, Hashable {
    /// What the mouse did.
    public enum Kind: Sendable, Hashable {
        /// The first (left) button went down: a click.
        case press
        /// The wheel turned one notch: away from the user (up) or towards them (down).
        case wheelUp, wheelDown
    }

    /// What the mouse did.
    public var kind: Kind
    /// The column of the cell under the pointer, 0-based from the left edge.
    public var x: Int
    /// The row of the cell under the pointer, 0-based from the top edge.
    public var y: Int

    /// An event at column `x`, row `y` (both 0-based).
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
