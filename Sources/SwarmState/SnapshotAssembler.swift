import Foundation

/// Engine answers in, a `ClusterSnapshot` out: the one place that knows what the engines'
/// answers mean. Pure (no I/O, no clock: every time it stores is an observation's `at`), so a
/// recording replayed through it gives the snapshots the live run gave.
///
/// What each observation does:
/// - the manager's `/info`, `/nodes`, `/services?status=true`, `/tasks` (`EnginePath`): the
///   snapshot's `info`, `nodes`, `services`, `tasks`. An answer whose bytes are those of the
///   last answer to the same path is not decoded again (a steady swarm answers the same bytes).
///   The tasks of some services (`EnginePath.tasks(services:)`) and some services with their
///   counts (`EnginePath.services(ids:)`) replace those services' tasks, or those services, in
///   the snapshot (a task list of the same services with the same bytes as the last is not
///   decoded again). A service no longer listed takes its tasks with it. A failure, or a body that does not decode, counts against the round;
/// - `.roundEnd` on the manager: a round without failure sets `refreshedAt` and clears the
///   manager's `error`; otherwise the round's first failure becomes the `error`;
/// - `.apiVersion` on the manager: `apiVersion`;
/// - `.engines`: the node engines followed, in order; an engine planned as before keeps its
///   rows, a new or re-planned one starts empty (with the plan's problem as its error), one no
///   longer planned is dropped with what was known of it;
/// - a node engine's `/containers/json?all=1`: its containers, with the sizes of the last size
///   query merged in, `listedAt`, and its error cleared;
/// - `/containers/json?all=1&size=1`: its containers with their sizes, `sizesAt`, `listedAt`,
///   `sizeQuerySeconds` (the answer's `took`), the single-container times forgotten, the error cleared;
/// - `/containers/{id}/json?size=1`: that container's sizes and `sizeTimes[id]`;
/// - `/system/df`: the engine's `diskUsage`, `diskUsageAt`, `diskQuerySeconds`; its `/info`:
///   `engineInfo` (storage driver, data root). Their failures (or undecodable bodies) are its
///   `diskError` only: its rows stay fresh;
/// - every size answer (`size=1`, one container's, `/system/df`) adds to `sizeHistory` (the
///   growth of each writable layer, at the observation's `at`); a whole list forgets the
///   containers no longer in it;
/// - a node engine's failure (other than a single container's size, whose error goes to who
///   asked) or undecodable list: its `error` (its rows are kept, stale);
/// - `.unreachable`: the engine's error; on the manager, also that of every node engine
///   reached through the manager's own endpoint;
/// - `.sizeInterval`: the engine's `sizeInterval`;
/// - `.managerChanged` on the manager: the snapshot's `endpoint` and `managerChange` (every
///   row kept: the new manager's answers replace them);
/// - events and `/_ping` answers change nothing (events tell the refresh engine what to ask);
/// - after each observation, the `Timeline` notes what it and the change it made tell (a task
///   failed, a service scaled…): the snapshot's `timeline`.
/// Observations of a node engine not followed (it left meanwhile) are ignored.
public struct SnapshotAssembler: Sendable {
    /// The snapshot so far.
    public private(set) var snapshot: ClusterSnapshot
    /// The digest of the last body of each manager path (`EnginePath`).
    private var managerBodies: [String: BodyDigest] = [:]
    /// The digest of each list of some services' tasks (`EnginePath.tasks(services:)`) last
    /// decoded, with those services, by path: the same bytes again are not decoded again (every
    /// task is listed again that way on a swarm of more services than one filter names). One is
    /// forgotten when the tasks of any of its services change by another answer, so the lists
    /// kept name disjoint sets of services: at most one per service.
    private var taskLists: [String: (services: Set<String>, body: BodyDigest)] = [:]
    /// Manager failures since the last `.roundEnd`, in order.
    private var roundErrors: [String] = []

    /// True when a manager answer of the round not yet ended (`.roundEnd`) failed.
    public var roundFailed: Bool { !roundErrors.isEmpty }
    /// What the node engines answered, by hostname.
    private var nodes: [String: NodeState] = [:]
    /// What happened, kept across the run (the snapshot's `timeline`).
    private var timeline = Timeline()
    /// The containers' texts that every node repeats (`ContainerSummary.sharingTexts`), once
    /// for all engines: an answer's strings are shared within the answer only, and a service's
    /// image, image ID, command and names were held once for each of its containers (200
    /// engines' lists of 50 containers of 50 services). Made again from the snapshot's
    /// containers when it holds twice as many as were in use.
    private var containerTexts = Set<String>()
    private var containerTextsLimit = 4_096

    /// What is known of one node engine besides its `NodeEngine` entry.
    private struct NodeState: Sendable {
        /// The plan its entry was made for.
        var plan: EngineObservation.PlannedEngine
        /// The path and digest of the container list last applied: one with the same bytes
        /// changes nothing.
        var applied: (path: String, body: BodyDigest)?
        /// Sizes last measured, by container ID.
        var sizes: [String: DockerClient.ContainerSize] = [:]
    }

    /// - Parameter endpoint: the manager endpoint, e.g. `unix:///run/swarmtop-lab/node1.sock`.
    public init(endpoint: String) {
        snapshot = ClusterSnapshot(endpoint: endpoint)
    }

    /// Applies one observation (see the type's notes for what each does).
    /// - Returns: true when the snapshot changed.
    @discardableResult
    public mutating func apply(_ observation: EngineObservation) -> Bool {
        let before = snapshot
        switch (observation.engine, observation.content) {
        case (_, .engines(let plan)):
            follow(plan)
        case (.manager, let content):
            applyManager(content, at: observation.at)
        case (.node(let hostname), let content):
            guard let index = snapshot.engines.firstIndex(where: { $0.hostname == hostname }) else { break }
            applyNode(index, content, at: observation.at)
        }
        timeline.note(observation, before: before, after: snapshot)
        snapshot.timeline = timeline.entries
        return snapshot != before
    }

    // MARK: - The manager

    private mutating func applyManager(_ content: EngineObservation.Content, at: Date) {
        switch content {
        case .answer(let path, let body, _):
            let digest = BodyDigest(body)
            guard managerBodies[path] != digest, taskLists[path]?.body != digest else { return }
            do {
                switch path {
                case EnginePath.info: snapshot.info = try DockerJSON.decode(SystemInfo.self, from: body, path: path)
                case EnginePath.nodes: snapshot.nodes = try DockerJSON.decode([Node].self, from: body, path: path)
                case EnginePath.services:
                    let services = try DockerJSON.decode([Service].self, from: body, path: path)
                    dropTasks(ofServicesNotIn: services)
                    snapshot.services = services
                case EnginePath.tasks:
                    snapshot.tasks = Self.reusing(try DockerJSON.decode([SwarmTask].self, from: body, path: path), from: snapshot.tasks)
                    taskLists = [:]
                default:
                    if let ids = EnginePath.taskServices(path) {
                        let services = Set(ids)
                        let tasks = Self.reusing(try DockerJSON.decode([SwarmTask].self, from: body, path: path),
                                                 from: snapshot.tasks.filter { services.contains($0.serviceID) })
                        Self.replace(&snapshot.tasks, of: services, by: \.serviceID, with: tasks)
                        forgetTaskLists(of: services)
                        taskLists[path] = (services, digest)
                    } else if let ids = EnginePath.serviceIDs(path) {
                        let services = try DockerJSON.decode([Service].self, from: body, path: path)
                        var updated = snapshot.services
                        Self.replace(&updated, of: Set(ids), by: \.id, with: services)
                        dropTasks(ofServicesNotIn: updated)
                        snapshot.services = updated
                        managerBodies[EnginePath.services] = nil
                    }
                    return  // a part of a list: not the whole list's bytes
                }
                managerBodies[path] = digest
            } catch {
                roundErrors.append(Self.describe(error))
            }
        case .failure(let path, let error):
            if [EnginePath.info, EnginePath.nodes, EnginePath.services, EnginePath.tasks].contains(path)
                || EnginePath.taskServices(path) != nil || EnginePath.serviceIDs(path) != nil { roundErrors.append(error) }
        case .roundEnd:
            if let first = roundErrors.first {
                snapshot.error = first
            } else {
                snapshot.refreshedAt = at
                snapshot.error = nil
            }
            roundErrors = []
        case .apiVersion(let version):
            snapshot.apiVersion = version
        case .unreachable(let reason):
            snapshot.error = reason
            for index in snapshot.engines.indices where snapshot.engines[index].endpoint == snapshot.endpoint {
                snapshot.engines[index].error = reason
            }
        case .managerChanged(let endpoint, let reason):
            func hostname(_ endpoint: String) -> String? { snapshot.engines.first { $0.endpoint == endpoint }?.hostname }
            snapshot.managerChange = ManagerChange(from: snapshot.endpoint, fromHostname: hostname(snapshot.endpoint), to: endpoint,
                                                   toHostname: hostname(endpoint), reason: reason, at: at)
            snapshot.endpoint = endpoint
        case .event, .engines, .sizeInterval:
            break
        }
    }

    /// Drops the tasks of every service `services` does not list: a service removed takes its
    /// tasks (the engine deletes them; a task poll would not name a service that is gone), and
    /// so does one whose tasks came in a list beside a service list that did not name it yet
    /// (created between the two answers) and that is gone by the next. Every task is listed
    /// again by service once the swarm has more services than one filter names (the refresh
    /// engine's `readTasks`), so no whole list would clear them.
    private mutating func dropTasks(ofServicesNotIn services: [Service]) {
        let listed = Set(services.map(\.id))
        let unlisted = Set(snapshot.tasks.lazy.map(\.serviceID).filter { !listed.contains($0) })
        guard !unlisted.isEmpty else { return }
        forgetTaskLists(of: unlisted)
        snapshot.tasks.removeAll { unlisted.contains($0.serviceID) }
    }

    /// Forgets the digests of the task lists that hold tasks of `services` (theirs changed):
    /// the whole list's, and the filtered lists' naming any of them.
    private mutating func forgetTaskLists(of services: Set<String>) {
        managerBodies[EnginePath.tasks] = nil  // the next whole list is decoded, even if as before
        taskLists = taskLists.filter { $0.value.services.isDisjoint(with: services) }
    }

    /// Replaces the items of `list` whose `key` is in `ids` by `part` (the answer of a list
    /// filtered to those IDs: what it lacks is gone), kept in the order the items came. One new
    /// buffer at most (when `list` is shared): 10,000 tasks are not copied twice on the way.
    static func replace<T, Key: Hashable>(_ list: inout [T], of ids: Set<Key>, by key: KeyPath<T, Key>, with part: [T]) {
        list.reserveCapacity(list.count + part.count)
        list.removeAll { ids.contains($0[keyPath: key]) }
        list.append(contentsOf: part)
    }

    /// `list` with each task that `known` holds equal taken from `known`: a task an answer
    /// repeats unchanged is held once, not once more for each answer that listed it (a resync
    /// lists 10,000 tasks again while the snapshots before it still hold them); and the specs
    /// that are equal in one box (`SwarmTask.sharingSpecs`).
    static func reusing(_ list: [SwarmTask], from known: [SwarmTask]) -> [SwarmTask] {
        let byID = Dictionary(known.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return SwarmTask.sharingSpecs(list.map { task in byID[task.id].flatMap { $0 == task ? $0 : nil } ?? task }, with: known)
    }

    /// `list` with each container that `known` holds too (every field the same but the sizes)
    /// taken from `known`, with `list`'s sizes: its strings then share `known`'s storage, and an
    /// unchanged one is `known`'s (one box, `ContainerSummary.Fields`).
    /// An engine's `/containers/json` and `/system/df` name the same containers; kept apart, 10,000
    /// containers were held twice (32 MB each time at 200 nodes).
    /// - Parameters:
    ///   - sizes: for a list without sizes, the sizes measured last, by container ID: a
    ///     container keeps its measured size, and one that did not change stays `known`'s (its
    ///     sizes set after sharing, each list made two new boxes of every container).
    ///   - texts: the texts every node's containers repeat, kept once (`ContainerSummary.sharingTexts`):
    ///     a container not held before takes them from it.
    static func sharing(_ list: [ContainerSummary], with known: [ContainerSummary],
                        sizes: [String: DockerClient.ContainerSize] = [:], texts: inout Set<String>) -> [ContainerSummary] {
        let byID = Dictionary(known.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return list.map { listed in
            var container = listed
            if let size = sizes[listed.id] {
                container.sizeRw = size.sizeRw
                container.sizeRootFs = size.sizeRootFs
            }
            guard let known = byID[container.id] else { return container.sharingTexts { texts.insert($0).memberAfterInsert } }
            if known == container { return known }
            var shared = known
            shared.sizeRw = container.sizeRw
            shared.sizeRootFs = container.sizeRootFs
            return shared == container ? shared : container.sharingTexts { texts.insert($0).memberAfterInsert }
        }
    }

    /// Makes `containerTexts` again from the snapshot's containers once it holds twice as
    /// many texts as were in use (images and commands of services gone).
    private mutating func pruneContainerTexts() {
        guard containerTexts.count > containerTextsLimit else { return }
        containerTexts = []
        for engine in snapshot.engines {
            for container in engine.containers + (engine.diskUsage?.containers ?? []) {
                _ = container.sharingTexts { containerTexts.insert($0).memberAfterInsert }
            }
        }
        containerTextsLimit = max(4_096, 2 * containerTexts.count)
    }

    // MARK: - Node engines

    private mutating func applyNode(_ index: Int, _ content: EngineObservation.Content, at: Date) {
        let hostname = snapshot.engines[index].hostname
        switch content {
        case .answer(let path, let body, let took):
            if let id = EnginePath.containerSizeID(path) {
                guard let size = try? DockerJSON.decode(DockerClient.ContainerSize.self, from: body, path: path) else { return }
                nodes[hostname]?.sizes[id] = size
                if let row = snapshot.engines[index].containers.firstIndex(where: { $0.id == id }) {
                    snapshot.engines[index].containers[row].sizeRw = size.sizeRw
                    snapshot.engines[index].containers[row].sizeRootFs = size.sizeRootFs
                }
                snapshot.engines[index].sizeTimes[id] = at
                noteSizes(index, [(id, size.sizeRw, size.sizeRootFs)], at: at, complete: false)
                return
            }
            switch path {
            case EnginePath.systemDF:
                do {
                    var usage = try DockerJSON.decode(DiskUsage.self, from: body, path: path)
                    let known = snapshot.engines[index].containers
                    usage.containers = usage.containers.map { Self.sharing($0, with: known, texts: &containerTexts) }
                    pruneContainerTexts()
                    snapshot.engines[index].diskUsage = usage
                    snapshot.engines[index].diskUsageAt = at
                    snapshot.engines[index].diskQuerySeconds = took
                    snapshot.engines[index].diskError = nil
                    noteSizes(index, (usage.containers ?? []).map { ($0.id, $0.sizeRw, $0.sizeRootFs) }, at: at, complete: true)
                } catch {
                    snapshot.engines[index].diskError = Self.describe(error)
                }
                return
            case EnginePath.info:
                do {
                    snapshot.engines[index].engineInfo = try DockerJSON.decode(SystemInfo.self, from: body, path: path)
                } catch {
                    snapshot.engines[index].diskError = Self.describe(error)
                }
                return
            default:
                break
            }
            let sized = path == EnginePath.containers(size: true)
            guard sized || path == EnginePath.containers(size: false) else { return }
            // A list of sizes is read every time (its time is the sizes' age); one without them
            // is read only when its bytes differ from the list last applied.
            let digest = BodyDigest(body)
            let unchanged = !sized && nodes[hostname]?.applied.map { $0.path == path && $0.body == digest } == true
            if !unchanged {
                let list: [ContainerSummary]
                do {
                    list = Self.sharing(try DockerJSON.decode([ContainerSummary].self, from: body, path: path),
                                        with: snapshot.engines[index].containers + (snapshot.engines[index].diskUsage?.containers ?? []),
                                        sizes: sized ? [:] : nodes[hostname]?.sizes ?? [:], texts: &containerTexts)
                    pruneContainerTexts()
                } catch {
                    snapshot.engines[index].error = Self.describe(error)
                    return
                }
                nodes[hostname]?.applied = (path, digest)
                if sized {
                    nodes[hostname]?.sizes = Dictionary(list.map { ($0.id, DockerClient.ContainerSize(sizeRw: $0.sizeRw, sizeRootFs: $0.sizeRootFs)) },
                                                        uniquingKeysWith: { first, _ in first })
                    snapshot.engines[index].containers = list
                    noteSizes(index, list.map { ($0.id, $0.sizeRw, $0.sizeRootFs) }, at: at, complete: true)
                    snapshot.engines[index].sizesAt = at
                    snapshot.engines[index].sizeTimes = [:]
                    snapshot.engines[index].sizeQuerySeconds = took
                } else {
                    snapshot.engines[index].containers = list
                }
            }
            snapshot.engines[index].listedAt = at
            snapshot.engines[index].error = nil
        case .failure(let path, let error):
            guard EnginePath.containerSizeID(path) == nil, path != EnginePath.ping else { return }
            if path == EnginePath.systemDF || path == EnginePath.info {
                snapshot.engines[index].diskError = error
                return
            }
            snapshot.engines[index].error = error
        case .unreachable(let reason):
            snapshot.engines[index].error = reason
        case .sizeInterval(let seconds):
            snapshot.engines[index].sizeInterval = seconds
        case .event, .engines, .apiVersion, .roundEnd, .managerChanged:
            break
        }
    }

    /// Notes measured writable layers in the engine's `sizeHistory`: a missing `SizeRw` next
    /// to a `SizeRootFs` is 0 (the engine omits zeros), a container with neither is skipped.
    /// A `complete` list (every container of the engine) drops the histories of those not in it.
    private mutating func noteSizes(_ index: Int, _ sizes: [(id: String, sizeRw: Int64?, sizeRootFs: Int64?)], at: Date, complete: Bool) {
        snapshot.engines[index].sizeHistory.note(sizes.map { ($0.id, $0.sizeRw ?? ($0.sizeRootFs == nil ? nil : 0)) }, at: at, complete: complete)
    }

    /// Follows the engines of `plan`, in its order.
    private mutating func follow(_ plan: [EngineObservation.PlannedEngine]) {
        let current = Dictionary(snapshot.engines.map { ($0.hostname, $0) }, uniquingKeysWith: { first, _ in first })
        var kept: [String: NodeState] = [:]
        var engines: [NodeEngine] = []
        for planned in plan where kept[planned.hostname] == nil {
            if let state = nodes[planned.hostname], state.plan == planned, let engine = current[planned.hostname] {
                kept[planned.hostname] = state
                engines.append(engine)
            } else {
                kept[planned.hostname] = NodeState(plan: planned)
                var engine = NodeEngine(hostname: planned.hostname, endpoint: planned.endpoint, error: planned.problem)
                engine.origin = planned.origin
                engines.append(engine)
            }
        }
        nodes = kept
        snapshot.engines = engines
    }

    /// An error as the status line shows it (and as a `.failure` observation carries it): a
    /// `DockerError`'s description, else the error's own.
    public static func describe(_ error: any Error) -> String {
        (error as? DockerError)?.description ?? String(describing: error)
    }
}
