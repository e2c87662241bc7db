"""parse_note: whole small notes as bytes in, rows for every table and issues out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import transforms.note
from tests.seed_notes import SEED_000, SEED_004
from transforms.ids import note_id
from transforms.note import ParsedNote, parse_note

SHARE = "https://share.transistor.fm/s/102fc5a6"
MP3 = "https://dts.podtrac.com/redirect.mp3/media.transistor.fm/102fc5a6/54afd9e9.mp3"


def _tables_carry_note_id(parsed: ParsedNote) -> None:
    for table, rows in parsed.rows.items():
        for row in rows:
            assert row["note_id"] == parsed.note_id, table


def test_seed_episode_note() -> None:
    data = SEED_000.encode("utf-8")
    parsed = parse_note("podcast/119.md", data)
    assert parsed.issues == []
    assert parsed.loaded and parsed.note_id == note_id("podcast/119.md")
    _tables_carry_note_id(parsed)
    note = parsed.rows["notes"][0]
    assert {k: note[k] for k in ("path", "kind", "title", "lang", "note_date")} == {
        "path": "podcast/119.md",
        "kind": "episode",
        "title": "Building a Business on Rails with Mike Perham",
        "lang": "en",
        "note_date": dt.date(2021, 3, 5),
    }
    assert note["created_at"] == dt.datetime(2021, 2, 22, 23, 9, 27, 450000, tzinfo=dt.UTC)
    assert note["updated_at"] == dt.datetime(2022, 4, 5, 15, 36, 44, 404000, tzinfo=dt.UTC)
    assert (note["size_bytes"], note["encoding"], note["frontmatter_format"]) == (
        len(data),
        "utf-8",
        "yaml",
    )
    episode = parsed.rows["episodes"][0]
    assert {
        k: episode[k]
        for k in ("number", "published_date", "duration_seconds", "explicit", "status")
    } == {
        "number": 119,
        "published_date": dt.date(2021, 3, 5),
        "duration_seconds": 41 * 60 + 8,
        "explicit": False,
        "status": "published",
    }
    assert (episode["share_url"], episode["media_url"]) == (SHARE, MP3)
    # [00:01:40] ... [00:37:47], the last one running to the end at 41:08.
    starts = [100, 226, 367, 515, 650, 955, 1177, 1554, 1985, 2079, 2267]
    chapters = parsed.rows["chapters"]
    assert [c["start_seconds"] for c in chapters] == starts
    assert [c["end_seconds"] for c in chapters] == [*starts[1:], 2468]
    assert [c["line"] for c in chapters] == list(range(29, 40))
    assert [(a["person_id"], a["role"], a["line"]) for a in parsed.rows["appearances"]] == [
        ("jason-charnes", "panelist", 41),
        ("chris-oliver", "panelist", 41),
        ("andrew-mason", "panelist", 41),
        ("mike-perham", "guest", 43),
        ("honeybadger", "sponsor", 45),
    ]
    assert [t["tag"] for t in parsed.rows["tags"]] == ["episode"]
    assert [a["alias"] for a in parsed.rows["aliases"]] == ["119"]
    assert [(w["target"], w["line"]) for w in parsed.rows["wikilinks"]] == [
        ("2021-03-05", 14),
        ("Jason Charnes", 41),
        ("Chris Oliver", 41),
        ("Andrew Mason", 41),
        ("Mike Perham", 43),
        ("Honeybadger", 45),
    ]
    assert [
        (ln["domain"], ln["line"]) for ln in parsed.rows["links"] if ln["section"] == "Links"
    ] == [
        ("twitter.com", 49),
        ("mikeperham.com", 50),
        ("sidekiq.org", 51),
        ("mikeperham.com", 52),
        ("github.com", 53),
        ("github.com", 54),
    ]
    # 7 front-matter rows (one per list item) and 9 inline fields.
    fields = parsed.rows["fields"]
    assert len(fields) == 16
    assert [f["source"] for f in fields] == ["frontmatter"] * 7 + ["inline"] * 9
    assert ("duration", "41:08", "inline", 15) in [
        (f["key"], f["value"], f["source"], f["line"]) for f in fields
    ]
    assert parsed.rows["money_mentions"] == [] and parsed.rows["growth_mentions"] == []


def test_seed_profile_note() -> None:
    parsed = parse_note("founders/标杆人物01.md", SEED_004.encode("utf-8"))
    assert [i for i in parsed.issues if i.severity == "error"] == []
    _tables_carry_note_id(parsed)
    note = parsed.rows["notes"][0]
    assert (note["kind"], note["lang"], note["note_date"], note["created_at"]) == (
        "profile",
        "zh",
        dt.date(2023, 1, 16),
        None,
    )
    assert parsed.subject == ("mike-perham", "Mike Perham")
    assert [(a["person_id"], a["role"]) for a in parsed.rows["appearances"]] == [
        ("mike-perham", "subject"),
        ("拿小多", "author"),
    ]
    assert [t["tag"] for t in parsed.rows["tags"]] == ["人物故事"]
    assert "episodes" not in parsed.rows
    money = {(m["line"], m["amount"], m["currency"]): m for m in parsed.rows["money_mentions"]}
    monthly = money[(37, Decimal(80000), "USD")]  # 80,000 美元/月
    assert (monthly["period"], monthly["annualized_amount"]) == ("month", Decimal(960000))
    assert money[(38, Decimal(4_000_000), "USD")]["metric"] == "arr"  # 400 万美元的 ARR
    assert money[(44, Decimal(3_000_000), "USD")]["qualifier"] == "at_least"  # 300 万美元以上
    assert monthly["subject"] == "Mike Perham"  # the profile's subject, given to money
    growth = parsed.rows["growth_mentions"]
    assert [(g["line"], g["percent"], g["basis"]) for g in growth] == [(38, Decimal(20), "yoy")]


# ---- bytes in every shape -------------------------------------------------------------------

# (bytes, title, encoding, frontmatter_format, [(severity, stage)])
ByteCase = tuple[bytes, str, str, str | None, list[tuple[str, str]]]

REAL_FORMAT_CASES: list[ByteCase] = [
    (b"---\r\ntitle: Hi\r\n---\r\n\r\nBody with #idea\r\n", "Hi", "utf-8", "yaml", []),
    (b"\xef\xbb\xbf---\ntitle: Hi\n---\nBody\n", "Hi", "utf-8-sig", "yaml", []),
    (
        "---\ntitle: 中文笔记\n---\n正文：这是一个关于开源软件的笔记。\n".encode("gb18030"),
        "中文笔记",
        "gb18030",
        "yaml",
        [("warning", "decode")],
    ),
    ("# Hello\n\nBody\n".encode("utf-16"), "Hello", "utf-16", None, []),
    (b'+++\ntitle = "From TOML"\ndate = 2021-03-05\n+++\nBody\n', "From TOML", "utf-8", "toml", []),
    (b"# Just a heading\n\nText.\n", "Just a heading", "utf-8", None, []),
    (b"", "x", "utf-8", None, [("warning", "decode")]),  # loaded, with a word about it
    # Broken YAML: a warning, and the note still loads from its body.
    (
        b"---\ntitle: [unclosed\n---\n# Heading\nBody text.\n",
        "Heading",
        "utf-8",
        "yaml",
        [("warning", "frontmatter")],
    ),
    (b"---\ntitle: never closed\nBody\n", "x", "utf-8", None, [("warning", "frontmatter")]),
]


@pytest.mark.parametrize(
    ("data", "title", "encoding", "fmt", "issues"),
    REAL_FORMAT_CASES,
    ids=[repr(c[0])[:50] for c in REAL_FORMAT_CASES],
)
def test_bytes_in_every_shape_load(
    data: bytes, title: str, encoding: str, fmt: str | None, issues: list[tuple[str, str]]
) -> None:
    parsed = parse_note("notes/x.md", data)
    assert parsed.loaded
    note = parsed.rows["notes"][0]
    assert (note["title"], note["encoding"], note["frontmatter_format"]) == (title, encoding, fmt)
    assert (note["size_bytes"], note["path"]) == (len(data), "notes/x.md")
    assert [(i.severity, i.stage) for i in parsed.issues] == issues
    _tables_carry_note_id(parsed)


def test_crlf_keeps_line_numbers() -> None:
    parsed = parse_note("x.md", b"---\r\ntitle: Hi\r\n---\r\n\r\nBody with #idea\r\n")
    assert [(t["tag"], t["line"]) for t in parsed.rows["tags"]] == [("idea", 5)]


def test_gb18030_is_read_as_chinese() -> None:
    data = "---\ntitle: 中文笔记\n---\n正文：这是一个关于开源软件的笔记。\n".encode("gb18030")
    assert parse_note("x.md", data).rows["notes"][0]["lang"] == "zh"


def test_toml_front_matter_dates_the_note() -> None:
    parsed = parse_note("x.md", b'+++\ntitle = "T"\ndate = 2021-03-05\ntags = ["a"]\n+++\n')
    assert parsed.rows["notes"][0]["note_date"] == dt.date(2021, 3, 5)
    assert [t["tag"] for t in parsed.rows["tags"]] == ["a"]


def test_empty_file_is_a_note() -> None:
    parsed = parse_note("inbox/Untitled.md", b"")
    note = parsed.rows["notes"][0]
    assert (note["title"], note["kind"], note["word_count"], note["lang"]) == (
        "Untitled",
        "note",
        0,
        None,
    )
    assert note["content_sha256"] == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )
    assert [(i.severity, "empty" in i.message) for i in parsed.issues] == [("warning", True)]


# Not a text note: one error, no rows.
NEGATIVE_CASES: list[bytes] = [
    b"\x89PNG\r\n\x1a\n\x00\x00",
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    b"abc\x00def",
    b"\xff\xfe\x00\x00a\x00\x00\x00",  # UTF-32
]


@pytest.mark.parametrize("data", NEGATIVE_CASES, ids=[repr(d)[:30] for d in NEGATIVE_CASES])
def test_not_a_text_note(data: bytes) -> None:
    parsed = parse_note("attachments/x.md", data)
    assert not parsed.loaded
    assert parsed.rows == {}
    assert [(i.severity, i.stage) for i in parsed.issues] == [("error", "decode")]


# ---- failures stay inside one note ----------------------------------------------------------


def _raise(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


def test_a_failing_extractor_becomes_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transforms.note, "find_chapters", _raise)
    parsed = parse_note("podcast/119.md", SEED_000.encode("utf-8"))
    assert parsed.loaded
    assert parsed.rows["chapters"] == []
    assert [(i.severity, i.stage) for i in parsed.issues] == [("warning", "chapters")]
    assert "RuntimeError: boom" in parsed.issues[0].message
    # Everything else is still there.
    assert parsed.rows["episodes"][0]["duration_seconds"] == 2468
    assert len(parsed.rows["appearances"]) == 5


def test_a_failing_money_extractor_keeps_growth(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transforms.note, "find_money", _raise)
    parsed = parse_note("founders/x.md", SEED_004.encode("utf-8"))
    assert parsed.loaded and parsed.rows["money_mentions"] == []
    assert ("warning", "money") in [(i.severity, i.stage) for i in parsed.issues]
    assert [g["percent"] for g in parsed.rows["growth_mentions"]] == [Decimal(20)]


def test_a_bug_outside_the_extractors_costs_one_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transforms.note, "note_title", _raise)
    parsed = parse_note("x.md", b"# Hi\n")
    assert not parsed.loaded and parsed.rows == {}
    assert [(i.severity, i.stage) for i in parsed.issues] == [("error", "parse")]


def test_a_broken_note_never_gets_the_previous_notes_rows() -> None:
    good = parse_note("a.md", b"---\ntitle: Good\ntags: [kept]\n---\nGood body.\n")
    broken = parse_note("b.md", b"---\ntitle: [broken\n---\n# Broken\n")
    assert good.rows["notes"][0]["title"] == "Good"
    assert broken.rows["notes"][0]["title"] == "Broken"
    assert broken.rows["tags"] == [] and broken.rows["fields"] == []


# ---- paths, times, kinds --------------------------------------------------------------------


def test_path_is_normalised_before_the_id() -> None:
    parsed = parse_note(".\\podcast\\119.md", b"x\n")
    assert (parsed.path, parsed.note_id) == ("podcast/119.md", note_id("podcast/119.md"))
    assert (parsed.rows["notes"][0]["folder"], parsed.rows["notes"][0]["file_name"]) == (
        "podcast",
        "119.md",
    )


def test_mtime_is_the_fallback_update_time() -> None:
    mtime = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    assert parse_note("x.md", b"x\n", mtime=mtime).rows["notes"][0]["updated_at"] == mtime


def test_a_note_in_a_people_folder_is_a_profile_of_its_title() -> None:
    parsed = parse_note("people/Ada Quill.md", b"Ada builds looms.\n")
    assert parsed.rows["notes"][0]["kind"] == "profile"
    assert parsed.subject == ("ada-quill", "Ada Quill")
    assert [(a["person_id"], a["role"]) for a in parsed.rows["appearances"]] == [
        ("ada-quill", "subject")
    ]


def test_a_plain_note_has_no_subject() -> None:
    parsed = parse_note("journal/Ada Quill.md", b"Ada builds looms.\n")
    assert parsed.rows["notes"][0]["kind"] == "note"
    assert parsed.subject is None and parsed.rows["appearances"] == []


@pytest.mark.parametrize(
    ("path", "dest", "key"),
    [
        ("podcast/2023/ep-12.md", "../../people/Mike%20Perham.md", "people/mike perham"),
        ("podcast/ep-12.md", "../people/Mike%20Perham.md", "people/mike perham"),
        ("podcast/ep-12.md", "people/Mike%20Perham.md", "people/mike perham"),  # from the root
        ("podcast/ep-12.md", "Mike%20Perham.md", "mike perham"),  # a name
        ("ep-12.md", "../Mike%20Perham.md", "../mike perham"),  # out of the vault: as written
    ],
)
def test_relative_markdown_links_resolve_from_the_note_folder(
    path: str, dest: str, key: str
) -> None:
    parsed = parse_note(path, f"See [Mike]({dest}).\n".encode())
    [row] = parsed.rows["wikilinks"]
    assert row["target_key"] == key
    assert row["target"] == dest.replace("%20", " ").removesuffix(".md")  # kept as written
