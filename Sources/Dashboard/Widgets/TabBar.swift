/// Draws row 0: `swarmtop`, the pane tabs (`1 Nodes  2 Services …`, the current one
/// highlighted), the drill-down scope, e.g. `tasks of lab_web`, and the `/` filter.
enum TabBar {
    static let title = "swarmtop"

    static func draw(pane current: Pane, scope: Scope?, filter: String?, y: Int, width: Int, into buffer: inout CellBuffer) {
        let tabs = Pane.allCases.map { " \($0.digit) \($0.title) " }
        let tabsWidth = tabs.reduce(0) { $0 + DisplayText.width($1) }
        let scopeText = [scope?.label, filter].compactMap { $0.map { "  " + $0 } }.joined()
        let showTitle = DisplayText.width(title) + 1 + tabsWidth + DisplayText.width(scopeText) <= width
        var x = 0
        if showTitle { x = buffer.put(title, x: x, y: y, style: Style(.title, bold: true)) + 1 }
        for (pane, tab) in zip(Pane.allCases, tabs) {
            x = buffer.put(tab, x: x, y: y, style: pane == current ? Style(.selected, bold: true) : .normal)
        }
        if x < width { buffer.put(DisplayText.truncate(scopeText, to: width - x), x: x, y: y, style: Style(.title)) }
    }
}
