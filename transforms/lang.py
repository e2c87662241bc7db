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
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
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


def detect_lang(text: str) -> str | None:
    """``zh``, ``ja``, ``ko``, ``en``, or None when the text says too little."""
    sample = _URL.sub(" ", text[:_SAMPLE])  # the words of a URL are not prose
    han = len(_HAN.findall(sample))
    kana = len(_KANA.findall(sample))
    hangul = len(_HANGUL.findall(sample))
    words = [w.lower() for w in _LATIN_WORD.findall(sample)]
    if kana >= 5 and kana * 5 >= han:
        return "ja"
    if hangul >= 5 and hangul >= han:
        return "ko"
    if han >= 5 and han >= len(words) * 0.5:
        return "zh"
    if len(words) >= 5:
        english = sum(1 for w in words if w in _ENGLISH)
        if english / len(words) >= 0.04:
            return "en"
    return "zh" if han >= 5 else None


def count_words(text: str) -> int:
    """Words in the text, each CJK character counting as one."""
    return len(_CJK_CHAR.findall(text)) + len(_OTHER_WORD.findall(text))
