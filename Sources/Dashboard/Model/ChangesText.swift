import SwarmState

/// How a container's changes read on screen and in `swarmtop diff`: the summary line, each
/// entry's size, sizes in the docker CLI's units.
public enum ChangesText {
    /// `copied up from lower layers 307kB (1 file), newly written 102kB (3 files), 3 whiteouts,
    /// 1 opaque directory; sizes known for 4 of 4 files`, or `no changes: the writable layer is empty`.
    public static func summary(_ s: ChangeSummary, entries: Int) -> String {
        guard entries > 0 else { return "no changes: the writable layer holds nothing of its own" }
        func files(_ n: Int) -> String { n == 1 ? "1 file" : "\(n) files" }
        var parts = ["copied up from lower layers \(Format.humanSize(s.copiedUpBytes)) (\(files(s.copiedUpFiles)))",
                     "newly written \(Format.humanSize(s.writtenBytes)) (\(files(s.writtenFiles)))"]
        if s.whiteouts > 0 { parts.append(s.whiteouts == 1 ? "1 whiteout" : "\(s.whiteouts) whiteouts") }
        if s.opaqueDirectories > 0 { parts.append(s.opaqueDirectories == 1 ? "1 opaque directory" : "\(s.opaqueDirectories) opaque directories") }
        let known = s.sized == s.files ? "" : "; sizes known for \(s.sized) of \(files(s.files)) (the \(ContainerChanges.statLimit) asked)"
        return parts.joined(separator: ", ") + known
    }

    /// An entry's size column: a file's size, a directory's sum of the sizes known in it, `-` when none is known.
    public static func size(_ entry: ContainerChanges.Entry) -> String {
        entry.size.map(Format.humanSize) ?? "-"
    }

    /// What the storage driver makes of the changes, for the header: `overlay2: C on a file copies it up whole`.
    public static func driverNote(_ driver: String?) -> String {
        let name = driver ?? "storage driver not known"
        if let driver, ChangeMeaning.blockDrivers.contains(driver) { return "\(name): changed blocks are copied, not whole files" }
        return "\(name): a changed file is copied up whole; a deleted one is a whiteout"
    }
}
