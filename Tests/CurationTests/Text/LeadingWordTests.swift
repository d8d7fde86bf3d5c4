import Curation
import Testing

@Suite struct LeadingWordTests {
    @Test func englishTakesTheFirstWordAfterRequestFrames() {
        #expect(LeadingWord.english("Write a poem about the sea.") == "write")
        #expect(LeadingWord.english("Please explain photosynthesis.") == "explain")
        #expect(LeadingWord.english("  Can you please list three fruits?") == "list")
        #expect(LeadingWord.english("I want you to act as a translator.") == "act")
        #expect(LeadingWord.english("What's the capital of France?") == "what's")
        #expect(LeadingWord.english("\"Summarize\" the text") == "summarize")
        #expect(LeadingWord.english("123 is a number") == nil)
        #expect(LeadingWord.english("please") == "please")
        #expect(LeadingWord.english("") == nil)
        #expect(LeadingWord.english("总结以下文章 in English") == nil)
        #expect(LeadingWord.english("Explain 光合作用") == "explain")
    }

    @Test func chineseTakesTheFirstTwoHanCharactersAfterRequestFrames() {
        #expect(LeadingWord.chinese("写一首关于秋天的诗。") == "写一")
        #expect(LeadingWord.chinese("请解释光合作用。") == "解释")
        #expect(LeadingWord.chinese("“请你帮我翻译这句话") == "翻译")
        #expect(LeadingWord.chinese("帮我写一封信") == "写一")
        #expect(LeadingWord.chinese("请") == nil)
        #expect(LeadingWord.chinese("Python中如何排序？") == nil)
        #expect(LeadingWord.chinese("解") == nil)
    }
}
