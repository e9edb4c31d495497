import Foundation

/// The refresh engine, the live `SwarmFeed`: follows `/events` on the manager (services, nodes,
/// networks, secrets, configs) and on every node engine (containers), refreshes only the
/// collections an event touched, polls tasks adaptively (they have no events), measures
/// writable-layer sizes on a cadence adapted to what they cost each engine, and publishes a new
/// `ClusterSnapshot` after every change (and only then).
///
/// It decides *when* to ask; what the answers mean is `SnapshotAssembler`'s: every answer,
/// failure and event becomes an `EngineObservation` fed to it (and to the observer, which may
/// record them). It reads engines through `EngineReader`s that `Connections` makes, so its
/// policy is tested with captured answers.
///
/// Every engine is followed concurrently with its own timeout: a slow or dead engine marks
/// only its own rows stale; nothing here touches the terminal, and the UI never waits on it.
/// A dropped event stream is reopened with `since=` the last event's time (the engine replays
/// what was missed), and the engine's collections are listed again after the gap. A stream
/// that goes silent is checked with `/_ping` (see `watch(_:stream:)`).
///
/// The node engines followed are those `Connections.plan` names for the swarm's node list,
/// planned again whenever the manager lists nodes: a node that joins is followed from then
/// on, one that leaves has its loops stopped and its client shut down. A node's reader is
/// made by its own loops when they first need it, and every request to a node engine waits
/// for a turn of `Connections.limiter`.
///
/// When the manager stops serving the swarm (`ManagerFailover.loss`: no answer, no leader, no
/// longer a manager) in a round, or its event stream cannot reopen, it fails over: the other
/// managers are probed and the one chosen becomes `Connections.manager` (see `failOver`), as a
/// `.managerChanged` observation, so a recording replays the move.
public actor RefreshEngine {
    /// Cadences, in seconds.
    public struct Intervals: Sendable {
        /// Task poll when the swarm is steady (also the manager's heartbeat).
        public var poll: TimeInterval
        /// Writable-layer size queries (`/containers/json?size=1`, then `/system/df`): at least
        /// this far apart on each engine, more when they cost more than `sizeBudget` of the time.
        public var sizes: TimeInterval
        /// Task poll right after a service, node or task-container event, and while tasks change.
        public var fastPoll: TimeInterval
        /// How long polling stays fast after such an event.
        public var fastWindow: TimeInterval
        /// The largest share of wall time size queries may take on one engine.
        public var sizeBudget: Double
        /// Full re-list of the manager's collections, a safety net for events the engine never sent.
        public var resync: TimeInterval
        /// Wait after the first event of a burst, so that the burst costs one request.
        public var coalesce: TimeInterval
        /// Least time between two refreshes of the same engine during an event flood.
        public var minSpacing: TimeInterval
        /// Longest wait between attempts to reopen a dropped event stream.
        public var reconnectMax: TimeInterval
        /// Seconds an event stream may stay silent before its engine is pinged.
        public var eventIdle: TimeInterval

        public init(poll: TimeInterval = 20, sizes: TimeInterval = 30, fastPoll: TimeInterval = 0.5,
                    fastWindow: TimeInterval = 5, sizeBudget: Double = 0.05, resync: TimeInterval = 120,
                    coalesce: TimeInterval = 0.03, minSpacing: TimeInterval = 0.1, reconnectMax: TimeInterval = 5,
                    eventIdle: TimeInterval = 30) {
            self.poll = poll
            self.sizes = sizes
            self.fastPoll = fastPoll
            self.fastWindow = fastWindow
            self.sizeBudget = sizeBudget
            self.resync = resync
            self.coalesce = coalesce
            self.minSpacing = minSpacing
            self.reconnectMax = reconnectMax
            self.eventIdle = eventIdle
        }
    }

    /// Counters for tests and benchmarks.
    public struct Diagnostics: Sendable, Hashable {
        /// Event streams currently open, by engine endpoint.
        public var streamsOpen: Set<String> = []
        /// Times a stream was opened (the first time included), by endpoint.
        public var streamOpens: [String: Int] = [:]
        /// Events received, all streams together.
        public var events = 0
        /// Streams given up because they were silent and their engine did not answer `/_ping`, by endpoint.
        public var silentStreams: [String: Int] = [:]
        /// Refresh rounds against the manager.
        public var managerRounds = 0
        /// Moves to another manager (failover).
        public var failovers = 0
        /// Snapshots published.
        public var published = 0
    }

    /// An event stream: the manager's, or a node engine's (by its key in `followed`).
    enum Source: Hashable {
        case manager
        case node(Int)
    }

    /// A loop that can be woken before its deadline.
    enum Loop: Hashable {
        case manager
        case containers(Int)
        case sizes(Int)
    }

    /// A node engine followed: which endpoint, its reader once made, its loops.
    private struct Followed {
        var host: Connections.NodeHost
        var reader: (any EngineReader)?
        var dirty = true
        var nextSizes = Date.distantPast
        /// Its loops' tasks; none before they start.
        var loops: [Task<Void, Never>] = []
    }

    private let connections: Connections
    private let intervals: Intervals
    private let sizePolicy: SizePolicy
    /// The node engines followed, by a key never reused.
    private var followed: [Int: Followed] = [:]
    /// The keys of `followed` in the order of `snapshot.engines`.
    private var order: [Int] = []
    private var nextKey = 0
    /// True once `run` started the loops: engines followed from then on start their own.
    private var running = false
    /// What the answers mean: the snapshot is its.
    private var assembler: SnapshotAssembler
    private var snapshot: ClusterSnapshot { assembler.snapshot }
    /// Called with every observation fed to the assembler (e.g. to record it).
    private let observer: (@Sendable (EngineObservation) -> Void)?
    private var lastPublished: ClusterSnapshot?
    private var publish: (@Sendable (ClusterSnapshot) -> Void)?
    private var diagnostics = Diagnostics()

    private var managerNeeds: RefreshNeeds = .manager
    /// What failed in the last round, asked again with the next task poll (not at once: a dead
    /// manager must not be hammered).
    private var retryNeeds: RefreshNeeds = []
    private var taskPolicy: TaskPollPolicy
    private var nextTaskPoll = Date.distantPast
    /// The services whose tasks and counts the next round fetches alone (`.serviceTasks`).
    private var movedServices: Set<String> = []
    /// Services an event touched, with the end of their fast window: fast polls fetch theirs.
    private var inMotion: [String: Date] = [:]
    private var nextResync: Date

    private var waiters: [Loop: (token: Int, continuation: CheckedContinuation<Void, Never>)] = [:]
    private var kicked: Set<Loop> = []
    private var tokens = 0
    private var streams: [Source: Task<StreamOutcome, Never>] = [:]
    /// When each stream last showed life: opened, an event, or its engine answered `/_ping`.
    private var lastHeard: [Source: Date] = [:]
    private var stopped = false

    /// - Parameters:
    ///   - connections: the engines to ask.
    ///   - intervals: the cadences.
    ///   - observer: called (on the engine's executor) with every observation, in the order the
    ///     assembler applies them: what a recording writes down.
    public init(connections: Connections, intervals: Intervals = Intervals(),
                observer: (@Sendable (EngineObservation) -> Void)? = nil) {
        self.connections = connections
        self.intervals = intervals
        self.observer = observer
        sizePolicy = SizePolicy(minimum: intervals.sizes, budget: intervals.sizeBudget)
        taskPolicy = TaskPollPolicy(fast: intervals.fastPoll, steady: intervals.poll, window: intervals.fastWindow)
        nextResync = Date().addingTimeInterval(intervals.resync)
        // The --node-host engines are known before the manager answers.
        let hosts = connections.plan(nodes: [], managerHostname: nil)
        for (key, host) in hosts.enumerated() { followed[key] = Followed(host: host) }
        order = Array(hosts.indices)
        nextKey = hosts.count
        assembler = SnapshotAssembler(endpoint: connections.manager.endpoint.description)
        let planned = EngineObservation(.manager, .engines(hosts.map(EngineObservation.PlannedEngine.init)), at: Date())
        observer?(planned)
        assembler.apply(planned)
    }

    /// Runs until the calling task is cancelled, calling `publish` with every new snapshot
    /// (from the engine's executor; the callee must hand it over to its own thread).
    public func run(publish: @escaping @Sendable (ClusterSnapshot) -> Void) async {
        self.publish = publish
        publishIfChanged()
        running = true
        for key in order { start(key) }
        await withTaskCancellationHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.followEvents(.manager) }
                group.addTask { await self.managerLoop() }
            }
        } onCancel: {
            Task { await self.stop() }
        }
    }

    /// Makes every collection be listed again now (e.g. right after an action), and the task
    /// poll fast for a while. Sizes keep their own cadence.
    public func refreshNow() {
        managerNeeds.formUnion(.manager)
        taskPolicy.noteEvent(at: Date())
        kick(.manager)
        for key in order { markContainersDirty(key) }
    }

    /// The latest snapshot.
    public var current: ClusterSnapshot { snapshot }

    /// Counters: streams open, events seen, rounds, snapshots published.
    public var counters: Diagnostics { diagnostics }

    /// Measures one container's writable layer now (`GET /containers/{id}/json?size=1` on the
    /// engine of `hostname`), and publishes the snapshot with it.
    /// - Returns: the new sizes.
    /// - Throws: `DockerError`; `.transport` when swarmtop reaches no engine for `hostname`.
    public func refreshSize(hostname: String, containerID: String) async throws -> DockerClient.ContainerSize {
        guard let index = snapshot.engines.firstIndex(where: { $0.hostname == hostname }) else {
            throw DockerError.transport(endpoint: hostname, reason: Connections.notConfigured)
        }
        let key = order[index]
        let path = EnginePath.containerSize(id: containerID)
        let body: Data
        do {
            body = try await request(.node(key)) { try await $0.read(path, timeout: max(30, $0.timeout)) }
        } catch {
            if position(key) != nil { feed(.node(hostname: hostname), .failure(path: path, error: SnapshotAssembler.describe(error))) }
            throw error
        }
        if position(key) != nil {  // else the node left meanwhile
            feed(.node(hostname: hostname), .answer(path: path, body: body, took: nil))
            publishIfChanged()
        }
        return try DockerJSON.decode(DockerClient.ContainerSize.self, from: body, path: path)
    }

    // MARK: - Events

    /// Keeps one event stream open: reopens it after a drop (with `since=` the last event's
    /// time) with a growing pause while the engine does not answer, and asks for a full list
    /// of what the engine serves after every (re)open, since events may have been missed.
    private func followEvents(_ source: Source) async {
        var since: String?
        var failures = 0
        while !stopped && !Task.isCancelled && isFollowed(source) {
            let opened = Date()
            let resumeAt = since
            lastHeard[source] = opened  // the watchdog counts silence from this attempt on
            let attempt = Task { await self.consume(source, since: resumeAt) }
            streams[source] = attempt
            let watchdog = Task { await self.watch(source, stream: attempt) }
            let outcome = await attempt.value
            watchdog.cancel()
            if streams[source] == attempt { streams[source] = nil }
            guard !stopped && !Task.isCancelled && isFollowed(source) else { return }
            if let last = outcome.lastEventTime { since = last }
            if outcome.connected && Date().timeIntervalSince(opened) > 5 { failures = 0 } else { failures += 1 }
            if let error = outcome.error, !outcome.connected {
                markUnreachable(source, error)
                // The manager's stream cannot open: a round now tells whether to fail over.
                if source == .manager, hasOtherManagers {
                    managerNeeds.formUnion(.manager)
                    kick(.manager)
                }
            }
            if failures > 0 {
                let pause = min(intervals.reconnectMax, 0.25 * pow(2, Double(min(failures - 1, 10))))
                try? await Task.sleep(nanoseconds: Seconds.nanoseconds(pause))
            }
        }
    }

    /// Notices a stream that died without a word. Docker's `/events` has no heartbeat: a
    /// stream is silent whenever nothing happens, so silence alone proves nothing, and neither
    /// does a `/_ping` that answers (it comes on another connection). The rule:
    /// - after `eventIdle` seconds without an event (or since the last check), `GET /_ping` on
    ///   another connection of the same client, bounded by the client's timeout;
    /// - it answers: the engine is up and the stream is presumed alive (checked again after
    ///   another `eventIdle`); events missed meanwhile by a stream that died while its engine
    ///   answers are still caught by the task poll, the resync and the size queries;
    /// - it fails or times out: the path to the engine is down (a dead engine, a cut network, a
    ///   frozen proxy), so the stream on that path is presumed dead too: the engine is marked
    ///   stale now (its rows kept), the stream is cancelled and reopened with `since=` (the
    ///   engine replays what was missed), and its collections are listed again once it opens.
    /// A silent dead stream is so noticed within twice `eventIdle` plus the client's timeout.
    private func watch(_ source: Source, stream: Task<StreamOutcome, Never>) async {
        let idle = intervals.eventIdle
        while !stopped && !Task.isCancelled {
            let wait = (lastHeard[source] ?? Date()).addingTimeInterval(idle).timeIntervalSinceNow
            if wait > 0 {
                try? await Task.sleep(nanoseconds: UInt64(wait * 1e9))
                continue
            }
            do {
                try await request(source) { try await $0.ping() }
                lastHeard[source] = Date()
            } catch {
                guard !stopped && !Task.isCancelled && isFollowed(source) else { return }
                let endpoint = self.endpoint(source)
                diagnostics.silentStreams[endpoint, default: 0] += 1
                markUnreachable(source, "no event for \(Int(idle)) s and no answer to /_ping (\(SnapshotAssembler.describe(error))): reopening the event stream")
                stream.cancel()
                return
            }
        }
    }

    private struct StreamOutcome: Sendable {
        var connected = false
        var lastEventTime: String?
        var error: String?
    }

    /// One attempt: opens the stream, then applies its events until it ends or is cancelled.
    private func consume(_ source: Source, since: String?) async -> StreamOutcome {
        var outcome = StreamOutcome()
        // The manager's stream carries its own node's container events too: an engine that
        // shares the manager's client is followed on it (one stream, not two).
        let filter: EventFilter = source == .manager ? .swarmAndContainers : .containers
        do {
            let stream = try await request(source) { try await $0.openEvents(filter: filter, since: since) }
            outcome.connected = true
            streamOpened(source)
            defer { diagnostics.streamsOpen.remove(endpoint(source)) }
            for try await line in stream {
                guard let event = try? DockerJSON.decode(DockerEvent.self, from: line, path: "/events") else { continue }
                outcome.lastEventTime = event.sinceParameter ?? outcome.lastEventTime
                apply(event, line, from: source)
            }
        } catch {
            outcome.error = SnapshotAssembler.describe(error)
        }
        return outcome
    }

    /// Runs `body` with the engine's reader, in a task of its own (`inOwnTask`): the manager's
    /// at once; a node engine's in its turn (`inTurn`), its reader made then if this is its
    /// first request.
    /// - Throws: what `body` throws; `DockerError.transport` when a node's TLS files cannot be read.
    private func request<T: Sendable>(_ source: Source, _ body: @escaping @Sendable (any EngineReader) async throws -> T) async throws -> T {
        guard case .node(let key) = source else {
            let reader = connections.managerReader
            return try await inOwnTask { await Self.attempt { try await body(reader) } }.get()
        }
        return try await inTurn(throwing: { try await body(try await self.nodeReader(key)) })
    }

    /// The endpoint string of a stream's engine, as the diagnostics count it.
    private func endpoint(_ source: Source) -> String {
        switch source {
        case .manager: connections.manager.endpoint.description
        case .node(let key): followed[key]?.host.choice.endpoint?.description ?? ""
        }
    }

    private func isFollowed(_ source: Source) -> Bool {
        if case .node(let key) = source { return followed[key] != nil }
        return true
    }

    /// A stream (re)opened: list again what it covers, since events may have been missed.
    private func streamOpened(_ source: Source) {
        let endpoint = self.endpoint(source)
        lastHeard[source] = Date()
        diagnostics.streamsOpen.insert(endpoint)
        diagnostics.streamOpens[endpoint, default: 0] += 1
        switch source {
        case .manager:
            managerNeeds.formUnion(.manager)
            kick(.manager)
            for key in managerShared { markContainersDirty(key) }
        case .node(let key):
            markContainersDirty(key)
        }
    }

    private func markUnreachable(_ source: Source, _ error: String) {
        switch source {
        case .manager: feed(.manager, .unreachable(error))
        case .node(let key): if let engine = engine(key) { feed(engine, .unreachable(error)) }
        }
        publishIfChanged()
    }

    private func apply(_ event: DockerEvent, _ line: Data, from source: Source) {
        diagnostics.events += 1
        lastHeard[source] = Date()
        switch source {
        case .manager: feed(.manager, .event(line))
        case .node(let key): if let engine = engine(key) { feed(engine, .event(line)) }
        }
        let needs = RefreshNeeds.needs(for: event)
        if needs.contains(.containers) {
            switch source {
            case .manager: for key in managerShared { markContainersDirty(key) }
            case .node(let key): markContainersDirty(key)
            }
        }
        var forManager = taskPolicy.admit(event, needs: needs, at: Date()).subtracting(.containers)
        // A service's own event, or one of its task containers': that service's tasks and counts
        // alone, not the whole swarm's (a node event still asks for every task).
        if forManager.contains(.tasks), let service = Self.service(of: event) {
            forManager.subtract([.tasks, .services])
            forManager.insert(.serviceTasks)
            movedServices.insert(service)
            inMotion[service] = Date().addingTimeInterval(intervals.fastWindow)
        }
        if !forManager.isEmpty {
            managerNeeds.formUnion(forManager)
            kick(.manager)
        }
    }

    /// The service an event is about: a service's own, or that of a swarm task's container.
    private static func service(of event: DockerEvent) -> String? {
        switch event.type {
        case "service": event.actor?.id
        case "container": event.actor?.attributes?["com.docker.swarm.service.id"]
        default: nil
        }
    }

    private func markContainersDirty(_ key: Int) {
        guard followed[key]?.host.choice.endpoint != nil else { return }  // no loop lists it
        followed[key]?.dirty = true
        kick(.containers(key))
    }

    // MARK: - The manager

    private func managerLoop() async {
        var lastRound = Date.distantPast
        while !stopped && !Task.isCancelled {
            if managerNeeds.isEmpty { await wait(.manager, until: min(nextTaskPoll, nextResync)) }
            guard !stopped && !Task.isCancelled else { return }
            if !managerNeeds.isEmpty { await settle(after: lastRound) }
            let now = Date()
            var needs = managerNeeds
            managerNeeds = []
            if now >= nextTaskPoll {
                needs.formUnion(retryNeeds.union(pollNeeds(at: now)))
                retryNeeds = []
            }
            if now >= nextResync {
                needs.formUnion(.manager)
                nextResync = now.addingTimeInterval(intervals.resync)
            }
            guard !needs.isEmpty else { continue }
            await refreshManager(needs)
            lastRound = Date()
        }
    }

    /// What a task poll asks for: fast (an event's window, tasks settling), the tasks and counts
    /// of the services in motion alone; otherwise (steady, or fast after a node event) every
    /// service with its counts, whose changes then name the services whose tasks are fetched.
    private func pollNeeds(at now: Date) -> RefreshNeeds {
        inMotion = inMotion.filter { $0.value > now }
        guard taskPolicy.current < intervals.poll else { return .services }
        let settling = snapshot.tasks.filter { $0.isSettling && !taskPolicy.cycling.contains($0.serviceID) }.map(\.serviceID)
        let moving = Set(inMotion.keys).union(settling)
        guard !moving.isEmpty else { return .services }
        movedServices.formUnion(moving)
        return .serviceTasks
    }

    /// Lets a burst of events gather (`coalesce`), and keeps rounds `minSpacing` apart.
    private func settle(after lastRound: Date) async {
        let wait = max(intervals.coalesce, intervals.minSpacing - Date().timeIntervalSince(lastRound))
        try? await Task.sleep(nanoseconds: Seconds.nanoseconds(wait))
    }

    /// Fetches `needs` from the manager concurrently. `.serviceTasks` fetches the counts of
    /// `movedServices` alone, then the tasks of those that still exist (the engine refuses a task
    /// filter naming a service that is gone; the assembler drops a gone service's tasks); a whole
    /// service list whose counts moved (running, desired, completed, or the spec's version)
    /// fetches those services' tasks after it; more than `wholeListAbove` services at once fetch
    /// the whole service list first. `.tasks` fetches every task: in one list, beside the
    /// services, while those known (none in the first round) fit one filter; otherwise by
    /// service, after the list (`readTasks`), so that a big swarm's tasks are not held at once
    /// on every resync. A round with a failure is asked again with the next task poll.
    private func refreshManager(_ needs: RefreshNeeds) async {
        diagnostics.managerRounds += 1
        let m = connections.managerReader
        let everyTask = needs.contains(.tasks)
        var moved = needs.contains(.serviceTasks) && !everyTask ? movedServices : []
        movedServices = []
        let wholeServices = needs.contains(.services) || everyTask || moved.count > Self.wholeListAbove
        // Every task in one list, beside the services, while those known (none at first) fit one filter.
        let oneTaskList = everyTask && snapshot.services.count <= Self.wholeListAbove
        let servicesPath = wholeServices ? EnginePath.services : moved.isEmpty ? nil : EnginePath.services(ids: moved)
        let countsBefore = Dictionary(snapshot.services.map { ($0.id, Self.counts($0)) }, uniquingKeysWith: { a, _ in a })
        var answers = await Self.read([needs.contains(.info) ? EnginePath.info : nil, needs.contains(.nodes) ? EnginePath.nodes : nil,
                                       servicesPath, oneTaskList ? EnginePath.tasks : nil], from: m)
        let managerHostname = snapshot.info?.name
        feedManager(answers[0])
        let nodesChanged = feedManager(answers[1])
        feedManager(answers[2])
        feedManager(answers[3])
        let failures = answers[0...2].compactMap(Self.failure)
        var taskFailures = [answers[3]].compactMap(Self.failure)
        let servicesAnswered = (try? answers[2]?.1.get()) != nil
        // The answers are let go before the node engines start: their first answers (200 engines
        // at once on a big swarm) do not come on top of the 18 MB of a first task list.
        answers = []
        // Nodes that joined or left, or the manager's own hostname now known: plan the engines again.
        if nodesChanged || snapshot.info?.name != managerHostname { followNodes(snapshot.nodes, managerHostname: snapshot.info?.name) }
        if !oneTaskList, servicesAnswered {
            let listed = Set(snapshot.services.map(\.id))
            if everyTask {
                moved = listed
            } else if wholeServices {
                moved.formUnion(snapshot.services.filter { countsBefore[$0.id] != Self.counts($0) }.map(\.id))
            }
            taskFailures += await readTasks(of: moved.intersection(listed))
        }
        nextTaskPoll = Date().addingTimeInterval(taskFailures.isEmpty ? taskPolicy.next(at: Date(), tasks: snapshot.tasks) : intervals.poll)
        // The version comes before the round's end: a snapshot published meanwhile (by a node
        // engine's loop) must not say "refreshed" without it.
        if !assembler.roundFailed, snapshot.apiVersion == nil || snapshot.error != nil, let version = try? await m.apiVersion() {
            feed(.manager, .apiVersion(version.description))
        }
        feed(.manager, .roundEnd)
        if snapshot.error != nil {  // retried with the next task poll
            retryNeeds.formUnion(needs.subtracting([.tasks, .serviceTasks]))
            if everyTask {
                retryNeeds.insert(.tasks)
            } else if !moved.isEmpty {
                movedServices.formUnion(moved)
                retryNeeds.insert(.serviceTasks)
            }
        }
        publishIfChanged()
        if let loss = (failures + taskFailures).lazy.compactMap(ManagerFailover.loss).first, await failOver(loss.reason, unanswered: loss.unanswered) {
            managerNeeds.formUnion(retryNeeds.union(.manager))  // everything again, from the new manager, now
            retryNeeds = []
            kick(.manager)
        }
    }

    // MARK: - Failover

    /// Seconds a failover waits for a candidate manager's `/nodes` (and `/_ping`).
    static let failoverProbe: TimeInterval = 5

    /// True when there is a manager besides the current one to fail over to: one named by the
    /// user, or one the swarm lists whose node has an engine planned.
    private var hasOtherManagers: Bool { !failoverCandidates.isEmpty }

    /// The managers to try instead of the current one, best first (`ManagerFailover.candidates`).
    private var failoverCandidates: [DockerEndpoint] {
        ManagerFailover.candidates(current: connections.manager.endpoint, given: connections.managerEndpoints, nodes: snapshot.nodes,
                                   engines: order.compactMap { followed[$0]?.host })
    }

    /// The manager stopped serving the swarm (`reason`, `unanswered` when it gave no answer at
    /// all): asks every other manager (`ManagerFailover.candidates`) concurrently for `/nodes`
    /// (at most `failoverProbe` seconds; not waiting for worse ones once a better one serves)
    /// and `/_ping`, and the current one for `/_ping`, and moves to the one
    /// `ManagerFailover.choose` picks: the manager's client, its event stream (reopened on the
    /// new manager with `since=` the last event's time) and the node engines that share its
    /// client change; every row is kept until the new manager's answers replace it.
    /// - Returns: true when it moved.
    private func failOver(_ reason: String, unanswered: Bool) async -> Bool {
        let current = connections.manager.endpoint
        let readers = failoverCandidates.compactMap { endpoint in (try? connections.reader(for: endpoint)).map { (endpoint, $0) } }
        guard !readers.isEmpty else { return false }
        let probe = Self.failoverProbe
        let currentReader = connections.managerReader
        async let currentAnswers = unanswered ? (try? await currentReader.ping()) != nil : true
        let probes = await withTaskGroup(of: (Int, Bool, Bool).self) { group in
            for (index, (_, reader)) in readers.enumerated() {
                group.addTask {
                    async let ping = (try? await reader.ping()) != nil
                    let serves = (try? await reader.read(EnginePath.nodes, timeout: probe)) != nil
                    return (index, serves, await ping)
                }
            }
            var probes = Array(repeating: (serves: false, answers: false), count: readers.count)
            var heard = Set<Int>()
            for await (index, serves, answers) in group {
                probes[index] = (serves, answers)
                heard.insert(index)
                // The best manager that serves is known once every better one answered: the others are not waited for.
                if let best = probes.firstIndex(where: { $0.serves }), (0..<best).allSatisfy(heard.contains) {
                    group.cancelAll()
                    break
                }
            }
            return probes
        }
        guard let chosen = ManagerFailover.choose(probes, currentAnswers: await currentAnswers),
              !stopped, connections.manager.endpoint == current else { return false }
        let endpoint = readers[chosen].0
        let sharedBefore = Set(managerShared)
        do { try connections.useManager(endpoint) } catch { return false }
        diagnostics.failovers += 1
        feed(.manager, .managerChanged(endpoint: endpoint.description, reason: reason))
        streams[.manager]?.cancel()
        for key in sharedBefore.symmetricDifference(managerShared) { restart(key) }
        publishIfChanged()
        return true
    }

    /// Starts a node engine's loops again (its event stream opened or not by whether it now
    /// shares the manager's client).
    private func restart(_ key: Int) {
        for loop in followed[key]?.loops ?? [] { loop.cancel() }
        followed[key]?.loops = []
        streams[.node(key)]?.cancel()
        for loop in [Loop.containers(key), .sizes(key)] { waiters.removeValue(forKey: loop)?.continuation.resume() }
        markContainersDirty(key)
        if running { start(key) }
    }

    /// The most services one filter names (a filter's length in the URL): more are asked for in
    /// several requests (`readTasks`), or, for their counts, with the whole service list.
    static let wholeListAbove = 40

    /// What tells that a service's tasks moved: its counts and its spec's version.
    private static func counts(_ service: Service) -> [UInt64?] {
        [service.version?.index, service.serviceStatus?.runningTasks, service.serviceStatus?.desiredTasks,
         service.serviceStatus?.completedTasks]
    }

    /// Feeds one manager answer (or its failure) to the assembler.
    /// - Returns: true when the snapshot changed.
    @discardableResult
    private func feedManager(_ read: (String, Result<Data, any Error>)?) -> Bool {
        guard let (path, result) = read else { return false }
        switch result {
        case .success(let body): return feed(.manager, .answer(path: path, body: body, took: nil))
        case .failure(let error): return feed(.manager, .failure(path: path, error: SnapshotAssembler.describe(error)))
        }
    }

    /// `GET path` on `reader` with its own timeout: the path with the body or the error, as
    /// `feedManager` takes them.
    private static func read(_ path: String, from reader: any EngineReader) async -> (String, Result<Data, any Error>) {
        (path, await attempt { try await reader.read(path, timeout: nil) })
    }

    /// `read` of each path at once (nil: not read), in the order given. Each answer is held by
    /// the array returned alone (not by an `async let` to the caller's end), so the caller can
    /// let it go.
    private static func read(_ paths: [String?], from reader: any EngineReader) async -> [(String, Result<Data, any Error>)?] {
        await withTaskGroup(of: (Int, (String, Result<Data, any Error>)?).self) { group in
            for (index, path) in paths.enumerated() {
                group.addTask {
                    guard let path else { return (index, nil) }
                    return (index, await read(path, from: reader))
                }
            }
            var answers = [(String, Result<Data, any Error>)?](repeating: nil, count: paths.count)
            for await (index, answer) in group { answers[index] = answer }
            return answers
        }
    }

    /// The error of a read that failed; nil for one that answered or was not made.
    private static func failure(_ read: (String, Result<Data, any Error>)?) -> (any Error)? {
        if case .failure(let error) = read?.1 { error } else { nil }
    }

    /// Task lists of some services (`readTasks`) asked for at once, at most.
    static let taskListsAtOnce = 4

    /// Reads and feeds the tasks of `services` (IDs): `wholeListAbove` services a request, at
    /// most `taskListsAtOnce` requests at a time, each answer fed (and let go) as it comes, so
    /// that the 18 MB of a 10,000-task swarm's tasks are never held at once. A request the
    /// engine refuses because one of its services is gone (404, a service removed since it was
    /// listed) has those services listed again (the assembler drops a gone one with its tasks)
    /// and is asked again for those still listed.
    /// - Returns: the errors of the reads that failed.
    private func readTasks(of services: Set<String>) async -> [any Error] {
        let m = connections.managerReader
        let ids = services.sorted()
        var batches = stride(from: 0, to: ids.count, by: Self.wholeListAbove).map {
            Array(ids[$0..<min($0 + Self.wholeListAbove, ids.count)])
        }[...]
        var failures: [any Error] = []
        await withTaskGroup(of: ([String], (String, Result<Data, any Error>)).self) { group in
            for _ in 0..<Self.taskListsAtOnce {
                guard let batch = batches.popFirst() else { break }
                group.addTask { (batch, await Self.read(EnginePath.tasks(services: batch), from: m)) }
            }
            while let (batch, first) = await group.next() {
                if let next = batches.popFirst() { group.addTask { (next, await Self.read(EnginePath.tasks(services: next), from: m)) } }
                var answer = first
                if case .failure(DockerError.api(status: 404, _)) = answer.1 {
                    let listed = await Self.read(EnginePath.services(ids: batch), from: m)
                    feedManager(listed)
                    if let error = Self.failure(listed) { failures.append(error); continue }
                    let known = Set(snapshot.services.map(\.id))
                    let still = batch.filter(known.contains)
                    guard !still.isEmpty else { continue }
                    answer = await Self.read(EnginePath.tasks(services: still), from: m)
                }
                feedManager(answer)
                if let error = Self.failure(answer) { failures.append(error) }
            }
        }
        return failures
    }

    // MARK: - Node engines

    /// Lists an engine's containers (without sizes, which come from the last size query) each
    /// time an event or a reconnect marks them dirty.
    private func containerLoop(_ key: Int) async {
        var lastRound = Date.distantPast
        while !stopped && !Task.isCancelled && followed[key] != nil {
            if followed[key]?.dirty == false { await wait(.containers(key), until: nil) }
            guard !stopped && !Task.isCancelled && followed[key] != nil else { return }
            await settle(after: lastRound)
            followed[key]?.dirty = false
            guard await inTurn({ await self.listContainers(key) }) else { return }
            lastRound = Date()
            publishIfChanged()
        }
    }

    /// Lists an engine's containers and feeds the answer or the failure.
    /// - Returns: false when the engine is no longer followed.
    private func listContainers(_ key: Int) async -> Bool {
        let path = EnginePath.containers(size: false)
        let result = await Self.attempt { try await self.nodeReader(key).read(path, timeout: nil) }
        guard let engine = engine(key) else { return false }
        switch result {
        case .success(let body): feed(engine, .answer(path: path, body: body, took: nil))
        case .failure(let error): feed(engine, .failure(path: path, error: SnapshotAssembler.describe(error)))
        }
        return true
    }

    /// Runs a node engine's read and the feeding of its answer in one turn of
    /// `Connections.limiter`, in a task of its own (`inOwnTask`) once the turn is taken: an
    /// answer is fed before another read takes the turn. With the reads alone limited, the
    /// answers of a big swarm's 200 engines at its start waited for the refresh engine all
    /// together, 27 MB of bodies at once; and the 200 engines' rounds that wait for a turn hold
    /// no request's frames meanwhile.
    private func inTurn<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> T {
        await connections.limiter.run { await self.inOwnTask(work) }
    }

    /// `inTurn` for work that throws.
    /// - Throws: what `work` throws.
    private func inTurn<T: Sendable>(throwing work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await inTurn { await Self.attempt(work) }.get()
    }

    /// Runs `work` in a child task of its own and waits for it. Swift's task allocator keeps
    /// the memory of a task's deepest calls (its slabs) until the task ends: an engine's loops,
    /// which live as long as the engine is followed, held what their HTTP requests' frames
    /// once took, some 9 kB a loop (heaptrack at 200 engines: 9.8 MB of task memory at the
    /// peak). A request made in a task of its own gives it back when it ends.
    /// (A group's child, not an `async let`: an `async let` keeps its child's first memory in
    /// the caller's task, which then kept it as before.)
    private func inOwnTask<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> T {
        await withTaskGroup(of: T.self) { group in
            group.addTask(operation: work)
            for await result in group { return result }
            preconditionFailure("a group with a child task ended without its result")
        }
    }

    /// Measures every container's writable layer (`size=1`), then what the engine's data root
    /// holds (`/system/df`, which walks every layer too; and its `/info` until it answered), on
    /// the engine's own cadence: the time both queries took, divided by the budget, at least
    /// `intervals.sizes`. A failed `/system/df` or `/info` leaves the sizes as they are.
    private func sizeLoop(_ key: Int) async {
        while !stopped && !Task.isCancelled, let next = followed[key]?.nextSizes {
            await wait(.sizes(key), until: next)
            guard !stopped && !Task.isCancelled && followed[key] != nil else { return }
            guard await measureSizes(key) else { return }
            publishIfChanged()
        }
    }

    /// One round of `sizeLoop`: the sizes, then the disk, each read and fed in a turn of its own.
    /// - Returns: false when the engine is no longer followed.
    private func measureSizes(_ key: Int) async -> Bool {
        let path = EnginePath.containers(size: true)
        do {
            guard let took = try await inTurn(throwing: { try await self.readAndFeed(key, path, timed: true) }) else { return false }
            let diskTook = await readDisk(key)
            let interval = sizePolicy.interval(after: took + diskTook)
            guard let engine = engine(key) else { return false }
            feed(engine, .sizeInterval(interval))
            followed[key]?.nextSizes = Date().addingTimeInterval(interval)
        } catch {
            guard let engine = engine(key) else { return false }
            feed(engine, .failure(path: path, error: SnapshotAssembler.describe(error)))
            followed[key]?.nextSizes = Date().addingTimeInterval(intervals.sizes)
            // A connection that stalls may hide a stream that silently died with it.
            streams[managerShared.contains(key) ? .manager : .node(key)]?.cancel()
        }
        return true
    }

    /// `GET path` on a node engine with the size queries' timeout, its answer fed (with the
    /// seconds it took when `timed`); run in a turn (`inTurn`).
    /// - Returns: the seconds the read took; nil when the engine is no longer followed.
    /// - Throws: `DockerError` from the read, not fed.
    private func readAndFeed(_ key: Int, _ path: String, timed: Bool) async throws -> Double? {
        let reader = try nodeReader(key)
        let started = Date()
        let body = try await reader.read(path, timeout: max(30, reader.timeout))
        let took = Date().timeIntervalSince(started)
        guard let engine = engine(key) else { return nil }
        feed(engine, .answer(path: path, body: body, took: timed ? took : nil))
        return took
    }

    /// Reads a node engine's `/system/df` (and its `/info` while not known) and feeds the
    /// answers or failures.
    /// - Returns: the seconds `/system/df` took (0 when it failed).
    private func readDisk(_ key: Int) async -> Double {
        var took = 0.0
        var paths = [EnginePath.systemDF]
        if let index = position(key), snapshot.engines[index].engineInfo == nil { paths.append(EnginePath.info) }
        for path in paths {
            do {
                let df = path == EnginePath.systemDF
                guard let seconds = try await inTurn(throwing: { try await self.readAndFeed(key, path, timed: df) }) else { return took }
                if df { took = seconds }
            } catch {
                guard let engine = engine(key) else { return took }
                feed(engine, .failure(path: path, error: SnapshotAssembler.describe(error)))
            }
        }
        return took
    }

    // MARK: - Which node engines

    /// Plans the node engines again for a node list (`Connections.plan`): stops following
    /// those no longer planned (or planned elsewhere) and shuts their clients down, follows the
    /// new ones, and keeps `snapshot.engines` in the plan's order. Called after each listing
    /// of `/nodes` or `/info` (internal for tests).
    func followNodes(_ nodes: [Node], managerHostname: String?) {
        let plan = connections.plan(nodes: nodes, managerHostname: managerHostname)
        var keyOf: [String: Int] = [:]
        for key in order { if let f = followed[key] { keyOf[f.host.hostname] = key } }
        let wanted = Dictionary(plan.map { ($0.hostname, $0) }, uniquingKeysWith: { first, _ in first })
        for (hostname, key) in keyOf where wanted[hostname] != followed[key]?.host {
            unfollow(key)
            keyOf[hostname] = nil
        }
        var newOrder: [Int] = []
        for host in plan {
            if let key = keyOf[host.hostname] {
                newOrder.append(key)
            } else {
                let key = nextKey
                nextKey += 1
                followed[key] = Followed(host: host)
                newOrder.append(key)
            }
        }
        order = newOrder
        feed(.manager, .engines(plan.map(EngineObservation.PlannedEngine.init)))
        if running { for key in order where followed[key]?.loops.isEmpty == true { start(key) } }
    }

    /// Starts an engine's loops (none for one the rule gave no endpoint), each a task of its
    /// own: a task above them, waiting for them in a group, was one more task an engine (0.5 MB
    /// at 200 engines).
    private func start(_ key: Int) {
        guard followed[key]?.host.choice.endpoint != nil else { return }
        let events = managerShared.contains(key) ? [] : [Task { await self.followEvents(.node(key)) }]
        followed[key]?.loops = events + [Task { await self.containerLoop(key) }, Task { await self.sizeLoop(key) }]
    }

    /// Stops following an engine: its loops end, its stream is cut, and its client is shut
    /// down unless another engine followed uses the same endpoint.
    private func unfollow(_ key: Int) {
        guard let gone = followed.removeValue(forKey: key) else { return }
        for loop in gone.loops { loop.cancel() }
        streams[.node(key)]?.cancel()
        lastHeard[.node(key)] = nil
        for loop in [Loop.containers(key), .sizes(key)] {
            waiters.removeValue(forKey: loop)?.continuation.resume()
            kicked.remove(loop)
        }
        order.removeAll { $0 == key }
        if let endpoint = gone.host.choice.endpoint, !followed.values.contains(where: { $0.host.choice.endpoint == endpoint }) {
            let connections = self.connections
            Task { await connections.release(endpoint) }
        }
    }

    /// The engines followed through the manager's own client (their containers' events come
    /// on the manager's stream).
    private var managerShared: [Int] {
        order.filter { followed[$0]?.host.choice.endpoint == connections.manager.endpoint }
    }

    /// A node engine's reader, made the first time it is needed.
    /// - Throws: `DockerError.transport` when its TLS files cannot be read.
    private func nodeReader(_ key: Int) throws -> any EngineReader {
        guard let f = followed[key], let endpoint = f.host.choice.endpoint else {
            throw DockerError.transport(endpoint: "", reason: Connections.notConfigured)
        }
        if let reader = f.reader { return reader }
        let reader = try connections.reader(for: endpoint)
        followed[key]?.reader = reader
        return reader
    }

    private func position(_ key: Int) -> Int? { order.firstIndex(of: key) }

    /// The engine of a followed key, as observations name it; nil once it is no longer followed.
    private func engine(_ key: Int) -> EngineObservation.Engine? {
        guard position(key) != nil, let hostname = followed[key]?.host.hostname else { return nil }
        return .node(hostname: hostname)
    }

    /// Feeds an observation made now to the assembler (and the observer).
    /// - Returns: true when the snapshot changed.
    @discardableResult
    private func feed(_ engine: EngineObservation.Engine, _ content: EngineObservation.Content) -> Bool {
        let observation = EngineObservation(engine, content, at: Date())
        observer?(observation)
        return assembler.apply(observation)
    }

    // MARK: - Waiting and publishing

    /// Suspends until `kick(loop)`, the deadline (nil: none), or `stop()`.
    private func wait(_ loop: Loop, until deadline: Date?) async {
        if stopped || kicked.remove(loop) != nil { return }
        if let deadline, deadline <= Date() { return }
        tokens += 1
        let token = tokens
        var sleeper: Task<Void, Never>?
        if let deadline {
            let nanoseconds = Seconds.nanoseconds(deadline.timeIntervalSinceNow)
            sleeper = Task {
                try? await Task.sleep(nanoseconds: nanoseconds)
                if !Task.isCancelled { self.fire(loop, token) }
            }
        }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in waiters[loop] = (token, c) }
        sleeper?.cancel()
    }

    private func fire(_ loop: Loop, _ token: Int) {
        guard waiters[loop]?.token == token else { return }
        waiters.removeValue(forKey: loop)?.continuation.resume()
    }

    private func kick(_ loop: Loop) {
        if let w = waiters.removeValue(forKey: loop) { w.continuation.resume() } else { kicked.insert(loop) }
    }

    private func stop() {
        stopped = true
        for w in waiters.values { w.continuation.resume() }
        waiters.removeAll()
        for s in streams.values { s.cancel() }
        for f in followed.values { for loop in f.loops { loop.cancel() } }
    }

    private func publishIfChanged() {
        guard snapshot != lastPublished else { return }
        lastPublished = snapshot
        diagnostics.published += 1
        publish?(snapshot)
    }

    private static func attempt<T: Sendable>(_ body: @Sendable () async throws -> T) async -> Result<T, any Error> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }
}

/// The live feed: snapshots as the engines answer.
extension RefreshEngine: SwarmFeed {}
