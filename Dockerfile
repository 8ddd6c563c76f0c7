FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY archive ./archive
COPY search ./search
RUN pip install ".[elasticsearch,solr]"

COPY . .
# Production storage (hashed, compressed names) needs its manifest built with DEBUG off.
RUN DEBUG=0 SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput -v0

RUN useradd --system --home /app archive && mkdir -p /data && chown archive /data
USER archive
EXPOSE 8000
# gunicorn.conf.py in /app sets sync workers (a buffering proxy goes in front); WhiteNoise serves the static files.
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/', timeout=4).status != 200)"
CMD ["gunicorn", "archive.wsgi"]
