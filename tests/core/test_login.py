"""Logging in to the admin: django-axes locks a username out from one address after too many wrong
passwords, and a login whose `next` is refused lands on the admin index."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse

PASSWORD = "pw-for-tests-only"
HERE, ELSEWHERE = "198.51.100.1", "203.0.113.9"


@pytest.fixture
def analyst(db):
    return User.objects.create_user("analyst", password=PASSWORD, is_staff=True, is_superuser=True)


def log_in(client, username, password, address=HERE, **extra):
    form = {"username": username, "password": password, **extra}
    return client.post(reverse("admin:login"), form, REMOTE_ADDR=address)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def fail_until_locked(client, username):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, username, "wrong password")
        assert response.status_code == 200 and b"Please enter the correct username" in response.content
    assert log_in(client, username, "wrong password").status_code == 429


def test_it_allows_a_handful_of_failures_before_locking():
    assert 3 <= settings.AXES_FAILURE_LIMIT <= 10
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


def test_it_refuses_even_the_right_password_once_locked(client, analyst):
    fail_until_locked(client, "analyst")
    response = log_in(client, "analyst", PASSWORD)
    assert response.status_code == 429 and b"too many login attempts" in response.content
    assert not logged_in(client)


def test_it_locks_only_that_username_from_that_address(client, analyst):
    User.objects.create_user("colleague", password=PASSWORD, is_staff=True)
    fail_until_locked(client, "analyst")
    assert log_in(client, "colleague", PASSWORD).status_code == 302 and logged_in(client)
    client.logout()
    assert log_in(client, "analyst", PASSWORD, address=ELSEWHERE).status_code == 302 and logged_in(client)


def test_it_lets_the_user_in_again_after_the_cool_off(client, analyst):
    fail_until_locked(client, "analyst")
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - settings.AXES_COOLOFF_TIME)
    assert log_in(client, "analyst", PASSWORD).status_code == 302 and logged_in(client)


def test_it_forgets_the_failures_after_a_successful_login(client, analyst):
    for _ in range(2):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert log_in(client, "analyst", "wrong password").status_code == 200
        assert log_in(client, "analyst", PASSWORD).status_code == 302
        client.logout()
    assert not AccessAttempt.objects.exists()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/admin/", "javascript:alert(1)", ""])
def test_it_lands_on_the_admin_when_next_is_refused(client, analyst, target):
    response = log_in(client, "analyst", PASSWORD, next=target)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200


def test_it_follows_a_next_on_this_site(client, analyst):
    target = reverse("admin:core_article_changelist")
    assert log_in(client, "analyst", PASSWORD, next=target)["Location"] == target


def test_it_lands_on_the_admin_without_next(client, analyst):
    # The admin's form sends `next`; a POST without one falls back to LOGIN_REDIRECT_URL, once a 404.
    response = log_in(client, "analyst", PASSWORD)
    assert response["Location"] == reverse("admin:index")


def _start(env: dict) -> subprocess.CompletedProcess:
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'archive.settings'); django.setup();"
        "from django.conf import settings; print(settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME)"
    )
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("AXES_")} | env
    return subprocess.run([sys.executable, "-c", code], env=full_env, capture_output=True, text=True, timeout=60)


def test_it_reads_the_limit_and_the_cool_off_from_the_environment():
    result = _start({"AXES_FAILURE_LIMIT": "3", "AXES_COOLOFF_MINUTES": "90"})
    assert result.stdout.split() == ["3", str(timedelta(minutes=90))], result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"AXES_FAILURE_LIMIT": "0"}, "AXES_FAILURE_LIMIT must be at least 1"),
        ({"AXES_FAILURE_LIMIT": "five"}, "AXES_FAILURE_LIMIT must be a whole number"),
        ({"AXES_COOLOFF_MINUTES": "-5"}, "AXES_COOLOFF_MINUTES must be at least 1"),
    ],
)
def test_it_names_the_variable_with_an_unusable_throttle_setting(env, message):
    result = _start(env)
    assert result.returncode != 0 and message in result.stderr
