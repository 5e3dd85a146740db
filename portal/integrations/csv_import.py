"""Vacancies from a CSV file: read it, show what each row will do, then import the rows that can be.

Each row is checked like an API request (by the web form, see services.check_vacancy) and matched to
the organisation's vacancies by the employer's reference, so uploading the same file again updates
the vacancies it created rather than adding more.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import BinaryIO

from sqlalchemy import delete, select

from portal.accounts.models import User
from portal.audit.services import organisation_scoped
from portal.employers.models import Organisation
from portal.extensions import db
from portal.integrations.models import CsvImport
from portal.integrations.services import (
    CheckedVacancy,
    VacancyChoices,
    check_can_save,
    check_vacancy,
    save_vacancy,
    vacancies_by_reference,
)
from portal.refusals import Refused
from portal.text import clean_text
from portal.time import utcnow
from portal.vacancies.services import VacancyActionRefused

MAX_CSV_BYTES = 2 * 1024 * 1024
MAX_CSV_ROWS = 500
LIST_SEPARATOR = ";"
KEEP_IMPORTS_FOR = timedelta(days=7)
# Excel reads a CSV file as UTF-8 only when it starts with a byte order mark.
BYTE_ORDER_MARK = "\ufeff"
ROW_PROBLEM = "row"
MISSING_REFERENCE = "Enter the employer's reference so the row can be matched next time"
NOT_CSV = "The selected file must be a CSV file. Download the template, fill it in and save it as CSV UTF-8"
EXAMPLE_CLOSES_IN = timedelta(days=28)
EXAMPLE = {
    "external_ref": "SCW-042",
    "title": "Senior Care Worker",
    "role_code": "senior_care_worker",
    "contract_type": "permanent",
    "working_time": "full_time",
    "hours_per_week": "37.5",
    "patterns": "shifts;weekends",
    "pay_min": "12.90",
    "pay_max": "14.80",
    "pay_period": "hour",
    "summary": "Lead a small team supporting people to live well in their own homes.",
    "description": "## About the role\n\nYou will lead home care visits across Charnwood.",
    "requirements": "Level 3 Diploma in Adult Care, or working towards it.",
    "benefits": "Paid mileage and training.",
    "flags": "dbs_check;driving_licence",
    "apply_method": "external",
    "apply_url": "https://jobs.example.org/apply/scw-042",
    "status": "draft",
}


class CsvRejected(Refused, ValueError):
    """The file cannot be read as vacancies; the message says how to fix it."""

    field = "file"


@dataclass
class RowPlan:
    """What importing one row does: create or update a vacancy, or nothing because of its errors."""

    line: int
    reference: str | None
    title: str
    action: str  # create, update or error
    errors: dict[str, str]
    vacancy_id: int | None
    checked: CheckedVacancy

    def outcome(self) -> dict:
        return {key: value for key, value in asdict(self).items() if key != "checked"}


def column_name(heading: str) -> str:
    return heading.strip().lower().replace(" ", "_")


def _list_cell(text: str) -> list[str]:
    return [item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()]


def read_csv(stream: BinaryIO, choices: VacancyChoices) -> tuple[list[str], list[dict]]:
    """The file's headings and its rows, each with its row number as a spreadsheet shows it."""
    content = stream.read(MAX_CSV_BYTES + 1)
    if len(content) > MAX_CSV_BYTES:
        raise CsvRejected(f"The file must be smaller than {MAX_CSV_BYTES // (1024 * 1024)} MB. Split the vacancies "
                          "into smaller files")
    if b"\x00" in content:
        raise CsvRejected(NOT_CSV)
    try:
        text = clean_text(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CsvRejected("The file must be saved as CSV UTF-8. In Excel, choose Save as, then "
                          "CSV UTF-8 (Comma delimited)") from None
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        raise CsvRejected(NOT_CSV) from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise CsvRejected("The file is empty. Its first row must name the columns, as in the template")
    headings = records[0]
    if len(headings) == 1 and LIST_SEPARATOR in headings[0]:
        raise CsvRejected("Separate the columns with commas, not semicolons. In Excel, save the file as "
                          "CSV UTF-8 (Comma delimited)")
    names = [column_name(heading) for heading in headings]
    fields = choices.fields
    repeated = sorted({name for name in names if name and names.count(name) > 1})
    if repeated:
        raise CsvRejected(f"Each column must appear once. These appear more than once: {', '.join(repeated)}")
    missing = [field.name for field in fields if field.required and field.name not in names]
    if missing:
        raise CsvRejected(f"The file is missing these columns: {', '.join(missing)}. Its first row must name the "
                          "columns, as in the template")
    rows = [
        {"line": number, "cells": cells}
        for number, cells in enumerate(records[1:], start=2)
        if any(cell.strip() for cell in cells)
    ]
    if not rows:
        raise CsvRejected("The file has no vacancies in it. Add a row for each vacancy under the column names")
    if len(rows) > MAX_CSV_ROWS:
        raise CsvRejected(f"The file has {len(rows)} vacancies. Import {MAX_CSV_ROWS} or fewer at a time by "
                          "splitting it into smaller files")
    return headings, rows


def create_import(organisation: Organisation, user: User, filename: str, stream: BinaryIO) -> CsvImport:
    """Keep an uploaded file until the recruiter has checked the preview; older uploads are removed."""
    columns, rows = read_csv(stream, VacancyChoices.for_organisation(organisation))
    db.session.execute(delete(CsvImport).where(
        CsvImport.organisation_id == organisation.id, CsvImport.created_at < utcnow() - KEEP_IMPORTS_FOR
    ))
    csv_import = CsvImport(
        organisation_id=organisation.id,
        created_by_id=user.id,
        filename=filename[:255],
        columns_json=json.dumps(columns),
        rows_json=json.dumps(rows),
    )
    db.session.add(csv_import)
    db.session.flush()
    return csv_import


def import_of(organisation_id: int, import_id: int) -> CsvImport | None:
    return organisation_scoped(select(CsvImport).where(CsvImport.id == import_id), CsvImport.organisation_id, organisation_id)


def ignored_columns(csv_import: CsvImport, choices: VacancyChoices) -> list[str]:
    known = {field.name for field in choices.fields}
    return [heading for heading in csv_import.columns if heading.strip() and column_name(heading) not in known]


def plan_import(csv_import: CsvImport, organisation: Organisation) -> list[RowPlan]:
    """Check every row and say what importing it would do now."""
    choices = VacancyChoices.for_organisation(organisation)
    fields = {field.name: field for field in choices.fields}
    columns = csv_import.columns
    names = [column_name(heading) for heading in columns]
    checked_rows = []
    for row in csv_import.rows:
        values = {
            name: _list_cell(cell) if fields[name].kind == "list" else cell
            for name, cell in zip(names, row["cells"])
            if name in fields
        }
        checked = check_vacancy(values, choices, MISSING_REFERENCE)
        if len(row["cells"]) > len(columns):
            checked.errors = {
                ROW_PROBLEM: f"This row has {len(row['cells'])} cells but there are {len(columns)} columns. "
                             "Put any text with commas in double quotes",
                **checked.errors,
            }
        checked_rows.append((row["line"], str(values.get("title", "")).strip(), checked))

    existing = vacancies_by_reference(organisation.id, {checked.reference for _, _, checked in checked_rows})
    first_line: dict[str, int] = {}
    plans = []
    for line, title, checked in checked_rows:
        errors = dict(checked.errors)
        reference = checked.reference
        if reference in first_line:
            errors["external_ref"] = (f"Row {first_line[reference]} has the same reference. Give each vacancy its "
                                      "own reference")
        elif reference:
            first_line[reference] = line
        vacancy = existing.get(reference)
        if not errors:
            try:
                check_can_save(checked, vacancy)
            except VacancyActionRefused as refusal:
                errors[ROW_PROBLEM] = str(refusal)
        action = "error" if errors else "update" if vacancy else "create"
        plans.append(RowPlan(line, reference, title, action, errors, vacancy.id if vacancy else None, checked))
    return plans


def run_import(csv_import: CsvImport, organisation: Organisation, today: date) -> list[RowPlan]:
    """Create or update a vacancy for every row without errors; rows with errors are left out."""
    plans = plan_import(csv_import, organisation)
    for plan in plans:
        if plan.action != "error":
            plan.vacancy_id = save_vacancy(organisation, plan.checked, today).vacancy.id
    csv_import.imported_at = utcnow()
    csv_import.outcomes_json = json.dumps([plan.outcome() for plan in plans])
    db.session.flush()
    return plans


def action_counts(outcomes: list[dict]) -> dict[str, int]:
    return {action: sum(outcome["action"] == action for outcome in outcomes) for action in ("create", "update", "error")}


def _csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return BYTE_ORDER_MARK + buffer.getvalue()


def template_csv(choices: VacancyChoices, today: date) -> str:
    """Every column, and one example row that would import as it is."""
    example = {
        **EXAMPLE,
        "closing_date": (today + EXAMPLE_CLOSES_IN).isoformat(),
        "sites": choices.sites[0].name if choices.sites else "Head office",
    }
    names = [field.name for field in choices.fields]
    return _csv_text([names, [example.get(name, "") for name in names]])


def problems_text(errors: dict[str, str]) -> str:
    return "; ".join(message if name == ROW_PROBLEM else f"{name}: {message}" for name, message in errors.items())


def rows_with_errors_csv(csv_import: CsvImport, outcomes: list[dict]) -> str:
    """The rows that were not imported, as they were uploaded, with a last column saying why."""
    errors_by_line = {outcome["line"]: outcome["errors"] for outcome in outcomes if outcome["action"] == "error"}
    rows = [[*csv_import.columns, "errors"]]
    width = len(csv_import.columns)
    for row in csv_import.rows:
        if row["line"] in errors_by_line:
            cells = row["cells"] + [""] * (width - len(row["cells"]))
            rows.append([*cells, problems_text(errors_by_line[row["line"]])])
    return _csv_text(rows)
