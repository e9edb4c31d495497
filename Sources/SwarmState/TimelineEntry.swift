import Foundation

/// One thing that happened in the swarm, as the event timeline shows it: a task failed, a node
/// went down, a service was scaled… Built by `Timeline` from the engines' events and from the
/// difference between two snapshots.
public struct TimelineEntry: Sendable, Hashable, Identifiable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A task's current state became `failed` or `rejected` (tasks have no events: polled).
        case taskFailed, taskRejected
        /// A node's status became `down`, or `ready` again; its availability changed.
        case nodeDown, nodeReady, availability
        /// A service was created, updated (spec or image), or removed.
        case serviceCreated, serviceUpdated, serviceRemoved
        /// A service's rolling update started, completed or paused (`UpdateStatus.State`).
        case update
        /// A rollback started, completed (`rolled back`) or paused (`UpdateStatus.State` `rollback_*`).
        case rollback
        /// A replicated service's replica count changed.
        case scaled
        /// Every service of a stack was removed.
        case stackRemoved
        /// A container died (`die` event, with its exit code) or was killed for lack of memory (`oom`).
        case containerDied, containerOOM
        /// An engine stopped answering; answered again.
        case engineUnreachable, engineBack

        /// True for what usually needs a look: a failed or rejected task, a node down, a
        /// container killed for lack of memory, an engine gone.
        public var isTrouble: Bool {
            switch self {
            case .taskFailed, .taskRejected, .nodeDown, .containerOOM, .engineUnreachable: true
            default: false
            }
        }
    }

    /// The object an entry is about, in Docker's words.
    public struct Object: Sendable, Hashable {
        /// `task`, `service`, `node`, `stack`, `container` or `engine`.
        public var type: String
        /// The object's ID (a stack's name, an engine's hostname, `manager`).
        public var id: String
        /// Its name as the docker CLI shows it: `web.3` for a task, the hostname for a node.
        public var name: String

        public init(type: String, id: String, name: String) {
            self.type = type
            self.id = id
            self.name = name
        }
    }

    /// Its place in the timeline's order of arrival (stable while the timeline runs).
    public var id: Int
    /// When it happened: the event's time, the task status's timestamp, or when the change was seen.
    public var time: Date
    /// What happened.
    public var kind: Kind
    /// What it happened to.
    public var object: Object
    /// The hostname of the node it happened on, when known.
    public var node: String?
    /// What happened, in the docker CLI's words, e.g. `scaled 1 -> 3`,
    /// `failed: task: non-zero exit (3)`, `availability active -> drain`, `died (exit code 137)`.
    public var message: String

    public init(id: Int = 0, time: Date, kind: Kind, object: Object, node: String? = nil, message: String) {
        self.id = id
        self.time = time
        self.kind = kind
        self.object = object
        self.node = node
        self.message = message
    }
}
