"""One lookup over a note's properties: front matter, inline ``Key::`` fields, body lines.

That order is the precedence: a key written in front matter wins over the same key as a
Dataview inline field, which wins over a ``Key: value`` body line (``properties.body``).

>>> props = Properties({"Title": "Ep 1", "params": {"duration": "41:08"}}, {"Title": 2}, [])
>>> props.first("title").text, props.first("title").line
('Ep 1', 2)
>>> props.first("duration").text
'41:08'
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from transforms.properties.fields import Field, normalize_key

# Front-matter tables whose keys are also looked up bare (Hugo's [params], Zola's [extra]
# and [taxonomies], where a Zola site keeps its tags, categories and authors).
_CONTAINERS = ("params", "extra", "taxonomies", "podcast", "episode")


@dataclass(frozen=True)
class Prop:
    key: str
    value: object
    source: str
    line: int | None

    @functools.cached_property  # read by most lookups; kept in the instance's __dict__
    def text(self) -> str:
        """The value as text; lists joined with ', ', dates in ISO form."""
        return _as_text(self.value)


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(_as_text(v) for v in value)
    return "" if value is None else str(value).strip()


class Properties:
    """Front-matter values keyed by normalised key, then inline fields."""

    def __init__(
        self,
        metadata: Mapping[str, object],
        key_lines: Mapping[str, int],
        inline: Sequence[Field],
        nested_lines: Mapping[str, int] | None = None,
    ) -> None:
        """``key_lines`` and ``nested_lines`` are ``FrontMatter``'s: a key of a container
        gets its own line where known, else the container's."""
        nested = nested_lines or {}
        self._props: dict[str, list[Prop]] = {}
        for raw_key, value in metadata.items():
            line = key_lines.get(str(raw_key))
            key = normalize_key(str(raw_key))
            self._add(key, value, "frontmatter", line)
            if key in _CONTAINERS and isinstance(value, Mapping):
                for sub_key, sub_value in value.items():
                    sub = normalize_key(str(sub_key))
                    at = nested.get(f"{raw_key}.{sub_key}", line)
                    self._add(f"{key}.{sub}", sub_value, "frontmatter", at)
                    self._add(sub, sub_value, "frontmatter", at)
        for field in inline:  # inline rows first, then body rows: the caller passes them so
            self._add(field.key, field.value, field.source, field.line)

    def _add(self, key: str, value: object, source: str, line: int | None) -> None:
        self._props.setdefault(key, []).append(Prop(key, value, source, line))

    def first(self, *keys: str) -> Prop | None:
        """The first non-empty property among ``keys``, in the order given."""
        props = self._props
        for key in keys:
            if key in props:  # most keys asked for are absent
                for prop in props[key]:
                    if prop.text:
                        return prop
        return None

    def all(self, key: str) -> list[Prop]:
        """Every non-empty property under ``key``."""
        if key not in self._props:
            return []
        return [p for p in self._props[key] if p.text]

    def names(self) -> list[str]:
        return list(self._props)
