/// A bordered box over the panes (dialogs, help): cleared inside, title in the top border,
/// an optional footer in the bottom border.
enum Box {
    /// Draws the frame of `rect` and blanks its inside.
    static func draw(_ rect: Rect, title: String, footer: String? = nil, into buffer: inout CellBuffer) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        buffer.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: Style(.dialog))
        let border = Style(.border, on: .dialog)
        let bottom = rect.y + rect.height - 1, right = rect.x + rect.width - 1
        let line = String(repeating: "─", count: rect.width - 2)
        buffer.put("┌" + line + "┐", x: rect.x, y: rect.y, style: border)
        buffer.put("└" + line + "┘", x: rect.x, y: bottom, style: border)
        for y in rect.y + 1..<bottom {
            buffer.put("│", x: rect.x, y: y, style: border)
            buffer.put("│", x: right, y: y, style: border)
        }
        let room = rect.width - 4
        buffer.put(DisplayText.truncate(" \(title) ", to: room), x: rect.x + 2, y: rect.y, style: Style(.title, bold: true, on: .dialog), maxWidth: room)
        if let footer {
            buffer.put(DisplayText.truncate(" \(footer) ", to: room), x: rect.x + 2, y: bottom, style: Style(.dim, on: .dialog), maxWidth: room)
        }
    }

    /// A `width` x `height` rectangle centred in `area`, shrunk to fit it.
    static func centred(width: Int, height: Int, in area: Rect) -> Rect {
        let w = min(width, area.width), h = min(height, area.height)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }
}
