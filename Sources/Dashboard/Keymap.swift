import SwarmState

/// What a key does: the reducer's vocabulary for key presses.
public enum Command: Sendable, Hashable {
    /// Leave swarmtop; show or hide the help overlay.
    case quit, toggleHelp
    /// Switch panes (forgets the drill-down path).
    case nextPane, previousPane, showPane(Pane)
    /// Move the selection; left and right move between placement columns.
    case moveUp, moveDown, pageUp, pageDown, moveTop, moveBottom, moveLeft, moveRight
    /// Enter a scoped view of the selection; return from it.
    case drillDown, back
    /// Actions on the swarm, each through a confirmation dialog.
    case scaleUp, scaleDown, setReplicas, undoScale, stopContainer, restartContainer, removeStack, stopOrStartStack
    /// Roll the selected service back; redeploy its tasks.
    case rollback, forceUpdate
    /// Set the selected node's availability.
    case setAvailability(NodeAvailability)
    /// Measure the selected container's writable layer now.
    case refreshSize
    /// Open the selected service's, task's or container's log; close the log view.
    case openLogs, closeLogs
    /// In the log view: type a search, go to the next or previous match, show timestamps, wrap lines.
    case searchLogs, nextMatch, previousMatch, toggleTimestamps, toggleWrap
    /// Answers in a dialog.
    case confirm, cancel
}

/// Where a binding applies.
public enum KeyScope: Sendable, Hashable {
    /// Everywhere, dialogs included.
    case always
    /// Every pane.
    case global
    /// Only these panes.
    case panes(Set<Pane>)
    /// While a dialog is open (dialogs take no other key).
    case dialog
    /// In the log view, over any pane; a log key wins over a global binding of the same key.
    case logs
}

/// One row of the keymap: keys, what they do, where, and whether they act on the swarm.
public struct KeyBinding: Sendable, Hashable {
    /// The keys, the first one named first in help and hints.
    public let keys: [KeyEvent]
    /// What the help overlay says, e.g. `scale up by one`.
    public let description: String
    /// The hint bar's word for it, nil to leave it out of the hint bar.
    public let hint: String?
    /// Where it applies.
    public let scope: KeyScope
    /// True for actions on the swarm: they ask for confirmation and are off in read-only mode.
    public let dangerous: Bool
    /// What it does.
    public let command: Command

    init(_ keys: [KeyEvent], _ description: String, hint: String? = nil, scope: KeyScope = .global,
         dangerous: Bool = false, _ command: Command) {
        self.keys = keys
        self.description = description
        self.hint = hint
        self.scope = scope
        self.dangerous = dangerous
        self.command = command
    }

    /// The keys as help shows them, e.g. `j/↓`.
    public var label: String { keys.map(\.label).joined(separator: "/") }

    /// True when the binding applies in `pane`, or in a dialog when `inDialog`, or in the log
    /// view when `inLogs` (there, global bindings but actions on the swarm).
    public func applies(in pane: Pane, inDialog: Bool, inLogs: Bool = false) -> Bool {
        switch scope {
        case .always: true
        case .global: !inDialog && !(inLogs && dangerous)
        case .panes(let panes): !inDialog && !inLogs && panes.contains(pane)
        case .dialog: inDialog
        case .logs: inLogs && !inDialog
        }
    }
}

/// The one keymap (k9s style): it drives key dispatch, the help overlay and the hint bar.
/// `s`, `/` (outside the log view) and `:` are left free for later work.
public enum Keymap {
    /// Every binding, in the order help lists them.
    public static let bindings: [KeyBinding] = [
        KeyBinding([.char("q")], "quit", hint: "quit", .quit),
        KeyBinding([.ctrl("c")], "quit from anywhere", scope: .always, .quit),
        KeyBinding([.char("?")], "show or hide this help", hint: "help", .toggleHelp),
        KeyBinding([.tab], "next pane", .nextPane),
        KeyBinding([.backTab], "previous pane", .previousPane),
    ] + Pane.allCases.map { KeyBinding([.char($0.digit)], "\($0.title) pane", .showPane($0)) } + [
        KeyBinding([.char("j"), .down], "move down", .moveDown),
        KeyBinding([.char("k"), .up], "move up", .moveUp),
        KeyBinding([.pageDown], "page down", .pageDown),
        KeyBinding([.pageUp], "page up", .pageUp),
        KeyBinding([.char("g"), .home], "first row", .moveTop),
        KeyBinding([.char("G"), .end], "last row", .moveBottom),
        KeyBinding([.left], "node on the left (placement)", hint: "prev node", scope: .panes([.placement]), .moveLeft),
        KeyBinding([.right], "node on the right (placement)", hint: "next node", scope: .panes([.placement]), .moveRight),
        KeyBinding([.enter], "open the node, service or stack", hint: "open", scope: .panes([.nodes, .services]), .drillDown),
        KeyBinding([.escape], "go back; close help", hint: "back", .back),
        KeyBinding([.char("+")], "scale up by one", hint: "scale up", scope: .panes([.services]), dangerous: true, .scaleUp),
        KeyBinding([.char("-")], "scale down by one", hint: "scale down", scope: .panes([.services]), dangerous: true, .scaleDown),
        KeyBinding([.char("=")], "type a replica count", hint: "replicas", scope: .panes([.services]), dangerous: true, .setReplicas),
        KeyBinding([.char("u")], "undo the last scale", dangerous: true, .undoScale),
        KeyBinding([.char("B")], "roll the service back to its previous spec", scope: .panes([.services]), dangerous: true, .rollback),
        KeyBinding([.char("F")], "force update: redeploy every task", scope: .panes([.services]), dangerous: true, .forceUpdate),
        KeyBinding([.char("D")], "remove the stack (type its name)", hint: "remove stack", scope: .panes([.services]), dangerous: true, .removeStack),
        KeyBinding([.char("X")], "stop the stack (scale to 0), or start it again", hint: "stop/start stack", scope: .panes([.services]), dangerous: true, .stopOrStartStack),
        KeyBinding([.char("r")], "measure the container's size now", hint: "size", scope: .panes([.containers]), .refreshSize),
        KeyBinding([.char("x")], "stop the container", hint: "stop", scope: .panes([.tasks, .containers]), dangerous: true, .stopContainer),
        KeyBinding([.char("R")], "restart the container", hint: "restart", scope: .panes([.containers]), dangerous: true, .restartContainer),
        KeyBinding([.char("l")], "logs of the service, task or container", hint: "logs",
                   scope: .panes([.services, .tasks, .containers, .placement]), .openLogs),
        KeyBinding([.char("/")], "log view: search (type, Enter)", hint: "search", scope: .logs, .searchLogs),
        KeyBinding([.char("n")], "log view: next match", hint: "next", scope: .logs, .nextMatch),
        KeyBinding([.char("N")], "log view: previous match", scope: .logs, .previousMatch),
        KeyBinding([.char("t")], "log view: show or hide timestamps", hint: "timestamps", scope: .logs, .toggleTimestamps),
        KeyBinding([.char("w")], "log view: wrap long lines, or cut them", hint: "wrap", scope: .logs, .toggleWrap),
        KeyBinding([.char("q"), .escape], "log view: close it (stops the stream)", hint: "close", scope: .logs, .closeLogs),
    ] + NodeAvailability.allCases.map {
        KeyBinding([.char(Character(String($0.rawValue.prefix(1))))], Self.availabilityWords[$0] ?? $0.rawValue, hint: $0.rawValue,
                   scope: .panes([.nodes]), dangerous: true, .setAvailability($0))
    } + [
        KeyBinding([.char("y"), .enter], "confirm (dialog)", hint: "confirm", scope: .dialog, .confirm),
        KeyBinding([.char("n"), .escape], "cancel (dialog)", hint: "cancel", scope: .dialog, .cancel),
    ]

    /// What each availability key does, for help.
    private static let availabilityWords: [NodeAvailability: String] = [
        .active: "make the node active", .pause: "pause the node (no new tasks)", .drain: "drain the node (move its tasks)",
    ]

    /// The binding `key` triggers in `pane` (or in a dialog when `inDialog`, in the log view
    /// when `inLogs`), if any; a log view binding first.
    public static func binding(for key: KeyEvent, pane: Pane, inDialog: Bool, inLogs: Bool = false) -> KeyBinding? {
        let matching = bindings.filter { $0.keys.contains(key) && $0.applies(in: pane, inDialog: inDialog, inLogs: inLogs) }
        return matching.first { $0.scope == .logs } ?? matching.first
    }

    /// The bindings the hint bar shows, in keymap order: those with a hint that apply here,
    /// without `back` when there is nowhere to go back to, and without actions in read-only mode.
    /// In the log view, global bindings whose keys a log binding takes are left out.
    public static func hints(pane: Pane, inDialog: Bool, canGoBack: Bool, readOnly: Bool, inLogs: Bool = false) -> [KeyBinding] {
        bindings.filter { b in
            b.hint != nil && b.applies(in: pane, inDialog: inDialog, inLogs: inLogs)
                && (b.command != .back || canGoBack) && !(readOnly && b.dangerous)
                && b.keys.contains { binding(for: $0, pane: pane, inDialog: inDialog, inLogs: inLogs) == b }
        }
    }

    /// The bindings help lists: in the log view, the keys that work there; elsewhere every
    /// binding but the log view's.
    public static func help(inLogs: Bool) -> [KeyBinding] {
        guard inLogs else { return bindings.filter { $0.scope != .logs } }
        return bindings.filter { b in b.keys.contains { binding(for: $0, pane: .nodes, inDialog: false, inLogs: true) == b } }
    }

    /// The first binding of a command that applies in a dialog, for the dialog's own hints.
    static func dialogBinding(_ command: Command) -> KeyBinding? {
        bindings.first { $0.command == command && $0.scope == .dialog }
    }
}
