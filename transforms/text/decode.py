"""Bytes of a note file to text: encodings, byte-order marks, line endings, binary files.

``decode_note`` never raises. It reads UTF-8 (with or without a BOM) and UTF-16 with a
BOM, normalises every line ending to ``\\n`` without changing the number of lines, falls
back to GB18030 for Chinese notes saved in a legacy encoding (with a warning), and
refuses binary files and undecodable bytes with an error issue that says what to do.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from transforms.issues import Issue

_STAGE = "decode"

# File signatures of formats that turn up in vault folders next to the notes.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_BOM_UTF8 = b"\xef\xbb\xbf"
_BOMS_UTF32 = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")
_NEWLINES = re.compile(r"\r\n|\r|\n")
# Characters a text note does not contain: C0 controls but tab, newline, CR, form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Every byte but those, for bytes.translate to delete when counting control bytes.
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not _CONTROL.match(chr(b)))
_SAMPLE = 8192  # characters looked at when judging "text or binary"
_MAX_CONTROL_SHARE = 0.05
_MIN_CHINESE_SHARE = 0.95


@dataclass(frozen=True)
class Decoded:
    """A note's text with ``\\n`` line endings, or None when the bytes are not a text note.

    ``encoding`` is "utf-8", "utf-8-sig", "utf-16" (only with a BOM) or "gb18030";
    ``newline`` is the line ending found: "\\n", "\\r\\n", "\\r", "mixed" or None.
    """

    text: str | None
    encoding: str | None
    newline: str | None
    issues: tuple[Issue, ...] = ()


def decode_note(data: bytes) -> Decoded:
    """Decode a note file's bytes; problems become issues, never exceptions.

    >>> decode_note(b"\\xef\\xbb\\xbf---\\r\\ntitle: x\\r\\n---\\r\\n")
    Decoded(text='---\\ntitle: x\\n---\\n', encoding='utf-8-sig', newline='\\r\\n', issues=())
    >>> d = decode_note("中文笔记".encode("gb18030"))
    >>> d.text, d.encoding, d.issues[0].severity
    ('中文笔记', 'gb18030', 'warning')
    >>> decode_note(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00").issues[0].message
    'looks like a binary file (PNG image), not a text note'
    """
    if not data:
        return Decoded("", "utf-8", None)
    refusal = _binary_refusal(data)
    if refusal is not None:
        return _refuse(refusal)
    text, encoding, issue = _to_text(data)
    if text is None:
        return Decoded(None, None, None, (issue,) if issue else ())
    if _looks_binary(text, data if encoding in ("utf-8", "utf-8-sig") else None):
        return _refuse("looks like a binary file (many control characters), not a text note")
    newline = _newline_kind(text)
    if newline not in (None, "\n"):
        text = _NEWLINES.sub("\n", text)
    return Decoded(text, encoding, newline, (issue,) if issue else ())


def _refuse(message: str) -> Decoded:
    return Decoded(None, None, None, (Issue("error", _STAGE, message),))


def _binary_refusal(data: bytes) -> str | None:
    """Why the bytes are not a text note, when a signature or NUL bytes give it away."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return f"looks like a binary file ({kind}), not a text note"
    if data.startswith(_BOMS_UTF32):
        return "is UTF-32 text, which notehouse does not read; re-save the file as UTF-8"
    if data.startswith(_BOMS_UTF16):
        return None
    if b"\x00" in data[: _SAMPLE * 4]:
        return (
            "looks like a binary file (it contains NUL bytes), not a text note; "
            "if it is UTF-16 text without a byte-order mark, re-save it as UTF-8"
        )
    return None


def _to_text(data: bytes) -> tuple[str | None, str | None, Issue | None]:
    """The decoded text and its encoding, or None and an error issue."""
    if data.startswith(_BOM_UTF8):
        return _utf8(data[len(_BOM_UTF8) :], "utf-8-sig", len(_BOM_UTF8))
    if data.startswith(_BOMS_UTF16):
        try:
            return data.decode("utf-16"), "utf-16", None
        except UnicodeDecodeError as exc:
            return None, None, _bad_byte(data, exc.start, "UTF-16")
    text, encoding, issue = _utf8(data, "utf-8", 0)
    if text is not None:
        return text, encoding, issue
    chinese = _gb18030(data)
    if chinese is not None:
        message = "read as GB18030 because it is not valid UTF-8; re-save the file as UTF-8"
        return chinese, "gb18030", Issue("warning", _STAGE, message)
    return None, None, issue


def _utf8(body: bytes, encoding: str, skipped: int) -> tuple[str | None, str | None, Issue | None]:
    try:
        return body.decode("utf-8"), encoding, None
    except UnicodeDecodeError as exc:
        return None, None, _bad_byte(body, exc.start, "UTF-8", skipped)


def _bad_byte(data: bytes, offset: int, codec: str, skipped: int = 0) -> Issue:
    """An error naming the first undecodable byte, its offset in the file and its line."""
    head = data[:offset]
    line = head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
    byte = data[offset] if offset < len(data) else 0
    message = (
        f"not valid {codec}: byte 0x{byte:02x} at offset {offset + skipped} (line {line}) "
        "cannot be decoded; re-save the file as UTF-8"
    )
    return Issue("error", _STAGE, message, line)


def _gb18030(data: bytes) -> str | None:
    """The text read as GB18030 when that decodes and looks like Chinese prose, else None."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    sample = text[: _SAMPLE * 4]
    cjk = sum(1 for ch in sample if _is_cjk(ch))
    plain = sum(1 for ch in sample if ch.isascii() and (ch.isprintable() or ch in "\t\r\n"))
    if cjk == 0 or (cjk + plain) < _MIN_CHINESE_SHARE * len(sample):
        return None
    return text


def _is_cjk(ch: str) -> bool:
    """Han ideographs, CJK punctuation, kana, hangul and full-width forms."""
    code = ord(ch)
    if 0x3000 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF:
        return True
    if 0x20000 <= code <= 0x3FFFF or 0xAC00 <= code <= 0xD7AF:
        return True
    return unicodedata.east_asian_width(ch) == "W" and unicodedata.category(ch) == "Lo"


def _looks_binary(text: str, utf8: bytes | None = None) -> bool:
    """Whether the text holds NUL or many other control characters.

    ``utf8`` is the file's bytes when ``text`` was read from them as UTF-8: there a
    control character is its own byte, so a file without such bytes is text.
    """
    if utf8 is not None and not utf8.translate(None, _NOT_CONTROL_BYTES):
        return False
    sample = text[:_SAMPLE]
    if "\x00" in sample:
        return True
    controls = len(_CONTROL.findall(sample))
    return controls > max(2, _MAX_CONTROL_SHARE * len(sample))


def _newline_kind(text: str) -> str | None:
    """Which line ending the text uses: one of them, "mixed", or None for a single line."""
    if "\r" not in text:
        return "\n" if "\n" in text else None
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [kind for kind, n in (("\r\n", crlf), ("\r", cr), ("\n", lf)) if n]
    if not kinds:
        return None
    return kinds[0] if len(kinds) == 1 else "mixed"
