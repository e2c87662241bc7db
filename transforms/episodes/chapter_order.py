"""The order of a chapter list: which of its starts ascend.

A list written out of order keeps the longest ascending run of its starts as chapters; the
rows outside it are reported (``chapters._order_issue``).

>>> sorted(ascending_indexes([0, 60, 30, 120, 120, 300]))
[0, 2, 3, 5]
"""

from __future__ import annotations

import bisect


def ascending_indexes(starts: list[int]) -> frozenset[int]:
    """Indexes of one longest strictly ascending subsequence of ``starts``."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(starts)
    for i, start in enumerate(starts):
        k = bisect.bisect_left(tails, start)
        if k < len(tails) and tails[k] == start:
            continue  # a repeated start: keep the first one ascending
        if k == len(tails):
            tails.append(start)
            tail_index.append(i)
        else:
            tails[k] = start
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k else -1
    chosen: list[int] = []
    i = tail_index[-1] if tail_index else -1
    while i != -1:
        chosen.append(i)
        i = previous[i]
    return frozenset(chosen)
