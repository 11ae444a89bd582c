"""python -m budget check FILE [--json]: report, JSON and exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_cli

ROOT = Path(__file__).resolve().parents[3]


def check(*args: str) -> subprocess.CompletedProcess:
    return run_cli("check", *args)


def check_process(*args: str) -> subprocess.CompletedProcess:
    """The CLI in a new Python process: the exit status and stderr the shell sees."""
    return subprocess.run(
        [sys.executable, "-m", "budget", "check", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_check_seed_json_exit_1_on_errors():
    done = check(str(FIXTURES / "seed.docx"), "--json")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert data["summary"]["error"] == 3
    assert any(f["rule"] == "TEXT-ASSETS" and f["difference"] == "-18.47" for f in data["findings"])


def test_check_seed_readable_report():
    done = check(str(FIXTURES / "seed.txt"))
    assert done.returncode == 1
    assert "【错误】" in done.stdout and "TEXT-ASSETS" in done.stdout


@pytest.mark.slow  # the CLI in a new Python process
def test_check_unreadable_input_exit_2(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    done = check_process(str(bad))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr and done.stderr.strip()
