/// Draws row 0: `swarmtop`, the pane tabs (`1 Nodes  2 Services …`, the current one
/// highlighted), then what the pane is narrowed to: the drill-down scope (`tasks of lab_web`)
/// and the `/` filter.
enum TabBar {
    static let title = "swarmtop"

    /// Where each tab goes on a row `width` columns wide: its pane, text and first column. The
    /// title comes first when everything (`trailer` too) fits; when the trailer (the scope, the
    /// filter) would not fit, the tabs of the other panes shrink to their digit (` 2 `), so what
    /// narrows the pane stays in sight. Shared by `draw` and the mouse hit test.
    static func tabs(current: Pane, trailer: String, width: Int) -> (showsTitle: Bool, tabs: [(pane: Pane, text: String, x: Int)]) {
        let full = Pane.allCases.map { " \($0.digit) \($0.title) " }
        let fullWidth = full.reduce(0) { $0 + DisplayText.width($1) }
        let compact = !trailer.isEmpty && fullWidth + DisplayText.width(trailer) > width
        let texts = compact ? Pane.allCases.map { $0 == current ? " \($0.digit) \($0.title) " : " \($0.digit) " } : full
        let tabsWidth = texts.reduce(0) { $0 + DisplayText.width($1) }
        let showsTitle = DisplayText.width(title) + 1 + tabsWidth + DisplayText.width(trailer) <= width
        var x = showsTitle ? DisplayText.width(title) + 1 : 0
        let tabs: [(pane: Pane, text: String, x: Int)] = zip(Pane.allCases, texts).map { pane, text in
            defer { x += DisplayText.width(text) }
            return (pane, text, x)
        }
        return (showsTitle, tabs)
    }

    /// The pane whose tab covers column `x`, if any.
    static func pane(atX x: Int, current: Pane, trailer: String, width: Int) -> Pane? {
        guard x < width else { return nil }
        return tabs(current: current, trailer: trailer, width: width).tabs.first { x >= $0.x && x < $0.x + DisplayText.width($0.text) }?.pane
    }

    static func draw(pane current: Pane, trailer: String, y: Int, width: Int, into buffer: inout CellBuffer) {
        let layout = tabs(current: current, trailer: trailer, width: width)
        if layout.showsTitle { buffer.put(title, x: 0, y: y, style: Style(.title, bold: true)) }
        var x = 0
        for tab in layout.tabs {
            x = buffer.put(tab.text, x: tab.x, y: y, style: tab.pane == current ? Style(.selected, bold: true) : .normal)
        }
        if x < width { buffer.put(DisplayText.truncate(trailer, to: width - x), x: x, y: y, style: Style(.title)) }
    }
}
