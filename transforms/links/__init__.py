"""Links: external links and wikilinks in a note's Markdown (``extract``, with ``spans``) and
the keys other notes' wikilinks resolve to (``vault``); targets resolve across notes in
``sql/link/wikilink_targets.sql``.

Tables: links, wikilinks, note_keys
Cases: tests/unit/transforms/links/test_links.py, tests/unit/transforms/links/test_vault.py
Read by: views/link_domains_by_year, marts/note_facts, checks/child_rows_have_notes,
    checks/references_resolve, link/mentioned_appearances, link/reset, link/wikilink_targets
"""
