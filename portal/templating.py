"""Template globals and filters shared by every page."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from flask import Flask, current_app
from markupsafe import Markup

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


UK = ZoneInfo("Europe/London")


def format_uk_time(value: datetime | None) -> str:
    """A stored time (naive, in UTC) as the clock in England showed it, like 2:05pm."""
    if value is None:
        return ""
    local = value.replace(tzinfo=timezone.utc).astimezone(UK)
    return f"{local.hour % 12 or 12}:{local:%M}{'am' if local.hour < 12 else 'pm'}"


def format_uk_when(value: datetime, now: datetime) -> str:
    """A stored time (naive, in UTC) to the nearest hour, in words relative to now:
    "today around 7am", "tomorrow around 7am", or "Wednesday 9 December around 7am"."""
    local = (value.replace(tzinfo=timezone.utc).astimezone(UK) + timedelta(minutes=30)).replace(minute=0)
    today = now.replace(tzinfo=timezone.utc).astimezone(UK).date()
    hour = f"{local.hour % 12 or 12}{'am' if local.hour < 12 else 'pm'}"
    if local.date() <= today:
        day = "today"
    elif local.date() == today + timedelta(days=1):
        day = "tomorrow"
    else:
        day = f"{local:%A} {local.day} {local:%B}"
    return f"{day} around {hour}"


# Characters that could end the script element or open an HTML comment inside it, written as JSON escapes.
SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(data: dict) -> Markup:
    """JSON safe to place inside ``<script type="application/ld+json">`` (schema.org markup)."""
    return Markup(json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES))


def init_app(app: Flask) -> None:
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["money"] = format_money
    app.jinja_env.filters["long_date"] = format_date
    app.jinja_env.filters["uk_time"] = format_uk_time
    app.jinja_env.filters["uk_when"] = format_uk_when

    @app.context_processor
    def site_globals():
        config = current_app.config
        return {
            "site_name": config["SITE_NAME"],
            "region_name": config["REGION_NAME"],
            "region_strapline": config["REGION_STRAPLINE"],
        }
