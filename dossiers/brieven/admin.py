"""Admin for letter settings (registered by dossiers/admin.py)."""
