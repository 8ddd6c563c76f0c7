"""Search benchmark: both implementations (fast Whoosh path; generic haystack path on stock Whoosh), same shapes.

    .venv/bin/python benchmarks/bench_search.py --articles 10000
    .venv/bin/python benchmarks/bench_search.py --fixtures fixtures/seed/articles.json --runs 100 --reference-runs 100

Sets up its own temporary SQLite database and index folders (through the environment, before Django
starts), so it never touches var/.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = (  # noqa: SIM905 - a word list reads better as text
    "defence minister talks cooperation army military exercise agreement visit delegation security "
    "summit navy air force training joint border peace mission strategic partnership bilateral regional "
    "industry procurement drones missiles helicopters tanks ammunition budget alliance treaty sanctions "
    "embassy ambassador consultations general staff chief operations cyber intelligence logistics "
    "contract signed discussed announced agreed meeting capital forces soldiers officers academy "
    "veterans memorandum protocol modernisation interoperability stability crisis conflict humanitarian "
    "demining peacekeeping "
).split()


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--people", type=int, default=3_000)
    p.add_argument("--runs", type=int, default=30, help="Timed runs per query kind.")
    p.add_argument("--reference-runs", type=int, default=5)
    p.add_argument("--skip-reference", action="store_true", help="Skip the generic path on stock Whoosh.")
    p.add_argument("--fixtures", nargs="+", help="Import these fixture files instead of generating a corpus.")
    p.add_argument("--keep", action="store_true", help="Keep the temporary folder.")
    p.add_argument("--seed", type=int, default=7)
    return p.parse_args()


def setup_django(tmp: Path):
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    os.environ["WHOOSH_INDEX_PATH"] = str(tmp / "index")
    os.environ["ARCHIVE_VAR_DIR"] = str(tmp)
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.setdefault("LOG_LEVEL", "INFO")
    os.environ["DJANGO_SETTINGS_MODULE"] = "archive.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


STOP = (  # noqa: SIM905
    "the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they "
    "which one you were her all she there would their we him been has when who will more no if out so said what up"
).split()


def synthetic_words(rng, n=20_000):
    """A Zipf-shaped vocabulary like news English: stop words first, domain words next, a long tail.

    Word k is drawn with weight 1/k (Zipf's law), so about 40% of tokens are stop words and a
    400-word article has ~200 distinct words, as real articles do.
    """
    letters = "abcdefghijklmnopqrstuvwxyz"
    tail = ["".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(n)]
    words = STOP + WORDS + tail
    weights = [1 / (k + 1) for k in range(len(words))]
    return words, weights


def generate(args, rng):
    from django.db import connection

    from archive.core.models import (
        Article,
        ArticleCountry,
        ArticleOrganisation,
        ArticlePerson,
        Country,
        Meeting,
        Organisation,
        Person,
        PersonName,
        Source,
    )
    from archive.core.text import fold

    vocab, weights = synthetic_words(rng)
    cum = list(__import__("itertools").accumulate(weights))
    countries = list(Country.objects.values_list("code", flat=True))
    orgs = list(Organisation.objects.values_list("pk", flat=True))
    sources = Source.objects.bulk_create(
        [Source(name=f"Agency {i}", slug=f"agency-{i}") for i in range(40)], batch_size=500
    )
    people = Person.objects.bulk_create(
        [Person(name=f"Person{i} Surname{i}č", slug=f"person-{i}") for i in range(args.people)], batch_size=1000
    )
    PersonName.objects.bulk_create(
        [PersonName(person=p, name=n, folded=fold(n)) for p in people for n in (p.name, p.name.replace("č", "c"))],
        batch_size=2000,
    )
    kinds = [k for k, _ in Meeting.Kind.choices]
    start_ord = 735000  # 2013
    done = 0
    while done < args.articles:
        n = min(2000, args.articles - done)
        batch = []
        for i in range(n):
            words = rng.choices(vocab, cum_weights=cum, k=400)
            d = __import__("datetime").date.fromordinal(start_ord + rng.randint(0, 365 * 15))
            batch.append(
                Article(
                    title=" ".join(words[:8]).capitalize(),
                    body=" ".join(words),
                    source=rng.choice(sources),
                    published=d,
                    published_precision="day",
                    content_hash=f"{done + i:064x}",
                )
            )
        with connection.cursor():
            created = Article.objects.bulk_create(batch, batch_size=500)
        links_c, links_p, links_o, meetings = [], [], [], []
        for a in created:
            links_c += [ArticleCountry(article=a, country_id=c) for c in rng.sample(countries, rng.randint(2, 4))]
            links_p += [ArticlePerson(article=a, person=p) for p in rng.sample(people, rng.randint(2, 5))]
            if rng.random() < 0.3:
                links_o.append(ArticleOrganisation(article=a, organisation_id=rng.choice(orgs)))
            if rng.random() < 0.4:
                meetings.append((a, Meeting(kind=rng.choice(kinds), summary=" ".join(rng.choices(WORDS, k=12)))))
        ArticleCountry.objects.bulk_create(links_c, batch_size=2000)
        ArticlePerson.objects.bulk_create(links_p, batch_size=2000)
        ArticleOrganisation.objects.bulk_create(links_o, batch_size=2000)
        Meeting.objects.bulk_create([m for _, m in meetings], batch_size=1000)
        through = Meeting.articles.through
        through.objects.bulk_create([through(meeting=m, article=a) for a, m in meetings], batch_size=2000)
        done += n
        print(f"  generated {done}/{args.articles}", end="\r", flush=True)
    print()
    return countries


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def timed(fn, runs):
    cold_start = time.perf_counter()
    fn(0)
    cold = (time.perf_counter() - cold_start) * 1000
    times = []
    for i in range(runs):
        t = time.perf_counter()
        fn(i + 1)
        times.append((time.perf_counter() - t) * 1000)
    return cold, statistics.median(times), percentile(times, 95)


def cases(run, present):
    """The same query shapes for both implementations, through `run(querystring) -> Outcome`."""
    words = [w for w in WORDS if w not in ("and",)]
    # Phrases of the commonest words, as analysts type them ("defence minister"): the costly shape,
    # where most documents hold every word and only positions tell.
    two = [" ".join(words[i : i + 2]) for i in range(12)]
    three = [" ".join(words[i : i + 3]) for i in range(12)]
    shapes = {
        "browse all + facets": lambda i: run(""),
        "one word + facets": lambda i: run(f"q={words[i % len(words)]}"),
        "word + 2 filters": lambda i: run(
            f"q={words[i % len(words)]}&country={present[i % len(present)]}&year={2014 + i % 12}"
        ),
        "2-word phrase": lambda i: run(f"q=%22{quote_plus(two[i % len(two)])}%22"),
        "3-word phrase": lambda i: run(f"q=%22{quote_plus(three[i % len(three)])}%22"),
        "word, oldest first": lambda i: run(f"q={words[i % len(words)]}&sort=oldest"),
    }
    if not present:  # the seed corpus: a name in its spellings instead of synthetic filters
        shapes["word + 2 filters"] = lambda i: run(("q=Vucic", "q=Вучић", "q=Türkiye")[i % 3])
    return shapes


def ours(args, present):
    from django.http import QueryDict

    from search import engine, query

    def run(qs):
        return engine.run(query.parse(QueryDict(qs, mutable=False)))

    return {name: timed(fn, args.runs) for name, fn in cases(run, present).items()}


def generic_path(args, present, tmp: Path):
    """The generic implementation (haystack's public API only) on haystack's stock Whoosh backend."""
    from django.http import QueryDict
    from haystack import connections

    from archive.core.models import Article
    from search import generic, query, remote_indexing

    connections.connections_info["stock"] = {
        "ENGINE": "haystack.backends.whoosh_backend.WhooshEngine",
        "PATH": str(tmp / "stock-index"),
    }
    started = time.perf_counter()
    print("  indexing through backend.update() ...", flush=True)
    remote_indexing.index_articles(Article.objects.values_list("pk", flat=True), using="stock")
    rate = Article.objects.count() / (time.perf_counter() - started)

    def run(qs):
        return generic.run(query.parse(QueryDict(qs, mutable=False)), using="stock")

    return rate, {name: timed(fn, args.reference_runs) for name, fn in cases(run, present).items()}


def main():
    args = parse_args()
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        setup_django(tmp)
        from search import indexing

        t = time.perf_counter()
        if args.fixtures:
            from django.core.management import call_command

            call_command("import_articles", *args.fixtures, verbosity=0)
            present = []
        else:
            print(f"Generating {args.articles} articles in {tmp} ...")
            countries = generate(args, rng)
            from archive.core.models import ArticleCountry

            present = list(ArticleCountry.objects.values_list("country_id", flat=True).distinct()[:40]) or countries
        print(f"  corpus ready in {time.perf_counter() - t:.0f}s")
        t = time.perf_counter()
        count = indexing.rebuild()
        elapsed = time.perf_counter() - t
        rate = count / elapsed
        print(f"Rebuild (ours): {count} articles in {elapsed:.1f}s = {rate:.0f} articles/s")
        results = ours(args, present)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\n{'query':<22}{'cold ms':>10}{'p50 ms':>10}{'p95 ms':>10}")
        for name, (cold, p50, p95) in results.items():
            print(f"{name:<22}{cold:>10.1f}{p50:>10.1f}{p95:>10.1f}")
        print(f"Peak memory (maxrss) after our runs: {rss:.0f} MB")
        if args.skip_reference:
            return
        print("\nGeneric path (search.generic, haystack's API only) on haystack's stock WhooshEngine ...")
        ref_rate, ref = generic_path(args, present, tmp)
        print(
            f"Indexing (remote_indexing: backend.update, 500 per batch): {ref_rate:.0f} articles/s; "
            f"rebuild rate fast/generic {rate / ref_rate:.1f}x"
        )
        print(f"{'query':<22}{'cold ms':>10}{'p50 ms':>10}{'p95 ms':>10}{'p95 generic/fast':>18}")
        for name, (cold, p50, p95) in ref.items():
            print(f"{name:<22}{cold:>10.1f}{p50:>10.1f}{p95:>10.1f}{p95 / max(results[name][2], 1e-3):>17.1f}x")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"Peak memory (maxrss) at the end: {rss:.0f} MB")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
