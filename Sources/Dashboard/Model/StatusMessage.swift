import Foundation

/// A transient line in the status bar: an action's progress or result, or a refusal.
public struct StatusMessage: Sendable, Hashable {
    /// What it says, e.g. `scaling lab_web to 6…`.
    public var text: String
    /// Shown in the error style.
    public var isError: Bool
    /// True while the effect it announces runs: it stays until `.effectFinished` replaces it.
    public var isPending: Bool
    /// The first tick that saw it; it disappears `lifetime` later.
    var shownAt: Date?

    /// A message not yet seen by a tick.
    public init(_ text: String, isError: Bool = false, isPending: Bool = false) {
        self.text = text
        self.isError = isError
        self.isPending = isPending
    }

    /// How long a finished message stays: errors longer than news.
    var lifetime: TimeInterval { isError ? 10 : 5 }
}
