"""Money and growth figures in prose, lists and tables, English and Chinese: ``money`` and
``growth`` are the extractors; ``numerals``, ``words`` and ``patterns`` are the numbers,
reference words and regex pieces both use; ``context`` reads the words around a figure
(period, qualifier, metric), ``subjects`` whom it is about, ``blocks`` the period a list's
or table's heading gives, ``tables`` a Markdown table's cells and headers, and
``change_columns`` the change columns of metric tables; ``label_scan`` finds metric words.

Tables: money_mentions, growth_mentions
Cases: tests/unit/transforms/figures/test_money.py, tests/unit/transforms/figures/test_growth.py
Read by: views/coverage, views/growth_by_subject, views/latest_revenue, views/revenue_timeline,
    marts/note_facts, marts/revenue_facts, checks/annualized_matches_period,
    checks/child_rows_have_notes, checks/keys_unique, checks/values_in_their_sets
"""
