"""Language of a note, from its script and a few function words; word counts.

>>> detect_lang("这是一个关于开源软件的笔记。")
'zh'
>>> detect_lang("This is a note about the show and what we learned from it.")
'en'
>>> count_words("Mike 创建了 Sidekiq")
5
"""

from __future__ import annotations

import re

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")
# Runs of one script; counting characters by run keeps the lists short.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_KANA = re.compile(r"[\u3040-\u30ff]+")
_HANGUL = re.compile(r"[\uac00-\ud7af]+")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_CJK_RUN = re.compile(_CJK_CHAR.pattern + "+")
# Latin letters past Latin-1, kana and Hangul: a text with none of them takes a shorter path.
_NOT_HAN_ONLY = re.compile(r"[\u0100-\u024f\u3040-\u30ff\uac00-\ud7af]")
_OTHER_WORD = re.compile(
    r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af_]"
    r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]*(?:['’][a-z]+)?"
)
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "a",
        "in",
        "is",
        "it",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "we",
        "he",
        "she",
        "they",
        "you",
        "this",
        "are",
        "be",
        "at",
        "by",
        "from",
        "or",
        "an",
        "have",
        "has",
        "not",
        "but",
        "his",
        "her",
        "our",
        "their",
        "what",
        "about",
    ]
)
_SAMPLE = 20_000
# Latin-1 text (every character below U+0100) can be classified byte by byte: "w" marks a
# byte that the pattern's class would take, " " any other; a word starts at each " w".
_WORD_MARKS = bytes(0x77 if re.match(r"\w", chr(i)) else 0x20 for i in range(256))
_LATIN_MARKS = bytes(0x77 if _LATIN_WORD.match(chr(i)) else 0x20 for i in range(256))
_CHUNK = 2_000  # characters of the sample read per step while counting English words
# Latin-1 bytes for counting English words: a byte the word pattern takes stays a letter
# (A-Z lowered, as str.lower() does; other letters kept as they are, since no English word
# holds one), any other byte becomes a space; so bytes.split() yields the pattern's words.
_LATIN_LOWER = bytes(
    (i | 0x20 if 0x41 <= i <= 0x5A else i) if _LATIN_WORD.match(chr(i)) else 0x20
    for i in range(256)
)
_ENGLISH_BYTES = frozenset(word.encode("ascii") for word in _ENGLISH)


def detect_lang(text: str) -> str | None:
    """``zh``, ``ja``, ``ko``, ``en``, or None when the text says too little."""
    sample = _strip_urls(text[:_SAMPLE])  # the words of a URL are not prose
    data = _latin1(sample)
    if data is not None:  # no character of any CJK script can be in it
        return _latin1_lang(sample, data)
    data = _han_only_bytes(sample)
    if data is None:
        han, kana, hangul = _script_counts(sample)
        words = len(_LATIN_WORD.findall(sample))
    else:  # Han is its only CJK script, and ``data`` has its Latin words
        han, kana, hangul = sum(map(len, _CJK_RUN.findall(sample))), 0, 0
        words = _runs(data.translate(_LATIN_MARKS))
    if kana >= 5 and kana * 5 >= han:
        return "ja"
    if hangul >= 5 and hangul >= han:
        return "ko"
    if han >= 5 and han >= words * 0.5:
        return "zh"
    if words >= 5 and _english_enough(sample, words, data):
        return "en"
    return "zh" if han >= 5 else None


def _latin1_lang(sample: str, data: bytes) -> str | None:
    """:func:`detect_lang` for a Latin-1 ``sample`` (``data``): "en" or None."""
    words = _runs(data.translate(_LATIN_MARKS))
    return "en" if words >= 5 and _english_enough(sample, words, data) else None


def _han_only_bytes(sample: str) -> bytes | None:
    """``sample`` as Latin-1 bytes with "?" for every other character, when that keeps its
    Latin words (no Latin letter past U+00FF) and Han is its only CJK script; else None."""
    if _NOT_HAN_ONLY.search(sample):
        return None
    return sample.encode("latin-1", "replace")


def _english_enough(sample: str, words: int, data: bytes | None) -> bool:
    """Whether 4 % of the ``words`` Latin words of ``sample`` are English function words.

    ``data`` is the sample as Latin-1 bytes, or None. The count only grows, so it is read a
    few lines at a time and stops once it is enough; each step ends at a line break, which
    no word spans.
    """
    english, start = 0, 0
    while start < len(sample):
        end = sample.find("\n", start + _CHUNK)
        end = len(sample) if end < 0 else end
        english += _english_words(sample, data, start, end)
        if english / words >= 0.04:
            return True
        start = end
    return False


def _english_words(sample: str, data: bytes | None, start: int, end: int) -> int:
    """English function words among the Latin words of ``sample[start:end]``."""
    if data is not None:  # one byte per character: the same words, without a str for each
        return sum(
            map(_ENGLISH_BYTES.__contains__, data[start:end].translate(_LATIN_LOWER).split())
        )
    found = _LATIN_WORD.findall(sample, start, end)
    return sum(map(_ENGLISH.__contains__, map(str.lower, found)))


def _latin1(text: str) -> bytes | None:
    """``text`` as Latin-1 bytes, one byte per character, or None when it has others."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None


def _runs(marks: bytes) -> int:
    """Runs of ``w`` in a string of ``w`` and space marks."""
    return marks.count(b" w") + marks.startswith(b"w")


def _strip_urls(sample: str) -> str:
    """``sample`` with each URL replaced by a space.

    A URL never spans lines, so only the lines holding ``://`` are rewritten.
    """
    at = sample.find("://")
    if at < 0:
        return sample
    pieces: list[str] = []
    done = 0
    while at >= 0:
        lo = sample.rfind("\n", 0, at) + 1
        hi = sample.find("\n", at)
        hi = len(sample) if hi < 0 else hi
        pieces += (sample[done:lo], _URL.sub(" ", sample[lo:hi]))
        done = hi
        at = sample.find("://", hi)
    pieces.append(sample[done:])
    return "".join(pieces)


def _script_counts(sample: str) -> tuple[int, int, int]:
    """Han, kana and Hangul characters in ``sample`` (each counted by its runs)."""
    if sample.isascii() or not _CJK_CHAR.search(sample):
        return 0, 0, 0
    return (
        sum(map(len, _HAN.findall(sample))),
        sum(map(len, _KANA.findall(sample))),
        sum(map(len, _HANGUL.findall(sample))),
    )


def count_words(text: str) -> int:
    """Words in the text, each CJK character counting as one."""
    data = _latin1(text)
    if data is not None:
        return _latin1_words(text, data)
    cjk = 0
    if _CJK_CHAR.search(text):  # Latin-1 text, ASCII included, took the path above
        cjk = sum(map(len, _CJK_RUN.findall(text)))
    return cjk + len(_OTHER_WORD.findall(text))


def _latin1_words(text: str, data: bytes) -> int:
    """:func:`count_words` for Latin-1 text, counting runs of word characters.

    Without an underscore or an apostrophe, every run of word characters is one word.
    Lines holding either are counted by the pattern itself (no word spans a line).
    """
    if b"_" not in data and b"'" not in data:
        return _runs(data.translate(_WORD_MARKS))
    plain: list[str] = []
    odd: list[str] = []
    for line in text.split("\n"):
        (odd if "_" in line or "'" in line else plain).append(line)
    marks = "\n".join(plain).encode("latin-1").translate(_WORD_MARKS)
    return _runs(marks) + len(_OTHER_WORD.findall("\n".join(odd)))
