import Foundation

/// Sizes written as the docker CLI's `go-units` package writes them, for every text that
/// names a size (the panes through `Format`, the scheduling explanations in words).
public enum GoUnits {
    /// A size as `go-units.HumanSizeWithPrecision(size, 3)`: decimal units, three significant
    /// digits with `%.3g`, e.g. `0B`, `32.8kB`, `5.24MB`, `1.2MB`.
    public static func humanSize(_ bytes: Int64) -> String {
        scaled(bytes, base: 1000, units: ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"], format: "%.3g")
    }

    /// A size as `go-units.BytesSize`: binary units, four significant digits with `%.4g`, as
    /// `docker node inspect --pretty` and `docker info` print memory, e.g. `23.54GiB`.
    public static func binarySize(_ bytes: Int64) -> String {
        scaled(bytes, base: 1024, units: ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"], format: "%.4g")
    }

    /// go-units' `CustomSize`: divide by `base` until below it, then print with `format` and the unit.
    /// - Parameters:
    ///   - bytes: the size in bytes.
    ///   - base: 1000 (decimal units) or 1024 (binary units).
    ///   - units: the unit names, bytes first.
    ///   - format: a `printf` format for the scaled number, e.g. `%.3g`.
    public static func scaled(_ bytes: Int64, base: Double, units: [String], format: String) -> String {
        var size = Double(bytes)
        var unit = 0
        while size >= base, unit < units.count - 1 {
            size /= base
            unit += 1
        }
        return String(format: format, size) + units[unit]
    }
}
