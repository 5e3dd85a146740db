"""The Proud to Care portal: health and social care jobs, apprenticeships and careers for one region."""
from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter
from jinja2 import ChainableUndefined, ChoiceLoader, FileSystemLoader, PackageLoader, select_autoescape

from portal.config import KNOWN_DEVELOPMENT_SECRET_KEY, MAX_RECORD_ID, MIN_SECRET_KEY_LENGTH, REPO_ROOT, Config
from portal.extensions import csrf, db, limiter, login_manager, migrate
from portal.logs import install_werkzeug_filter
from portal.text import CleanRequest


def create_app(config: type[Config] | dict | None = None) -> Flask:
    overrides = config if isinstance(config, dict) else {}
    app = Flask(
        __name__,
        static_folder=str(REPO_ROOT / "static"),
        instance_path=overrides.get("INSTANCE_PATH") or os.environ.get("INSTANCE_PATH") or str(REPO_ROOT / "instance"),
    )
    app.request_class = CleanRequest
    app.config.from_object(Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    configure_secret_key(app)
    trust_proxies(app)
    configure_templates(app)
    register_security_headers(app)
    register_extensions(app)
    register_blueprints(app)
    serve_static_files(app)
    register_errorhandlers(app)
    register_commands(app)
    register_search_hooks(app)
    register_mail_sender(app)
    logging.basicConfig(level=logging.INFO)
    install_werkzeug_filter()
    return app


SECRET_KEY_FILE = "secret-key"


def configure_secret_key(app: Flask) -> None:
    """SECRET_KEY from the configuration, or else from the instance folder (made on first run). Outside
    tests the portal never runs on a key that is known or short enough to guess."""
    if not app.config.get("SECRET_KEY"):
        from portal.secret_files import read_or_create

        path = Path(app.instance_path) / SECRET_KEY_FILE
        app.config["SECRET_KEY"] = read_or_create(path, lambda: secrets.token_urlsafe(48).encode()).decode().strip()
    if app.testing:
        return
    key = app.config["SECRET_KEY"]
    if key == KNOWN_DEVELOPMENT_SECRET_KEY or len(key) < MIN_SECRET_KEY_LENGTH:
        raise RuntimeError(
            f"SECRET_KEY is a known development value or shorter than {MIN_SECRET_KEY_LENGTH} characters. "
            "Set SECRET_KEY to a long random value (python -c 'import secrets; print(secrets.token_urlsafe(48))'), "
            f"or unset it to use the key kept in {Path(app.instance_path) / SECRET_KEY_FILE}."
        )
def trust_proxies(app: Flask) -> None:
    """Believe the X-Forwarded-* headers set by the proxies in front of the portal, and only theirs: the
    client's address is then the one the nearest trusted proxy saw, for rate limits and logs alike."""
    count = app.config["TRUSTED_PROXY_COUNT"]
    if count > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count, x_port=count)


def register_security_headers(app: Flask) -> None:
    # Before the rate limiter, whose refusals are pages too and need the page's nonce.
    from portal import http_headers

    http_headers.init_app(app)


def configure_templates(app: Flask) -> None:
    app.jinja_options = {
        "undefined": ChainableUndefined,
        "loader": ChoiceLoader(
            [FileSystemLoader(str(REPO_ROOT / "templates")), PackageLoader("nhsuk_frontend_jinja")]
        ),
        "autoescape": select_autoescape(("html", "xml", "jinja"), default_for_string=True),
    }
    from portal import templating

    templating.init_app(app)


def register_extensions(app: Flask) -> None:
    import portal.models  # noqa: F401  (the whole schema, for migrations)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(REPO_ROOT / "migrations"), render_as_batch=True, compare_type=True)
    login_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    from portal import storage

    storage.init_app(app)

    from portal.accounts import sessions

    sessions.init_app(app)
    login_manager.login_view = "accounts.sign_in"
    login_manager.login_message = "Sign in to continue."
    login_manager.login_message_category = "info"


class RecordIdConverter(IntegerConverter):
    """``<int:...>`` in every route: a database id, so 1 to 2**31 - 1; anything else is a 404."""

    def __init__(self, url_map, **kwargs):
        super().__init__(url_map, min=kwargs.pop("min", 1), max=kwargs.pop("max", MAX_RECORD_ID), **kwargs)


def register_blueprints(app: Flask) -> None:
    from portal import api
    from portal.domains import domain_blueprints

    app.url_map.converters["int"] = RecordIdConverter
    # Routes are imported here, not by the package, so importing a domain's models never loads its views.
    for blueprint in domain_blueprints():
        app.register_blueprint(blueprint)
    csrf.exempt(api.bp)


def serve_static_files(app: Flask) -> None:
    from portal import static_files

    static_files.init_app(app)


def register_errorhandlers(app: Flask) -> None:
    from portal.pages import errors

    errors.init_app(app)


def register_commands(app: Flask) -> None:
    from portal import commands

    commands.init_app(app)


def register_search_hooks(app: Flask) -> None:
    from portal.careers import search as careers_search
    from portal.indexing import services as indexing

    indexing.init_app(app)
    careers_search.init_app(app)


def register_mail_sender(app: Flask) -> None:
    from portal.mail import sender

    sender.init_app(app)
