/// Words the generated articles are made of. The search probes rely on three of them:
/// `commonWord` appears in nearly every article, `rareWord` in a handful, and `phrase` as an
/// exact two-word sequence in about one article in a hundred.
enum Vocabulary {
    static let commonWord = "river"
    static let rareWord = "zyzzogeton"
    static let phrase = "quantum harbor"

    static let words: [String] = """
        about above across after again against air all almost along also always among animal answer \
        around ask away back base because become before began begin being below best better between \
        big black blue boat body book both bring build built call came can car care carry cause center \
        change city close cold come common complete could country course cover cross cut dark day deep \
        develop differ direct distance does done door down draw drive during early earth east easy eat \
        energy engine enough even ever every example face fact family far farm fast father feel field \
        figure find fine fire first fish five follow food foot force form found four free friend front \
        full game garden gave general girl give gold good govern great green ground group grow half hand \
        happen hard head hear heard heat help high hold home horse hour house hundred idea inch island \
        keep kind king land language large last late laugh lead learn leave letter life light line list \
        listen little live long look machine made main make many map mark market measure metal might \
        mile mind minute money moon morning mother mountain move music name nation near need never new \
        night north note nothing notice number object ocean office often old once open order other page \
        paper part pass pattern people perhaps person picture piece place plain plan plant point port \
        power press problem produce product pull question quick rain reach read ready real record red \
        remember rest right road rock room round rule run said same saw science sea season second see \
        sentence serve set several shape ship short show side sign simple since sing size sleep slow \
        small snow song sound south space special spell stand star start state station stay step still \
        stone stood story street strong study such summer sun surface system table tail take talk teach \
        test thought thousand three through time together told took top toward town travel tree true \
        try turn under unit until usual valley very voice vowel wait walk warm watch water wave weather \
        week weight west wheel white whole wind winter wish wonder wood word work world write year young
        """.split(separator: " ").map(String.init)

    static let cjk: [String] = [
        "東京の天気は晴れです", "新闻报道今天的市场", "서울에서 만나요", "今日は良い日でした",
        "科学技术的发展", "日本語の記事", "北京时间上午十点", "한국어 뉴스 기사",
    ]

    static let emoji: [String] = ["🚀", "📰", "🌍", "🎉", "👩‍💻", "🇯🇵", "☕", "🔥", "🧪", "📈"]

    static let authors: [String] = [
        "Ada Lovelace", "Grace Hopper", "山田 太郎", "Linus Svensson", "Zoë Müller", "김민준", "Ravi Patel", "Ngozi Okafor",
    ]
}
