/// Draws the line being typed on the hint row: `/web▏` or `:scale lab_web 3▏`, then (dim) the
/// command's completions, or its error, or which keys end the line.
enum PromptBar {
    static func draw(_ prompt: Prompt, y: Int, width: Int, into buffer: inout CellBuffer) {
        let line = String(prompt.leader) + prompt.text
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
            after = (prompt.kind == .filter ? "Enter keep  Esc clear" : "Tab complete  Enter run  Esc cancel", Style(.dim))
        }
        if x + 2 < width { buffer.put(DisplayText.truncate(after.0, to: width - x - 2), x: x + 2, y: y, style: after.1) }
    }
}
