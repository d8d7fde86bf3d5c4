/// An estimate of how wide a text is drawn in the report's sans-serif font, for fitting chart labels into
/// their column without measuring glyphs: CJK and other East Asian wide characters take about one em, other
/// characters about 0.55 em (the average advance of Latin letters and digits in common sans-serif fonts).
enum SVGTextWidth {
    /// Width in user units at `fontSize`.
    static func of(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1.value) ? 1 : 0.55) } * fontSize
    }

    /// `text`, cut with "…" so that it fits in `width` user units.
    static func fitted(_ text: String, width: Double, fontSize: Double) -> String {
        guard of(text, fontSize: fontSize) > width else { return text }
        var out = ""
        var used = of("…", fontSize: fontSize)
        for character in text {
            let w = of(String(character), fontSize: fontSize)
            if used + w > width { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// Han, Kana, Hangul, CJK punctuation and full-width forms.
    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}
