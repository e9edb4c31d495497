import SwarmState

extension Configuration {
    /// The refresh engine's cadences as configured: polls every `interval` seconds (every
    /// `fastInterval`, at most `interval`, after a change), sizes at most every `sizeInterval`,
    /// a full re-list every `resyncInterval`; the rest as `RefreshEngine.Intervals` has them.
    public var refreshIntervals: RefreshEngine.Intervals {
        RefreshEngine.Intervals(poll: interval.value, sizes: sizeInterval.value,
                                fastPoll: min(fastInterval.value, interval.value), resync: resyncInterval.value)
    }
}
