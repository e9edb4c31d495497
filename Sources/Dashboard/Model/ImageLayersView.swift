import SwarmState

/// An image on one node, as the image layers view (`L` on a container) asks for it: read
/// through the engine of that node, the one that has the image.
public struct ImageLayersRequest: Sendable, Hashable {
    /// The node whose engine has the image (and runs the container).
    public var hostname: String
    /// The container the view was opened on, e.g. `lab_disk.node2.abc…`; nil for an image
    /// opened without one (no log file line then).
    public var containerID: String?
    public var containerName: String?
    /// The image ID (`sha256:…`), as the engine lists it (a container's `ImageID`).
    public var imageID: String
    /// The image as the container names it, e.g. `swarmtop-lab/disk:1`.
    public var image: String

    public init(hostname: String, containerID: String?, containerName: String?, imageID: String, image: String) {
        self.hostname = hostname
        self.containerID = containerID
        self.containerName = containerName
        self.imageID = imageID
        self.image = image
    }

    /// How messages name it: `swarmtop-lab/disk:1 on node2`.
    public var label: String { "\(Format.image(image)) on \(hostname)" }
}

/// What the engine answered for an `ImageLayersRequest`.
public struct ImageLayers: Sendable, Hashable {
    /// The image's layers, newest first (`GET /images/{id}/history`).
    public var layers: [ImageLayer]
    /// The image's total and shared sizes (`GET /system/df`), nil when the engine did not say.
    public var usage: DiskUsage.ImageUsage?
    /// Why `usage` is nil, e.g. the engine's error; nil when it is known.
    public var usageProblem: String?
    /// The size of the container's log file; nil when the view has no container.
    public var logFile: LogFileSize?

    public init(layers: [ImageLayer], usage: DiskUsage.ImageUsage?, usageProblem: String? = nil, logFile: LogFileSize?) {
        self.layers = layers
        self.usage = usage
        self.usageProblem = usageProblem
        self.logFile = logFile
    }
}

/// A container's json-file log size. The engine reports none over its API: swarmtop reads the
/// file at its `LogPath` itself, which it can only where the engine runs on its own machine.
public enum LogFileSize: Sendable, Hashable {
    /// The file's size in bytes, at this path.
    case bytes(Int64, path: String)
    /// Not known, and why, e.g. `engine on another machine`.
    case notKnown(String)

    /// The reason given for an engine reached over tcp or ssh.
    public static let elsewhere = "not known (engine on another machine)"
}

/// The image layers view's state: what was asked, the answer (or why there is none) and the
/// first row shown.
public struct ImageLayersView: Sendable, Hashable {
    /// Each view opened takes the next number: an answer for a closed one is dropped.
    public let number: Int
    public let request: ImageLayersRequest
    /// The answer; nil while it is read, or when it failed (`failure`).
    public internal(set) var layers: ImageLayers?
    /// Why the read failed.
    public internal(set) var failure: String?
    /// The first row of the body shown (j/k scroll).
    public internal(set) var top = 0

    public init(number: Int, request: ImageLayersRequest) {
        self.number = number
        self.request = request
    }
}

/// A container that uses an image: where it runs and what it belongs to.
public struct ImageUser: Sendable, Hashable {
    public var hostname: String
    public var containerName: String
    /// Its state as the engine lists it, e.g. `running`, `exited`.
    public var state: String
    /// Its service, nil for a container outside the swarm's services.
    public var serviceName: String?
}

extension ClusterSnapshot {
    /// The containers on every node whose `ImageID` is `imageID`, by node then name.
    public func users(ofImage imageID: String) -> [ImageUser] {
        engines.flatMap { engine in
            engine.containers.filter { $0.imageID == imageID }.map {
                ImageUser(hostname: engine.hostname, containerName: $0.name, state: $0.state ?? "", serviceName: $0.serviceName)
            }
        }.sorted { ($0.hostname, $0.containerName) < ($1.hostname, $1.containerName) }
    }
}
