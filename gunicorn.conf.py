"""gunicorn's settings for `make serve`: the portal behind a reverse proxy, access logs on stdout with
secrets taken out of paths, queries and referers (portal/logs.py)."""
import os

wsgi_app = "portal:create_app()"
bind = os.environ.get("BIND", "127.0.0.1:8000")
# gunicorn's own advice: two workers a core plus one, so one is always free while others wait on the database.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1))
accesslog = "-"
errorlog = "-"
logger_class = "portal.logs.RedactingAccessLogger"
# The usual combined format, plus how long the response took.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
