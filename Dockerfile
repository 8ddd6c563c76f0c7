FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY archive ./archive
COPY search ./search
RUN pip install .

COPY . .
RUN DEBUG=1 python manage.py collectstatic --noinput -v0

RUN useradd --system --home /app archive && mkdir -p /data && chown archive /data
USER archive
EXPOSE 8000
CMD ["gunicorn", "archive.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3"]
