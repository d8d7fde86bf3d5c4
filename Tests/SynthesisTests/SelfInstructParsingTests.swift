import Testing
@testable import Synthesis

@Suite struct SelfInstructParsingTests {
    @Test func fullWidthDigitsChineseNumeralsAndMarkup() {
        let text = """
            ７．写一首关于秋天的短诗。
            七、解释光合作用的过程。
            十二、列出三种常见的编程语言。
            (7) Describe a rainy afternoon.
            7) Name three rivers in Africa.
            **Task 7:** Translate "good morning" into French.
            ### Task 8: Write a haiku about snow.
            **9.** Summarize the water cycle.
            十分钟内完成下面的题目。
            """
        #expect(NumberedListParser.items(in: text) == [
            "写一首关于秋天的短诗。",
            "解释光合作用的过程。", "列出三种常见的编程语言。", "Describe a rainy afternoon.",
            "Name three rivers in Africa.", "Translate \"good morning\" into French.", "Write a haiku about snow.",
            "Summarize the water cycle.\n十分钟内完成下面的题目。",
        ])
        #expect(NumberedListParser.items(in: "Sorry, I cannot help with that.").isEmpty)
    }

    @Test func messyEnglishList() {
        let text = """
            Sure! Here are some new tasks:

            9. Instruction: Summarize the plot of a novel you like in three sentences.
            10) Convert 3.5 kilograms into pounds.
            Task 11: Suggest a weekly workout plan
              for a beginner runner.
            **12.** "Explain the difference between weather and climate."
            13: List five common mistakes people make when learning to cook.
            (14) Rewrite the following sentence in the passive voice.
            1.5 liters is not an item
            15 - Name three renewable energy sources.

            I hope these tasks are useful!
            """
        let items = NumberedListParser.items(in: text)
        #expect(items == [
            "Summarize the plot of a novel you like in three sentences.",
            "Convert 3.5 kilograms into pounds.",
            "Suggest a weekly workout plan\nfor a beginner runner.",
            "Explain the difference between weather and climate.",
            "List five common mistakes people make when learning to cook.",
            "Rewrite the following sentence in the passive voice.\n1.5 liters is not an item",
            "Name three renewable energy sources.",
        ])
    }

    @Test func messyChineseList() {
        let text = """
            好的，以下是新的任务：
            9、用三句话概括你最喜欢的一本小说的情节。
            10．把3.5公斤换算成磅。
            （11）为初学跑步的人制定一份每周训练计划。
            任务12：解释天气和气候的区别。
            13：列出学做饭时常见的五个错误。
            14) 指令：把下面的句子改写成被动语态。

            15. 写一首关于秋天的五言绝
            """
        let all = NumberedListParser.items(in: text)
        #expect(all.count == 7)
        #expect(all[0] == "用三句话概括你最喜欢的一本小说的情节。")
        #expect(all[1] == "把3.5公斤换算成磅。")
        #expect(all[2] == "为初学跑步的人制定一份每周训练计划。")
        #expect(all[3] == "解释天气和气候的区别。")
        #expect(all[4] == "列出学做饭时常见的五个错误。")
        #expect(all[5] == "把下面的句子改写成被动语态。")
        let truncated = NumberedListParser.items(in: text, finishReason: "length")
        #expect(truncated == Array(all.dropLast()))
    }

    @Test func inputFirstInstances() {
        let text = """
            Example 1
            Input: 10 km
            Output: 6.21 miles
            Example 2
            Input: 3 km
            Output: 1.86 miles
            Example 3:
            Input: <none>
            Output: Multi-line
            answer here
            Task: Something else entirely
            Input: x
            Output: y
            """
        let instances = InstanceParser.instances(in: text, outputFirst: false)
        #expect(instances == [
            TaskInstance(input: "10 km", output: "6.21 miles"),
            TaskInstance(input: "3 km", output: "1.86 miles"),
            TaskInstance(input: "", output: "Multi-line\nanswer here"),
        ])
        #expect(InstanceParser.instances(in: text, outputFirst: false, finishReason: "length").count == 2)
    }

    @Test func chineseInputFirstWithoutHeadings() {
        let text = "输入：苹果\n输出：水果\n输入：胡萝卜\n输出：蔬菜\n输入：<无>\n输出："
        let instances = InstanceParser.instances(in: text, outputFirst: false)
        #expect(instances == [
            TaskInstance(input: "苹果", output: "水果"), TaskInstance(input: "胡萝卜", output: "蔬菜"),
            TaskInstance(input: "", output: ""),
        ])
    }

    @Test func outputFirstInstances() {
        let text = """
            Class label: Positive
            Input: I loved every minute of it.
            Class label: Negative
            Input: The food was cold.
            类别标签：中性
            输入：今天是星期二。
            """
        let instances = InstanceParser.instances(in: text, outputFirst: true)
        #expect(instances == [
            TaskInstance(input: "I loved every minute of it.", output: "Positive"),
            TaskInstance(input: "The food was cold.", output: "Negative"),
            TaskInstance(input: "今天是星期二。", output: "中性"),
        ])
    }

    @Test func classificationAnswers() {
        #expect(ClassificationPrompt.parseAnswer(" Yes.") == true)
        #expect(ClassificationPrompt.parseAnswer("No, it is open-ended") == false)
        #expect(ClassificationPrompt.parseAnswer("是") == true)
        #expect(ClassificationPrompt.parseAnswer("否。这是生成任务") == false)
        #expect(ClassificationPrompt.parseAnswer("不是分类任务") == false)
        #expect(ClassificationPrompt.parseAnswer("Classification task: yes") == true)
        #expect(ClassificationPrompt.parseAnswer("maybe") == nil)
        #expect(ClassificationPrompt.parseAnswer("Nothing to say") == nil)
    }
}
