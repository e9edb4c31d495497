/// A value an edit closure saw, read by its caller after the update. Edits run one at a time
/// on the caller's task, so the box needs no lock.
final class Captured<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
