"""One search for jobs and careers: roles and pathways above the jobs, synonyms, and the careers index kept in
step with what is published."""
import json
import shutil
from pathlib import Path

import pytest

from portal.careers.content import ContentKind
from portal.careers.search import database_signature, get_careers_index, search_careers
from portal.careers.services import editing_text, find_document, save
from portal.extensions import db
from tests.jobsearch.html import parse


@pytest.fixture
def trust(make_organisation):
    return make_organisation(name="Soar Valley NHS Trust", sector_code="acute_trust")


def career_links(response) -> list[str]:
    return [link.get("href") for link in parse(response).xpath("//section[@class='portal-career-matches']//a")]


def job_titles(response) -> list[str]:
    return [" ".join(a.text_content().split()) for a in parse(response).xpath("//div[@class='portal-result']/h3/a")]


def careers_before_jobs(response) -> bool:
    html = response.get_data(as_text=True)
    return 0 <= html.find('id="career-matches"') < html.find('id="results"')


def test_physio_shows_the_physiotherapist_role_first_above_the_jobs(client, careers_content, trust, make_vacancy):
    make_vacancy(trust, title="Physiotherapist - Falls Service", role_code="physiotherapist")
    response = client.get("/jobs?q=physio")
    assert response.status_code == 200
    links = career_links(response)
    assert links[0] == "/careers/roles/physiotherapist"
    assert len(links) <= 3
    assert careers_before_jobs(response)
    assert job_titles(response) == ["Physiotherapist - Falls Service"]
    assert careers_content.roles["physiotherapist"].summary in response.get_data(as_text=True)


def test_pathways_link_to_their_page(client, careers_content):
    response = client.get("/jobs?q=pharmacy+tech")
    assert "/careers/roles/pharmacy_technician" in career_links(response)
    assert any(link.startswith("/careers/pathways/") for link in career_links(client.get("/jobs?q=porter")))


def test_no_careers_box_without_keywords_or_matches(client, careers_content):
    assert career_links(client.get("/jobs")) == []
    assert career_links(client.get("/jobs?q=zzqxv")) == []
    assert 'id="career-matches"' not in client.get("/jobs").get_data(as_text=True)


@pytest.mark.parametrize("typed, role, title, role_code", [
    ("HCA", "/careers/roles/healthcare_support_worker", "Healthcare Assistant - Ward 7", "healthcare_support_worker"),
    ("RMN", "/careers/roles/mental_health_nurse", "Mental Health Nurse - Juniper Unit", "mental_health_nurse"),
    ("OT", "/careers/roles/occupational_therapist", "Occupational Therapist - Fosse House", "occupational_therapist"),
    ("SLT", "/careers/roles/speech_language_therapist", "Speech and Language Therapist", "speech_language_therapist"),
])
def test_abbreviations_find_the_right_roles_and_vacancies(client, careers_content, trust, make_vacancy,
                                                          typed, role, title, role_code):
    make_vacancy(trust, title=title, role_code=role_code)
    make_vacancy(trust, title="Porter", role_code="porter",
                 description="You will not be a nurse, but the OT and SLT teams and nurses rely on you.")
    response = client.get(f"/jobs?q={typed}")
    assert career_links(response)[0] == role
    assert job_titles(response) == [title]


def test_nurse_puts_nurse_vacancies_before_passing_mentions(client, careers_content, trust, make_vacancy):
    make_vacancy(trust, title="Medical Secretary - Nursing Directorate", role_code="medical_secretary",
                 summary="Typing letters for nurses.")
    make_vacancy(trust, title="Porter", role_code="porter", description="Nurses will ask you to move patients.")
    make_vacancy(trust, title="Ward Manager - Ward 12", role_code="ward_sister")
    make_vacancy(trust, title="Staff Nurse - Ward 7", role_code="registered_nurse_adult")
    titles = job_titles(client.get("/jobs?q=nurse"))
    assert set(titles[:2]) == {"Staff Nurse - Ward 7", "Ward Manager - Ward 12"}
    assert titles[2:] == ["Medical Secretary - Nursing Directorate"]
    assert "Porter" not in titles
    assert career_links(client.get("/jobs?q=nurse"))[0].startswith("/careers/roles/")


def test_a_published_edit_is_searchable_at_once(app, client, careers_content, make_admin):
    client.get("/jobs?q=porter")  # the index is built
    admin = make_admin()
    with app.app_context():
        document = find_document(ContentKind.ROLE, "porter")
        text = editing_text(document).replace("summary = \"", "summary = \"Zanzibar wheelchairs. ", 1)
        save(ContentKind.ROLE, "porter", text, db.session.merge(admin), publish=True, version=document.version)
        db.session.commit()
    response = client.get("/jobs?q=zanzibar")
    assert career_links(response) == ["/careers/roles/porter"]


def test_a_publish_in_a_request_rebuilds_as_the_request_ends(app, careers_content, make_admin):
    admin = make_admin()
    with app.test_request_context():
        search_careers("porter")
        document = find_document(ContentKind.ROLE, "porter")
        text = editing_text(document).replace("summary = \"", "summary = \"Zanzibar wheelchairs. ", 1)
        save(ContentKind.ROLE, "porter", text, db.session.merge(admin), publish=True, version=document.version)
        db.session.commit()
        app.process_response(app.response_class())
        assert get_careers_index().signature() == database_signature()


def test_a_missing_or_stale_careers_index_is_rebuilt(app, client, careers_content):
    assert career_links(client.get("/jobs?q=physio"))[0] == "/careers/roles/physiotherapist"
    with app.app_context():
        index = get_careers_index()
        directory = index.base_dir
    shutil.rmtree(directory)
    assert career_links(client.get("/jobs?q=physio"))[0] == "/careers/roles/physiotherapist"
    with app.app_context():
        generation = directory / (directory / "CURRENT").read_text().strip()
        state = json.loads((generation / "STATE.json").read_text())
        (generation / "STATE.json").write_text(json.dumps({**state, "signature": "built from something else"}))
        assert index.signature() != database_signature()
    assert career_links(client.get("/jobs?q=physio"))[0] == "/careers/roles/physiotherapist"
    with app.app_context():
        assert index.signature() == database_signature()


def test_careers_index_unavailable_leaves_job_search_working(app, client, careers_content, trust, make_vacancy):
    make_vacancy(trust, title="Physiotherapist - Falls Service", role_code="physiotherapist")
    with app.app_context():
        directory = Path(get_careers_index().base_dir)
        get_careers_index().close()
    shutil.rmtree(directory, ignore_errors=True)
    directory.parent.mkdir(parents=True, exist_ok=True)
    directory.write_text("not a directory")  # nothing can be built or read there
    try:
        response = client.get("/jobs?q=physio")
        assert response.status_code == 200
        assert career_links(response) == []
        assert job_titles(response) == ["Physiotherapist - Falls Service"]
    finally:
        directory.unlink()


def test_the_rebuild_command_rebuilds_the_careers_index_too(app, careers_content):
    from portal.careers.search import database_signature, get_careers_index

    result = app.test_cli_runner().invoke(args=["search", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "Careers index rebuilt" in result.output
    with app.app_context():
        assert get_careers_index().signature() == database_signature()
