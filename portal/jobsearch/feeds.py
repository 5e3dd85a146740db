"""Atom feeds of the newest vacancies for a search, so people can follow a search in a feed reader.

Every text is cleaned on the way out as well as on the way in: XML cannot carry control characters,
and one stored before input was cleaned must not break the feed for everyone.
"""
from __future__ import annotations

from datetime import UTC, datetime

from feedgen.feed import FeedGenerator
from flask import current_app, url_for

from portal.jobsearch.params import SearchParams
from portal.jobsearch.services import Listing, describe_search
from portal.templating import format_date
from portal.text import clean_text


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def atom_feed(params: SearchParams, listings: list[Listing]) -> bytes:
    args = params.query_args(page=1, sort=None)
    feed_url = url_for("jobsearch.feed", _external=True, **args)
    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title(clean_text(f"{describe_search(params)} - {current_app.config['SITE_NAME']}"))
    feed.subtitle(current_app.config["REGION_STRAPLINE"])
    feed.author({"name": current_app.config["SITE_NAME"]})
    feed.link(href=url_for("jobsearch.search", _external=True, **args), rel="alternate", type="text/html")
    feed.link(href=feed_url, rel="self", type="application/atom+xml")
    feed.language("en-GB")
    feed.updated(max((_utc(listing.vacancy.updated_at) for listing in listings), default=datetime.now(UTC)))
    for listing in listings:
        vacancy = listing.vacancy
        url = url_for("vacancies.detail", vacancy_id=vacancy.id, slug=vacancy.slug, _external=True)
        entry = feed.add_entry(order="append")
        entry.id(url)
        employer_name = clean_text(listing.employer_name)
        entry.title(clean_text(f"{vacancy.title} - {employer_name}"))
        entry.link(href=url, rel="alternate", type="text/html")
        entry.author({"name": employer_name})
        entry.published(_utc(vacancy.published_at or vacancy.created_at))
        entry.updated(_utc(vacancy.updated_at))
        entry.category(term=vacancy.sector_code, label=clean_text(listing.sector))
        closes = f"Closes {format_date(vacancy.closing_date)}"
        details = [", ".join(listing.towns), listing.pay, listing.contract_type, closes]
        entry.summary(clean_text(f"{vacancy.summary}\n\n" + " | ".join(detail for detail in details if detail)))
    return feed.atom_str(pretty=True)
