/// Draws the hint line from the keymap: `key hint` pairs for the current pane (or dialog),
/// as many whole ones as fit.
enum HintBar {
    static func draw(_ hints: [KeyBinding], y: Int, width: Int, into buffer: inout CellBuffer) {
        var x = 0
        for binding in hints {
            guard let hint = binding.hint else { continue }
            let need = DisplayText.width(binding.label) + 1 + DisplayText.width(hint)
            if x + need > width { break }
            x = buffer.put(binding.label, x: x, y: y, style: Style(.key, bold: true))
            x = buffer.put(" " + hint, x: x, y: y, style: Style(.dim)) + 2
        }
    }
}
