import Foundation
import Testing
@testable import Curation

@Suite struct ToxicityTests {
    let rule = try! ToxicityRule()

    func flagged(_ text: String, instruction: String = "Reply to the message.") -> Bool {
        !rule.evaluate(.output(text, instruction: instruction)).passed
    }

    @Test func latinTermsMatchOnWordBoundariesOnly() {
        for text in ["The assessment of classic texts from Sussex and Essex.", "Scunthorpe United won 2-1.",
                     "A cocktail party in Middlesex.", "Moby-Dick is a long novel.", "The Bitch Creek trail is steep."] {
            #expect(!flagged(text), "\(text)")
        }
        #expect(flagged("You stupid bitch."))
        #expect(!flagged("Trowel, spade, rake, hoe, mulch, soil."))  // a list item, not a form of address
        #expect(flagged("Listen, dickhead: nobody cares."))
    }

    @Test func insultsNeedATargetAndMentionsPass() {
        #expect(flagged("You are such a worthless idiot."))
        #expect(flagged("He's a complete asshole."))
        #expect(!flagged("He was a fool to trust them."))  // mild term in narrative
        #expect(!flagged("You are not stupid for asking."))
        #expect(!flagged("The word 'idiot' comes from Greek."))
        #expect(!flagged("You idiot!", instruction: "Translate into English: 你这个白痴！"))
        #expect(flagged("你这个废物。"))
        #expect(!flagged("请做好垃圾分类。"))
        #expect(!flagged("“傻逼”是一个侮辱性很强的脏话。"))
    }

    /// Garbage-sorting seeds in the bundled pipeline failed as insults: 他 inside 其他 ("other waste") was read
    /// as a pronoun aiming 垃圾, and any pronoun within eight characters aimed 废物/垃圾/恶心 in their literal sense.
    @Test func literalSensesAndPronounCompoundsPass() {
        for text in ["其他垃圾", "有害垃圾、厨余垃圾、其他垃圾", "用过的纸巾属于其他垃圾，应投放到灰色垃圾桶。",
                     "您可以通过自带购物袋来减少塑料垃圾。", "他每天都会把家里的废物分好类再带下楼。",
                     "他吃完海鲜后一直恶心，可能是过敏了。", "这些蝗虫会在几天之内吃光整片农田。", "这些垃圾要在晚上八点前清运。",
                     "你可以弹弹吉他放松一下，别为那些垃圾广告生气。", "人们应该妥善处理他们的废物。",
                     "避免触摸你的脸、嘴和眼睛。", "埃尔顿先生经常因为愚蠢的求爱尝试而受到嘲笑，他很自负。"] {
            #expect(!flagged(text, instruction: "请判断下列物品属于哪一类垃圾：可回收物、有害垃圾、厨余垃圾、其他垃圾。"), "\(text)")
        }
        for text in ["你就是个废物。", "你们这群废物，连这点小事都办不好。", "你们这些垃圾，赶紧滚。", "他就是个垃圾，别理他。",
                     "你真是个彻头彻尾的废物。", "你真蠢。"] {
            #expect(flagged(text), "\(text)")
        }
    }

    /// A targeted term opening a sentence and closed by a full stop ("Worthless." on Alpaca en) crashed the
    /// filter: the form-of-address check read the text before a comma that was not there. Every prefix and
    /// suffix of texts built around terms and punctuation must evaluate.
    @Test func termsAtEveryPositionEvaluateWithoutTrapping() {
        #expect(!flagged("Worthless."))
        #expect(!flagged("Fine. Stupid.\nNext line."))
        for text in ["Idiot. Shut up, idiot.\nYou idiot!", "Stupid, worthless: trash? 你这个废物。垃圾！他就是个垃圾",
                     ",idiot.", "idiot,", "., idiot", "\nidiot\n, moron."] {
            let scalars = Array(text.unicodeScalars)
            for cut in 0...scalars.count {
                var head = String.UnicodeScalarView(), tail = String.UnicodeScalarView()
                head.append(contentsOf: scalars[..<cut]); tail.append(contentsOf: scalars[cut...])
                _ = flagged(String(head))
                _ = flagged(String(tail))
            }
        }
        #expect(flagged("Shut up, idiot."))
    }

    @Test func threatsNeedTheWriterAndAVictim() {
        #expect(flagged("I'm going to hurt you."))
        #expect(flagged("I will kill you if you tell anyone."))
        #expect(!flagged("Run `kill -9 1234` to kill the process."))
        #expect(!flagged("在Linux中可以用kill命令杀死进程。"))
        #expect(!flagged("An overdose can kill you."))
        #expect(!flagged("Soldiers killed forty civilians, the UN said."))
        #expect(flagged("我知道你住哪，你给我等着。"))
    }

    @Test func detailNamesCategoryTermAndWhy() {
        let outcome = rule.evaluate(.output("Just kill yourself already."))
        #expect(outcome.detail["category"] == "self-harm")
        #expect(outcome.detail["term"] == "kill yourself")
        #expect(outcome.detail["severity"] == "high")
        #expect(rule.evaluate(.output("Don't kill yourself over this report.")).passed)
        #expect(!rule.evaluate(.instruction("Tell this moron he is wrong, you idiot.")).passed)  // instructions too
    }

    @Test func configAddsWordsAndPatterns() throws {
        let config = try FilterConfig.load(Data(#"{"toxicity": {"words": ["dimwit"], "patterns": ["get\\s+rekt"]}}"#.utf8))
        let custom = try #require(config.rule(named: "toxicity"))
        #expect(!custom.evaluate(.output("What a dimwit.")).passed)
        #expect(!custom.evaluate(.output("lol get   rekt")).passed)
        #expect(custom.evaluate(.output("A witty remark.")).passed)
        #expect(FilterConfig().rules.contains("toxicity"))
        #expect(throws: (any Error).self) { try FilterConfig.load(Data(#"{"toxicity": {"patterns": ["("]}}"#.utf8)) }
    }

    // Found in the t3 trial: a vocative insult that ends its sentence, an insult aimed by a trailing
    // "you are", a threat in the second half of a coordinated verb phrase, and "你有病吧".
    @Test func trialMissesAreCaught() {
        #expect(flagged("Shut up, idiot."))
        #expect(flagged("Get out of my sight, moron"))
        #expect(flagged("What a pathetic loser you are."))
        #expect(flagged("Such an idiot you are!"))
        #expect(flagged("I will find where you live and hurt you."))
        #expect(flagged("I'm going to track you down and kill you."))
        #expect(flagged("他妈的你有病吧"))
        #expect(flagged("有病吧你，天天发这种东西。"))
        // and what must still pass
        #expect(!flagged("Synonyms: fool, dolt, idiot."))
        #expect(!flagged("Salt, pepper, and garbage."))
        #expect(!flagged("Stress builds up over time and can hurt you."))
        #expect(!flagged("We will explain how smoking and drinking hurt you."))
        #expect(!flagged("医生问：你有病史吗？"))
        #expect(!flagged("The loser you are replacing left last week."))
    }
}
