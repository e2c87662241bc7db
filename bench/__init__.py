"""The benchmark: a deterministic vault generator (``bench.generate``) and ``make bench``."""
