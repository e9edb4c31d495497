/// A rectangle of cells.
struct Rect: Sendable, Equatable {
    var x: Int, y: Int, width: Int, height: Int

    /// True when the cell (`x`, `y`) lies inside.
    func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < x + width && py >= y && py < y + height
    }
}

/// Where each part of the screen goes: the tab bar on row 0, the pane, the hint bar, and the
/// status line on the last row. On a wide terminal a table pane shares the pane's rows with the
/// placement grid, on its right. Shared by `render`, by `reduce` (page sizes, scrolling) and by
/// the mouse hit test.
struct Layout: Sendable, Equatable {
    /// Below this size the screen only says `terminal too small`.
    static let minimumWidth = 20, minimumHeight = 6
    /// From this many columns a table pane shows the placement grid beside it. The tables read
    /// well from about 120 columns (the lab's services and tasks tables show every column there)
    /// and the grid shows five node columns of `PlacementGrid.minColumnWidth` in 79: 200 gives
    /// both, with a rule between them.
    static let sideBySideWidth = 200

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
    func pageSize(_ pane: Pane) -> Int {
        max(1, pane == .placement ? cardRows : pane == .disk ? diskTable.height - 1 : tableRows)
    }

    /// Where `pane`'s own table or grid goes: the whole pane, or its left three fifths when the
    /// placement grid is beside it.
    func content(of pane: Pane) -> Rect {
        if pane == .disk { return diskTable }
        guard let beside = placementBeside(pane) else { return self.pane }
        return Rect(x: 0, y: self.pane.y, width: beside.x - 1, height: self.pane.height)
    }

    /// The disk pane's table: the pane under the summary (`DiskView.summaryHeight` rows).
    var diskTable: Rect {
        let top = min(DiskView.summaryHeight, pane.height)
        return Rect(x: 0, y: pane.y + top, width: width, height: pane.height - top)
    }

    /// The placement grid beside a table pane on a terminal of `sideBySideWidth` columns or
    /// more: the right two fifths, after a one-column rule; nil otherwise (and beside the
    /// placement, disk and events panes, which take the whole width).
    func placementBeside(_ pane: Pane) -> Rect? {
        guard pane != .placement, pane != .events, pane != .disk, width >= Layout.sideBySideWidth else { return nil }
        let gridWidth = (width - 1) * 2 / 5
        return Rect(x: width - gridWidth, y: self.pane.y, width: gridWidth, height: self.pane.height)
    }
}
