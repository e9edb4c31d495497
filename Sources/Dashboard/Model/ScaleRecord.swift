/// A scale swarmtop performed, kept so that `u` can put the count back.
public struct ScaleRecord: Sendable, Hashable {
    /// The service scaled.
    public var serviceID: String
    /// Its name, e.g. `lab_web`.
    public var serviceName: String
    /// The count before (what undo restores).
    public var from: UInt64
    /// The count it was set to.
    public var to: UInt64
}
