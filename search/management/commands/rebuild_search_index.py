import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from archive.core.models import Article
from search import indexing


class Command(BaseCommand):
    help = "Build a new search index beside the live one from the database, then swap it in."

    def add_arguments(self, parser):
        parser.add_argument("--chunk", type=int, default=indexing.CHUNK, help="Articles read per query.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (for logs).")

    def handle(self, *args, chunk, no_progress, **options):
        total = Article.objects.count()
        began = time.monotonic()
        with tqdm(total=total, unit="article", disable=no_progress, file=self.stderr) as bar:
            count = indexing.rebuild(progress=bar.update, chunk=chunk)
        elapsed = max(time.monotonic() - began, 1e-6)
        self.stdout.write(f"Indexed {count} articles in {elapsed:.1f}s ({count / elapsed:.0f}/s); index swapped.")
