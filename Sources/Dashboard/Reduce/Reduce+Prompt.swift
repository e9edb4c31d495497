import SwarmState

/// The line typed on the hint row: `/` filters the pane as it is typed, `:` runs a command.
extension AppState {
    /// `/` or `:`: opens the line; the filter's starts with the pane's current filter.
    mutating func openPrompt(_ kind: Prompt.Kind) {
        prompt = Prompt(kind, text: kind == .filter ? filters[pane] ?? "" : "")
    }

    /// A key while the line is open: text, Backspace (on an empty line it closes the line),
    /// Tab (completes a command), Enter (keeps the filter, runs the command), Esc (closes the
    /// line; a filter is cleared).
    /// - Returns: the effects, or nil for a key the line does not take (the caller lets
    ///   movement keys through, so the rows can be browsed while filtering).
    mutating func handlePrompt(_ key: KeyEvent) -> [Effect]? {
        guard var line = prompt else { return nil }
        switch key {
        case .escape:
            prompt = nil
            if line.kind == .filter { setFilter(nil) }
        case .enter:
            prompt = nil
            if line.kind == .command { return run(line) }
            if case .exec(let request) = line.kind { return runExec(request, typed: line) }
        case .tab where line.kind == .command:
            (line.text, line.candidates) = completion.complete(line.text)
            line.error = nil
            prompt = line
        case .backspace where line.text.isEmpty, .delete where line.text.isEmpty:
            prompt = nil
        default:
            guard editText(&line.text, key, limit: 200, accepts: { !$0.isNewline }) else { return nil }
            line.candidates = []
            line.error = nil
            prompt = line
            if line.kind == .filter { setFilter(line.text) }
        }
        return []
    }

    /// Sets the current pane's filter (nil or empty: none) and refilters its rows.
    private mutating func setFilter(_ text: String?) {
        filters[pane] = text?.isEmpty == false ? text : nil
        refreshTable()
    }

    /// What Tab completes from: commands, services (also by their name inside their stack),
    /// stacks, themes and contexts.
    private var completion: ColonCompletion {
        let services = snapshot?.services ?? []
        return ColonCompletion(services: services.map(\.name) + services.compactMap(\.nameInStack), stacks: snapshot?.stacks.map(\.name) ?? [],
                               themes: themeNames, contexts: contextNames)
    }

    /// Enter on a command line: runs it (the last message goes), or opens the line again with
    /// what is wrong.
    private mutating func run(_ line: Prompt) -> [Effect] {
        status = nil
        let reopen = { (state: inout AppState, message: String) in
            var line = line
            line.error = message
            state.prompt = line
        }
        let command: ColonCommand
        switch ColonCommand.parse(line.text) {
        case .failure(let error):
            reopen(&self, error.message)
            return []
        case .success(let parsed):
            command = parsed
        }
        if readOnly, command.changesSwarm {
            status = StatusMessage("refused: :\(line.text) would change the swarm (--read-only)", isError: true)
            return []
        }
        if let refusal = replayRefusal(command, typed: line.text) {
            status = StatusMessage(refusal, isError: true)
            return []
        }
        switch command {
        case .show(let target): show(target)
        case .help: showsHelp = true
        case .quit: quit = true
        case .theme(let name):
            status = StatusMessage("loading theme \(name)…", isPending: true)
            return [.loadTheme(name: name)]
        case .context(let name):
            return useContext(name)
        case .seek(let control):
            return [.replay(control)]
        case .inspect(nil):
            return openInspect()
        case .inspect(let name?):
            switch service(named: name) {
            case .failure(let error): reopen(&self, error.message)
            case .success(let service): return openInspect(.service(id: service.id, name: service.name))
            }
        case .scale(let name, let replicas):
            switch service(named: name) {
            case .failure(let error): reopen(&self, error.message)
            case .success(let service): confirmScale(service, to: replicas)
            }
        case .removeStack(let name):
            guard let stack = snapshot?.stacks.first(where: { $0.name == name })
                    ?? snapshot?.stacks.first(where: { NameConfirmation.isTyped(name, as: $0.name) }) else {
                reopen(&self, "no stack \(name)")
                return []
            }
            return confirmRemoval(of: stack)
        }
        return []
    }

    /// The service called `name`, or the only one called so inside its stack (`web` for `lab_web`).
    private func service(named name: String) -> Result<Service, ColonCommandError> {
        let services = snapshot?.services ?? []
        if let exact = services.first(where: { $0.name == name }) { return .success(exact) }
        let inStacks = services.filter { $0.nameInStack == name }
        switch inStacks.count {
        case 1: return .success(inStacks[0])
        case 0: return .failure(.init("no service \(name)"))
        default: return .failure(.init("\(name) is in several stacks: " + inStacks.map(\.name).sorted().joined(separator: ", ")))
        }
    }

    /// `:scale`: the scale confirmation, or a status message saying why not.
    private mutating func confirmScale(_ service: Service, to target: UInt64) {
        if let reason = Self.scaleRefusal(service) { return refuse(reason) }
        let current = count(service)
        if target == current { return refuse("\(service.name) already has \(current) \(Self.unit(service))") }
        if target > ReplicaInput.maximum { return refuse("at most \(ReplicaInput.maximum) \(Self.unit(service))") }
        dialog = .confirm(Self.scaleConfirmation(service, from: current, to: target))
    }
}

extension ColonCommand {
    /// True for commands that act on the swarm (refused in read-only mode).
    var changesSwarm: Bool {
        switch self {
        case .scale, .removeStack: true
        case .show, .theme, .context, .help, .quit, .seek, .inspect: false
        }
    }
}
