"""Links to the outside world, rendered only when they are web links.

Import refuses other schemes, but rows stored before that rule (or written by
other means) may still hold javascript: or data: URLs; this filter keeps them
out of every href.
"""

from django import template
from django.core.exceptions import ValidationError

from archive.core.models.articles import validate_http_url

register = template.Library()


@register.filter
def http_url(value) -> str:
    """The URL when it is a valid http or https URL, else ""."""
    if not value:
        return ""
    try:
        validate_http_url(str(value))
    except ValidationError:
        return ""
    return str(value)
