"""The five seed articles scored against GOLD.json with the project's scorer."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archive.extraction import extract

SEEDS = Path("/work/shared/seeds")
SCORER = Path("/work/shared/tools/score_extraction.py")


@pytest.mark.skipif(not (SEEDS / "GOLD.json").exists() or not SCORER.exists(), reason="seeds not available here")
def test_it_scores_the_seeds_above_target(tmp_path):
    records = [
        extract(p.read_text(encoding="utf-8"), filename=p.name).as_record(p.name) for p in sorted(SEEDS.glob("*.txt"))
    ]
    out = tmp_path / "out.json"
    out.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(SCORER), str(SEEDS / "GOLD.json"), str(out), "--min-f1", "0.9"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "dates 1.00" in run.stdout
