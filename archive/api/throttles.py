from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class AnonThrottle(AnonRateThrottle):
    """DRF's throttle for anonymous clients, reading its rate (settings.API_ANON_RATE) on each request.

    DRF's own copies the rates into a class attribute at import, so a changed setting would never reach it.
    """

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
