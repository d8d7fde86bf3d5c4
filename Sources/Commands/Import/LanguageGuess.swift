/// A minimal per-row language guess from scripts (Han → zh, Kana → ja, Hangul → ko, Latin → en), used by
/// import until Curation's detector is on main. Looks at the first 400 characters only; it is cheap on purpose.
enum LanguageGuess {
    static func language(of text: String) -> String {
        var han = 0, kana = 0, hangul = 0, latin = 0, other = 0
        var seen = 0
        for scalar in text.unicodeScalars {
            seen += 1
            if seen > 400 { break }
            switch scalar.value {
            case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D: kana += 1
            case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2FFFF, 0xF900...0xFAFF: han += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            default:
                if scalar.properties.isAlphabetic { other += 1 }
            }
        }
        let letters = han + kana + hangul + latin + other
        guard letters > 0 else { return "und" }
        let cjk = han + kana + hangul
        if kana > 0, kana + han >= max(1, letters / 5) { return "ja" }
        if hangul >= max(1, letters / 5) { return "ko" }
        if han >= max(1, letters / 5) || (cjk > 0 && cjk * 2 >= latin) { return "zh" }
        if latin * 2 >= letters { return "en" }
        return "other"
    }
}
