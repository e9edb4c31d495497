/// Where the cursor is in one pane: the selected object, its position, and the scroll offset.
///
/// `id` is what the selection follows when a new snapshot reorders the rows; `row` (and
/// `column`, used by the placement grid) is the position it had, kept when the object is gone.
public struct Selection: Sendable, Hashable {
    /// The selected object, nil when the pane is empty.
    public var id: RowID?
    /// The selected row (table panes) or card (placement grid), 0-based.
    public var row: Int
    /// The selected column of the placement grid, 0-based; 0 in table panes.
    public var column: Int
    /// The first visible row.
    public var scroll: Int
    /// The first node column the placement grid shows (it scrolls sideways when nodes do not fit).
    public var firstColumn = 0

    /// A selection at the top of an empty pane.
    public init(id: RowID? = nil, row: Int = 0, column: Int = 0, scroll: Int = 0) {
        self.id = id
        self.row = row
        self.column = column
        self.scroll = scroll
    }

    /// The scroll offset that keeps `row` visible in a viewport of `visible` rows over
    /// `count` rows, moving `scroll` as little as possible.
    static func scroll(_ scroll: Int, keeping row: Int, visible: Int, count: Int) -> Int {
        guard visible > 0 else { return max(0, row) }
        var s = min(scroll, row)
        if row >= s + visible { s = row - visible + 1 }
        return max(0, min(s, count - visible))
    }
}
