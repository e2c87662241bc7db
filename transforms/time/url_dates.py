"""The date a web address carries in its path: ``https://site/2023/05/12/slug``.

Blogs and news sites put the publication day in the path of a post's address, as
``/2023/05/12/``, ``/2023-05-12-slug`` or ``/slug-20230512.html``. Only the path counts (a
date in the host or the query string is not the page's day), the year must be 1900–2199
and the day must exist; ``/2023/05/`` (no day) and a longer run of digits are not dates.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

_SEPARATED = re.compile(
    r"(?<![0-9A-Za-z])(?P<y>(?:19|20|21)\d\d)(?P<sep>[/_-])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)"
    r"(?![0-9])"
)
_COMPACT = re.compile(
    r"(?<![0-9A-Za-z])(?P<y>(?:19|20|21)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![0-9])"
)


def parse_url_date(url: str) -> dt.date | None:
    """The day written in an http(s) address's path, or None.

    >>> parse_url_date("https://blog.example/2023/05/12/slow-month/")
    datetime.date(2023, 5, 12)
    >>> parse_url_date("https://notes.example/share/tidy-desk-20260731.html")
    datetime.date(2026, 7, 31)
    >>> parse_url_date("https://blog.example/2023/05/"), parse_url_date("https://x.example/?d=2023-05-12")
    (None, None)
    """
    if not isinstance(url, str):
        return None
    text = url.strip().strip("<>")
    if not text.lower().startswith(("http://", "https://")):
        return None
    try:
        path = urlsplit(text).path
    except ValueError:
        return None
    for shape in (_SEPARATED, _COMPACT):
        for m in shape.finditer(path):
            try:
                return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
    return None
