"""Extraction speed on a mixed set: the seeds and every test article, repeated to N (default 1,000).

Run: .venv/bin/python tests/extraction/bench.py [N]
"""

from __future__ import annotations

import sys
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent
SEEDS = ROOT / "fixtures" / "seed" / "raw"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def texts() -> list[str]:
    files = sorted(SEEDS.glob("*.txt")) + sorted(HERE.glob("*/*.txt"))
    return [p.read_text(encoding="utf-8") for p in files]


def main(n: int) -> None:
    from archive.extraction import extract

    pool = texts()
    extract(pool[0])  # tables are built once per process: not part of the rate
    start = time.perf_counter()
    for text in islice(cycle(pool), n):
        extract(text)
    took = time.perf_counter() - start
    print(f"{n} articles ({len(pool)} distinct) in {took:.2f}s: {n / took:.0f} articles/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
