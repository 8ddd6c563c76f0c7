"""Settings for the archive, all from environment variables.

Unset, everything runs embedded: SQLite and the Whoosh index under var/, Celery
tasks in-process. Production sets DATABASE_URL, CELERY_BROKER_URL, SECRET_KEY,
ALLOWED_HOSTS and DEBUG=0. A value that cannot be used stops start-up with a
message naming the variable, rather than running half-configured.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true/false, 1/0, yes/no or on/off, not {value!r}")


def env_int(name: str, default: int, minimum: int | None = None) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {number}")
    return number


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_path(name: str, default: Path) -> Path:
    """An absolute path, relative ones taken from the project folder.

    Never resolved: the index path is a symlink that rebuilds swap, and every process, whenever it
    started, must agree on the same spelling (lock file, rebuild journal, generation names).
    """
    path = Path(env(name) or default).expanduser()
    return Path(os.path.normpath(path if path.is_absolute() else BASE_DIR / path))


def env_database(name: str, default: str) -> dict:
    url = env(name) or default
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60))
    except Exception as exc:  # dj-database-url raises several types; all mean the same to the operator
        raise ImproperlyConfigured(f"{name} is not a usable database URL ({url!r}): {exc}") from None
    if not config.get("ENGINE"):
        raise ImproperlyConfigured(f"{name} names no database engine: {url!r}")
    return config


DEBUG = env_bool("DEBUG", True)
VAR_DIR = env_path("ARCHIVE_VAR_DIR", BASE_DIR / "var")
# The embedded default keeps its database and index here; creating it spares newcomers a step.
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "insecure-development-key-only-for-debug-mode"  # noqa: S105 (never used with DEBUG off)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Before haystack: its rebuild_index, update_index and clear_index commands are overridden by
    # the archive's (atomic rebuild beside the live index, the locked writer).
    "search",
    "haystack",
    "axes",
    "csp",
    "simple_history",
    "archive.core",
    "archive.imports",
    "archive.review",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served from static/: the docs page needs no CDN
    "archive.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files from the web process itself, so the documented production setup needs no extra server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Gives the audit trail (django-simple-history) the user behind each change.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "archive.core.middleware.PermissionsPolicyMiddleware",
    # Last, as django-axes requires: it turns a lockout into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'archive.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env_path("STATIC_ROOT", VAR_DIR / "static")
if DEBUG:
    # WhiteNoise serves from the finders while developing, but warns on every start if this is missing.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names and compressed copies in production; plain finders while developing.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

LOGIN_URL = "admin:login"
# Where a login lands when `next` is missing or refused (e.g. another host): only staff ever log in.
LOGIN_REDIRECT_URL = "admin:index"

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from one
# address, that pair is refused, even with the right password, until the cool-off has passed.
# The address is REMOTE_ADDR: behind a proxy, every client shares the proxy's, so the lock is per username.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first, as django-axes requires
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no banner on every management command; lockouts are still logged as warnings

# Content-Security-Policy (django-csp): the pages load scripts, styles and images only from this site,
# and templates hold no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Browser features the archive never uses, switched off for every page (archive.core.middleware).
PERMISSIONS_POLICY = {"camera": [], "microphone": [], "geolocation": [], "payment": [], "usb": []}

# Security: strict in production, relaxed only where DEBUG needs plain http.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Load balancers probe health over plain http inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


# Search: Whoosh on local disk by default (rebuildable from the database); SEARCH_URL names another
# haystack engine (elasticsearch7://host:9200/index, solr://host:8983/solr/core), served by the
# generic implementation (search/service.py).
def env_search(name: str, whoosh_path: Path) -> tuple[dict, str]:
    from search.generic import SearchURLError, connection_from_url

    url = env(name)
    if url and env("WHOOSH_INDEX_PATH"):
        raise ImproperlyConfigured(f"Set {name} or WHOOSH_INDEX_PATH, not both ({name}={url!r}).")
    try:
        return connection_from_url(url or f"whoosh://{whoosh_path}")
    except SearchURLError as exc:
        raise ImproperlyConfigured(str(exc)) from None


WHOOSH_INDEX_PATH = env_path("WHOOSH_INDEX_PATH", VAR_DIR / "whoosh_index")
_search_connection, SEARCH_IMPLEMENTATION = env_search("SEARCH_URL", WHOOSH_INDEX_PATH)
HAYSTACK_CONNECTIONS = {"default": _search_connection}
if "PATH" in _search_connection:
    WHOOSH_INDEX_PATH = Path(_search_connection["PATH"])
HAYSTACK_SIGNAL_PROCESSOR = "search.signals.QueuedSignalProcessor"
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 20
# How often a web thread looks for new index commits (search/searchers.py): a save becomes searchable
# this much later at most, and a loaded site opens new segments once per period, not per request.
SEARCH_REFRESH_MS = env_int("SEARCH_REFRESH_MS", 1000, minimum=0)
# How long a worker's index task waits for the saves right behind it, to commit them together.
SEARCH_GATHER_MS = env_int("SEARCH_GATHER_MS", 300, minimum=0)
# Otherwise every haystack query adds an unlimited narrow search over django_ct (haystack #351).
HAYSTACK_LIMIT_TO_REGISTERED_MODELS = False

# Celery: without a broker, tasks run in the calling process (the embedded default).
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_QUEUE", "archive")
CELERY_BEAT_SCHEDULE = {
    # Picks up saves whose task was lost (broker down, worker killed); bounds how long they wait.
    "reconcile-search-index": {"task": "search.tasks.process_pending", "schedule": 30.0},
}


# The JSON API (archive.api, Django REST Framework): read-only, JSON only (the browsable API's pages carry
# inline script the CSP forbids), no accounts, so every client is anonymous and throttled per address.
def env_rate(name: str, default: str) -> str:
    """A throttle rate as DRF reads it: requests per second, minute, hour or day, e.g. 120/minute."""
    value = env(name, default).strip()
    number, _, period = value.partition("/")
    if number.isascii() and number.isdigit() and int(number) > 0 and period in ("second", "minute", "hour", "day"):
        return value
    raise ImproperlyConfigured(f"{name} must be requests per second, minute, hour or day (120/minute), not {value!r}")


# One cache for every process (the API's throttle counts, above all) when CACHE_URL names a Redis;
# otherwise each process counts on its own and the real limit is the rate times the processes.
def env_cache(name: str) -> dict:
    url = env(name)
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"{name} must be a Redis URL (redis://host:6379/1), not {url!r}")
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}


CACHES = {"default": env_cache("CACHE_URL")}
API_ANON_RATE = env_rate("API_ANON_RATE", "120/minute")
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["archive.api.renderers.SafeJSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["archive.api.throttles.AnonThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": API_ANON_RATE},
    # The client's address is REMOTE_ADDR, never an X-Forwarded-For header a client could make up; behind
    # N trusted proxies, API_NUM_PROXIES=N reads it from X-Forwarded-For as the outermost of them recorded it.
    "NUM_PROXIES": env_int("API_NUM_PROXIES", 0, minimum=0),
    "DEFAULT_PAGINATION_CLASS": "archive.api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "The archive: JSON API",
    "DESCRIPTION": "Read-only access to the archive's articles, meetings, people and countries, and its search. "
    "Facts a curator rejected are never returned. Anonymous clients are limited to "
    f"{API_ANON_RATE} per address.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,  # the language codes would fill a page
    "ENUM_NAME_OVERRIDES": {
        "DatePrecisionEnum": "archive.core.models.DatePrecision",
        "ReviewStatusEnum": "archive.core.models.ReviewStatus",
    },
    # No badge from an outside validator: the CSP allows images from this site only.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    # The site's path converters (archive.core.converters), as types.
    "PATH_CONVERTER_OVERRIDES": {
        "pk": {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
        "country": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
