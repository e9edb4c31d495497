import Foundation
import SwarmState

/// Text formats copied from the docker CLI and its `go-units` package, so that every value
/// reads as `docker node ls`, `docker service ls`, `docker service ps` and `docker ps -s` print it.
public enum Format {
    /// A size as `go-units.HumanSizeWithPrecision(size, 3)`: decimal units, three significant
    /// digits with `%.3g`, e.g. `0B`, `32.8kB`, `5.24MB`, `1.2MB` (`GoUnits.humanSize`).
    public static func humanSize(_ bytes: Int64) -> String { GoUnits.humanSize(bytes) }

    /// A size as `go-units.BytesSize`: binary units, four significant digits with `%.4g`, as
    /// `docker node inspect --pretty` and `docker info` print memory, e.g. `23.54GiB` (`GoUnits.binarySize`).
    public static func binarySize(_ bytes: Int64) -> String { GoUnits.binarySize(bytes) }

    /// The SIZE column of `docker ps -s`: `5.24MB (virtual 7.23MB)`, only the writable layer
    /// when the virtual size is zero, and `-` when the sizes were never measured (neither field
    /// present). The engine omits a zero `SizeRw`, so a missing one next to a `SizeRootFs` is `0B`.
    public static func containerSize(sizeRw: Int64?, sizeRootFs: Int64?) -> String {
        guard sizeRw != nil || sizeRootFs != nil else { return "-" }
        let rw = humanSize(sizeRw ?? 0), rootFs = sizeRootFs ?? 0
        return rootFs > 0 ? "\(rw) (virtual \(humanSize(rootFs)))" : rw
    }

    /// A duration as `go-units.HumanDuration`: `Less than a second`, `1 second`, `N seconds`,
    /// `About a minute`, `N minutes`, `About an hour`, `N hours`, `N days`, `N weeks`,
    /// `N months`, `N years`.
    /// NaN and negative intervals count as 0, longer ones than `Int.max` seconds as that.
    public static func humanDuration(_ interval: TimeInterval) -> String {
        let interval = countable(interval)
        let seconds = Int(interval)
        if seconds < 1 { return "Less than a second" }
        if seconds == 1 { return "1 second" }
        if seconds < 60 { return "\(seconds) seconds" }
        let minutes = seconds / 60
        if minutes == 1 { return "About a minute" }
        if minutes < 60 { return "\(minutes) minutes" }
        let hours = Int((interval / 3600).rounded(.toNearestOrAwayFromZero))
        if hours == 1 { return "About an hour" }
        if hours < 48 { return "\(hours) hours" }
        if hours < 24 * 7 * 2 { return "\(hours / 24) days" }
        if hours < 24 * 30 * 2 { return "\(hours / 24 / 7) weeks" }
        if hours < 24 * 365 * 2 { return "\(hours / 24 / 30) months" }
        return "\(Int(interval / 3600) / 24 / 365) years"
    }

    /// An age as `docker service ps` shows it in CURRENT STATE: `HumanDuration` in lower case
    /// plus ` ago`, e.g. `5 minutes ago`, `about an hour ago`.
    public static func ago(_ interval: TimeInterval) -> String {
        humanDuration(interval).lowercased() + " ago"
    }

    /// A short age for narrow columns: `12s ago`, `3m ago`, `2h ago`, `4d ago`.
    public static func shortAgo(_ interval: TimeInterval) -> String {
        let seconds = Int(countable(interval))
        switch seconds {
        case ..<60: return "\(seconds)s ago"
        case ..<3600: return "\(seconds / 60)m ago"
        case ..<86_400: return "\(seconds / 3600)h ago"
        default: return "\(seconds / 86_400)d ago"
        }
    }

    /// `interval` within what an `Int` of seconds holds: NaN and negative are 0, the longest is
    /// just under `Int.max` seconds (engine timestamps can be anything; `Int(.nan)` traps).
    private static func countable(_ interval: TimeInterval) -> TimeInterval {
        interval > 0 ? min(interval, Double(Int.max).nextDown) : 0
    }

    /// A state as the docker CLI's `PrettyPrint`: first letter upper case, the rest lower case
    /// (`running` -> `Running`); a one-letter word is lower-cased.
    public static func prettyPrint(_ word: String) -> String {
        guard word.count > 1 else { return word.lowercased() }
        return word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }

    /// The image as `docker service ls` shows it: a tagged reference loses its `@sha256:…`
    /// digest and the `docker.io/library/` prefix; an untagged one is left as it is.
    public static func image(_ reference: String) -> String {
        let name = withoutDigest(reference)
        return isTagged(name) ? familiar(name) : reference
    }

    /// The IMAGE column of `docker ps`: `<no image>` when empty, a short ID when the image is
    /// an ID, else the reference without its digest and `docker.io/library/` prefix.
    public static func containerImage(_ reference: String, imageID: String?) -> String {
        if reference.isEmpty { return "<no image>" }
        func short(_ id: String) -> String {
            String((id.hasPrefix("sha256:") ? id.dropFirst("sha256:".count) : Substring(id)).prefix(12))
        }
        if let imageID, short(imageID) == short(reference) { return short(reference) }
        return familiar(withoutDigest(reference))
    }

    private static func withoutDigest(_ reference: String) -> String {
        reference.split(separator: "@", maxSplits: 1).first.map(String.init) ?? reference
    }

    private static func isTagged(_ name: String) -> Bool {
        name.split(separator: "/").last?.contains(":") ?? false
    }

    /// A normalized name in the short form people type: `docker.io/library/nginx` -> `nginx`.
    private static func familiar(_ name: String) -> String {
        var familiar = name
        if familiar.hasPrefix("docker.io/") { familiar.removeFirst("docker.io/".count) }
        if familiar.hasPrefix("library/"), !familiar.dropFirst("library/".count).contains("/") {
            familiar.removeFirst("library/".count)
        }
        return familiar
    }

    /// The PORTS column of `docker service ls`: ingress-published ports only, consecutive
    /// ports merged into ranges, e.g. `*:8080->80/tcp, *:9000-9001->9000-9001/udp`.
    public static func ports(_ ports: [Service.PortConfig]) -> String {
        struct PortRange {
            var published: ClosedRange<Int>
            var target: ClosedRange<Int>
            var proto: String
            var text: String {
                func span(_ r: ClosedRange<Int>) -> String {
                    r.lowerBound < r.upperBound ? "\(r.lowerBound)-\(r.upperBound)" : "\(r.lowerBound)"
                }
                return "*:\(span(published))->\(span(target))/\(proto)"
            }
        }
        let sorted = ports.sorted {
            ($0.protocol ?? "", $0.publishedPort ?? 0) < ($1.protocol ?? "", $1.publishedPort ?? 0)
        }
        var out: [String] = []
        var current: PortRange?
        for port in sorted where (port.publishMode ?? "ingress") == "ingress" {
            let published = port.publishedPort ?? 0, target = port.targetPort ?? 0, proto = port.protocol ?? "tcp"
            if var range = current, proto == range.proto,
               extends(range.published, with: published), extends(range.target, with: target),
               !(range.target.lowerBound < range.target.upperBound && target <= range.target.upperBound) {
                range.published = range.published.lowerBound...published
                range.target = range.target.lowerBound...target
                current = range
                continue
            }
            if let range = current, range.published.lowerBound > 0 { out.append(range.text) }
            current = PortRange(published: published...published, target: target...target, proto: proto)
        }
        if let range = current, range.published.lowerBound > 0 { out.append(range.text) }
        return out.joined(separator: ", ")
    }

    /// True when `port` is the range's last port or the one after it (without overflow: ports
    /// come from the engine, and any API user can publish `Int.max`).
    private static func extends(_ range: ClosedRange<Int>, with port: Int) -> Bool {
        port == range.upperBound || (range.upperBound < Int.max && port == range.upperBound + 1)
    }

    /// CPUs from nano-CPUs (1e9 = one CPU): `4`, `0.5`.
    public static func cpus(_ nanoCPUs: Int64) -> String {
        let cpus = Double(nanoCPUs) / 1e9
        return cpus == cpus.rounded() ? String(Int64(cpus)) : String(format: "%.1f", cpus)
    }

    /// A wall-clock time as `HH:mm:ss` in `timeZone`, e.g. `11:42:05`.
    public static func clock(_ date: Date, timeZone: ClockZone) -> String {
        let t = timeZone.time(date.timeIntervalSince1970)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(t.hour)):\(two(t.minute)):\(two(t.second))"
    }
}
