"""Reference words for the bench generator: names, shows, topics and prose fragments.

All of it is made up for the benchmark; none of it describes a real person or show.
Every Chinese string is encodable in GBK so that a profile can be written as a GBK file.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Ada", "Bram", "Cecilia", "Dmitri", "Elif", "Farrukh", "Greta", "Hamid", "Ines", "Joaquin",
    "Kalani", "Lorcan", "Mireille", "Nnamdi", "Oona", "Priya", "Quentin", "Rosalind", "Sefa",
    "Tomasz", "Ulla", "Valentin", "Wanjiru", "Xavier", "Yusra", "Zdenek", "Anneliese", "Björn",
    "Chidi", "Delphine", "Eamon", "Fumiko", "Gustavo", "Hedda", "Ilya", "Jovana", "Kofi", "Liesl",
    "Mateus", "Nadia", "Osvaldo", "Petra", "Rafferty", "Saoirse", "Teodor", "Uriel", "Vesna",
    "Wendell", "Ximena", "Yorick",
)  # fmt: skip
LAST_NAMES = (
    "Lindqvist", "Okafor", "Moreau", "Vantongeren", "Castellanos", "Haddad", "Novak", "Adeyemi",
    "Brennan", "Tanaka", "Oyelaran", "Petrosyan", "Halvorsen", "Quispe", "Marchetti", "Szabo",
    "Delacroix", "Ferreira", "Gallagher", "Ishikawa", "Jablonski", "Kowalczyk", "Lemaire",
    "Mwangi", "Nakamura", "Oduya", "Pellegrini", "Rasmussen", "Sandoval", "Thorsen", "Uchenna",
    "Vasquez", "Whitlock", "Yilmaz", "Zeller", "Abernathy", "Bergstrom", "Cardenas", "Dunmore",
    "Eriksen",
)  # fmt: skip
SHOWS = (
    "Quiet Compilers", "Lanternfish Radio", "Borrowed Time", "Field Notes", "Harbour Lights FM",
    "Small Batch Software", "The Long Commit", "Night Shift Ops", "Weeknight Orbit",
    "Loose Thread", "Commit Log", "Small Print Radio", "Bench Notes", "Tidy Ledger",
    "Second Draft", "Slow Cooker Systems",
)  # fmt: skip
SPONSORS = (
    "Honeypot Metrics", "Gravel CI", "Kettle Hosting", "Lamplight Backups", "Parcel DNS",
    "Quarry Search", "Ribbon Mail", "Saltmarsh Security",
)  # fmt: skip
COMPANIES = (
    "Burrow Analytics", "Copperleaf Invoices", "Driftwood Forms", "Elmstreet Scheduling",
    "Fernbrook Status", "Glasshouse Uptime", "Hearthstone CRM", "Inkwell Docs", "Juniper Queue",
    "Kiln Deploy", "Larkspur Feedback", "Mossgate Billing", "Nettle Search", "Orchard Backups",
    "Pebble Surveys", "Quillmark Notes",
)  # fmt: skip
TOPICS = (
    "backups", "pricing", "hiring", "open source", "databases", "burnout", "documentation",
    "caching", "billing", "testing", "onboarding", "search", "queues", "monitoring", "support",
    "refactoring", "accessibility", "privacy", "sales", "writing", "compilers", "gardening",
    "woodworking", "astronomy", "bread", "cycling", "typography", "archives", "radio", "maps",
)  # fmt: skip
ADJECTIVES = (
    "quiet", "stubborn", "careful", "noisy", "cheap", "slow", "tiny", "forgotten", "honest",
    "boring", "fragile", "patient", "awkward", "generous", "lopsided", "practical", "tired",
    "sturdy", "peculiar", "sensible",
)  # fmt: skip
NOUNS = (
    "server", "invoice", "spreadsheet", "customer", "migration", "deadline", "newsletter",
    "prototype", "checklist", "roadmap", "dashboard", "release", "contract", "workshop", "garden",
    "notebook", "library", "kitchen", "bicycle", "telescope", "printer", "ledger", "lighthouse",
    "allotment", "timetable", "podcast", "bug report", "support ticket", "pull request", "cron job",
)  # fmt: skip
VERBS = (
    "rewrote", "measured", "ignored", "priced", "automated", "documented", "abandoned", "tested",
    "shipped", "questioned", "rebuilt", "simplified", "postponed", "explained", "borrowed",
    "repaired", "sketched", "counted", "migrated", "archived",
)  # fmt: skip
OPENERS = (
    "In the second year", "Looking back", "By the spring", "On a slow Tuesday",
    "After the launch", "Before anyone noticed", "Most weekends", "For a while",
    "Against all advice", "Without much fuss",
)  # fmt: skip
CLOSERS = (
    "and nobody complained", "which turned out to matter", "and then forgot about it",
    "to the surprise of the team", "because the old way kept breaking",
    "and wrote down why", "before lunch", "with a lot of coffee", "and it paid for itself",
    "which is still running today",
)  # fmt: skip
CHAPTER_PHRASES = (
    "Cold open", "Introductions and a bad joke", "How it started", "The first customer",
    "Pricing without a spreadsheet", "What broke in production", "Hiring the first engineer",
    "Listener question", "A detour about keyboards", "The part about money",
    "Open source and the bills", "Picks of the week", "What comes next", "Thanks and goodbyes",
    "Sponsor break", "Testing in the real world", "Saying no to customers", "The rewrite",
)  # fmt: skip
FOLDERS = ("inbox", "projects", "reading", "journal", "areas", "reference", "archive", "ideas")
REVENUE_WORDS = ("revenue", "MRR", "ARR", "profit", "sales")

ZH_SURNAMES = ("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱")
ZH_GIVEN = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "磊",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "霞",
    "平",
)
ZH_ROLES = ("软件开发人员", "独立开发者", "设计师", "创业者", "作家", "插画师", "主播", "教师")
ZH_PRODUCTS = (
    "后台任务框架",
    "表单工具",
    "发票系统",
    "监控服务",
    "笔记应用",
    "邮件服务",
    "搜索插件",
)
ZH_SENTENCES = (
    "{name}在过去{years}年一直是工程师，后来决定自己做产品。",
    "他最初只是为了解决自己的问题，花了大约{months}个月的时间做出第一个版本。",
    "开源版本带来了流量，付费版本带来了收入，这是一个很简单的模式。",
    "没有团队的成本和管理难题，也没有风险投资的压力。",
    "很多用户是通过口碑找到这个产品的，几乎没有做过广告。",
    "他每周工作四天，剩下的时间用来读书和陪家人。",
    "客户最在意的是稳定，而不是新功能。",
    "第一年的服务器费用几乎全部来自自己的积蓄。",
    "他认为定价是最难的部分，改了很多次才找到合适的价格。",
    "这个产品现在只有一名员工：他自己。",
)  # fmt: skip
ZH_MONEY_SENTENCES = (
    "辞去工作后，他在没有雇佣任何人的情况下将收入增加到 {k},000 美元/月。",
    "通过一个有用的附加组件，达到 {m} 万美元的 ARR，并实现 {p}% 的同比增长。",
    "他独自经营一家年收入百万美元的公司。",
    "基础版是免费的，Pro 是每年 {k},000 美元，Enterprise 是每年 {k2},000 美元。",
    "业务发展到 {m} 万美元以上的收入规模。",
    "他的项目从每小时赚 {h} 美元变成今天的强劲业务。",
    "去年的利润大约是 {m} 万元人民币，今年收入增长了 {p}%。",
)  # fmt: skip
ZH_INTRO = "这里分享有意思的人士：创业者、开发者、设计师、作家，他们来自世界各地。"
