from flask import Response, render_template, request, url_for

from portal.careers.search import search_careers
from portal.jobsearch import bp
from portal.jobsearch.feeds import atom_feed
from portal.jobsearch.labels import labels
from portal.jobsearch.params import POSTED_WITHIN_DAYS, RADIUS_MILES, SearchParams, parse_search_args
from portal.jobsearch.services import (
    applied_filters, describe_search, find_jobs, newest_jobs, page_title, without_any_filter,
)

# Page numbers shown either side of the current one before the list is shortened with an ellipsis.
PAGE_LINK_SPREAD = 2
SORT_CHOICES = (
    ("relevance", "Most relevant"),
    ("newest", "Newest"),
    ("closing", "Closing soonest"),
    ("distance", "Nearest"),
)


@bp.get("/jobs")
def search():
    parsed = parse_search_args(request.args)
    found = find_jobs(parsed.params)
    # Roles and pathways the words name, above the jobs on the first page.
    careers = search_careers(parsed.params.q) if parsed.params.page == 1 and not parsed.problems else []
    return render_template(
        "jobsearch/search.html",
        found=found,
        careers=careers,
        params=parsed.params,
        problems=parsed.problems,
        pagination=pagination(parsed.params, found.pages),
        summary=describe_search(parsed.params),
        title=page_title(parsed.params),
        applied_filters=applied_filters(parsed.params),
        without_any_filter=without_any_filter(parsed.params),
        feed_url=url_for("jobsearch.feed", **parsed.params.query_args(page=1, sort=None)),
        radius_choices=RADIUS_MILES,
        posted_within_choices=POSTED_WITHIN_DAYS,
        sort_choices=SORT_CHOICES,
        sector_names=labels().sectors,
        band_name=labels().pay_bands.get(parsed.params.band_read),
    )


@bp.get("/jobs/feed.atom")
def feed():
    params = parse_search_args(request.args).params
    return Response(atom_feed(params, newest_jobs(params)), mimetype="application/atom+xml")


def pagination(params: SearchParams, pages: int) -> dict | None:
    """Parameters for the NHS.UK pagination component: previous, next and numbered pages."""
    if pages <= 1:
        return None
    current = min(params.page, pages)
    previous_page = min(params.page - 1, pages)

    def link(number: int) -> str:
        return url_for("jobsearch.search", **params.query_args(page=number))

    numbers = sorted({1, pages, *range(max(1, current - PAGE_LINK_SPREAD), min(pages, current + PAGE_LINK_SPREAD) + 1)})
    items, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": link(number), "current": number == params.page})
        previous = number
    return {
        "previous": {"href": link(previous_page)} if previous_page >= 1 else None,
        "next": {"href": link(current + 1)} if params.page < pages else None,
        "items": items,
    }
