/// Keys that arrive together: the keys of the read that opened a dialog never answer it.
extension AppState {
    /// Applies the keys of one read in order (`Action.keys`; `read` nil for a key on its own).
    /// Once a key opens a dialog, the rest of its read is dropped and counted, for the dialog
    /// to say: a paste without brackets or type-ahead (`docker ps⏎` holds `d`, drain, and
    /// Enter, yes) opens a dialog at most, and never answers it.
    mutating func handle(_ keys: [KeyEvent], read: Int?) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            if dialog != nil, let read, opening?.read == read {
                opening?.dropped += 1
                continue
            }
            let before = dialog
            effects += handle(key)
            if Self.opens(dialog, over: before) {
                opening = DialogOpening(key: key, read: read)
            } else if dialog == nil {
                opening = nil
            }
        }
        return effects
    }

    /// True when `after` is a dialog that was not open before: none was, or the replica input
    /// turned into its confirmation.
    private static func opens(_ after: Dialog?, over before: Dialog?) -> Bool {
        switch (before, after) {
        case (_, nil), (.confirm?, .confirm?), (.replicas?, .replicas?), (.typeName?, .typeName?): false
        default: true
        }
    }
}
