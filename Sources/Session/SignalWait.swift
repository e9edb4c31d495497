import Dispatch
import Foundation

/// Waiting for a signal without a dashboard (`swarmtop record`): the signals are caught (not
/// left to kill the process) while the wait lasts.
public enum SignalWait {
    /// Waits for the first of `signals`, or `seconds` when given.
    /// - Parameters:
    ///   - signals: e.g. `[SIGINT, SIGTERM]`; each is set to be ignored by default, and caught here.
    ///   - seconds: the longest wait; nil waits for a signal only.
    /// - Returns: the signal that ended the wait, nil when the time was up.
    public static func first(of signals: [Int32], orAfter seconds: Double?) async -> Int32? {
        await withCheckedContinuation { (done: CheckedContinuation<Int32?, Never>) in
            let once = Once(done)
            var sources: [DispatchSourceSignal] = []
            for number in signals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number)
                source.setEventHandler { once.resume(number) }
                source.resume()
                sources.append(source)
            }
            once.keep(sources)
            if let seconds { DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { once.resume(nil) } }
        }
    }

    /// Resumes the continuation once, whichever comes first; keeps the signal sources alive until then.
    private final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Int32?, Never>?
        private var sources: [DispatchSourceSignal] = []

        init(_ continuation: CheckedContinuation<Int32?, Never>) {
            self.continuation = continuation
        }

        func keep(_ sources: [DispatchSourceSignal]) {
            lock.withLock { self.sources = sources }
        }

        func resume(_ value: Int32?) {
            let taken = lock.withLock {
                defer {
                    continuation = nil
                    sources.forEach { $0.cancel() }
                    sources = []
                }
                return continuation
            }
            taken?.resume(returning: value)
        }
    }
}
