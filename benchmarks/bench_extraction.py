"""Extraction throughput on 1,000 articles: the seed articles repeated, and a mixed-language set.

Run: .venv/bin/python benchmarks/bench_extraction.py [N]
"seeds" repeats the five shared seed articles (English, long), the figure this benchmark always printed;
"mixed" cycles through every hand-written test article: English, Serbian in both scripts, Russian and Turkish, and
the blind sets' pages with their menus and lists (also Greek, Hungarian and French), short and long.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from archive.extraction import extract  # noqa: E402

SEED_DIRS = [ROOT / "fixtures" / "seed" / "raw", ROOT / "tests" / "extraction" / "articles"]
MIXED_DIRS = [
    ROOT / "fixtures" / "seed" / "raw",
    *(ROOT / "tests" / "extraction" / d for d in ("articles", "patterns", "patterns_ru", "patterns_tr")),
    *sorted((ROOT / "tests" / "extraction" / "blind").glob("*")),  # scraped-page style, seven languages
]


def _texts(folders) -> list[str]:
    return [p.read_text(encoding="utf-8") for folder in folders for p in sorted(folder.glob("*.txt"))]


def load_articles() -> list[str]:
    for folder in SEED_DIRS:
        texts = _texts([folder])
        if texts:
            return texts
    raise SystemExit("no seed articles found")


def _rate(texts: list[str], n: int) -> float:
    batch = [texts[i % len(texts)] for i in range(n)]
    t0 = time.perf_counter()
    for text in batch:
        extract(text)
    return n / (time.perf_counter() - t0)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seeds, mixed = load_articles(), _texts(MIXED_DIRS)
    t0 = time.perf_counter()
    for text in mixed:
        extract(text)  # builds the cached matchers; reported separately from throughput
    warm = time.perf_counter() - t0
    print(f"warm-up {warm:.2f}s")
    print(f"seeds: {n} articles ({len(seeds)} distinct): {_rate(seeds, n):.1f} articles/s")
    if mixed:
        print(f"mixed: {n} articles ({len(mixed)} distinct, mixed languages): {_rate(mixed, n):.1f} articles/s")


if __name__ == "__main__":
    main()
