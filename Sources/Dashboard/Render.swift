import Foundation

/// Draws `state` into a fresh buffer (bubbletea's View): pure, and cheap because only the
/// visible rows are turned into cells.
/// - Parameters:
///   - state: the UI state.
///   - width: the terminal's columns (0 or more).
///   - height: the terminal's rows (0 or more).
///   - now: the clock for ages such as `Running 5 minutes ago` (a replay uses the recorded moment instead).
/// - Returns: the screen as cells with semantic `Style`s; a `Theme` maps them to colours.
public func render(_ state: AppState, width: Int, height: Int, now: Date) -> CellBuffer {
    let now = state.replay?.now ?? now  // a replay shows the recorded moment
    var buffer = CellBuffer(width: width, height: height)
    let layout = Layout(width: buffer.width, height: buffer.height)
    guard !layout.isTooSmall else {
        buffer.put("terminal too small", x: 0, y: 0, style: Style(.warn))
        buffer.put("at least \(Layout.minimumWidth)x\(Layout.minimumHeight)", x: 0, y: 1, style: Style(.dim))
        return buffer
    }
    TabBar.draw(pane: state.pane, trailer: state.tabBarTrailer, y: layout.tabBarRow, width: layout.width, into: &buffer)
    let pane = layout.content(of: state.pane)
    if let inspect = state.inspect {
        InspectDetailsView.draw(inspect, in: layout.pane, into: &buffer)
    } else if let changes = state.changes {
        ContainerChangesView.draw(changes, in: layout.pane, into: &buffer)
    } else if let logs = state.logs {
        LogsView.draw(logs, in: layout.pane, into: &buffer)
    } else if let layers = state.layers {
        LayersView.draw(layers, snapshot: state.snapshot, now: now, in: layout.pane, into: &buffer)
    } else if state.snapshot == nil {
        buffer.put("connecting to \(state.endpoint)…", x: pane.x, y: pane.y + 1, style: Style(.dim), maxWidth: pane.width)
    } else if state.pane == .placement, state.compactPlacement {
        PlacementRows.draw(state.model.placement, selection: state.selection, now: now, in: pane, into: &buffer)
    } else if state.pane == .placement {
        PlacementGrid.draw(state.model.placement, selection: state.selection, in: pane, into: &buffer)
    } else {
        if state.pane == .disk, let snapshot = state.snapshot { DiskView.drawSummary(snapshot, in: layout.pane, into: &buffer) }
        let empty = state.table.building ? "building the rows…" : "no " + (state.scope?.label ?? state.pane.title.lowercased())
        TableWidget.draw(state.table, selection: state.selection, emptyText: empty, in: pane, now: now, into: &buffer)
        if let beside = layout.placementBeside(state.pane), state.compactPlacement {
            PlacementRows.drawBeside(state.model.placement, selection: state.placementBesideSelection, now: now, in: beside, into: &buffer)
        } else if let beside = layout.placementBeside(state.pane) {
            PlacementGrid.drawBeside(state.model.placement, selection: state.placementBesideSelection, in: beside, into: &buffer)
        }
    }
    // While a name is typed, letters are text: the dialog's own footer says which keys answer.
    let typing = if case .typeName? = state.dialog { true } else { false }
    if let typing = state.changes?.typing {
        PromptBar.drawSlash(typing, action: "filter", y: layout.hintRow, width: layout.width, into: &buffer)
    } else if let search = state.logs?.search.typing ?? state.inspect?.search.typing {
        PromptBar.drawSlash(search, action: "search", y: layout.hintRow, width: layout.width, into: &buffer)
    } else if let prompt = state.prompt, state.dialog == nil {
        PromptBar.draw(prompt, y: layout.hintRow, width: layout.width, into: &buffer)
    } else {
        let canGoBack = !state.drillDown.isEmpty || state.filters[state.pane] != nil
        var hints = typing ? [] : state.keymap.hints(pane: state.pane, inDialog: state.dialog != nil, canGoBack: canGoBack || state.layers != nil,
                                                     readOnly: state.readOnly || state.replay != nil, inLogs: state.logs != nil, inChanges: state.changes != nil,
                                                     inInspect: state.inspect != nil)
        // Over the image layers view only leaving it and help act.
        if state.layers != nil, state.dialog == nil { hints = hints.filter { [Command.back, .quit, .toggleHelp].contains($0.command) } }
        // In the compact grid ←/→ move along a node's tasks, not between nodes: their words would mislead.
        if state.pane == .placement, state.compactPlacement { hints = hints.filter { $0.command != .moveLeft && $0.command != .moveRight } }
        HintBar.draw(hints, y: layout.hintRow, width: layout.width, into: &buffer)
    }
    StatusBar.draw(state, y: layout.statusRow, width: layout.width, into: &buffer)
    let screen = Rect(x: 0, y: 0, width: layout.width, height: layout.height)
    if state.showsHelp {
        let overView = state.logs != nil || state.changes != nil || state.inspect != nil
        HelpOverlay.draw(state.keymap.help(pane: state.pane, inLogs: state.logs != nil, inChanges: state.changes != nil, inInspect: state.inspect != nil),
                         title: state.inspect != nil ? "Keys: inspect view" : state.changes != nil ? "Keys: changes view"
                             : state.logs != nil ? "Keys: log view" : "Keys: \(state.pane.title)",
                         readOnly: state.readOnly,
                         actionLog: state.actionLog, note: state.pane == .nodes && !overView ? NodesView.engineHelp : [],
                         in: screen, into: &buffer)
    }
    if let dialog = state.dialog { DialogView.draw(dialog, opening: state.opening, keymap: state.keymap, context: state.context, in: screen, into: &buffer) }
    return buffer
}

extension AppState {
    /// What the tab bar says after the tabs: `compact` in the compact placement grid, the
    /// drill-down scope (`  tasks of lab_web`), the filter (`  /web  3 of 17`, with `(plain text)`
    /// when what was typed is not a regular expression) and the quiet rows (`  12 ended hidden ·
    /// a shows all`); empty for a whole, unfiltered pane without quiet rows.
    var tabBarTrailer: String {
        var parts = context.map { ["context \($0)"] } ?? []
        if pane == .placement, compactPlacement { parts.append("compact") }
        if let scope { parts.append(scope.label) }
        if let text = filters[pane], let filter = RowFilter(text) {
            let shown = table.rows.count(where: { !$0.isHeading })
            let total = table.unfilteredCount.map { " of \($0)" } ?? ""
            parts.append("/\(text)  \(shown)\(total)" + (filter.isPlainText ? " (plain text)" : ""))
        }
        if table.quietCount > 0, let key = keymap.bindings.first(where: { $0.command == .toggleQuietRows })?.keys.first?.label {
            let quiet = "\(table.quietCount) \(PaneTable.quietWord(pane))"
            parts.append(showsQuietRows ? "\(quiet) shown · \(key) hides them" : "\(quiet) hidden · \(key) shows all")
        }
        return parts.map { "  " + $0 }.joined()
    }
}
