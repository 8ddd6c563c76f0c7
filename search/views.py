from django.conf import settings
from django.shortcuts import render

from . import engine, presenting, query


def search(request):
    params = query.parse(request.GET)
    per_page = getattr(settings, "HAYSTACK_SEARCH_RESULTS_PER_PAGE", 20)
    outcome = engine.run(params, per_page=per_page)
    params.page = outcome.page
    context = {
        "params": params,
        "outcome": outcome,
        "messages_list": params.messages + outcome.messages,
        "results": presenting.results(outcome.article_ids, params.q),
        "facet_blocks": presenting.facet_blocks(params, outcome.facets),
        "chips": presenting.chips(params),
        "histogram": presenting.histogram(params, outcome.facets),
        "sorts": presenting.sort_links(params),
        "pagination": presenting.page_links(params, outcome.page, outcome.pages),
        "hidden": [(k, v) for k, v in params.as_pairs() if k not in ("q", "page")],
        "first": (outcome.page - 1) * per_page + 1,
        "last": (outcome.page - 1) * per_page + len(outcome.article_ids),
        "suggestion_url": params.url(q=outcome.suggestion) if outcome.suggestion else "",
    }
    return render(request, "search/search.html", context)
