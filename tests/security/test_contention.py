"""Many people writing at once: on SQLite every connection lets readers and a writer work side by side
and makes a writer wait its turn, so concurrent edits all succeed; the search index is written only
after a commit. The same load runs on PostgreSQL when TEST_DATABASE_URL is set."""
from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest
from sqlalchemy import text

from portal.extensions import db
from tests.session_stores import start_session_without_form

BENCH = Path(__file__).resolve().parents[2] / "bench" / "contention.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("contention_benchmark", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("journal_mode", "wal"), ("busy_timeout", 5000), ("synchronous", 1), ("foreign_keys", 1)],
    ids=["readers and a writer side by side", "a writer waits 5 s for its turn", "sync at checkpoints",
         "foreign keys checked"],
)
def test_every_sqlite_connection_is_set_up_for_concurrent_use(app, pragma, expected):
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite only")
        with db.engine.connect() as connection:
            assert connection.execute(text(f"PRAGMA {pragma}")).scalar() == expected


def test_concurrent_editors_and_searchers_get_no_server_errors(app, bench):
    with app.app_context():
        editors = bench.add_editors(6)

    statuses = bench.edit_concurrently(app, editors, edits=4, searchers=2)

    assert statuses[302] == 6 * 4
    assert not [status for status in statuses if str(status).split()[-1] >= "500"], statuses


def test_the_benchmark_prints_its_figures(bench, tmp_path):
    out = io.StringIO()

    assert bench.main(["--editors", "2", "--edits", "2", "--processes", "2", "--searchers", "1",
                       "--dir", str(tmp_path)], out=out) == 0

    printed = out.getvalue()
    assert "2 editors x 2 edits on SQLite, in 2 processes with 1 searching in each" in printed
    assert "Saves: 302: 4" in printed
    assert "Server errors: 0 of" in printed and "PASS" in printed


def test_an_edit_that_found_the_database_busy_runs_again_and_saves(app, monkeypatch, bench):
    """SQLite gave up waiting once; the edit changed nothing, so it runs again from a clean session."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from portal.vacancies import services
    from portal.vacancies.models import Vacancy

    with app.app_context():
        [(user_id, vacancy_id, site_id)] = bench.add_editors(1)
    real_update, calls = services.update_vacancy, []

    def busy_the_first_time(vacancy, details):
        calls.append(vacancy.id)
        if len(calls) == 1:
            raise OperationalError("UPDATE vacancies ...", {}, sqlite3.OperationalError("database is locked"))
        return real_update(vacancy, details)

    monkeypatch.setattr(services, "update_vacancy", busy_the_first_time)
    client = app.test_client()
    start_session_without_form(app, client, user_id)

    response = client.post(f"/recruiter/vacancies/{vacancy_id}/edit", data=bench.edit_form(vacancy_id, site_id, 7))

    assert response.status_code == 302
    assert calls == [vacancy_id, vacancy_id]
    with app.app_context():
        assert db.session.get(Vacancy, vacancy_id).title.endswith("(edit 7)")
