// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartCore

@Suite("Denial spike detector")
struct DenialSpikeDetectorTests {
    private let start: Int64 = 1_700_000_000_000
    private let minute: Int64 = 60 * 1000

    @Test func firesOnceWhenTheWindowExceedsTheThreshold() {
        var detector = DenialSpikeDetector<String>()
        var spikes: [DenialSpikeDetector<String>.Spike] = []
        for index in 0..<40 {
            if let spike = detector.recordDenial(for: "svc", now: start + Int64(index) * 1000) { spikes.append(spike) }
        }
        #expect(spikes.count == 1)
        #expect(spikes.first?.denialsInWindow == 21)
        #expect(spikes.first?.detectedAt == start + 20_000)
        #expect(detector.denials(for: "svc", now: start + 40_000) == 40)
        #expect(!detector.isArmed(for: "svc"))
        // Other principals are independent.
        #expect(detector.denials(for: "other", now: start) == 0)
    }

    @Test func aBatchOfDenialsCountsAsThatManyDenials() {
        var batched = DenialSpikeDetector<String>()
        var single = DenialSpikeDetector<String>()
        // 15 then 15 at the same moment: under the threshold (20) after the first batch, over it after the second.
        #expect(batched.recordDenials(15, for: "svc", now: start) == nil)
        let spike = batched.recordDenials(15, for: "svc", now: start + 1000)
        #expect(spike?.denialsInWindow == 30)
        for _ in 0..<15 { _ = single.recordDenial(for: "svc", now: start) }
        for _ in 0..<15 { _ = single.recordDenial(for: "svc", now: start + 1000) }
        #expect(batched.denials(for: "svc", now: start + 2000) == single.denials(for: "svc", now: start + 2000))
        #expect(batched.recordDenials(0, for: "quiet", now: start) == nil)
        #expect(batched.denials(for: "quiet", now: start) == 0)
    }

    @Test func slowSteadyDenialsNeverFire() {
        var detector = DenialSpikeDetector<String>()
        // 10 per 5-minute window for a day: under the threshold throughout.
        for index in 0..<(24 * 12 * 10) {
            #expect(detector.recordDenial(for: "batch", now: start + Int64(index) * 30_000) == nil)
        }
    }

    @Test func aHighBaselineRaisesTheBar() {
        var config = DenialSpikeDetector<String>.Configuration()
        config.threshold = 20
        config.baselineMultiple = 3
        var detector = DenialSpikeDetector<String>(configuration: config)
        // A noisy job: 30 denials per 5-minute window for three days (one every 10 s), long enough
        // for the baseline (24 h time constant) to learn it. It crosses the threshold once early,
        // before its baseline is known; after that this is its normal rate.
        var now = start
        var early = 0
        for _ in 0..<(3 * 24 * 60 * 6) {
            if detector.recordDenial(for: "noisy", now: now) != nil { early += 1 }
            now += 10_000
        }
        #expect(early == 1)
        // Its baseline is now about 30 per window: 60 in a window (2×) is not a spike…
        now += 20 * minute
        var fired: [DenialSpikeDetector<String>.Spike] = []
        for _ in 0..<60 {
            if let spike = detector.recordDenial(for: "noisy", now: now) { fired.append(spike) }
            now += 5_000
        }
        #expect(fired.isEmpty)
        // …but a burst of 200 within a minute (well over 3× the baseline) is.
        for _ in 0..<200 {
            if let spike = detector.recordDenial(for: "noisy", now: now) { fired.append(spike) }
            now += 300
        }
        #expect(fired.count == 1)
        if let spike = fired.first {
            #expect(spike.baselinePerWindow > 20 && spike.baselinePerWindow < 40)
            #expect(Double(spike.denialsInWindow) > 3 * spike.baselinePerWindow)
        }
    }

    @Test func reArmsAfterAQuietPeriod() {
        var detector = DenialSpikeDetector<String>()
        var fired = 0
        func burst(at time: Int64) {
            for index in 0..<30 where detector.recordDenial(for: "p", now: time + Int64(index) * 100) != nil { fired += 1 }
        }
        burst(at: start)
        #expect(fired == 1)
        // Another burst while still hot (within the window + quiet period) does not fire again.
        burst(at: start + 2 * minute)
        #expect(fired == 1)
        // After 15 quiet minutes below the threshold, a new burst fires again.
        burst(at: start + 30 * minute)
        #expect(fired == 2)
        #expect(!detector.isArmed(for: "p"))
    }

    @Test func memoryIsBounded() {
        var config = DenialSpikeDetector<Int>.Configuration()
        config.maxTrackedPrincipals = 100
        var detector = DenialSpikeDetector<Int>(configuration: config)
        for index in 0..<5_000 { _ = detector.recordDenial(for: index, now: start + Int64(index)) }
        #expect(detector.trackedPrincipalCount <= 100)
        #expect(detector.denials(for: 4_999, now: start + 5_000) == 1)
        detector.prune(now: start + 10 * 24 * 60 * minute)
        #expect(detector.trackedPrincipalCount == 0)
    }
}
