/// Draws the line being typed on the hint row: `/web▏`, `:scale lab_web 3▏` or
/// `exec in lab_web.1.x on node2: sh▏`, then (dim) the command's completions, or its error, or
/// which keys end the line.
enum PromptBar {
    static func draw(_ prompt: Prompt, y: Int, width: Int, into buffer: inout CellBuffer) {
        let line = prompt.leader + prompt.text
        // The end of a long line stays visible: that is where the typing happens.
        let room = max(0, width - 1)
        let shown = DisplayText.width(line) <= room ? line : "…" + DisplayText.suffix(line, columns: room - 1)
        var x = buffer.put(shown, x: 0, y: y, style: Style(.key, bold: true), maxWidth: room)
        x = buffer.put(" ", x: x, y: y, style: Style(.selected))
        let after: (String, Style)
        if let error = prompt.error {
            after = (error, Style(.error))
        } else if !prompt.candidates.isEmpty {
            after = (prompt.candidates.joined(separator: " "), Style(.dim))
        } else {
            after = switch prompt.kind {
            case .filter: ("Enter keep  Esc clear", Style(.dim))
            case .command: ("Tab complete  Enter run  Esc cancel", Style(.dim))
            case .exec: ("Enter run  Esc cancel", Style(.dim))
            }
        }
        if x + 2 < width { buffer.put(DisplayText.truncate(after.0, to: width - x - 2), x: x + 2, y: y, style: after.1) }
    }

    /// A view's `/` text being typed, on the hint row: `/text▏  Enter search  Esc cancel`
    /// (`action`: what Enter does, e.g. `search` in the log view, `filter` in the changes view).
    static func drawSlash(_ typing: String, action: String, y: Int, width: Int, into buffer: inout CellBuffer) {
        var x = buffer.put("/" + typing, x: 0, y: y, style: Style(.normal, bold: true), maxWidth: width)
        x = buffer.put("▏", x: x, y: y, style: Style(.key), maxWidth: max(0, width - x)) + 2
        for (key, word) in [("Enter", action), ("Esc", "cancel")] where x < width {
            x = buffer.put(key, x: x, y: y, style: Style(.key, bold: true), maxWidth: width - x)
            x = buffer.put(" " + word, x: x, y: y, style: Style(.dim), maxWidth: max(0, width - x)) + 2
        }
    }
}
