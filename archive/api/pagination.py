from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination

from archive.core.converters import parse_int

from .params import BadParameters, page_size

MAX_PAGE = 10**9


class Pagination(PageNumberPagination):
    """Numbered pages of 50, `page_size` up to 200; an unusable number is a 400, a page past the end a 404."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        return page_size(request, self.page_size, self.max_page_size)

    def get_page_number(self, request, paginator):
        value = request.query_params.get(self.page_query_param, "")
        number = parse_int(value, 1, MAX_PAGE) if value else 1
        if number is None:
            raise BadParameters([f"page: a whole number from 1 to {MAX_PAGE}."])
        return number

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            last = self.django_paginator_class(queryset, self.get_page_size(request)).num_pages
            raise NotFound(f"There is no such page: the last is {last}.") from None

    def get_schema_operation_parameters(self, view):
        page, size = super().get_schema_operation_parameters(view)
        page["schema"].update(minimum=1, maximum=MAX_PAGE)
        size["schema"].update(minimum=1, maximum=self.max_page_size, default=self.page_size)
        return [page, size]
