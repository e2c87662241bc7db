"""Reference words for ``people.py``: role keys, name suffixes, placeholders, company suffixes.

Keys of ``ROLE_WORDS`` are in the form ``people._role_key`` produces: NFKC,
casefolded, ``(s)`` turned into ``s``, runs of spaces/``-``/``_`` as one ``_``.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HOST = (
    "host hosts hosted_by presenter presenters 主持 主持人 主播 "
    "co_host co_hosts cohost cohosts guest_host interviewer interviewers "
    "联合主持 嘉宾主持 采访 采访者"
)
_PANELIST = "panelist panelists panel panellist panellists regulars"
_GUEST = (
    "guest guests featuring feat special_guest special_guests interviewee interviewees "
    "嘉宾 来宾 受访者 访谈对象 特邀嘉宾 嘉宾们"
)
_SPONSOR = (
    "sponsor sponsors sponsored_by presented_by brought_to_you_by "
    "赞助 赞助商 赞助方 赞助者 冠名 冠名商"
)
_AUTHOR = "author authors by written_by writer writers 作者 撰稿 撰稿人 文 作者们"
_SUBJECT = "subject subjects profiled 人物 主人公"

ROLE_WORDS: dict[str, str] = {
    word: role
    for role, words in (
        ("host", _HOST),
        ("panelist", _PANELIST),
        ("guest", _GUEST),
        ("sponsor", _SPONSOR),
        ("author", _AUTHOR),
        ("subject", _SUBJECT),
    )
    for word in words.split()
}

# A comma-separated piece that is one of these belongs to the name before it:
# "Dr. Jane Doe, PhD" is one name. Compared casefolded, without dots.
NAME_SUFFIXES = _words("phd md dds dvm jr sr ii iii iv esq mba cpa obe mbe cbe frs jd llm msc bsc")

# A trailing "." after one of these (casefolded) is part of the name: "Bob Smith Jr.".
ABBREVIATIONS = _words("jr sr dr mr mrs ms prof st inc ltd co corp esq ph.d m.d d.d.s s.a llc plc")

# Values that say "nobody" rather than name someone.
PLACEHOLDERS = _words("none n/a na nil null tbd tba tbc unknown - — – ? ... 无 暂无 未知 待定 空")

# A name ending in one of these is an organisation whatever its role.
ORG_SUFFIXES = (
    " inc",
    " inc.",
    " llc",
    " ltd",
    " ltd.",
    " gmbh",
    " corp",
    " corp.",
    " plc",
    " co.",
    "公司",
    "集团",
    "工作室",
)

# A body label naming people without a role: a cast list (roles then come from the title).
CAST_WORDS = _words(
    "cast people participants 出场人物 出场 本期人物 参与者 参与人 出镜 本期出场 人物介绍"
)

# Body labels beyond ROLE_WORDS: "**With:** Ada Quill" credits a guest.
BODY_ROLE_WORDS: dict[str, str] = {"with": "guest", "本期嘉宾": "guest", "本期主播": "host"}

# Words before a role word in a body label: "Your hosts", "Today's guest", "本期嘉宾".
LABEL_PREFIXES: tuple[str, ...] = (
    "your ",
    "our ",
    "today's ",
    "today’s ",
    "this week's ",
    "this week’s ",
    "this episode's ",
    "this episode’s ",
    "with ",
    "thanks to our ",
    "thank you to our ",
    "本期",
    "本集",
    "今日",
    "今天的",
)

# Words that are never a person's name however they are capitalised.
NOT_NAMES = _words(
    "host hosts guest guests sponsor sponsors panel panelist panelists author authors "
    "me you us we they everyone everybody all welcome hello hi thanks today episode show "
    "about home index notes note profile bio team story contact people person founder "
    "readme untitled journal intro outro links link summary overview update updates "
    "主播 主持 主持人 嘉宾 作者 赞助 大家 我们 你们 他们 今天 本期 节目"
)

# Lowercase words inside a name: "Ludwig van Beethoven", "Ana de Armas".
NAME_PARTICLES = _words("van von de der den da di du la le del della dos das bin ibn al el y e st.")

# Words of a post's title that are never part of the name a profile's title gives:
# "January Recap", "Full Time for a Day" are no one's name.
TITLE_WORDS = _words(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday recap report income profit "
    "revenue update review part week weekly month monthly year yearly quarter goal goals "
    "lessons thoughts retrospective plan guide tips how why what when where who my your "
    "new happy first last day days time full free life work business money interview "
    "podcast video post blog news issue edition special bonus"
)
