"""Dates and durations in every way notes write them (``dates``, ``durations``), with their
word lists (``date_words``, ``duration_units``); a date in a web address (``url_dates``).

Tables: notes (note_date, created_at, updated_at), episodes (published_date, duration_seconds)
Cases: tests/unit/transforms/time/test_dates.py, tests/unit/transforms/time/test_durations.py,
    tests/unit/transforms/time/test_url_dates.py
"""
