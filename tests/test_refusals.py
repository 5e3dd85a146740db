"""One way to refuse: every refusal derives from Refused, and one error handler answers the ones no
view turns into a message of its own, as JSON for the API and as a message on a page for people."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from flask import get_flashed_messages

import portal
from portal.accounts.services import TooManyAttempts
from portal.indexing.services import SearchUnavailable
from portal.refusals import Conflict, Refused
from portal.storage import StorageUnavailable
from portal.storage.checks import UploadRejected

# Failures of the portal itself, not of the request: nothing the person can put right, so each answers
# 503 through a handler of its own.
INFRASTRUCTURE_ERRORS = {StorageUnavailable, SearchUnavailable}


def _portal_exceptions() -> set[type[Exception]]:
    found = set()
    for module_info in pkgutil.walk_packages(portal.__path__, "portal."):
        module = importlib.import_module(module_info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Exception) and value.__module__.startswith("portal."):
                found.add(value)
    return found


def test_every_exception_of_the_portal_is_a_refusal_or_a_named_infrastructure_error():
    exceptions = _portal_exceptions()
    assert INFRASTRUCTURE_ERRORS <= exceptions
    assert len(exceptions) > 30
    strays = {
        f"{cls.__module__}.{cls.__qualname__}" for cls in exceptions - INFRASTRUCTURE_ERRORS - {Refused}
        if not issubclass(cls, Refused)
    }
    assert not strays


def test_infrastructure_errors_are_not_refusals():
    assert not any(issubclass(cls, Refused) for cls in INFRASTRUCTURE_ERRORS)


def test_a_refusal_carries_its_message_field_and_status():
    refusal = Conflict("That reference is in use", field="external_ref")
    assert (str(refusal), refusal.field, refusal.status) == ("That reference is in use", "external_ref", 409)
    assert str(Refused()) == Refused.message
    assert Refused("Too late", status=410).status == 410
    # Refusals of a value keep being ValueErrors, which form fields turn into their own errors.
    assert issubclass(UploadRejected, ValueError)


def _answer(app, refusal: Refused, path: str, method: str = "GET", referrer: str | None = None):
    headers = {"Referer": referrer} if referrer else {}
    with app.test_request_context(path, method=method, headers=headers):
        response = app.make_response(app.handle_user_exception(refusal))
        return response, get_flashed_messages(with_categories=True)


def test_the_api_answers_a_refusal_with_its_json_error(app):
    response, flashed = _answer(app, Conflict("That reference is in use", field="external_ref"), "/api/v1/x", "PUT")
    assert response.status_code == 409
    assert response.get_json() == {"error": {
        "status": 409, "title": "That cannot be done now", "detail": "That reference is in use",
        "fields": {"external_ref": "That reference is in use"},
    }}
    assert flashed == []


def test_the_api_answer_to_too_many_attempts_says_when_to_try_again(app):
    response, _ = _answer(app, TooManyAttempts("Wait 5 minutes", 300), "/api/v1/x", "POST")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "300"
    assert response.get_json()["error"]["detail"] == "Wait 5 minutes"


def test_a_page_sent_from_this_site_shows_the_refusal_on_the_page_it_came_from(app):
    response, flashed = _answer(
        app, Conflict("This vacancy has closed"), "/recruiter/vacancies/1/close", "POST",
        referrer="http://localhost/recruiter/vacancies?status=published",
    )
    assert response.status_code == 303
    assert response.headers["Location"] == "/recruiter/vacancies?status=published"
    assert flashed == [("error", "This vacancy has closed")]


@pytest.mark.parametrize("referrer", [None, "https://elsewhere.example/recruiter/vacancies", "http://localhost/jobs/1"])
def test_without_a_page_of_this_site_to_go_back_to_an_error_page_says_why(app, referrer):
    response, flashed = _answer(app, Conflict("This vacancy has closed"), "/jobs/1", referrer=referrer)
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "This vacancy has closed" in page
    assert "<h1>That cannot be done now</h1>" in page
    assert flashed == []
