#if canImport(Glibc)
import Glibc
#endif

/// `posix_spawn` attributes for a child that starts with every signal at its default disposition
/// and none blocked, whatever its parent blocks or ignores (swarmtop ignores SIGPIPE, the test
/// runner blocks SIGTERM): used for ssh (`SSHDialer`), a program run in the terminal, and the
/// tests' commands.
public final class SpawnAttributes {
    /// The attributes, to pass to `posix_spawn` as `&raw`.
    public var raw = posix_spawnattr_t()

    /// - Parameter flags: further `POSIX_SPAWN_*` flags, e.g. `POSIX_SPAWN_SETPGROUP` (the child
    ///   then leads a process group of its own).
    public init(flags: Int32 = 0) {
        posix_spawnattr_init(&raw)
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&raw, &noSignals)
        posix_spawnattr_setsigdefault(&raw, &allSignals)
        posix_spawnattr_setpgroup(&raw, 0)
        posix_spawnattr_setflags(&raw, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | flags))
    }

    deinit {
        posix_spawnattr_destroy(&raw)
    }
}
