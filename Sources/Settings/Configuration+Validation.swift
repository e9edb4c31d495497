import SwarmState

/// A setting whose value swarmtop refuses: which one, where it came from, and why, e.g.
/// `the timeout must be between 0.001 and 86400 seconds, not nan (from flag --timeout)`.
public struct InvalidSetting: Error, Equatable, CustomStringConvertible {
    /// The whole sentence, quoting the value as it was set.
    public let description: String
}

extension Configuration {
    /// The seconds each duration setting may take, by its config-file key: a day at most (a
    /// longer poll or timeout is no poll or timeout at all; `nan`, `inf` and `1e300` are refused
    /// here, and `Seconds` clamps what reaches a sleep or a deadline anyway).
    public static let secondsRanges: [String: ClosedRange<Double>] = [
        "interval": 0.2...86_400, "fast_interval": 0.1...86_400, "size_interval": 1...86_400,
        "resync_interval": 5...86_400, "timeout": 0.001...86_400,
    ]

    /// Why `seconds` is no value for the duration setting `key` (a key of `secondsRanges`), e.g.
    /// `must be between 0.2 and 86400 seconds, not nan`; nil when it is one.
    public static func secondsProblem(_ key: String, _ seconds: Double) -> String? {
        guard let range = secondsRanges[key], !range.contains(seconds) else { return nil }
        return "must be between \(number(range.lowerBound)) and \(number(range.upperBound)) seconds, not \(number(seconds))"
    }

    /// A `HOSTNAME=URL` entry of the node hosts split at its first `=`; nil without a hostname.
    public static func nodeHost(_ entry: String) -> (hostname: String, url: String)? {
        guard let eq = entry.firstIndex(of: "="), eq != entry.startIndex else { return nil }
        return (String(entry[..<eq]), String(entry[entry.index(after: eq)...]))
    }

    /// Checks every value against what it may be, wherever it was set (the one place settings
    /// are validated; the config file's parser also checks its own values, to name the line).
    /// - Throws: `InvalidSetting` for the first value refused: a duration that is not a number
    ///   of seconds in its `secondsRanges`, a node host that is not `HOSTNAME=URL`, or a node
    ///   host template with an unknown placeholder or that does not expand to an endpoint.
    public func validate() throws {
        let durations: [(String, String, Setting<Double>)] = [
            ("interval", "interval", interval), ("fast_interval", "fast interval", fastInterval),
            ("size_interval", "size interval", sizeInterval), ("resync_interval", "resync interval", resyncInterval),
            ("timeout", "timeout", timeout),
        ]
        for (key, words, setting) in durations {
            if let problem = Self.secondsProblem(key, setting.value) {
                throw InvalidSetting(description: "the \(words) \(problem) (from \(setting.source))")
            }
        }
        for entry in nodeHosts.value where Self.nodeHost(entry) == nil {
            throw InvalidSetting(description: "node host \"\(entry)\" is not HOSTNAME=URL "
                                 + "(e.g. node2=tcp://10.0.0.2:2375) (from \(nodeHosts.source))")
        }
        if let template = nodeHostTemplate.value {
            do { _ = try NodeHostTemplate(template) } catch {
                throw InvalidSetting(description: "\(error) (from \(nodeHostTemplate.source))")
            }
        }
    }

    /// A number of seconds as the config file writes it: `20`, `0.5`, `1e+300`, `inf`, `nan`.
    static func number(_ d: Double) -> String {
        d.isFinite && d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}
