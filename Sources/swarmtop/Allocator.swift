import CMalloc

/// glibc's allocator, set for a process that stays open for days.
enum Allocator {
    /// Makes every thread allocate from glibc's main arena (`mallopt(M_ARENA_MAX, 1)`), and
    /// every block of `mmapAbove` bytes or more a mapping of its own (`M_MMAP_THRESHOLD`); called
    /// first thing in `main`, before the threads of the UI loop, the snapshot preparer, NIO and
    /// Swift's task pool exist. By default glibc gives threads that contend an arena each (up to
    /// 8 per core) and each arena keeps much of what is freed in it: in soaks the heap grew
    /// 3.8 MB an hour that way, 2.2 with one arena, and at 10,000 tasks the peak RSS was 320-330 MB
    /// against 286-303 (README, Performance). By default, too, glibc raises its mapping threshold
    /// to the size of each mapped block freed, up to 32 MB: once the first big answer (a swarm's
    /// 18 MB of `/tasks`) was let go, the next ones were carved from the arena and their pages
    /// kept there until a trim; a fixed threshold gives them back when they are freed (the peak
    /// at the start of a 10,000-task swarm: 103.6 MB against 109.6, one run each). A failure
    /// leaves glibc's default in force.
    static func configure() {
        _ = mallopt(M_ARENA_MAX, 1)
        _ = mallopt(M_MMAP_THRESHOLD, Int32(mmapAbove))
    }

    /// Bytes from which a block is mapped on its own (and unmapped when freed): the answers of
    /// a big swarm (its service list is 1.2 MB, its tasks 18 MB), not the objects made from them.
    static let mmapAbove = 1 << 20

    /// Gives the pages of freed memory back to the system (`malloc_trim(0)`: whole free pages
    /// anywhere in the heap, not only at its top) every `seconds`, until cancelled. Freed
    /// memory amid live allocations is otherwise kept: in a soak one call lowered the heap
    /// from 10.5 to 9.1 MB after an hour; with one arena and this, a 72-minute soak grew
    /// 0.3 MB an hour. Each call holds the arena's lock 8-20 ms at 10,000 tasks.
    /// - Returns: the task that trims; cancel it when the dashboard ends.
    /// - SeeAlso: `trimInterval`.
    static func trimEvery(_ seconds: Int) -> Task<Void, Never> {
        Task.detached(priority: .background) {
            while (try? await Task.sleep(for: .seconds(seconds))) != nil {
                _ = malloc_trim(0)
            }
        }
    }

    /// Seconds between trims. At 10,000 tasks under churn, what glibc kept between trims every
    /// 60 s was 84 MB of the heap's resident pages against 75 with every 10 s (bench-big, short
    /// runs); a trim costs 8-20 ms there (0.1-0.2% of a core), microseconds on a lab.
    static let trimInterval = 10
}
