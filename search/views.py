from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from archive.core import exports as core_exports
from archive.core.models import Person

from . import exports, presenting, query, service

UNAVAILABLE = "Search is unavailable right now: the search engine did not answer. Please try again in a minute."


@require_safe
def search(request):
    params = query.parse(request.GET)
    who = query.clean_text(request.GET.get("who"), 200)
    if who:
        # The person finder: a name typed in any spelling becomes a person filter.
        person = Person.objects.find(who).first()
        if person is not None:
            people = params.filters.get("person", [])
            return redirect(reverse("search") + params.url(person=sorted({*people, str(person.pk)})))
        params.messages.append(f"No one called “{who}” is in the archive.")
    per_page = getattr(settings, "HAYSTACK_SEARCH_RESULTS_PER_PAGE", 20)
    try:
        outcome = service.run(params, per_page=per_page)
    except service.SearchUnavailable:
        return render(request, "search/unavailable.html", {"params": params}, status=503)
    params.page = outcome.page
    chips = presenting.chips(params)
    context = {
        "params": params,
        "outcome": outcome,
        "messages_list": params.messages + outcome.messages,
        "results": presenting.results(outcome.article_ids, params.q),
        "facet_blocks": presenting.facet_blocks(params, outcome.facets, outcome.facet_sizes),
        "chips": chips,
        "histogram": presenting.histogram(params, outcome.facets),
        "sorts": presenting.sort_links(params),
        "pagination": presenting.page_links(params, outcome.page, outcome.pages),
        "hidden": [(k, v) for k, v in params.as_pairs() if k not in ("q", "page")],
        "state": [(k, v) for k, v in params.as_pairs() if k != "page"],
        "first": (outcome.page - 1) * per_page + 1,
        "last": (outcome.page - 1) * per_page + len(outcome.article_ids),
        "suggestion_url": params.url(q=outcome.suggestion) if outcome.suggestion else "",
        "feed_url": reverse("search-feed") + _query(params),
        "feed_title": exports.feed_title(chips),
        "exports": [
            {"label": label, "type": core_exports.FORMATS[fmt].split(";")[0], "href": reverse(name) + _query(params)}
            for fmt, label, name in (("csv", "CSV", "search-export-csv"), ("json", "JSON", "search-export-json"))
        ],
        "export_max": exports.EXPORT_MAX,
        "verified_toggle_url": params.url(verified=None if params.verified else 1),
    }
    return render(request, "search/search.html", context)


def _query(params) -> str:
    state = params.url(page=None)
    return state if state != "?" else ""


@require_safe
def export(request, fmt):
    """Every page of this search (up to EXPORT_MAX articles) as a streamed download, in the page's order."""
    params = query.parse(request.GET)
    try:
        # HEAD gets the headers only: do not run the search for them.
        ids, total = exports.result_ids(params) if request.method == "GET" else ([], 0)
    except service.SearchUnavailable:
        return HttpResponse(UNAVAILABLE, status=503, content_type="text/plain; charset=utf-8")
    records = exports.records(ids, request.build_absolute_uri)
    response = core_exports.streamed(records, fmt, "search", exports.COLUMNS, exports.csv_row)
    response["X-Total-Count"] = str(total)
    return response


_feed = exports.SearchFeed()


@require_safe
def feed(request):
    try:
        return _feed(request)
    except service.SearchUnavailable:
        return HttpResponse(UNAVAILABLE, status=503, content_type="text/plain; charset=utf-8")


@require_safe
def people_suggest(request):
    """Names for the person finder's autocomplete."""
    term = query.clean_text(request.GET.get("q"), 100)
    people = Person.objects.find(term).select_related("country")[:8] if len(term) >= 2 else []
    return JsonResponse(
        {"results": [{"id": p.pk, "name": p.name, "country": p.country.name if p.country else ""} for p in people]}
    )
