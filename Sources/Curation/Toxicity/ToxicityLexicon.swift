/// dsbench's own curated toxicity lists, English and Chinese, with category and severity (see
/// `ToxicitySeverity`). English terms match on word boundaries (so "assessment", "classic", "Sussex" and
/// "cocktail" are safe); Chinese terms are chosen to be unambiguous as written, with the context checks in
/// `ToxicityDetector` for the rest (去死皮 is skin care, 打死你也想不到 an idiom).
enum ToxicityLexicon {
    typealias Entry = (term: String, category: ToxicityCategory, severity: ToxicitySeverity)

    static let english: [Entry] = {
        var out: [Entry] = []
        func add(_ terms: [String], _ c: ToxicityCategory, _ s: ToxicitySeverity) { out += terms.map { ($0, c, s) } }
        add(["fuck you", "fuck off", "go fuck yourself", "fuck yourself", "stfu", "shut the fuck up", "motherfucker",
             "motherfucking", "cunt", "son of a bitch", "piece of shit", "eat shit", "screw you", "go to hell",
             "shut your mouth", "nobody likes you", "no one likes you", "you disgust me", "you make me sick",
             "waste of oxygen", "waste of space", "waste of air", "get lost, loser"], .insult, .high)
        add(["idiot", "idiots", "moron", "morons", "imbecile", "imbeciles", "stupid", "dumb", "dumbass", "retard",
             "retarded", "loser", "losers", "worthless", "pathetic", "ugly", "fat", "bitch", "bitches", "bastard",
             "bastards", "asshole", "assholes", "arsehole", "dickhead", "dick", "prick", "jerk", "scum", "trash",
             "garbage", "freak", "pig", "cow", "whore", "slut", "skank", "twat", "wanker", "tosser", "douche",
             "douchebag", "clown", "degenerate", "shithead", "dipshit", "numbskull", "halfwit", "airhead", "bimbo",
             "hoe", "cretin", "buffoon", "useless", "disgusting", "failure", "coward", "lowlife", "parasite", "rat",
             "shit", "crap", "fool", "brainless", "ignorant", "nobody", "creep", "fatso", "hag", "witch", "pest",
             "stupidest", "dumbest", "ugliest", "fattest", "loser's", "piece of garbage", "piece of trash",
             "sack of shit", "dumb fuck", "fucking idiot", "fucking moron", "fucking loser"], .insult, .targeted)
        add(["nigger", "niggers", "faggot", "faggots", "kike", "kikes", "chink", "chinks", "spic", "spics", "wetback",
             "wetbacks", "tranny", "trannies", "raghead", "ragheads", "towelhead", "towelheads", "gook", "gooks",
             "sandnigger", "beaner", "beaners", "gypsy scum", "subhuman"], .hate, .high)
        add(["coon", "dyke", "fag", "retards", "savages", "monkeys", "apes"], .hate, .targeted)
        add(["women", "men", "blacks", "black people", "jews", "jewish people", "muslims", "gays", "gay people",
             "lesbians", "immigrants", "migrants", "mexicans", "asians", "chinese", "christians", "arabs", "indians",
             "africans", "refugees", "trans people", "transgender people", "disabled people", "the disabled",
             "foreigners", "whites", "white people", "catholics", "hindus", "gypsies", "roma", "latinos",
             "homosexuals", "feminists", "girls", "females"], .hate, .group)
        add(["kill yourself", "kill urself", "kys", "go die", "just die", "hope you die", "you should die",
             "why don't you die", "why don't you just die", "drink bleach", "slit your wrists", "hang yourself",
             "nobody would miss you", "no one would miss you", "the world would be better without you",
             "end your life", "end your own life", "you should end it", "off yourself", "neck yourself",
             "do everyone a favor and die", "do us all a favor and die", "jump off a bridge", "go jump off"],
            .selfHarm, .high)
        add(["you're dead", "you are dead", "you're going to die", "you are going to die", "watch your back",
             "i know where you live", "you'll regret", "you will regret", "i'll make you pay", "i will make you pay",
             "sleep with one eye open", "you won't live", "your days are numbered", "i'll find you",
             "i will find you", "i'm going to find you", "we know where you live", "count your days"], .threat, .high)
        add(["send nudes", "send me nudes", "send me a nude", "send me naked", "show me your tits", "show me your boobs",
             "show me your body", "show me your pussy", "show me your dick", "suck my dick", "suck my cock",
             "sit on my face", "i want to fuck you", "i wanna fuck you", "i want to bang you", "nice tits", "nice ass",
             "take off your clothes", "take your clothes off", "let me touch your", "i'll rape you", "i will rape you",
             "sexy pics", "your tits", "your boobs", "get naked for me", "spread your legs"], .sexualHarassment, .high)
        return out
    }()

    /// Verbs of violence that make a threat with a first-person future subject and a "you" object.
    static let violentVerbs: Set<String> = [
        "kill", "murder", "hurt", "beat", "stab", "shoot", "strangle", "rape", "destroy", "break", "smash", "burn",
        "choke", "slaughter", "gut", "punch", "bash", "slap", "torture", "cut", "hunt", "end", "bury", "ruin",
    ]
    static let futureMarkers: Set<String> = ["i'll", "gonna", "will", "going", "we'll", "shall", "wanna"]
    /// Mild insults that count only when aimed at "you": in narrative ("he was a fool to trust them") they
    /// describe rather than abuse.
    static let mildInsults: Set<String> = [
        "fool", "ignorant", "useless", "failure", "coward", "nobody", "jerk", "clown", "creep", "pest", "witch", "hag",
        "crap", "shit", "disgusting", "pathetic", "ugly", "fat", "stupid", "dumb", "pig", "cow", "rat", "trash",
        "garbage", "freak", "loser", "losers", "brainless", "worthless", "hoe", "witch",
    ]
    /// Verbs of saying and thinking: "don't let anyone *tell* you you're worthless" reports, not insults.
    static let reportingVerbs: Set<String> = ["tell", "told", "say", "said", "call", "called", "think", "believe", "feel", "let", "make"]

    /// Words between "you" and an insult in an insulting chain ("you are such a fucking idiot").
    static let insultChain: Set<String> = [
        "a", "an", "such", "so", "the", "really", "fucking", "freaking", "total", "complete", "absolute", "utter",
        "big", "little", "stupid", "fat", "ugly", "dumb", "worthless", "pathetic", "are", "is", "'re", "look",
        "sound", "being", "just", "nothing", "but", "and", "one", "lazy", "useless", "damn", "bloody", "filthy",
        "dirty", "old", "disgusting", "miserable", "sad", "sorry", "brainless", "ignorant", "were", "was", "act",
        "like", "been", "always", "still", "truly", "most", "biggest", "of", "all",
    ]
    /// Second-person words that aim an insult.
    static let secondPerson: Set<String> = ["you", "you're", "youre", "ur", "u", "ya", "your", "yourself", "you've", "thou"]
    /// Third-person subjects that aim an insult with a copula ("he's a moron").
    static let thirdPerson: Set<String> = [
        "he", "she", "they", "he's", "she's", "they're", "him", "her", "them", "guy", "woman", "man", "boss",
        "teacher", "wife", "husband", "mom", "mother", "dad", "father", "sister", "brother", "girlfriend",
        "boyfriend", "neighbor", "neighbour", "coworker", "kid", "person", "people",
    ]
    static let copulas: Set<String> = ["is", "are", "was", "were", "'s", "he's", "she's", "they're", "be", "being", "am"]
    /// What a dehumanising claim about a group says it is or deserves.
    static let dehumanising: Set<String> = [
        "animals", "vermin", "subhuman", "parasites", "trash", "scum", "rats", "cockroaches", "savages", "inferior",
        "filth", "disease", "plague", "criminals", "rapists", "dirty", "stupid", "worthless", "evil", "die", "killed",
        "exterminated", "shot", "gassed", "wiped", "eliminated", "cancer", "pigs", "dogs", "monkeys",
        "apes", "garbage", "disgusting", "lesser", "leeches", "thieves", "terrorists", "idiots", "whores", "sluts",
        "deserve", "breeders", "invaders", "infestation", "hanged", "lynched", "burned", "sterilized", "freaks",
        "burden", "locked", "vile", "filthy", "barbarians", "primitive", "perverts", "degenerates", "sick",
    ]
    static let groupCopulas: Set<String> = [
        "are", "were", "should", "must", "deserve", "need", "ought", "belong", "aren't", "shouldn't", "don't", "all",
        "be", "is", "to", "just", "only", "nothing", "more", "than", "like", "because", "so", "dumb", "naturally",
        "simply", "by", "nature", "always", "the", "a", "go", "back", "get", "out", "too", "very", "such", "really",
        "fucking", "but", "bunch", "of", "filthy", "dirty", "disgusting", "nothing", "lazy", "stupid", "up",
    ]

    static let chinese: [Entry] = {
        var out: [Entry] = []
        func add(_ terms: [String], _ c: ToxicityCategory, _ s: ToxicitySeverity) { out += terms.map { ($0, c, s) } }
        add(["傻逼", "傻b", "傻屄", "煞笔", "沙比", "傻叉", "操你妈", "操你", "草泥马", "肏你", "你妈死了", "去你妈的", "你妈的",
             "狗娘养的", "狗日的", "贱人", "婊子", "贱货", "臭婊子", "死全家", "全家死光", "不得好死", "你算什么东西",
             "滚你妈", "妈的智障", "脑子进水", "狗东西", "人渣", "杂种", "畜生不如", "你个废物", "你这个废物", "丢人现眼的东西",
             "恶心死了你", "你有病吧", "有病吧你", "你有病啊", "你是不是有病", "你脑子有病"], .insult, .high)
        add(["白痴", "蠢货", "笨蛋", "废物", "垃圾", "混蛋", "王八蛋", "畜生", "脑残", "智障", "弱智", "傻子", "蠢猪",
             "猪脑子", "丑八怪", "死胖子", "贱", "窝囊废", "败类", "神经病", "loser", "屌丝",
             "臭不要脸", "不要脸", "没用的东西", "饭桶", "蠢", "丑", "恶心"], .insult, .targeted)
        add(["滚蛋", "滚出去", "滚开", "给我滚", "你滚", "滚吧", "滚远点", "滚回"], .insult, .targeted)
        add(["黑鬼", "支那", "尼哥", "死基佬", "死同性恋", "绿茶婊"], .hate, .high)
        add(["小日本", "倭寇", "娘炮", "残废", "阿三", "棒子", "鬼子", "蝗虫"], .hate, .targeted)
        add(["黑人", "女人", "同性恋", "穆斯林", "外地人", "河南人", "东北人", "残疾人", "农村人", "日本人", "韩国人", "犹太人",
             "回族", "维吾尔族", "藏族", "少数民族", "外国人", "难民", "基督徒", "女性", "男人", "乡下人", "穷人"],
            .hate, .group)
        add(["去死", "你去死", "怎么不去死", "赶紧去死", "快去死", "去跳楼", "跳楼吧", "自杀吧", "你应该自杀", "割腕吧",
             "活着浪费空气", "活着也是浪费", "没人在乎你的死活", "你死了才好", "早点死", "喝农药吧"], .selfHarm, .high)
        add(["杀了你", "弄死你", "宰了你", "砍死你", "打死你", "捅死你", "杀你全家", "你死定了", "你给我等着", "小心你的狗命",
             "我知道你住哪", "让你好看", "让你后悔", "废了你", "打断你的腿", "揍死你", "弄死你全家", "要你的命", "让你生不如死",
             "找人收拾你", "你等着瞧"], .threat, .high)
        add(["约炮", "给我看看你的胸", "发张裸照", "发裸照", "陪我睡", "想上你", "想睡你", "脱光了给我看", "脱光给我看",
             "给我脱光", "你脱光", "摸你的", "让我摸", "骚货",
             "小骚", "胸真大", "脱了给我看", "裸聊"], .sexualHarassment, .high)
        return out
    }()

    /// Chinese targeted terms whose literal sense is common and harmless (垃圾 rubbish, 废物 waste, 恶心 nausea,
    /// 蝗虫 locust) or that are mild in narrative (蠢 in 愚蠢的求爱): they count only when predicated of a person
    /// directly ("你真蠢", "你就是个废物"), not whenever a pronoun is near.
    static let directTargetTerms: Set<String> = ["垃圾", "废物", "恶心", "蝗虫", "蠢"]

    /// Chinese terms and what may not follow (or precede) them for the term to count.
    static let chineseExclusions: [String: (before: [String], after: [String])] = [
        "去死": (["除", "剔", "帮助", "用于", "可以", "能"], ["皮", "细胞", "角质", "亡", "者"]),
        "打死你": ([], ["也", "都"]),
        "贱": (["低", "下", "卑", "便"], ["卖", "价", "货币"]),
        "垃圾": ([], ["分类", "桶", "箱", "处理", "回收", "车", "站", "邮件", "场", "袋", "短信", "食品", "债券", "时间", "站"]),
        "废物": ([], ["利用", "处理", "回收", "排放", "堆", "资源"]),
        "鬼子": (["洋", "日本", "小"], ["姜"]),
        "棒子": (["木", "一根", "铁", "玉米", "冰"], ["面", "骨", "糊"]),
        "蝗虫": ([], ["灾", "群", "是一种", "属于"]),
        "残废": ([], []),
        "丑": (["小", "出", "家", "献", "子", "美"], ["闻", "陋", "时", "角", "年", "牛"]),
        "蠢": ([], ["蠢欲动", "动"]),
        "恶心": ([], ["呕吐", "感", "症状", "想吐"]),
        "畜生": ([], []),
        "摸你的": (["触", "抚", "别", "不要", "避免"], []),  // 避免触摸你的脸 is hygiene advice
        // "印度支那" (Indochina), "开支那么大", "收支那一栏": 支 ends another word, 那 starts the next.
        "支那": (["印度", "开", "分", "收", "透", "预", "超", "借", "一", "两", "这", "哪", "几"],
                 ["么", "样", "些", "里", "边", "个", "一", "时", "天", "种", "半岛"]),
    ]

    /// Words that show a term is mentioned, not used: explained, translated, quoted, reported, or listed for
    /// moderation.
    static let mentionCues = [
        "the word", "the term", "the phrase", "the slur", "a slur", "slurs", "insult*", "profanit*", "swear word", "swearing", "curse word",
        "means", "meaning", "translat*", "banned", "prohibited*", "blocked", "blocklist", "block list", "blacklist",
        "filter*", "moderat*", "offensive*", "derogatory", "pejorative*", "etymolog*", "originally", "derived from",
        "considered rude", "vulgar", "claimed", "propaganda", "described", "called", "labelled", "labeled", "branded",
        "rhetoric", "stereotype*", "myth", "portray*", "depict*", "hate speech", "example of", "such as", "phrases like",
        "words like", "terms like", "lyrics*", "dialogue", "character says", "said that", "quote*", "flag*", "report*",
        "detect*", "classif*", "toxic*", "abusive", "harass*", "bully*", "troll*", "policy*", "guideline*", "community standards",
        "wrote", "according to", "historian", "the author", "critics",
        "这个词", "这个字", "一词", "词语", "词汇", "骂人的话", "脏话", "粗口", "意思是", "意为", "翻译", "译为", "译成",
        "违禁词", "屏蔽词", "敏感词", "禁用", "侮辱性", "贬义", "不文明用语", "禁止使用", "审核", "过滤", "例如", "比如",
        "辱骂", "歧视", "宣传", "污蔑", "称为", "称作", "骂作", "蔑称", "俚语", "网络用语", "台词", "举报", "识别",
        "分类", "规范", "准则", "仇恨言论", "骚扰", "亵渎", "成语", "俗语", "习语", "定义",
    ]
}
