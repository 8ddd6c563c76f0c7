"""Extraction throughput: the seed articles repeated to 1,000 articles.

Run: .venv/bin/python benchmarks/bench_extraction.py [N]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from archive.extraction import extract  # noqa: E402

SEED_DIRS = [ROOT / "fixtures" / "seeds", Path("/work/shared/seeds"), ROOT / "tests" / "extraction" / "articles"]


def load_articles() -> list[str]:
    for folder in SEED_DIRS:
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
        if texts:
            return texts
    raise SystemExit("no seed articles found")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    texts = load_articles()
    t0 = time.perf_counter()
    extract(texts[0])  # builds the cached matchers; reported separately from throughput
    warm = time.perf_counter() - t0
    batch = [texts[i % len(texts)] for i in range(n)]
    t0 = time.perf_counter()
    for text in batch:
        extract(text)
    elapsed = time.perf_counter() - t0
    print(f"warm-up {warm:.2f}s; {n} articles in {elapsed:.2f}s: {n / elapsed:.1f} articles/s")


if __name__ == "__main__":
    main()
