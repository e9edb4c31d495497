extension Style {
    /// The stable colour of a service: FNV-1a (64-bit) of its name, which the theme reduces
    /// modulo its palette size. Not Swift's `Hasher`, which is seeded per process.
    public static func service(named name: String) -> Style {
        Style(.service(hashSlot(name)))
    }

    /// Distinct palette slots for the services of a swarm, oldest first: each takes its name's
    /// hash slot (`service(named:)` modulo `slots`, the shipped palettes' 11 colours) or, when an
    /// older service holds it, the next free one; once every slot is taken, the hash slot. A
    /// service keeps its colour while older ones stay; a new one never takes an older one's.
    /// - Parameter names: service names, oldest first (`CreatedAt`).
    /// - Returns: the style of each name.
    static func services(_ names: [String], slots: Int = 11) -> [String: Style] {
        var taken = Set<Int>()
        var styles: [String: Style] = [:]
        for name in names where styles[name] == nil {
            let home = hashSlot(name) % slots
            let slot = (0..<slots).map { (home + $0) % slots }.first { !taken.contains($0) } ?? home
            taken.insert(slot)
            styles[name] = Style(.service(slot))
        }
        return styles
    }

    /// FNV-1a of `name` as a non-negative `Int`.
    private static func hashSlot(_ name: String) -> Int { Int(truncatingIfNeeded: fnv1a(name) & UInt64(Int.max)) }

    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
