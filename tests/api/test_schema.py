"""The OpenAPI schema at /api/schema/ and the interactive docs beside it, served from this site under its CSP."""

import re
from io import StringIO

import pytest
import yaml
from django.contrib.staticfiles import finders
from django.core.management import call_command
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

OPERATIONS = {
    "/api/articles/",
    "/api/articles/{id}/",
    "/api/meetings/",
    "/api/meetings/{id}/",
    "/api/people/",
    "/api/people/{id}/",
    "/api/countries/",
    "/api/countries/{code}/",
    "/api/search/",
}


def test_it_serves_a_valid_openapi_3_schema_as_yaml_and_json(api):
    response = api.get("/api/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi")
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.") and schema["info"]["title"] == "The archive: JSON API"
    validate_schema(schema)  # drf-spectacular's copy of the OpenAPI 3.0 JSON Schema
    assert set(schema["paths"]) == OPERATIONS
    assert all(list(item) == ["get"] for item in schema["paths"].values())  # read-only
    as_json = api.get("/api/schema/?format=json")
    assert as_json["Content-Type"].startswith("application/vnd.oai.openapi+json")
    assert as_json.json() == schema
    # drf-spectacular's `version` went into a header unchecked; this schema has one version and ignores it.
    assert api.get("/api/schema/?version=%0d%0aX-Evil:%201").status_code == 200


def test_it_documents_the_filters_the_views_read(api):
    schema = api.get("/api/schema/?format=json").json()

    def parameters(path):
        return {p["name"] for p in schema["paths"][path]["get"]["parameters"]}

    assert parameters("/api/meetings/") >= {"country", "pair", "person", "organisation", "kind", "status", "year"}
    assert parameters("/api/meetings/") >= {"from", "to", "undated", "verified", "page", "page_size"}
    assert parameters("/api/articles/") >= {"country", "person", "source", "published_after", "published_before"}
    assert parameters("/api/search/") >= {"q", "country", "person", "source", "kind", "org", "year", "month", "sort"}
    assert schema["paths"]["/api/meetings/"]["get"]["responses"]["400"]


def test_it_passes_drf_spectacular_validation_without_warnings(tmp_path):
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"), stderr=StringIO()
    )
    assert yaml.safe_load((tmp_path / "schema.yml").read_text())["paths"]


def test_it_serves_the_docs_from_this_site_without_inline_script_or_style(api, world):
    response = api.get("/api/docs/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    page = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>", page)
    assert len(scripts) == 3 and all('src="' in attributes for attributes in scripts)
    assert "<style" not in page and "style=" not in page
    assets = re.findall(r'(?:src|href)="(/static/[^"?]+)', page)
    assert len(assets) >= 5  # swagger-ui's bundle, preset, CSS and favicon, and the page's own CSS
    for asset in assets:
        assert finders.find(asset.removeprefix("/static/")), f"{asset} is not in this site's static files"
    assert "//cdn" not in page and "https://" not in page
    # The settings script, a response of its own: the schema it loads is this site's.
    script_url = re.search(r'<script src="(/api/docs/\?[^"]*)"', page)[1].replace("&amp;", "&")
    script = api.get(script_url)
    assert script.status_code == 200 and script["Content-Type"].startswith("application/javascript")
    assert 'url: "/api/schema/?format\\u003Djson"' in script.content.decode()
    # Examples above the docs, on this archive's own data.
    assert f'href="/api/meetings/{world["held"].pk}/"' in page and 'href="/api/countries/RS/"' in page
