"""Celery tasks for letters. Filled in by issue 3."""
