"""Body metadata: ``Key: value`` list items, bold labels and opening lines as fields rows."""

from __future__ import annotations

import pytest

from transforms.note import parse_note
from transforms.properties.body import find_body_fields

# (body, [(key, value, line)]): shapes seen in real show notes and profiles, our own words.
REAL_FORMAT_CASES: list[tuple[str, list[tuple[str, str, int]]]] = [
    # No front matter: an H1, then a bullet list of Air Date / Duration.
    ("# TT 17: Tide Tables\n\n* Air Date: March 3, 2021\n* Duration: 49 mins 31 secs\n",
     [("air_date", "March 3, 2021", 3), ("duration", "49 mins 31 secs", 4)]),
    # Bold labels, colon inside or outside the bold.
    ("- **Duration:** 49 mins 31 secs\n**Guest**: Ines Carvalho\n",
     [("duration", "49 mins 31 secs", 1), ("guest", "Ines Carvalho", 2)]),
    # Chinese full-width colons, a line of its own at the top and a list item.
    ("时长：48 分钟\n嘉宾：张三、李四\n\n## 简介\n\n- 主持：小满\n",
     [("时长", "48 分钟", 1), ("嘉宾", "张三、李四", 2), ("主持", "小满", 6)]),
    # A founder profile's fact list (seed 004's shape), with links.
    ("- 名字：Ana Ruiz\n- Twitter：[anaruiz](https://x.example/anaruiz)\n",
     [("名字", "Ana Ruiz", 1), ("twitter", "[anaruiz](https://x.example/anaruiz)", 2)]),
    # Quoted and numbered lists, Markdown emphasis kept in the value.
    ("> - Recorded: 2021-02-28\n1. Host: Nell Harbour\n",
     [("recorded", "2021-02-28", 1), ("host", "Nell Harbour", 2)]),
    # A plain top line before the first heading counts; after a heading it does not.
    ("Length: 1 hr 2 mins\n\n## Notes\n\nHost: Nell\n", [("length", "1 hr 2 mins", 1)]),
]  # fmt: skip

# Prose and other colons: none of these is a property.
NEGATIVE_CASES: list[str] = [
    "We moved. Note: the old room echoed.\n",
    "## Notes\n\nNote: we moved the meeting to Friday.\n",
    "- Note: the old room echoed\n- Tip: record in the loft\n",
    "- Day 1: we left the harbour\n- Step 2: tie the knot\n",
    "- https://tides.example/today\n- see https://x.org\n",
    "- [Tide tables](https://tides.example): a plain explanation\n",
    "- 10:30 standup\n- 09:00: coffee\n",
    "- Fixed: exports lost their time zone\n- Added: a dark theme\n",
    "- **Entities:** Core objects that need to be tracked within a system\n",
    "- Why this matters: because a long sentence follows here and keeps going on.\n",
    "**Ana**: 谢谢你邀请我，今天聊聊面包。\n",
    "```\nDuration: 41:08\n```\n",
    "Duration:: 41:08\n",  # a Dataview field, read by fields.find_inline_fields
    "---\ntitle: never closed\nBody\n",  # an unclosed front matter is not a top block
]

# A transcript labels each turn with the speaker: a key on three lines or more is dropped.
BUGS_CAUGHT: list[tuple[str, list[str]]] = [
    ("**Host**: hi\n**Ines**: hello\n**Host**: so\n**Host**: knots\n", ["ines"]),
    ("- Guest: Ines\n- Guest: Tomas\n", ["guest", "guest"]),
]


@pytest.mark.parametrize(
    ("body", "expected"), REAL_FORMAT_CASES, ids=[c[0][:40] for c in REAL_FORMAT_CASES]
)
def test_body_fields(body: str, expected: list[tuple[str, str, int]]) -> None:
    rows = find_body_fields(body)
    assert [(f.key, f.value, f.line) for f in rows] == expected
    assert {f.source for f in rows} <= {"body"}


@pytest.mark.parametrize("body", NEGATIVE_CASES, ids=[c[:40] for c in NEGATIVE_CASES])
def test_prose_is_not_a_field(body: str) -> None:
    assert find_body_fields(body) == []


@pytest.mark.parametrize(("body", "keys"), BUGS_CAUGHT, ids=[c[0][:40] for c in BUGS_CAUGHT])
def test_speaker_labels_are_dropped(body: str, keys: list[str]) -> None:
    assert [f.key for f in find_body_fields(body)] == keys


def test_body_rows_in_the_fields_table_and_precedence() -> None:
    note = (
        "---\nduration: 41:08\n---\n"
        "Duration:: 45:00\n\n- **Duration:** 50:00\n- **Guest:** Ines Carvalho\n"
    )
    parsed = parse_note("shows/017.md", note.encode()).rows
    assert parsed["episodes"][0]["duration_seconds"] == 41 * 60 + 8  # front matter wins
    rows = parsed["fields"]
    got = [(r["key"], r["value"], r["source"], r["line"]) for r in rows if r["key"] != "guest"]
    assert got == [
        ("duration", "41:08", "frontmatter", 2),
        ("duration", "45:00", "inline", 4),
        ("duration", "50:00", "body", 6),
    ]
    assert [r["ordinal"] for r in rows] == [1, 2, 3, 4]
    guest = [r for r in rows if r["key"] == "guest"]
    assert [(r["value"], r["source"], r["line"]) for r in guest] == [("Ines Carvalho", "body", 7)]
