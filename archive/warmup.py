"""Make a fresh web process ready before it takes requests.

A new gunicorn worker (after a deploy, a crash, or the periodic recycling in gunicorn.conf.py)
otherwise pays on its first request for what every later request gets for free: importing the
views behind the URLconf (0.28 s here), compiling the templates and reading the index's facet
tables (~0.2 s at 10k articles). On the demo data the first search in a fresh process took 327 ms
without this and 50 ms after it.
"""

import logging
import time
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

# Django's own admin templates are many and used by few; compiling them would slow every boot.
SKIP_TEMPLATE_PREFIXES = ("admin/",)


def _project_templates():
    """Names of the templates the archive itself ships, as get_template() would look them up."""
    roots = [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    roots += sorted(Path(settings.BASE_DIR).glob("archive/*/templates"))
    for root in roots:
        for path in sorted(root.rglob("*.html")):
            name = path.relative_to(root).as_posix()
            if not name.startswith(SKIP_TEMPLATE_PREFIXES):
                yield name


def load_urlconf():
    from django.urls import get_resolver

    # Reading url_patterns imports every view module the URLconf names.
    return len(get_resolver().url_patterns)


def compile_templates():
    from django.template import TemplateDoesNotExist, TemplateSyntaxError
    from django.template.loader import get_template

    count = 0
    for name in _project_templates():
        try:
            get_template(name)  # with DEBUG off, the cached loader keeps the compiled template
        except (TemplateDoesNotExist, TemplateSyntaxError):
            logger.exception("could not compile template %s", name)
        else:
            count += 1
    return count


def open_search_index():
    from search import facets, searchers

    table = searchers.with_retry(facets.table_for)
    return int(table.live.sum())


STEPS = (
    ("url patterns", load_urlconf),
    ("templates", compile_templates),
    ("indexed documents", open_search_index),
)


def warm():
    """Run every step; return {step: (count, seconds)}. A step that fails is logged and skipped:
    a cold process still serves, so warming must never stop it from starting."""
    done = {}
    for label, step in STEPS:
        started = time.perf_counter()
        try:
            count = step()
        except Exception:
            logger.exception("warm-up step failed: %s", label)
            continue
        done[label] = (count, time.perf_counter() - started)
    return done


def describe(done):
    return ", ".join(f"{count} {label} in {seconds:.2f} s" for label, (count, seconds) in done.items())
