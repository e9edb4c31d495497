import SwarmState

/// A replay (`swarmtop replay FILE`): its keys ask the feed for a pause, step, seek or speed;
/// everything that would act on a swarm or ask an engine is refused here, in one place.
extension AppState {
    /// Why `binding` is refused in a replay; nil when it is not a replay, or the key only reads the snapshot.
    func replayRefusal(_ binding: KeyBinding) -> String? {
        guard replay != nil else { return nil }
        if binding.dangerous { return "refused: \(binding.label) would \(binding.description): \(Self.replayWords)" }
        switch binding.command {
        case .refreshSize: return "refused: \(binding.label) measures on an engine: \(Self.replayWords)"
        case .openLogs: return "refused: logs are not in recordings: \(Self.replayWords)"
        case .openInspect: return "refused: inspect reads the engine's full answer, which recordings do not keep: \(Self.replayWords)"
        default: return nil
        }
    }

    /// Why the command line's `command` is refused: an action in a replay, or `:seek` live.
    func replayRefusal(_ command: ColonCommand, typed: String) -> String? {
        switch (command, replay != nil) {
        case (.seek, false): "refused: :\(typed) seeks in a replay only (swarmtop replay FILE)"
        case (.scale, true), (.removeStack, true), (.context, true), (.inspect, true): "refused: :\(typed): \(Self.replayWords)"
        default: nil
        }
    }

    /// What every refusal in a replay says.
    static let replayWords = "this is a replay of a recording, no engine is asked"
}

extension Keymap {
    /// This keymap with the replay's keys added after the others (a key the keymap already
    /// binds keeps its meaning): Space pause, `.` step to the next change, `[` `]` seek 10 s,
    /// `<` `>` speed.
    public func addingReplayKeys() -> Keymap {
        Keymap(bindings: bindings + [
            KeyBinding("replay_pause", [.char(" ")], "replay: pause or go on", hint: "pause", .replay(.togglePause)),
            KeyBinding("replay_step", [.char(".")], "replay: step to the next change (and pause)", hint: "step", .replay(.stepToNextChange)),
            KeyBinding("replay_back", [.char("[")], "replay: back 10 seconds (:seek TIME for any time)", hint: "-10s", .replay(.move(by: -10))),
            KeyBinding("replay_forward", [.char("]")], "replay: forward 10 seconds", hint: "+10s", .replay(.move(by: 10))),
            KeyBinding("replay_slower", [.char("<")], "replay: slower (1x 2x 5x 10x 30x 60x)", hint: "slower", .replay(.slower)),
            KeyBinding("replay_faster", [.char(">")], "replay: faster", hint: "faster", .replay(.faster)),
        ])
    }
}

/// `:seek` and the timeline's times: `12:30` (minutes and seconds), `1:02:03`, `90` (seconds),
/// `+5m`, `-30s`, `+1h` (relative).
enum SeekTime {
    /// The control `:seek TEXT` asks for.
    /// - Returns: the seek, or what is wrong with the text.
    static func parse(_ text: String) -> Result<ReplayControl, ColonCommandError> {
        let usage = ColonCommandError("usage: seek TIME (12:30, 1:02:03, 90, +5m, -30s, +1h)")
        guard let sign = text.first else { return .failure(usage) }
        if sign == "+" || sign == "-" {
            let amount = text.dropFirst()
            let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
            let (number, unit) = amount.last.flatMap { units[$0] }.map { (amount.dropLast(), $0) } ?? (amount, 1)
            guard let value = Double(number), value.isFinite, value >= 0 else { return .failure(usage) }
            return .success(.move(by: (sign == "-" ? -1 : 1) * value * unit))
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { Double($0) }
        guard (1...3).contains(parts.count), numbers.count == parts.count, numbers.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            return .failure(usage)
        }
        return .success(.seek(to: numbers.reduce(0) { $0 * 60 + $1 }))
    }

    /// A position as the timeline shows it: `12:30`, or `1:02:03` from an hour on.
    static func format(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.down))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        let mm = String(m), ss = s < 10 ? "0\(s)" : "\(s)"
        return h > 0 ? "\(h):\(m < 10 ? "0" + mm : mm):\(ss)" : "\(mm):\(ss)"
    }
}

extension ReplayStatus {
    /// The status line's timeline: `replay 12:30/58:10 2x`, `replay 12:30/58:10 paused 1x`, `replay 58:10/58:10 end`.
    var timeline: String {
        let state = atEnd ? "end" : paused ? "paused \(Int(speed))x" : "\(Int(speed))x"
        return "replay \(SeekTime.format(position))/\(SeekTime.format(duration)) \(state)"
    }
}
