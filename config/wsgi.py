import os

from django.core.wsgi import get_wsgi_application

from config.opstart import vereis_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
vereis_secret_key()
application = get_wsgi_application()
