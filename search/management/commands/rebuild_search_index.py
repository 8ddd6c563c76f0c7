import contextlib
import os
import time
from pathlib import Path

from django.core.management.base import BaseCommand
from tqdm import tqdm

from archive.core.models import Article
from search import indexing

AUTOGROUP = Path("/proc/self/autogroup")


def lower_priority(nice: int) -> None:
    """Yield the CPU to searches and saves; the reader processes the rebuild forks inherit it.

    A rebuild at full priority starved the web workers (bench_service: search p95 from ~1 s to
    ~14 s while it ran). Linux with autogroups shares the CPU between sessions first, so a process
    that leads its own session (under a supervisor, `setsid`, cron) lowers its session's share too:
    a process nice alone still took a whole core of two from gunicorn's session.
    """
    os.nice(nice)
    if os.getsid(0) == os.getpid() and AUTOGROUP.exists():
        # Without autogroups or permission, the process nice alone still applies.
        with contextlib.suppress(OSError):
            AUTOGROUP.write_text(str(nice))


class Command(BaseCommand):
    help = "Build a new search index beside the live one from the database, then swap it in."

    def add_arguments(self, parser):
        parser.add_argument("--chunk", type=int, default=indexing.CHUNK, help="Articles read per query.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (for logs).")
        parser.add_argument(
            "--nice",
            type=int,
            default=10,
            help="Lower this process's CPU priority by this much (0 to keep it): searches and saves "
            "on the same machine come first, the rebuild uses what they leave.",
        )

    def handle(self, *args, chunk, no_progress, nice, **options):
        if nice > 0:
            lower_priority(nice)
        total = Article.objects.count()
        began = time.monotonic()
        with tqdm(total=total, unit="article", disable=no_progress, file=self.stderr) as bar:
            count = indexing.rebuild(progress=bar.update, chunk=chunk)
        elapsed = max(time.monotonic() - began, 1e-6)
        self.stdout.write(f"Indexed {count} articles in {elapsed:.1f}s ({count / elapsed:.0f}/s); index swapped.")
