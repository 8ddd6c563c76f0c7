"""Service benchmark: the production stack under searches, saves and faults; prints rates, latency, errors, lost saves.

    .venv/bin/python benchmarks/bench_service.py --articles 10000 --clients 50 --saves 5 --duration 120

Starts, all on 127.0.0.1 and in a temporary folder: a fresh PostgreSQL database (local service on 5432,
user postgres), a Redis server of its own on a free port, a Celery worker with beat, and gunicorn with
the project's gunicorn.conf.py. Loads N synthetic articles and rebuilds the index, then C clients
search and open pages while this process saves S articles per second through the ORM (the project's
signals queue and send each save). With faults (the default), a quarter into the run the worker is
killed with SIGKILL and restarted 5 s later, at 45 % Redis is stopped and restarted 5 s later, and at
65 % `rebuild_search_index` runs as a separate process. After the load every saved token must become
searchable through the site without any manual command. Plan and progress go to stderr, figures to stdout.
"""

from __future__ import annotations

import argparse
import http.client
import logging
import os
import random
import re
import secrets
import select
import sys
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote_plus

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import _stack  # noqa: E402 (after the path is set)
from _corpus import WORDS, generate_corpus  # noqa: E402
from _stack import Stack, say  # noqa: E402

MISSPELT = ["cooperatoin", "amunitoin", "helicoptres", "procuremnet", "interoperabilty", "ministerr", "sanktions"]
PHRASES = ['"defence minister"', '"joint exercise"', '"general staff"']
SEARCH_KINDS = ("browse", "word", "two words", "phrase", "word+countries", "year", "page 2-5", "oldest", "misspelt")
SETTLE_CHECKERS = 8


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--clients", type=int, default=50, help="Concurrent clients, each one request at a time.")
    p.add_argument("--saves", type=float, default=5, help="Article saves per second during the load.")
    p.add_argument("--duration", type=float, default=120, help="Seconds of load.")
    p.add_argument("--think", type=float, default=0, help="Seconds a client pauses between its requests.")
    p.add_argument(
        "--faults", action=argparse.BooleanOptionalAction, default=True, help="Worker kill, Redis restart, rebuild."
    )
    p.add_argument("--web-workers", type=int, help="gunicorn workers (default: gunicorn.conf.py's).")
    p.add_argument("--threads", type=int, help="Threads per gunicorn worker (default: gunicorn.conf.py's).")
    p.add_argument("--settle-limit", type=float, default=180, help="Seconds to wait for saves to become searchable.")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--keep", action="store_true", help="Keep the temporary folder (logs, index).")
    return p.parse_args()


# Clients ---------------------------------------------------------------------------------------------------


class Client:
    """One keep-alive HTTP connection, as a browser or a load balancer would hold it."""

    def __init__(self, port: int, timeout: float = 60):
        self.port, self.timeout = port, timeout
        self.conn: http.client.HTTPConnection | None = None
        self.stale_retries = 0

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def _connected(self) -> bool:
        """True if a previous request left an open connection the server has not closed meanwhile."""
        if self.conn is None or self.conn.sock is None:
            return False
        readable, _, _ = select.select([self.conn.sock], [], [], 0)
        if readable:  # EOF waiting: the server closed it (keep-alive timeout, worker recycled)
            self.close()
            return False
        return True

    def get(self, path: str) -> tuple[int, bytes]:
        reused = self._connected()
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        began = time.perf_counter()
        try:
            return self._once(path)
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            self.close()
            # Only the race with a server closing an idle kept-alive connection is retried, as HTTP clients do;
            # a connection dropped after waiting (a worker killed mid-request) is an error.
            if not reused or time.perf_counter() - began > 1:
                raise
            self.stale_retries += 1
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            return self._once(path)

    def _once(self, path: str) -> tuple[int, bytes]:
        self.conn.request("GET", path)
        response = self.conn.getresponse()
        body = response.read()
        if response.will_close:
            self.close()
        return response.status, body


def url_mix(material: dict) -> list[tuple[str, int, object]]:
    """(kind, weight, rng -> path): what analysts do on the site, search pages first."""
    w = WORDS

    def word(r):
        return r.choice(w)

    return [
        ("browse", 8, lambda r: "/"),
        ("word", 22, lambda r: f"/?q={word(r)}"),
        ("two words", 10, lambda r: f"/?q={'+'.join(r.sample(w, 2))}"),
        ("phrase", 6, lambda r: f"/?q={quote_plus(r.choice(PHRASES))}"),
        ("word+countries", 10, lambda r: f"/?q={word(r)}&country=RS&country=TR"),
        ("year", 6, lambda r: f"/?year={r.randint(2010, 2025)}" + (f"&q={word(r)}" if r.random() < 0.5 else "")),
        (
            "page 2-5",
            8,
            lambda r: f"/?q={word(r)}&page={r.randint(2, 5)}" if r.random() < 0.7 else f"/?page={r.randint(2, 5)}",
        ),
        ("oldest", 5, lambda r: f"/?sort=oldest&q={word(r)}" if r.random() < 0.7 else "/?sort=oldest"),
        ("misspelt", 5, lambda r: f"/?q={r.choice(MISSPELT)}"),
        ("person", 5, lambda r: f"/people/{r.choice(material['people'])}/"),
        ("country", 5, lambda r: f"/countries/{r.choice(material['countries'])}/"),
        ("meeting", 5, lambda r: f"/meetings/m/{r.choice(material['meetings'])}/"),
        ("article", 5, lambda r: f"/articles/{r.choice(material['articles'])}/"),
    ]


def client_loop(client: Client, rng, mix, think: float, stop: threading.Event, t0: float, out: dict):
    kinds, weights, makers = zip(*mix, strict=True)
    while not stop.is_set():
        (i,) = rng.choices(range(len(kinds)), weights=weights)
        path = makers[i](rng)
        began = time.perf_counter()
        try:
            status, _ = client.get(path)
        except (OSError, http.client.HTTPException) as exc:
            client.close()
            status = 0
            out["conn_errors"].append((round(began - t0, 1), path, repr(exc)[:200]))
        out["records"].append((began - t0, kinds[i], status, time.perf_counter() - began))
        if status >= 500:
            out["server_errors"].append((round(began - t0, 1), status, path))
        if think:
            stop.wait(think)


# Saves and faults ------------------------------------------------------------------------------------------


def saver_loop(rate: float, ids: list[int], rng, stop: threading.Event, out: dict):
    """Save `rate` articles a second through the ORM; each new title carries a token that must become searchable."""
    from django.db import close_old_connections, connection

    from archive.core.models import Article

    order = rng.sample(ids, len(ids))
    began, i = time.monotonic(), 0
    while not stop.wait(max(0.0, began + i / rate - time.monotonic())):
        pk, token = order[i % len(order)], f"zz{secrets.token_hex(4)}"
        i += 1
        start = time.monotonic()
        try:
            article = Article.objects.get(pk=pk)
            article.title = f"{re.sub(r' zz[0-9a-f]{8}$', '', article.title)} {token}"
            article.save()
            out["saves"].append((token, pk, time.monotonic(), time.monotonic() - start))
        except Exception as exc:  # a failed save is a figure, not the end of the run
            out["save_failures"].append(repr(exc)[:200])
            close_old_connections()
    connection.close()


def run_faults(stack: Stack, duration: float, t0: float, stop: threading.Event, events: list):
    def event(text):
        events.append((time.monotonic() - t0, text))
        say(f"[{time.monotonic() - t0:6.1f}s] fault: {text}")

    def at(fraction) -> bool:
        return not stop.wait(max(0.0, t0 + fraction * duration - time.monotonic()))

    if at(0.25):
        pid = stack.worker.proc.pid
        stack.worker.kill()
        event(f"kill -9 the Celery worker (process group {pid}: worker, pool, beat)")
        time.sleep(5)  # restarts happen even if the load ended meanwhile: the index needs a worker
        stack.start_worker()
        event(f"Celery worker started again (pid {stack.worker.proc.pid})")
    if at(0.45):
        stack.kill_redis()
        event(f"Redis stopped (port {stack.redis_port}); queued messages gone, nothing persisted")
        time.sleep(5)
        stack.restart_redis()
        event("Redis started again on the same port")
    if at(0.65):
        event("manage.py rebuild_search_index --no-progress started in a new process")
        began = time.monotonic()
        code, output = stack.manage("rebuild_search_index", "--no-progress", log="rebuild.log")
        summary = output.strip().splitlines()[-1] if output.strip() else ""
        event(f"rebuild ended after {time.monotonic() - began:.1f} s, exit code {code}: {summary[:160]}")


# Settling --------------------------------------------------------------------------------------------------


def searchable(port: int, pending: dict[int, str]) -> set[int]:
    """The articles among `pending` (pk -> token) whose token finds them through the site's search page."""
    local, clients = threading.local(), []

    def check(item):
        pk, token = item
        if not hasattr(local, "client"):
            local.client = Client(port)
            clients.append(local.client)
        try:
            status, body = local.client.get(f"/?q={token}")
        except (OSError, http.client.HTTPException):
            local.client.close()
            return None
        return pk if status == 200 and f'href="/articles/{pk}/"'.encode() in body else None

    with ThreadPoolExecutor(SETTLE_CHECKERS) as pool:
        found = {pk for pk in pool.map(check, pending.items()) if pk is not None}
    for client in clients:
        client.close()
    return found


def settle(stack: Stack, expected: dict[int, str], saved_at: dict, limit: float, load_end: float, faults):
    """Seconds after the load until every saved token is searchable: (first time, settled with any rebuild over).

    A rebuild still running could swap in an index without them, so settling waits for it; None: not in time.
    """
    pending, last_note, first = dict(expected), -10.0, None
    while True:
        note = time.monotonic() - load_end - last_note >= 10
        # Read the index files before asking the site, so "on disk but not served" is not a race between the two.
        disk = _stack.on_disk(pending) if note and pending else None
        found = searchable(stack.web_port, pending)
        pending = {pk: t for pk, t in pending.items() if pk not in found}
        waited = time.monotonic() - load_end
        if not pending and first is None:
            first = waited
        rebuilding = faults is not None and faults.is_alive()
        if not pending and not rebuilding:
            return first, waited
        if waited > limit:
            return first, None
        if note:
            last_note = waited
            say(f"[settle {waited:5.1f}s] {describe(pending, saved_at, len(expected), disk)}")
            if rebuilding:
                say("  (the rebuild is still running)")
        time.sleep(1)


def describe(missing: dict[int, str], saved_at: dict, total: int, disk: set[int] | None) -> str:
    """How many saves the site does not find, when they were made, and how many the index files had already."""
    if not missing:
        return f"all {total} saves searchable"
    times = sorted(saved_at[pk] for pk in missing)
    where = "" if disk is None else f"; {len(disk & missing.keys())} of them were already in the index files"
    return f"{len(missing)} of {total} saves not searchable, saved at {times[0]:.1f}-{times[-1]:.1f} s{where}"


# Figures ---------------------------------------------------------------------------------------------------


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values)) - 1))]


def lat(values: list[float]) -> str:
    top = max(values, default=float("nan"))
    return " ".join(f"p{p} {pct(values, p):.3f} s " for p in (50, 95, 99)) + f"max {top:.3f} s"


def line(label: str, text: str) -> None:
    print(f"{label:20}{text}")


def progress_line(out: dict, elapsed: float, since: float, saves_planned: float) -> str:
    recent = [r for r in out["records"] if r[0] + r[3] >= since]  # completed in this interval
    search = [r[3] for r in recent if r[1] in SEARCH_KINDS and r[2]]
    errors = sum(1 for r in out["records"] if r[2] >= 500)
    span = max(elapsed - since, 1e-6)
    return (
        f"[{elapsed:6.1f}s] {len(out['records'])} requests ({len(recent) / span:.1f}/s now), "
        f"search p95 {pct(search, 95):.2f} s, 5xx {errors}, connection errors {len(out['conn_errors'])}, "
        f"saves {len(out['saves'])}/{saves_planned:.0f}, load {os.getloadavg()[0]:.1f}"
    )


def report(args, stack: Stack, out: dict, figures: dict) -> None:
    records, duration = out["records"], args.duration
    done = [r for r in records if r[2]]
    in_time = [r for r in records if r[0] + r[3] <= duration]  # rates count what completed during the load
    search = [r for r in records if r[1] in SEARCH_KINDS]
    classes = Counter(f"{r[2] // 100}xx" for r in done)
    save_times = [s[3] for s in out["saves"]]
    settled, load, logs = figures["settled"], figures["load"], figures["tracebacks"]
    print(
        f"\nbench_service: {args.articles} articles, {args.clients} clients (think {args.think:g} s), "
        f"{args.saves:g} saves/s, {duration:g} s, faults {'on' if args.faults else 'off'}; "
        f"gunicorn {stack.web_workers} workers x {stack.threads} threads, 1 Celery worker; {os.cpu_count()} cores"
    )
    n_search = sum(1 for r in in_time if r[1] in SEARCH_KINDS)
    line(
        "requests",
        f"{len(records)}; completed in {duration:g} s: {len(in_time) / duration:.1f}/s, "
        f"search {n_search / duration:.1f}/s",
    )
    line("latency, all", lat([r[3] for r in done]))
    line("latency, search", lat([r[3] for r in search if r[2]]))
    line("responses", "  ".join(f"{c} {classes.get(c, 0)}" for c in ("2xx", "3xx", "4xx", "5xx")))
    line("server errors (5xx)", str(classes.get("5xx", 0)))
    line("connection errors", f"{len(out['conn_errors'])} (stale keep-alive connections retried: {figures['stale']})")
    line(
        "saves",
        f"{len(out['saves'])} done of {args.saves * duration:.0f} planned, {len(out['save_failures'])} failed; "
        f"save p95 {pct(save_times, 95):.3f} s, max {max(save_times, default=0):.3f} s",
    )
    line("saves lost", f"{figures['lost']} of {figures['expected']} (token not found through the site after settling)")
    first = figures["first"]
    line(
        "time to settle",
        (f"{settled:.1f} s" if settled is not None else f"not within {args.settle_limit:g} s")
        + (f" (all saves searchable first at {first:.1f} s)" if first is not None and first != settled else ""),
    )
    line(
        "index after run",
        f"{figures['documents']} documents for {figures['articles']} articles; "
        f"{figures['queue']} rows left in IndexQueue (beat sweeps them every 30 s)",
    )
    line(
        "load average",
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at end of load (1-min max {figures['load_max']:.2f})",
    )
    cores = os.cpu_count() * duration
    line(
        "CPU during load",
        ", ".join(f"{n} {c:.0f} s ({c / cores:.0%} of the machine)" for n, c in figures["cpu"].items()),
    )
    line("tracebacks in logs", ", ".join(f"{name} {len(b)}" for name, b in logs.items()) or "none")
    line("gunicorn", f"{figures['timeouts']} worker timeouts, {figures['booted']} worker boots")
    for when, text in figures["events"]:
        print(f"  {when:6.1f}s  {text}")
    print(f"\n{'kind':16} {'requests':>8} {'p50 s':>7} {'p95 s':>7} {'max s':>7} {'5xx':>5} {'conn':>5}")
    by_kind = defaultdict(list)
    for r in records:
        by_kind[r[1]].append(r)
    for kind, rs in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
        ok = [r[3] for r in rs if r[2]]
        n5 = sum(1 for r in rs if r[2] >= 500)
        n0 = sum(1 for r in rs if not r[2])
        print(f"{kind:16} {len(rs):8} {pct(ok, 50):7.3f} {pct(ok, 95):7.3f} {max(ok, default=0):7.3f} {n5:5} {n0:5}")
    for name, blocks in figures["tracebacks"].items():
        for kind, count in _stack.traceback_kinds(blocks).most_common():
            print(f"  {name}: {count} x {kind}")


def print_details(out: dict, tracebacks: dict, lost: dict) -> None:
    """The evidence behind the figures, to stderr: sample errors and one full traceback of each kind."""
    for when, status, path in out["server_errors"][:10]:
        say(f"5xx at {when} s: {status} {path}")
    for when, path, error in out["conn_errors"][:10]:
        say(f"connection error at {when} s: {path}: {error}")
    for failure in out["save_failures"][:5]:
        say(f"save failed: {failure}")
    for pk, token in list(lost.items())[:10]:
        say(f"lost save: article {pk}, token {token}")
    for name, blocks in tracebacks.items():
        seen = set()
        for block in blocks:
            kind = next(iter(_stack.traceback_kinds([block])))
            if kind not in seen:
                seen.add(kind)
                lines = block.splitlines()
                say(
                    f"\n--- {name}: {kind} ---\n"
                    + "\n".join(lines[:12] + ["  ..."] + lines[-25:] if len(lines) > 40 else lines)
                )


# Main ------------------------------------------------------------------------------------------------------


def start_django(stack: Stack) -> None:
    """This process saves through the same settings as the services; its own log goes to bench.log."""
    os.environ.update(stack.env)
    import django

    django.setup()
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    handler = logging.FileHandler(stack.tmp / "bench.log")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def prepare(args, stack: Stack, rng) -> dict:
    began = time.monotonic()
    stack.create_database()
    stack.manage_or_fail("migrate", "--noinput", log="setup.log")
    stack.manage_or_fail("collectstatic", "--noinput", log="setup.log")
    say(f"database {stack.db_name} migrated, static files collected ({time.monotonic() - began:.0f} s)")
    stack.start_redis()
    start_django(stack)
    from django.db import connection

    began = time.monotonic()
    material = generate_corpus(args.articles, rng, lambda n: say(f"  corpus {n}/{args.articles}"))
    connection.close()
    say(f"corpus of {args.articles} articles inserted in {time.monotonic() - began:.1f} s")
    began = time.monotonic()
    stack.manage_or_fail("rebuild_search_index", "--no-progress", log="rebuild.log")
    say(f"index built in {time.monotonic() - began:.1f} s")
    stack.start_worker()
    stack.start_web()
    stack.wait_worker_ready()
    health = stack.wait_healthy()
    say(f"stack ready: {stack.base_url} health {health.get('checks')}")
    return material


def run(args, stack: Stack, rng, stop: threading.Event) -> None:
    material = prepare(args, stack, rng)
    out = {"records": [], "conn_errors": [], "server_errors": [], "saves": [], "save_failures": []}
    mix, events = url_mix(material), []
    clients = [Client(stack.web_port) for _ in range(args.clients)]
    t0 = time.monotonic()
    threads = [
        threading.Thread(
            target=client_loop, args=(c, random.Random(rng.random()), mix, args.think, stop, t0, out), daemon=True
        )
        for c in clients
    ]
    if args.saves > 0:
        saver_args = (args.saves, material["articles"], random.Random(rng.random()), stop, out)
        threads.append(threading.Thread(target=saver_loop, args=saver_args, daemon=True))
    load_stop = threading.Event()  # faults outlive the load: a rebuild started late must finish
    faults = None
    if args.faults:
        faults = threading.Thread(target=run_faults, args=(stack, args.duration, t0, load_stop, events), daemon=True)
        threads.append(faults)
    cpu_start = {"gunicorn": _stack.cpu_seconds(stack.named("gunicorn")), "this benchmark": time.process_time()}
    say(f"load started: {args.clients} clients, {args.saves:g} saves/s for {args.duration:g} s")
    for t in threads:
        t.start()
    load_max, since = 0.0, 0.0
    while (elapsed := time.monotonic() - t0) < args.duration:
        time.sleep(min(10.0, args.duration - elapsed))
        load_max = max(load_max, os.getloadavg()[0])
        elapsed = time.monotonic() - t0
        say(progress_line(out, elapsed, since, min(elapsed, args.duration) * args.saves))
        since = elapsed
    stop.set()
    load_end, load = time.monotonic(), os.getloadavg()
    cpu = {"gunicorn": _stack.cpu_seconds(stack.named("gunicorn")), "this benchmark": time.process_time()}
    cpu = {name: used - cpu_start[name] for name, used in cpu.items()}  # how much of the machine each got
    for t in threads:
        if t is not faults:
            t.join(90)
    say(f"load ended; {len(out['saves'])} saves to verify through the site")

    expected = {pk: token for token, pk, _, _ in out["saves"]}  # the latest token of each saved article
    saved_at = {pk: when - t0 for _, pk, when, _ in out["saves"]}
    first, settled = settle(stack, expected, saved_at, args.settle_limit, load_end, faults)
    if faults is not None:
        load_stop.set()
        faults.join(args.settle_limit)
    say(f"settled in {settled:.1f} s; final check of every saved token" if settled is not None else "not settled")
    disk = _stack.on_disk(expected)
    found = searchable(stack.web_port, expected)
    lost = {pk: t for pk, t in expected.items() if pk not in found}
    if lost:
        say(f"lost: {describe(lost, saved_at, len(expected), disk)}")
    from django.db import connection

    from search.models import IndexQueue

    try:
        health = stack.wait_healthy(30)
    except RuntimeError as exc:  # an unhealthy site at the end is a finding, not a reason to print nothing
        say(f"/health/ after the run: {exc}")
        health = {}
    figures = {
        "stale": sum(c.stale_retries for c in clients),
        "expected": len(expected),
        "lost": len(lost),
        "settled": settled,
        "first": first,
        "documents": health.get("checks", {}).get("index", {}).get("documents"),
        "articles": len(material["articles"]),
        "queue": IndexQueue.objects.count(),
        "load": load,
        "load_max": load_max,
        "cpu": cpu,
        "tracebacks": stack.tracebacks(),
        "timeouts": stack.log_count("gunicorn.log", "WORKER TIMEOUT"),
        "booted": stack.log_count("gunicorn.log", "Booting worker"),
        "events": events,
    }
    connection.close()
    print_details(out, figures["tracebacks"], lost)
    report(args, stack, out, figures)


def main():
    args = parse_args()
    stop = threading.Event()
    with _stack.running("bench-service-", args.web_workers, args.threads, args.keep) as stack:
        say(
            f"plan: {args.articles} articles; {args.clients} clients, think {args.think:g} s; {args.saves:g} saves/s; "
            f"{args.duration:g} s of load; gunicorn {stack.web_workers} workers x {stack.threads} threads on "
            f"{stack.base_url}; own Redis on port {stack.redis_port}; database {stack.db_name}; folder {stack.tmp}"
        )
        if args.faults:
            d = args.duration
            say(
                f"faults: worker kill -9 at {0.25 * d:.0f} s (restart +5 s), Redis restart at {0.45 * d:.0f} s "
                f"(+5 s), rebuild at {0.65 * d:.0f} s"
            )
        try:
            run(args, stack, random.Random(args.seed), stop)
        finally:
            stop.set()


if __name__ == "__main__":
    main()
