"""Turn model changes into queued index updates.

A change records the affected article ids in `IndexQueue` inside the same transaction (so a rollback
forgets it and a broker outage does not), and after the commit sends one Celery task per transaction.
Deletes are handled in pre_delete, while the relations that name the affected articles still exist.
Not covered by signals: QuerySet.update(), bulk_create/bulk_update and raw SQL; run
`search_index_status --repair` after those.
"""

from __future__ import annotations

import logging
import threading

from django.db import models, transaction
from django.db.models import signals
from haystack.signals import BaseSignalProcessor

from archive.core import models as core

log = logging.getLogger(__name__)
_buffer = threading.local()


def _articles(**lookup) -> list[int]:
    return list(core.Article.objects.filter(**lookup).values_list("pk", flat=True).distinct())


def _person_articles(person_id) -> list[int]:
    return _articles(people=person_id) + _articles(meetings__participations__person=person_id)


# Model -> the article ids a change to one instance affects.
AFFECTED = {
    core.Article: lambda o: [o.pk],
    core.ArticleCountry: lambda o: [o.article_id],
    core.ArticlePerson: lambda o: [o.article_id],
    core.ArticleOrganisation: lambda o: [o.article_id],
    core.Source: lambda o: _articles(source=o.pk),
    core.Person: lambda o: _person_articles(o.pk),
    core.PersonName: lambda o: _person_articles(o.person_id),
    core.Country: lambda o: _articles(countries=o.pk),
    core.CountryAlias: lambda o: _articles(countries=o.country_id),
    core.Organisation: lambda o: _articles(organisations=o.pk),
    core.OrganisationAlias: lambda o: _articles(organisations=o.organisation_id),
    core.Meeting: lambda o: _articles(meetings=o.pk),
    core.Participation: lambda o: _articles(meetings=o.meeting_id),
}

M2M = {
    core.Article.countries.through: core.Article,
    core.Article.people.through: core.Article,
    core.Article.organisations.through: core.Article,
    core.Meeting.articles.through: core.Meeting,
}


def enqueue(article_ids) -> None:
    """Record the ids durably now; send them to a worker once the transaction commits."""
    from .models import IndexQueue

    ids = sorted({int(i) for i in article_ids if i is not None})
    if not ids:
        return
    IndexQueue.objects.bulk_create([IndexQueue(article_id=i) for i in ids])
    pending = getattr(_buffer, "ids", None)
    if pending is None:
        pending = _buffer.ids = set()
    pending.update(ids)
    # Several callbacks per transaction are harmless: the first sends everything buffered, the rest find nothing.
    transaction.on_commit(_dispatch)


def _dispatch() -> None:
    from .tasks import index_articles

    ids = sorted(getattr(_buffer, "ids", None) or ())
    _buffer.ids = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        try:
            index_articles.delay(chunk)
        except Exception:
            # Broker down or the eager task failed: the queue rows stay and process_pending retries them.
            log.exception("Could not index articles %s now; left in the search queue", chunk[:10])


class QueuedSignalProcessor(BaseSignalProcessor):
    def setup(self):
        for model in AFFECTED:
            signals.post_save.connect(self.handle_save, sender=model)
            signals.pre_delete.connect(self.handle_delete, sender=model)
        for through in M2M:
            signals.m2m_changed.connect(self.handle_m2m, sender=through)

    def teardown(self):
        for model in AFFECTED:
            signals.post_save.disconnect(self.handle_save, sender=model)
            signals.pre_delete.disconnect(self.handle_delete, sender=model)
        for through in M2M:
            signals.m2m_changed.disconnect(self.handle_m2m, sender=through)

    def handle_save(self, sender, instance, raw=False, **kwargs):
        if raw:  # loaddata: objects may point at rows not loaded yet; rebuild afterwards
            return
        enqueue(AFFECTED[sender](instance))

    def handle_delete(self, sender, instance, **kwargs):
        enqueue(AFFECTED[sender](instance))

    def handle_m2m(self, sender, instance, action, reverse, model, pk_set, **kwargs):
        if action not in ("post_add", "post_remove", "pre_clear"):
            return
        if isinstance(instance, core.Article):
            enqueue([instance.pk])
        elif action == "pre_clear":
            enqueue(_m2m_articles(sender, instance))
        elif model is core.Article:
            enqueue(pk_set or ())
        else:
            enqueue(AFFECTED[type(instance)](instance))


def _m2m_articles(through, instance: models.Model) -> list[int]:
    field = next(f for f in through._meta.fields if f.related_model is type(instance))
    return list(through.objects.filter(**{field.name: instance}).values_list("article_id", flat=True))
