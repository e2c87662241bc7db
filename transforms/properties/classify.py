"""Which kind of note this is: ``episode``, ``profile`` or ``note``, and why.

Rules, first match wins (the README lists them too); the reason goes to ``notes.kind_reason``:

0. a ``[kinds]`` glob from ``notehouse.toml`` that matches the path (``config: <glob>``);
1. a template (a folder named ``templates``) or a Hugo section list (``_index.md``) is a note;
2. an explicit ``type``/``kind``/``layout``/``category`` property naming an episode
   (episode, podcast episodes, show notes, 播客, 节目) or a profile (profile, person, people,
   founder, guest, host, author, 人物), also as an Obsidian link (``"[[People]]"``);
3. a tag naming an episode (``episode``, ``show-notes``) or a profile (``profile``,
   ``person``, ``founder``, ``人物``, ``人物故事``);
4. episode evidence from at least two of: a duration, an episode number (property, title
   prefix such as ``CR 553:`` / ``#45`` / ``第 12 期``, or a numbered file name), an episode
   folder (the note's folder or its parent: ``episodes``, ``shows``, ``podcasts`` ...), an
   audio enclosure or podcast player embed, hosts/guests (property or heading), two or
   more chapters, an air date, a ``podcast`` tag. One hint alone is never enough;
5. profile evidence: a folder of people, an income / progress / revenue report or ``$N MRR``
   in the title, description or file name, a founder or subject line, a person page
   (bio, avatar and social links), a founder / CEO / interview title naming people,
   or a first-person story about the author's own business;
6. otherwise a plain ``note``.

>>> classify_note(KindEvidence({"type": "episode"}, [], "x.md"))
('episode', 'type: episode')
>>> classify_note(KindEvidence({}, ["人物故事"], "x.md"))
('profile', 'tag: 人物故事')
>>> classify_note(KindEvidence({}, [], "shows/017 - Tide Tables.md", duration=True))
('episode', 'episode evidence: duration, number in file name, folder shows')
>>> classify_note(KindEvidence({}, [], "posts/017-tide-tables.md"))
('note', 'default')
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from transforms.episodes.episode import series_folder
from transforms.properties import _kind_words
from transforms.properties.lookup import Properties
from transforms.text.lang import count_words

KINDS = ("episode", "profile", "note")


@dataclass(frozen=True)
class KindEvidence:
    """What a reader looks at to tell an episode from a profile from a note.

    ``props`` is the note's one lookup (front matter, inline and body fields);
    ``headings`` are heading titles; ``body`` the prose; ``rules`` the ``[kinds]`` table.
    """

    metadata: Mapping[str, object]
    tags: Sequence[str]
    path: str
    title: str | None = None
    props: Properties | None = None
    headings: Sequence[str] = ()
    body: str = ""
    chapters: int = 0
    duration: bool = False
    rules: Sequence[tuple[str, str]] = ()
    lang: str | None = None  # the note's language (``text.lang``): a zh note tells no English story


def _word(value: object) -> str:
    """``"[[Show Notes]]"`` -> ``show_notes``: Obsidian property links name their target."""
    text = str(value).strip().removeprefix("[[").removesuffix("]]").strip()
    return text.lower().replace(" ", "_").replace("-", "_")


def _values(value: object) -> Iterable[object]:
    return value if isinstance(value, list | tuple) else [value]


def kind_from_rules(path: str, rules: Sequence[tuple[str, str]]) -> tuple[str, str] | None:
    """The kind of the first ``[kinds]`` glob matching ``path`` (case-sensitive, ``**`` ok).

    >>> kind_from_rules("Shows/Ep 1.md", [("Shows/**", "episode")])
    ('episode', 'config: Shows/**')
    >>> kind_from_rules("notes/a.md", [("Shows/**", "episode")]) is None
    True
    """
    for glob, kind in rules:
        if fnmatch.fnmatchcase(path, glob) or fnmatch.fnmatchcase(path, glob.replace("**/", "")):
            return kind, f"config: {glob}"
    return None


def _explicit(ev: KindEvidence) -> tuple[str, str] | None:
    lowered = {str(k).lower(): v for k, v in ev.metadata.items()}
    for key in _kind_words.TYPE_KEYS:
        for value in _values(lowered.get(key, ())):
            word = _word(value)
            if word in _kind_words.EPISODE_WORDS:
                return "episode", f"{key}: {value}"
            if word in _kind_words.PROFILE_WORDS:
                return "profile", f"{key}: {value}"
    for tag in ev.tags:
        leaf = _word(tag.lower().split("/")[-1])
        if leaf in _kind_words.EPISODE_TAGS:
            return "episode", f"tag: {tag.lower()}"
        if leaf in _kind_words.PROFILE_TAGS:
            return "profile", f"tag: {tag.lower()}"
    return None


def _prop(ev: KindEvidence, keys: tuple[str, ...]) -> str | None:
    if ev.props is None:
        return None
    prop = ev.props.first(*keys)
    return prop.text if prop is not None else None


def _number_hint(ev: KindEvidence, stem: str) -> str | None:
    value = _prop(ev, _kind_words.NUMBER_KEYS)
    if value is not None and any(ch.isdigit() for ch in value):
        return "episode number"
    if ev.title and _kind_words.TITLE_NUMBER.match(ev.title):
        return "number in title"
    if _kind_words.FILE_NUMBER.match(stem):
        return "number in file name"
    return None


def _series_hint(path: str) -> str | None:
    """A folder of files named for it and a number (``gotime/go-time-100.md``): a show's."""
    folder = series_folder(path)
    return f"files named for folder {folder}" if folder is not None else None


def _media_hint(ev: KindEvidence) -> str | None:
    value = _prop(ev, _kind_words.MEDIA_KEYS)
    if value is not None and (_kind_words.AUDIO_URL.search(value) or value.startswith("http")):
        return "audio enclosure"
    for item in ev.metadata.values():  # any front-matter URL to an audio file
        if isinstance(item, str) and item.startswith("http") and _kind_words.AUDIO_URL.search(item):
            return "audio enclosure"
    if "<iframe" in ev.body and _kind_words.PLAYER.search(ev.body):
        return "player embed"
    return None


def _episode_hints(ev: KindEvidence) -> list[str]:
    folders = ev.path.split("/")[:-1]
    stem = posixpath.splitext(posixpath.basename(ev.path))[0]
    near = [_word(f) for f in folders[-2:]]
    hints = [
        "duration" if ev.duration else None,
        _number_hint(ev, stem),
        next((f"folder {f}" for f in near if f in _kind_words.EPISODE_FOLDERS), None)
        or _series_hint(ev.path),
        _media_hint(ev),
        "hosts or guests"
        if _prop(ev, _kind_words.PEOPLE_KEYS)
        or any(_kind_words.PEOPLE_HEADING.match(h) for h in ev.headings)
        else None,
        f"{ev.chapters} chapters" if ev.chapters >= 2 else None,
        "air date" if _prop(ev, _kind_words.AIR_KEYS) else None,
        "podcast tag" if any(_word(t) in _kind_words.WEAK_EPISODE_TAGS for t in ev.tags) else None,
    ]
    return [h for h in hints if h]


# A story shows what it is about in its opening: the first this many characters are read.
STORY_SAMPLE = 8_000


def _founder_story(body: str, lang: str | None) -> bool:
    """A first-person story about the author's own business, in English.

    In its opening (``STORY_SAMPLE`` characters), at least 2 % of the words are I/me/my,
    and business words (revenue, customers, MRR, side hustle ...) come at least 7 times per
    1,000 words, 4 times at least.
    """
    if lang == "zh":
        return False
    sample = body[:STORY_SAMPLE]
    first = sum(len(pattern.findall(sample)) for pattern in _kind_words.FIRST_PERSON)
    if first < 2:  # 2 % of the 100 words a story has at least
        return False
    total = count_words(sample)
    if total < 100 or first < 0.02 * total:
        return False
    return _business_words(_kind_words.WORD.findall(sample)) >= max(4, 0.007 * total)


def _business_words(words: list[str]) -> int:
    """How many of ``words`` are business words or start a business phrase.

    >>> _business_words(["My", "side", "hustle's", "revenue", "and", "customer's", "MRR"])
    4
    """
    stems = [re.split(r"['’]", word, maxsplit=1)[0].lower() for word in words]
    following = [*stems[1:], ""]
    return sum(_is_business(stem, after) for stem, after in zip(stems, following, strict=True))


def _is_business(stem: str, after: str) -> bool:
    """A business word (``revenue``, ``bootstrapped``), or the first of a phrase (``side
    hustle``, ``my startup``)."""
    if stem in _kind_words.BUSINESS_WORDS or (stem, after) in _kind_words.BUSINESS_PHRASES:
        return True
    return stem.startswith(_kind_words.BUSINESS_PREFIXES) and len(stem) > 7


def _profile_hint(ev: KindEvidence) -> str | None:
    folders = [_word(f) for f in ev.path.split("/")[:-1]]
    if any(f in _kind_words.PEOPLE_FOLDERS for f in folders):
        return "folder of people"
    stem = posixpath.splitext(posixpath.basename(ev.path))[0]
    description = _prop(ev, ("description", "summary", "excerpt")) or ""
    for text in (ev.title or "", description, stem.replace("-", " ").replace("_", " ")):
        if _kind_words.REPORT.search(text):
            return "income or progress report"
    if _prop(ev, _kind_words.SUBJECT_KEYS):
        return "founder or subject line"
    keys = {_word(k) for k in ev.metadata}
    if len(keys & _kind_words.SOCIAL_KEYS) >= 3 or ({"bio", "avatar"} <= keys):
        return "person page"
    title = ev.title or ""
    if _kind_words.INTERVIEW_TITLE.search(title) or (
        _kind_words.ROLE_TITLE.search(title) and _prop(ev, _kind_words.NAMED_PEOPLE_KEYS)
    ):
        return "founder or interview title"
    if _founder_story(ev.body, ev.lang):
        return "first-person business story"
    return None


def classify_note(ev: KindEvidence) -> tuple[str, str]:
    """The kind and a short reason, for the ``notes.kind_reason`` column."""
    configured = kind_from_rules(ev.path, ev.rules)
    if configured is not None:
        return configured
    folders = [_word(f) for f in ev.path.split("/")[:-1]]
    if any(f in _kind_words.TEMPLATE_FOLDERS or f.endswith("_templates") for f in folders):
        return "note", "template"
    if posixpath.basename(ev.path).lower() in ("_index.md", "_index.markdown"):
        return "note", "section list page"
    explicit = _explicit(ev)
    if explicit is not None:
        return explicit
    hints = _episode_hints(ev)
    if len(hints) >= 2:
        return "episode", "episode evidence: " + ", ".join(hints)
    profile = _profile_hint(ev)
    if profile is not None:
        return "profile", profile
    return "note", "default"
