import json

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.imports.runner import display, expand_paths, import_files, summarise


class Command(BaseCommand):
    help = (
        "Import articles from JSON fixtures (see fixtures/README.md) and raw article text (.txt). "
        "Each file is one transaction: a bad file imports nothing and is reported; the others still import."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files, or folders searched for .json and .txt files.")
        parser.add_argument("--dry-run", action="store_true", help="Read and check everything, store nothing.")
        parser.add_argument(
            "--format", choices=["text", "json"], default="text", help="json prints one record per article as JSON."
        )

    def handle(self, *args, paths, dry_run, format, verbosity, **options):
        files = expand_paths(paths)
        if not files:
            raise CommandError("No .json or .txt files found in: " + ", ".join(paths))
        quiet = format == "json"
        bar = tqdm(files, unit="file", disable=quiet or len(files) < 5, leave=False)
        results = []
        for result in import_files(bar, dry_run=dry_run):
            results.append(result)
            if result.error:
                tqdm.write(self.style.ERROR(f"FAILED {result.error}"), file=self.stderr._out)
            elif not quiet and verbosity > 1:
                tqdm.write(f"{display(result.path)}: {', '.join(result.statuses)}", file=self.stdout._out)
            if not quiet:
                for note in result.notes:
                    tqdm.write(f"NOTE {display(result.path)}: {note}", file=self.stdout._out)
        counts = summarise(results)
        if quiet:
            records = [rec.as_evaluation(display(r.path)) for r in results if not r.error for rec in r.records]
            self.stdout.write(json.dumps(records, ensure_ascii=False, indent=1))
        else:
            prefix = "Dry run, nothing stored. Would have: " if dry_run else ""
            summary = ", ".join(
                f"{key} {counts[key]}"
                for key in ("created", "updated", "unchanged", "duplicate", "protected", "failed")
            )
            notes = f"; {counts['notes']} note{'s' if counts['notes'] != 1 else ''} above" if counts["notes"] else ""
            self.stdout.write(f"{prefix}{summary} ({len(files)} file{'s' if len(files) != 1 else ''}){notes}")
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} file(s) failed; nothing from them was stored.", returncode=1)
