from datetime import date, timedelta

import lxml.etree

from portal.employers.models import OrganisationStatus
from portal.pages import services

SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
FIXED_PAGES = ["http://localhost/", "http://localhost/jobs", "http://localhost/help", "http://localhost/contact",
               "http://localhost/accessibility", "http://localhost/cookies", "http://localhost/terms",
               "http://localhost/developers"]


def addresses(response) -> dict[str, str | None]:
    document = lxml.etree.fromstring(response.get_data())
    return {
        url.findtext("sm:loc", namespaces=SITEMAP): url.findtext("sm:lastmod", namespaces=SITEMAP)
        for url in document.xpath("sm:url", namespaces=SITEMAP)
    }


def test_the_sitemap_lists_pages_employers_and_open_vacancies(client, make_organisation, make_vacancy):
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
        f"http://localhost/employers/{approved.slug}": None,
        f"http://localhost/jobs/{live.id}/{live.slug}": live.updated_at.date().isoformat(),
    }


def test_a_large_sitemap_is_split_into_parts(client, monkeypatch, make_organisation, make_vacancy):
    organisation = make_organisation()
    vacancies = [make_vacancy(organisation) for _ in range(4)]
    monkeypatch.setattr(services, "SITEMAP_LIMIT", 5)

    index = lxml.etree.fromstring(client.get("/sitemap.xml").get_data())
    parts = index.xpath("sm:sitemap/sm:loc/text()", namespaces=SITEMAP)

    assert parts == ["http://localhost/sitemap-1.xml", "http://localhost/sitemap-2.xml", "http://localhost/sitemap-3.xml"]
    listed = [list(addresses(client.get(part.removeprefix("http://localhost")))) for part in parts]
    vacancy_pages = [f"http://localhost/jobs/{v.id}/{v.slug}" for v in vacancies]
    assert listed == [
        FIXED_PAGES[:5],
        [*FIXED_PAGES[5:], f"http://localhost/employers/{organisation.slug}", vacancy_pages[0]],
        vacancy_pages[1:],
    ]
    assert client.get("/sitemap-4.xml").status_code == 404
