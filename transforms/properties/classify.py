"""Which kind of note this is: ``episode``, ``profile`` or ``note``.

Rules, first match wins (the README lists them too):

1. an explicit ``type``/``kind``/``layout``/``category`` property naming an
   episode (episode, podcast, show notes, 播客, 节目) or a profile (profile,
   person, people, founder, 人物), also as an Obsidian link (``"[[Podcast]]"``);
2. a tag of that kind (``episode``, ``podcast``; ``profile``, ``person``,
   ``founder``, ``人物``, ``人物故事``);
3. episode evidence: a duration plus any of an episode number, a media
   link, guests/panelists/hosts, or at least two chapters;
4. a folder named for people (``people``, ``persons``, ``profiles``,
   ``founders``, ``人物``) gives a profile;
5. otherwise a plain ``note``.

>>> classify_note({"type": "episode"}, [], "x.md", has_duration=False, episode_hints=0)
('episode', 'type: episode')
>>> classify_note({}, ["人物故事"], "x.md", has_duration=False, episode_hints=0)
('profile', 'tag: 人物故事')
>>> classify_note({}, [], "notes/x.md", has_duration=True, episode_hints=2)
('episode', 'duration with 2 episode hints')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

_EPISODE_WORDS = frozenset(
    {"episode", "episodes", "podcast", "show_notes", "shownotes", "播客", "节目", "单集"}
)
_PROFILE_WORDS = frozenset(
    {"profile", "profiles", "person", "people", "founder", "founders", "人物", "人物故事", "创始人"}
)
_TYPE_KEYS = ("type", "kind", "layout", "category", "categories", "class", "note_type")
_PEOPLE_FOLDERS = frozenset({"people", "persons", "profiles", "founders", "人物"})


def _word(value: object) -> str:
    """``"[[Show Notes]]"`` -> ``show_notes``: Obsidian property links name their target."""
    text = str(value).strip().removeprefix("[[").removesuffix("]]").strip()
    return text.lower().replace(" ", "_").replace("-", "_")


def _values(value: object) -> Iterable[object]:
    return value if isinstance(value, list | tuple) else [value]


def classify_note(
    metadata: Mapping[str, object],
    tags: Iterable[str],
    path: str,
    *,
    has_duration: bool,
    episode_hints: int,
) -> tuple[str, str]:
    """The kind and a short reason, for the ``notes.kind_reason`` column."""
    lowered = {str(k).lower(): v for k, v in metadata.items()}
    for key in _TYPE_KEYS:
        for value in _values(lowered.get(key, ())):
            word = _word(value)
            if word in _EPISODE_WORDS:
                return "episode", f"{key}: {value}"
            if word in _PROFILE_WORDS:
                return "profile", f"{key}: {value}"
    tag_list = [t.lower() for t in tags]
    for tag in tag_list:
        leaf = _word(tag.split("/")[-1])
        if leaf in _EPISODE_WORDS:
            return "episode", f"tag: {tag}"
        if leaf in _PROFILE_WORDS:
            return "profile", f"tag: {tag}"
    if has_duration and episode_hints >= 1:
        return "episode", f"duration with {episode_hints} episode hints"
    folders = [_word(part) for part in path.split("/")[:-1]]
    if any(folder in _PEOPLE_FOLDERS for folder in folders):
        return "profile", "folder of people"
    return "note", "default"
