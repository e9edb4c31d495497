import Foundation
import SwarmState

/// The disk view's formats: `docker system df`'s sizes, growth, and a sparkline.
extension Format {
    /// A size as `go-units.HumanSize` (`docker system df`, `docker images`): decimal units, four
    /// significant digits with `%.4g`, e.g. `0B`, `1.987MB`, `20.97MB`.
    public static func diskSize(_ bytes: Int64) -> String {
        GoUnits.scaled(bytes, base: 1000, units: ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"], format: "%.4g")
    }

    /// The RECLAIMABLE column of `docker system df`: `1.987MB (86%)`, just the size when SIZE is
    /// 0 and for the build cache (`DiskTotals.reclaimablePercent`).
    public static func reclaimable(_ totals: DiskTotals) -> String {
        diskSize(totals.reclaimable) + (totals.reclaimablePercent.map { " (\($0)%)" } ?? "")
    }

    /// A writable layer's growth: `+10.5MB/min`, `0B/min`, `-1.05MB/min` (sizes as `humanSize`);
    /// `-` when not known yet (a single measure).
    public static func growth(_ bytesPerMinute: Double?) -> String {
        guard let rate = bytesPerMinute, rate.isFinite else { return "-" }
        let bytes = Int64(min(abs(rate), Double(Int64.max / 2)).rounded())
        return (bytes == 0 ? "" : rate < 0 ? "-" : "+") + humanSize(bytes) + "/min"
    }

    /// The blocks `▁▂▃▄▅▆▇█`, one per value, scaled from the smallest value (`▁`) to the largest
    /// (`█`); all `▁` when they are equal. Empty for no values.
    public static func sparkline(_ values: [Int64]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        guard let low = values.min(), let high = values.max() else { return "" }
        let span = Double(high) - Double(low)
        return String(values.map { v in
            span == 0 ? blocks[0] : blocks[Int(((Double(v) - Double(low)) / span * 7).rounded())]
        })
    }
}
