"""The review desk: the queue of articles waiting for a curator, one article at a time, and its decisions.

Pages are for staff; each decision needs the model permission for the fact it changes, as in the admin.
Every action is a plain form POST that comes back to the article, so the desk works without JavaScript;
static/review/desk.js only adds the keyboard.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from archive.core.models import Article, Country, Organisation, PersonRole, ReviewStatus

from . import desk, forms, queue

PER_PAGE = 25
CORRECTIONS = {"meeting": forms.MeetingForm, "participation": forms.ParticipationForm, "person": forms.MentionForm}


def _perm(action: str, kind: str) -> str:
    return f"core.{action}_{queue.KINDS[kind]._meta.model_name}"


def fact_permission(action: str):
    """The model permission `action` on the kind of fact the URL names (`change_meeting`, ...), else 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, kind, **kwargs):
            if not request.user.has_perm(_perm(action, kind)):
                raise PermissionDenied
            return view(request, *args, kind=kind, **kwargs)

        return wrapped

    return decorator


def _article(pk):
    """The article, with its facts waiting counted by the queue's own rule."""
    return get_object_or_404(queue.with_pending_counts(Article.objects.select_related("source")), pk=pk)


def _abilities(user) -> dict:
    """What the curator may do, so that a viewer sees the facts without buttons that would only answer 403."""
    can = {kind: user.has_perm(_perm("change", kind)) for kind in queue.KINDS}
    can["all"] = all(can.values())
    can["add_meeting"] = user.has_perms(["core.add_meeting", "core.add_participation"])
    can["add_person"] = user.has_perms(["core.add_articleperson", "core.add_person"])
    can["add_role"] = user.has_perm("core.add_personrole")
    return can


def _filters(request) -> forms.QueueFilters:
    return forms.QueueFilters(request.GET or None)


def _article_url(request, pk: int, anchor: str = "") -> str:
    """The desk for an article, keeping the queue's filters (for "next") and landing on the fact just decided."""
    query = _filters(request).query()
    return reverse("review:article", args=[pk]) + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")


@staff_member_required
@require_safe
def queue_page(request):
    languages = Article.objects.order_by("language").values_list("language", flat=True).distinct()
    filters = forms.QueueFilters(request.GET or None, languages=list(languages))
    articles = filters.apply(queue.to_review(filters.ordering()))
    page = Paginator(articles, PER_PAGE).get_page(request.GET.get("page"))
    ctx = {"filters": filters, "page_obj": page, "queue_query": filters.query()}
    return render(request, "review/queue.html", ctx)


@staff_member_required
@require_safe
def article_page(request, pk):
    return _render_desk(request, _article(pk))


def _render_desk(request, article, bound=None):
    """The desk for one article. `bound`: a form sent back with errors, shown open in place of its blank one."""
    bound = bound or {}
    board = desk.load(article)
    names = dict(Country.objects.values_list("code", "name"))
    organisations = [(org.pk, str(org)) for org in Organisation.objects.all()]

    def form(cls, prefix, **kwargs):
        return bound.get(prefix) or cls(prefix=prefix, **kwargs)

    for meeting in board.meetings:
        meeting.form = form(forms.MeetingForm, f"meeting-{meeting.pk}", instance=meeting)
        for p in meeting.participations.all():
            p.form = form(
                forms.ParticipationForm,
                f"participation-{p.pk}",
                instance=p,
                roles=p.known_roles,
                meeting_date=meeting.date,
                names=names,
            )
            p.role_form = form(forms.RoleForm, f"role-{p.pk}", names=names, organisations=organisations)
    for link in board.people:
        link.form = form(forms.MentionForm, f"person-{link.pk}", instance=link, names=names)
    ctx = {
        "article": article,
        "desk": board,
        "can": _abilities(request.user),
        "countries": names,
        "queue_query": _filters(request).query(),
        "missed_meeting": form(
            forms.MissedMeetingForm, "missed-meeting", article=article, mentions=board.people, names=names
        ),
        "missed_person": form(forms.MissedPersonForm, "missed-person", article=article, names=names),
        "accept_all": forms.AcceptAllForm(initial={"expected": article.n_pending}),
    }
    return render(request, "review/article.html", ctx)


@staff_member_required
@require_safe
def next_article(request, pk):
    filters = _filters(request)
    following = queue.next_in_queue(filters.apply(queue.to_review(filters.ordering())), pk)
    if following is None:
        messages.info(request, "Nothing else is waiting for review.")
        query = filters.query()
        return redirect(reverse("review:queue") + (f"?{query}" if query else ""))
    return redirect(_article_url(request, following))


@staff_member_required
@require_POST
@fact_permission("change")
def decide(request, pk, kind, fact):
    article = get_object_or_404(Article, pk=pk)
    obj = desk.fact_of(article, kind, fact)
    form = forms.DecisionForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Send decision=verified or decision=rejected.")
    desk.decide(obj, form.cleaned_data["decision"])
    verb = "Accepted" if obj.review_status == ReviewStatus.VERIFIED else "Rejected"
    messages.success(request, f"{verb}: {desk.label(kind, obj)}.")
    return redirect(_article_url(request, pk, f"fact-{kind}-{obj.pk}"))


def _correction(kind, obj, data=None):
    prefix = f"{kind}-{obj.pk}"
    if kind == "participation":
        roles = obj.person.roles.select_related("country", "organisation")
        return forms.ParticipationForm(
            data,
            instance=obj,
            roles=desk.roles_at(roles, obj.meeting.date),
            meeting_date=obj.meeting.date,
            prefix=prefix,
        )
    return CORRECTIONS[kind](data, instance=obj, prefix=prefix)


@staff_member_required
@require_POST
@fact_permission("change")
def correct(request, pk, kind, fact):
    if kind not in CORRECTIONS:
        raise Http404("Countries and organisations are accepted or rejected, not corrected.")
    article = _article(pk)
    form = _correction(kind, desk.fact_of(article, kind, fact), request.POST)
    if not form.is_valid():
        return _render_desk(request, article, {form.prefix: form})
    obj = form.save(commit=False)
    desk.save_correction(obj)
    messages.success(request, f"Corrected: {desk.label(kind, obj)}.")
    return redirect(_article_url(request, pk, f"fact-{kind}-{obj.pk}"))


@staff_member_required
@require_POST
@permission_required([_perm("change", kind) for kind in queue.KINDS], raise_exception=True)
def accept_all(request, pk):
    article = _article(pk)
    form = forms.AcceptAllForm(request.POST)
    # Only what the curator saw: a re-import that proposed more since then needs another look first.
    if not form.is_valid() or form.cleaned_data["expected"] != article.n_pending:
        messages.warning(request, "The article's facts changed since the page was opened: look again, then accept.")
        return redirect(_article_url(request, pk))
    accepted = desk.accept_all(article)
    messages.success(request, f"Accepted {accepted} remaining fact{'s' if accepted != 1 else ''}.")
    return redirect(_article_url(request, pk))


@staff_member_required
@require_POST
@permission_required(["core.add_meeting", "core.add_participation"], raise_exception=True)
def add_meeting(request, pk):
    article = _article(pk)
    mentions = article.person_links.select_related("person", "country")
    form = forms.MissedMeetingForm(request.POST, article=article, mentions=mentions, prefix="missed-meeting")
    if not form.is_valid():
        return _render_desk(request, article, {form.prefix: form})
    with transaction.atomic():
        meeting = form.save()
    messages.success(request, f"Added: {desk.label('meeting', meeting)}.")
    return redirect(_article_url(request, pk, f"fact-meeting-{meeting.pk}"))


@staff_member_required
@require_POST
@permission_required(["core.add_articleperson", "core.add_person"], raise_exception=True)
def add_person(request, pk):
    article = _article(pk)
    form = forms.MissedPersonForm(request.POST, article=article, prefix="missed-person")
    if not form.is_valid():
        return _render_desk(request, article, {form.prefix: form})
    with transaction.atomic():
        link = form.save()
    messages.success(request, f"Added: {desk.label('person', link)}.")
    return redirect(_article_url(request, pk, f"fact-person-{link.pk}"))


@staff_member_required
@require_POST
@permission_required("core.add_personrole", raise_exception=True)
def add_role(request, pk, fact):
    article = _article(pk)
    participation = desk.fact_of(article, "participation", fact)
    role = PersonRole(person=participation.person)
    form = forms.RoleForm(request.POST, instance=role, prefix=f"role-{participation.pk}")
    if not form.is_valid():
        return _render_desk(request, article, {form.prefix: form})
    use_for = form.cleaned_data["use_for"]
    if use_for and not request.user.has_perm("core.change_participation"):
        raise PermissionDenied
    with transaction.atomic():
        role = form.save()
        if use_for:
            participation.role = role.title
            participation.country = role.country or participation.country
            desk.save_correction(participation)
    messages.success(request, f"Added the role {role.title} to {participation.person.name}.")
    return redirect(_article_url(request, pk, f"fact-participation-{participation.pk}"))
