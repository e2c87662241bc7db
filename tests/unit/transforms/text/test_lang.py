"""Language detection by script and function words; word counts with CJK characters as words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.text import lang
from transforms.text.lang import count_words, detect_lang

# Sentences copied from the two seed notes.
LANG_SEED_CASES: list[tuple[str, str]] = [
    (
        "这里分享有趣有意思的人士、有可取之处的人士、有特色之处的人士、小有成就的人士。",
        "zh",
    ),
    ("Mike设计和构建了Sidekiq，这是一种面向Ruby编程语言的免费开源的后台任务框架。", "zh"),
    (
        "Today, we have Mike Perham from Sidekiq and Faktory fame. We find out what Sidekiq is "
        "and a great story about what led Mike into starting it, as well as Faktory.",
        "en",
    ),
    ("[00:10:50] Mike explains how Active Job plays into all of this for him.", "en"),
]

LANG_REAL_FORMAT_CASES: list[tuple[str, str]] = [
    ("今日はポッドキャストについて話します。", "ja"),
    ("東京大学の研究者が新しい論文を発表しました。", "ja"),
    ("오늘은 팟캐스트에 대해 이야기합니다.", "ko"),
    ("We talk about Sidekiq with Mike.", "en"),
    # Chinese prose full of product names is still Chinese.
    ("我们聊了 Sidekiq, Faktory, Ruby, Rails, Crystal 和 open source business", "zh"),
    # Front matter is blank lines by the time the body arrives; blank lines change nothing.
    ("\n\n\n\n\nThis is the note and it is about the show.\n", "en"),
]

# Too little to say, or not one of the languages detected.
LANG_NEGATIVE_CASES: list[str] = [
    "",
    "   \n\n",
    "Hello",
    "41:08",
    "中文",
    "Sidekiq Faktory Inspeqtor Rails Ruby",
    "Lorem ipsum dolor sit amet",
]

# A note that is only a link read as English from the words of its URL.
LANG_BUGS_CAUGHT: list[str] = [
    "https://share.transistor.fm/s/102fc5a6",
    "<https://dts.podtrac.com/redirect.mp3/media.transistor.fm/102fc5a6/54afd9e9.mp3>",
]


@pytest.mark.parametrize(
    ("text", "lang"),
    LANG_SEED_CASES + LANG_REAL_FORMAT_CASES,
    ids=[c[0][:40] for c in LANG_SEED_CASES + LANG_REAL_FORMAT_CASES],
)
def test_detect_lang(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


@pytest.mark.parametrize(
    "text", LANG_NEGATIVE_CASES + LANG_BUGS_CAUGHT, ids=LANG_NEGATIVE_CASES + LANG_BUGS_CAUGHT
)
def test_detect_lang_says_nothing(text: str) -> None:
    assert detect_lang(text) is None


# ---- word counts ---------------------------------------------------------------------------

SEED_CASES: list[tuple[str, int]] = [
    ("Mike 创建了 Sidekiq", 5),
    ("Mike设计和构建了Sidekiq", 8),  # Mike + 6 characters + Sidekiq
    ("年收入百万美元", 7),
    ("Mike explains how Active Job plays into all of this for him.", 12),
    ("It’s been a crazy week of weather", 7),
    ("**Panelists**:: [[Jason Charnes]], [[Chris Oliver]], [[Andrew Mason]]", 7),
]

REAL_FORMAT_CASES: list[tuple[str, int]] = [
    ("don't stop", 2),
    ("Café crème", 2),
    ("Привет мир", 2),
    ("hello_world", 1),
    ("こんにちは", 5),
    ("- [ ] task one", 2),
    ("## Links\n\nSidekiq\n", 2),
]

NEGATIVE_CASES: list[str] = ["", "  \n\t ", "—, ... !!", "> ---"]

KNOWN_GAPS: list[tuple[str, int]] = [
    # Korean separates words with spaces, but every Hangul syllable counts as a word.
    ("안녕하세요 세계", 2),
    # A number with thousands separators counts as two words.
    ("1,000 dollars", 2),
]


@pytest.mark.parametrize(
    ("text", "count"),
    SEED_CASES + REAL_FORMAT_CASES,
    ids=[c[0][:40] for c in SEED_CASES + REAL_FORMAT_CASES],
)
def test_count_words(text: str, count: int) -> None:
    assert count_words(text) == count


@pytest.mark.parametrize("text", NEGATIVE_CASES, ids=NEGATIVE_CASES)
def test_count_words_none(text: str) -> None:
    assert count_words(text) == 0


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize(("text", "count"), KNOWN_GAPS, ids=[c[0] for c in KNOWN_GAPS])
def test_count_words_known_gaps(text: str, count: int) -> None:
    assert count_words(text) == count


# count_words takes a byte-table shortcut for Latin-1 text; it must count exactly what the
# word pattern counts (the pattern is written out here, not imported, so a change to either
# shows up as a failure).
_REFERENCE_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_REFERENCE_WORD = re.compile(rf"[^\W{_REFERENCE_CJK}_][^\W{_REFERENCE_CJK}]*(?:['’][a-z]+)?")
_REFERENCE_CJK_CHAR = re.compile(rf"[{_REFERENCE_CJK}]")


def _reference_count(text: str) -> int:
    return len(_REFERENCE_CJK_CHAR.findall(text)) + len(_REFERENCE_WORD.findall(text))


_PIECES = [*"ab Zé_'’\n\t-.,0129ßÿ×÷\xad", "don't", "x_y", "中文", "café", "naïve"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_count_words_shortcut_counts_what_the_pattern_counts(text: str) -> None:
    assert count_words(text) == _reference_count(text)


# detect_lang counts script characters and Latin words with byte tables when the sample
# allows it (Latin-1 text; Han as the only CJK script); it must decide what the plain patterns
# decide. The reference below is the algorithm written with patterns only.
_REFERENCE_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_REFERENCE_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_REFERENCE_KANA = re.compile(r"[\u3040-\u30ff]")
_REFERENCE_HANGUL = re.compile(r"[\uac00-\ud7af]")
_REFERENCE_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")
_FUNCTION_WORDS = {"the", "and", "of", "to", "a", "in", "is", "it", "that", "was", "we", "about"}


def _reference_lang(text: str) -> str | None:
    sample = _REFERENCE_URL.sub(" ", text[:20_000])
    han, kana = len(_REFERENCE_HAN.findall(sample)), len(_REFERENCE_KANA.findall(sample))
    hangul = len(_REFERENCE_HANGUL.findall(sample))
    found = _REFERENCE_LATIN.findall(sample)
    words = len(found)
    english = sum(1 for w in found if w.lower() in lang._ENGLISH)
    if kana >= 5 and kana * 5 >= han:
        return "ja"
    if hangul >= 5 and hangul >= han:
        return "ko"
    if han >= 5 and han >= words * 0.5:
        return "zh"
    if words >= 5 and english / words >= 0.04:
        return "en"
    return "zh" if han >= 5 else None


_LANG_PIECES = [
    *" \n,.-'_",
    *sorted(_FUNCTION_WORDS),
    "The",
    "AND",
    "ſ",  # Latin letters past U+00FF: a word goes on through them
    "İ",
    "café",
    "Ölçü",
    "Sidekiq",
    "2024",
    "中文",
    "开源软件的笔记",
    "こんにちは",
    "안녕",
    "Привет",
    "https://a.io/the/and",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_LANG_PIECES), max_size=60).map("".join))
def test_detect_lang_shortcuts_decide_what_the_patterns_decide(text: str) -> None:
    assert detect_lang(text) == _reference_lang(text)


def test_detect_lang_reads_english_past_the_first_step() -> None:
    # 3000 words with one English word in 20 after the first 2000 characters.
    text = "zzz " * 600 + ("the " + "qqq " * 19) * 120
    assert detect_lang(text) == _reference_lang(text) == "en"
