"""The production stack for bench_service.py: PostgreSQL database, own Redis, Celery worker with beat, gunicorn.

Everything listens on 127.0.0.1 and lives in one temporary folder; the Redis server is a child of the
benchmark, so it can be killed and restarted without touching the machine's shared Redis. Every child
runs in a session of its own, so a fault or the clean-up signals its whole process group.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import runpy
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PG_ADMIN = {"host": "127.0.0.1", "port": 5432, "user": "postgres", "dbname": "postgres"}
# Inherited settings that would make the stack differ from the one described by the options.
FOREIGN_ENV = (
    "CSRF_TRUSTED_ORIGINS",
    "SECURE_HSTS_SECONDS",
    "BEHIND_TLS_PROXY",
    "GUNICORN_ACCESS_LOG",
    "GUNICORN_TIMEOUT",
    "GUNICORN_MAX_REQUESTS",
    "DATABASE_CONN_MAX_AGE",
)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gunicorn_defaults() -> tuple[int, int]:
    """Workers and threads as gunicorn.conf.py would choose them here (the config is the source of truth)."""
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    return conf["workers"], conf["threads"]


class Child:
    """One service process, its log file and its process group."""

    def __init__(self, name: str, argv: list[str], env: dict, log: Path):
        self.name, self.argv, self.env, self.log = name, argv, env, log
        self.proc: subprocess.Popen | None = None
        self.offset = 0

    def start(self) -> Child:
        self.offset = self.log.stat().st_size if self.log.exists() else 0
        with self.log.open("a") as out:
            out.write(f"\n===== {time.strftime('%H:%M:%S')} start {' '.join(self.argv)}\n")
            out.flush()
            self.proc = subprocess.Popen(  # noqa: S603 (fixed arguments, our own programs)
                self.argv, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    def output(self) -> str:
        """What this start of the process has logged so far."""
        with self.log.open(errors="replace") as f:
            f.seek(self.offset)
            return f.read()

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def signal_group(self, sig: int) -> None:
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, sig)  # the group id is the child's pid (start_new_session)

    def kill(self) -> None:
        """kill -9 the process and everything it started (pool processes, embedded beat)."""
        self.signal_group(signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait()

    def stop(self, timeout: float = 20) -> None:
        """SIGTERM the main process, then SIGKILL whatever is left of its group."""
        if self.proc is None:
            return
        if self.alive:
            self.proc.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout)
        self.signal_group(signal.SIGKILL)
        self.proc.wait()


def cpu_seconds(children: list[Child]) -> float:
    """CPU time used so far by these children's process groups, exited members included (reaped by their leader)."""
    groups = {c.proc.pid for c in children if c.proc is not None}
    tick, total = os.sysconf("SC_CLK_TCK"), 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        pid, pgrp = int(stat.parent.name), int(fields[2])
        if pgrp in groups:
            total += int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if pid in groups else 0)
    return total / tick


class Stack:
    def __init__(self, tmp: Path, web_workers: int, threads: int):
        self.tmp = tmp
        self.db_name = f"archive_bench_{secrets.token_hex(4)}"
        self.redis_port, self.web_port = free_port(), free_port()
        self.queue = f"bench-{secrets.token_hex(4)}"
        self.web_workers, self.threads = web_workers, threads
        self.children: list[Child] = []
        self.redis: Child | None = None
        self.worker: Child | None = None
        self.web: Child | None = None
        self.db_created = False
        self.closed = False
        env = {k: v for k, v in os.environ.items() if k not in FOREIGN_ENV}
        env.update(
            DEBUG="0",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="0",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{self.db_name}",
            CELERY_BROKER_URL=f"redis://127.0.0.1:{self.redis_port}/0",
            CELERY_QUEUE=self.queue,
            WHOOSH_INDEX_PATH=str(tmp / "index"),
            ARCHIVE_VAR_DIR=str(tmp / "var"),
            STATIC_ROOT=str(tmp / "static"),
            LOG_LEVEL="WARNING",
            DJANGO_SETTINGS_MODULE="archive.settings",
            WEB_CONCURRENCY=str(web_workers),
            GUNICORN_THREADS=str(threads),
            GUNICORN_BIND=f"127.0.0.1:{self.web_port}",
            PYTHONUNBUFFERED="1",
        )
        self.env = env

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    # PostgreSQL ---------------------------------------------------------------------------------------

    def _admin(self, sql: str) -> None:
        import psycopg2

        conn = psycopg2.connect(**PG_ADMIN)
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(sql)
        finally:
            conn.close()

    def create_database(self) -> None:
        self._admin(f'CREATE DATABASE "{self.db_name}"')
        self.db_created = True

    def drop_database(self) -> None:
        if self.db_created:
            self._admin(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
            self.db_created = False

    def manage(self, *args: str, log: str) -> tuple[int, str]:
        """Run a management command as its own process, as an operator would: (exit code, its output)."""
        child = self._child(f"manage.py {args[0]}", [str(BIN / "python"), "manage.py", *args], log)
        code = child.proc.wait()
        self.children.remove(child)
        return code, child.output()

    def manage_or_fail(self, *args: str, log: str) -> None:
        code, output = self.manage(*args, log=log)
        if code:
            raise RuntimeError(f"manage.py {' '.join(args)} failed ({code}):\n{output[-3000:]}")

    # Services -----------------------------------------------------------------------------------------

    def _child(self, name: str, argv: list[str], log: str) -> Child:
        if self.closed:  # a fault thread must not start anything once clean-up has begun
            raise RuntimeError(f"not starting {name}: the stack is shutting down")
        child = Child(name, argv, self.env, self.tmp / log)
        self.children.append(child)
        return child.start()

    def start_redis(self) -> None:
        argv = ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1"]
        argv += ["--save", "", "--appendonly", "no", "--daemonize", "no"]
        self.redis = self._child("redis", argv, "redis.log")
        wait_until(lambda: redis_ping(self.redis_port), 20, "redis-server did not answer PING", self.redis)

    def kill_redis(self) -> None:
        """Stop the broker as a crash would: SIGTERM (no save configured), SIGKILL if it lingers."""
        self.redis.stop(timeout=3)

    def restart_redis(self) -> None:
        if self.closed:
            raise RuntimeError("not restarting Redis: the stack is shutting down")
        self.redis.start()
        wait_until(lambda: redis_ping(self.redis_port), 30, "redis-server did not come back", self.redis)

    def start_worker(self) -> Child:
        argv = [str(BIN / "celery"), "-A", "archive", "worker", "--beat", "-Q", self.queue]
        argv += ["--concurrency", "1", "--loglevel", "INFO", "--schedule", str(self.tmp / "celerybeat-schedule")]
        argv += ["-n", f"{self.queue}@%h"]
        self.worker = self._child("worker", argv, "worker.log")
        return self.worker

    def wait_worker_ready(self, timeout: float = 120) -> None:
        worker = self.worker
        wait_until(lambda: "ready." in worker.output(), timeout, "the Celery worker did not become ready", worker)

    def start_web(self) -> None:
        self.web = self._child("gunicorn", [str(BIN / "gunicorn"), "archive.wsgi"], "gunicorn.log")

    def wait_healthy(self, timeout: float = 180) -> dict:
        report = {}

        def healthy():
            nonlocal report
            try:
                with urllib.request.urlopen(f"{self.base_url}/health/", timeout=10) as resp:  # noqa: S310
                    report = json.loads(resp.read())
                    return report.get("ok") is True
            except (OSError, ValueError):
                return False

        wait_until(healthy, timeout, "gunicorn did not answer /health/ with ok", self.web)
        return report

    def close(self) -> None:
        self.closed = True
        for child in reversed(list(self.children)):
            try:
                child.stop()
            except Exception as exc:  # clean-up goes on whatever one child did
                say(f"could not stop {child.name}: {exc}")
        self.drop_database()

    def named(self, name: str) -> list[Child]:
        return [c for c in self.children if c.name == name]

    # Logs ---------------------------------------------------------------------------------------------

    def tracebacks(self) -> dict[str, list[str]]:
        """Every Python traceback in the logs, per log file."""
        found = {}
        for log in sorted(self.tmp.glob("*.log")):
            blocks = tracebacks_in(log.read_text(errors="replace"))
            if blocks:
                found[log.name] = blocks
        return found

    def log_count(self, log: str, needle: str) -> int:
        path = self.tmp / log
        return path.read_text(errors="replace").count(needle) if path.exists() else 0


def wait_until(predicate, timeout: float, message: str, child: Child | None = None) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if child is not None and not child.alive:
            raise RuntimeError(f"{message}: {child.name} exited; see {child.log}:\n{child.log.read_text()[-3000:]}")
        if time.monotonic() > deadline:
            tail = child.log.read_text()[-3000:] if child is not None else ""
            raise RuntimeError(f"{message} within {timeout:.0f} s\n{tail}")
        time.sleep(0.3)


def redis_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


# Celery's "[date: ERROR/MainProcess] ", gunicorn's "[date] [pid] [ERROR] ", bench.log's "date ERROR logger: "
_LOG_PREFIX = re.compile(r"^(\[[^\]]*\]\s*)+|^\d{4}-\d\d-\d\d [\d:,.]+ [A-Z]+ [\w.]+: ")
_CHAINED = ("During handling of the above exception", "The above exception was the direct cause")


def tracebacks_in(text: str) -> list[str]:
    """The traceback blocks of a log, each with the log line before it (what the program said it was doing).

    A block runs from 'Traceback' to the exception line; chained exceptions stay one block.
    """
    blocks, current, ended, previous = [], None, False, ""
    for line in text.splitlines():
        if current is None:
            if line.startswith("Traceback (most recent call last)"):
                current, ended = [previous, line], False
            previous = line
            continue
        if ended:  # after an exception line: only a chained traceback continues the block
            if not line.strip() or line.startswith((*_CHAINED, "Traceback")):
                current.append(line)
                ended = not line.startswith("Traceback")
                continue
            blocks.append("\n".join(current).rstrip())
            current = [previous, line] if line.startswith("Traceback") else None
            previous = line
            continue
        current.append(line)
        ended = bool(line) and not line[0].isspace() and not line.startswith("Traceback")
    if current:
        blocks.append("\n".join(current).rstrip())
    return blocks


def traceback_kinds(blocks: list[str]) -> Counter:
    """Group tracebacks by exception type, last project frame and the log message before them."""
    kinds = Counter()
    for block in blocks:
        context, *lines = block.splitlines()
        frames = [ln.strip() for ln in lines if ln.strip().startswith("File ")]
        ours = [f for f in frames if str(ROOT) in f and "/.venv/" not in f]
        frame = (ours or frames or ["?"])[-1]
        frame = re.sub(r'File "[^"]*/(\w+/\w+\.py)", line \d+, in (\w+)', r"\1:\2", frame)
        exception = lines[-1].split(":", 1)[0].strip()
        said = re.sub(r"\d+", "N", _LOG_PREFIX.sub("", context).strip())[:90]  # ids and ports vary
        kinds[f"{exception} at {frame}" + (f', logged as "{said}"' if said else "")] += 1
    return kinds


def on_disk(expected: dict[int, str]) -> set[int] | None:
    """Diagnosis, not a figure: the articles whose token is in the live index files, read with a fresh reader.

    Tells "never indexed" from "indexed but the site does not serve it". None if the index cannot be read.
    """
    from django.conf import settings
    from whoosh import index
    from whoosh.query import Term

    try:
        ix = index.open_dir(os.path.realpath(settings.WHOOSH_INDEX_PATH))
        analyzer, found = ix.schema["text"].analyzer, set()
        with ix.searcher() as s:
            for pk, token in expected.items():
                term = next(t.text for t in analyzer(token))
                if any(hit.get("id") == f"core.article.{pk}" for hit in s.search(Term("text", term), limit=5)):
                    found.add(pk)
        return found
    except Exception as exc:  # a diagnosis must not end the benchmark
        say(f"could not read the index files: {exc!r}")
        return None


@contextlib.contextmanager
def running(prefix: str, web_workers: int | None, threads: int | None, keep: bool):
    """A Stack in a fresh temporary folder (gunicorn.conf.py's workers and threads unless given).

    On leaving, also on Ctrl-C or SIGTERM, every child stops and the database and folder go, unless `keep`.
    """
    default_workers, default_threads = gunicorn_defaults()
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    stack = Stack(tmp, web_workers or default_workers, threads or default_threads)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        yield stack
    except KeyboardInterrupt:
        say("interrupted: stopping the stack and dropping the database")
        sys.exit(130)
    finally:
        if "django.db" in sys.modules:  # Django may never have started
            from django.db import connections

            connections.close_all()
        stack.close()
        if keep:
            say(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
