/// A rectangle of cells.
struct Rect: Sendable, Equatable {
    var x: Int, y: Int, width: Int, height: Int
}

/// Where each part of the screen goes: the tab bar on row 0, the pane, the hint bar, and the
/// status line on the last row. Shared by `render` and by `reduce` (for page sizes).
struct Layout: Sendable, Equatable {
    /// Below this size the screen only says `terminal too small`.
    static let minimumWidth = 20, minimumHeight = 6

    let width: Int, height: Int

    var isTooSmall: Bool { width < Layout.minimumWidth || height < Layout.minimumHeight }
    var tabBarRow: Int { 0 }
    /// The pane: a header row (two in the placement grid) then its rows.
    var pane: Rect { Rect(x: 0, y: 1, width: width, height: max(0, height - 3)) }
    var hintRow: Int { height - 2 }
    var statusRow: Int { height - 1 }
    /// Rows of a table under its header.
    var tableRows: Int { max(0, pane.height - 1) }
    /// Rows of cards in the placement grid, under the hostname and role/state rows.
    var cardRows: Int { max(0, pane.height - 2) }

    /// The rows one page moves in `pane`.
    func pageSize(_ pane: Pane) -> Int { max(1, pane == .placement ? cardRows : tableRows) }
}
