#if canImport(Glibc)
import Glibc
#endif

/// A self-pipe: other threads write a byte to wake the UI loop out of `poll()`, so that the
/// loop sleeps while nothing happens (no timer) and still reacts at once to a new snapshot.
final class WakePipe: Sendable {
    /// The end the loop polls and drains.
    let readEnd: Int32
    /// The end `signal()` (and signal handlers) write to; -1 when the pipe could not be made.
    let writeEnd: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        } else {
            fds = [-1, -1]
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    deinit {
        if readEnd >= 0 { close(readEnd) }
        if writeEnd >= 0 { close(writeEnd) }
    }

    /// Wakes the poller. Never blocks: a full pipe already holds a wake-up.
    func signal() {
        guard writeEnd >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Empties the pipe after a wake-up.
    func drain() {
        guard readEnd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }

    /// Waits until `fd` (the terminal) is readable, the pipe is signalled, a signal interrupts,
    /// or `millis` pass (-1: no limit).
    /// - Returns: true when the terminal has input.
    func wait(terminal fd: Int32, millis: Int32) -> Bool {
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        let n = poll(&fds, readEnd >= 0 ? 2 : 1, millis)
        guard n > 0 else { return false }
        if fds[1].revents != 0 { drain() }
        return fds[0].revents != 0
    }
}
