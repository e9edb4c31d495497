extension String {
    /// Where the string's bytes are: equal addresses are one copy (strings over 15 bytes live on
    /// the heap; shorter ones inline, each at its own address). For tests of what is shared.
    public var storageAddress: UnsafeRawPointer? {
        utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }
}
