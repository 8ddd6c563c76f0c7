"""Score a folder of articles against its gold with the project's scorer (strict status).

Run: .venv/bin/python tests/extraction/score_set.py GOLD.json [TEXT_DIR]
TEXT_DIR defaults to the gold file's folder; the records go to a temporary file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCORER = Path(__file__).parent / "tools" / "score_extraction.py"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def record(text: str, name: str) -> dict:
    """What `import_articles --dry-run --format json` prints for this text: the record import ships, so what is
    scored is what is imported (on a fresh database, whose reference data equals the committed data used here)."""
    from archive.extraction import extract
    from archive.imports.rawtext import record_from_extraction

    return record_from_extraction(extract(text, filename=name), text).as_evaluation(name)


def records(gold: Path, texts: Path) -> list[dict]:
    names = [k for k in json.loads(gold.read_text(encoding="utf-8")) if not k.startswith("_")]
    return [record((texts / n).read_text(encoding="utf-8"), n) for n in names]


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
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    django.setup()
    gold = Path(sys.argv[1])
    run = score(gold, Path(sys.argv[2]) if len(sys.argv) > 2 else gold.parent)
    print(run.stdout + run.stderr, end="")
