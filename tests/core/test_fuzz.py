"""Hostile values in every public URL pattern and every GET parameter: never a server error, never reflected raw.

The patterns come from the URL resolver, so a new page is fuzzed without anyone remembering to add it;
only `admin/` is left to the admin tests. Well-formed values for each pattern come from crawling the
seeded site's own links, so the hostile GET parameters also reach the detail pages. Runs on SQLite and,
with DATABASE_URL pointing at PostgreSQL, there too (NUL bytes only fail on PostgreSQL).
"""

import html
import json
import re
from collections import deque
from io import StringIO
from urllib.parse import quote, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RoutePattern
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import indexing
from tests.search.conftest import search_index  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

SKIPPED = ("admin/", "review/")  # staff only: fuzzed with every role by the admin and review tests
EXAMPLES = 40  # per pattern, after the sweep: the file stays under a minute on two cores

# Markup that must only ever come back escaped. "fz7" never occurs in the seeded data.
PAYLOADS = [
    '<script>alert("fz7")</script>',
    "\"><img src=x onerror=alert('fz7')>",
    "'><svg onload=alert(fz7)>",
    "</textarea><b>fz7</b>",
    "javascript:alert('fz7')//\"",
]
DB_PAYLOAD = '<script>alert("db7")</script>'  # stored in the database: must come back escaped too

HOSTILE = [
    "\x00",
    "a\x00b",
    "RS\x00",
    "\x01\x1f\x7f\x1b[31m",
    "\n",
    "\t 7 \r",
    " ",
    "9" * 30,
    "9" * 5000,
    "99999",
    "9223372036854775808",  # one past the largest 64-bit key
    "-1",
    "0",
    "0000",
    "1e3",
    "0x10",
    "²",
    "³",
    "٣",
    "٢٠٢٣",
    "１２",
    "Ⅻ",
    "x" * 5000,
    "../",
    "../../etc/passwd",
    "..",
    "'",
    '"',
    "'\";--",
    "%00",
    "%ED%A0%80",
    "\ufffd",
    "\u202e",
    "ß",
    "ﬀ",
    "*",
    "country:RS",
    '"unbalanced (',
    *PAYLOADS,
]
# Already percent-encoded: bytes that are not UTF-8, a UTF-8-encoded lone surrogate, NUL.
RAW = ["../..", "..", "./", "%00", "%ED%A0%80", "%FF", "%C0%AE%C0%AE", "%2e%2e", "..%2F..%2F", "%E2%80%AE", "%"]
PARAMETERS = [
    *("q", "page", "year", "month", "sort", "country", "person", "source", "kind", "org", "who"),
    *("pair", "status", "from", "to", "undated", "verified", "organisation"),
]
UNKNOWN = ["utm_source", "callback", "format", "Q", "page[]", ""]

FIXTURE = {
    "format": "archive-articles/1",
    "articles": [
        {
            "title": "Ministers agree on a training plan",
            "source": "Fuzz Wire",
            "url": "https://example.org/fuzz/1",
            "published": "2023-05-02",
            "body": "The ministers agreed on a joint training plan for engineers. Vucic and Guler attended.",
            "countries": ["RS", "TR"],
            "organisations": ["NATO"],
            "people": [
                {"name": "Aleksandar Vučić", "variants": ["Aleksandar Vucic"], "country": "RS", "role": "President"},
                {"name": "Yaşar Güler", "variants": ["Yasar Guler"], "country": "TR", "role": "Minister"},
            ],
            "meetings": [
                {
                    "kind": "visit",
                    "status": "held",
                    "date": "2023-05-02",
                    "city": "Belgrade",
                    "country": "RS",
                    "host": "RS",
                    "summary": "Güler met Vučić in Belgrade.",
                    "participants": [
                        {"name": "Aleksandar Vučić", "role": "President", "country": "RS", "side": "host"},
                        {"name": "Yaşar Güler", "role": "Minister", "country": "TR", "side": "guest"},
                    ],
                }
            ],
        },
        {
            "title": f"Markup in a title {DB_PAYLOAD}",
            "source": "Fuzz Wire",
            "published": "2021",
            "body": f"A body with markup {DB_PAYLOAD} about naval drills.",
            "countries": ["HR"],
        },
    ],
}


def public_routes():
    """Every URL pattern outside admin/, as its full route ("countries/<country:code>/") and name."""
    routes = []

    def walk(patterns, prefix):
        for entry in patterns:
            assert isinstance(entry.pattern, RoutePattern), f"teach this test to fill {entry.pattern}"
            route = prefix + str(entry.pattern)
            if route.startswith(SKIPPED):
                continue
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route)
            else:
                routes.append((route, entry.name))

    walk(get_resolver().url_patterns, "")
    return routes


ROUTES = public_routes()
_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


def route_regex(route):
    return re.compile("/" + _PARAMETER.sub(r"(?P<\1>[^/]+)", re.escape(route)))


@pytest.fixture
def site(search_index, tmp_path):  # noqa: F811
    """The seeded site, and well-formed paths for every route found by following its own links."""
    fixture = tmp_path / "fuzz.json"
    fixture.write_text(json.dumps(FIXTURE), encoding="utf-8")
    call_command("import_articles", str(fixture), stdout=StringIO(), stderr=StringIO())
    indexing.rebuild()
    return crawl()


def crawl(limit=60):
    client, found, seen = Client(), {}, set()
    queue = deque("/" + route for route, _ in ROUTES if not _PARAMETER.search(route))
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code == 200, path
        found.setdefault(resolve(path).url_name, []).append(path)
        if "html" not in response.get("Content-Type", ""):
            continue
        for href in re.findall(r'href="([^"]+)"', response.content.decode()):
            target = urlsplit(html.unescape(href)).path
            try:
                name = resolve(target).url_name
            except Resolver404:
                continue
            if target.startswith("/" + SKIPPED[0]) or len(found.get(name, [])) >= 2:
                continue
            queue.append(target)
    return found


def encoded(value):
    return quote(value, safe="")


def text_value(valid=()):
    """A value as it appears in a URL, percent-encoded; mostly the hand-picked hostile ones."""
    free = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
    hostile = st.sampled_from([encoded(v) for v in HOSTILE] + RAW)
    return st.one_of(
        hostile,
        hostile,
        hostile,
        *([st.sampled_from(valid)] * 2 if valid else []),
        st.builds(lambda a, p, b: encoded(a + p + b), free, st.sampled_from(PAYLOADS), free),
        st.integers(min_value=-(10**25), max_value=10**25).map(str),
        free.map(encoded),
    )


def query_strings(valid):
    """Each parameter the views read, present or not; unknown ones; the same one repeated."""
    value = text_value(valid)
    known = st.tuples(*[st.one_of(st.none(), value.map(lambda v, k=k: [(k, v)])) for k in PARAMETERS])
    extra = st.lists(st.tuples(st.sampled_from(PARAMETERS + UNKNOWN), value).map(lambda p: [p]), max_size=3)
    repeated = st.builds(lambda k, v, n: [(k, v)] * n, st.sampled_from(PARAMETERS), value, st.integers(2, 30))
    groups = st.tuples(known, extra, st.lists(repeated, max_size=1)).map(lambda t: [*t[0], *t[1], *t[2]])
    return groups.map(lambda gs: "&".join(f"{encoded(k)}={v}" for g in gs if g for k, v in g))


def valid_query_values(found):
    """Well-formed values for the search parameters, so hostile ones meet live filters too."""
    values = {"2023", "2021", "5", "3", "newest", "oldest", "relevance", "RS", "rs", "TR", "visit", "training", "Vucic"}
    for path in found.get("person-detail", []):
        values.add(path.rstrip("/").rsplit("/", 1)[-1])
    return sorted(values)


def paths(route, name, found):
    """The route with each parameter a hostile or a well-formed value; or a path found by crawling."""
    well_formed = found.get(name, [])
    raw = {}
    for path in well_formed:
        match = route_regex(route).fullmatch(path)
        for name, value in (match.groupdict() if match else {}).items():
            raw.setdefault(name, []).append(value)
    kwargs = _PARAMETER.findall(route)

    def fill(values):
        it = iter(values)
        return "/" + _PARAMETER.sub(lambda m: next(it), route)

    segment = {k: st.one_of(text_value(), *([st.sampled_from(raw[k])] if k in raw else [])) for k in kwargs}
    filled = st.tuples(*[segment[k] for k in kwargs]).map(fill) if kwargs else st.just("/" + route)
    return st.one_of(filled, st.sampled_from(well_formed)) if well_formed else filled


def test_it_reaches_every_public_route_with_well_formed_values(client, site):
    """Without this, the fuzz would only ever see 404s on detail pages."""
    missing = [name for route, name in ROUTES if name not in site]
    assert not missing, f"seed the fuzz test's data so these pages are linked: {missing}"
    assert "health" in site and "search" in site
    # The stored markup is on the page, escaped, so the check for it raw means something.
    assert "&lt;script&gt;alert(" in client.get("/", {"q": "markup"}).content.decode()


def _body(response) -> bytes:
    # Exports stream their rows.
    return b"".join(response.streaming_content) if response.streaming else response.content


def check(response, method):
    assert response.status_code < 500, response.status_code
    if method == "head":
        assert _body(response) == b""
        return
    body = _body(response).decode("utf-8", "replace")
    payloads = [*PAYLOADS, DB_PAYLOAD]
    if response.get("Content-Type", "").startswith(("application/atom+xml", "text/csv")):
        # Text nodes of XML and CSV cells: quotes are plain text there (feeds say "Query: …"); markup is not.
        payloads = [p for p in payloads if "<" in p]
    for payload in payloads:
        assert payload not in body, f"unescaped {payload!r}"


def sweep(client, site, route, name):
    """Each hand-picked value once in every path segment and once in every parameter: no luck needed."""
    page = "/" + route if not _PARAMETER.search(route) else site[name][0]
    for value in [encoded(v) for v in HOSTILE] + RAW:
        if _PARAMETER.search(route):
            check(client.get("/" + _PARAMETER.sub(lambda m, v=value: v, route)), "get")
        check(client.get(page + "?" + "&".join(f"{k}={value}" for k in PARAMETERS)), "get")


def fuzz(client, site, route, name):
    """Random combinations of hostile and well-formed values, by GET and HEAD."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,  # nothing written into the working tree
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        path=paths(route, name, site),
        query=query_strings(valid_query_values(site)),
        method=st.sampled_from(["get", "head"]),
    )
    def run(path, query, method):
        check(getattr(client, method)(f"{path}?{query}" if query else path), method)

    run()


@pytest.mark.parametrize(("route", "name"), ROUTES, ids=[name for _, name in ROUTES])
def test_it_never_fails_on_hostile_urls(client, site, route, name):
    sweep(client, site, route, name)
    fuzz(client, site, route, name)
