"""Keeping secrets out of the server's logs.

Some links carry a secret in their path (a password reset, an alert's confirm or unsubscribe link, a
passport share link, an invitation) or in their query (token, key, code, credential). Access logs
record every path and referer, so one function, ``redact_secrets``, blanks those parts, and both
servers use it: gunicorn through ``RedactingAccessLogger`` (see gunicorn.conf.py) and the development
server through ``RedactSecretsFilter`` on the "werkzeug" logger.
"""
from __future__ import annotations

import logging
import re

from gunicorn.glogging import Logger as GunicornLogger

REDACTED = "[redacted]"
# Path prefixes whose next segment is a secret; keep in step with the routes that take <token>.
SECRET_PATH_PREFIXES = (
    "/reset-password/",
    "/alerts/confirm/",
    "/alerts/unsubscribe/",
    "/passport/shared/",
    "/invitations/",
)
SECRET_QUERY_NAMES = ("token", "key", "code", "credential")

# Each prefix as written, or percent-encoded inside another link's ``next=`` (the invitation page sends
# a signed-out visitor to sign in with ``next=%2Finvitations%2F<token>``); the secret runs to the next
# separator (none of these tokens contains a percent sign).
_SECRET_PATH = re.compile(
    "(" + "|".join(re.escape(prefix).replace("/", "(?:/|%2F)") for prefix in SECRET_PATH_PREFIXES) + r")[^/?#&;\s\"%]+",
    re.IGNORECASE,
)
# A name at the start of a query string, or after ?, & or ; (also percent-encoded inside a referer
# or a ``next=`` parameter), then its value up to the next separator.
_SECRET_QUERY = re.compile(
    r"((?:^|[?&;]|%3F|%26)(?:" + "|".join(SECRET_QUERY_NAMES) + r")(?:=|%3D))[^&;#\s\"]*", re.IGNORECASE
)


def redact_secrets(text: str) -> str:
    """``text`` (a path, a query string, a URL or a whole log line) with every secret replaced."""
    return _SECRET_QUERY.sub(rf"\1{REDACTED}", _SECRET_PATH.sub(rf"\1{REDACTED}", text))


class RedactSecretsFilter(logging.Filter):
    """For the development server's request lines, which werkzeug logs with the path as an argument."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_secrets(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def install_werkzeug_filter() -> None:
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(existing, RedactSecretsFilter) for existing in logger.filters):
        logger.addFilter(RedactSecretsFilter())


class RedactingAccessLogger(GunicornLogger):
    """gunicorn's logger, with every value an access-log format can show passed through the redaction
    (request line, path, query, referer and any header or environment value)."""

    def atoms(self, resp, req, environ, request_time):
        return {
            name: redact_secrets(value) if isinstance(value, str) else value
            for name, value in super().atoms(resp, req, environ, request_time).items()
        }
