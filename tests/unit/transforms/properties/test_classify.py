"""Note kinds: config globs, explicit type and tags, episode evidence, profile evidence."""

from __future__ import annotations

from typing import Any

import pytest

from transforms.note import parse_note
from transforms.properties.classify import KindEvidence, classify_note, kind_from_rules

# (metadata, tags, path, duration, chapters) -> (kind, reason): the rules that need no body.
Case = tuple[dict[str, Any], list[str], str, bool, int, tuple[str, str]]

# Seed 000 (podcast episode, `tags: [episode]`) and seed 004 (Hexo profile, `tag: 人物故事`).
SEED_CASES: list[Case] = [
    (
        {"id": 1, "tags": ["episode"]},
        ["episode"],
        "podcast/119.md",
        True,
        11,
        ("episode", "tag: episode"),
    ),
    (
        {"title": "标杆人物01", "tag": "人物故事"},
        ["人物故事"],
        "founders/x.md",
        False,
        0,
        ("profile", "tag: 人物故事"),
    ),
    # Seed 000 without its tag: a duration, a number in the file name, a podcast folder, chapters.
    (
        {"id": 1},
        [],
        "podcast/119.md",
        True,
        11,
        ("episode", "episode evidence: duration, number in file name, folder podcast, 11 chapters"),
    ),
]

REAL_FORMAT_CASES: list[Case] = [
    ({"type": "Podcast"}, [], "x.md", False, 0, ("episode", "type: Podcast")),
    ({"Type": "person"}, [], "x.md", False, 0, ("profile", "type: person")),
    ({"layout": "episode"}, [], "_posts/x.md", False, 0, ("episode", "layout: episode")),
    (
        {"categories": ["Ruby", "Show Notes"]},
        [],
        "x.md",
        False,
        0,
        ("episode", "categories: Show Notes"),
    ),
    ({"category": "播客"}, [], "x.md", False, 0, ("episode", "category: 播客")),
    ({"kind": "Founder"}, [], "x.md", False, 0, ("profile", "kind: Founder")),
    ({"note_type": "show-notes"}, [], "x.md", False, 0, ("episode", "note_type: show-notes")),
    ({"class": "人物"}, [], "x.md", False, 0, ("profile", "class: 人物")),
    # Obsidian categories as links, plural phrases (a vault of [[Podcast episodes]]).
    (
        {"categories": ["[[Podcast episodes]]"]},
        [],
        "References/Show 145.md",
        False,
        0,
        ("episode", "categories: [[Podcast episodes]]"),
    ),
    (
        {"categories": ["[[People]]"], "type": ["[[Musicians]]"]},
        [],
        "References/A B.md",
        False,
        0,
        ("profile", "type: [[Musicians]]"),
    ),
    # A podcast network's people directory: `type: guest` / `type: host`.
    (
        {"type": "guest", "bio": None},
        [],
        "content/people/ada.md",
        False,
        0,
        ("profile", "type: guest"),
    ),
    ({}, ["podcast/episode"], "x.md", False, 0, ("episode", "tag: podcast/episode")),
    ({}, ["founders"], "x.md", False, 0, ("profile", "tag: founders")),
    ({}, [], "people/Ada Quill.md", False, 0, ("profile", "folder of people")),
    ({}, [], "人物/张三.md", False, 0, ("profile", "folder of people")),
    ({}, [], "content/person/adaquill/index.md", False, 0, ("profile", "folder of people")),
    # Hugo: a show folder of numbered files, and an episode folder with a duration.
    (
        {},
        [],
        "content/show/tide-talk/0042.md",
        True,
        0,
        ("episode", "episode evidence: duration, number in file name, folder show"),
    ),
    (
        {},
        [],
        "_episodes/x.md",
        True,
        0,
        ("episode", "episode evidence: duration, folder _episodes"),
    ),
    (
        {},
        [],
        "shows/017 - Tide Tables.md",
        False,
        3,
        ("episode", "episode evidence: number in file name, folder shows, 3 chapters"),
    ),
    (
        {},
        [],
        "podcast/the-tinker-hour-473.md",
        True,
        0,
        ("episode", "episode evidence: duration, number in file name, folder podcast"),
    ),
    # Precedence: type beats tag, tag beats evidence, episode evidence beats a people folder.
    ({"type": "profile"}, ["episode"], "x.md", True, 3, ("profile", "type: profile")),
    ({}, ["person"], "shows/01.md", True, 3, ("profile", "tag: person")),
    (
        {},
        [],
        "people/episode-3.md",
        True,
        2,
        ("episode", "episode evidence: duration, number in file name, 2 chapters"),
    ),
    ({"type": "note"}, ["person"], "x.md", False, 0, ("profile", "tag: person")),
]

# Must stay a plain note: one weak hint alone, topic tags, templates and section lists.
NEGATIVE_CASES: list[Case] = [
    ({}, [], "x.md", True, 0, ("note", "default")),
    ({}, [], "notes/x.md", False, 5, ("note", "default")),
    ({}, [], "posts/68-river-workers.md", False, 0, ("note", "default")),
    ({}, [], "episodes/intro.md", False, 0, ("note", "default")),
    ({}, ["podcast"], "x.md", False, 0, ("note", "default")),
    ({}, ["People"], "x.md", False, 0, ("note", "default")),
    ({}, [], "people.md", False, 0, ("note", "default")),
    ({}, [], "notes/peoplewatching/x.md", False, 0, ("note", "default")),
    ({"title": "Podcast"}, [], "x.md", False, 0, ("note", "default")),
    ({"layout": "post"}, ["ruby"], "_posts/x.md", False, 0, ("note", "default")),
    ({"layout": "podcasts"}, [], "x.md", False, 0, ("note", "default")),
    ({"categories": ["[[Podcasts]]"]}, [], "References/A Show.md", False, 0, ("note", "default")),
    ({}, ["personal", "episodes-i-liked"], "x.md", False, 0, ("note", "default")),
    ({"type": None}, [], "x.md", False, 0, ("note", "default")),
    # The group folder far up the path is not the note's folder.
    ({}, [], "podcast/site/content/blog/2021-recap/index.md", False, 0, ("note", "default")),
    (
        {"categories": ["[[People]]"]},
        [],
        "Templates/People Template.md",
        False,
        0,
        ("note", "template"),
    ),
    (
        {"categories": ["[[Show episodes]]"]},
        [],
        "98_templates/Episode.md",
        True,
        0,
        ("note", "template"),
    ),
    ({"type": "hosts"}, [], "content/hosts/_index.md", False, 0, ("note", "section list page")),
]

BUGS_CAUGHT: list[Case] = [
    # Obsidian property links: `categories: ["[[Podcast]]"]` named no kind.
    ({"categories": ["[[Podcast]]"]}, [], "x.md", False, 0, ("episode", "categories: [[Podcast]]")),
    ({"type": "[[Person]]"}, [], "x.md", False, 0, ("profile", "type: [[Person]]")),
    # An episode tagged with the topic `People` was a profile.
    (
        {},
        ["People"],
        "content/episode/x/index.md",
        True,
        0,
        ("episode", "episode evidence: duration, folder episode"),
    ),
]


def _id(case: Case) -> str:
    meta, tags, path, duration, chapters, _ = case
    return f"{meta}|{tags}|{path}|{duration}|{chapters}"[:60]


ALL_CASES = SEED_CASES + REAL_FORMAT_CASES + NEGATIVE_CASES + BUGS_CAUGHT


@pytest.mark.parametrize("case", ALL_CASES, ids=[_id(c) for c in ALL_CASES])
def test_classify_note(case: Case) -> None:
    meta, tags, path, duration, chapters, expected = case
    evidence = KindEvidence(meta, tags, path, duration=duration, chapters=chapters)
    assert classify_note(evidence) == expected


# Whole notes (path, text) -> (kind, reason): evidence a reader finds in titles and bodies.
NOTE_CASES: list[tuple[str, str, tuple[str, str]]] = [
    # No front matter: an H1 with the episode number, Air Date / Duration list, Guests heading.
    (
        "notes/tt.md",
        "# TT 553: Kelp\n\n* Air Date: 2021-03-03\n* Duration: 49 mins 31 secs\n",
        ("episode", "episode evidence: duration, number in title, air date"),
    ),
    (
        "archive/x.md",
        "# Episode 12 - Sails\n\n## Guests\n\n- [Ana Ruiz](https://x.org)\n",
        ("episode", "episode evidence: number in title, hosts or guests"),
    ),
    (
        "x.md",
        "---\ntitle: 第 12 期 渔港\n---\n嘉宾：张三\n\n时长：48 分钟\n",
        ("episode", "episode evidence: duration, number in title, hosts or guests"),
    ),
    (
        "x.md",
        '---\ntitle: "#45 Nets"\naudio: https://cdn.x.fm/45.mp3\n---\nHi\n',
        ("episode", "episode evidence: number in title, audio enclosure"),
    ),
    (
        "x.md",
        '# Nets\n\n<iframe src="https://player.fireside.fm/v2/abc"></iframe>\n\n'
        "**Guest**: Ana Ruiz\n",
        ("episode", "episode evidence: player embed, hosts or guests"),
    ),
    # Profiles: reports by one author, founder lines, person pages, founder / interview titles.
    (
        "blog/x.md",
        "---\ntitle: January 2018 Income Report\n---\nHi\n",
        ("profile", "income or progress report"),
    ),
    (
        "blog/progress-report-4.md",
        "---\ntitle: January Recap\n---\nHi\n",
        ("profile", "income or progress report"),
    ),
    (
        "blog/x.md",
        '---\ntitle: "March Recap – $420 MRR"\n---\nHi\n',
        ("profile", "income or progress report"),
    ),
    (
        "x.md",
        "# Kiln & Co\n\n- **Founder:** Ana Ruiz\n- **Revenue:** $4M\n",
        ("profile", "founder or subject line"),
    ),
    (
        "x.md",
        "---\ntitle: Ana Ruiz\nbio: Potter.\navatar: /a.jpg\n---\n",
        ("profile", "person page"),
    ),
    (
        "x.md",
        "---\ntitle: 创始人模式：某某的管理课\npeople: [Ana Ruiz]\n---\n正文\n",
        ("profile", "founder or interview title"),
    ),
    (
        "blog/x.md",
        "# An interview with Ana Ruiz of Kiln & Co\n\nWe met at the studio.\n",
        ("profile", "founder or interview title"),
    ),
    (
        "x.md",
        "---\ntitle: 音乐如何改变我们：某某访谈录\n---\n正文\n",
        ("profile", "founder or interview title"),
    ),
    # A founder / CEO word alone, with no person named in a property, is not enough.
    ("blog/x.md", "# What a CEO should know about tides\n\nTides.\n", ("note", "default")),
    # Must stay a note: one hint alone, a numbered weekly digest, a changelog, prose "Note:".
    ("posts/68-河道工作者.md", "# 第 68 期：河道工作者\n\n本期内容\n", ("note", "default")),
    ("changelog/v1.2.md", "# 1.2: faster sync\n\n- Fixed: the export\n", ("note", "default")),
    (
        "notes/x.md",
        "# Kelp\n\nDuration: 45 mins\n\nNote: we moved the meeting.\n",
        ("note", "default"),
    ),
    ("university/x.md", "# Lecture 3\n\n00:10 intro\n05:00 proofs\n", ("note", "default")),
    # A show-notes repository: a folder per show, files named for the show and a number,
    # nothing but a list of links inside.
    (
        "kilntalk/kiln-talk-12.md",
        "- [Cone chart](https://example.org/cones)\n- [Glaze maths](https://example.org/g)\n",
        ("episode", "episode evidence: number in file name, files named for folder kilntalk"),
    ),
    (
        "harbourhours/harbour-hours-3.md",
        "- [Tide tables](https://example.org/tides)\n",
        ("episode", "episode evidence: number in file name, files named for folder harbourhours"),
    ),
    # ... but a numbered sequence of notes named for its folder is not a show
    ("lectures/lecture-3.md", "- [Slides](https://example.org/s)\n", ("note", "default")),
    ("standups/standup-notes-14.md", "- [Board](https://example.org/b)\n", ("note", "default")),
    ("kilntalk/kiln-talk.md", "- [About](https://example.org/a)\n", ("note", "default")),
]


@pytest.mark.parametrize(
    "path,text,expected", NOTE_CASES, ids=[c[0] + c[1][:30] for c in NOTE_CASES]
)
def test_kind_of_whole_note(path: str, text: str, expected: tuple[str, str]) -> None:
    row = parse_note(path, text.encode()).rows["notes"][0]
    assert (row["kind"], row["kind_reason"]) == expected


def test_first_person_business_story_is_a_profile() -> None:
    story = (
        "I started my side business two years ago. My customers pay monthly and my "
        "revenue grew; I priced it low, and sales were slow. " * 10
    )
    advice = "Pick a niche and write every day. Editors help. Publishing takes time. " * 20
    assert parse_note("blog/x.md", story.encode()).rows["notes"][0]["kind"] == "profile"
    assert parse_note("blog/y.md", advice.encode()).rows["notes"][0]["kind"] == "note"


CONFIG_CASES = [
    ("Shows/Ep 1.md", [("Shows/**", "episode")], ("episode", "config: Shows/**")),
    ("Shows/2023/Ep 1.md", [("Shows/**", "episode")], ("episode", "config: Shows/**")),
    ("a/People/x.md", [("*/People/*", "note"), ("**", "profile")], ("note", "config: */People/*")),
    ("notes/a.md", [("Shows/**", "episode")], None),
]


@pytest.mark.parametrize("path,rules,expected", CONFIG_CASES)
def test_kind_from_rules(path: str, rules: list[tuple[str, str]], expected: Any) -> None:
    assert kind_from_rules(path, rules) == expected


def test_config_overrides_every_rule() -> None:
    text = b"---\ntype: episode\n---\nx\n"
    row = parse_note("Meetings/x.md", text, kinds=[("Meetings/*", "note")]).rows["notes"][0]
    assert (row["kind"], row["kind_reason"]) == ("note", "config: Meetings/*")
