/// What one entry of `docker diff` means for the writable layer, on the container's storage
/// driver.
///
/// On overlay2 (and overlay, aufs, fuse-overlayfs) a file changed in any way, its mode or
/// times included, is first copied up whole from the lower layer into the writable layer;
/// a deletion is a whiteout (a 0/0 character device) that hides the lower file, whose bytes
/// stay in the image; a directory removed and made again is opaque (`trusted.overlay.opaque=y`)
/// and hides everything below it. On btrfs, zfs and devicemapper layers are snapshots that
/// copy changed blocks, not whole files.
///
/// How an opaque directory is told: the engine does not report the xattr. Engine 20.10
/// (seen on the lab) lists a replaced directory as C, with D for each entry of the lower layers
/// that is gone and A for each new one; newer engines (moby's `overlayDeletedFile`) list it as D
/// with its new entries beneath. So a C directory whose listed children are deletions and
/// additions only (at least one of each, no C), or a D entry with children, is opaque. The list
/// leaves out lower entries that are unchanged, so a directory where some lower files were
/// deleted, others left alone and new ones written reads the same: the view says "replaced".
public enum ChangeMeaning: String, Sendable, Hashable, CaseIterable {
    /// C on a file, overlay-style driver: the whole file copied up from a lower layer.
    case copiedUp
    /// C on a file, btrfs/zfs/devicemapper: the changed blocks copied.
    case blocksCopied
    /// C on a directory: its entry copied up because something in it changed (no file data).
    case directoryChanged
    /// A directory replaced: opaque, it hides every entry the lower layers had there.
    case opaque
    /// A on a file: newly written into the writable layer.
    case written
    /// A on a symbolic link.
    case newLink
    /// A on a directory.
    case newDirectory
    /// D: a whiteout hides a lower file or directory; its bytes stay in the image.
    case whiteout

    /// The drivers that copy blocks, not whole files.
    public static let blockDrivers: Set<String> = ["btrfs", "zfs", "devicemapper"]

    /// Decides the meaning of an entry.
    /// - Parameters:
    ///   - kind: C, A or D.
    ///   - stat: the path's stat now, when asked; without one, an entry without children is taken for a file.
    ///   - childKinds: the kinds of the entries listed directly under it.
    ///   - driver: `GraphDriver.Name`; nil is read as overlay2 (the default driver).
    public init(_ kind: ContainerChange.Kind, stat: ContainerPathStat?, childKinds: [ContainerChange.Kind], driver: String?) {
        let isDirectory = !childKinds.isEmpty || stat?.isDirectory == true
        switch kind {
        case .deleted:
            self = childKinds.isEmpty ? .whiteout : .opaque
        case .added:
            self = isDirectory ? .newDirectory : stat?.isSymlink == true ? .newLink : .written
        case .changed where isDirectory:
            let replaced = childKinds.contains(.deleted) && childKinds.contains(.added) && !childKinds.contains(.changed)
            self = replaced ? .opaque : .directoryChanged
        case .changed:
            self = driver.map(Self.blockDrivers.contains) == true ? .blocksCopied : .copiedUp
        }
    }

    /// A few words for the view's and `swarmtop diff`'s meaning column.
    public var explanation: String {
        switch self {
        case .copiedUp: "copied up: the whole file from a lower layer"
        case .blocksCopied: "changed: its changed blocks copied (not the whole file)"
        case .directoryChanged: "directory: entries in it changed"
        case .opaque: "replaced: opaque, hides every lower entry"
        case .written: "new: written in the writable layer"
        case .newLink: "new link"
        case .newDirectory: "new directory"
        case .whiteout: "whiteout: hides a lower file, still in the image"
        }
    }
}
