"""Reference words for money and growth extraction: numerals, magnitudes, currencies,
periods, metrics and qualifiers, in English and Chinese.

Pure data; ``money.py``, ``_money_context.py`` and ``growth.py`` build their regexes from it.
Alternatives are listed longest first where one is a prefix of another.
"""

from __future__ import annotations

from decimal import Decimal

# --- numerals ---------------------------------------------------------------------------

ZH_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
ZH_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
ZH_BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}
ZH_NUMERAL_CHARS = "".join([*ZH_DIGITS, *ZH_SMALL_UNITS, *ZH_BIG_UNITS])

# A Chinese numeral run preceded by one of these is part of a vaguer word
# (十几万, 数百万, 上千, 第一, 统一) and is never read as a figure.
ZH_NUMERAL_BLOCKERS = "几数上成好第统唯单同专之"

EN_MAGNITUDES: dict[str, Decimal] = {
    "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6, "mil": Decimal(10) ** 6, "mn": Decimal(10) ** 6,
    "mm": Decimal(10) ** 6, "m": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12,
}  # fmt: skip
# Magnitude words written after a space ("$4 million"); the letters (k, M, B) must touch the digits.
EN_MAGNITUDE_WORDS = ("thousand", "million", "billion", "trillion", "mil", "mn", "bn", "tn")
EN_MAGNITUDE_LETTERS = ("mm", "bn", "tn", "k", "m", "b")

# --- currencies -------------------------------------------------------------------------

# Written before the number. "¥" is resolved by the note language (JPY for ja, else CNY).
PREFIX_SYMBOLS: dict[str, str] = {
    "US$": "USD", "CA$": "CAD", "AU$": "AUD", "HK$": "HKD", "NZ$": "NZD", "NT$": "TWD",
    "MX$": "MXN", "C$": "CAD", "A$": "AUD", "S$": "SGD", "R$": "BRL", "$": "USD",
    "€": "EUR", "£": "GBP", "¥": "YEN_SIGN", "￥": "YEN_SIGN", "₹": "INR", "₩": "KRW",
    "₽": "RUB", "₪": "ILS",
}  # fmt: skip
PREFIX_CODES: dict[str, str] = {
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "CNY": "CNY", "RMB": "CNY", "JPY": "JPY",
    "CAD": "CAD", "AUD": "AUD", "HKD": "HKD", "SGD": "SGD", "INR": "INR", "CHF": "CHF",
    "KRW": "KRW", "NZD": "NZD", "TWD": "TWD", "人民币": "CNY",
}  # fmt: skip
# Written after the number (and after any magnitude): 400 万美元, 5,000 dollars, 3 €.
SUFFIX_WORDS: dict[str, str] = {
    "元人民币": "CNY", "人民币": "CNY", "块钱": "CNY", "块": "CNY", "美元": "USD", "美金": "USD",
    "日元": "JPY", "日圆": "JPY", "円": "JPY", "欧元": "EUR", "英镑": "GBP", "港元": "HKD",
    "港币": "HKD", "加元": "CAD", "加币": "CAD", "澳元": "AUD", "澳币": "AUD",
    "新加坡元": "SGD", "新元": "SGD", "新台币": "TWD", "台币": "TWD", "韩元": "KRW",
    "卢比": "INR", "卢布": "RUB", "瑞士法郎": "CHF", "元": "CNY",
    "US dollars": "USD", "U.S. dollars": "USD", "Canadian dollars": "CAD",
    "Australian dollars": "AUD", "Hong Kong dollars": "HKD", "Singapore dollars": "SGD",
    "dollars": "USD", "dollar": "USD", "bucks": "USD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupees": "INR", "€": "EUR",
    **{code: iso for code, iso in PREFIX_CODES.items() if code.isascii()},
}  # fmt: skip
# 块 (colloquial yuan) is the currency only before one of these: "39 块下单", "29 块 12 个",
# "35 块钱"; else it counts things ("3 块冰块").
KUAI_NEXT = (
    "[ \t，。、；！？,.;!?）)]",
    "$",
    "下单",
    "买",
    "一",
    "每",
    "/",
    "左右",
    "以上",
    "多",
    "的",
    "起",
    "就",
    "包邮",
)
# 元 followed by these is a word, not the currency: 元数据, 元素, 元旦, 一元二次方程, 元宇宙.
YUAN_NOT_CURRENCY = ("数", "素", "旦", "化", "组", "宇宙", "老", "首", "帅", "音", "气", "件")

# --- periods ----------------------------------------------------------------------------

PERIODS_PER_YEAR: dict[str, int] = {
    "hour": 8760, "day": 365, "week": 52, "month": 12, "quarter": 4, "year": 1,
}  # fmt: skip
PERIOD_WORDS: dict[str, str] = {
    "hour": "hour", "hr": "hour", "hrs": "hour", "hourly": "hour",
    "day": "day", "night": "day", "daily": "day",
    "week": "week", "wk": "week", "weekly": "week",
    "month": "month", "mo": "month", "mth": "month", "monthly": "month", "mrr": "month",
    "quarter": "quarter", "qtr": "quarter", "quarterly": "quarter",
    "year": "year", "yr": "year", "annum": "year", "yearly": "year", "annually": "year",
    "annual": "year", "annualized": "year", "arr": "year", "p.a.": "year",
    "小时": "hour", "时": "hour", "天": "day", "日": "day", "周": "week", "星期": "week",
    "月": "month", "季度": "quarter", "季": "quarter", "年": "year",
}  # fmt: skip
# Units a per-unit price may name before its period: "$10 per seat per month".
PER_UNIT_WORDS = (
    "user", "seat", "person", "head", "license", "licence", "customer", "member",
    "site", "developer", "dev", "server", "instance", "host", "project", "team",
)  # fmt: skip

# --- metrics ----------------------------------------------------------------------------

# Regex sources, metric by metric; the occurrence nearest the figure wins.
METRIC_PATTERNS: dict[str, tuple[str, ...]] = {
    "arr": (r"(?<![A-Za-z])ARR\b", r"annual recurring revenue", r"run[- ]rate", "年经常性收入"),
    "mrr": (r"(?<![A-Za-z])MRR\b", r"monthly recurring revenue", "月经常性收入"),
    "profit": (
        r"\bprofits?\b", r"\bprofitable\b", r"\bnet income\b", r"\bmargins?\b",
        r"\bnet\b", "净利润", "净利", "利润", "盈利", "毛利", "纯利",
    ),
    "price": (
        r"\bpric(?:e|es|ed|ing)\b", r"\brates?\b",
        r"\bcosts?\s+(?=(?:just|only|about|around)?\s*[$€£¥\d])",
        r"\bcharg(?:e|es|ed|ing)\b", r"\bplans?\b", r"\btiers?\b", r"\bsubscriptions?\b",
        # ("per seat", "a seat" and "/seat" are three words: each starts with one character)
        r"\bper\s*(?:seat|user|license|licence)\b", r"\ba\s*(?:seat|user|license|licence)\b",
        r"\b/\s*(?:seat|user|license|licence)\b",
        r"\bsells? for\b", r"\bfree\b",
        "定价", "售价", "价格", "价位", "收费", "年费", "月费", "会员费", "订阅费", "免费",
        r"是\s*每\s*个?\s*(?:年|月|季度|周|天)", "每人", "每个用户", "每席位",
    ),
    "funding": (
        r"\bfunding\b", r"\bfunded\b", r"\brais(?:e|ed|es|ing)\b", r"\bround\b", r"\bseed\b",
        r"\bseries [a-e]\b", r"\binvest(?:ed|ment|ments|ors?)\b", r"\bVCs?\b",
        "融资", "投资", "募资", "天使轮", "种子轮", r"[A-E]\+?轮",
    ),
    "valuation": (r"\bvaluations?\b", r"\bvalued\b", r"\bacquired\b", r"\bworth\b", "估值", "收购"),
    "cost": (
        r"\bcosts?\b", r"\bspen[dt]\b", r"\bspending\b", r"\bexpenses?\b", r"\bburn\b",
        r"\bbudget\b", r"\bpaid\b", r"\bpay(?:ing|s)?\b", "成本", "费用", "支出", "花费",
        "花了", "开销", "开支",
    ),
    "revenue": (
        r"\brevenues?\b", r"\bsales\b", r"\bincome\b", r"\bturnover\b", r"\bgross\b",
        r"\bmak(?:e|es|ing)\b", r"\bmade\b", r"\bearn(?:s|ed|ing|ings)?\b",
        r"\bbring(?:s|ing)? in\b",
        r"\bsalary\b", r"\bwages?\b", "收入", "营收", "营业额", "销售额", "流水", "进账",
        "月入", "年入", "赚", "薪", "工资",
    ),
}  # fmt: skip

# --- qualifiers -------------------------------------------------------------------------

# Written right before the figure (fillers such as 了/是/为 may sit between).
QUALIFIERS_BEFORE: dict[str, tuple[str, ...]] = {
    "at_least": (
        "more than", "at least", "upwards of", "north of", "in excess of", "over", "above",
        "exceeding", "no less than", "超过", "超出", "多于", "不少于", "至少", "高于",
        "大于", "逾", "超",
    ),
    "at_most": (
        "less than", "up to", "at most", "no more than", "under", "below", "nearly",
        "almost", "shy of", "将近", "接近", "不到", "不足", "少于", "低于", "最多", "小于", "近",
    ),
    "approx": (
        "approximately", "approx.", "roughly", "about", "around", "circa", "some",
        "estimated", "in the region of", "~", "≈", "约为", "大约", "大概", "差不多", "大致",
        "估计", "约",
    ),
}  # fmt: skip
# Written right after the figure.
QUALIFIERS_AFTER: dict[str, tuple[str, ...]] = {
    "at_least": ("or more", "and up", "plus", "+", "以上", "之上", "多", "余", "起"),
    "at_most": ("or less", "以内", "以下", "之下"),
    "approx": ("or so", "-ish", "ish", "左右", "上下"),
}

# --- growth -----------------------------------------------------------------------------

GROWTH_UP = (
    "grew", "grow", "grows", "growing", "growth", "increased", "increase", "increases",
    "rose", "rise", "rising", "jumped", "gained", "climbed", "surged", "soared", "up",
    "同比增长", "环比增长", "增长", "增加", "上涨", "上升", "提升", "提高", "增幅", "飙升",
    "暴涨", "大涨", "激增", "猛增", "涨",
)  # fmt: skip
GROWTH_DOWN = (
    "declined", "decline", "decreased", "decrease", "dropped", "drop", "fell", "fall",
    "shrank", "shrunk", "down", "下降", "减少", "下滑", "下跌", "降低", "缩水", "暴跌", "骤降",
    "跌",
)  # fmt: skip
BASIS_WORDS: dict[str, tuple[str, ...]] = {
    "yoy": (
        r"\byoy\b",
        r"\by/y\b",
        r"year[- ]over[- ]year",
        r"year[- ]on[- ]year",
        r"\bannual growth\b",
        "同比",
        "比去年",
        "较去年",
        "去年同期",
    ),
    "mom": (
        r"\bmom\b",
        r"\bm/m\b",
        r"month[- ]over[- ]month",
        r"month[- ]on[- ]month",
        "环比",
        "比上月",
        "较上月",
        "比上个月",
        "较上个月",
    ),
}
# Basis phrases read only after a figure ("up 35% over last month"), not as growth words.
BASIS_AFTER: dict[str, tuple[str, ...]] = {
    "yoy": (r"\b(?:over|from|vs\.?|versus|compared to) (?:the )?(?:last|previous|prior) year\b",),
    "mom": (r"\b(?:over|from|vs\.?|versus|compared to) (?:the )?(?:last|previous|prior) month\b",),
}
# Multipliers written as words: factor of the new value over the old one.
GROWTH_FACTORS: dict[str, int] = {
    "doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "翻倍": 2, "翻了一倍": 2,
}  # fmt: skip
GROWTH_METRICS: dict[str, tuple[str, ...]] = {
    "arr": (r"(?<![A-Za-z])ARR\b", r"annual recurring revenue", "年经常性收入"),
    "mrr": (r"(?<![A-Za-z])MRR\b", r"monthly recurring revenue", "月经常性收入"),
    "revenue": (r"\brevenues?\b", r"\bsales\b", r"\bincome\b", "收入", "营收", "营业额", "销售额"),
    "profit": (r"\bprofits?\b", "利润", "净利"),
    "users": (
        r"\busers?\b",
        r"\bcustomers?\b",
        r"\bsubscribers?\b",
        r"\bsignups?\b",
        "用户",
        "客户",
        "订阅",
        "会员",
    ),
    "traffic": (r"\btraffic\b", r"\bvisitors?\b", r"\bpageviews?\b", "流量", "访问量", "访客"),
    "downloads": (r"\bdownloads?\b", r"\binstalls?\b", "下载"),
}
