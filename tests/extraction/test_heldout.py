"""Held-out scoring: the articles in heldout/gold.json, scored with the project's scorer (F1 >= 0.85)."""

import json
import subprocess
import sys
from pathlib import Path

from .score_set import record

HERE = Path(__file__).parent
GOLD = HERE / "heldout" / "gold.json"
ARTICLES = HERE / "articles"
SCORER = HERE / "tools" / "score_extraction.py"


def _records() -> list[dict]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    names = [k for k in gold if not k.startswith("_")]
    return [record((ARTICLES / n).read_text(encoding="utf-8"), n) for n in names]


def test_it_has_a_text_for_every_heldout_record():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert all((ARTICLES / n).exists() for n in gold if not n.startswith("_"))


def test_it_scores_the_heldout_articles_above_target(tmp_path):
    out = tmp_path / "out.json"
    out.write_text(json.dumps(_records(), ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), str(out), "--min-f1", "0.85"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
