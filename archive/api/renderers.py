from rest_framework.renderers import JSONRenderer


class SafeJSONRenderer(JSONRenderer):
    """JSON with <, > and & written as \\u escapes, as Django's json_script does.

    The same data to a JSON parser; but a response wrongly read as HTML (an old browser sniffing, a
    proxy, a page pasting it in) holds no markup, even where it quotes a visitor's parameter back.
    Those three characters only ever occur inside JSON strings, so replacing the bytes is safe.
    """

    def render(self, data, accepted_media_type=None, renderer_context=None):
        body = super().render(data, accepted_media_type, renderer_context)
        return body.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")
