"""The site's public address, for links built where there is no request to take it from: scheduled commands."""
from __future__ import annotations

import functools
from urllib.parse import urlsplit

import click
from flask import current_app

NO_SITE_ADDRESS = (
    "The site's address is not known, so no email was sent. Set SITE_URL to the address people open the site at, "
    "for example SITE_URL=https://jobs.example.org, or SITE_URL=http://127.0.0.1:5000 for the site `make run` serves."
)


def site_address() -> str | None:
    """SITE_URL, else the address SERVER_NAME gives; None when neither is set."""
    config = current_app.config
    if config.get("SITE_URL"):
        return config["SITE_URL"].rstrip("/")
    if config.get("SERVER_NAME"):
        root = (config.get("APPLICATION_ROOT") or "/").rstrip("/")
        return f"{config['PREFERRED_URL_SCHEME']}://{config['SERVER_NAME']}{root}"
    return None


def links_to_site(command):
    """For a command whose emails carry links: it refuses, sending nothing, when the site's address is unknown
    (a guess such as port 5000 would send people dead links), and otherwise builds every link on that address."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        address = site_address()
        if address is None:
            raise click.ClickException(NO_SITE_ADDRESS)
        site = urlsplit(address)
        with current_app.test_request_context(base_url=address) as context:
            # Bound to the address itself: Flask would otherwise build links on SERVER_NAME where it is set.
            context.url_adapter = current_app.url_map.bind(
                site.netloc, script_name=site.path or "/", url_scheme=site.scheme
            )
            return command(*args, **kwargs)

    return run
