"""Reference words and shapes for ``classify``: what names an episode, a person, a report.

Words are compared after ``classify._word`` (lower case, spaces and hyphens as ``_``).
"""

from __future__ import annotations

import re

from transforms.episodes import episode

EPISODE_WORDS = frozenset(
    {
        "episode", "episodes", "podcast_episode", "podcast_episodes", "show_episode",
        "show_episodes", "podcast", "show_notes", "shownotes", "episode_notes", "播客", "节目",
        "单集", "播客单集",
    }
)  # fmt: skip
# A tag says "this is an episode" only in these words; ``podcast`` as a tag is a topic.
EPISODE_TAGS = EPISODE_WORDS - {"podcast", "播客", "节目"}
WEAK_EPISODE_TAGS = frozenset({"podcast", "podcasts", "播客", "节目"})
PROFILE_WORDS = frozenset(
    {
        "profile", "profiles", "person", "persons", "people", "founder", "founders", "人物",
        "人物故事", "创始人", "guest", "guests", "host", "hosts", "speaker", "speakers",
        "author", "authors", "musician", "musicians", "actor", "actors", "director",
        "directors", "interviewee", "contact", "contacts",
    }
)  # fmt: skip
PROFILE_TAGS = frozenset(
    {"profile", "profiles", "person", "founder", "founders", "人物", "人物故事", "创始人",
     "founder_story", "founder_stories", "income_report", "income_reports"}
)  # fmt: skip
TYPE_KEYS = ("type", "kind", "layout", "category", "categories", "class", "note_type")

EPISODE_FOLDERS = episode.EPISODE_FOLDERS  # one list, shared with the episodes row
PEOPLE_FOLDERS = frozenset(
    {"people", "persons", "person", "profiles", "founders", "人物", "人物故事", "interviews",
     "访谈", "专访", "guests", "hosts", "authors"}
)  # fmt: skip
TEMPLATE_FOLDERS = frozenset({"templates", "_templates", "template", "模板"})

NUMBER_KEYS = ("number", "episode", "episode_number", "episode_no", "ep", "集数", "期数")
MEDIA_KEYS = (
    "media", "media_url", "audio", "audio_url", "audio_file", "mp3", "enclosure",
    "enclosure_url", "file", "podcast_file", "podcast_url", "podcast_audio", "音频",
)  # fmt: skip
PEOPLE_KEYS = (
    "guests", "guest", "panelists", "panelist", "hosts", "host", "co_hosts", "cohosts",
    "嘉宾", "主持", "主持人", "主播",
)  # fmt: skip
AIR_KEYS = ("air_date", "aired", "airdate", "recorded", "recording_date", "播出日期", "录制时间")
SUBJECT_KEYS = ("founder", "founders", "co_founder", "创始人", "interviewee", "受访者", "subject")
SOCIAL_KEYS = frozenset(
    {"bio", "avatar", "twitter", "linkedin", "github", "homepage", "website", "instagram",
     "facebook", "mastodon", "youtube", "简介", "头像", "weibo", "微博"}
)  # fmt: skip
NAMED_PEOPLE_KEYS = ("people", "person", "speaker", "speakers", "guest", "guests", "interviewee")

# "0061", "003 - Title", "episode-062", "ep12", "the-changelog-473" (a slug ending in a number).
FILE_NUMBER = re.compile(
    r"^(?:\d{1,4}(?:$|\s*[-_.–]\s*\S)|(?:episode|ep|e)[-_ ]?\d{1,4}\b|[a-z][a-z-]*-\d{1,4}$)",
    re.I,
)
# "CR 553: Title", "Episode 12 - Title", "Ep. 7", "EP12", "#45", "第 12 期", "25 - Title".
TITLE_NUMBER = re.compile(
    r"^\s*(?:(?:episode|ep\.?|e)\s*\d{1,5}\b|(?-i:[A-Z]{1,6})\s?\d{1,5}\s*[:：\-–—|]"
    r"|#\d{1,5}\b|\d{1,4}\s*[:：\-–—|]\s|.*第\s*\d{1,5}\s*[期集回])",
    re.I,
)
AUDIO_URL = re.compile(
    r"\.(?:mp3|m4a|aac|ogg|oga|opus|wav|flac)(?:[?#][^\s)\"']*)?(?=$|[\s)\"'])", re.I
)
PLAYER = re.compile(
    r"<iframe[^>]*\bsrc=[\"']?[^\"'>\s]*(?:anchor\.fm|open\.spotify\.com/embed/(?:episode|show)"
    r"|buzzsprout|simplecast|libsyn|transistor\.fm|fireside\.fm|podbean|megaphone|soundcloud"
    r"|captivate|player\.fm|podcasts\.apple|pinecast|omny|spreaker|ximalaya|xiaoyuzhou"
    r"|castos|redcircle|acast|audioboom|art19|podomatic|blubrry)",
    re.I,
)
PEOPLE_HEADING = re.compile(
    r"^\W*(?:your\s+)?(?:hosts?|co-?hosts?|guests?|panel(?:ists?)?|special\s+guests?"
    r"|featuring|出场人物|嘉宾|本期嘉宾|主持人?|主播)\b",
    re.I,
)
REPORT = re.compile(
    r"\b(?:income|revenue|profit|earnings|progress|transparency|traffic\s+and\s+income)"
    r"(?:\s*(?:&|and)\s*(?:profit|expenses?))?\s+(?:reports?|update|recap)\b"
    r"|\$\s?\d[\d,.]*\s?[km]?\s+(?:MRR|ARR)\b|\bMRR\b|收入报告|收入月报|营收报告",
    re.I,
)
ROLE_TITLE = re.compile(
    r"\b(?:founder|co-?founder|ceo|interview(?:ed|s)?\s+with|in\s+conversation\s+with"
    r"|founder\s+story)\b|创始人|创办人|首席执行官|CEO|访谈|专访|采访|人物志|自述",
    re.I,
)
# A title that is an interview or a founder story by itself, with no people property.
INTERVIEW_TITLE = re.compile(
    r"\binterview(?:ed)?\s+with\b|\bin\s+conversation\s+with\b|\bfounder\s+stor(?:y|ies)\b"
    r"|访谈录|专访|人物志|创业故事",
    re.I,
)
# I, me, my as whole words, as written (a lower-case "i" is not the pronoun): two patterns,
# each starting with a literal that ``re`` skips to, its look-behind just after that letter.
FIRST_PERSON = (
    re.compile(r"I(?<![A-Za-z]I)(?:['’](?:m|ve|d|ll))?(?![A-Za-z'’])"),
    re.compile(r"m(?<![A-Za-z]m)(?:y|e|yself)(?![A-Za-z'’])"),
)
# Business words of a founder's story, lower case, as whole words (an 's or other apostrophe
# ending dropped); prefixes that any ending may follow; and the two-word phrases.
BUSINESS_WORDS = frozenset(
    {
        "business", "businesses", "revenue", "mrr", "arr", "customer", "customers", "profit",
        "profits", "income", "sales", "subscribers", "paying", "churn", "pricing", "founder",
        "founders", "launch", "launched", "indiehacker", "indiehackers",
    }
)  # fmt: skip
BUSINESS_PREFIXES = ("bootstrapp", "monetiz")
BUSINESS_PHRASES = frozenset(
    {
        ("side", "hustle"), ("side", "hustles"), ("indie", "hacker"), ("indie", "hackers"),
        ("my", "company"), ("my", "startup"), ("my", "product"), ("my", "newsletter"),
        ("my", "app"),
    }
)  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
