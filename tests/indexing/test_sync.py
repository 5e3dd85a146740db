import shutil
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import func, select

from portal.employers.models import Organisation
from portal.extensions import db
from portal.indexing import services as indexing
from portal.indexing.models import SearchChange
from portal.time import utcnow
from portal.vacancies.models import Vacancy
from search import SearchQuery


def _search_ids(app, text="", **fields):
    with app.test_request_context():
        result = indexing.search_vacancies(SearchQuery(text=text, today=date.today(), **fields))
        return [hit.id for hit in result.hits]


def _change_count(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(SearchChange))


def test_a_change_is_recorded_in_the_same_transaction(app, make_organisation, make_vacancy):
    organisation = make_organisation()
    vacancy = make_vacancy(organisation)
    before = _change_count(app)
    with app.app_context():
        db.session.get(Vacancy, vacancy.id).title = "Renamed"
        db.session.flush()
        assert db.session.scalar(select(func.count()).select_from(SearchChange)) == before + 1
        db.session.rollback()
    assert _change_count(app) == before


def test_suspending_an_employer_records_each_of_its_vacancies(app, make_organisation, make_vacancy):
    organisation = make_organisation()
    first, second = make_vacancy(organisation), make_vacancy(organisation)
    with app.app_context():
        db.session.get(Organisation, organisation.id).status = "suspended"
        db.session.commit()
        recorded = set(db.session.scalars(select(SearchChange.vacancy_id).order_by(SearchChange.id.desc()).limit(2)))
    assert recorded == {first.id, second.id}


def test_index_catches_up_after_a_crash_between_commit_and_update(app, make_organisation, make_vacancy):
    organisation = make_organisation()
    make_vacancy(organisation, title="Occupational Therapist")
    assert len(_search_ids(app, "therapist")) == 1
    app.config["SEARCH_SYNC_ON_REQUEST"] = False
    try:
        late = make_vacancy(organisation, title="Speech Therapist")
        assert late.id not in _search_ids(app, "therapist")
    finally:
        app.config["SEARCH_SYNC_ON_REQUEST"] = True
    assert late.id in _search_ids(app, "therapist")


def test_closing_and_suspension_leave_search(app, make_organisation, make_vacancy):
    organisation = make_organisation()
    vacancy = make_vacancy(organisation, title="Phlebotomist")
    assert _search_ids(app, "phlebotomist") == [vacancy.id]
    with app.app_context():
        db.session.get(Organisation, organisation.id).status = "suspended"
        db.session.commit()
    assert _search_ids(app, "phlebotomist") == []


def test_expired_vacancy_is_never_listed_before_it_is_closed(app, make_organisation, make_vacancy):
    organisation = make_organisation()
    make_vacancy(organisation, title="Radiographer", closing_date=date.today() - timedelta(days=1))
    assert _search_ids(app, "radiographer") == []


def test_missing_or_corrupt_index_is_rebuilt(app, make_organisation, make_vacancy):
    organisation = make_organisation()
    vacancy = make_vacancy(organisation, title="Pharmacy Technician")
    assert _search_ids(app, "pharmacy") == [vacancy.id]
    for path in Path(app.config["SEARCH_INDEX_DIR"]).rglob("*.toc"):
        path.unlink()
    assert _search_ids(app, "pharmacy") == [vacancy.id]
    shutil.rmtree(app.config["SEARCH_INDEX_DIR"])
    with app.app_context():
        indexing.get_index().close()
    assert _search_ids(app, "pharmacy") == [vacancy.id]


def test_rebuild_command_swaps_in_a_fresh_index(app, make_organisation, make_vacancy):
    organisation = make_organisation()
    vacancy = make_vacancy(organisation, title="Paramedic")
    result = app.test_cli_runner().invoke(args=["search", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "1 live vacancies" in result.output
    assert _search_ids(app, "paramedic") == [vacancy.id]


def test_sync_command_reports_the_cursor(app, make_organisation, make_vacancy):
    make_vacancy(make_organisation())
    result = app.test_cli_runner().invoke(args=["search", "sync"])
    assert result.exit_code == 0, result.output
    assert "index at change" in result.output


def _rows(*pairs):
    return [SimpleNamespace(id=i, created_at=created) for i, created in pairs]


def test_cursor_waits_for_a_recent_gap_to_fill():
    now = utcnow()
    assert indexing._safe_cursor(4, _rows((5, now), (7, now))) == 5


def test_cursor_passes_a_gap_left_by_a_rolled_back_transaction():
    old = utcnow() - indexing.GAP_GRACE * 2
    assert indexing._safe_cursor(4, _rows((5, old), (7, old), (8, utcnow()))) == 8


def test_the_index_is_written_only_after_the_change_commits(app, make_organisation, make_vacancy, monkeypatch):
    organisation = make_organisation()
    vacancy = make_vacancy(organisation, title="Dietitian")
    assert _search_ids(app, "dietitian") == [vacancy.id]
    cursor_before = app.extensions["vacancy_index"].cursor

    def renames_without_committing():
        db.session.get(Vacancy, vacancy.id).title = "Podiatrist"
        db.session.flush()
        assert indexing.sync_index() == 0
        return "not saved"

    monkeypatch.setitem(app.view_functions, "pages.home", renames_without_committing)
    assert app.test_client().get("/").status_code == 200

    with app.app_context():
        assert app.extensions["vacancy_index"].cursor == cursor_before
    assert _search_ids(app, "podiatrist") == []
    assert _search_ids(app, "dietitian") == [vacancy.id]
    with app.app_context():
        db.session.get(Vacancy, vacancy.id).title = "Orthoptist"
        db.session.commit()
    assert _search_ids(app, "orthoptist") == [vacancy.id]
