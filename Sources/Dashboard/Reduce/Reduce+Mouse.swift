/// The mouse: a click on a tab shows its pane, a click on a table row or a placement card
/// selects it, the wheel moves the selection. What is under the pointer comes from
/// `target(atX:y:)`, the geometry `render` draws with.
extension AppState {
    /// Rows one wheel notch moves the selection, as most terminals scroll.
    static let wheelRows = 3

    /// Applies a click or a wheel notch. Nothing happens while a dialog is open (it is answered
    /// with keys: nothing is confirmed by a stray click), while the help is shown, or on a
    /// screen too small to show anything; in the log view (and the changes, inspect and image layers views) the wheel scrolls it. A click ends a `/` or `:` line being typed (the filter
    /// stays, as after Enter; a command is dropped, as after Esc); the wheel leaves it open.
    mutating func handle(_ event: MouseEvent) {
        guard dialog == nil, !showsHelp, !layout.isTooSmall else { return }
        if logs != nil {  // the wheel scrolls the log view; a click does nothing there
            guard event.kind != .press else { return }
            for _ in 0..<Self.wheelRows { _ = performInLogs(event.kind == .wheelUp ? .moveUp : .moveDown) }
            return
        }
        if changes != nil {  // the same in the changes view
            guard event.kind != .press else { return }
            for _ in 0..<Self.wheelRows { _ = performInChanges(event.kind == .wheelUp ? .moveUp : .moveDown) }
            return
        }
        if inspect != nil {  // the same in the inspect view
            guard event.kind != .press else { return }
            for _ in 0..<Self.wheelRows { _ = performInInspect(event.kind == .wheelUp ? .moveUp : .moveDown) }
            return
        }
        if layers != nil {  // the same over the image layers view
            guard event.kind != .press else { return }
            for _ in 0..<Self.wheelRows { performInImageLayers(event.kind == .wheelUp ? .moveUp : .moveDown) }
            return
        }
        switch event.kind {
        case .wheelUp, .wheelDown:
            for _ in 0..<Self.wheelRows { move(event.kind == .wheelUp ? .moveUp : .moveDown) }
        case .press:
            prompt = nil
            switch target(atX: event.x, y: event.y) {
            case .tab(let target)?: show(target)
            case .row(let index)?: selectRow(index)
            case .card(let column, let row)?: selectCard(column: column, row: row)
            case .cardBeside(let taskID)?: selectTaskBeside(taskID)
            case .nodeMarker(let step, let beside)?: scrollNodes(by: step, beside: beside)
            case nil: break
            }
        }
    }

    /// Selects row `index` of the current table (the click made it visible: no scrolling).
    private mutating func selectRow(_ index: Int) {
        var sel = selection
        sel.row = index
        sel.id = table.rows[index].id
        selection = sel
        resolveSelection()
    }

    /// Selects card `row` of node column `column` in the placement pane.
    private mutating func selectCard(column: Int, row: Int) {
        var sel = selection
        (sel.column, sel.row) = (column, row)
        sel.id = .task(model.placement[column].cards[row].taskID)
        selection = sel
        resolveSelection()
    }

    /// A card beside a table: its task selected in the tasks pane (the whole pane when the
    /// current one does not list it), and with it the card.
    private mutating func selectTaskBeside(_ taskID: String) {
        let id = RowID.task(taskID)
        if pane != .tasks || table.index(of: id) == nil { show(.tasks) }
        selection.id = id
        resolveSelection()
    }

    /// A click on `◀` / `▶`: the node columns of the placement pane, or of the grid beside the
    /// table, scroll one column.
    private mutating func scrollNodes(by step: Int, beside: Bool) {
        let count = model.placement.count
        if beside, let rect = layout.placementBeside(pane) {
            selections[.placement] = PlacementGrid.scrolled(selections[.placement] ?? Selection(), by: step, count: count, in: rect)
        } else {
            selection = PlacementGrid.scrolled(selection, by: step, count: count, in: layout.content(of: .placement))
        }
        resolveSelection()
    }
}
