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
