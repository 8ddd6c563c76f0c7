"""Page benchmark: server time and HTML size of the analyst pages at archive scale, over HTTP with gunicorn.

    .venv/bin/python benchmarks/bench_pages.py --articles 10000 --meetings 4000
    .venv/bin/python benchmarks/bench_pages.py            # 100,000 articles and 40,000 meetings

Builds, in a fresh PostgreSQL database (local service on 5432, user postgres) and a temporary folder,
N invented articles and M meetings with participants, roles and reports; countries and people are
drawn with Zipf weights, so the busiest country is in about half of the meetings, as a national
archive's own country would be. Builds the index, starts gunicorn with the project's gunicorn.conf.py,
and times sequential requests over one keep-alive connection (time to the last byte on loopback, so
server time) to: the meetings list (first, a deep and a filtered page), the busiest and a median
country's page, the busiest pair's page, the busiest person's page, and the search page. Prints
p50/p95 and the HTML size of each against the goal (p95 ≤ 300 ms, ≤ 300 KB), with the load average.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import itertools
import os
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import _stack  # noqa: E402 (after the path is set)
from _corpus import CITIES, FIRST, LAST, REGION, SOURCES, STOP, WORDS, ascii_name, pseudo_words  # noqa: E402
from _stack import Stack, say  # noqa: E402
from bench_service import Client  # noqa: E402

GOAL_MS, GOAL_KB = 300, 300
ROLES = ("President", "Prime Minister", "Minister of Defence", "Chief of the General Staff", "Ambassador")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=100_000)
    p.add_argument("--meetings", type=int, default=40_000)
    p.add_argument("--runs", type=int, default=30, help="Timed requests per page.")
    p.add_argument("--web-workers", type=int, help="gunicorn workers (default: gunicorn.conf.py's).")
    p.add_argument("--threads", type=int, help="Threads per gunicorn worker (default: gunicorn.conf.py's).")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--keep", action="store_true", help="Keep the temporary folder (logs, index).")
    return p.parse_args()


def zipf(items, s=1.0):
    """Cumulative weights for rng.choices(cum_weights=...): item k drawn with weight 1/(k+1)^s."""
    return list(itertools.accumulate(1 / (k + 1) ** s for k in range(len(items))))


# Corpus ---------------------------------------------------------------------------------------------------


def make_people(rng, codes, n):
    from django.utils.text import slugify

    from archive.core import models as m
    from archive.core.text import fold

    names = rng.sample([f"{f} {la}" for f in FIRST for la in LAST], min(len(FIRST) * len(LAST), n))
    country_weights = zipf(codes)
    people = m.Person.objects.bulk_create(
        [
            m.Person(
                name=nm,
                slug=f"{slugify(ascii_name(nm))}-{i}",
                country_id=rng.choices(codes, cum_weights=country_weights)[0],
            )
            for i, nm in enumerate(names)
        ]
    )
    m.PersonName.objects.bulk_create(
        [m.PersonName(person=p, name=v, folded=fold(v)) for p in people for v in {p.name, ascii_name(p.name)}],
        batch_size=2000,
    )
    roles = []
    for p in people:
        start = datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randint(0, 365 * 14))
        for _ in range(rng.randint(1, 4)):
            end = start + datetime.timedelta(days=rng.randint(300, 2500))
            undated = rng.random() < 0.1
            roles.append(
                m.PersonRole(
                    person=p,
                    title=rng.choice(ROLES),
                    country_id=p.country_id,
                    start=None if undated else start,
                    end=None if undated or end > datetime.date(2026, 1, 1) else end,
                )
            )
            start = end + datetime.timedelta(days=1)
    m.PersonRole.objects.bulk_create(roles, batch_size=2000)
    return people


def generate(args, rng):
    """Articles with countries, people and sources; `args.meetings` meetings spread over them."""
    from django.utils.text import slugify

    from archive.core import models as m

    vocab = STOP + WORDS + pseudo_words(rng, 5000)
    cum = list(itertools.accumulate(1 / (k + 1) for k in range(len(vocab))))
    names = dict(m.Country.objects.filter(code__in=REGION).values_list("code", "name"))
    codes = [c for c in REGION if c in names]  # most engaged first: Serbia, then Türkiye …
    weights = zipf(codes)
    sources = m.Source.objects.bulk_create([m.Source(name=s, slug=slugify(s)) for s in SOURCES])
    people = make_people(rng, codes, max(200, args.articles // 10))
    by_country = defaultdict(list)
    for p in people:
        by_country[p.country_id].append(p)
    person_weights = {c: zipf(ps, 0.8) for c, ps in by_country.items()}
    kinds = [k for k, _ in m.Meeting.Kind.choices]
    per_article = Counter(rng.choices(range(args.articles), k=args.meetings))
    salt = os.urandom(4).hex()

    def someone(code):
        if not by_country[code]:
            return rng.choice(people)
        return rng.choices(by_country[code], cum_weights=person_weights[code])[0]

    for start in range(0, args.articles, 2000):
        batch, facts = [], []
        for i in range(start, min(args.articles, start + 2000)):
            c1, c2 = rng.choices(codes, cum_weights=weights, k=2)
            while c2 == c1:
                c2 = rng.choices(codes, cum_weights=weights)[0]
            pair = (c1, c2)
            day = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randint(0, 365 * 16 - 1))
            words = rng.choices(vocab, cum_weights=cum, k=rng.randint(120, 400))
            undated = rng.random() < 0.03
            batch.append(
                m.Article(
                    title=f"{names[c1]} and {names[c2]}: {' '.join(rng.sample(WORDS, rng.randint(2, 5)))}",
                    body=" ".join(words).capitalize() + ".",
                    source=rng.choice(sources),
                    published=None if undated else day,
                    published_precision="unknown" if undated else "day",
                    content_hash=hashlib.sha256(f"{salt}-{i}".encode()).hexdigest(),
                    review_status="verified" if rng.random() < 0.5 else "unreviewed",
                )
            )
            facts.append((i, pair, day))
        created = m.Article.objects.bulk_create(batch)
        links_c, links_p, meetings = [], [], []
        for article, (i, (c1, c2), day) in zip(created, facts, strict=True):
            links_c += [m.ArticleCountry(article=article, country_id=c) for c in (c1, c2)]
            p1, p2 = someone(c1), someone(c2)
            links_p += [m.ArticlePerson(article=article, person=p, country_id=c) for p, c in ((p1, c1), (p2, c2))]
            for _ in range(per_article.get(i, 0)):
                meetings.append((article, *meeting_for(rng, kinds, c1, c2, day, someone)))
        m.ArticleCountry.objects.bulk_create(links_c)
        m.ArticlePerson.objects.bulk_create(links_p, ignore_conflicts=True)  # p1 may be p2
        m.Meeting.objects.bulk_create([mt for _, mt, _ in meetings], batch_size=2000)
        through = m.Meeting.articles.through
        through.objects.bulk_create([through(meeting=mt, article=a) for a, mt, _ in meetings], batch_size=5000)
        m.Participation.objects.bulk_create(
            [
                m.Participation(
                    meeting=mt, person=p, country_id=c, side=side, role=role, review_status=mt.review_status
                )
                for _, mt, parts in meetings
                for p, c, side, role in parts
            ],
            batch_size=5000,
        )
        say(f"  corpus {min(args.articles, start + 2000)}/{args.articles} articles")


def meeting_for(rng, kinds, c1, c2, day, someone):
    """A meeting between c1 and c2 and its participants (person, country, side, role), distinct people."""
    from archive.core import models as m

    host = rng.choices((c1, c2, None), (0.6, 0.25, 0.15))[0]
    undated = rng.random() < 0.03
    review = rng.choices(("verified", "unreviewed", "rejected"), (0.68, 0.30, 0.02))[0]
    meeting = m.Meeting(
        kind=rng.choice(kinds),
        date=None if undated else day,
        date_precision="unknown" if undated else "day",
        city=rng.choice(CITIES),
        country_id=host,
        host_country_id=host,
        summary=" ".join(rng.sample(WORDS, 8)),
        review_status=review,
    )
    sides = {c1: "host" if host == c1 else "guest", c2: "host" if host == c2 else "guest"}
    seen, parts = set(), []
    for code in (c1, c2, *rng.choices((c1, c2), k=rng.choice((0, 0, 0, 1, 2)))):
        person = someone(code)
        if person.pk not in seen:
            seen.add(person.pk)
            parts.append((person, code, sides[code], rng.choice(ROLES)))
    return meeting, parts


def targets():
    """The busiest country (and the median one), pair and person, by public meetings."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute(
            """
            SELECT a.country_id, b.country_id, count(*) FROM core_participation a
            JOIN core_participation b ON a.meeting_id = b.meeting_id AND a.country_id < b.country_id
            JOIN core_meeting m ON m.id = a.meeting_id
            WHERE m.review_status <> 'rejected' GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1
            """
        )
        first, second, n_pair = cur.fetchone()
        cur.execute(
            """
            SELECT p.country_id, count(DISTINCT p.meeting_id) FROM core_participation p
            JOIN core_meeting m ON m.id = p.meeting_id
            WHERE m.review_status <> 'rejected' GROUP BY 1 ORDER BY 2 DESC
            """
        )
        ranked = cur.fetchall()
        cur.execute(
            """
            SELECT pe.slug, count(*) FROM core_participation p JOIN core_person pe ON pe.id = p.person_id
            GROUP BY 1 ORDER BY 2 DESC LIMIT 1
            """
        )
        slug, n_person = cur.fetchone()
        cur.execute("SELECT count(*) FROM core_meeting WHERE review_status <> 'rejected'")
        (n_meetings,) = cur.fetchone()
    return {
        "country": ranked[0],
        "median country": ranked[len(ranked) // 2],
        "pair": (first, second, n_pair),
        "person": (slug, n_person),
        "meetings": n_meetings,
    }


# Measuring ------------------------------------------------------------------------------------------------


def pages(found) -> dict[str, list[str]]:
    country, _ = found["country"]
    first, second, _ = found["pair"]
    slug, _ = found["person"]
    deep = max(1, found["meetings"] // 50 // 2)
    return {
        "meetings list": ["/meetings/"],
        f"meetings list, page {deep}": [f"/meetings/?page={deep}"],
        "meetings list, country+year": [f"/meetings/?country={country}&year={y}" for y in range(2012, 2024)],
        f"country page ({country}, busiest)": [f"/countries/{country}/"],
        f"country page ({found['median country'][0]}, median)": [f"/countries/{found['median country'][0]}/"],
        f"pair page ({first}-{second})": [f"/countries/{first}/{second}/"],
        "person page (busiest)": [f"/people/{slug}/"],
        "search: one word": [f"/?q={w}" for w in WORDS[:30]],
        "search: browse all": ["/"],
    }


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def measure(port, urls: list[str], runs: int, workers: int):
    client = Client(port)
    try:
        # Warm: a worker's first request of a kind loads templates and code. Sync workers take turns
        # at the socket, so every worker must have served a few.
        for i in range(3 * workers):
            client.get(urls[i % len(urls)])
        times, sizes, statuses = [], [], Counter()
        for i in range(runs):
            url = urls[i % len(urls)]
            began = time.perf_counter()
            status, body = client.get(url)
            times.append((time.perf_counter() - began) * 1000)
            sizes.append(len(body))
            statuses[status] += 1
        return times, sizes, statuses
    finally:
        client.close()


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run(args, stack: Stack, rng):
    stack.env.pop("CELERY_BROKER_URL", None)  # no worker: nothing is saved while measuring
    stack.create_database()
    stack.manage_or_fail("migrate", "--noinput", log="setup.log")
    stack.manage_or_fail("collectstatic", "--noinput", log="setup.log")
    os.environ.update(stack.env)
    import django

    django.setup()
    from django.db import connection

    began = time.monotonic()
    generate(args, rng)
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    found = targets()
    connection.close()
    say(f"corpus inserted in {time.monotonic() - began:.0f} s: {found}")
    began = time.monotonic()
    stack.manage_or_fail("rebuild_search_index", "--no-progress", log="rebuild.log")
    say(f"index built in {time.monotonic() - began:.0f} s")
    stack.start_web()
    stack.wait_healthy()
    say(f"gunicorn ready on {stack.base_url}")

    load_before = load()
    rows = []
    for name, urls in pages(found).items():
        times, sizes, statuses = measure(stack.web_port, urls, args.runs, stack.web_workers)
        rows.append((name, statistics.median(times), percentile(times, 95), max(sizes) / 1024, statuses))
        say(f"  {name}: done")
    load_after = load()

    print(
        f"\n{args.articles:,} articles, {args.meetings:,} meetings ({found['meetings']:,} public); busiest country "
        f"{found['country'][0]} in {found['country'][1]:,} meetings, median {found['median country'][0]} in "
        f"{found['median country'][1]:,}; pair {found['pair'][0]}-{found['pair'][1]} {found['pair'][2]:,}; "
        f"busiest person {found['person'][1]:,}"
    )
    print(
        f"gunicorn {stack.web_workers} workers x {stack.threads} threads, PostgreSQL; {os.cpu_count()} cores; "
        f"{args.runs} sequential requests per page; load average {load_before} before, {load_after} after"
    )
    print(f"\n{'page':<34}{'p50 ms':>9}{'p95 ms':>9}{'HTML KB':>10}  goal  statuses")
    for name, p50, p95, kb, statuses in rows:
        ok = "yes" if p95 <= GOAL_MS and kb <= GOAL_KB and set(statuses) == {200} else "NO"
        codes = " ".join(f"{code}x{n}" for code, n in sorted(statuses.items()))
        print(f"{name:<34}{p50:>9.0f}{p95:>9.0f}{kb:>10.0f}  {ok:<4}  {codes}")
    tracebacks = stack.tracebacks()
    if tracebacks:
        print(f"\ntracebacks in the logs: {', '.join(f'{k} ({len(v)})' for k, v in tracebacks.items())}")


def main():
    args = parse_args()
    with _stack.running("bench-pages-", args.web_workers, args.threads, args.keep) as stack:
        say(f"plan: {args.articles} articles, {args.meetings} meetings; database {stack.db_name}; folder {stack.tmp}")
        run(args, stack, random.Random(args.seed))


if __name__ == "__main__":
    main()
