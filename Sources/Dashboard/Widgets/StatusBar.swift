/// Draws the last row: a replay's timeline, endpoint, API version, refresh time, read-only mode, and then the
/// transient message or the last errors. When they do not fit, the endpoint goes first. While
/// the manager does not answer, the refresh time reads `(stale)`, as a warning.
enum StatusBar {
    static func draw(_ state: AppState, y: Int, width: Int, into buffer: inout CellBuffer) {
        buffer.fill(x: 0, y: y, width: width, height: 1, style: Style(.statusBar))
        let freshness = state.snapshot == nil ? "" : state.model.freshness
        let mode = state.readOnly ? "read-only" : ""
        let note: (text: String, style: Style)? = if let status = state.status {
            (status.text, status.isError ? Style(.error, on: .statusBar) : Style(.statusBar, bold: true))
        } else {
            state.model.problems.map { ($0, Style(.error, on: .statusBar)) }
        }
        let timeline = state.replay?.timeline ?? ""
        var info = [timeline, state.endpoint, freshness, mode].filter { !$0.isEmpty }.joined(separator: "  ")
        if DisplayText.width(info) + (note.map { 2 + DisplayText.width($0.text) } ?? 0) > width {
            info = [timeline, freshness, mode].filter { !$0.isEmpty }.joined(separator: "  ")
        }
        var x = buffer.put(DisplayText.truncate(info, to: width), x: 0, y: y,
                           style: state.snapshot != nil && state.model.isStale ? Style(.warn, bold: true, on: .statusBar) : Style(.statusBar))
        guard let note else { return }
        if x > 0 { x += 2 }
        if x < width { buffer.put(DisplayText.truncate(note.text, to: width - x), x: x, y: y, style: note.style) }
    }
}
