"""Score a folder of articles against its gold with the project's scorer (strict status).

Run: .venv/bin/python tests/extraction/score_set.py GOLD.json [TEXT_DIR]
TEXT_DIR defaults to the gold file's folder; the records go to a temporary file.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCORER = Path(__file__).parent / "tools" / "score_extraction.py"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def records(gold: Path, texts: Path) -> list[dict]:
    from archive.extraction import extract

    names = [k for k in json.loads(gold.read_text(encoding="utf-8")) if not k.startswith("_")]
    return [extract((texts / n).read_text(encoding="utf-8"), filename=n).as_record(n) for n in names]


def score(gold: Path, texts: Path, *extra: str) -> subprocess.CompletedProcess:
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as out:
        json.dump(records(gold, texts), out, ensure_ascii=False)
    try:
        return subprocess.run(
            [sys.executable, str(SCORER), str(gold), out.name, "--strict", *extra], capture_output=True, text=True
        )
    finally:
        Path(out.name).unlink()


if __name__ == "__main__":
    gold = Path(sys.argv[1])
    run = score(gold, Path(sys.argv[2]) if len(sys.argv) > 2 else gold.parent)
    print(run.stdout + run.stderr, end="")
