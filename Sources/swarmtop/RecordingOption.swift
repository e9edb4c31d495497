import ArgumentParser
import Foundation
import Recording

/// The wiring of `--record FILE` and `swarmtop record`: the recorder, its once-a-second
/// flush, and the signals that end a recording without a dashboard.
enum RecordingOption {
    /// A recorder writing to `path`.
    /// - Throws: `RecordingError` when the file cannot be created.
    static func recorder(_ path: String, endpoint: String) throws -> Recorder {
        try Recorder(path: path, endpoint: endpoint, swarmtop: SwarmtopCommand.configuration.version)
    }

    /// Flushes `recorder` once a second until the calling task is cancelled.
    static func ticker(_ recorder: Recorder) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                recorder.tick()
            }
        }
    }

    /// Waits for SIGINT or SIGTERM, or `seconds` when given, flushing `recorder` meanwhile.
    /// - Returns: the signal that ended the wait, nil when the time was up.
    static func untilSignalOr(seconds: Double?, ticking recorder: Recorder) async -> Int32? {
        let ticker = ticker(recorder)
        defer { ticker.cancel() }
        return await withCheckedContinuation { (done: CheckedContinuation<Int32?, Never>) in
            let once = Once(done)
            var sources: [DispatchSourceSignal] = []
            for number in [SIGINT, SIGTERM] {
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

    /// Closes the recording.
    /// - Throws: `RecordingError` with why it stopped early or could not be closed.
    static func close(_ recorder: Recorder) throws {
        if let failure = recorder.close() { throw RecordingError(failure) }
    }

    /// Resumes a continuation once, whichever comes first; keeps the signal sources alive until then.
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
                defer { continuation = nil; sources.forEach { $0.cancel() }; sources = [] }
                return continuation
            }
            taken?.resume(returning: value)
        }
    }
}
