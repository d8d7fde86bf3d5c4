import Testing
@testable import Curation

@Suite struct RefusalTests {
    let detector = RefusalDetector.standard

    @Test(arguments: [
        "I'm sorry, but I cannot fulfill this request.",
        "I’m sorry, but I can’t help with that.",
        "As an AI language model, I cannot generate images.",
        "As an AI language model, I don't have personal opinions. However, many people believe X is good.",
        "I am unable to access the internet to look this up.",
        "Unfortunately, I cannot provide a photograph.",
        "This task cannot be completed as it requires physical interaction.",
        "抱歉，我无法提供这方面的信息。",
        "很抱歉，我不能回答这个问题。",
        "作为一个人工智能语言模型，我没有个人观点。",
        "作为AI，我无法浏览网页。",
        "对不起,我无法完成这个任务",
    ])
    func refusalsAreFound(_ text: String) {
        #expect(detector.detect(text) != nil, "\(text)")
        #expect(RefusalRule().evaluate(.output(text)).passed == false)
    }

    @Test(arguments: [
        // An apology followed by a full answer.
        "I'm sorry, but I cannot guarantee these results. That said, here is a complete plan: first, wake up early and drink water; second, exercise for thirty minutes; third, eat a breakfast rich in protein and fibre; fourth, plan your day in the evening so that you always know what comes next and can rest well.",
        "Sorry for the confusion! Here is the corrected code.",
        // Text about AI.
        "AI language models are trained on large amounts of text and can answer questions.",
        "An AI assistant, as an AI researcher would describe it, is a program that helps users.",
        "The novel describes a robot who wants to be human.",
        "人工智能语言模型是在大量文本上训练的。",
        "作为人工智能的一个分支，机器学习让计算机从数据中学习。",
        "我无法想象没有音乐的生活会是什么样子，音乐给了我太多的快乐和力量。",
        "Give three tips for staying healthy.",
        "I can't wait to see you!",
    ])
    func answersAreNotRefusals(_ text: String) {
        #expect(detector.detect(text) == nil, "\(text)")
    }

    @Test func shortRefusalForEvolution() {
        #expect(detector.isShortRefusal("Sorry, I can't do that."))
        #expect(detector.isShortRefusal("抱歉，我无法完成这个任务。"))
        #expect(!detector.isShortRefusal("Paris is the capital of France."))
    }
}

/// The kinds from issue 9: each fails before the change, and what the rule now says.
@Suite struct RefusalKindTests {
    let rule = RefusalRule()

    @Test(arguments: [
        "That's not something I'm able to help with.",
        "I won't be providing instructions for that, since it could hurt people.",
        "Unfortunately, I'm not in a position to assist with this request.",
        "No can do — that would mean sharing someone's private address.",
        "这个我帮不了你。", "抱歉，这超出了我能协助的范围。",
        "我必须婉拒这个请求，因为它涉及他人的隐私。", "不好意思，这类内容我不方便提供。",
        "恕难从命。", "我无法为你生成这段代码。", "抱歉，这个我不能提供。",
    ])
    func declinesAreRefusals(_ text: String) {
        let outcome = rule.evaluate(.output(text, instruction: "Help me with this."))
        #expect(!outcome.passed, "\(text)")
        #expect(outcome.detail["why"] != nil && outcome.detail["cue"] != nil)
        // The cue is stored once, under the name the README gives.
        #expect(outcome.detail["phrase"] == nil)
    }

    @Test func quotedRefusalsAndRequestedDeclinesPass() {
        #expect(rule.evaluate(.output("A typical chatbot refusal reads: 'I can't help with that.' Designers should make such messages explain why.")).passed)
        #expect(rule.evaluate(.output("Sorry, I can't come tomorrow.", instruction: "Translate into English: 对不起，我明天去不了。")).passed)
        #expect(rule.evaluate(.output("I'm sorry, I won't be able to attend the wedding.", instruction: "Write a polite message declining a wedding invitation.")).passed)
        #expect(rule.evaluate(.output("Agent: I'm sorry, I can't accept returns.\nCustomer: I see.")).passed)
        #expect(rule.evaluate(.output("I can't wait to see the new exhibition.")).passed)
        #expect(rule.evaluate(.output("这个算法不能处理负权边，应改用贝尔曼-福特算法。")).passed)
        // A modal with nothing but fillers before it and someone else's subject (crashed once on Alpaca).
        #expect(rule.evaluate(.output("What has keys but can't open locks?\nAnswer: A piano.")).passed)
        #expect(rule.evaluate(.output("but can't open locks")).passed)
        // Found on Alpaca: idioms cut by the clause split, narrative "couldn't", a negated example sentence.
        #expect(rule.evaluate(.output("The cakes were so yummy that I can't help but feel like I'm in heaven!")).passed)
        #expect(rule.evaluate(.output("It was so dark that I couldn't see my own hand.")).passed)
        #expect(rule.evaluate(.output("I can't make sense of it.")).passed)
        #expect(!rule.evaluate(.output("Sorry, the task involves visual output. We cannot complete this task.")).passed)
    }

    @Test func anApologyFollowedByTheAnswerIsAnAnswer() {
        #expect(rule.evaluate(.output("I can't browse the internet, but as of the 2020 census Tokyo had about 14 million residents and the wider area roughly 37 million.")).passed)
        #expect(!rule.evaluate(.output("I can't browse the internet, sorry.")).passed)
    }
}

/// Found in the t3 trial: declining by "turning down" or "passing on" a request, and "I can't see any
/// problem" (an answer, not an inability).
@Suite struct RefusalTrialTests {
    let rule = RefusalRule()

    @Test(arguments: [
        "That's a request I have to turn down.", "I'm going to have to pass on this one.",
        "I'll have to pass on this request.", "Sorry, I must turn down this request.",
    ])
    func turningDownDeclines(_ text: String) {
        #expect(!rule.evaluate(.output(text, instruction: "Help me with this.")).passed, "\(text)")
    }

    @Test(arguments: [
        "No, I can't see any problem with this code; it runs in O(n) time.",
        "I can't see any reason to change it.", "I have to turn down the volume at night.",
        "I'll pass on the message to her.",
    ])
    func answersPass(_ text: String) {
        #expect(rule.evaluate(.output(text, instruction: "Answer the question.")).passed, "\(text)")
    }
}
