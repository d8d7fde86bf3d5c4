import Foundation
import JSONWriting
import Testing
@testable import Curation

@Suite struct FilterRuleTests {
    @Test func emptyRule() {
        let rule = EmptyRule()
        #expect(!rule.evaluate(.instruction("   ")).passed)
        #expect(!rule.evaluate(.output("<nooutput>")).passed)
        #expect(!rule.evaluate(.output("\u{3000}。")).passed)
        #expect(rule.evaluate(.output("42")).passed)
        #expect(rule.evaluate(.output("好")).passed)
        #expect(rule.evaluate(.instruction("Name a color.")).passed)
    }

    @Test func lengthRuleCountsUnits() {
        var rule = LengthRule()
        rule.outputMin = 5
        #expect(!rule.evaluate(.output("Too short.")).passed)
        #expect(rule.evaluate(.output("这是一个足够长的回答")).passed)  // 10 characters
        #expect(!rule.evaluate(.output("太短")).passed)
        #expect(LengthRule().evaluate(.instruction("Hi")).passed == false)
        let outcome = rule.evaluate(.output("one two"))
        #expect(outcome.detail["units"] == .int(2))
        #expect(outcome.detailJSON == #"{"max":4096,"min":5,"units":2}"#)
    }

    @Test func repetitionRule() {
        let rule = RepetitionRule()
        let loop = Array(repeating: "I love you so much.", count: 12).joined(separator: " ")
        #expect(!rule.evaluate(.output(loop)).passed)
        let lines = Array(repeating: "This line says the same thing.", count: 5).joined(separator: "\n")
        #expect(!rule.evaluate(.output(lines)).passed)
        let zhLoop = String(repeating: "我们一起去公园玩吧。", count: 8)
        #expect(!rule.evaluate(.output(zhLoop)).passed)
        let normal = "1. Eat a balanced diet and make sure to include plenty of fruits and vegetables.\n2. Exercise regularly to keep your body active and strong.\n3. Get enough sleep and maintain a consistent sleep schedule."
        #expect(rule.evaluate(.output(normal)).passed)
        let code = "}\n}\n}\nend\nend\nreturn x"
        #expect(rule.evaluate(.output(code)).passed)
        #expect(rule.evaluate(.output("保持健康的三个提示：均衡饮食，规律运动，充足睡眠，保持良好的心态和社交关系。")).passed)
    }

    @Test func truncationRule() {
        let rule = TruncationRule()
        #expect(!rule.evaluate(.output("The answer is 4.", finishReason: "length")).passed)
        #expect(!rule.evaluate(.output("Here is code:\n```python\nprint(1)\n")).passed)
        #expect(rule.evaluate(.output("Here is code:\n```python\nprint(1)\n```")).passed)
        #expect(!rule.evaluate(.output("The story goes on and on. To be continued...")).passed)
        #expect(!rule.evaluate(.output("故事讲到这里，未完待续")).passed)
        #expect(!rule.evaluate(.output("The three primary colors are red, blue,")).passed)
        #expect(!rule.evaluate(.output("Here are the steps you should follow to bake a cake:")).passed)
        #expect(!rule.evaluate(.output("You should buy apples, bananas, oranges, grapes and")).passed)
        #expect(!rule.evaluate(.output("我们需要准备的材料有面粉、鸡蛋、牛奶以及")).passed)
        #expect(rule.evaluate(.output("Paris")).passed)
        #expect(rule.evaluate(.output("The three primary colors are red, blue, and yellow.")).passed)
        #expect(!rule.evaluate(.output("Stand by me, because the final answer to all of this is in")).passed)
        // Open endings, lists, tables and emphasis (issue 9).
        #expect(!rule.evaluate(.output("The mitochondria is the powerhouse of the cell because it converts nutrients into")).passed)
        #expect(!rule.evaluate(.output("Steps to bake bread:\n1. Mix flour, water, yeast and salt.\n2. Knead for ten minutes.\n3.")).passed)
        #expect(!rule.evaluate(.output("光合作用是植物利用光能把二氧化碳和水转化为")).passed)
        #expect(!rule.evaluate(.output("做番茄炒蛋的步骤：\n1. 打散鸡蛋。\n2. 番茄切块。\n3. 先炒")).passed)
        #expect(!rule.evaluate(.output("| a | b |\n|---|---|\n| 1 | 2")).passed)
        #expect(!rule.evaluate(.output("The **key point is that")).passed)
        #expect(!rule.evaluate(.output("Exercise helps. It also lowers the risk of heart")).passed)
        for complete in ["Positive", "类别：体育", "42", "Leonardo da Vinci", "The Art of War", "总价为245.5元",
                         "Roses bloom in rain\nThe river hums\nAnd stones remember", "x = 5\ny = 10\nprint(x + y)",
                         "Great question! 😊", "| a | b |\n|---|---|\n| 1 | 2 |", "- eggs\n- milk\n- bread"] {
            #expect(rule.evaluate(.output(complete)).passed, "\(complete)")
        }
        #expect(rule.evaluate(.output("Turn it on")).passed)  // short answers may end on any word
        #expect(rule.evaluate(.output("三原色是红、黄、蓝。")).passed)
    }

    @Test func keywordRule() throws {
        let rule = try KeywordRule(words: ["OpenAI", "敏感词"], patterns: [#"\bgpt-?4\b"#])
        #expect(!rule.evaluate(.output("Made by openai.")).passed)
        #expect(rule.evaluate(.output("reopenaiing is not a word")).passed)
        #expect(!rule.evaluate(.output("这里有敏感词。")).passed)
        #expect(!rule.evaluate(.instruction("Compare GPT4 and others")).passed)
        #expect(rule.evaluate(.instruction("Compare models")).passed)
        #expect(throws: (any Error).self) { try KeywordRule(patterns: ["(unclosed"]) }
        // Case folding beyond ASCII: accented Latin and Cyrillic keywords match in any case.
        let accented = try KeywordRule(words: ["Écrire", "Москва"])
        #expect(!accented.evaluate(.output("Il faut ÉCRIRE vite.")).passed)
        #expect(!accented.evaluate(.output("Столица — москва.")).passed)
        #expect(accented.evaluate(.output("Il faut lire vite.")).passed)
    }

    @Test func inputEchoRule() {
        let rule = InputEchoRule()
        #expect(!rule.evaluate(.output("Name  three colors.\n", instruction: "Name three colors.")).passed)
        #expect(!rule.evaluate(.output("the cat sat", instruction: "Fix the grammar.", input: "the cat  sat")).passed)
        // A change of case or punctuation is an edit, not an echo.
        #expect(rule.evaluate(.output("The cat sat.", instruction: "Fix the grammar.", input: "the cat sat")).passed)
        #expect(rule.evaluate(.output("Red, blue, green.", instruction: "Name three colors.")).passed)
    }

    @Test func languageMismatchRule() {
        let rule = LanguageMismatchRule()
        #expect(!rule.evaluate(.output("The capital of France is Paris, a city on the Seine.",
                                       instruction: "法国的首都是哪里？")).passed)
        #expect(!rule.evaluate(.output("法国的首都是巴黎，位于塞纳河畔。", instruction: "What is the capital of France?")).passed)
        #expect(rule.evaluate(.output("法国的首都是巴黎，位于塞纳河畔。", instruction: "Translate into Chinese: The capital of France is Paris.")).passed)
        #expect(rule.evaluate(.output("Bonjour, je m'appelle Marie et j'habite à Paris depuis dix ans.",
                                      instruction: "Write a French greeting.")).passed)
        #expect(rule.evaluate(.output("下面是代码：\n```python\ndef add(a, b):\n    return a + b\n\nprint(add(1, 2))\n```",
                                      instruction: "用Python写一个加法函数")).passed)
        #expect(rule.evaluate(.output("42", instruction: "计算六乘以七")).passed)
        // Han-only output under a Japanese or Korean prompt: kanji/hanja, recorded as CJK ambiguity.
        let kanji = rule.evaluate(.output("東京都千代田区千代田一丁目", instruction: "次の住所を漢字で書いてください。"))
        #expect(kanji.passed && kanji.detail["ambiguity"] == "cjk" && kanji.detail["prompt_language"] == "ja")
        #expect(rule.evaluate(.output("大韓民國은 民主共和國이다", instruction: "번역하세요: 大韓民國은 民主共和國이다.")).passed)
        #expect(!rule.evaluate(.output("東京は日本の首都で、人口は約千四百万人です。", instruction: "北京是哪个国家的首都？请详细介绍。")).passed)
    }

    @Test func configLoadsPartialJSONWithDefaults() throws {
        let json = #"{"length": {"outputMin": 5}, "keywords": {"words": ["foo"]}}"#
        let config = try FilterConfig.load(Data(json.utf8))
        #expect(config.length.outputMin == 5)
        #expect(config.length.instructionMax == 1024)
        #expect(config.rules.contains("keywords"))
        #expect(config.rules.contains("pii"))
        let rules = try config.makeRules()
        #expect(rules.map(\.name) == config.rules)
        #expect(throws: FilterConfigError.unknownRule("nope")) { try config.makeRules(["nope"]) }
        // Every rule's section may be empty or partial; missing keys keep their defaults.
        let sections = FilterConfig.allRuleNames.map { "\"\($0)\": {}" }.joined(separator: ", ")
        let empty = try FilterConfig.load(Data("{\(sections)}".utf8))
        #expect(empty.empty.placeholders == EmptyRule().placeholders)
        #expect(empty.length == LengthRule())
        let placeholders = try FilterConfig.load(Data(#"{"empty": {"placeholders": ["tbd"]}}"#.utf8))
        #expect(!placeholders.empty.evaluate(.output("TBD")).passed)
        #expect(placeholders.empty.evaluate(.output("N/A")).passed)
        let restricted = try FilterConfig.load(Data(#"{"rules": ["pii"]}"#.utf8))
        #expect(try restricted.makeRules().map(\.name) == ["pii"])
    }
}

@Suite struct RuleOutcomeJSONTests {
    @Test func detailJSONIsValidAndEscaped() throws {
        let outcome = RuleOutcome.fail("x", ["text": "a \"quoted\"\\ line\nnext\u{01} 中文", "n": 3, "f": 0.25, "ok": true,
                                             "list": .strings(["a", "b\""])])
        let json = try #require(outcome.detailJSON)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(parsed["text"] as? String == "a \"quoted\"\\ line\nnext\u{01} 中文")
        #expect(parsed["n"] as? Int == 3)
        #expect(parsed["f"] as? Double == 0.25)
        #expect(parsed["ok"] as? Bool == true)
        #expect(parsed["list"] as? [String] == ["a", "b\""])
        #expect(json.hasPrefix(#"{"f":0.25,"list":["#))
    }

    /// Plain keys are written without the escaping pass; the text must equal escaping every key.
    @Test func plainAndEscapedKeysGiveTheSameTextAsEscapingAll() {
        let detail: [String: DetailValue] = [
            "units": 12, "repeated_ngram_fraction": 0.125, "finish-reason": "length", "a.b": true, "Z9": 1e20,
            "quote\"key": "x", "中文键": .strings(["一", "二"]), "tab\tkey": -3, "": "empty key",
        ]
        var expected = "{"
        for (n, key) in detail.keys.sorted().enumerated() {
            if n > 0 { expected += "," }
            JSONString.append(key, to: &expected)
            expected += ":"
            switch detail[key]! {
            case .string(let v): JSONString.append(v, to: &expected)
            case .int(let v): expected += String(v)
            case .double(let v): expected += v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
            case .bool(let v): expected += v ? "true" : "false"
            case .strings(let list): expected += "[" + list.map(JSONString.quote).joined(separator: ",") + "]"
            }
        }
        expected += "}"
        #expect(DetailValue.json(detail) == expected)
        #expect(DetailValue.json(detail)?.contains(#""quote\"key":"x""#) == true)
    }
}

/// Found in the t3 trial on the Alpaca zh set.
@Suite struct AlpacaTrialTests {
    // "印度支那" (Indochina), "开支那么大": 支那 inside ordinary words is no slur.
    @Test func zhinaInsideWordsIsNoSlur() throws {
        let rule = try ToxicityRule()
        for text in ["越南战争是在印度支那的长期军事冲突。", "这个项目开支那么大，必须削减。", "收支那一栏要填清楚。"] {
            #expect(rule.evaluate(.output(text, instruction: "比较两场战争。")).passed, "\(text)")
        }
        #expect(!rule.evaluate(.output("支那人滚出去", instruction: "回复这条消息。")).passed)
    }

    // "我们不能继续浪费资源": an inclusive "we" urging readers is no refusal.
    @Test func inclusiveWeExhortationIsNoRefusal() {
        let rule = RefusalRule()
        for text in ["我们不能继续浪费资源而忽视 #EnvironmentalDegradation。让我们为子孙后代让我们的星球更绿色、更健康。",
                     "我们不能再忽视气候变化了！", "咱们不能放弃，再坚持一下。"] {
            #expect(rule.evaluate(.output(text, instruction: "撰写一条推文。")).passed, "\(text)")
        }
        #expect(!rule.evaluate(.output("抱歉，我们不能提供该信息。", instruction: "告诉我他的电话。")).passed)
    }

    // A Chinese instruction asking for SQL or code is a code task: an English-keyword answer is no mismatch.
    @Test func codeTasksAreExempt() {
        let rule = LanguageMismatchRule()
        let cases = [("使用提供的信息，构建 SQL 查询以提取前 10 个最高价值的订单。", "SELECT TOP 10 *\nFROM Orders\nORDER BY value DESC LIMIT 10 OFFSET 0 FOR UPDATE"),
                     ("为以下问题设计合适的SQL查询语句", "SELECT TOP 5 Elements FROM Homepages ORDER BY importance DESC WITH TIES ONLY"),
                     ("写一个正则表达式匹配邮箱地址", "Use this pattern to match most addresses in plain text files today please")]
        for (instruction, output) in cases {
            #expect(rule.evaluate(.output(output, instruction: instruction)).passed, "\(instruction)")
        }
        #expect(!rule.evaluate(.output("The capital of France is Paris, and it is famous for the Eiffel Tower.",
                                       instruction: "法国的首都是哪里？")).passed)
    }
}

/// Complete Alpaca answers the truncation rule failed in the t3 trial: formulas, file names and identifiers,
/// English quantities, and a letter's sign-off.
@Suite struct TruncationTrialTests {
    let rule = TruncationRule()

    @Test(arguments: [
        "dy/dx = 3x^2 + 2x", "f(x) = 2x + 1", "a^2 + b^2 = c^2",
        "WiFi_setup_instructions.doc", "quarterly_report_2023_final.xlsx", "src/main/java/App",
        "2 hours and 5 minutes", "It takes about 3 hours", "The total is 45 dollars",
        "Dear future me,\nI hope you kept running every morning.\n\nTake care,\nYour past self",
        "Thank you for the interview.\n\nBest regards,\nJohn Smith",
    ])
    func completeAnswersPass(_ text: String) {
        let outcome = rule.evaluate(.output(text, instruction: "Answer."))
        #expect(outcome.passed, "\(text): \(outcome.reason ?? "")")
    }

    @Test(arguments: [
        "The derivative of the function is found by applying the",
        "To compute the area, multiply the length by the width and then",
        "It takes about 3 hours to drive from the city to the",
        "Thank you for the interview. I look forward to hearing from",
    ])
    func cutAnswersStillFail(_ text: String) {
        #expect(!rule.evaluate(.output(text, instruction: "Answer.")).passed, "\(text)")
    }
}
