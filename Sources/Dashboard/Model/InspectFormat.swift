import Foundation

/// Values as the docker CLI's `inspect --pretty` prints them (Go's `%v` of a float and of a
/// `time.Duration`, go-units' `BytesSize`), and the rule that hides secret-looking values.
public enum InspectFormat {
    /// A float as Go's `%v` prints it: `0.1`, `0.25`, `1`, `0`.
    public static func float(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// CPUs from nano-CPUs as `--pretty` prints them (`NanoCPUs / 1e9` with `%v`): `0.1`, `2`.
    public static func cpus(_ nanoCPUs: Int64) -> String {
        float(Double(nanoCPUs) / 1e9)
    }

    /// Bytes as `--pretty` prints memory (go-units' `BytesSize`): `50MiB`, `23.54GiB`.
    public static func memory(_ bytes: Int64) -> String {
        Format.binarySize(bytes)
    }

    /// Nanoseconds as Go's `time.Duration.String()`: `5s`, `1m0s`, `1h2m3.5s`, `500ms`, `0s`.
    public static func duration(_ nanoseconds: Int64) -> String {
        if nanoseconds == 0 { return "0s" }
        let negative = nanoseconds < 0
        let ns = nanoseconds.magnitude
        let sign = negative ? "-" : ""
        if ns < 1_000 { return "\(sign)\(ns)ns" }
        if ns < 1_000_000 { return sign + decimal(ns, 1_000) + "µs" }
        if ns < 1_000_000_000 { return sign + decimal(ns, 1_000_000) + "ms" }
        let hours = ns / 3_600_000_000_000, minutes = ns / 60_000_000_000 % 60
        let seconds = decimal(ns % 60_000_000_000, 1_000_000_000) + "s"
        if hours > 0 { return "\(sign)\(hours)h\(minutes)m\(seconds)" }
        if minutes > 0 { return "\(sign)\(minutes)m\(seconds)" }
        return sign + seconds
    }

    /// `value / unit` with its fraction's trailing zeros dropped: `1.5` for 1500/1000, `3` for 3000/1000.
    private static func decimal(_ value: UInt64, _ unit: UInt64) -> String {
        let whole = value / unit, fraction = value % unit
        guard fraction > 0 else { return String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: String(unit).count - 1 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    /// The words that make an environment variable's value hidden until asked (`v`), matched
    /// anywhere in its name, ignoring case: `DB_PASSWORD`, `api_token`, `AWS_SECRET_ACCESS_KEY`.
    public static let secretWords = ["PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "PRIVATE", "AUTH"]

    /// What hides a value.
    public static let mask = "••••••"

    /// True when the name of a `NAME=value` variable holds one of `secretWords`.
    public static func looksSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        return secretWords.contains { upper.contains($0) }
    }

    /// An env line as inspect shows it: escaped, and its value hidden when its name looks secret.
    public static func envLine(_ variable: String, indent: Int = 0) -> InspectLine {
        let parts = variable.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard parts.count == 2, looksSecret(name) else { return InspectLine(indent: indent, value: variable) }
        return InspectLine(indent: indent, value: variable, hidden: DisplayText.escaped(name) + "=" + mask)
    }
}
