"""A note's properties and what they say about the note: front matter in YAML, TOML or JSON
(``frontmatter``, ``yaml_frontmatter``), property rows from front matter and inline fields
(``fields``) and ``Key: value`` lines of the body (``body``), one lookup over all of them
(``lookup``), tags, the note's title (``note_titles``) and dates (``note_facts``), and its
kind from all the evidence (``classify``, with ``_kind_words``).

Tables: fields, tags, aliases, notes (kind, kind_reason, title, title_source, title_line,
    note_date, note_date_source, note_date_line, note_date_text, created_at, updated_at)
Cases: tests/unit/transforms/properties/test_frontmatter.py,
    tests/unit/transforms/properties/test_fields.py,
    tests/unit/transforms/properties/test_lookup.py,
    tests/unit/transforms/properties/test_tags.py,
    tests/unit/transforms/properties/test_note_facts.py,
    tests/unit/transforms/properties/test_note_date_sources.py,
    tests/unit/transforms/properties/test_note_titles.py,
    tests/unit/transforms/properties/test_body.py,
    tests/unit/transforms/properties/test_classify.py
Read by: views/tags_by_year, marts/note_facts, checks/child_rows_have_notes,
    checks/keys_unique, checks/values_in_their_sets
"""
