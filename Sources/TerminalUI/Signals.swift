#if canImport(Glibc)
import Glibc
#endif
import CNCursesW

/// Signal handling for the terminal's lifetime: SIGTERM and SIGHUP ask the UI loop to quit
/// (so the terminal is restored on the normal path); a crash signal restores the terminal
/// first, then lets the default action run (core dump, exit status) as if nothing was caught.
enum Signals {
    /// The number of the SIGTERM/SIGHUP/SIGINT received (0 for none); read by the UI loop once per turn.
    nonisolated(unsafe) static var quitSignal: sig_atomic_t = 0
    /// True while curses owns the terminal.
    nonisolated(unsafe) static var cursesActive: sig_atomic_t = 0

    static func install() {
        for s in [SIGTERM, SIGHUP, SIGINT] {
            signal(s) { sig in Signals.quitSignal = sig }
        }
        for s in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
            signal(s) { sig in
                if Signals.cursesActive != 0 {
                    Signals.cursesActive = 0
                    endwin()
                    StderrCapture.end()
                }
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }
}
