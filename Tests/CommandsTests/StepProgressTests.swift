import Foundation
import Testing
@testable import Commands

/// The progress line of long data steps: silent for the first second and in pipes, then count, rate and ETA.
@Suite struct StepProgressTests {
    /// A clock that moves only when told.
    final class ManualClock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_000)
        func read() -> Date { now }
    }

    @Test func drawsCountRateAndETAAfterTheFirstSecond() {
        let clock = ManualClock(), sink = BufferSink()
        let progress = StepProgress(label: "filter", unit: "instructions", total: 1000, sink: sink, enabled: true,
                                    clock: clock.read)
        clock.now += 0.5
        progress.advance(100)
        #expect(sink.text.isEmpty, "nothing during the first second")
        clock.now += 1.5
        progress.advance(100)
        #expect(sink.text.contains("filter 200/1000 instructions  100/s  ETA 8s"), "\(sink.text)")
        progress.finish()
        #expect(sink.text.hasSuffix("\n"))
    }

    @Test func quietWhenDisabledOrShort() {
        let clock = ManualClock(), sink = BufferSink()
        let off = StepProgress(label: "score", unit: "instructions", total: 10, sink: sink, enabled: false, clock: clock.read)
        clock.now += 5
        off.advance(10)
        off.finish()
        let short = StepProgress(label: "score", unit: "instructions", total: 10, sink: sink, enabled: true, clock: clock.read)
        short.advance(10)
        short.finish()
        #expect(sink.text.isEmpty)
    }
}
