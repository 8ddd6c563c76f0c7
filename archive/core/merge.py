"""Merging two records of one person into one, losing nothing."""

from django.db import transaction

from archive.core.models import ArticlePerson, Participation, Person, PersonName


class MergeError(Exception):
    pass


@transaction.atomic
def merge_people(keep: Person, other: Person) -> Person:
    """Move everything of `other` onto `keep`, then delete `other`.

    Where both records are linked to the same article or meeting, the link a
    curator verified (or else the kept record's) wins and takes the role and
    country the other had when it lacks them; notes are appended, not replaced.
    """
    if keep.pk == other.pk:
        raise MergeError("Cannot merge a person into itself.")
    # The audit trail (simple-history; the admin request gives the user) says what each change was part of,
    # and the deleted record's last entry says into whom it went.
    reason = f"Merged {other.name} (#{other.pk}) into {keep.name} (#{keep.pk})"
    _move_links(ArticlePerson, "article", keep, other, reason)
    _move_links(Participation, "meeting", keep, other, reason)
    for role in other.roles.all():  # one by one, not update(): each move is recorded
        role.person = keep
        role._change_reason = reason
        role.save()
    known = set(keep.names.values_list("name", flat=True))
    for variant in other.names.all():
        if variant.name not in known:
            PersonName.objects.create(person=keep, name=variant.name)
    if other.notes:
        keep.notes = "\n\n".join(filter(None, [keep.notes, f"From merged record {other.name}: {other.notes}"]))
    if keep.country_id is None:
        keep.country_id = other.country_id
    other._change_reason = reason
    other.delete()
    keep._change_reason = reason
    keep.save()
    return keep


def _move_links(model, owner: str, keep: Person, other: Person, reason: str) -> None:
    """Re-point `other`'s links to `keep`; where both have one, keep one and lose no detail."""
    for link in model.objects.filter(person=other):
        existing = model.objects.filter(**{owner: getattr(link, f"{owner}_id")}, person=keep).first()
        link._change_reason = reason
        if existing is None:
            link.person = keep
            link.save()
            continue
        existing._change_reason = reason
        if link.is_protected and not existing.is_protected:
            # The curator-checked link wins over an unreviewed one.
            existing.delete()
            link.person = keep
            link.save()
        else:
            existing.role = existing.role or link.role
            existing.country_id = existing.country_id or link.country_id
            existing.save()
            link.delete()
