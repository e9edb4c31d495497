extension Style {
    /// The stable colour of a service: FNV-1a (64-bit) of its name, which the theme reduces
    /// modulo its palette size. Not Swift's `Hasher`, which is seeded per process.
    public static func service(named name: String) -> Style {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Style(.service(Int(truncatingIfNeeded: hash & UInt64(Int.max))))
    }
}
