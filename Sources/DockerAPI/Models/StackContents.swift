/// What a stack held when it was listed: the objects a stack action acts on, by ID. A dialog
/// lists them, and the action acts on exactly these (each re-checked against the label first),
/// never on a stack name looked up again.
public struct StackContents: Sendable, Hashable {
    /// The stack's name, the value of the label `com.docker.stack.namespace`.
    public var stack: String
    /// The objects by kind; a kind missing from the dictionary was not listed (yet).
    public var objects: [StackObjectKind: [StackObject]]

    /// - Parameters:
    ///   - stack: the stack's name.
    ///   - objects: the objects listed, by kind; leave a kind out until it is listed.
    public init(stack: String, objects: [StackObjectKind: [StackObject]] = [:]) {
        self.stack = stack
        self.objects = objects
    }

    /// The objects of `kind` (none when it was not listed).
    public subscript(kind: StackObjectKind) -> [StackObject] { objects[kind] ?? [] }

    /// True when no object of any kind is listed.
    public var isEmpty: Bool { objects.values.allSatisfy(\.isEmpty) }
}
