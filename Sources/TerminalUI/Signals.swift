#if canImport(Glibc)
import Glibc
#endif
import CNCursesW

/// Signal handling for the terminal's lifetime: SIGTERM and SIGHUP ask the UI loop to quit
/// (so the terminal is restored on the normal path, after running actions are waited for); SIGWINCH goes to curses' own handler (which
/// makes the next read a resize); both then wake the UI loop through its self-pipe, whichever
/// thread the signal lands on. A crash signal (and SIGQUIT, which Swift's backtracer would
/// otherwise take over inside the alternate screen) restores the terminal first, then lets
/// the default action run (core dump, exit status) as if nothing was caught.
enum Signals {
    /// The number of the last SIGTERM/SIGHUP/SIGINT received (0 for none): the exit status is 128 + it.
    nonisolated(unsafe) static var quitSignal: sig_atomic_t = 0
    /// How many of them arrived; the UI loop turns each new one into `Action.quit` (a second one leaves at once).
    nonisolated(unsafe) static var quitSignals: sig_atomic_t = 0
    /// True while a program run in the terminal owns it (`UILoop.runInTerminal`): SIGINT (a
    /// Ctrl-C typed to it) is its alone then, not a quit of swarmtop.
    nonisolated(unsafe) static var handedOver: sig_atomic_t = 0
    /// True while curses owns the terminal.
    nonisolated(unsafe) static var cursesActive: sig_atomic_t = 0
    /// The write end of the UI loop's wake-up pipe while it runs; -1 otherwise.
    nonisolated(unsafe) static var wakeDescriptor: Int32 = -1
    /// curses' SIGWINCH handler, called first by ours.
    nonisolated(unsafe) private static var cursesResize = sigaction()

    /// Installs the handlers; call after curses has set up its own (after `newterm`).
    /// - Parameter wake: the pipe end whose byte wakes the UI loop out of `poll()`.
    static func install(wake: Int32) {
        wakeDescriptor = wake
        for s in [SIGTERM, SIGHUP, SIGINT] {
            signal(s) { sig in
                if sig == SIGINT, Signals.handedOver != 0 { return }
                Signals.quitSignal = sig
                Signals.quitSignals &+= 1
                Signals.wake()
            }
        }
        var resize = sigaction()
        resize.__sigaction_handler.sa_handler = { sig in
            if Signals.cursesResize.sa_flags & SA_SIGINFO == 0, let curses = Signals.cursesResize.__sigaction_handler.sa_handler,
               unsafeBitCast(curses, to: Int.self) > 1 {  // not SIG_DFL (0) or SIG_IGN (1)
                curses(sig)
            }
            Signals.wake()
        }
        resize.sa_flags = SA_RESTART
        sigaction(SIGWINCH, &resize, &cursesResize)
        for s in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT] {
            signal(s) { sig in
                if Signals.cursesActive != 0 {
                    Signals.cursesActive = 0
                    BracketedPaste.disable()
                    endwin()
                    StderrCapture.end()
                }
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    /// Writes a byte to the wake-up pipe (async-signal-safe: one `write`).
    private static func wake() {
        guard wakeDescriptor >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(wakeDescriptor, &byte, 1)
    }
}
