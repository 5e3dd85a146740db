"""Importing vacancies from a CSV file: template, upload, preview row by row, confirm, and importing the
same file again."""
from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.integrations import csv_import
from portal.integrations.models import CsvImport
from portal.integrations.services import CANNOT_UNPUBLISH, VacancyChoices, input_fields

IMPORT = "/recruiter/vacancies/import"
CLOSING = date.today() + timedelta(days=21)


def csv_bytes(rows: list[dict], columns: list[str] | None = None, bom: bool = False) -> bytes:
    columns = columns or list(rows[0])
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode()


def row(**overrides) -> dict:
    values = {
        "external_ref": "HCW-1",
        "title": "Home Care Worker",
        "role_code": "care_worker",
        "contract_type": "permanent",
        "working_time": "part_time",
        "hours_per_week": "20",
        "patterns": "weekends; nights",
        "pay_band_code": "",
        "pay_min": "£12.60",
        "pay_max": "13.50",
        "pay_period": "hour",
        "closing_date": CLOSING.strftime("%d/%m/%Y"),
        "summary": "Visit people in their homes around Loughborough.",
        "description": "## About the role\n\nVisits, with a car, across Charnwood.",
        "requirements": "",
        "benefits": "Paid mileage, with a comma",
        "flags": "driving_licence",
        "sites": "Head office",
        "apply_method": "external",
        "apply_url": "https://jobs.example.org/hcw-1",
        "status": "",
    }
    values.update(overrides)
    return values


def upload(client, content: bytes | None, filename: str = "vacancies.csv"):
    data = {} if content is None else {"file": (io.BytesIO(content), filename)}
    return client.post(IMPORT, data=data, content_type="multipart/form-data")


def preview_of(client, content: bytes):
    response = upload(client, content)
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"], client.get(response.headers["Location"]).get_data(as_text=True)


def test_the_template_has_every_column_and_an_example_that_imports(app, recruiter_client, vacancy_count):
    recruiter, organisation = recruiter_client()

    response = recruiter.get(f"{IMPORT}/template.csv")

    assert response.mimetype == "text/csv"
    assert 'attachment; filename="vacancies-template.csv"' == response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    header, example = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    with app.test_request_context():
        assert header == [field.name for field in input_fields()]
    assert header[0] == "external_ref" and header[-1] == "status" and "sites" in header
    assert dict(zip(header, example))["sites"] == "Head office"
    location, page = preview_of(recruiter, response.get_data())
    assert "1 new vacancy" in page and "0 rows with problems" in page
    recruiter.post(f"{location}/confirm")
    assert vacancy_count(organisation) == 1


def test_the_import_page_explains_every_column_and_its_codes(app, recruiter_client):
    recruiter, _ = recruiter_client()

    page = recruiter.get(IMPORT).get_data(as_text=True)

    assert page.count("<h1") == 1 and 'for="file"' in page
    assert f'href="{IMPORT}/template.csv"' in page
    with app.test_request_context():
        names = [field.name for field in input_fields()]
    for name in names:
        assert f"<code>{name}</code>" in page
    for code in ("senior_care_worker", "band_5", "fixed_term", "dbs_check", "published"):
        assert f"<code>{code}</code>" in page
    assert "Head office" in page


def test_the_preview_shows_each_rows_outcome_and_saves_nothing(app, recruiter_client, make_vacancy, vacancy_count):
    recruiter, organisation = recruiter_client()
    make_vacancy(organisation, status="draft", external_ref="EXISTING", title="Old title")
    rows = [
        row(),
        row(external_ref="EXISTING", title="New title"),
        row(external_ref="BAD-1", title="", closing_date="31/02/2030", pay_min="lots"),
        row(external_ref=""),
        row(external_ref="HCW-1", title="Same reference again"),
        row(external_ref="BAD-2", sites="The Moon", role_code="astronaut"),
    ]

    _, page = preview_of(recruiter, csv_bytes(rows))

    assert "Check your import" in page and page.count("<h1") == 1
    assert "1 new vacancy" in page and "1 vacancy to update" in page and "4 rows with problems" in page
    assert "Import 2 vacancies" in page
    assert "<code>title</code>: Enter the job title" in page
    assert "<code>closing_date</code>: Closing date must be a real date" in page
    assert "<code>pay_min</code>: Minimum pay must be an amount, like 12.60 or 24937" in page
    assert "<code>external_ref</code>: Enter the employer&#39;s reference so the row can be matched next time" in page
    assert "<code>external_ref</code>: Row 2 has the same reference. Give each vacancy its own reference" in page
    assert "<code>sites</code>: Select places from your organisation&#39;s list" in page
    assert "<code>role_code</code>: Select the type of role from the list" in page
    assert vacancy_count(organisation) == 1


def test_confirming_imports_the_valid_rows_and_offers_the_others_for_correction(
    app, recruiter_client, make_vacancy, stored, vacancy_count
):
    recruiter, organisation = recruiter_client()
    make_vacancy(organisation, status="draft", external_ref="EXISTING", title="Old title")
    rows = [row(), row(external_ref="EXISTING", title="New title"), row(external_ref="BAD-1", title="")]
    location, _ = preview_of(recruiter, csv_bytes(rows))

    done = recruiter.post(f"{location}/confirm", follow_redirects=True).get_data(as_text=True)

    assert "2 vacancies imported." in done and "Import finished" in done
    assert "1 new vacancy created" in done and "1 vacancy updated" in done and "1 row with problems, not imported" in done
    created = stored(organisation, "HCW-1")
    assert (created.title, created.status, created.working_time, created.pay_min) == ("Home Care Worker", "draft", "part_time", 12.6)
    assert created.closing_date == CLOSING and created.working_patterns == ["part_time", "nights", "weekends"]
    assert created.flags == ["driving_licence"] and created.benefits == "Paid mileage, with a comma"
    assert created.description == "## About the role\n\nVisits, with a car, across Charnwood."
    assert stored(organisation, "EXISTING").title == "New title"
    assert stored(organisation, "BAD-1") is None
    assert vacancy_count(organisation) == 2

    problems = recruiter.get(f"{location}/rows-with-problems.csv")
    assert problems.mimetype == "text/csv"
    header, *bad_rows = list(csv.reader(io.StringIO(problems.get_data(as_text=True).removeprefix("\ufeff"))))
    assert header == [*rows[0], "errors"]
    assert len(bad_rows) == 1 and bad_rows[0][0] == "BAD-1"
    assert bad_rows[0][-1] == "title: Enter the job title"


def test_uploading_the_same_file_again_updates_rather_than_duplicates(recruiter_client, stored, vacancy_count):
    recruiter, organisation = recruiter_client()
    content = csv_bytes([row(), row(external_ref="HCW-2", title="Night Care Worker")])
    first, _ = preview_of(recruiter, content)
    recruiter.post(f"{first}/confirm")
    created_id = stored(organisation, "HCW-1").id

    again, page = preview_of(recruiter, content)
    assert "0 new vacancies" in page and "2 vacancies to update" in page
    recruiter.post(f"{again}/confirm")
    recruiter.post(f"{again}/confirm")

    assert vacancy_count(organisation) == 2
    assert stored(organisation, "HCW-1").id == created_id


def test_a_status_column_can_publish_but_not_unpublish(recruiter_client, make_vacancy, stored):
    recruiter, organisation = recruiter_client()
    make_vacancy(organisation, status="published", external_ref="LIVE", title="Live job")
    content = csv_bytes([row(status="Published"), row(external_ref="LIVE", status="draft", title="Changed")])

    location, page = preview_of(recruiter, content)
    recruiter.post(f"{location}/confirm")

    assert CANNOT_UNPUBLISH.replace("'", "&#39;") in page
    assert stored(organisation, "HCW-1").status == "published"
    assert stored(organisation, "HCW-1").published_at is not None
    assert stored(organisation, "LIVE").title == "Live job"


def test_a_row_with_unquoted_commas_is_refused_not_misread(recruiter_client, vacancy_count):
    recruiter, organisation = recruiter_client()
    unquoted = ",".join(row(external_ref="HCW-9", summary="Kind, caring people", description="Visits",
                            benefits="Mileage").values())
    columns = len(row())

    location, page = preview_of(recruiter, csv_bytes([row()]) + unquoted.encode() + b"\r\n")

    assert (f"This row has {columns + 1} cells but there are {columns} columns. Put any text with commas in double "
            "quotes") in page
    recruiter.post(f"{location}/confirm")
    assert vacancy_count(organisation) == 1


def test_unknown_columns_are_ignored_and_named(recruiter_client):
    recruiter, _ = recruiter_client()
    rows = [{**row(), "Notes for HR": "ask Sam"}]

    _, page = preview_of(recruiter, csv_bytes(rows, bom=True))

    assert "These columns were ignored because the template does not have them: Notes for HR." in page
    assert "1 new vacancy" in page


@pytest.mark.parametrize("content, filename, message", [
    (None, "vacancies.csv", "Select a CSV file"),
    (b"", "vacancies.csv", "The file is empty. Its first row must name the columns, as in the template"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "vacancies.csv", csv_import.NOT_CSV),
    (csv_bytes([row()]), "vacancies.xlsx", csv_import.NOT_CSV),
    (csv_bytes([row(title="Caf\u00e9 Worker")]).decode().encode("cp1252"), "vacancies.csv",
     "The file must be saved as CSV UTF-8. In Excel, choose Save as, then CSV UTF-8 (Comma delimited)"),
    (b"external_ref;title;role_code\r\nA;B;C\r\n", "vacancies.csv", "Separate the columns with commas, not semicolons"),
    (b"external_ref,title\r\nA,Care Worker\r\n", "vacancies.csv", "The file is missing these columns: role_code"),
    (b"external_ref,external_ref\r\n", "vacancies.csv", "These appear more than once: external_ref"),
    (b"\r\n\r\n", "vacancies.csv", "The file is empty. Its first row must name the columns, as in the template"),
    (csv_bytes([row()])[:csv_bytes([row()]).index(b"\r\n") + 2] + b",,,\r\n", "vacancies.csv",
     "The file has no vacancies in it"),
])
def test_files_that_cannot_be_read_get_a_clear_message(app, recruiter_client, content, filename, message):
    recruiter, _ = recruiter_client()

    response = upload(recruiter, content, filename)

    page = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 200
    assert "There is a problem" in page and message in page
    with app.app_context():
        assert db.session.scalars(select(CsvImport)).all() == []


def test_large_files_and_too_many_rows_are_refused(recruiter_client, monkeypatch):
    recruiter, _ = recruiter_client()
    monkeypatch.setattr(csv_import, "MAX_CSV_ROWS", 2)
    three = csv_bytes([row(external_ref=f"R-{n}") for n in range(3)])
    page = upload(recruiter, three).get_data(as_text=True)
    assert "The file has 3 vacancies. Import 2 or fewer at a time by splitting it into smaller files" in page

    monkeypatch.setattr(csv_import, "MAX_CSV_BYTES", 1024 * 1024)
    page = upload(recruiter, three + b"," * (1024 * 1024)).get_data(as_text=True)
    assert "The file must be smaller than 1 MB" in page


def test_another_organisations_import_is_not_found(recruiter_client, vacancy_count):
    owner, owner_organisation = recruiter_client()
    location, _ = preview_of(owner, csv_bytes([row()]))
    intruder, _ = recruiter_client()

    assert intruder.get(location).status_code == 404
    assert intruder.post(f"{location}/confirm").status_code == 404
    assert intruder.get(f"{location}/rows-with-problems.csv").status_code == 404
    assert vacancy_count() == 0


def test_the_import_pages_are_for_recruiters_only(client, recruiter_client, make_user):
    from tests.factories import sign_in

    owner, _ = recruiter_client()
    location, _ = preview_of(owner, csv_bytes([row()]))
    paths = [("get", IMPORT), ("post", IMPORT), ("get", f"{IMPORT}/template.csv"), ("get", location),
             ("post", f"{location}/confirm"), ("get", f"{location}/rows-with-problems.csv")]
    for method, path in paths:
        assert getattr(client, method)(path).status_code == 302
    sign_in(client, make_user())
    for method, path in paths:
        assert getattr(client, method)(path).status_code == 403


def test_old_uploads_are_cleared_when_a_new_one_arrives(app, recruiter_client):
    from portal.time import utcnow

    recruiter, _ = recruiter_client()
    preview_of(recruiter, csv_bytes([row()]))
    with app.app_context():
        old = db.session.scalars(select(CsvImport)).one()
        old.created_at = utcnow() - timedelta(days=8)
        db.session.commit()

    preview_of(recruiter, csv_bytes([row()]))

    with app.app_context():
        assert len(db.session.scalars(select(CsvImport)).all()) == 1


def test_site_names_and_lists_are_read_from_cells(app, make_organisation):
    organisation = make_organisation()
    with app.test_request_context():
        from portal.employers.models import Organisation

        choices = VacancyChoices.for_organisation(db.session.get(Organisation, organisation.id))
        headings, rows = csv_import.read_csv(io.BytesIO(csv_bytes([row()], bom=True)), choices)
    assert headings[0] == "external_ref"
    assert rows == [{"line": 2, "cells": list(row().values())}]
