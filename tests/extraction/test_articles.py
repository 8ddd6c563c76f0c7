"""Hand-written articles under articles/ with the facts a careful reader extracts (<name>.json)."""

import json
from pathlib import Path

import pytest

from archive.core.text import fold
from archive.extraction import extract

from .score_set import record

ARTICLES = Path(__file__).parent / "articles"
CASES = sorted(p.stem for p in ARTICLES.glob("*.txt"))


def _load(name):
    return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8"), json.loads(
        (ARTICLES / f"{name}.json").read_text(encoding="utf-8")
    )


def _same(a: str, b: str) -> bool:
    return fold(a) == fold(b)


@pytest.mark.parametrize("name", CASES)
def test_it_extracts_metadata(name):
    text, gold = _load(name)
    rec = record(text, name)
    if gold["source_contains"] is None:
        assert rec["source"] is None
    else:
        assert gold["source_contains"] in (rec["source"] or "")
    assert rec["published"] == gold["published"]
    assert extract(text).language == gold["language"]
    assert rec["title"]


@pytest.mark.parametrize("name", CASES)
def test_it_finds_countries(name):
    text, gold = _load(name)
    codes = record(text, name)["countries"]
    assert set(gold["countries"]) <= set(codes)
    assert not set(gold["countries_absent"]) & set(codes)


@pytest.mark.parametrize("name", CASES)
def test_it_finds_people_and_their_side(name):
    text, gold = _load(name)
    people = record(text, name)["people"]
    for want in gold["people"]:
        found = [p for p in people if _same(p["name"], want["name"])]
        assert found, f"{want['name']} not in {[p['name'] for p in people]}"
        if "country" in want:
            assert found[0]["country"] == want["country"]


@pytest.mark.parametrize("name", CASES)
def test_it_finds_organisations(name):
    text, gold = _load(name)
    orgs = record(text, name)["organisations"]
    assert set(gold["organisations"]) <= set(orgs)


@pytest.mark.parametrize("name", CASES)
def test_it_finds_meetings(name):
    text, gold = _load(name)
    meetings = record(text, name)["meetings"]
    assert len(meetings) == len(gold["meetings"]), meetings
    for want, got in zip(gold["meetings"], meetings, strict=True):
        assert got["kind"] == want["kind"]
        assert got["status"] == want["status"]
        assert set(got["countries"]) == set(want["countries"])
        assert [fold(n) for n in got["participants"]] == [fold(n) for n in want["participants"]]
        for key in ("date", "location"):
            if key in want:
                assert got[key] == want[key]
