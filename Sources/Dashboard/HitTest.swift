/// What the screen shows under a cell, for the mouse.
enum MouseTarget: Equatable {
    /// A pane's tab in the tab bar.
    case tab(Pane)
    /// A row of the current pane's table, by index in its rows.
    case row(Int)
    /// A card of the placement pane, by node column and card index (node row and cell in the compact grid).
    case card(column: Int, row: Int)
    /// A card of the placement grid beside a table pane, by task ID.
    case cardBeside(taskID: String)
    /// The `◀` (-1) or `▶` (1) marker of hidden node columns, in the placement pane or beside a table.
    case nodeMarker(step: Int, beside: Bool)
}

extension AppState {
    /// What `render` draws at the cell (`x`, `y`) on a screen of the state's size, found through
    /// the same geometry (`Layout`, `TabBar.tabs`, `TableWidget.shownRows`,
    /// `PlacementGrid.Geometry`); nil where nothing can be clicked.
    func target(atX x: Int, y: Int) -> MouseTarget? {
        if y == layout.tabBarRow { return TabBar.pane(atX: x, current: pane, trailer: tabBarTrailer, width: layout.width).map(MouseTarget.tab) }
        guard snapshot != nil else { return nil }
        let content = layout.content(of: pane)
        let count = model.placement.count
        if pane == .placement, compactPlacement {
            return PlacementRows.card(atX: x, y: y, model.placement, selection: selection, in: content)
                .map { MouseTarget.card(column: $0.column, row: $0.row) }
        }
        if pane == .placement {
            if let step = PlacementGrid.marker(atX: x, y: y, count: count, selection: selection, in: content) {
                return .nodeMarker(step: step, beside: false)
            }
            return PlacementGrid.card(atX: x, y: y, model.placement, selection: selection, in: content)
                .map { MouseTarget.card(column: $0.column, row: $0.row) }
        }
        if let row = TableWidget.row(atX: x, y: y, count: table.rows.count, selection: selection, in: content) { return .row(row) }
        guard let beside = layout.placementBeside(pane) else { return nil }
        if compactPlacement {
            return PlacementRows.card(atX: x, y: y, model.placement, selection: placementBesideSelection, in: beside)
                .map { .cardBeside(taskID: model.placement[$0.column].cards[$0.row].taskID) }
        }
        if let step = PlacementGrid.marker(atX: x, y: y, count: count, selection: placementBesideSelection, in: beside) {
            return .nodeMarker(step: step, beside: true)
        }
        return PlacementGrid.card(atX: x, y: y, model.placement, selection: placementBesideSelection, in: beside)
            .map { .cardBeside(taskID: model.placement[$0.column].cards[$0.row].taskID) }
    }

    /// The selection the placement grid beside a table pane is drawn with: the placement
    /// pane's own (its node columns scroll with it), its card highlighted only while it is the
    /// task selected in the table.
    var placementBesideSelection: Selection {
        var grid = selections[.placement] ?? Selection()
        if grid.id != selection.id { grid.id = nil }
        return grid
    }
}
