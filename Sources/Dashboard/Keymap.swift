import SwarmState

/// What a key does: the reducer's vocabulary for key presses.
public enum Command: Sendable, Hashable {
    /// Leave swarmtop; show or hide the help overlay.
    case quit, toggleHelp
    /// Switch panes (forgets the drill-down path).
    case nextPane, previousPane, showPane(Pane)
    /// Move the selection; left and right move between placement columns.
    case moveUp, moveDown, pageUp, pageDown, moveTop, moveBottom, moveLeft, moveRight
    /// Draw the placement grid as a row per node with a cell per task, or as columns again.
    case toggleCompactGrid
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
    /// `/` filters the pane; `:` opens the command line.
    case filter, commandLine
    /// Show the quiet rows (tasks that ended long ago, exited containers), or hide them again.
    case toggleQuietRows
    /// Sort by the next column; reverse the order.
    case sortByNextColumn, reverseSort
    /// Open the selected service's, task's or container's log; close the log view.
    case openLogs, closeLogs
    /// Run a command (a shell) in the selected container or task's container, in the full terminal.
    case exec
    /// Open the layers of the image the selected container or task runs (Esc closes them).
    case openImageLayers
    /// In the log view: type a search, go to the next or previous match, show timestamps, wrap lines
    /// (the first three in the inspect view too).
    case searchLogs, nextMatch, previousMatch, toggleTimestamps, toggleWrap
    /// Inspect the selected node, service, task or container; in that view, show the raw JSON or
    /// the sections, show or hide secret-looking values; close it.
    case openInspect, toggleInspectJSON, revealSecrets, closeInspect
    /// Open what the selected container changed against its image; in that view, filter its paths; close it.
    case openChanges, filterChanges, measureChanges, closeChanges
    /// Answers in a dialog.
    case confirm, cancel
    /// In a replay (`swarmtop replay FILE`): pause, step, seek, speed.
    case replay(ReplayControl)
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
    /// In the changes view (`d`), over any pane; its keys win over global ones, as the log view's.
    case changes
    /// In the inspect view (`i`), over any pane; its keys win over global ones, as the log view's.
    case inspect
}

/// One row of the keymap: keys, what they do, where, and whether they act on the swarm.
public struct KeyBinding: Sendable, Hashable {
    /// Its name in the config file's `[keys]` table, e.g. `scale_up`.
    public let name: String
    /// The keys, the first one named first in help and hints.
    public internal(set) var keys: [KeyEvent]
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

    init(_ name: String, _ keys: [KeyEvent], _ description: String, hint: String? = nil, scope: KeyScope = .global,
         dangerous: Bool = false, _ command: Command) {
        self.name = name
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
    /// view when `inLogs`, or in the changes view when `inChanges`, or in the inspect view when
    /// `inInspect` (in those three, global bindings but actions on the swarm).
    public func applies(in pane: Pane, inDialog: Bool, inLogs: Bool = false, inChanges: Bool = false, inInspect: Bool = false) -> Bool {
        let inView = inLogs || inChanges || inInspect
        switch scope {
        case .always: return true
        case .global: return !inDialog && !(inView && dangerous)
        case .panes(let panes): return !inDialog && !inView && panes.contains(pane)
        case .dialog: return inDialog
        case .logs: return inLogs && !inDialog
        case .changes: return inChanges && !inDialog
        case .inspect: return inInspect && !inDialog
        }
    }
}

/// The keymap (k9s style): one table drives key dispatch, the help overlay and the hint bar.
/// `standard` is the built-in one; the config file's `[keys]` table overrides its keys.
public struct Keymap: Sendable {
    /// Every binding, in the order help lists them.
    public private(set) var bindings: [KeyBinding]

    /// The built-in keys: vim keys and arrows, k9s-like letters.
    public static let standard = Keymap(bindings: [
        KeyBinding("quit", [.char("q")], "quit", hint: "quit", .quit),
        KeyBinding("quit_anywhere", [.ctrl("c")], "quit from anywhere", scope: .always, .quit),
        KeyBinding("help", [.char("?")], "show or hide this help", hint: "help", .toggleHelp),
        KeyBinding("next_pane", [.tab], "next pane", .nextPane),
        KeyBinding("previous_pane", [.backTab], "previous pane", .previousPane),
    ] + Pane.allCases.map { KeyBinding("\($0.title.lowercased())_pane", [.char($0.digit)], "\($0.title) pane", .showPane($0)) } + [
        KeyBinding("down", [.char("j"), .down], "move down", .moveDown),
        KeyBinding("up", [.char("k"), .up], "move up", .moveUp),
        KeyBinding("page_down", [.pageDown], "page down", .pageDown),
        KeyBinding("page_up", [.pageUp], "page up", .pageUp),
        KeyBinding("top", [.char("g"), .home], "first row", .moveTop),
        KeyBinding("bottom", [.char("G"), .end], "last row", .moveBottom),
        KeyBinding("left", [.left], "node on the left (placement)", hint: "prev node", scope: .panes([.placement]), .moveLeft),
        KeyBinding("right", [.right], "node on the right (placement)", hint: "next node", scope: .panes([.placement]), .moveRight),
        KeyBinding("compact_grid", [.char("z")], "compact grid: a row per node, a cell per task (←/→ along it), or columns",
                   hint: "compact", scope: .panes([.placement]), .toggleCompactGrid),
        KeyBinding("open", [.enter], "open node, service, stack, image", hint: "open", scope: .panes([.nodes, .services, .disk]), .drillDown),
        KeyBinding("back", [.escape], "back (or clear a table's filter)", hint: "back", .back),
        KeyBinding("scale_up", [.char("+")], "scale up by one", hint: "scale up", scope: .panes([.services]), dangerous: true, .scaleUp),
        KeyBinding("scale_down", [.char("-")], "scale down by one", hint: "scale down", scope: .panes([.services]), dangerous: true, .scaleDown),
        KeyBinding("replicas", [.char("=")], "type a replica count", hint: "replicas", scope: .panes([.services]), dangerous: true, .setReplicas),
        KeyBinding("undo", [.char("u")], "undo the last scale", dangerous: true, .undoScale),
        KeyBinding("rollback", [.char("B")], "roll the service back to its previous spec", scope: .panes([.services]), dangerous: true, .rollback),
        KeyBinding("force_update", [.char("F")], "force update: redeploy every task", scope: .panes([.services]), dangerous: true, .forceUpdate),
        KeyBinding("remove_stack", [.char("D")], "remove the stack (type its name)", hint: "remove stack", scope: .panes([.services]), dangerous: true, .removeStack),
        KeyBinding("stop_start_stack", [.char("X")], "stop the stack (scale to 0), or start it again", hint: "stop/start stack", scope: .panes([.services]), dangerous: true, .stopOrStartStack),
        KeyBinding("measure_size", [.char("r")], "measure the container's size now", hint: "size", scope: .panes([.containers]), .refreshSize),
        KeyBinding("stop_container", [.char("x")], "stop the container", hint: "stop", scope: .panes([.tasks, .containers]), dangerous: true, .stopContainer),
        KeyBinding("restart_container", [.char("R")], "restart the container", hint: "restart", scope: .panes([.containers]), dangerous: true, .restartContainer),
        KeyBinding("logs", [.char("l")], "logs of the service, task or container", hint: "logs",
                   scope: .panes([.services, .tasks, .containers, .placement]), .openLogs),
        // No hint: the hint lines of these panes are full at 80 columns; help and the README list it.
        KeyBinding("exec", [.char("e")], "run a command in the container, a shell by default (docker exec -it)",
                   scope: .panes(Self.containerPanes.union([.placement])), dangerous: true, .exec),
        // No hint: the hint line of these panes is full at 80 columns; help lists it.
        KeyBinding("image_layers", [.char("L")], "layers of the container's or task's image",
                   scope: .panes(Self.containerPanes), .openImageLayers),
        KeyBinding("log_search", [.char("/")], "log view: search (type, Enter)", hint: "search", scope: .logs, .searchLogs),
        KeyBinding("log_next", [.char("n")], "log view: next match", hint: "next", scope: .logs, .nextMatch),
        KeyBinding("log_previous", [.char("N")], "log view: previous match", scope: .logs, .previousMatch),
        KeyBinding("log_timestamps", [.char("t")], "log view: show or hide timestamps", hint: "timestamps", scope: .logs, .toggleTimestamps),
        KeyBinding("log_wrap", [.char("w")], "log view: wrap long lines, or cut them", hint: "wrap", scope: .logs, .toggleWrap),
        KeyBinding("log_close", [.char("q"), .escape], "log view: close it (stops the stream)", hint: "close", scope: .logs, .closeLogs),
        // No hint: the Tasks and Containers hint bars are full at 80 columns; help and the README list it.
        KeyBinding("changes", [.char("d")], "what the container changed against its image (docker diff)",
                   scope: .panes(Self.containerPanes), .openChanges),
        // No hint: the Tasks and Containers hint bars are full; the tab bar names the key while rows are hidden.
        KeyBinding("show_all", [.char("a")], "show or hide the tasks that ended long ago and the exited containers (docker ps -a)",
                   scope: .panes([.tasks, .containers, .disk]), .toggleQuietRows),
        KeyBinding("changes_filter", [.char("/")], "changes view: filter the paths (type, Enter)", hint: "filter", scope: .changes, .filterChanges),
        KeyBinding("changes_measure", [.char("r")], "changes view: measure the selected file, or up to 50 files in the selected directory",
                   hint: "size", scope: .changes, .measureChanges),
        KeyBinding("changes_close", [.char("q"), .escape], "changes view: close it", hint: "close", scope: .changes, .closeChanges),
        // No hint in the panes: their hint lines are full at 80 columns; help and the README list it.
        KeyBinding("inspect", [.char("i")], "inspect: details of the selection",
                   scope: .panes([.nodes, .services, .tasks, .containers, .placement, .disk]), .openInspect),
        KeyBinding("inspect_json", [.char("J")], "inspect view: the raw JSON, or the sections", hint: "json", scope: .inspect, .toggleInspectJSON),
        KeyBinding("inspect_reveal", [.char("v")], "inspect view: show or hide secret-looking values (PASSWORD, TOKEN, KEY…)",
                   hint: "reveal", scope: .inspect, .revealSecrets),
        KeyBinding("inspect_search", [.char("/")], "inspect view: search (type, Enter)", hint: "search", scope: .inspect, .searchLogs),
        KeyBinding("inspect_next", [.char("n")], "inspect view: next match", hint: "next", scope: .inspect, .nextMatch),
        KeyBinding("inspect_previous", [.char("N")], "inspect view: previous match", scope: .inspect, .previousMatch),
        KeyBinding("inspect_close", [.char("q"), .escape], "inspect view: close it", hint: "close", scope: .inspect, .closeInspect),
    ] + NodeAvailability.allCases.map {
        KeyBinding("node_\($0.rawValue)", [.char(Character(String($0.rawValue.prefix(1))))], Self.availabilityWords[$0] ?? $0.rawValue,
                   hint: $0.rawValue,
                   scope: .panes([.nodes]), dangerous: true, .setAvailability($0))
    } + [
        KeyBinding("filter", [.char("/")], "filter by text or regex", hint: "filter",
                   scope: .panes(Self.tablePanes), .filter),
        KeyBinding("sort", [.char("s")], "sort by the next column", hint: "sort", scope: .panes(Self.tablePanes), .sortByNextColumn),
        KeyBinding("reverse_sort", [.char("S")], "reverse the sort", scope: .panes(Self.tablePanes), .reverseSort),
        KeyBinding("command", [.char(":")], "command line (:scale web 3, :q …)",
                   hint: "command", scope: .panes(Set(Pane.allCases)), .commandLine),
        KeyBinding("confirm", [.char("y"), .enter], "confirm (dialog)", hint: "confirm", scope: .dialog, .confirm),
        KeyBinding("cancel", [.char("n"), .escape], "cancel (dialog)", hint: "cancel", scope: .dialog, .cancel),
    ])

    /// The panes whose rows are containers (Containers, Disk) or tasks (their container): where
    /// `d` shows a container's changes and `L` its image's layers.
    static let containerPanes: Set<Pane> = [.tasks, .containers, .disk]

    /// The panes that are tables (all but placement): they filter and sort.
    static let tablePanes: Set<Pane> = [.nodes, .services, .tasks, .containers, .disk, .events]

    /// What each availability key does, for help.
    private static let availabilityWords: [NodeAvailability: String] = [
        .active: "make the node active", .pause: "pause the node", .drain: "drain the node",
    ]

    /// The binding `key` triggers in `pane` (or in a dialog when `inDialog`, in the log view
    /// when `inLogs`, in the changes view when `inChanges`, in the inspect view when
    /// `inInspect`), if any; a view's own binding first.
    public func binding(for key: KeyEvent, pane: Pane, inDialog: Bool, inLogs: Bool = false, inChanges: Bool = false,
                        inInspect: Bool = false) -> KeyBinding? {
        let matching = bindings.filter {
            $0.keys.contains(key) && $0.applies(in: pane, inDialog: inDialog, inLogs: inLogs, inChanges: inChanges, inInspect: inInspect)
        }
        return matching.first { $0.scope == .logs || $0.scope == .changes || $0.scope == .inspect } ?? matching.first
    }

    /// The bindings the hint bar shows, in keymap order: those with a hint that apply here,
    /// without `back` when there is nowhere to go back to, and without actions in read-only mode.
    /// In the log view, global bindings whose keys a log binding takes are left out.
    public func hints(pane: Pane, inDialog: Bool, canGoBack: Bool, readOnly: Bool, inLogs: Bool = false,
                      inChanges: Bool = false, inInspect: Bool = false) -> [KeyBinding] {
        bindings.filter { b in
            b.hint != nil && b.applies(in: pane, inDialog: inDialog, inLogs: inLogs, inChanges: inChanges, inInspect: inInspect)
                && (b.command != .back || canGoBack) && !(readOnly && b.dangerous)
                && b.keys.contains {
                    binding(for: $0, pane: pane, inDialog: inDialog, inLogs: inLogs, inChanges: inChanges, inInspect: inInspect) == b
                }
        }
    }

    /// The bindings help lists: in the log view, the keys that work there; elsewhere those
    /// that apply in `pane`.
    public func help(pane: Pane, inLogs: Bool, inChanges: Bool = false, inInspect: Bool = false) -> [KeyBinding] {
        guard inLogs || inChanges || inInspect else { return bindings.filter { $0.applies(in: pane, inDialog: false) } }
        return bindings.filter { b in
            b.keys.contains { binding(for: $0, pane: pane, inDialog: false, inLogs: inLogs, inChanges: inChanges, inInspect: inInspect) == b }
        }
    }

    /// The first binding of a command that applies in a dialog, for the dialog's own hints.
    func dialogBinding(_ command: Command) -> KeyBinding? {
        bindings.first { $0.command == command && $0.scope == .dialog }
    }

    /// This keymap with the keys of some bindings replaced (the config file's `[keys]`).
    /// - Parameter keys: new keys by binding name, e.g. `["scale_up": [.char("k")]]`.
    /// - Throws: `KeymapError` for a name no binding has, a binding left without keys, a key
    ///   that would mean two things in one place, or `confirm` without Enter or `cancel` without
    ///   Esc (the dialogs that take typed text, a stack's name or a replica count, are answered
    ///   with those two).
    public func overriding(_ keys: [String: [KeyEvent]]) throws(KeymapError) -> Keymap {
        var result = self
        for (name, listed) in keys.sorted(by: { $0.key < $1.key }) {
            var newKeys: [KeyEvent] = []
            for key in listed where !newKeys.contains(key) { newKeys.append(key) }
            guard let index = bindings.firstIndex(where: { $0.name == name }) else {
                throw KeymapError("no key binding is called \(name); they are: \(bindings.map(\.name).joined(separator: ", "))",
                                  bindings: [name])
            }
            guard !newKeys.isEmpty else { throw KeymapError("\(name) needs at least one key", bindings: [name]) }
            for (command, kept) in [(Command.confirm, KeyEvent.enter), (.cancel, .escape)]
            where bindings[index].command == command && !newKeys.contains(kept) {
                throw KeymapError("\(name) must keep \(kept.label): a dialog where a name or a number is typed is answered with it",
                                  bindings: [name])
            }
            result.bindings[index].keys = newKeys
        }
        if let clash = result.clash { throw clash }
        return result
    }

    /// The first key that means two things in one place (a pane, a dialog, the log view, where
    /// log keys are meant to win over global ones); nil when none does.
    var clash: KeymapError? {
        let places = Pane.allCases.flatMap { pane in [false, true].map { (pane, $0, false, false, false) } }
            + [(Pane.nodes, false, true, false, false), (Pane.nodes, false, false, true, false), (Pane.nodes, false, false, false, true)]
        for (pane, inDialog, inLogs, inChanges, inInspect) in places {
            var seen: [KeyEvent: KeyBinding] = [:]
            let inView = inLogs || inChanges || inInspect
            let applying = bindings.filter {
                $0.applies(in: pane, inDialog: inDialog, inLogs: inLogs, inChanges: inChanges, inInspect: inInspect) && (!inView || $0.scope != .global)
            }
            for binding in applying {
                for key in binding.keys {
                    if let other = seen[key] {
                        let place = inLogs ? "the log view" : inChanges ? "the changes view" : inInspect ? "the inspect view"
                            : inDialog ? "a dialog" : "the \(pane.title) pane"
                        return KeymapError("\(key.label) would mean both \(other.name) and \(binding.name) in \(place)",
                                           bindings: [other.name, binding.name])
                    }
                    seen[key] = binding
                }
            }
        }
        return nil
    }
}

/// Why key overrides were refused, e.g. `k would mean both up and scale_up in the Services pane`.
public struct KeymapError: Error, Equatable, CustomStringConvertible {
    public let description: String
    /// The names of the bindings at fault.
    public let bindings: [String]

    init(_ description: String, bindings: [String]) {
        self.description = description
        self.bindings = bindings
    }
}
