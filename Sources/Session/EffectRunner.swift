import Actions
import Dashboard
import Foundation
import Settings
import SwarmState

/// Runs the effects `reduce` asks for through the Engine API and turns each outcome into the
/// action that reports it. Each action on the swarm is appended to the action log; in read-only
/// mode none is performed (the recorder refuses it), and on a swarm without engines (a replay)
/// nothing that asks an engine is (`SwarmSource.refusal`). After a change it asks the feed to
/// refresh at once.
public struct EffectRunner: Sendable {
    /// The swarm watched: its feed, clients and recorder, taken once for each effect.
    let session: SwarmSession
    /// Where `:theme` finds themes.
    let themes: ThemeCatalog
    /// The log view's streams.
    let logStreams: LogStreams
    /// What lends the terminal to `docker exec` (`e`); nil where there is no terminal.
    let foreground: ForegroundRunner?

    /// - Parameters:
    ///   - session: the swarm watched.
    ///   - themes: where `:theme` finds themes.
    ///   - logStreams: the log view's streams.
    ///   - foreground: runs a program in the full terminal (`UILoop.runInTerminal`), for `e`.
    public init(session: SwarmSession, themes: ThemeCatalog, logStreams: LogStreams, foreground: ForegroundRunner? = nil) {
        self.session = session
        self.themes = themes
        self.logStreams = logStreams
        self.foreground = foreground
    }

    /// Performs `effect`; never throws: a failure becomes an error message for the status line.
    public func run(_ effect: Effect) async -> Action {
        let source = session.current.source
        if let refusal = source.refusal(effect) { return .effectFinished(effect, message: refusal, isError: true) }
        if case .loadTheme(let name) = effect {
            do {
                return .themeLoaded(name: name, try themes.load(name))
            } catch {
                // A theme file's error starts with its path already.
                let reason = error is SettingsFileError ? "\(error)" : "\(name): \(error)"
                return .effectFinished(effect, message: "theme " + reason, isError: true)
            }
        }
        if case .switchContext(let name) = effect {
            await logStreams.stopAll()
            do {
                let status = try await session.switchTo(context: name)
                let manager = session.current.source.connections?.manager.endpoint.description ?? ""
                return .contextSwitched(name: name, endpoint: status, manager: manager)
            } catch {
                return .effectFinished(effect, message: "not switched: \(error)", isError: true)
            }
        }
        if case .replay(let control) = effect {
            guard let replay = source.feed as? any ReplayControlling else {
                return .effectFinished(effect, message: "nothing to replay: this is the live swarm", isError: true)
            }
            return .replayStatus(await replay.control(control))
        }
        if case .listStack(let name) = effect {
            do {
                return .stackListed(try await source.clients().manager.stackContents(name, kinds: [.secrets, .configs, .networks]))
            } catch {
                return .effectFinished(effect, message: "could not list the objects of stack \(name): \(SnapshotAssembler.describe(error))", isError: true)
            }
        }
        if case .readChanges(let hostname, let containerID, let name) = effect {
            do {
                let engine = try await nodeEngine(hostname, try source.clients(), source.feed)
                return .changesRead(hostname: hostname, containerID: containerID, try await ContainerChangesRead.read(containerID, on: engine))
            } catch {
                return .effectFinished(effect, message: "could not read what \(name) on \(hostname) changed: \(SnapshotAssembler.describe(error))",
                                       isError: true)
            }
        }
        if case .statPaths(let hostname, let containerID, let name, let paths) = effect {
            do {
                let engine = try await nodeEngine(hostname, try source.clients(), source.feed)
                let stats = await ContainerChangesRead.stats(paths, containerID: containerID, on: engine)
                return .pathStatsRead(hostname: hostname, containerID: containerID, stats, asked: paths.count)
            } catch {
                return .effectFinished(effect, message: "could not measure files of \(name) on \(hostname): \(SnapshotAssembler.describe(error))",
                                       isError: true)
            }
        }
        if case .readImageLayers(let request, let view) = effect {
            do {
                let client = try await nodeEngine(request.hostname, try source.clients(), source.feed)
                return .imageLayersRead(try await ImageLayersReader.read(request, client: client), view: view)
            } catch {
                return .effectFinished(effect, message: "could not read the layers of \(request.label): \(SnapshotAssembler.describe(error))", isError: true)
            }
        }
        if case .inspect(let target, let view) = effect {
            do {
                let connections = try source.clients()
                var client = connections.manager
                if case .container(let hostname, _, _) = target { client = try await nodeEngine(hostname, connections, source.feed) }
                return .inspected(try await InspectReader.read(target, client: client), view: view)
            } catch {
                return .effectFinished(effect, message: "could not inspect \(target.label): \(SnapshotAssembler.describe(error))", isError: true)
            }
        }
        var message: String
        var isError: Bool
        do {
            (message, isError) = try await perform(effect, on: source)
        } catch {
            message = "\(effect.action) \(effect.target) failed: \(SnapshotAssembler.describe(error))"
            isError = true
        }
        if let failure = source.recorder.record(effect, message: message, isError: isError, at: Date()) {
            message += " (not in the action log: \(failure))"
            isError = true
        }
        if effect.logStream == nil { await source.feed.refreshNow() }
        return .effectFinished(effect, message: message, isError: isError)
    }

    private func perform(_ effect: Effect, on source: SwarmSource) async throws -> (String, isError: Bool) {
        let feed = source.feed
        if case .refreshSize(let hostname, let containerID, let name) = effect {
            let size = try await feed.refreshSize(hostname: hostname, containerID: containerID)
            return ("\(name): \(Format.containerSize(sizeRw: size.sizeRw, sizeRootFs: size.sizeRootFs))", false)
        }
        if case .stopLogs(let stream) = effect {
            await logStreams.stop(through: stream)
            return ("stopped", false)
        }
        let connections = try source.clients()
        let manager = connections.manager
        switch effect {
        case .scale(let id, let name, let from, let replicas):
            try await manager.scaleService(id: id, from: from, to: replicas)
            return ("\(name) scaled to \(replicas)", false)
        case .stopContainer(let hostname, let containerID, let name):
            try await nodeEngine(hostname, connections, feed).stopContainer(id: containerID)
            return ("stopped \(name) on \(hostname)", false)
        case .restartContainer(let hostname, let containerID, let name):
            try await nodeEngine(hostname, connections, feed).restartContainer(id: containerID)
            return ("restarted \(name) on \(hostname)", false)
        case .removeStack(let contents):
            let removal = try await manager.removeStack(contents)
            let skipped = removal.skipped.isEmpty ? "" : "; left alone: " + removal.skipped.joined(separator: ", ")
            let failures = removal.failures.isEmpty ? "" : "; failed: " + removal.failures.joined(separator: "; ")
            return ("stack \(contents.stack): \(removal.summary)\(skipped)\(failures)", !removal.failures.isEmpty)
        case .stopStack(let contents):
            let result = try await manager.stopStack(contents)
            return ("stack \(contents.stack): \(result.summary("stopped"))", !result.failures.isEmpty)
        case .startStack(let contents):
            let result = try await manager.startStack(contents)
            return ("stack \(contents.stack): \(result.summary("started"))", !result.failures.isEmpty)
        case .exec(let request):
            let endpoint = try await nodeEngine(request.hostname, connections, feed).endpoint
            return await ContainerExec.run(request, endpoint: endpoint, environment: ProcessInfo.processInfo.environment, foreground: foreground)
        case .setAvailability(let nodeID, let hostname, let from, let availability):
            try await manager.setNodeAvailability(id: nodeID, from: from, to: availability)
            return ("\(hostname) is now \(availability.adjective)", false)
        case .rollback(let id, let name):
            try await manager.rollbackService(id: id)
            return ("\(name) rolled back to its previous spec", false)
        case .forceUpdate(let id, let name):
            try await manager.forceUpdateService(id: id)
            return ("\(name) is being redeployed", false)
        case .loadTheme, .listStack, .switchContext, .refreshSize, .stopLogs, .readChanges, .statPaths, .replay, .readImageLayers, .inspect:
            preconditionFailure("answered before: \(effect.action)")
        case .followLogs(let target, let stream):
            var client = manager
            if case .container(let hostname, _, _) = target { client = try await nodeEngine(hostname, connections, feed) }
            return await logStreams.follow(target.source, stream: stream, client: client)
        }
    }

    /// The engine of the node with this hostname.
    /// - Throws: `DockerError.transport` when swarmtop has no endpoint for it (and why).
    private func nodeEngine(_ hostname: String, _ connections: Connections, _ feed: any SwarmFeed) async throws -> DockerClient {
        try connections.engine(hostname: hostname, managerHostname: await feed.current.info?.name)
    }
}
