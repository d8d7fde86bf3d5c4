import Testing
@testable import Curation

@Suite struct TextTests {
    @Test func scriptClasses() {
        #expect(ScriptClass.of("中") == .han)
        #expect(ScriptClass.of("の") == .kana)
        #expect(ScriptClass.of("ア") == .kana)
        #expect(ScriptClass.of("한") == .hangul)
        #expect(ScriptClass.of("a") == .latin)
        #expect(ScriptClass.of("é") == .latin)
        #expect(ScriptClass.of("Ａ") == .latin)
        #expect(ScriptClass.of("７") == .digit)
        #expect(ScriptClass.of("，") == .punctuation)
        #expect(ScriptClass.of("。") == .punctuation)
        #expect(ScriptClass.of("！") == .punctuation)
        #expect(ScriptClass.of("、") == .punctuation)
        #expect(ScriptClass.of("\u{3000}") == .whitespace)
        #expect(ScriptClass.of("Ж") == .otherLetter)
        #expect(ScriptClass.of("+") == .symbol)
        #expect(!ScriptClass.of("，").isCJK)
    }

    @Test func unitsCountLatinWordsAndCJKCharacters() {
        #expect(TextLength.units("Give three tips for staying healthy.") == 6)
        #expect(TextLength.units("保持健康的三个提示。") == 9)
        #expect(TextLength.units("用Python写一个函数") == 7)
        #expect(TextLength.units("") == 0)
        #expect(TextLength.units("  ... !!! ") == 0)
        #expect(TextLength.units("café naïve") == 2)
        #expect(TextLength.units("日本語のテキスト") == 8)
        #expect(TextLength.units("한국어 문장") == 5)
        #expect(TextLength.units("It costs $3.50") == 4)
    }

    @Test func languageDetection() {
        #expect(LanguageDetector.detect("Give three tips for staying healthy.") == .en)
        #expect(LanguageDetector.detect("保持健康的三个提示。") == .zh)
        #expect(LanguageDetector.detect("请用Python写一个快速排序函数") == .zh)
        #expect(LanguageDetector.detect("日本語のテキストです") == .ja)
        #expect(LanguageDetector.detect("カタカナ") == .ja)
        #expect(LanguageDetector.detect("한국어 문장입니다") == .ko)
        #expect(LanguageDetector.detect("Привет, как дела? Всё хорошо") == .other)
        #expect(LanguageDetector.detect("Le chat est sur la table, et il dort tranquillement pendant que nous mangeons notre dîner ce soir") == .other)
        #expect(LanguageDetector.detect("12345 !!!") == .und)
        #expect(LanguageDetector.detect("") == .und)
        // A Chinese sentence quoting an English term stays Chinese.
        #expect(LanguageDetector.detect("机器学习（Machine Learning）是人工智能的一个分支") == .zh)
        // Hangul never occurs in Chinese and Kana never in Korean: either decides, whatever Han the text has.
        #expect(LanguageDetector.detect("번역하세요: 大韓民國은 民主共和國이다.") == .ko)
        #expect(LanguageDetector.detect("大韓民國의 首都는 서울") == .ko)
        #expect(LanguageDetector.detect("次の住所を漢字で書いてください。") == .ja)
        #expect(LanguageDetector.detect("東京都千代田区千代田一丁目に行く") == .ja)
        #expect(LanguageDetector.detect("東京都千代田区千代田一丁目") == .zh)  // Han only: read as Chinese…
        #expect(LanguageDetector.isHanOnly(ScriptCounts("東京都千代田区千代田一丁目")))  // …and known to be ambiguous
    }

    @Test func canonicalFormFoldsWidthCasePunctuationAndSpace() {
        #expect(TextNormalizer.canonical("Hello,   World!") == "hello world")
        #expect(TextNormalizer.canonical("ＨＥＬＬＯ，ｗｏｒｌｄ！") == "hello world")
        #expect(TextNormalizer.canonical("你好，世界！") == TextNormalizer.canonical("你好 世界"))
        #expect(TextNormalizer.canonical("  Tabs\tand\nnewlines ") == "tabs and newlines")
        #expect(TextNormalizer.canonical("2+2=4") == "2+2=4")
        #expect(TextNormalizer.canonical("Café") == "café")
        #expect(TextNormalizer.canonical("x + y") != TextNormalizer.canonical("x y"))
    }

    @Test func unitTokenizerAndHashesAgree() {
        let text = "Write 3 poems, 用中文 please"
        let units = UnitTokenizer.units(text)
        #expect(units == ["write", "3", "poems", "用", "中", "文", "please"])
        #expect(UnitHashes.of(text).count == units.count)
        #expect(UnitHashes.of("Hello hello") [0] == UnitHashes.of("hello HELLO")[1])
        #expect(UnitHashes.of("Hello")[0] != UnitHashes.of("Help")[0])
    }

    @Test func phraseScannerRespectsWordBoundariesAndCase() {
        let scanner = PhraseScanner(["i can't", "as an ai", "抱歉"])
        #expect(scanner.firstMatch(in: "Sorry, I CAN'T do it")?.phrase == 0)
        #expect(scanner.firstMatch(in: "Sorry, I can’t do it")?.phrase == 0)
        #expect(scanner.firstMatch(in: "hi can't") == nil)
        #expect(scanner.firstMatch(in: "as an aide I help") == nil)
        let m = scanner.matches(in: "很抱歉")
        #expect(m.count == 1 && m[0].start == 3 && m[0].end == 9)
    }
}
