"""The bench generator: same seed → same bytes, and the broken files it promises.

Speed is measured by ``make bench``, never asserted here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.generate import BROKEN_KINDS, broken_plan, main, write_vault
from transforms.note import parse_note

NOTES = 50


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("bench") / "vault"
    return out, write_vault(out, NOTES, seed=7, share=0.12)


def test_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    assert main(["--notes", str(NOTES), "--out", str(tmp_path / "a"), "--jobs", "2"]) == 0
    assert main(["--notes", str(NOTES), "--out", str(tmp_path / "b"), "--jobs", "1"]) == 0
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert len(first) == NOTES
    assert first == second
    manifests = [json.loads((tmp_path / f"{n}.json").read_text()) for n in ("a", "b")]
    assert manifests[0] == manifests[1]


def test_another_seed_gives_other_notes(tmp_path: Path) -> None:
    write_vault(tmp_path / "a", NOTES, seed=1)
    write_vault(tmp_path / "b", NOTES, seed=2)
    assert _files(tmp_path / "a") != _files(tmp_path / "b")


def test_notes_are_about_9_kb_in_nested_folders(vault: tuple[Path, dict[str, Any]]) -> None:
    root, manifest = vault
    files = _files(root)
    good = [d for d in files.values() if len(d) > 0]
    assert 6_000 < sum(len(d) for d in good) / len(good) < 12_000
    assert all(path.count("/") >= 2 for path in files)
    assert set(manifest["kinds"]) == {"episode", "profile", "zh_profile", "note"}


@pytest.mark.parametrize(("notes", "broken"), [(100, 1), (1_000, 10), (10_000, 100), (50, 1)])
def test_about_one_percent_of_the_files_are_broken(notes: int, broken: int) -> None:
    assert len(broken_plan(notes)) == broken


def test_a_generated_vault_has_its_broken_share(tmp_path: Path) -> None:
    manifest = write_vault(tmp_path / "v", 200)
    broken = [p for paths in manifest["broken"].values() for p in paths]
    assert len(broken) == 2 and len(_files(tmp_path / "v")) == 200


def test_each_kind_of_broken_file_is_broken(vault: tuple[Path, dict[str, Any]]) -> None:
    root, manifest = vault
    broken: dict[str, list[str]] = manifest["broken"]
    assert sorted(broken) == sorted(BROKEN_KINDS)
    assert all(len(paths) == 1 for paths in broken.values())
    data = {kind: (root / paths[0]).read_bytes() for kind, paths in broken.items()}
    assert data["empty"] == b""
    assert b"\x00" in data["binary"]
    assert data["bom"].startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data["crlf"] and b"\n" not in data["crlf"].replace(b"\r\n", b"")
    with pytest.raises(UnicodeDecodeError):
        data["gbk"].decode("utf-8")
    assert "人物故事" in data["gbk"].decode("gbk")
    front = data["bad_yaml"].decode().split("---\n")[1]
    with pytest.raises(yaml.YAMLError):
        yaml.safe_load(front)


def test_notehouse_reports_the_broken_files(vault: tuple[Path, dict[str, Any]]) -> None:
    root, manifest = vault
    broken: dict[str, list[str]] = manifest["broken"]
    binary = parse_note(broken["binary"][0], (root / broken["binary"][0]).read_bytes())
    assert not binary.loaded and [i.severity for i in binary.issues] == ["error"]
    bad = parse_note(broken["bad_yaml"][0], (root / broken["bad_yaml"][0]).read_bytes())
    assert bad.loaded and any(i.severity == "warning" for i in bad.issues)


def test_profile_plain_parses_the_sample_and_nothing_else(
    vault: tuple[Path, dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    from bench.profile import main as profile

    root, _ = vault
    assert profile([str(root), "--every", "5", "--plain"]) == 0
    assert capsys.readouterr().out == f"{NOTES // 5} notes parsed\n"
    assert profile([str(root), "--every", "5", "--plain", "--limit", "0"]) == 0
    assert capsys.readouterr().out == "0 notes parsed\n"
