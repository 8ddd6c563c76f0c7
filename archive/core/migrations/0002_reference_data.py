from django.db import migrations


def load(apps, schema_editor):
    from archive.core.reference import seed_countries, seed_organisations

    seed_countries(apps.get_model("core", "Country"), apps.get_model("core", "CountryAlias"))
    seed_organisations(apps.get_model("core", "Organisation"), apps.get_model("core", "OrganisationAlias"))


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    from archive.core.reference import seed_groups

    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    seed_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(create_groups, migrations.RunPython.noop),
    ]
