"""Chapter lists: shapes from the seed and from real show notes, and look-alikes that are not."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.episodes import chapter_lines as _chapter_lines
from transforms.episodes import chapters as chapters_module
from transforms.episodes.chapter_fields import find_field_chapters
from transforms.episodes.chapters import Chapter, find_chapters
from transforms.properties.frontmatter import split_frontmatter

Case = tuple[str, list[tuple[int, str]]]

REPO = Path(__file__).resolve().parents[4]
SEED = REPO.parent / "shared" / "seeds" / "000_ac78bbbbb64dd533.txt"
EXAMPLES = REPO / "examples" / "vault" / "chapters"

SEED_STARTS = [100, 226, 367, 515, 650, 955, 1177, 1554, 1985, 2079, 2267]

# The seed's description section: eleven `[hh:mm:ss]` lines (titles shortened),
# under a metadata callout whose `**Duration**:: 41:08` must not count.
SEED_NOTE = "\n".join(
    [
        "> [!INFO] Metadata",
        "> **Number**:: 119",
        "> **Duration**:: 41:08",
        "",
        "## Description",
        "",
        "[00:01:40] Mike tells us about himself.",
        "[00:03:46] Thread safe code in the ecosystem.",
        "[00:06:07] Moving to the open core model.",
        "[00:08:35] Other libraries named after Sidekiq.",
        "[00:10:50] How Active Job plays into it.",
        "[00:15:55] Where Faktory came from.",
        "[00:19:37] The Sidekiq and Crystal experiment.",
        "[00:25:54] Turning it into a full-time gig.",
        "[00:33:05] Advice after reading the blog posts.",
        "[00:34:39] Blog posts, gems and building trust.",
        "[00:37:47] Andrew and Mike explain what Sidekiq is.",
        "",
        "**Guests**:: [[Mike Perham]]",
    ]
)

SEED_CASES: list[Case] = [
    (
        SEED_NOTE,
        list(
            zip(
                SEED_STARTS,
                [
                    "Mike tells us about himself.",
                    "Thread safe code in the ecosystem.",
                    "Moving to the open core model.",
                    "Other libraries named after Sidekiq.",
                    "How Active Job plays into it.",
                    "Where Faktory came from.",
                    "The Sidekiq and Crystal experiment.",
                    "Turning it into a full-time gig.",
                    "Advice after reading the blog posts.",
                    "Blog posts, gems and building trust.",
                    "Andrew and Mike explain what Sidekiq is.",
                ],
                strict=True,
            )
        ),
    ),
    ("> [!INFO] Metadata\n> **Duration**:: 41:08\n> **Number**:: 119\n", []),
    ("## Description\n\n[00:00:00] Cold open\n", [(0, "Cold open")]),
    ("[00:01:40] Mike\n[00:03:46] Jason asks\n", [(100, "Mike"), (226, "Jason asks")]),
]

REAL_FORMAT_CASES: list[Case] = [
    ("00:00:00 Intro\n00:01:40 Hiring\n", [(0, "Intro"), (100, "Hiring")]),
    ("00:00 - Intro\n01:40 - Hiring\n", [(0, "Intro"), (100, "Hiring")]),
    ("0:00 — Intro\n1:40 — Hiring\n", [(0, "Intro"), (100, "Hiring")]),
    ("0:00 – Intro\n1:40 – Hiring\n", [(0, "Intro"), (100, "Hiring")]),
    ("(00:00) Intro\n(01:40) Hiring\n", [(0, "Intro"), (100, "Hiring")]),
    ("- 00:00 Intro\n- 01:40 Hiring\n", [(0, "Intro"), (100, "Hiring")]),
    ("* [00:00] Intro\n* [01:40] Hiring\n", [(0, "Intro"), (100, "Hiring")]),
    ("1. 00:00 Intro\n2. 01:40 Hiring\n", [(0, "Intro"), (100, "Hiring")]),
    (
        "**[00:00](#t=00:00)** Intro\n**[23:44](#t=23:44)** Pricing\n",
        [(0, "Intro"), (1424, "Pricing")],
    ),
    (
        "[00:00](https://example.com/ep?t=0) Intro\n[13:29](https://example.com/ep?t=809) Q&A\n",
        [(0, "Intro"), (809, "Q&A")],
    ),
    ("**00:00** Intro\n**23:44** Pricing\n", [(0, "Intro"), (1424, "Pricing")]),
    ("[00:00](#t=0) - Intro\n[01:40](#t=100) - Hiring\n", [(0, "Intro"), (100, "Hiring")]),
    (
        "| Time | Topic |\n|---|---|\n| 00:00 | Intro |\n| 01:40 | Hiring |\n",
        [(0, "Intro"), (100, "Hiring")],
    ),
    (
        "| Topic | Time |\n| --- | ---: |\n| Intro | 00:00 |\n| Hiring | 01:40 |\n",
        [(0, "Intro"), (100, "Hiring")],
    ),
    ("Intro - 00:00\nHiring - 01:40\n", [(0, "Intro"), (100, "Hiring")]),
    ("Intro (00:00)\nHiring (01:40)\n", [(0, "Intro"), (100, "Hiring")]),
    ("- Intro [0:00:00]\n- Hiring [1:02:03]\n", [(0, "Intro"), (3723, "Hiring")]),
    (
        "> [!note] Chapters\n> - 00:00 Intro\n> - 01:40 Hiring\n",
        [(0, "Intro"), (100, "Hiring")],
    ),
    ("00:00–01:40 Intro\n01:40–05:00 Hiring\n", [(0, "Intro"), (100, "Hiring")]),
    (
        "- 00:00 Intro\n- 03:12 How [[Priya Vantongeren]] got here\n",
        [(0, "Intro"), (192, "How Priya Vantongeren got here")],
    ),
    ("- [ ] 00:00 Intro\n- [x] 01:40 Hiring\n", [(0, "Intro"), (100, "Hiring")]),
    (
        "0:00 Intro\n59:30 Listener mail\n81:53 Outro\n",
        [(0, "Intro"), (3570, "Listener mail"), (4913, "Outro")],
    ),
    ("[00:00.000] Intro\n[01:40.250] Hiring\n", [(0, "Intro"), (100, "Hiring")]),
    ("## Chapters\n\n00:00 Intro\n", [(0, "Intro")]),
    (
        "## 时间轴\n\n00:00 开场\n03:20 创业的第一年\n",
        [(0, "开场"), (200, "创业的第一年")],
    ),
    (
        "## Chapters\n- 00:00 Intro\n- 05:00 Pricing\n\n## Transcript\n"
        "[00:00:04] Host: hi\n[00:00:09] Guest: hello\n[00:00:15] Host: so\n",
        [(0, "Intro"), (300, "Pricing")],
    ),
    (
        "## Chapters\n- 00:00 Intro\n- 05:00 Pricing\n\n## Notes\n00:00 a\n01:00 b\n02:00 c\n",
        [(0, "Intro"), (300, "Pricing")],
    ),
    (
        "## Notes\n00:00 a\n05:00 b\n\n## More\n00:00 x\n01:00 y\n02:00 z\n",
        [(0, "x"), (60, "y"), (120, "z")],
    ),
    # Chinese show notes: full-width brackets, colons and digits, and a title right after.
    ("（00:00）开场\n（03:20）创业的第一年\n", [(0, "开场"), (200, "创业的第一年")]),
    ("00：00 开场\n03：20 创业的第一年\n", [(0, "开场"), (200, "创业的第一年")]),
    ("【00:00】开场\n【03:20】第一年\n", [(0, "开场"), (200, "第一年")]),
    ("００：００　开场\n０３：２０　第一年\n", [(0, "开场"), (200, "第一年")]),
    ("00:00开场\n03:20创业的第一年\n", [(0, "开场"), (200, "创业的第一年")]),
    ("- 开场（00:00）\n- 第一年（03:20）\n", [(0, "开场"), (200, "第一年")]),
    (
        "| 时间 | 话题 |\n|---|---|\n| 00：00 | 开场 |\n| 03：20 | 第一年 |\n",
        [(0, "开场"), (200, "第一年")],
    ),
    ("[00:00] Why `async` matters\n[01:40] Hiring\n", [(0, "Why async matters"), (100, "Hiring")]),
    ("00:00 Intro<br>\n01:40 Hiring<br/>\n", [(0, "Intro"), (100, "Hiring")]),
    ("00:00 Intro\\\n01:40 Hiring\n", [(0, "Intro"), (100, "Hiring")]),
    # A stamp after "@" in brackets, as some show-notes generators write it.
    ("[@00:00] - Welcome\n[@11:24] - The kiln\n", [(0, "Welcome"), (684, "The kiln")]),
    # Timestamps inside link lists: the link's text starts with the stamp, or follows it.
    (
        "- [00:00:00 Welcome](https://ex.fm/7?t=0)\n- [00:12:30 Glazes](https://ex.fm/7?t=750)\n",
        [(0, "Welcome"), (750, "Glazes")],
    ),
    (
        "- [00:00 - Welcome](https://ex.fm/7?t=0)\n- [12:30 - Glazes](https://ex.fm/7?t=750)\n",
        [(0, "Welcome"), (750, "Glazes")],
    ),
    (
        "- 0:00 [Welcome](https://ex.fm/7)\n- 12:30 [Glazes](https://ex.fm/7#g)\n",
        [(0, "Welcome"), (750, "Glazes")],
    ),
    # Chinese 时间轴 lines with blank lines between them, MM:SS then HH:MM:SS.
    (
        "### ⏳ 时间轴\n\n00:41 开场\n\n12:05 烧窑的温度\n\n1:02:10 结尾\n",
        [(41, "开场"), (725, "烧窑的温度"), (3730, "结尾")],
    ),
    # A chapter list under "Agenda" that starts at 0:00 is an episode's agenda.
    ("## Agenda\n- 0:00 Welcome\n- 4:30 Glazes\n", [(0, "Welcome"), (270, "Glazes")]),
    # "00:00: Intro" ends each stamp in a colon, but starts at 0:00: a chapter list.
    ("00:00: Welcome\n05:00: Glazes\n", [(0, "Welcome"), (300, "Glazes")]),
]

NEGATIVE_CASES: list[Case] = [
    ("[10:32] <bob> hi\n[10:33] <ann> hey\n[10:35] <bob> lunch?\n", []),
    ("10:32 AM standup\n10:45 AM retro\n", []),
    ("10:32 pm call with Ann\n10:50 pm call ends\n", []),
    ("At 10:30 we met for coffee.\nWe left at 11:15 that day.\n", []),
    ("Doors open 19:30\nFirst band 20:15\n", []),
    ("- won 2:0 at home\n- lost 3:1 away\n", []),
    ("- John 3:16\n- Psalm 23:04\n", []),
    ("Shot in 16:9\nOur 1:1 meeting\n", []),
    ("```\n00:00 Intro\n01:40 Hiring\n```\n", []),
    ("`00:00 Intro`\n`01:40 Hiring`\n", []),
    ("<!--\n00:00 Intro\n01:40 Hiring\n-->\n", []),
    ("2021-03-05 10:30 deploy\n2021-03-05 10:40 rollback\n", []),
    ("- 2021-03-05T10:30 deploy\n- 2021-03-05T10:40 rollback\n", []),
    ("The funny part starts at 12:30 in.\n", []),
    ("- 12:30 the funny part\n", []),
    ("09:00 Registration\n09:30 Keynote\n10:15 Coffee\n", []),
    ("10:30 UTC call\n11:00 UTC review\n", []),
    ("下午 14：30 开会\n", []),
    ("比分 2：0\n比分 3：1\n", []),
    ("10:30am开会\n11:00am复盘\n", []),
    ("- 30:00 Late start\n- 40:00 Later\n", []),
    ("> **Duration**:: 41:08\n", []),
    ("00:41:75 Bad seconds\n00:42:10 Next\n", []),
    ("- 10:00 B\n- 05:00 A\n", []),
    ("## Transcript\n[00:00:04] Host: hi\n[00:00:09] Guest: hello\n", []),
    # A live blog: times of day closed by a colon, in bold or bare.
    (
        "**1:58:** The lights go down.\n\n**2:01:** A new kettle is shown.\n\n"
        "**2:07:** Prices are next.\n",
        [],
    ),
    ("14:05: deploy started\n14:09: deploy finished\n", []),
    ("## Live blog\n**1:58** Lights down.\n\n**2:01** A kettle.\n", []),
    ("## 图文直播\n10:02 开场\n10:09 发布新品\n", []),
    ("- 2:01 PM Keynote\n- 2:30 PM Panel\n", []),
    # A bilingual transcript: every stamp written twice, once per language.
    (
        "[00:00:07] We fire the kiln at dawn.\n[00:00:07] 我们在黎明点窑。\n\n"
        "[00:00:13] It takes a day.\n[00:00:13] 要烧一整天。\n\n"
        "[00:00:20] Then we wait.\n[00:00:20] 然后等待。\n",
        [],
    ),
    # A conference schedule under a "Schedule" label, not round to five minutes.
    ("## Schedule\n- 09:32 Keynote\n- 10:01 Talk one\n- 10:47 Talk two\n", []),
    ("## 议程\n09:00 签到\n09:40 主题演讲\n", []),
    # Two times far apart in prose, each at the start of its own paragraph.
    (
        "2:10 was when the alarm went off.\nWe got up.\nWe ate.\nWe packed.\nWe drove.\n"
        "We parked.\nWe walked.\nWe climbed.\n4:10 was when we reached the top.\n",
        [],
    ),
]

BUGS_CAUGHT: list[Case] = [
    # A table row without the closing pipe lost its title cell.
    ("| 00:00 | Intro\n| 01:40 | Hiring\n", [(0, "Intro"), (100, "Hiring")]),
    # A numbered first column is an index, not the title.
    (
        "| # | Time | Topic |\n|---|---|---|\n| 1 | 00:00 | Intro |\n| 2 | 01:40 | Hiring |\n",
        [(0, "Intro"), (100, "Hiring")],
    ),
]

KNOWN_GAPS: list[Case] = [
    # One heading per chapter: each heading is its own section, and heading lines never count.
    (
        "### 00:00 Intro\nWe say hi.\n### 05:00 Pricing\nMoney talk.\n",
        [(0, "Intro"), (300, "Pricing")],
    ),
    # A timestamp after an emoji or a word ("Chapter 2 (05:00) – Pricing"): not at start or end.
    ("⏱ 00:00 Intro\n⏱ 05:00 Pricing\n", [(0, "Intro"), (300, "Pricing")]),
    # A chat log without angle brackets around the nick reads as a chapter list.
    ("[10:02] bob: morning\n[10:05] ann: hi bob\n", []),
]


def _pairs(text: str) -> list[tuple[int, str]]:
    return [(c.start_seconds, c.title) for c in find_chapters(text)[0]]


@pytest.mark.parametrize(("text", "expected"), SEED_CASES, ids=[c[0] for c in SEED_CASES])
def test_seed_cases(text: str, expected: list[tuple[int, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), REAL_FORMAT_CASES, ids=[c[0] for c in REAL_FORMAT_CASES]
)
def test_real_format_cases(text: str, expected: list[tuple[int, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), NEGATIVE_CASES, ids=[c[0] for c in NEGATIVE_CASES])
def test_negative_cases(text: str, expected: list[tuple[int, str]]) -> None:
    assert _pairs(text) == expected
    assert find_chapters(text, 2468) == ([], [])


@pytest.mark.parametrize(("text", "expected"), BUGS_CAUGHT, ids=[c[0] for c in BUGS_CAUGHT])
def test_bugs_caught(text: str, expected: list[tuple[int, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize(("text", "expected"), KNOWN_GAPS, ids=[c[0] for c in KNOWN_GAPS])
def test_known_gaps(text: str, expected: list[tuple[int, str]]) -> None:
    assert _pairs(text) == expected


def test_seed_note_ends_at_the_duration() -> None:
    chapters, issues = find_chapters(SEED_NOTE, 2468)
    assert issues == []
    assert [c.start_seconds for c in chapters] == SEED_STARTS
    assert [c.end_seconds for c in chapters] == [*SEED_STARTS[1:], 2468]
    assert chapters[-1].length_seconds == 2468 - 2267
    assert [c.ordinal for c in chapters] == list(range(1, 12))
    assert chapters[0].line == 7
    assert chapters[0].text == "[00:01:40] Mike tells us about himself."


def test_unknown_duration_leaves_the_last_end_open() -> None:
    chapters, _ = find_chapters(SEED_NOTE)
    assert chapters[-1].end_seconds is None
    assert chapters[-1].length_seconds is None
    assert chapters[-2].length_seconds == 2267 - 2079


def test_seed_file_itself() -> None:
    if not SEED.exists():
        pytest.skip("seed notes are not next to this checkout")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    closing = lines.index("---", 1)
    text = "\n".join([""] * (closing + 1) + lines[closing + 1 :])
    chapters, issues = find_chapters(text, 2468)
    assert issues == []
    assert [c.start_seconds for c in chapters] == SEED_STARTS
    assert chapters[-1].end_seconds == 2468
    assert all(c.text == lines[c.line - 1] for c in chapters)


def test_start_after_duration_warns_without_length() -> None:
    text = "- 0:00 Intro\n- 20:00 Middle\n- 45:10 Outro\n"
    chapters, issues = find_chapters(text, 2468)
    assert [(c.start_seconds, c.end_seconds, c.length_seconds) for c in chapters] == [
        (0, 1200, 1200),
        (1200, 2468, 1268),
        (2710, None, None),
    ]
    assert [(i.severity, i.stage, i.line) for i in issues] == [("warning", "chapters", 3)]
    assert issues[0].message == "chapter at 45:10 starts after the episode's duration 41:08"


def test_out_of_order_row_is_kept_with_a_warning() -> None:
    text = "## Chapters\n- 00:00 Intro\n- 50:00 Typo\n- 10:00 Pricing\n- 20:00 Hiring\n"
    chapters, issues = find_chapters(text, 1800)
    assert [(c.ordinal, c.start_seconds, c.end_seconds, c.length_seconds) for c in chapters] == [
        (1, 0, 600, 600),
        (2, 3000, None, None),
        (3, 600, 1200, 600),
        (4, 1200, 1800, 600),
    ]
    assert chapters[1].text == "- 50:00 Typo"
    lines = sorted(i.line for i in issues)
    assert lines == [3, 3]  # out of order, and past the 30:00 duration
    assert any(
        "starts after the chapter that follows it at 10:00 (line 4)" in i.message for i in issues
    )


def test_repeated_start_is_out_of_order() -> None:
    chapters, issues = find_chapters("- 00:00 Intro\n- 05:00 A\n- 05:00 B\n- 09:00 C\n")
    assert [c.end_seconds for c in chapters] == [300, 540, None, None]
    assert [i.line for i in issues] == [3]
    assert "does not start after the chapter before it at 5:00 (line 2)" in issues[0].message


def test_line_numbers_count_blanked_front_matter() -> None:
    text = "\n\n\n\n## Chapters\n\n[00:00] Intro\n\n[01:40] Hiring\n"
    assert [(c.line, c.text) for c in find_chapters(text)[0]] == [
        (7, "[00:00] Intro"),
        (9, "[01:40] Hiring"),
    ]


def _blank_front_matter(text: str) -> str:
    lines = text.split("\n")
    fence = lines[0].strip()
    if fence not in ("---", "+++"):
        return text
    closing = lines.index(fence, 1)
    return "\n".join([""] * (closing + 1) + lines[closing + 1 :])


GOLDEN = [
    (
        "lanternfish-radio-42-tide-tables-and-tiny-servers.md",
        3137,
        [0, 151, 478, 912, 1424, 1865, 2420, 2916],
        (4, "Tide tables: scraping, caching and the 3:1 rule of backups"),
    ),
    (
        "2022-11-03-field-notes-17-soil-sensors-and-stubbornness.md",
        2325,
        [0, 100, 375, 772, 1170, 1628, 2081],
        (3, "How a cheap moisture sensor fools you"),
    ),
    (
        "Quiet Compilers 88 Writing a Parser by Hand.md",
        4913,
        [0, 192, 707, 1445, 2310, 3139, 4018, 4682],
        (3, "Recursive descent versus generators"),
    ),
]


@pytest.mark.parametrize(
    ("name", "duration", "starts", "sample"), GOLDEN, ids=[g[0] for g in GOLDEN]
)
def test_golden_example_notes(
    name: str, duration: int, starts: list[int], sample: tuple[int, str]
) -> None:
    text = _blank_front_matter((EXAMPLES / name).read_text(encoding="utf-8"))
    chapters, issues = find_chapters(text, duration)
    assert issues == []
    assert [c.start_seconds for c in chapters] == starts
    assert (chapters[sample[0] - 1].ordinal, chapters[sample[0] - 1].title) == sample
    assert chapters[-1].end_seconds == duration


# --- properties -------------------------------------------------------------

_STAMP = st.builds(
    lambda h, m, s, style: style.format(h=h, m=m, s=s),
    st.integers(0, 2),
    st.integers(0, 99),
    st.integers(0, 75),
    st.sampled_from(
        ["{m:02d}:{s:02d}", "{h}:{m:02d}:{s:02d}", "[{m:02d}:{s:02d}]", "({m}:{s:02d})"]
    ),
)
_LINE = st.one_of(
    st.builds(lambda ts, t: f"{ts} {t}", _STAMP, st.text(max_size=12)),
    st.builds(lambda ts, t: f"- {t} - {ts}", _STAMP, st.text(max_size=12)),
    st.builds(lambda ts, t: f"| {ts} | {t} |", _STAMP, st.text(max_size=12)),
    st.sampled_from(["", "## Chapters", "## Transcript", "> [!note]", "```", "|---|---|"]),
    st.text(max_size=30),
)
_NOTE = st.lists(_LINE, max_size=25).map("\n".join)
_DURATION = st.one_of(st.none(), st.integers(-10, 10_000))


def _check(chapters: list[Chapter], issues: list[object], text: str) -> None:
    lines = text.split("\n")
    assert [c.ordinal for c in chapters] == list(range(1, len(chapters) + 1))
    for c in chapters:
        assert c.text == lines[c.line - 1]
        assert (c.end_seconds is None) == (c.length_seconds is None)
        if c.end_seconds is not None and c.length_seconds is not None:
            assert c.end_seconds - c.start_seconds == c.length_seconds >= 0
    if not issues:
        starts = [c.start_seconds for c in chapters]
        assert all(a < b for a, b in itertools.pairwise(starts))


@settings(max_examples=300, deadline=None)
@given(_NOTE, _DURATION)
def test_chapter_like_notes_keep_the_invariants(text: str, duration: int | None) -> None:
    chapters, issues = find_chapters(text, duration)
    _check(chapters, list(issues), text)
    if duration is not None and duration > 0:
        assert all(c.end_seconds is None or c.end_seconds <= duration for c in chapters)


@settings(max_examples=300, deadline=None)
@given(st.text(), _DURATION)
def test_arbitrary_text_never_raises(text: str, duration: int | None) -> None:
    chapters, issues = find_chapters(text, duration)
    _check(chapters, list(issues), text)


# ---- fast paths that must agree with the plain ones -----------------------------------------

_PLAIN_STAMP_HINT = re.compile(r"[:：]\d\d")  # written out: a change to either shows up


def _plain_stamped_lines(masked: str) -> list[tuple[int, int, int]]:
    """Every line holding a digit, a colon of either width and two digits, searched plainly."""
    found = []
    for m in _PLAIN_STAMP_HINT.finditer(masked):
        if m.start() and masked[m.start() - 1].isdecimal():
            lo = masked.rfind("\n", 0, m.start()) + 1
            hi = masked.find("\n", m.start())
            line = (lo, len(masked) if hi < 0 else hi)
            if not found or found[-1][1:] != line:
                found.append((masked.count("\n", 0, lo) + 1, *line))
    return found


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("01：:9 a\n٣"), max_size=40))
def test_stamped_lines_find_what_the_plain_search_finds(text: str) -> None:
    expected = _plain_stamped_lines(text)
    assert list(chapters_module._stamped_lines(text)) == expected
    first = _PLAIN_STAMP_HINT.search(text)
    if first is not None:  # starting at the first stamp shape skips nothing
        assert list(chapters_module._stamped_lines(text, first.start())) == expected


def _plain_clean_title(raw: str) -> str:
    """``_clean_title`` without its "is the pattern's literal there at all" tests."""
    title = _chapter_lines._WIKILINK.sub(lambda m: m.group(2) or m.group(1), raw)
    title = _chapter_lines._LINK.sub(r"\1", title).replace("**", "").replace("`", "")
    title = _chapter_lines._LINE_BREAK.sub("", title)
    title = " ".join(title.split()).strip(_chapter_lines._EDGE)
    for mark in "*_":
        if len(title) > 2 and title[0] == mark and title[-1] == mark:
            title = title[1:-1].strip()
    return title


_TITLE_PIECES = ["[[", "]]", "[", "]", "(", ")", "](", "|", "<br>", "<BR/>", "\\", " ", "a", "*"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TITLE_PIECES), max_size=12).map("".join))
def test_clean_title_matches_the_plain_substitutions(raw: str) -> None:
    assert _chapter_lines._clean_title(raw) == _plain_clean_title(raw)


# Front matter chapter lists, in the shapes real archives keep them.
FIELD_CASES: list[tuple[dict[str, object], list[tuple[int, str]]]] = [
    # Podcasting 2.0 JSON chapters in Hugo JSON front matter: seconds, whole or not.
    (
        {
            "podcast_chapters": {
                "version": "1.2.0",
                "chapters": [
                    {"startTime": 0, "title": "Cold open", "toc": None},
                    {"startTime": 95.5, "title": "Kilns"},
                    {"startTime": 1210, "title": "Mail"},
                ],
            }
        },
        [(0, "Cold open"), (95, "Kilns"), (1210, "Mail")],
    ),
    # A YAML list with clock strings, and a list of "stamp title" strings.
    (
        {"chapters": [{"start": "00:00:00", "title": "Hi"}, {"start": "00:04:03", "title": "Tea"}]},
        [(0, "Hi"), (243, "Tea")],
    ),
    ({"chapters": ["00:00 Hi", "04:03 Tea"]}, [(0, "Hi"), (243, "Tea")]),
    # Value-split blocks also carry startTime: they are not chapters.
    ({"value": {"timesplits": [{"startTime": 30, "duration": 200}]}}, []),
    # A list with an item that has no start is not read in part.
    ({"chapters": [{"start": "00:00", "title": "Hi"}, {"title": "Tea"}]}, []),
]


@pytest.mark.parametrize(
    ("metadata", "expected"), FIELD_CASES, ids=[str(c[1]) for c in FIELD_CASES]
)
def test_front_matter_chapters(
    metadata: dict[str, object], expected: list[tuple[int, str]]
) -> None:
    stated = find_field_chapters(metadata, {})
    chapters, _ = find_chapters("", 3000, stated)
    assert [(c.start_seconds, c.title) for c in chapters] == expected


def test_front_matter_list_beats_the_body_and_keeps_item_lines() -> None:
    source = (
        '{\n  "podcast_chapters": {\n    "chapters": [\n'
        '      {"startTime": 0, "title": "A"},\n      {"startTime": 60, "title": "B"}\n'
        "    ]\n  }\n}\n\n- 00:00 Other\n- 05:00 List\n"
    )
    fm = split_frontmatter(source)
    stated = find_field_chapters(fm.metadata, {**fm.key_lines, **fm.nested_lines}, source)
    chapters, issues = find_chapters(fm.body, 120, stated)
    assert [(c.start_seconds, c.end_seconds, c.title, c.line) for c in chapters] == [
        (0, 60, "A", 4),
        (60, 120, "B", 5),
    ]
    assert issues == []
