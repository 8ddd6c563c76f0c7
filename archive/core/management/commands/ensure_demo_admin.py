import secrets

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the demo superuser 'admin' with a random password (embedded default only) and print how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/", help="Where the admin is served.")

    def handle(self, *args, url, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a demo admin with DEBUG off; use createsuperuser.")
        secret_file = settings.VAR_DIR / "demo-admin-password.txt"
        user = User.objects.filter(username="admin").first()
        if user is None or not secret_file.exists():
            password = secrets.token_urlsafe(12)
            user = user or User(username="admin", email="admin@example.org", is_staff=True, is_superuser=True)
            user.set_password(password)
            user.save()
            secret_file.write_text(password + "\n")
            secret_file.chmod(0o600)
        password = secret_file.read_text().strip()
        self.stdout.write(f"Admin: {url}  user: admin  password: {password}  (kept in {secret_file})")
