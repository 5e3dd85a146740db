"""The passport as a PDF: the holder, each record with its status and verification, and how to check
credentials; text the core fonts cannot write is replaced, never an error."""
from __future__ import annotations

from datetime import date

import pytest

from portal.accounts.models import User
from portal.extensions import db
from portal.passport import services
from portal.passport.pdf import passport_pdf


@pytest.fixture
def render(app):
    """render(holder, generated_for=None): the PDF, uncompressed so that its text can be read."""

    def render(holder, generated_for=None, compress=False):
        with app.app_context():
            passport = services.passport(db.session.get(User, holder.id), date(2026, 5, 1))
            return passport_pdf(passport, "Proud to Care LLR", generated_for, site_url="https://jobs.example.org",
                                compress=compress)

    return render


def test_the_pdf_has_the_holder_records_and_how_to_check_them(make_user, make_organisation, make_recruiter,
                                                               make_record, render):
    holder = make_user(full_name="Priya Shah")
    organisation = make_organisation(name="Quorn Care")
    make_record(holder, "fire_safety", level="1", completed_on=date(2025, 3, 4),
                verified_by=(organisation, make_recruiter(organisation)))
    make_record(holder, "moving_handling", level="1", completed_on=date(2020, 1, 1))

    document = render(holder, generated_for="Quorn Care")

    assert document.startswith(b"%PDF")
    for text in (b"Skills passport", b"Priya Shah", b"Fire safety, Level 1", b"Verified by Quorn Care on",
                 b"Not verified", b"Expired on", b"for Quorn Care", b"https://jobs.example.org/verify",
                 b"https://jobs.example.org/.well-known/jwks.json"):
        assert text in document, text


def test_characters_beyond_the_core_fonts_are_replaced(make_user, make_record, render):
    holder = make_user(full_name="Zoë O’Brien – Łukasz")
    make_record(holder, provider="‘Care’ Skills £5 course ✓")

    document = render(holder)

    assert "Zoë O’Brien – Lukasz".encode("windows-1252") in document
    for words in ("‘Care’", "£5", "course ?"):
        assert words.encode("windows-1252") in document, words


def test_an_empty_passport_says_so(make_user, render):
    document = render(make_user(full_name="New Starter"))

    assert b"There are no records in this passport yet." in document


def test_the_pdf_is_compressed_by_default(make_user, make_record, render):
    holder = make_user(full_name="Priya Shah")
    make_record(holder)

    document = render(holder, compress=True)

    assert document.startswith(b"%PDF") and b"/FlateDecode" in document
    assert b"Fire safety, Level 1" not in document
