import CMalloc

/// glibc's allocator, set for a process that stays open for days.
enum Allocator {
    /// Makes every thread allocate from glibc's main arena (`mallopt(M_ARENA_MAX, 1)`); called
    /// first thing in `main`, before the threads of the UI loop, the snapshot preparer, NIO and
    /// Swift's task pool exist. By default glibc gives threads that contend an arena each (up to
    /// 8 per core) and each arena keeps much of what is freed in it: in soaks the heap grew
    /// 3.8 MB an hour that way, 2.2 with one arena, and at 10,000 tasks the peak RSS was 320-330 MB
    /// against 286-303 (README, Performance). A failure leaves glibc's default in force.
    static func useOneArena() {
        _ = mallopt(M_ARENA_MAX, 1)
    }

    /// Gives the pages of freed memory back to the system (`malloc_trim(0)`: whole free pages
    /// anywhere in the heap, not only at its top) every `seconds`, until cancelled. Freed
    /// memory amid live allocations is otherwise kept: in a soak one call lowered the heap
    /// from 10.5 to 9.1 MB after an hour; with one arena and this, a 72-minute soak grew
    /// 0.3 MB an hour. Each call holds the arena's lock 8-20 ms at 10,000 tasks.
    /// - Returns: the task that trims; cancel it when the dashboard ends.
    static func trimEvery(_ seconds: Int) -> Task<Void, Never> {
        Task.detached(priority: .background) {
            while (try? await Task.sleep(for: .seconds(seconds))) != nil {
                _ = malloc_trim(0)
            }
        }
    }
}
