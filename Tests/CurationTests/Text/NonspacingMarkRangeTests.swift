import Testing
@testable import Curation

/// `TextLength.units` and `UnitHashes.of` skip the general-category lookup for scalars below U+0300 when they
/// ask whether a scalar is a nonspacing mark; that is exact only if no such scalar is one.
@Suite struct NonspacingMarkRangeTests {
    @Test func noScalarBelowU0300IsANonspacingMark() {
        let marks = (0..<0x300).compactMap(Unicode.Scalar.init).filter { $0.properties.generalCategory == .nonspacingMark }
        #expect(marks.isEmpty)
        #expect(Unicode.Scalar(0x300)!.properties.generalCategory == .nonspacingMark)
    }

    @Test func combiningMarksStayInsideTheirWord() {
        // "café" written with a combining acute (U+0301): one word, as with the precomposed é.
        #expect(TextLength.units("cafe\u{301} au lait") == TextLength.units("café au lait"))
        #expect(UnitHashes.of("cafe\u{301} noir").count == 2)
        #expect(TextLength.units("naïve, déjà-vu; 中文 ok") == 6)
    }
}
