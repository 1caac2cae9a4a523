# Production image: gunicorn (web), Celery worker and beat all run from it.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

# WeasyPrint (PDF letters) needs Pango and HarfBuzz; fonts for the letters.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# pyproject.toml declares the dependencies only (no packages to build), so they are
# installed before the code is copied and stay cached while only the code changes.
COPY pyproject.toml ./
RUN pip install .
COPY . .

RUN useradd --create-home --uid 1000 leerlingzorg \
    && mkdir -p /app/staticfiles /app/media \
    && chown -R leerlingzorg:leerlingzorg /app/staticfiles /app/media
USER leerlingzorg

EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
