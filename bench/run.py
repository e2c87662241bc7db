"""``make bench``: ``notehouse build`` on generated vaults next to the read floor.

For each size: generate the vault if missing, read every file's bytes (the read
floor), run a full build from the command line on a fresh warehouse, read the
floor again, count rows per table, re-run with nothing changed and with 1 % of
the notes edited (put back afterwards). Before the sizes, the fixed cost: an
empty vault built on a temporary Prefect server in a fresh, temporary Prefect
home, then once against ``notehouse server start`` in that home; the server stays up
for every later build and is stopped at the end. A size whose full build would take
longer than ``--budget-minutes`` is projected, not run.

    python -m bench.run                       # 1k and 10k
    python -m bench.run --sizes 1000,10000,100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench import _measure, _report
from bench.generate import BROKEN_SHARE, DEFAULT_SEED, GENERATOR_VERSION, write_vault
from pipelines import python_sources

ROOT = Path(__file__).resolve().parent.parent
VAULTS = ROOT / "bench" / "vaults"
RESULTS = ROOT / "bench" / "results"
EDIT_SHARE = 0.01
FLOOR_PASSES_BEFORE = 2  # the floor is the fastest of these and one pass after the build
TIMEOUT_FACTOR = 1.5  # a running build is stopped at 1.5 × the budget
FIXED_RUNS = 3  # empty-vault builds per fixed-cost figure; the median is reported


def vault_name(notes: int) -> str:
    """``1000`` → ``1k``; other counts keep their digits.

    >>> vault_name(1000), vault_name(100_000), vault_name(1500)
    ('1k', '100k', '1500')
    """
    return f"{notes // 1000}k" if notes and notes % 1000 == 0 else str(notes)


def ensure_vault(notes: int, seed: int) -> tuple[Path, dict[str, Any]]:
    """The generated vault of ``notes`` notes, written now unless its manifest matches."""
    vault = VAULTS / vault_name(notes)
    manifest_path = vault.with_name(vault.name + ".json")
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text())
        wanted = {"notes": notes, "seed": seed, "generator_version": GENERATOR_VERSION}
        if all(manifest.get(k) == v for k, v in wanted.items()) and vault.is_dir():
            return vault, manifest
    print(f"generating {vault.relative_to(ROOT)} ({notes:,} notes) ...", flush=True)
    return vault, write_vault(vault, notes, seed, BROKEN_SHARE, jobs=os.cpu_count() or 1)


def code_digest() -> str:
    """A digest of the code the build's reuse decision depends on (transforms and SQL).

    A re-run after this changes parses every note again, so the bench records it.
    """
    digest = hashlib.sha256()
    for path in python_sources("transforms") + sorted((ROOT / "sql").rglob("*.sql")):
        digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def _env(prefect_home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PREFECT_HOME"] = str(prefect_home)
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    env["PREFECT_LOGGING_LOGGERS_PREFECT_FLOW_RUNS_LEVEL"] = "INFO"  # the stage-seconds line
    env["PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL"] = "INFO"
    return env


class Bench:
    """One bench run: the command line, the environment and the budget shared by every build."""

    def __init__(self, scratch: Path, budget_s: float) -> None:
        self.notehouse = str(Path(sys.executable).with_name("notehouse"))
        self.env = _env(scratch / "prefect-home")
        self.scratch = scratch
        self.budget_s = budget_s

    def build(self, vault: Path, warehouse: Path) -> _measure.Build:
        command = [self.notehouse, "build", str(vault), "--warehouse", str(warehouse)]
        built = _measure.run_build(
            [*command, "--progress", "none"], self.env, self.budget_s * TIMEOUT_FACTOR
        )
        status = "ok" if built.ok else f"FAILED (exit {built.exit_code})"
        print(f"    build {vault.name}: {built.wall_seconds:.1f} s, {status}", flush=True)
        if not built.ok:
            print(built.error_tail[-600:], file=sys.stderr)
        return built

    def fixed_cost(self) -> dict[str, Any]:
        """An empty vault: first in a fresh Prefect home (the cold start), then the median of
        ``FIXED_RUNS`` builds on a temporary Prefect server, then, after ``notehouse server
        start`` and one build that lets it register the flow, the median of ``FIXED_RUNS``
        builds against it. The server stays up for every later build of the bench
        (``stop_server`` stops it)."""
        empty = self.scratch / "empty-vault"
        empty.mkdir()
        print(f"fixed cost: an empty vault, {FIXED_RUNS} × on a temporary, then on a local server")
        cold = self.build(empty, self.scratch / "empty-cold")
        temporary = self._median(empty, "empty-temporary")
        self._server("start")
        first = self.build(empty, self.scratch / "empty-server-first")
        server = self._median(empty, "empty-server")
        return {
            "cold": asdict(cold),
            "temporary": temporary,
            "server_first": asdict(first),
            "server": server,
        }

    def _median(self, vault: Path, name: str) -> dict[str, Any]:
        """The build of median wall time of ``FIXED_RUNS``, with every run's seconds."""
        runs = [asdict(self.build(vault, self.scratch / f"{name}-{k}")) for k in range(FIXED_RUNS)]
        runs.sort(key=lambda b: b["wall_seconds"])
        return {**runs[len(runs) // 2], "runs_seconds": [b["wall_seconds"] for b in runs]}

    def _server(self, action: str) -> None:
        done = subprocess.run(
            [self.notehouse, "server", action], env=self.env, capture_output=True, text=True
        )
        print(f"    notehouse server {action}: {done.stdout.strip() or done.stderr.strip()}")
        if action == "start" and done.returncode != 0:  # else the "server" figures would lie
            raise RuntimeError("notehouse server start failed; see the line above")

    def stop_server(self) -> None:
        self._server("stop")

    def measure(self, notes: int, seed: int) -> dict[str, Any]:
        vault, manifest = ensure_vault(notes, seed)
        print(f"{vault_name(notes)}: {vault.relative_to(ROOT)}", flush=True)
        warehouse = self.scratch / f"warehouse-{vault_name(notes)}"
        floors = [_measure.read_floor(vault) for _ in range(FLOOR_PASSES_BEFORE)]
        digests = [code_digest()]
        full = self.build(vault, warehouse)
        floors.append(_measure.read_floor(vault))
        floor = min(floors, key=lambda f: f.seconds)
        rows = _measure.table_rows(warehouse / "notehouse.duckdb") if full.ok else {}
        unchanged = edited = full
        originals: dict[Path, bytes] = {}
        if full.ok:
            digests.append(code_digest())
            unchanged = self.build(vault, warehouse)
            digests.append(code_digest())
            broken = {p for paths in manifest["broken"].values() for p in paths}
            originals = _measure.edit_notes(vault, broken, EDIT_SHARE)
            try:
                edited = self.build(vault, warehouse)
            finally:
                _measure.restore_notes(originals)
        shutil.rmtree(warehouse, ignore_errors=True)
        if len(set(digests)) > 1:
            print(
                "    warning: transforms/ or sql/ changed between these builds; a re-run "
                "after such a change parses every note again",
                flush=True,
            )
        return {
            "code_digests": digests,
            "name": vault_name(notes),
            "notes": notes,
            "bytes": manifest["bytes"],
            "kinds": manifest["kinds"],
            "floor": _floor(floor, notes),
            "floor_passes_seconds": [f.seconds for f in floors],
            "full": _throughput(asdict(full), notes, manifest["bytes"], floor.seconds),
            "rows": rows,
            "unchanged": asdict(unchanged),
            "edited": {**asdict(edited), "notes_edited": len(originals)},
        }


def _floor(floor: _measure.Floor, notes: int) -> dict[str, Any]:
    return {
        **asdict(floor),
        "notes_per_s": notes / floor.seconds,
        "mb_per_s": floor.bytes / 1e6 / floor.seconds,
    }


def _throughput(build: dict[str, Any], notes: int, size: int, floor_s: float) -> dict[str, Any]:
    wall = build["wall_seconds"]
    return {
        **build,
        "notes_per_s": notes / wall,
        "mb_per_s": size / 1e6 / wall,
        "speed_ratio": floor_s / wall,  # build throughput ÷ read-floor throughput
    }


def project(
    base: dict[str, Any], notes: int, fixed: dict[str, Any], floor: _measure.Floor, size: int
) -> dict[str, Any]:
    """Builds not run, projected linearly from a measured size: fixed cost + k × the rest.

    The read floor is measured for real on the generated vault.
    """
    k = notes / base["notes"]

    def scale(build: dict[str, Any]) -> dict[str, Any]:
        wall, rss = fixed["wall_seconds"], fixed["peak_rss_mb"]
        return {
            **build,
            "wall_seconds": wall + (build["wall_seconds"] - wall) * k,
            "peak_rss_mb": rss + (build["peak_rss_mb"] - rss) * k,
            "stages": {name: v * k for name, v in build["stages"].items()},
            **{n: round(build[n] * k) for n in ("files_parsed", "files_reused") if build.get(n)},
        }

    return {
        "name": vault_name(notes),
        "notes": notes,
        "bytes": size,
        "projected": True,
        "projected_from": base["name"],
        "floor": _floor(floor, notes),
        "full": _throughput(scale(base["full"]), notes, size, floor.seconds),
        "rows": {name: int(v * k) for name, v in base["rows"].items()},
        "unchanged": scale(base["unchanged"]),
        "edited": scale(base["edited"]),
    }


def _machine() -> dict[str, Any]:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip()

    meminfo = Path("/proc/meminfo")
    first = meminfo.read_text().split("\n", 1)[0] if meminfo.exists() else ""
    kb = int(first.split()[1]) if first else 0
    return {
        "nproc": os.cpu_count(),
        "memory": f"{kb / 1024 / 1024:.0f} GiB RAM" if kb else "unknown RAM",
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": git("rev-parse", "--short", "HEAD") or "unknown",
        "dirty": bool(git("status", "--porcelain")),
        "prefect_api_url": os.environ.get("PREFECT_API_URL", ""),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes", default="1000,10000", help="vault sizes in notes, comma-separated (1000,10000)"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed (9)")
    parser.add_argument(
        "--budget-minutes",
        type=float,
        default=15.0,
        help="project, rather than run, a size whose full build would take longer (15)",
    )
    return parser.parse_args(argv)


def _should_project(done: list[dict[str, Any]], notes: int, fixed_s: float, budget: float) -> bool:
    measured = [s for s in done if not s.get("projected")]
    if not measured:
        return False
    base = measured[-1]
    guess = fixed_s + (base["full"]["wall_seconds"] - fixed_s) * notes / base["notes"]
    if guess > budget:
        print(
            f"{vault_name(notes)}: a full build would take about {guess / 60:.0f} min, "
            f"over the {budget / 60:.0f} min budget: projected from {base['name']}"
        )
        return True
    return False


def run(sizes: list[int], seed: int, budget_s: float) -> dict[str, Any]:
    """Measure every size; return the whole record."""
    machine = _machine()
    with tempfile.TemporaryDirectory(prefix="notehouse-bench-") as tmp:
        bench = Bench(Path(tmp), budget_s)
        try:
            fixed = bench.fixed_cost()
            done = _measure_sizes(bench, fixed, sizes, seed)
        finally:
            bench.stop_server()
    machine["load_average_1min_after"] = round(os.getloadavg()[0], 2)
    name = "bench-" + "-".join(vault_name(n) for n in sizes)
    return {
        "recorded_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": "make bench SIZES=" + ",".join(str(n) for n in sizes),
        "json": f"bench/results/{name}.json",
        "machine": machine,
        "seed": seed,
        "fixed": fixed,
        "sizes": done,
    }


def _measure_sizes(
    bench: Bench, fixed: dict[str, Any], sizes: list[int], seed: int
) -> list[dict[str, Any]]:
    fixed_s = fixed["server"]["wall_seconds"]
    done: list[dict[str, Any]] = []
    for notes in sizes:
        if _should_project(done, notes, fixed_s, bench.budget_s):
            base = [s for s in done if not s.get("projected")][-1]
            vault, manifest = ensure_vault(notes, seed)
            floor = min((_measure.read_floor(vault) for _ in range(3)), key=lambda f: f.seconds)
            done.append(project(base, notes, fixed["server"], floor, manifest["bytes"]))
        else:
            done.append(bench.measure(notes, seed))
        _print_size(done[-1])
    return done


def _print_size(s: dict[str, Any]) -> None:
    full, floor = s["full"], s["floor"]
    stages = ", ".join(f"{k} {v:.2f} s" for k, v in full["stages"].items()) or "no stage log"
    print(
        f"  {s['name']}{' (projected)' if s.get('projected') else ''}: "
        f"floor {floor['seconds']:.3f} s ({floor['notes_per_s']:,.0f} notes/s, "
        f"{floor['mb_per_s']:,.0f} MB/s) | build {full['wall_seconds']:.1f} s "
        f"({full['notes_per_s']:,.1f} notes/s, {full['mb_per_s']:.2f} MB/s) | "
        f"build ÷ floor {full['speed_ratio']:.5f} | peak RSS {full['peak_rss_mb']:,.0f} MB\n"
        f"    stages: {stages}\n"
        f"    re-run unchanged {s['unchanged']['wall_seconds']:.1f} s "
        f"({s['unchanged'].get('files_parsed')} files parsed), "
        f"1 % edited {s['edited']['wall_seconds']:.1f} s "
        f"({s['edited'].get('files_parsed')} files parsed)\n"
        f"    rows: {', '.join(f'{k} {v:,}' for k, v in s['rows'].items())}",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    sizes = sorted({int(x) for x in args.sizes.split(",") if x.strip()})
    result = run(sizes, args.seed, args.budget_minutes * 60)
    targets = _report.check_targets(result["fixed"], result["sizes"])
    result["targets"] = [asdict(t) for t in targets]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (ROOT / result["json"]).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    table = _report.markdown(result, targets)
    (RESULTS / "latest.md").write_text(table)
    print("\n" + table)
    print("targets of issue #9:")
    print("\n".join(_report.target_lines(targets)))
    failed_builds = [
        s["name"] for s in result["sizes"] if not s.get("projected") and s["full"]["exit_code"]
    ]
    return 1 if failed_builds else 0


if __name__ == "__main__":
    raise SystemExit(main())
