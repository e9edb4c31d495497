/// Pane switching, drill-down, movement, and keeping the selection on its object.
extension AppState {
    var layout: Layout { Layout(width: width, height: height) }

    /// Shows `target` unscoped, forgetting the drill-down path.
    mutating func show(_ target: Pane) {
        guard target != pane || scope != nil else { return }
        drillDown = []
        scope = nil
        pane = target
        refreshTable()
    }

    /// Enter: a node's tasks, a service's tasks, or a stack's services.
    mutating func drillDownIntoSelection() {
        let target: Scope
        switch selection.id {
        case .node(let id)?:
            target = .nodeTasks(nodeID: id, hostname: snapshot?.node(id: id)?.hostname ?? id)
        case .service(let id)?:
            target = .serviceTasks(serviceID: id, name: snapshot?.service(id: id)?.name ?? id)
        case .stack(let name)?:
            target = .stackServices(stack: name)
        default:
            return
        }
        drillDown.append(Breadcrumb(location: location, selection: selection))
        pane = target.pane
        scope = target
        selection = Selection()
        refreshTable()
    }

    /// Esc: clears the pane's `/` filter, else goes back to where the last Enter came from,
    /// with the selection it had.
    mutating func goBack() {
        if filters[pane] != nil {
            filters[pane] = nil
            return refreshTable()
        }
        guard let crumb = drillDown.popLast() else { return }
        pane = crumb.location.pane
        scope = crumb.location.scope
        selection = crumb.selection
        refreshTable()
    }

    /// Rebuilds the current pane's rows (after a snapshot or a change of location) and puts
    /// the selection back on its object.
    mutating func refreshTable() {
        if model.waitsForRows(pane) {  // the selection is kept for the rows to come
            table = PaneTable(columns: SnapshotModel.columns(pane), rows: [])
            table.building = true
            return
        }
        table = pane == .placement ? .empty
            : model.table(pane, scope: scope).quieted(showingAll: showsQuietRows).filtered(by: RowFilter(filters[pane])).sorted(by: sorts[pane])
        resolveSelection()
    }

    /// Finds the selected object again (by ID) or, when it is gone, keeps the position
    /// clamped to what is there; then keeps the selected row scrolled into view. The placement
    /// grid beside a wide table follows the task selected in it.
    mutating func resolveSelection() {
        if pane == .placement {
            selection = placementSelection(selection, in: layout.content(of: .placement), rows: compactPlacement)
            return
        }
        var sel = selection
        if let i = table.index(of: sel.id) { sel.row = i }
        sel.row = clamp(sel.row, table.rows.count)
        sel.id = table.rows.indices.contains(sel.row) ? table.rows[sel.row].id : nil
        sel.scroll = Selection.scroll(sel.scroll, keeping: sel.row, visible: pane == .disk ? layout.pageSize(.disk) : layout.tableRows,
                                      count: table.rows.count)
        selection = sel
        if let beside = layout.placementBeside(pane) {
            var grid = selections[.placement] ?? Selection()
            if case .task? = sel.id { grid.id = sel.id }
            selections[.placement] = placementSelection(grid, in: beside, rows: compactPlacement)
        }
    }

    /// `sel` put back on its task in the placement grid (or clamped where it was when the task
    /// is gone), its node columns (its node rows when `rows`: the compact grid) scrolled as little
    /// as shows the selected one in `rect`.
    private func placementSelection(_ selection: Selection, in rect: Rect, rows: Bool) -> Selection {
        var sel = selection
        let columns = model.placement
        if case .task(let taskID)? = sel.id, let (c, r) = Self.locate(taskID, in: columns) {
            (sel.column, sel.row) = (c, r)
        }
        sel.column = clamp(sel.column, columns.count)
        let cards = columns.indices.contains(sel.column) ? columns[sel.column].cards : []
        sel.row = clamp(sel.row, cards.count)
        sel.id = cards.indices.contains(sel.row) ? .task(cards[sel.row].taskID) : nil
        sel.firstColumn = rows ? PlacementRows.Geometry(columns, selection: sel, in: rect).shown.lowerBound
            : PlacementGrid.Geometry(count: columns.count, selection: sel, in: rect).shown.lowerBound
        return sel
    }

    /// j/k, pages, first/last; in the placement grid also ←/→ between node columns.
    mutating func move(_ command: Command) {
        if pane == .placement, compactPlacement { return moveInRows(command) }
        var sel = selection
        let page = layout.pageSize(pane)
        let count = pane == .placement ? cardCount(inColumn: sel.column) : table.rows.count
        switch command {
        case .moveUp: sel.row -= 1
        case .moveDown: sel.row += 1
        case .pageUp: (sel.row, sel.scroll) = (sel.row - page, sel.scroll - page)
        case .pageDown: (sel.row, sel.scroll) = (sel.row + page, sel.scroll + page)
        case .moveTop: sel.row = 0
        case .moveBottom: sel.row = count - 1
        case .moveLeft, .moveRight:
            guard pane == .placement else { return }
            sel.column = clamp(sel.column + (command == .moveLeft ? -1 : 1), model.placement.count)
        default: return
        }
        sel.id = nil
        sel.scroll = max(0, sel.scroll)
        selection = sel
        resolveSelection()
    }

    /// In the compact grid: j/k, pages and first/last between node rows (in reading order
    /// across its bands), ←/→ along the selected node's tasks.
    private mutating func moveInRows(_ command: Command) {
        var sel = selection
        let page = max(1, PlacementRows.Geometry(model.placement, selection: sel, in: layout.content(of: .placement)).pageRows)
        switch command {
        case .moveUp: sel.column -= 1
        case .moveDown: sel.column += 1
        case .pageUp: (sel.column, sel.firstColumn) = (sel.column - page, sel.firstColumn - page)
        case .pageDown: (sel.column, sel.firstColumn) = (sel.column + page, sel.firstColumn + page)
        case .moveTop: sel.column = 0
        case .moveBottom: sel.column = model.placement.count - 1
        case .moveLeft: sel.row -= 1
        case .moveRight: sel.row += 1
        default: return
        }
        sel.id = nil
        (sel.column, sel.row, sel.firstColumn) = (max(0, sel.column), max(0, sel.row), max(0, sel.firstColumn))
        selection = sel
        resolveSelection()
    }

    private func cardCount(inColumn column: Int) -> Int {
        model.placement.indices.contains(column) ? model.placement[column].cards.count : 0
    }

    private static func locate(_ taskID: String, in columns: [PlacementColumnModel]) -> (Int, Int)? {
        for (c, column) in columns.enumerated() {
            if let r = column.cards.firstIndex(where: { $0.taskID == taskID }) { return (c, r) }
        }
        return nil
    }

    private func clamp(_ value: Int, _ count: Int) -> Int { max(0, min(value, count - 1)) }
}
