from django.core.management.base import BaseCommand

from search import indexing


def _sample(ids):
    return ", ".join(map(str, ids[:10])) + (" …" if len(ids) > 10 else "")


class Command(BaseCommand):
    help = "Compare the search index with the database; --repair indexes what is missing or stale."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Fix missing, stale and orphan documents.")

    def handle(self, *args, repair, **options):
        status = indexing.index_status()
        self.report(status)
        problems = len(status["missing"]) + len(status["stale"]) + len(status["orphans"]) + status["pending"]
        if not problems:
            self.stdout.write(self.style.SUCCESS("The index matches the database."))
            return
        if not repair:
            self.stdout.write(self.style.WARNING("The index differs from the database; run with --repair."))
            return
        fixed = indexing.repair(status)
        self.stdout.write(self.style.SUCCESS(f"Repaired: {fixed} articles re-indexed or removed."))
        self.report(indexing.index_status())

    def report(self, status):
        self.stdout.write(f"Articles in the database: {status['database']}")
        self.stdout.write(f"Documents in the index:   {status['indexed']}")
        self.stdout.write(f"Queued, not yet indexed:  {status['pending']}")
        for key, label in (("missing", "Missing from the index"), ("stale", "Stale"), ("orphans", "Orphans")):
            ids = status[key]
            self.stdout.write(f"{label + ':':<26}{len(ids)}" + (f"  ({_sample(ids)})" if ids else ""))
