/// Which lines the log view shows in a window of `rows` rows and `width` columns, shared by the
/// reducer (scrolling, following) and the view (drawing).
extension LogView {
    /// Rows line `number` takes: 1 unless wrapping.
    func rowCount(_ number: Int, width: Int) -> Int {
        guard wraps, let line = line(number) else { return 1 }
        return TextWrap.rows(DisplayText.graphemes(line.shown(timestamps: showsTimestamps)), width: width).count
    }

    /// The top line's number when the newest line ends on the bottom row: where following shows,
    /// and the furthest scrolling down reaches.
    func bottomTop(rows: Int, width: Int) -> Int {
        var first = total, used = 0
        while first > dropped {
            let next = rowCount(first - 1, width: width)
            if used + next > rows, used > 0 { break }
            used += next
            first -= 1
        }
        return first
    }

    /// The number of the top line shown.
    func topShown(rows: Int, width: Int) -> Int {
        top ?? bottomTop(rows: rows, width: width)
    }

    /// True when line `number` is on screen.
    func isShown(_ number: Int, rows: Int, width: Int) -> Bool {
        let first = topShown(rows: rows, width: width)
        var used = 0, n = first
        while n < total, used < rows {
            if n == number { return true }
            used += rowCount(n, width: width)
            n += 1
        }
        return false
    }
}
