import pytest

from tests.jobsearch.html import h1_count, text_of


def test_a_missing_page_is_explained_with_one_heading(client):
    response = client.get("/no-such-page")

    assert response.status_code == 404
    assert h1_count(response) == 1
    assert "Page not found" in text_of(response)


def test_api_errors_are_json(client):
    response = client.get("/api/v1/no-such-thing")

    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404


@pytest.mark.parametrize("method, path, allowed", [
    ("delete", "/api/v1/vacancies", {"GET", "HEAD", "OPTIONS"}),
    ("patch", "/api/v1/employer/vacancies/REF-1", {"GET", "HEAD", "OPTIONS", "PUT"}),
    ("put", "/jobs", {"GET", "HEAD", "OPTIONS"}),
], ids=["api search", "employer vacancy", "web page"])
def test_a_method_not_allowed_says_which_are(client, method, path, allowed):
    response = getattr(client, method)(path)

    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == allowed


def test_an_error_after_a_failed_flush_still_shows_the_error_page(app, make_user, monkeypatch):
    """The page reads the signed-in person from the database, so the session must be rolled back first."""
    from sqlalchemy.exc import IntegrityError

    from portal.accounts.models import User
    from portal.extensions import db
    from tests.factories import sign_in

    user = make_user()

    def fails_after_a_failed_flush():
        db.session.add(User(email=user.email, full_name="Copy", password_hash="x"))
        try:
            db.session.flush()
        except IntegrityError:
            raise RuntimeError("a mistake in handling the duplicate") from None

    monkeypatch.setitem(app.view_functions, "pages.home", fails_after_a_failed_flush)
    client = app.test_client()
    sign_in(client, user)

    response = client.get("/")

    assert response.status_code == 500
    assert h1_count(response) == 1
    assert "Sorry, there is a problem with the service" in text_of(response)
    assert "Sign out" in text_of(response)


def test_a_database_too_busy_to_answer_asks_to_try_again_in_a_few_minutes(app, client, monkeypatch):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    def waits_too_long():
        raise OperationalError("UPDATE vacancies ...", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setitem(app.view_functions, "pages.home", waits_too_long)

    response = client.get("/")

    assert response.status_code == 503
    assert "Try again in a few minutes." in text_of(response)
