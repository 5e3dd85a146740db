"""Template globals and filters shared by every page."""
from __future__ import annotations

from datetime import date, datetime

from flask import Flask, current_app

from portal.markdown import render_markdown


def format_money(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer() and value >= 100:
        return f"£{value:,.0f}"
    return f"£{value:,.2f}"


def format_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


def init_app(app: Flask) -> None:
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["money"] = format_money
    app.jinja_env.filters["long_date"] = format_date

    @app.context_processor
    def site_globals():
        config = current_app.config
        return {
            "site_name": config["SITE_NAME"],
            "region_name": config["REGION_NAME"],
            "region_strapline": config["REGION_STRAPLINE"],
        }
