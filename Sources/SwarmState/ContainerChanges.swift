/// What a container changed against its image (`GET /containers/{id}/changes`), as a tree:
/// each entry under its nearest listed parent, siblings largest first (a directory counts the
/// sizes known beneath it), then by path. Pure: built from the engine's answers, no I/O.
public struct ContainerChanges: Sendable, Equatable {
    /// One changed path, with where it sits in the tree and what it means.
    public struct Entry: Sendable, Hashable {
        /// The absolute path, e.g. `/data/conf/c`.
        public var path: String
        /// C, A or D as the engine reported it.
        public var kind: ContainerChange.Kind
        /// 0 for an entry without a listed parent, one more for each listed ancestor.
        public var depth: Int
        /// The entries listed directly under it.
        public var children: Int
        /// What the engine says of the path now (`HEAD …/archive`), nil when not asked or gone.
        public var stat: ContainerPathStat?
        /// What the change means on the container's storage driver.
        public var meaning: ChangeMeaning
        /// Bytes known at this entry: a file's size, a directory's sum of the file sizes known
        /// beneath it; nil when none is known.
        public var size: Int64?

        /// True for a directory: it has listed children, or its stat says so.
        public var isDirectory: Bool { children > 0 || stat?.isDirectory == true }
    }

    /// The container's full ID.
    public var containerID: String
    /// Its name, without the leading slash.
    public var name: String
    /// The storage driver holding its writable layer (`GraphDriver.Name`), e.g. `overlay2`; nil when not known.
    public var driver: String?
    /// Every change, in tree order (a parent before its children).
    public private(set) var entries: [Entry]
    /// The engine's answer the tree was built from.
    public let changes: [ContainerChange]
    /// The stats known, by path.
    public let stats: [String: ContainerPathStat]

    /// The most paths whose size is asked for at once (`HEAD …/archive` each).
    public static let statLimit = 50

    /// Builds the tree.
    /// - Parameters:
    ///   - changes: the engine's answer, in any order.
    ///   - stats: what `HEAD …/archive` said of some paths, by path.
    ///   - driver: the storage driver, for the meanings (`ChangeMeaning`).
    public init(containerID: String, name: String, driver: String?, changes: [ContainerChange],
                stats: [String: ContainerPathStat] = [:]) {
        self.containerID = containerID
        self.name = name
        self.driver = driver
        self.changes = changes
        self.stats = stats
        entries = Self.tree(changes, stats: stats, driver: driver)
    }

    /// The same changes with more stats known (a later `HEAD …/archive`).
    public func adding(_ more: [String: ContainerPathStat]) -> ContainerChanges {
        ContainerChanges(containerID: containerID, name: name, driver: driver, changes: changes,
                         stats: stats.merging(more) { _, new in new })
    }

    /// The files at or under `path` whose size is not known yet, at most `limit`, in the order
    /// `statCandidates` asks them.
    public func unsized(under path: String, limit: Int = statLimit) -> [String] {
        let inside = changes.filter { $0.path == path || $0.path.hasPrefix(path + "/") }
        return Self.statCandidates(inside, limit: Int.max).filter { stats[$0] == nil }.prefix(limit).map { $0 }
    }

    /// The paths worth a size, at most `limit`: files (entries without children) that are not
    /// deleted, copied-up ones first (they are what a lower layer cost the writable layer
    /// again), and directory by directory in turn (the first file of each directory, then the
    /// second of each…), so that a directory of many small files does not hide a large file
    /// beside it; in path order otherwise.
    public static func statCandidates(_ changes: [ContainerChange], limit: Int = statLimit) -> [String] {
        let parents = Set(changes.map { parent(of: $0.path) })
        let files = changes.filter { $0.kind != .deleted && !parents.contains($0.path) }.sorted { $0.path < $1.path }
        var seen: [String: Int] = [:]
        let ranked = files.map { file -> (copied: Int, rank: Int, path: String) in
            let copied = file.kind == .changed ? 0 : 1
            let key = "\(copied) \(parent(of: file.path))"  // its rank among its directory's files of its kind
            defer { seen[key, default: 0] += 1 }
            return (copied, seen[key, default: 0], file.path)
        }
        return ranked.sorted { ($0.copied, $0.rank, $0.path) < ($1.copied, $1.rank, $1.path) }.prefix(limit).map(\.path)
    }

    /// The entries whose path contains `filter` (case-insensitive), with their ancestors so
    /// that each keeps its place in the tree; all of them for an empty filter.
    public func entries(matching filter: String) -> [Entry] {
        guard !filter.isEmpty else { return entries }
        let needle = filter.lowercased()
        var keep = Set<String>()
        for entry in entries where entry.path.lowercased().contains(needle) {
            var path = entry.path
            while path != "/" && !keep.contains(path) {
                keep.insert(path)
                path = Self.parent(of: path)
            }
        }
        return entries.filter { keep.contains($0.path) }
    }

    /// Totals as far as the sizes known tell.
    public var summary: ChangeSummary {
        var s = ChangeSummary()
        for entry in entries {
            switch entry.meaning {
            case .whiteout: s.whiteouts += 1
            case .opaque: s.opaqueDirectories += 1
            case .copiedUp, .blocksCopied:
                s.copiedUpFiles += 1
                if let size = entry.stat?.size { s.copiedUpBytes += size; s.sized += 1 }
            case .written, .newLink:
                s.writtenFiles += 1
                if let size = entry.stat?.size { s.writtenBytes += size; s.sized += 1 }
            case .newDirectory, .directoryChanged: break
            }
        }
        return s
    }

    /// The parent directory of an absolute path (`/` for a top-level one).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    private static func tree(_ changes: [ContainerChange], stats: [String: ContainerPathStat], driver: String?) -> [Entry] {
        var byPath: [String: ContainerChange] = [:]
        for change in changes { byPath[change.path] = change }
        /// The nearest listed ancestor, `/` when none is.
        func listedParent(_ path: String) -> String {
            var p = parent(of: path)
            while p != "/" && byPath[p] == nil { p = parent(of: p) }
            return p
        }
        var children: [String: [String]] = [:]
        for path in byPath.keys { children[listedParent(path), default: []].append(path) }
        var sizes: [String: Int64] = [:]
        func size(_ path: String) -> Int64? {
            if let known = sizes[path] { return known }
            let kids = children[path] ?? []
            let total: Int64?
            if kids.isEmpty {
                total = byPath[path]?.kind == .deleted || stats[path]?.isDirectory == true ? nil : stats[path]?.size
            } else {
                let known = kids.compactMap(size)
                total = known.isEmpty ? nil : known.reduce(0, +)
            }
            if let total { sizes[path] = total }
            return total
        }
        var out: [Entry] = []
        func visit(_ path: String, depth: Int) {
            let kids = (children[path] ?? []).sorted { a, b in
                let (sa, sb) = (size(a) ?? -1, size(b) ?? -1)
                return sa != sb ? sa > sb : a < b
            }
            if let change = byPath[path] {
                let kinds = kids.compactMap { byPath[$0]?.kind }
                let meaning = ChangeMeaning(change.kind, stat: stats[path], childKinds: kinds, driver: driver)
                out.append(Entry(path: path, kind: change.kind, depth: depth, children: kids.count, stat: stats[path],
                                 meaning: meaning, size: size(path)))
            }
            for kid in kids { visit(kid, depth: path == "/" ? 0 : depth + 1) }
        }
        visit("/", depth: 0)
        return out
    }
}

/// Totals of a container's changes, as far as the sizes known tell.
public struct ChangeSummary: Sendable, Hashable {
    /// Files copied up from lower layers (C on a file), and the bytes of those whose size is known.
    public var copiedUpFiles = 0, copiedUpBytes: Int64 = 0
    /// Files newly written (A on a file or a link), and the bytes of those whose size is known.
    public var writtenFiles = 0, writtenBytes: Int64 = 0
    /// Whiteouts (D): lower files or directories hidden, their bytes still in the image.
    public var whiteouts = 0
    /// Directories replaced whole (opaque).
    public var opaqueDirectories = 0
    /// Files whose size is known.
    public var sized = 0

    /// Copied-up and written files together.
    public var files: Int { copiedUpFiles + writtenFiles }
}
