/// A modal box over the panes: a confirmation, or the replica count typed for `=`.
public enum Dialog: Sendable, Hashable {
    /// A yes/no question before an effect.
    case confirm(Confirmation)
    /// The replica count typed after `=`, confirmed next.
    case replicas(ReplicaInput)
}

/// A question that says exactly what an action will do, answered yes or no.
public struct Confirmation: Sendable, Hashable {
    /// The box's title, e.g. `Scale service`.
    public var title: String
    /// Paragraphs, the question first, e.g. `Scale service lab_web from 5 to 6 replicas?`.
    public var message: [String]
    /// What runs on yes.
    public var effect: Effect
    /// The status message while it runs, e.g. `scaling lab_web to 6…`.
    public var progress: String
}

/// The number typed after `=`, before its confirmation.
public struct ReplicaInput: Sendable, Hashable {
    /// The service to scale.
    public var serviceID: String
    /// Its name, e.g. `lab_web`.
    public var serviceName: String
    /// The service's replica count when the input opened.
    public var current: UInt64
    /// The digits typed so far.
    public var text: String = ""
    /// Why the last Enter was refused, e.g. `at most 10000 replicas`.
    public var error: String?

    /// The largest count accepted.
    public static let maximum: UInt64 = 10_000
}
