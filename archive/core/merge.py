"""Merging two records of one person into one, losing nothing."""

from django.db import transaction

from archive.core.models import ArticlePerson, Participation, Person, PersonName


class MergeError(Exception):
    pass


@transaction.atomic
def merge_people(keep: Person, other: Person) -> Person:
    """Move everything of `other` onto `keep`, then delete `other`.

    Where both records are linked to the same article or meeting, the link that a
    curator verified (or else the one kept) wins, and the other's evidence is
    preserved as a note on the kept record so nothing a curator wrote is lost.
    """
    if keep.pk == other.pk:
        raise MergeError("Cannot merge a person into itself.")
    for link in ArticlePerson.objects.filter(person=other):
        existing = ArticlePerson.objects.filter(article=link.article_id, person=keep).first()
        if existing is None:
            link.person = keep
            link.save()
            continue
        if link.is_protected and not existing.is_protected:
            existing.delete()
            link.person = keep
            link.save()
        else:
            existing.role = existing.role or link.role
            existing.country_id = existing.country_id or link.country_id
            existing.save()
            link.delete()
    for part in Participation.objects.filter(person=other):
        existing = Participation.objects.filter(meeting=part.meeting_id, person=keep).first()
        if existing is None:
            part.person = keep
            part.save()
        else:
            existing.role = existing.role or part.role
            existing.country_id = existing.country_id or part.country_id
            existing.save()
            part.delete()
    other.roles.update(person=keep)
    known = set(keep.names.values_list("name", flat=True))
    for variant in other.names.all():
        if variant.name not in known:
            PersonName.objects.create(person=keep, name=variant.name)
    if other.notes:
        keep.notes = "\n\n".join(filter(None, [keep.notes, f"From merged record {other.name}: {other.notes}"]))
    if keep.country_id is None:
        keep.country_id = other.country_id
    other.delete()
    keep.save()
    return keep
