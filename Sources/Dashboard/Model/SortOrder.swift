/// How `s` / `S` order a table pane: by one of its columns, ascending or descending.
public struct SortOrder: Sendable, Hashable {
    /// The column's index in the pane's columns (0 is the first, e.g. `NAME`).
    public var column: Int
    /// True for the largest, newest or last in the alphabet first.
    public var descending: Bool

    /// An order by `column`.
    public init(column: Int, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// What the header shows after the sorted column's title: `↑` ascending, `↓` descending.
    var arrow: String { descending ? "↓" : "↑" }
}
