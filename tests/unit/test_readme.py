"""The README is the user's manual: it opens with the two commands and documents every command."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipelines.cli import _parser

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    parser = _parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(sub.choices)


def test_readme_opens_with_run_and_test() -> None:
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_every_cli_command_is_documented() -> None:
    commands = _commands()
    assert {"build", "query", "check", "config"} <= set(commands)
    missing = [c for c in commands if f"`notehouse {c}" not in README]
    assert missing == []


def test_every_build_flag_is_documented() -> None:
    parser = _parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    flags = [
        opt
        for action in sub.choices["build"]._actions
        for opt in action.option_strings
        if opt.startswith("--") and opt != "--help"
    ]
    assert [f for f in flags if f not in README] == []


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
