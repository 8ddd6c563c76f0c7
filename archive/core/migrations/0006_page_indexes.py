# Indexes for the analyst pages at 100,000 articles and 40,000 meetings (benchmarks/bench_pages.py).

from django.db import migrations, models

# `MeetingQuerySet.newest_first()`, the order of every meetings list: with it a page is read from the
# index instead of sorting all the meetings that match. PostgreSQL only: SQLite cannot index NULLS LAST.
NEWEST_FIRST = "meeting_newest_first_idx"


def create_newest_first(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {NEWEST_FIRST} ON core_meeting (date DESC NULLS LAST, id DESC)"
        )


def drop_newest_first(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NEWEST_FIRST}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_article_language_codes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="participation",
            index=models.Index(fields=["country", "review_status", "meeting"], name="participation_country_idx"),
        ),
        migrations.RunPython(create_newest_first, drop_newest_first, elidable=False),
    ]
