"""Text every extractor reads: bytes decoded to text (``decode``), Markdown structure
shared by all extractors — code masking, lines, headings (``markdown``) — and the note's
language and word count (``lang``).

Tables: notes (encoding, lang, word_count)
Cases: tests/unit/transforms/text/test_decode.py, tests/unit/transforms/text/test_markdown.py,
    tests/unit/transforms/text/test_lang.py
"""
