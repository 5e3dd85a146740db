"""The public vacancy page: who can see it, what it shows, and how it reads after closing."""
from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

from portal.time import utcnow
from tests.factories import sign_in


def _job_posting(page: str) -> dict | None:
    match = re.search(r'<script type="application/ld\+json" nonce="[^"]+">(.*?)</script>', page, re.S)
    return json.loads(match.group(1)) if match else None


def test_the_page_shows_what_a_job_seeker_needs(client, make_organisation, make_vacancy):
    organisation = make_organisation(name="Charnwood Care")
    vacancy = make_vacancy(organisation, title="Night Care Worker", external_ref="NCW-7", works_nights=True,
                           dbs_check=True, benefits="- **Paid** mileage")
    response = client.get(f"/jobs/{vacancy.id}/{vacancy.slug}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert page.count("<h1") == 1 and "Night Care Worker</h1>" in page
    assert f'href="/employers/{organisation.slug}"' in page
    assert "£12.60 to £13.50 an hour" in page
    assert "Full time, 37.5 hours a week" in page and "Nights" in page
    assert "Permanent" in page
    assert "Head office" in page and "Loughborough LE11 1AA" in page
    assert vacancy.closing_date.strftime("%B %Y") in page
    assert "DBS check needed" in page
    assert "<h2>About the role</h2>" in page and "<strong>Paid</strong> mileage" in page
    assert "NCW-7" in page
    assert 'href="https://jobs.example.org/apply/1"' in page
    assert "This vacancy has closed" not in page


def test_a_band_and_its_range_are_shown_together(client, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation(), role_code="registered_nurse_adult", pay_band_code="band_5",
                           pay_min=31049, pay_max=37796, pay_period="year")
    page = client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True)
    assert "Band 5: £31,049 to £37,796 a year" in page


def test_a_wrong_or_missing_slug_redirects_permanently(client, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation())
    response = client.get(f"/jobs/{vacancy.id}/an-old-title?near=LE11")
    assert response.status_code == 301
    assert response.headers["Location"].endswith(f"/jobs/{vacancy.id}/{vacancy.slug}?near=LE11")
    response = client.get(f"/jobs/{vacancy.id}")
    assert response.status_code == 301
    assert response.headers["Location"].endswith(f"/jobs/{vacancy.id}/{vacancy.slug}")


def test_a_changed_title_moves_the_page_and_the_old_address_follows(
    client, recruiter_client, make_vacancy, vacancy_form, site_ids, load_vacancy
):
    recruiter, organisation = recruiter_client()
    vacancy = make_vacancy(organisation, title="Care Worker", slug="care-worker")
    recruiter.post(f"/recruiter/vacancies/{vacancy.id}/edit", data=vacancy_form(site_ids(organisation), title="Lead Care Worker"))
    assert load_vacancy(vacancy.id).slug == "lead-care-worker"
    response = client.get(f"/jobs/{vacancy.id}/care-worker")
    assert response.status_code == 301 and response.headers["Location"].endswith("/lead-care-worker")


def test_unknown_vacancies_are_not_found(client):
    assert client.get("/jobs/424242/anything").status_code == 404


def test_a_draft_is_seen_only_by_its_organisations_recruiters(app, client, make_organisation, make_recruiter, make_user, make_vacancy):
    organisation = make_organisation()
    draft = make_vacancy(organisation, status="draft")
    url = f"/jobs/{draft.id}/{draft.slug}"
    assert client.get(url).status_code == 404
    seeker = app.test_client()
    sign_in(seeker, make_user())
    assert seeker.get(url).status_code == 404
    outsider = app.test_client()
    sign_in(outsider, make_recruiter(make_organisation()))
    assert outsider.get(url).status_code == 404

    owner = app.test_client()
    sign_in(owner, make_recruiter(organisation))
    page = owner.get(url).get_data(as_text=True)
    assert "Job seekers cannot see it until you publish it" in page
    assert 'name="robots" content="noindex"' in page and "application/ld+json" not in page
    assert f"/recruiter/vacancies/{draft.id}/publish" in page


def test_the_recruiter_preview_shows_the_draft_with_its_actions(recruiter_client, make_vacancy):
    recruiter, organisation = recruiter_client()
    draft = make_vacancy(organisation, status="draft", title="Cook")
    page = recruiter.get(f"/recruiter/vacancies/{draft.id}/preview").get_data(as_text=True)
    assert page.count("<h1") == 1 and "Cook</h1>" in page
    assert "Publish vacancy" in page and f"/recruiter/vacancies/{draft.id}/edit" in page


@pytest.mark.parametrize("status", ["pending", "suspended"])
def test_vacancies_of_an_organisation_not_approved_are_not_public(client, make_organisation, make_vacancy, status):
    vacancy = make_vacancy(make_organisation(status=status))
    assert client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").status_code == 404


def test_a_pending_organisations_recruiter_can_preview_its_published_vacancy(recruiter_client, make_vacancy):
    recruiter, organisation = recruiter_client(status="pending")
    vacancy = make_vacancy(organisation)
    page = recruiter.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True)
    assert "Your organisation is not approved yet" in page
    assert "application/ld+json" not in page


def test_a_closed_vacancy_still_has_a_page_that_says_so_and_points_to_open_ones(client, make_organisation, make_vacancy):
    organisation = make_organisation()
    closed = make_vacancy(organisation, status="closed", title="Care Worker", closed_at=utcnow())
    similar = make_vacancy(organisation, title="Home Care Worker", role_code="home_care_worker")
    make_vacancy(organisation, title="Staff Nurse", role_code="registered_nurse_adult")
    make_vacancy(organisation, status="draft", title="Unpublished Care Worker")
    make_vacancy(organisation, title="Expired Care Worker", closing_date=date.today() - timedelta(days=2))
    response = client.get(f"/jobs/{closed.id}/{closed.slug}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "This vacancy has closed" in page and "You can no longer apply" in page
    assert "application/ld+json" not in page
    assert "Apply on the employer" not in page and "Apply for this job" not in page
    similar_section = page.split('id="similar-vacancies"')[1]
    assert f"/jobs/{similar.id}/{similar.slug}" in similar_section
    for absent in ("Staff Nurse", "Unpublished", "Expired"):
        assert absent not in similar_section
    assert f"/jobs/{closed.id}/" not in similar_section


def test_similar_vacancies_are_the_nearest_of_the_same_family_and_at_most_five(client, make_organisation, make_vacancy):
    here = make_organisation(town="Loughborough", postcode="LE11 1AA", latitude=52.7721, longitude=-1.2062)
    far = make_organisation(town="Oakham", postcode="LE15 6AA", latitude=52.6705, longitude=-0.7333)
    vacancy = make_vacancy(here, title="Care Worker")
    distant = make_vacancy(far, title="Oakham Care Worker")
    for n in range(5):
        make_vacancy(here, title=f"Nearby Care Worker {n}")
    page = client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True)
    similar_section = page.split('id="similar-vacancies"')[1]
    assert similar_section.count("Nearby Care Worker") == 5
    assert f"/jobs/{distant.id}/" not in similar_section


def test_distance_is_shown_when_the_visitor_searched_from_a_place(client, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation(latitude=52.7721, longitude=-1.2062))
    page = client.get(f"/jobs/{vacancy.id}/{vacancy.slug}?near=Leicester").get_data(as_text=True)
    assert re.search(r"\d+\.\d miles from Leicester", page)
    assert "miles from" not in client.get(f"/jobs/{vacancy.id}/{vacancy.slug}?near=Atlantis").get_data(as_text=True)


def test_portal_applications_link_to_the_application_form(client, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation(), apply_method="portal", apply_url=None)
    page = client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True)
    assert f'href="/jobs/{vacancy.id}/apply"' in page and "Apply for this job" in page
    assert "Apply on the employer" not in page


def test_markdown_is_rendered_and_scripts_are_removed(client, make_organisation, make_vacancy):
    vacancy = make_vacancy(
        make_organisation(),
        description="# Big heading\n\nHello <script>alert('x')</script> [link](javascript:alert(1)) **there**",
        requirements="<img src=x onerror=alert(1)>",
    )
    page = client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True)
    advert = page.split("<main", 1)[1]  # the header above it has the site's own logo
    assert "<script>alert" not in page and "<img" not in advert and 'href="javascript' not in page
    assert "&lt;script&gt;" in page
    assert "<strong>there</strong>" in page
    assert page.count("<h1") == 1
    assert "<script" not in _job_posting(page)["description"]


@pytest.mark.parametrize("closing_in_days,closed_days_ago,expected_day", [
    (20, 2, "closed"),
    (-3, None, "closing"),
    (-3, 2, "closing"),
], ids=["closed-early-says-the-day-it-was-closed", "lapsed-before-the-daily-close-says-the-closing-date",
        "closed-by-the-daily-close-says-the-closing-date"])
def test_a_closed_vacancy_says_the_day_it_closed(client, make_organisation, make_vacancy,
                                                  closing_in_days, closed_days_ago, expected_day):
    closing = date.today() + timedelta(days=closing_in_days)
    closed_at = utcnow() - timedelta(days=closed_days_ago) if closed_days_ago is not None else None
    status = "closed" if closed_at else "published"
    vacancy = make_vacancy(make_organisation(), status=status, closing_date=closing, closed_at=closed_at)
    page = client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True)

    day = closed_at.date() if expected_day == "closed" else closing
    assert f"This job closed on {day.day} {day:%B %Y}" in page
    assert "The closing date was" not in page
    if expected_day == "closed":
        assert f"{closing.day} {closing:%B %Y}" not in page
