import Curation
import Testing
@testable import Synthesis

@Suite struct PreferenceSelectorTests {
    let answers = [
        PreferenceCandidate(completionID: 1, score: 6), PreferenceCandidate(completionID: 2, score: 9),
        PreferenceCandidate(completionID: 3, score: 3), PreferenceCandidate(completionID: 4, score: 8),
    ]

    @Test func worstAndSecondPickTheEnds() {
        let worst = PreferenceSelector(policy: .worst).decide(instructionID: 1, candidates: answers).pair
        #expect(worst?.chosen.completionID == 2 && worst?.rejected.completionID == 3 && worst?.margin == 6)
        let second = PreferenceSelector(policy: .second).decide(instructionID: 1, candidates: answers).pair
        #expect(second?.chosen.completionID == 2 && second?.rejected.completionID == 4 && second?.margin == 1)
    }

    @Test func minimumMarginRejectsNarrowPairsPerPolicy() {
        #expect(PreferenceSelector(policy: .second, minimumMargin: 2).decide(instructionID: 1, candidates: answers) == .none(.belowMargin))
        #expect(PreferenceSelector(policy: .worst, minimumMargin: 7).decide(instructionID: 1, candidates: answers) == .none(.belowMargin))
        // random-lower draws only among answers far enough below.
        for seed in 0..<20 as Range<UInt64> {
            let pair = PreferenceSelector(policy: .randomLower, minimumMargin: 2.5, seed: seed).decide(instructionID: 7, candidates: answers).pair
            #expect(pair.map { [1, 3].contains($0.rejected.completionID) } == true)
        }
    }

    @Test func randomLowerIsSeededAndVaries() {
        let picks = (0..<40 as Range<Int64>).map {
            PreferenceSelector(policy: .randomLower).decide(instructionID: $0, candidates: answers).pair!.rejected.completionID
        }
        let again = (0..<40 as Range<Int64>).map {
            PreferenceSelector(policy: .randomLower).decide(instructionID: $0, candidates: answers).pair!.rejected.completionID
        }
        #expect(picks == again)
        #expect(Set(picks) == [1, 3, 4])
    }

    @Test func oneAnswerOrAllTiesMakeNoPair() {
        let selector = PreferenceSelector()
        #expect(selector.decide(instructionID: 1, candidates: [answers[0]]) == .none(.singleAnswer))
        #expect(selector.decide(instructionID: 1, candidates: []) == .none(.singleAnswer))
        let tied = [PreferenceCandidate(completionID: 5, score: 7), PreferenceCandidate(completionID: 6, score: 7)]
        #expect(selector.decide(instructionID: 1, candidates: tied) == .none(.allTied))
    }

    @Test func anAnswerWithTheChosenTextIsNeverRejected() {
        // The worst answer repeats the chosen one (up to whitespace): the pair would be dropped by every layout.
        let candidates = [
            PreferenceCandidate(completionID: 1, score: 9, text: "Paris."), PreferenceCandidate(completionID: 2, score: 2, text: " Paris.\n"),
            PreferenceCandidate(completionID: 3, score: 5, text: "Lyon."),
        ]
        let pair = PreferenceSelector(policy: .worst).decide(instructionID: 1, candidates: candidates).pair
        #expect(pair?.chosen.completionID == 1 && pair?.rejected.completionID == 3)
        let same = [PreferenceCandidate(completionID: 1, score: 9, text: "ok"), PreferenceCandidate(completionID: 2, score: 2, text: "ok")]
        #expect(PreferenceSelector().decide(instructionID: 1, candidates: same) == .none(.allTied))
    }

    @Test func equalTopRatingsChooseTheLowerIdAndNeverPairTheTie() {
        let candidates = [PreferenceCandidate(completionID: 9, score: 8), PreferenceCandidate(completionID: 4, score: 8), PreferenceCandidate(completionID: 2, score: 5)]
        let pair = PreferenceSelector(policy: .second).decide(instructionID: 1, candidates: candidates).pair
        #expect(pair?.chosen.completionID == 4 && pair?.rejected.completionID == 2)
    }

    @Test func outranksKeepsPairsConsistentWithDirectJudgements() {
        // 2 is rated best, but the judge never preferred 2 over 3 directly.
        let pair = PreferenceSelector(policy: .worst).decide(instructionID: 1, candidates: answers) { a, b in !(a == 2 && b == 3) }.pair
        #expect(pair?.rejected.completionID == 1)
    }
}

@Suite struct PairwiseTallyTests {
    @Test func winRatesCountEachPairOnceAndTiesHalf() {
        let tally = PairwiseTally([
            PairwiseJudgement(first: 1, second: 2, winner: .first),
            PairwiseJudgement(first: 3, second: 1, winner: .second),
            PairwiseJudgement(first: 2, second: 3, winner: .tie),
        ])
        let ratings = Dictionary(uniqueKeysWithValues: tally.candidates.map { ($0.completionID, $0.score) })
        #expect(ratings == [1: 10, 2: 2.5, 3: 2.5])
        #expect(tally.outranks(1, 2) && tally.outranks(1, 3) && !tally.outranks(2, 1) && !tally.outranks(2, 3))
    }

    @Test func aContradictingSwapCheckTurnsThePairIntoATie() {
        let tally = PairwiseTally([
            PairwiseJudgement(first: 1, second: 2, winner: .first),
            PairwiseJudgement(first: 2, second: 1, winner: .first, swapCheck: true),
        ])
        #expect(!tally.outranks(1, 2) && !tally.outranks(2, 1))
        #expect(PreferenceSelector().decide(instructionID: 1, candidates: tally.candidates) == .none(.allTied))
        let consistent = PairwiseTally([
            PairwiseJudgement(first: 1, second: 2, winner: .first),
            PairwiseJudgement(first: 2, second: 1, winner: .second, swapCheck: true),
        ])
        #expect(consistent.outranks(1, 2))
    }

    @Test func swapAgreementCountsChecksAndFirstPositionWins() {
        var agreement = SwapAgreement()
        agreement.add([
            PairwiseJudgement(first: 1, second: 2, winner: .first),
            PairwiseJudgement(first: 2, second: 1, winner: .second, swapCheck: true),
            PairwiseJudgement(first: 3, second: 1, winner: .first),
            PairwiseJudgement(first: 1, second: 3, winner: .first, swapCheck: true),
            PairwiseJudgement(first: 2, second: 3, winner: .tie),
        ])
        #expect(agreement.checked == 2 && agreement.agreed == 1 && agreement.rate == 0.5)
        #expect(agreement.decided == 2 && agreement.firstShownRate == 1)
        #expect(SwapAgreement().rate == nil)
    }
}

@Suite struct PairScheduleTests {
    @Test func everyPairOnceWithBothOrdersUsed() {
        let asks = PairSchedule(seed: 3).asks(for: Array(1...12))
        #expect(asks.count == 66)
        #expect(Set(asks.map { PairwiseTally.PairKey($0.first, $0.second) }).count == 66)
        let lowFirst = asks.filter { $0.first < $0.second }.count
        #expect(lowFirst > 15 && lowFirst < 51)
        #expect(asks == PairSchedule(seed: 3).asks(for: Array(1...12).reversed()))
    }

    @Test func swapFractionAddsReversedReasks() {
        let all = PairSchedule(seed: 1, swapFraction: 1).asks(for: [10, 20, 30])
        #expect(all.count == 6 && all.filter(\.swapCheck).count == 3)
        for check in all where check.swapCheck {
            #expect(all.contains(PairwiseAsk(first: check.second, second: check.first, swapCheck: false)))
        }
        let some = PairSchedule(seed: 1, swapFraction: 0.25).asks(for: Array(1...40)).filter(\.swapCheck).count
        #expect(some > 130 && some < 260)
        #expect(PairSchedule(seed: 1, swapFraction: 0).asks(for: [1, 2, 3]).allSatisfy { !$0.swapCheck })
    }
}
