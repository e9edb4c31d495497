/// Key dispatch through the keymap: the dialog first, then the help overlay, then the panes.
extension AppState {
    mutating func handle(_ key: KeyEvent) -> [Effect] {
        // A screen too small to show anything takes no key but quit: nothing is confirmed unseen.
        if Layout(width: width, height: height).isTooSmall {
            if keymap.binding(for: key, pane: pane, inDialog: false)?.command == .quit { quit = true }
            return []
        }
        if dialog != nil { return handleDialog(key) }
        if logs?.search.typing != nil { return editLogSearch(key) }
        if changes?.typing != nil { return editChangesFilter(key) }
        if inspect?.search.typing != nil { return editInspectSearch(key) }
        if let effects = handlePrompt(key) { return effects }
        if case .paste = key {
            refuse("paste ignored: a paste is text in the / and : lines only")
            return []
        }
        guard let binding = keymap.binding(for: key, pane: pane, inDialog: false, inLogs: logs != nil, inChanges: changes != nil,
                                           inInspect: inspect != nil) else { return [] }
        // While a line is typed, only quit and the movement keys act (the rows can be browsed).
        if prompt != nil, !Self.movements.contains(binding.command), binding.command != .quit { return [] }
        if showsHelp {
            switch binding.command {
            case .toggleHelp, .back, .closeLogs, .closeChanges, .closeInspect: showsHelp = false
            case .quit: quit = true
            default: break
            }
            return []
        }
        if binding.dangerous, readOnly {
            status = StatusMessage("refused: \(binding.label) would \(binding.description) (--read-only)", isError: true)
            return []
        }
        if let refusal = replayRefusal(binding) {
            status = StatusMessage(refusal, isError: true)
            return []
        }
        if case .replay(let control) = binding.command { return [.replay(control)] }
        if logs != nil { return performInLogs(binding.command) }
        if changes != nil { return performInChanges(binding.command) }
        if inspect != nil { return performInInspect(binding.command) }
        if layers != nil {
            performInImageLayers(binding.command)
            return []
        }
        if binding.command == .openChanges { return openChanges() }
        if binding.command == .openInspect { return openInspect() }
        if binding.command == .exec { return openExecPrompt() }
        if binding.command == .openImageLayers || (binding.command == .drillDown && pane == .disk) { return openImageLayers() }
        if binding.command == .refreshSize { return refreshSelectedSize() }
        if binding.command == .openLogs { return openLogs() }
        if binding.command == .removeStack { return removeSelectedStack() }
        perform(binding.command)
        return []
    }

    /// The commands that only move the selection.
    private static let movements: Set<Command> = [.moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom, .moveLeft, .moveRight]

    mutating func perform(_ command: Command) {
        switch command {
        case .quit: quit = true
        case .toggleHelp: showsHelp = true
        case .nextPane: show(pane.next)
        case .previousPane: show(pane.previous)
        case .showPane(let target): show(target)
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom, .moveLeft, .moveRight: move(command)
        case .drillDown: drillDownIntoSelection()
        case .back: goBack()
        case .scaleUp: scale(by: 1)
        case .scaleDown: scale(by: -1)
        case .setReplicas: openReplicaInput()
        case .undoScale: undoLastScale()
        case .stopContainer: stopSelectedContainer()
        case .restartContainer: restartSelectedContainer()
        case .stopOrStartStack: stopOrStartSelectedStack()
        case .rollback: rollbackSelectedService()
        case .forceUpdate: forceUpdateSelectedService()
        case .setAvailability(let availability): setSelectedNodeAvailability(availability)
        case .filter: openPrompt(.filter)
        case .commandLine: openPrompt(.command)
        case .sortByNextColumn: sortByNextColumn()
        case .reverseSort: reverseSort()
        case .toggleQuietRows:
            showsQuietRows.toggle()
            refreshTable()
        case .toggleCompactGrid:
            compactPlacement.toggle()
            resolveSelection()
        case .confirm, .cancel, .refreshSize, .openLogs, .removeStack, .closeLogs, .searchLogs, .nextMatch, .previousMatch,
             .toggleTimestamps, .toggleWrap, .openChanges, .filterChanges, .measureChanges, .closeChanges, .replay, .openImageLayers,
             .openInspect, .toggleInspectJSON, .revealSecrets, .closeInspect, .exec: break
        }
    }

    /// A key in the open dialog. A paste is not taken, not even as the typed name or the
    /// replica count: what confirms is typed.
    private mutating func handleDialog(_ key: KeyEvent) -> [Effect] {
        if case .paste = key {
            refuse("paste ignored: a dialog is answered by typed keys")
            return []
        }
        if case .replicas(var input)? = dialog, input.edit(key) {
            dialog = .replicas(input)
            return []
        }
        if case .typeName(var typed)? = dialog, typed.edit(key) {
            dialog = .typeName(typed)
            return []
        }
        guard let binding = keymap.binding(for: key, pane: pane, inDialog: true) else { return [] }
        switch binding.command {
        case .quit: quit = true
        case .cancel: dialog = nil
        case .confirm: return confirmDialog()
        default: break
        }
        return []
    }
}

/// Applies a text-editing key to `text`: a character `accepts` allows (while `text` is shorter
/// than `limit`), a paste (its characters `accepts` allows, control characters and line breaks
/// left out: a paste never presses Enter), Backspace or Delete.
/// - Returns: false for any other key, which the keymap then handles.
func editText(_ text: inout String, _ key: KeyEvent, limit: Int, accepts: (Character) -> Bool) -> Bool {
    switch key {
    case .char(let c) where accepts(c):
        if text.count < limit { text.append(c) }
    case .paste(let pasted):
        let typed = pasted.filter { c in accepts(c) && !c.unicodeScalars.contains { $0.properties.generalCategory == .control } }
        text += typed.prefix(max(0, limit - text.count))
    case .backspace, .delete:
        if !text.isEmpty { text.removeLast() }
    default:
        return false
    }
    return true
}

extension ReplicaInput {
    /// Applies a text-editing key (a digit, Backspace or Delete).
    /// - Returns: false for any other key, which the keymap then handles.
    mutating func edit(_ key: KeyEvent) -> Bool {
        guard editText(&text, key, limit: 6, accepts: { $0.isASCII && $0.isNumber }) else { return false }
        error = nil
        return true
    }
}

extension NameConfirmation {
    /// Applies a text-editing key: any printable character, Backspace or Delete. Enter, Esc
    /// and Ctrl-C are left to the keymap, so `y` and `n` are typed here, never answers.
    /// - Returns: false for any other key.
    mutating func edit(_ key: KeyEvent) -> Bool {
        guard editText(&text, key, limit: 200, accepts: { _ in true }) else { return false }
        error = nil
        return true
    }
}
