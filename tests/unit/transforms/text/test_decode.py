"""decode_note: encodings, BOMs, line endings, binary files and bad bytes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.text.decode import decode_note


def _short(value: object, width: int = 48) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


# (raw bytes, text, encoding, newline) — the first lines of the two seed notes.
SEED_CASES = [
    (
        b"---\nid: 471329\nstatus: published\nexplicit: No\n---\n",
        "---\nid: 471329\nstatus: published\nexplicit: No\n---\n",
        "utf-8",
        "\n",
    ),
    (
        "---\ntitle: 标杆人物01：Mike Perham，软件开发人员\ndate: 2023/1/16\n---\n".encode(),
        "---\ntitle: 标杆人物01：Mike Perham，软件开发人员\ndate: 2023/1/16\n---\n",
        "utf-8",
        "\n",
    ),
    (
        b"> **Published**:: [[2021-03-05]]\n> **Duration**:: 41:08\n",
        "> **Published**:: [[2021-03-05]]\n> **Duration**:: 41:08\n",
        "utf-8",
        "\n",
    ),
]

# Line endings and encodings that real editors save notes with.
REAL_FORMAT_CASES = [
    (b"a\r\nb\r\n", "a\nb\n", "utf-8", "\r\n"),  # Windows editors
    (b"a\rb\r", "a\nb\n", "utf-8", "\r"),  # classic Mac OS
    (b"a\r\nb\nc\rd", "a\nb\nc\nd", "utf-8", "mixed"),  # a note pasted together
    (b"\r\n\r\n\r\n", "\n\n\n", "utf-8", "\r\n"),
    (b"\xef\xbb\xbf---\ntitle: x\n---\n", "---\ntitle: x\n---\n", "utf-8-sig", "\n"),  # Notepad
    (b"\xef\xbb\xbfa\r\nb", "a\nb", "utf-8-sig", "\r\n"),
    ("---\ntitle: é\n---\n".encode("utf-16"), "---\ntitle: é\n---\n", "utf-16", "\n"),
    (b"\xff\xfe" + "中文\r\n".encode("utf-16-le"), "中文\n", "utf-16", "\r\n"),
    (b"\xfe\xff" + "Notes\n".encode("utf-16-be"), "Notes\n", "utf-16", "\n"),
    (b"one line, no ending", "one line, no ending", "utf-8", None),
    (b"", "", "utf-8", None),  # empty: no issue, the caller decides
    (b"tab\there\fform feed\n", "tab\there\fform feed\n", "utf-8", "\n"),
    ("café — “quotes” 🎙️\n".encode(), "café — “quotes” 🎙️\n", "utf-8", "\n"),
]

# GB18030 notes (Windows in mainland China): read, with a warning that says what to do.
GB18030_CASES = [
    "中文笔记",
    "---\ntitle: 标杆人物01：Mike Perham\ndate: 2023/1/16\n---\n年收入百万美元\n",
    "每小时赚 1 美元。\r\n增长 20%。\r\n",
]

# Not a text note: no text, and an error issue naming what it looks like.
NEGATIVE_CASES = [
    (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "looks like a binary file (PNG image), not a text note",
    ),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "looks like a binary file (PDF document), not a text note"),
    (b"PK\x03\x04\x14\x00\x06\x00", "(ZIP archive or Office document)"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "(JPEG image)"),
    (b"title: x\n\x00\x00\x00\x01", "it contains NUL bytes"),
    ("no BOM".encode("utf-16-le"), "UTF-16 text without a byte-order mark"),
    (b"\xff\xfe\x00\x00a\x00\x00\x00", "UTF-32"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 4, "many control characters"),
]

# Undecodable: no text, and an error giving the offset and line of the first bad byte.
BAD_BYTE_CASES = [
    (b"caf\xe9\n", 3, 1),  # Latin-1 é
    (b"a\nb\nna\xc3\xafve \x80\n", 11, 3),  # valid UTF-8 before the bad byte
    (b"a\r\nb\r\n\xff", 6, 3),  # a CRLF counts once
    (b"a\rb\r\xc3", 4, 3),  # a lone CR is a line break too
    (b"\xef\xbb\xbfok\n\xfe", 6, 2),  # the offset counts the BOM
    (b"Ol\xe1 mundo, \xe7a va", 2, 1),
]


@pytest.mark.parametrize(
    ("data", "text", "encoding", "newline"),
    SEED_CASES + REAL_FORMAT_CASES,
    ids=[_short(c[0]) for c in SEED_CASES + REAL_FORMAT_CASES],
)
def test_decodes_text(data: bytes, text: str, encoding: str, newline: str | None) -> None:
    decoded = decode_note(data)
    assert (decoded.text, decoded.encoding, decoded.newline) == (text, encoding, newline)
    assert decoded.issues == ()


@pytest.mark.parametrize("text", GB18030_CASES, ids=[_short(t) for t in GB18030_CASES])
def test_gb18030_fallback_warns(text: str) -> None:
    decoded = decode_note(text.encode("gb18030"))
    assert decoded.text == text.replace("\r\n", "\n")
    assert decoded.encoding == "gb18030"
    [issue] = decoded.issues
    assert (issue.severity, issue.stage) == ("warning", "decode")
    assert "re-save the file as UTF-8" in issue.message


@pytest.mark.parametrize(
    ("data", "says"), NEGATIVE_CASES, ids=[_short(c[0]) for c in NEGATIVE_CASES]
)
def test_binary_is_refused(data: bytes, says: str) -> None:
    decoded = decode_note(data)
    assert decoded.text is None
    [issue] = decoded.issues
    assert (issue.severity, issue.stage) == ("error", "decode")
    assert says in issue.message


@pytest.mark.parametrize(
    ("data", "offset", "line"), BAD_BYTE_CASES, ids=[_short(c[0]) for c in BAD_BYTE_CASES]
)
def test_bad_byte_gives_offset_and_line(data: bytes, offset: int, line: int) -> None:
    decoded = decode_note(data)
    assert decoded.text is None
    [issue] = decoded.issues
    assert (issue.severity, issue.line) == ("error", line)
    assert f"at offset {offset} (line {line})" in issue.message
    assert "re-save the file as UTF-8" in issue.message


def test_latin1_prose_is_not_taken_for_gb18030() -> None:
    # Two Latin-1 bytes in a row can form a valid GB18030 pair; the text then is not Chinese.
    decoded = decode_note("Ça coûte très cher à Zürich\n".encode("latin-1"))
    assert decoded.text is None
    assert decoded.issues[0].severity == "error"


@given(st.binary(max_size=2000))
def test_never_raises_on_bytes(data: bytes) -> None:
    decoded = decode_note(data)
    assert (decoded.text is None) == any(i.severity == "error" for i in decoded.issues)


@given(st.text(max_size=2000))
def test_utf8_text_round_trips_with_the_same_line_count(text: str) -> None:
    decoded = decode_note(text.encode())
    if decoded.text is None:  # a text made mostly of control characters
        assert decoded.issues[0].severity == "error"
        return
    text = text.removeprefix("\ufeff")  # a leading U+FEFF is UTF-8's byte-order mark
    assert "\r" not in decoded.text
    assert decoded.text == text.replace("\r\n", "\n").replace("\r", "\n")
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    assert decoded.text.count("\n") == breaks
