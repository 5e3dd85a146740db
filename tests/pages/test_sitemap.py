from datetime import date, timedelta

import lxml.etree

from sqlalchemy import select

from portal.employers.models import OrganisationStatus
from portal.extensions import db
from portal.pages import services
from portal.reference.models import JobRole

SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
FIXED_PAGES = ["http://localhost/", "http://localhost/jobs", "http://localhost/help", "http://localhost/contact",
               "http://localhost/accessibility", "http://localhost/cookies", "http://localhost/terms",
               "http://localhost/developers"]


def careers_pages(app) -> list[str]:
    """The careers hub and list, then every role in the reference list (no pathways are published here)."""
    with app.app_context():
        codes = sorted(db.session.scalars(select(JobRole.code)))
    return ["http://localhost/careers", "http://localhost/careers/roles", "http://localhost/careers/pathways",
            "http://localhost/careers/quiz",
            *(f"http://localhost/careers/roles/{code}" for code in codes)]


def addresses(response) -> dict[str, str | None]:
    document = lxml.etree.fromstring(response.get_data())
    return {
        url.findtext("sm:loc", namespaces=SITEMAP): url.findtext("sm:lastmod", namespaces=SITEMAP)
        for url in document.xpath("sm:url", namespaces=SITEMAP)
    }


def test_the_sitemap_lists_pages_careers_employers_and_open_vacancies(app, client, make_organisation, make_vacancy):
    approved = make_organisation()
    pending = make_organisation(status=OrganisationStatus.PENDING)
    suspended = make_organisation(status=OrganisationStatus.SUSPENDED)
    live = make_vacancy(approved)
    make_vacancy(approved, status="draft")
    make_vacancy(approved, closing_date=date.today() - timedelta(days=1))
    make_vacancy(pending)
    make_vacancy(suspended)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    assert addresses(response) == {
        **dict.fromkeys(FIXED_PAGES),
        **dict.fromkeys(careers_pages(app)),
        f"http://localhost/employers/{approved.slug}": None,
        f"http://localhost/jobs/{live.id}/{live.slug}": live.updated_at.date().isoformat(),
    }


def test_a_large_sitemap_is_split_into_parts(app, client, monkeypatch, make_organisation, make_vacancy):
    organisation = make_organisation()
    vacancies = [make_vacancy(organisation) for _ in range(4)]
    monkeypatch.setattr(services, "SITEMAP_LIMIT", 5)
    every_page = [*FIXED_PAGES, *careers_pages(app), f"http://localhost/employers/{organisation.slug}",
                  *(f"http://localhost/jobs/{v.id}/{v.slug}" for v in vacancies)]
    part_count = -(-len(every_page) // 5)

    index = lxml.etree.fromstring(client.get("/sitemap.xml").get_data())
    parts = index.xpath("sm:sitemap/sm:loc/text()", namespaces=SITEMAP)

    assert parts == [f"http://localhost/sitemap-{n}.xml" for n in range(1, part_count + 1)]
    listed = [list(addresses(client.get(part.removeprefix("http://localhost")))) for part in parts]
    assert listed == [every_page[start:start + 5] for start in range(0, len(every_page), 5)]
    assert client.get(f"/sitemap-{part_count + 1}.xml").status_code == 404


def test_published_pathways_are_in_the_sitemap(client, careers_content):
    listed = addresses(client.get("/sitemap.xml"))
    for slug in careers_content.pathways:
        assert f"http://localhost/careers/pathways/{slug}" in listed
    assert "http://localhost/careers/roles/physiotherapist" in listed
