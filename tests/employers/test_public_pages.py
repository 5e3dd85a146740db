from datetime import date, timedelta

from tests.factories import sign_in


def test_the_directory_lists_approved_organisations_by_sector_with_live_vacancy_counts(
    client, make_organisation, make_vacancy
):
    home_care = make_organisation(name="Soar Home Care", sector_code="home_care")
    make_vacancy(home_care)
    make_vacancy(home_care, status="draft")
    make_vacancy(home_care, closing_date=date.today() - timedelta(days=1))
    make_organisation(name="Rutland Hospice", sector_code="hospice_charity")
    make_organisation(name="Pending Care", status="pending")
    make_organisation(name="Suspended Care", status="suspended")
    page = client.get("/employers").get_data(as_text=True)
    assert "Soar Home Care" in page and "Rutland Hospice" in page
    assert "Pending Care" not in page and "Suspended Care" not in page
    assert "1 live vacancy" in page and "0 live vacancies" in page
    assert page.index("Home care (domiciliary) agency") < page.index("Hospice, charity or voluntary sector")
    filtered = client.get("/employers?sector=hospice_charity").get_data(as_text=True)
    assert "Rutland Hospice" in filtered and "Soar Home Care" not in filtered


def test_the_employer_page_shows_details_and_only_live_vacancies(client, make_organisation, make_vacancy):
    organisation = make_organisation(name="Soar Home Care", about="We are **proud** to care.",
                                     website="https://soar.example.org")
    live = make_vacancy(organisation, title="Night Carer")
    make_vacancy(organisation, title="Draft Role", status="draft")
    make_vacancy(organisation, title="Old Role", closing_date=date.today() - timedelta(days=1))
    page = client.get(f"/employers/{organisation.slug}").get_data(as_text=True)
    assert "<strong>proud</strong>" in page
    assert 'href="https://soar.example.org"' in page
    assert "Head office, Loughborough LE11 1AA" in page
    assert f'href="/jobs/{live.id}/{live.slug}"' in page
    assert "Draft Role" not in page and "Old Role" not in page
    assert page.count("<h1") == 1


def test_markdown_in_about_cannot_inject_html(client, make_organisation):
    organisation = make_organisation(about="<script>alert(1)</script> [x](javascript:alert(1))")
    page = client.get(f"/employers/{organisation.slug}").get_data(as_text=True)
    assert "<script>alert(1)" not in page and 'href="javascript' not in page


def test_pending_and_suspended_organisations_are_hidden_from_the_public(client, make_organisation, make_vacancy, make_user):
    for status in ("pending", "suspended"):
        organisation = make_organisation(status=status)
        vacancy = make_vacancy(organisation)
        assert client.get(f"/employers/{organisation.slug}").status_code == 404
        assert client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").status_code == 404
    sign_in(client, make_user())
    assert client.get(f"/employers/{organisation.slug}").status_code == 404


def test_its_own_recruiters_and_admins_see_a_preview(app, make_organisation, make_recruiter, make_admin):
    organisation = make_organisation(status="pending")
    for person in (make_recruiter(organisation), make_admin()):
        client = app.test_client()
        sign_in(client, person)
        response = client.get(f"/employers/{organisation.slug}")
        assert response.status_code == 200
        assert "This page is hidden from the public" in response.get_data(as_text=True)


def test_a_recruiter_of_another_organisation_gets_404(client, make_organisation, make_recruiter, make_logo):
    logo = make_logo()
    mine, theirs = make_organisation(), make_organisation(status="pending", logo_id=logo.id)
    sign_in(client, make_recruiter(mine))
    assert client.get(f"/employers/{theirs.slug}").status_code == 404
    assert client.get(f"/images/{logo.key}.png").status_code == 404


def test_image_addresses_outside_the_storage_keys_are_refused(client, make_organisation, make_logo):
    logo = make_logo()
    make_organisation(logo_id=logo.id)
    name = logo.key.split("/")[1]
    for address in ("/images/logo/..%2Fportal.db", "/images/logo/../../portal.db", f"/images/logo/{name}.jpg",
                    f"/images/logo/{name}", f"/images/cv/{name}.png", f"/images/logo/{name.upper()}.png"):
        assert client.get(address).status_code == 404, address
