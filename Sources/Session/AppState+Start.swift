import Dashboard
import Settings

extension AppState {
    /// The dashboard before its first snapshot, as the configuration sets it: on its pane
    /// (`pane`, set as a pane: with `[keys]` its digit may mean something else), with its keys,
    /// read-only or not, and the manager, themes and contexts the status line and `:` offer.
    /// - Parameters:
    ///   - config: the effective settings (`pane`, `readOnly`).
    ///   - keymap: `EffectiveSettings.keymap(config)`.
    ///   - manager: the manager's endpoint and where it came from.
    ///   - actionLog: the action log's path, for help.
    ///   - themeNames: the themes `:theme` offers.
    ///   - contextNames: the contexts `:context` offers.
    public static func starting(_ config: Configuration, keymap: Keymap, manager: ManagerEndpoint, actionLog: String?,
                                themeNames: [String], contextNames: [String]) -> AppState {
        AppState(endpoint: manager.status, readOnly: config.readOnly.value, actionLog: actionLog, themeNames: themeNames,
                 context: manager.origin.contextName, contextNames: contextNames, pane: config.pane.value, keymap: keymap)
    }
}
