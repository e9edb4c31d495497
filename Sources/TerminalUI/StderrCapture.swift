#if canImport(Glibc)
import Glibc
#endif

/// Keeps what is written to stderr while curses owns the screen (a runtime error, a crash
/// report): it would be painted over and then wiped when the terminal is restored. Meanwhile
/// stderr goes to an unlinked temporary file, copied to the real stderr on `end()`.
enum StderrCapture {
    nonisolated(unsafe) private static var savedFD: Int32 = -1
    nonisolated(unsafe) private static var fileFD: Int32 = -1
    nonisolated(unsafe) private static var buffer = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 8)

    /// The descriptor of the real stderr (the terminal, usually), also while it is captured:
    /// what a program run in the terminal gets as its stderr.
    static var real: Int32 { savedFD >= 0 ? savedFD : STDERR_FILENO }

    /// Sends stderr to a temporary file; does nothing if the file cannot be made.
    static func begin() {
        var template = Array("/tmp/swarmtop-stderr-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        savedFD = dup(STDERR_FILENO)
        fileFD = fd
        dup2(fd, STDERR_FILENO)
    }

    /// Restores stderr and writes out what was captured. Async-signal-safe (only system
    /// calls on preallocated memory), so the crash handler may call it; safe to call twice.
    static func end() {
        guard savedFD >= 0 else { return }
        dup2(savedFD, STDERR_FILENO)
        close(savedFD)
        savedFD = -1
        lseek(fileFD, 0, SEEK_SET)
        while true {
            let n = read(fileFD, buffer, 4096)
            if n <= 0 { break }
            _ = write(STDERR_FILENO, buffer, n)
        }
        close(fileFD)
        fileFD = -1
    }
}
