/// The strings of one decoded answer, each kept once: a list repeats the same texts in every
/// element (label keys such as `com.docker.swarm.service.id`, a node's ID in each of its
/// containers, an image and its ID in each of its tasks), and a string of more than 15 bytes
/// is a heap allocation of its own (up to 15 are stored inline). Pooled, the 10,000 decoded
/// containers of a 200-node swarm share those allocations. Lives for one `EngineJSONDecoder.decode`.
final class StringPool {
    private var strings = Set<String>()

    /// The string of these UTF-8 bytes (invalid sequences repaired), the pool's copy when it
    /// holds one equal to it.
    func string(_ bytes: UnsafeRawBufferPointer) -> String {
        let string = String(decoding: bytes, as: UTF8.self)
        guard bytes.count > 15 else { return string }
        return strings.insert(string).memberAfterInsert
    }
}
