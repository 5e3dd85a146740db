"""Static files. ``flask digest compile`` (Flask-Static-Digest, run by ``make setup`` and ``make test``) writes
a copy of each file with its content's MD5 in the name, and a gzip copy of each; ``static_url_for`` in the
templates links to the fingerprinted name. WhiteNoise serves them: the gzip copy to browsers that accept it,
and fingerprinted names with a far-future, immutable Cache-Control, since a change makes a new name."""
from __future__ import annotations

from flask import Flask
from flask_static_digest import FlaskStaticDigest
from whitenoise import WhiteNoise

FINGERPRINTED = r"-[0-9a-f]{32}\.[^/]+$"
# A name without a fingerprint (before the digest is compiled, or a link from elsewhere) can change with any
# release, so it is kept only briefly.
UNFINGERPRINTED_MAX_AGE = 60 * 60


def init_app(app: Flask) -> None:
    FlaskStaticDigest(app)
    app.wsgi_app = WhiteNoise(
        app.wsgi_app,
        root=app.static_folder,
        prefix=app.static_url_path,
        max_age=UNFINGERPRINTED_MAX_AGE,
        immutable_file_test=FINGERPRINTED,
        # Development servers pick up edited and newly compiled files without a restart.
        autorefresh=app.debug,
        add_headers_function=_no_sniffing,
    )


def _no_sniffing(headers, _path: str, _url: str) -> None:
    # These responses never reach Flask, so Talisman's headers are not added to them.
    headers["X-Content-Type-Options"] = "nosniff"
