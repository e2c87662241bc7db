"""``python -m bench.profile`` finds every extractor it names in the profile, wherever the
package layout puts its module."""

from __future__ import annotations

import cProfile
import pstats

from bench.profile import EXTRACTORS, extractor_seconds, parse_all, sample
from tests.conftest import EXAMPLE_VAULT


def test_every_extractor_is_found_in_a_profile() -> None:
    notes = sample(EXAMPLE_VAULT / "podcast", 1) + sample(EXAMPLE_VAULT / "founders", 1)
    profiler = cProfile.Profile()
    profiler.runcall(parse_all, notes)
    found = {label for label, _, calls in extractor_seconds(pstats.Stats(profiler)) if calls}
    assert found == {label for label, _ in EXTRACTORS}
