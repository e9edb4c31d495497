/// Draws the open dialog: a centred box with the question (or the replica input, or the name
/// to type), what was dropped of the keys that came with the one that opened it, and the
/// answer keys from the keymap in its bottom border (only the way out while yes is refused).
enum DialogView {
    /// The widest a dialog gets.
    static let maxWidth = 64

    /// Draws `dialog` centred in `area`; its title names the docker `context` an action goes to, when there is one.
    static func draw(_ dialog: Dialog, opening: DialogOpening?, keymap: Keymap, context: String?, in area: Rect, into buffer: inout CellBuffer) {
        let inner = innerWidth(screenWidth: area.width)
        guard inner > 0 else { return }
        var (title, lines, typing) = content(dialog, opening: opening, inner: inner)
        let room = min(lines.count + 4, area.height) - 4
        if lines.count > room, room > 0 {
            // The answer keys wait for the whole question (`fitsWhole`): say so where it is cut.
            lines = lines.prefix(room - 1) + [("enlarge to read it all", Style(.error, on: .dialog))]
        }
        // While a name is typed, letters are text: only the answer keys that are not letters apply.
        // A dialog that refuses yes (changed, still reading) offers only the way out.
        let answers: [Command] = dialog.refusal == nil ? [.confirm, .cancel] : [.cancel]
        let footer = answers.compactMap(keymap.dialogBinding).map { binding in
            let keys = typing ? binding.keys.filter { if case .char = $0 { false } else { true } } : binding.keys
            return "\(keys.map(\.label).joined(separator: "/")) \(binding.hint ?? "")"
        }.joined(separator: "  ")
        let box = Box.centred(width: inner + 4, height: lines.count + 4, in: area)
        Box.draw(box, title: context.map { "\(title) · context \($0)" } ?? title, footer: footer, into: &buffer)
        for (i, line) in lines.prefix(max(0, box.height - 4)).enumerated() {
            buffer.put(DisplayText.truncate(line.text, to: inner), x: box.x + 2, y: box.y + 2 + i, style: line.style, maxWidth: inner)
        }
    }

    /// True when the whole dialog fits a `width` x `height` screen: a question is answered
    /// only when all of it can be read.
    static func fitsWhole(_ dialog: Dialog, opening: DialogOpening?, width: Int, height: Int) -> Bool {
        let inner = innerWidth(screenWidth: width)
        return inner > 0 && content(dialog, opening: opening, inner: inner).lines.count + 4 <= height
    }

    /// The columns of text inside a dialog on a screen this wide (the box, less border and margins).
    private static func innerWidth(screenWidth: Int) -> Int { min(maxWidth, screenWidth - 2) - 4 }

    /// The title and lines of a dialog wrapped to `inner` columns (the keys dropped with the one
    /// that opened it said last), and whether a name is typed in it.
    private static func content(_ dialog: Dialog, opening: DialogOpening?, inner: Int) -> (title: String, lines: [(text: String, style: Style)], typing: Bool) {
        var (title, lines, typing) = question(dialog, inner: inner)
        if let opening, opening.dropped > 0 {
            let n = opening.dropped
            lines.append(("", Style(.dialog)))
            lines += TextWrap.lines("\(n) \(n == 1 ? "key that came with \(opening.key.label) was" : "keys that came with \(opening.key.label) were")"
                                    + " dropped (a paste or type-ahead): answer with a key typed now.", width: inner)
                .map { ($0, Style(.error, on: .dialog)) }
        }
        return (title, lines, typing)
    }

    /// The title and lines of the question itself.
    private static func question(_ dialog: Dialog, inner: Int) -> (title: String, lines: [(text: String, style: Style)], typing: Bool) {
        switch dialog {
        case .confirm(let confirmation):
            return (confirmation.title, paragraphs(confirmation.message, width: inner) + refusal(dialog, width: inner), false)
        case .typeName(let typed):
            var lines = paragraphs(typed.confirmation.message, width: inner)
            lines.append(("", Style(.dialog)))
            lines.append(("> \(typed.text)▏", Style(.dialog)))
            if let error = typed.error { lines.append((error, Style(.error, on: .dialog))) }
            lines += refusal(dialog, width: inner)
            return (typed.confirmation.title, lines, true)
        case .replicas(let input):
            var lines = TextWrap.lines("Replicas for \(input.serviceName) (now \(input.current)):", width: inner)
                .map { ($0, Style(.dialog, bold: true)) }
            lines.append(("> \(input.text)▏", Style(.dialog)))
            lines.append((input.error ?? "digits type, Backspace erases", input.error == nil ? Style(.dim, on: .dialog) : Style(.error, on: .dialog)))
            lines += refusal(dialog, width: inner)
            return ("Scale service", lines, false)
        }
    }

    /// Why yes is refused now (`Dialog.refusal`) after a blank line, wrapped to `width`; none when it is not.
    private static func refusal(_ dialog: Dialog, width: Int) -> [(text: String, style: Style)] {
        guard let refusal = dialog.refusal else { return [] }
        return [("", Style(.dialog))] + TextWrap.lines(refusal, width: width).map { ($0, Style(.error, on: .dialog)) }
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
