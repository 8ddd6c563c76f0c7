"""Settings for haystack 3.4's own Whoosh test suite, run against the archive's backend.

Taken from test_haystack/settings.py (BSD, see LICENSE): only the apps the Whoosh tests import, and the
"whoosh" connections use search.backend.ArchiveWhooshEngine instead of haystack's WhooshEngine.
"""

import os
from tempfile import mkdtemp

SECRET_KEY = "haystack-suite-only"  # noqa: S105 - a test settings module, never deployed
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = False

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "haystack",
    "tests.haystack_suite.test_haystack.core",
    "tests.haystack_suite.test_haystack.test_app_without_models",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
ROOT_URLCONF = "tests.haystack_suite.test_haystack.core.urls"

ENGINE = "search.backend.ArchiveWhooshEngine"
_root = mkdtemp(prefix="haystack-suite-")
# In memory, as in haystack's own runs: update_index --workers closes connections, which Django skips
# for an in-memory SQLite database (tests/haystack_suite/conftest.py keeps the file database off).
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
HAYSTACK_CONNECTIONS = {
    "default": {"ENGINE": "tests.haystack_suite.test_haystack.mocks.MockEngine"},
    "whoosh": {"ENGINE": ENGINE, "PATH": os.path.join(_root, "whoosh"), "INCLUDE_SPELLING": True},
    "filtered_whoosh": {"ENGINE": ENGINE, "PATH": os.path.join(_root, "filtered")},
}
