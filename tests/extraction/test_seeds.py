"""The five seed articles scored against GOLD.json with the project's scorer."""

import json
import subprocess
import sys
from pathlib import Path

from .score_set import record

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seed" / "raw"
GOLD = SEEDS.parent / "GOLD.json"
SCORER = Path(__file__).parent / "tools" / "score_extraction.py"


def test_it_scores_the_seeds_above_target(tmp_path):
    records = [record(p.read_text(encoding="utf-8"), p.name) for p in sorted(SEEDS.glob("*.txt"))]
    out = tmp_path / "out.json"
    out.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), str(out), "--min-f1", "0.9"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "dates 1.00" in run.stdout
