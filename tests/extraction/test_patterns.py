"""Issue 10 pattern sets scored with the project's scorer, status strict.

patterns/ holds one invented article per pattern found in real news (several meetings in one article, verbs
other than "met", planned and cancelled meetings, name boundaries, dates); patterns_heldout/ words the same
patterns differently and is never tuned on. patterns_ru/ and patterns_tr/ hold Russian and Turkish articles with
the common wordings, heldout_ru_tr/ their held-out counterpart; they are measured separately. blind/ holds pages
written blind after real news, page furniture included (see SETS). Gold was written before the extractor ran.
"""

import json
from pathlib import Path

import pytest

from .score_set import score

HERE = Path(__file__).parent
SETS = {
    "patterns": "0.95",
    "patterns_heldout": "0.85",
    "patterns_ru": "0.85",
    "patterns_tr": "0.85",
    "heldout_ru_tr": "0.75",
    # Written blind (by writers who saw neither the code nor its output) after real pages, with their
    # boilerplate. heldout_1 was scored once before any rule was changed for it, then tuned on; heldout_2
    # and heldout_3 have only been scored, never tuned on: keep them so, or write new ones, to measure
    # generalisation honestly.
    # The floors sit under today's weakest figure of each set: they guard against regressions.
    "blind/en_gov": "0.70",
    "blind/en_news": "0.80",
    "blind/sr": "0.60",
    "blind/ru_tr_other": "0.45",
    "blind/heldout_1": "0.70",
    "blind/heldout_2": "0.70",
    "blind/heldout_3": "0.70",
}


@pytest.mark.parametrize("folder", sorted(SETS))
def test_it_has_a_text_for_every_pattern_record(folder):
    gold = json.loads((HERE / folder / "gold.json").read_text(encoding="utf-8"))
    names = [n for n in gold if not n.startswith("_")]
    assert names and all((HERE / folder / n).exists() for n in names)
    assert {p.name for p in (HERE / folder).glob("*.txt")} == set(names)


@pytest.mark.parametrize("folder", sorted(SETS))
def test_it_scores_the_pattern_articles_above_target(folder):
    gold = HERE / folder / "gold.json"
    run = score(gold, gold.parent, "--min-f1", SETS[folder])
    assert run.returncode == 0, run.stdout + run.stderr
