/// Draws the hint line from the keymap: `key hint` pairs for the current pane (or dialog),
/// as many whole ones as fit, and `…` when some are left out (help, `?`, lists them all).
enum HintBar {
    static func draw(_ hints: [KeyBinding], y: Int, width: Int, into buffer: inout CellBuffer) {
        let pairs = hints.compactMap { binding in binding.hint.map { (key: binding.label, hint: $0) } }
        let widths = pairs.map { DisplayText.width($0.key) + 1 + DisplayText.width($0.hint) }
        let fitsWhole = widths.reduce(0, +) + 2 * max(0, pairs.count - 1) <= width
        var x = 0
        for (pair, need) in zip(pairs, widths) {
            if x + need + (fitsWhole ? 0 : 1) > width {
                buffer.put("…", x: x, y: y, style: Style(.dim))
                return
            }
            x = buffer.put(pair.key, x: x, y: y, style: Style(.key, bold: true))
            x = buffer.put(" " + pair.hint, x: x, y: y, style: Style(.dim)) + 2
        }
    }
}
