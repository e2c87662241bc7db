"""Note kinds: explicit type property, tag, episode evidence, people folder, default."""

from __future__ import annotations

from typing import Any

import pytest

from transforms.properties.classify import classify_note

# (metadata, tags, path, has_duration, episode_hints) -> (kind, reason)
Case = tuple[dict[str, Any], list[str], str, bool, int, tuple[str, str]]

# Seed 000 (podcast episode, `tags: [episode]`) and seed 004 (Hexo profile, `tag: 人物故事`).
SEED_CASES: list[Case] = [
    (
        {"id": 471329, "status": "published", "explicit": False, "tags": ["episode"]},
        ["episode"],
        "podcast/119.md",
        True,
        4,
        ("episode", "tag: episode"),
    ),
    (
        {"title": "标杆人物01：Mike Perham", "date": "2023/1/16", "tag": "人物故事"},
        ["人物故事"],
        "founders/mike-perham.md",
        False,
        0,
        ("profile", "tag: 人物故事"),
    ),
    # Seed 000 without its tag: Duration plus Number, Media, Panelists/Guests and 11 chapters.
    (
        {"id": 471329, "status": "published"},
        [],
        "podcast/119.md",
        True,
        4,
        ("episode", "duration with 4 episode hints"),
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
    ({}, ["podcast/episode"], "x.md", False, 0, ("episode", "tag: podcast/episode")),
    ({}, ["People"], "x.md", False, 0, ("profile", "tag: people")),
    ({}, ["founders"], "x.md", False, 0, ("profile", "tag: founders")),
    ({}, ["节目"], "x.md", False, 0, ("episode", "tag: 节目")),
    ({}, [], "people/Ada Quill.md", False, 0, ("profile", "folder of people")),
    ({}, [], "人物/张三.md", False, 0, ("profile", "folder of people")),
    ({}, [], "notes/Founders/x.md", False, 0, ("profile", "folder of people")),
    ({}, [], "notes/x.md", True, 1, ("episode", "duration with 1 episode hints")),
    # Precedence: type beats tag, tag beats evidence, evidence beats folder.
    ({"type": "profile"}, ["podcast"], "x.md", True, 3, ("profile", "type: profile")),
    ({}, ["person"], "x.md", True, 3, ("profile", "tag: person")),
    ({}, [], "people/x.md", True, 2, ("episode", "duration with 2 episode hints")),
    # A type that names neither kind falls through to the tags.
    ({"type": "note"}, ["person"], "x.md", False, 0, ("profile", "tag: person")),
]

# Must stay a plain note.
NEGATIVE_CASES: list[Case] = [
    ({}, [], "x.md", True, 0, ("note", "default")),
    ({}, [], "x.md", False, 3, ("note", "default")),
    ({}, [], "people.md", False, 0, ("note", "default")),
    ({}, [], "notes/peoplewatching/x.md", False, 0, ("note", "default")),
    ({"title": "Podcast"}, [], "x.md", False, 0, ("note", "default")),
    ({"layout": "post"}, ["ruby"], "_posts/x.md", False, 0, ("note", "default")),
    ({}, ["personal", "episodes-i-liked"], "x.md", False, 0, ("note", "default")),
    ({"type": None}, [], "x.md", False, 0, ("note", "default")),
]

BUGS_CAUGHT: list[Case] = [
    # Obsidian property links: `categories: ["[[Podcast]]"]` named no kind.
    ({"categories": ["[[Podcast]]"]}, [], "x.md", False, 0, ("episode", "categories: [[Podcast]]")),
    ({"type": "[[Person]]"}, [], "x.md", False, 0, ("profile", "type: [[Person]]")),
]

KNOWN_GAPS: list[Case] = [
    # Obsidian-style category names in the plural phrase form are not recognised.
    (
        {"categories": ["[[Podcast episodes]]"]},
        [],
        "x.md",
        False,
        0,
        ("episode", "categories: [[Podcast episodes]]"),
    ),
]


def _id(case: Case) -> str:
    meta, tags, path, has_duration, hints, _ = case
    return f"{meta}|{tags}|{path}|{has_duration}|{hints}"[:60]


@pytest.mark.parametrize(
    "case",
    SEED_CASES + REAL_FORMAT_CASES + NEGATIVE_CASES + BUGS_CAUGHT,
    ids=[_id(c) for c in SEED_CASES + REAL_FORMAT_CASES + NEGATIVE_CASES + BUGS_CAUGHT],
)
def test_classify_note(case: Case) -> None:
    meta, tags, path, has_duration, hints, expected = case
    assert (
        classify_note(meta, tags, path, has_duration=has_duration, episode_hints=hints) == expected
    )


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("case", KNOWN_GAPS, ids=[_id(c) for c in KNOWN_GAPS])
def test_classify_known_gaps(case: Case) -> None:
    meta, tags, path, has_duration, hints, expected = case
    assert (
        classify_note(meta, tags, path, has_duration=has_duration, episode_hints=hints) == expected
    )


def test_metadata_is_not_modified() -> None:
    meta: dict[str, Any] = {"Type": "Episode", "tags": ["a"]}
    classify_note(meta, ["a"], "x.md", has_duration=False, episode_hints=0)
    assert meta == {"Type": "Episode", "tags": ["a"]}
