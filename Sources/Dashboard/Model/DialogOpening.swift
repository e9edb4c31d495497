/// How the open dialog was opened: the key, its read, and the keys of that read dropped after
/// it (`Action.keys`): a dialog is answered only by keys typed after it was drawn.
public struct DialogOpening: Sendable, Hashable {
    /// The key that opened it, e.g. `d`.
    public var key: KeyEvent
    /// The number of the read that held that key; nil for a key on its own (`Action.key`).
    var read: Int?
    /// The keys that came after it in that read (a paste without brackets, type-ahead), dropped unread.
    public var dropped = 0
}
