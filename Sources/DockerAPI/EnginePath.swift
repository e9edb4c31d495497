import Foundation

/// The Engine API paths swarmtop reads to build a snapshot, spelled once: the client's read
/// methods send them, and `EngineObservation`s (and so recordings) name answers by them.
/// Each is the path without the version prefix, with its query as sent.
public enum EnginePath {
    /// `GET /info`: the engine's identity and swarm membership.
    public static let info = "/info"
    /// `GET /nodes` (managers only).
    public static let nodes = "/nodes"
    /// `GET /services?status=true`: services with running/desired task counts (API 1.41+).
    public static let services = "/services?status=true"
    /// `GET /tasks`: every task the manager still keeps.
    public static let tasks = "/tasks"
    /// `GET /tasks?filters={"service":[…]}`: the tasks of these services only (by ID, sorted), for a
    /// poll that fetches what moved rather than the whole swarm.
    public static func tasks(services ids: some Collection<String>) -> String {
        "/tasks?filters=" + ((try? EngineFilters.list("service", ids.sorted())) ?? "")
    }

    /// `GET /services?status=true&filters={"id":[…]}`: these services only (by ID, sorted), with
    /// their running/desired counts.
    public static func services(ids: some Collection<String>) -> String {
        services + "&filters=" + ((try? EngineFilters.list("id", ids.sorted())) ?? "")
    }

    /// The service IDs of a `tasks(services:)` path; nil for any other path.
    public static func taskServices(_ path: String) -> [String]? {
        filterValues(path, prefix: "/tasks?filters=", name: "service")
    }

    /// The service IDs of a `services(ids:)` path; nil for any other path.
    public static func serviceIDs(_ path: String) -> [String]? {
        filterValues(path, prefix: services + "&filters=", name: "id")
    }

    private static func filterValues(_ path: String, prefix: String, name: String) -> [String]? {
        guard path.hasPrefix(prefix) else { return nil }
        return EngineFilters.values(of: name, in: String(path.dropFirst(prefix.count)))
    }

    /// `GET /system/df`: what the engine's data root holds (images, containers' writable
    /// layers, volumes, build cache). Expensive: the engine walks every layer, as with `size=1`.
    public static let systemDF = "/system/df"
    /// `GET /_ping` (unversioned): the engine answers, with its `API-Version` header.
    public static let ping = "/_ping"

    /// `GET /containers/json?all=1[&size=1]`: every container of this engine, with
    /// `SizeRw`/`SizeRootFs` when `size` (expensive: the engine walks every writable layer).
    public static func containers(size: Bool) -> String {
        size ? "/containers/json?all=1&size=1" : "/containers/json?all=1"
    }

    /// `GET /containers/{id}/json?size=1`: one container, with its sizes.
    public static func containerSize(id: String) -> String {
        "/containers/\(id)/json?size=1"
    }

    /// The container ID of a `containerSize(id:)` path; nil for any other path.
    public static func containerSizeID(_ path: String) -> String? {
        let prefix = "/containers/", suffix = "/json?size=1"
        guard path.hasPrefix(prefix), path.hasSuffix(suffix), path.count > prefix.count + suffix.count else { return nil }
        let id = path.dropFirst(prefix.count).dropLast(suffix.count)
        return id.contains("/") ? nil : String(id)
    }

    /// `GET /images/{id}/history`: an image's layers, newest first, each with the instruction
    /// that made it; `<missing>` as the ID of the layers this engine did not build itself.
    public static func imageHistory(id: String) -> String {
        "/images/\(id)/history"
    }

    /// `GET /containers/{id}/json`: one container inspected (by ID, name or ID prefix; without sizes; its `LogPath` among the rest).
    public static func containerInspect(id: String) -> String {
        "/containers/\(id)/json"
    }

    /// `GET /containers/{id}/changes`: what the container changed against its image (`docker diff`).
    public static func containerChanges(id: String) -> String {
        "/containers/\(id)/changes"
    }

    /// `HEAD /containers/{id}/archive`: a path's stat in its `X-Docker-Container-Path-Stat`
    /// header. The path inside the container goes as the `path` query parameter, passed apart
    /// (a file name may hold `&`, `=` or `?`, which `split` would cut).
    public static func containerArchive(id: String) -> String {
        "/containers/\(id)/archive"
    }

    /// `GET /nodes/{id}`: one node inspected (managers only).
    public static func node(id: String) -> String { "/nodes/\(id)" }

    /// `GET /services/{id}`: one service inspected, with its `PreviousSpec` (managers only); with
    /// `insertDefaults`, the spec's unset fields filled with swarm's defaults (as the docker CLI
    /// asks: `UpdateConfig`, a restart policy's `Delay`…), else the spec as stored, which a
    /// task's spec is a copy of.
    public static func service(id: String, insertDefaults: Bool = false) -> String {
        insertDefaults ? "/services/\(id)?insertDefaults=true" : "/services/\(id)"
    }

    /// `GET /tasks/{id}`: one task inspected (managers only).
    public static func task(id: String) -> String { "/tasks/\(id)" }

    /// `GET /networks/{id}`: one network inspected (its name, for a service's networks).
    public static func network(id: String) -> String { "/networks/\(id)" }

    /// A path as `DockerClient.send` takes it: the path, and its query as name/value pairs.
    public static func split(_ path: String) -> (path: String, query: [(String, String)]) {
        guard let mark = path.firstIndex(of: "?") else { return (path, []) }
        let query = path[path.index(after: mark)...].split(separator: "&").map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
        return (String(path[..<mark]), query)
    }
}
