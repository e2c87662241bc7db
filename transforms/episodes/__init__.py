"""Episode notes: the ``episodes`` row read from a note's properties (``episode``) and the
chapter list read from its front matter (``chapter_fields``) or body (``chapters``, with
``chapter_lines``, ``chapter_words`` and ``chapter_order``; ``chapter_clock`` tells clock
times from positions).

Tables: episodes, chapters
Cases: tests/unit/transforms/episodes/test_episode.py,
    tests/unit/transforms/episodes/test_chapters.py
Read by: views/chapter_position_stats, views/chapter_positions, views/co_appearances,
    views/coverage, views/episode_detail, views/episodes_per_year, marts/episode_facts,
    checks/chapter_lengths_add_up, checks/chapters_in_order, checks/child_rows_have_notes,
    checks/keys_unique
"""
