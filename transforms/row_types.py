"""The row classes, one per table a note's extractors fill with dataclasses, and the few
columns that ``parse_note`` or the cross-note SQL fill after them.

Every row class is built by keyword (``kw_only``), and its fields are its table's columns in
``transforms.schema`` less ``note_id`` and less the columns named in ``FILLED_LATER``
(``tests/unit/transforms/test_row_types.py`` checks both), so a column added to a schema
without its extractor, or an attribute no table stores, fails a test rather than becoming a
silent NULL.
"""

from __future__ import annotations

from transforms.episodes.chapters import Chapter
from transforms.episodes.episode import EpisodeFacts
from transforms.figures.growth import GrowthMention
from transforms.figures.money import MoneyMention
from transforms.links.extract import Link, WikiLink
from transforms.properties.fields import Field
from transforms.properties.tags import Tag

ROW_TYPES: dict[str, type] = {
    "fields": Field,
    "tags": Tag,
    "episodes": EpisodeFacts,
    "chapters": Chapter,
    "links": Link,
    "wikilinks": WikiLink,
    "money_mentions": MoneyMention,
    "growth_mentions": GrowthMention,
}

# Columns not on the row class: the link's normalised target (``parse_note``, from the
# linking note's folder) and its resolved note (``sql/link/wikilink_targets.sql``).
FILLED_LATER: dict[str, frozenset[str]] = {
    "wikilinks": frozenset({"target_key", "target_note_id"}),
}
