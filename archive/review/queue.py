"""Which articles wait for a curator, in what order, and which one comes next.

An article is to review while any fact extraction proposed for it is unreviewed: a country, person or
organisation mention, a meeting it reports, or a participation in such a meeting. A participation in a
rejected meeting does not count: it is shown nowhere, so there is nothing left to decide about it.
"""

from django.db.models import Count, F, FloatField, Min, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Least

from archive.core.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Meeting,
    Participation,
    ReviewStatus,
)

# The kinds of fact the desk decides about, as they appear in its URLs and templates.
KINDS = {
    "meeting": Meeting,
    "participation": Participation,
    "person": ArticlePerson,
    "country": ArticleCountry,
    "organisation": ArticleOrganisation,
}

# Each kind: the path from a fact to the articles it belongs to, and what else makes it wait for review.
PENDING = {
    "meeting": ("articles", Q()),
    "participation": ("meeting__articles", ~Q(meeting__review_status=ReviewStatus.REJECTED)),
    "person": ("article", Q()),
    "country": ("article", Q()),
    "organisation": ("article", Q()),
}

ORDERS = {
    # Waiting longest: the order they were imported in.
    "oldest": ("created", "pk"),
    # Where extraction was least sure of something; an article's score is its least confident pending fact.
    "confidence": ("min_confidence", "created", "pk"),
}


def pending(kind: str):
    """Unreviewed facts of one kind that still wait for a decision."""
    _path, waiting = PENDING[kind]
    return KINDS[kind].objects.filter(waiting, review_status=ReviewStatus.UNREVIEWED)


def _per_article(kind: str, aggregate):
    """One figure about an article's pending facts of a kind, as a correlated subquery."""
    path, _waiting = PENDING[kind]
    facts = pending(kind).filter(**{path: OuterRef("pk")}).order_by().values(path)
    return Subquery(facts.annotate(value=aggregate).values("value"))


def with_pending_counts(articles):
    """`n_<kind>` pending facts of each kind, `n_pending` in all, and `min_confidence` among them.

    Subqueries rather than joins: joining five relations would multiply each article's rows by all of them.
    A fact without a confidence (a curator entered it) counts as certain.
    """
    counts = {f"n_{kind}": Coalesce(_per_article(kind, Count("pk")), 0) for kind in KINDS}
    least = [Coalesce(_per_article(kind, Min("confidence")), Value(1.0)) for kind in KINDS]
    total = sum((F(name) for name in counts), Value(0))
    return articles.annotate(**counts).annotate(
        n_pending=total, min_confidence=Least(*least, output_field=FloatField())
    )


def to_review(order: str = "oldest"):
    """The queue: articles with facts waiting, in the order asked for (`ORDERS`)."""
    articles = with_pending_counts(Article.objects.select_related("source"))
    return articles.filter(n_pending__gt=0).order_by(*ORDERS[order])


def next_in_queue(queue, current_pk: int) -> int | None:
    """The article after the current one in the queue, or the first when it has left the queue.

    The queue's ids are read in one query rather than compared by sort key: the least-confident order is a
    computed value that the curator's decisions on the current article have just changed.
    """
    ids = list(queue.values_list("pk", flat=True))
    if current_pk in ids:
        after = ids[ids.index(current_pk) + 1 :] or ids[: ids.index(current_pk)]
        return after[0] if after else None
    return ids[0] if ids else None
