import SwarmState

/// The changes view's state (`d` on a container): what the container changed against its
/// image, read once when the view opens (`Effect.readChanges`), the `/` filter on paths, and
/// the row selected.
public struct ChangesView: Sendable {
    /// The container, as the pane named it.
    public let hostname: String, containerID: String, name: String
    /// The changes read; nil while the read runs or after it failed.
    public internal(set) var changes: ContainerChanges?
    /// Why the read failed, nil otherwise.
    public internal(set) var error: String?
    /// The paths filter in force (case-insensitive substring); empty for none.
    public internal(set) var filter = ""
    /// What is being typed after `/`; nil when not typing.
    public internal(set) var typing: String?
    /// The index of the selected row among `rows`.
    public internal(set) var selected = 0

    /// Rows above the entries: the title, the summary, the column names.
    static let headerRows = 3

    /// A view of the container waiting for its changes.
    public init(hostname: String, containerID: String, name: String) {
        self.hostname = hostname
        self.containerID = containerID
        self.name = name
    }

    /// The rows shown: the entries matching the filter, with their ancestors, in tree order.
    public var rows: [ContainerChanges.Entry] { changes?.entries(matching: filter) ?? [] }

    /// How the header names the container, e.g. `container lab_web.1.abc on node1`.
    public var label: String { "container \(name) on \(hostname)" }
}
