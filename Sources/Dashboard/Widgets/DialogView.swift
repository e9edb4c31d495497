/// Draws the open dialog: a centred box with the question (or the replica input, or the name
/// to type), and the answer keys from the keymap in its bottom border.
enum DialogView {
    /// The widest a dialog gets.
    static let maxWidth = 64

    static func draw(_ dialog: Dialog, keymap: Keymap, in area: Rect, into buffer: inout CellBuffer) {
        let width = min(maxWidth, area.width - 2)
        let inner = width - 4
        guard inner > 0 else { return }
        let title: String
        var lines: [(text: String, style: Style)] = []
        var typing = false
        switch dialog {
        case .confirm(let confirmation):
            title = confirmation.title
            lines = paragraphs(confirmation.message, width: inner)
        case .typeName(let typed):
            title = typed.confirmation.title
            typing = true
            lines = paragraphs(typed.confirmation.message, width: inner)
            lines.append(("", Style(.dialog)))
            lines.append(("> \(typed.text)▏", Style(.dialog)))
            if let error = typed.error { lines.append((error, Style(.error, on: .dialog))) }
        case .replicas(let input):
            title = "Scale service"
            lines += TextWrap.lines("Replicas for \(input.serviceName) (now \(input.current)):", width: inner).map { ($0, Style(.dialog, bold: true)) }
            lines.append(("> \(input.text)▏", Style(.dialog)))
            lines.append((input.error ?? "digits type, Backspace erases", input.error == nil ? Style(.dim, on: .dialog) : Style(.error, on: .dialog)))
        }
        // While a name is typed, letters are text: only the answer keys that are not letters apply.
        let footer = [Command.confirm, .cancel].compactMap(keymap.dialogBinding).map { binding in
            let keys = typing ? binding.keys.filter { if case .char = $0 { false } else { true } } : binding.keys
            return "\(keys.map(\.label).joined(separator: "/")) \(binding.hint ?? "")"
        }.joined(separator: "  ")
        let box = Box.centred(width: width, height: lines.count + 4, in: area)
        Box.draw(box, title: title, footer: footer, into: &buffer)
        for (i, line) in lines.prefix(max(0, box.height - 4)).enumerated() {
            buffer.put(DisplayText.truncate(line.text, to: inner), x: box.x + 2, y: box.y + 2 + i, style: line.style, maxWidth: inner)
        }
    }

    /// The message's paragraphs wrapped to `width`, a blank line between them, the question bold.
    private static func paragraphs(_ message: [String], width: Int) -> [(text: String, style: Style)] {
        var lines: [(text: String, style: Style)] = []
        for (i, paragraph) in message.enumerated() {
            if i > 0 { lines.append(("", Style(.dialog))) }
            let style = i == 0 ? Style(.dialog, bold: true) : Style(.dialog)
            lines += TextWrap.lines(paragraph, width: width).map { ($0, style) }
        }
        return lines
    }
}
