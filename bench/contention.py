"""Contention benchmark: many recruiters editing published vacancies at once on one SQLite database.

Each editor is a recruiter with a test client of their own, in a thread of their own, saving their
vacancy's edit form again and again while the others do the same; every save commits and updates the
search index. The editors are shared among several worker processes, each with its own app, database
connections and search index handle, as a production server's workers are. The app is configured as
in production (no TESTING) apart from CSRF, which a test client cannot answer. It prints how many
saves were answered with each status: the target is no 5xx.

    .venv/bin/python bench/contention.py [--editors 20] [--edits 25] [--processes 4]
"""
# ruff: noqa: E402
from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    # Run as a script, sys.path starts with this directory, where search.py would hide the ``search``
    # package: the repository root takes its place.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse
import multiprocessing
import tempfile
import threading
import time
from collections import Counter
from datetime import date, timedelta

from portal import create_app
from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.employers.models import Organisation, OrganisationStatus, Site
from portal.extensions import db
from portal.indexing.services import rebuild_index
from portal.locations.services import load_demo_places
from portal.reference.services import load_reference_data
from portal.vacancies.models import Vacancy, VacancyStatus
from tests.session_stores import start_session_without_form

DEFAULT_EDITORS = 20
DEFAULT_EDITS = 25
DEFAULT_PROCESSES = 4
DEFAULT_SEARCHERS = 2


def edit_form(vacancy_id: int, site_id: int, edit: int) -> dict:
    closing = date.today() + timedelta(days=30)
    return {
        "title": f"Senior Care Worker {vacancy_id} (edit {edit})",
        "role_code": "senior_care_worker",
        "contract_type": "permanent",
        "working_time": "full_time",
        "hours_per_week": "37.5",
        "pay_band_code": "",
        "pay_min": "12.90",
        "pay_max": "14.80",
        "pay_period": "hour",
        "closing_date-day": str(closing.day),
        "closing_date-month": str(closing.month),
        "closing_date-year": str(closing.year),
        "summary": f"Lead a small team supporting people at home. Edit {edit}.",
        "description": "## About the role\n\nYou will lead visits across Charnwood.",
        "site_ids": [str(site_id)],
        "external_ref": f"SCW-{vacancy_id}",
        "apply_method": "external",
        "apply_url": "https://jobs.example.org/apply/42",
    }


def add_editors(editors: int) -> list[tuple[int, int, int]]:
    """An approved organisation with one recruiter and one published vacancy per editor:
    (user id, vacancy id, site id) for each."""
    organisation = Organisation(
        name="Charnwood Home Care", slug="charnwood-home-care", sector_code="home_care",
        status=OrganisationStatus.APPROVED.value, about="A home care agency.",
        sites=[Site(name="Head office", town="Loughborough", postcode="LE11 1AA", latitude=52.7721,
                    longitude=-1.2062)],
    )
    db.session.add(organisation)
    db.session.flush()
    site = organisation.sites[0]
    made = []
    for number in range(1, editors + 1):
        user = User(email=f"editor{number}@example.org", full_name=f"Editor {number}", password_hash="-",
                    organisation_id=organisation.id)
        user.grant(Role.RECRUITER)
        vacancy = Vacancy(
            organisation_id=organisation.id, sites=[site], slug=f"senior-care-worker-{number}",
            title="Senior Care Worker", role_code="senior_care_worker", sector_code="home_care",
            contract_type="permanent", working_time="full_time", hours_per_week=37.5, pay_min=12.9,
            pay_max=14.8, pay_period="hour", closing_date=date.today() + timedelta(days=30),
            summary="Lead a small team.", description="About the role", status=VacancyStatus.PUBLISHED.value,
            apply_method="external", apply_url="https://jobs.example.org/apply/42", external_ref=f"SCW-{number}",
        )
        db.session.add_all([user, vacancy])
        db.session.flush()
        made.append((user.id, vacancy.id, site.id))
    db.session.commit()
    return made


def edit_concurrently(app, editors: list[tuple[int, int, int]], edits: int, searchers: int = 0) -> Counter:
    """Every editor saves their vacancy ``edits`` times, all at once, while ``searchers`` people search
    until they are done; the count of each status of the saves, and of the searches under "search"."""
    statuses: Counter = Counter()
    lock = threading.Lock()
    start = threading.Barrier(len(editors) + searchers)
    editing = threading.Event()
    editing.set()

    def search() -> None:
        client = app.test_client()
        start.wait()
        while editing.is_set():
            response = client.get("/jobs", query_string={"q": "senior care worker", "sort": "newest"})
            with lock:
                statuses[f"search {response.status_code}"] += 1

    def work(user_id: int, vacancy_id: int, site_id: int) -> None:
        client = app.test_client()
        start_session_without_form(app, client, user_id)
        start.wait()
        for edit in range(edits):
            response = client.post(f"/recruiter/vacancies/{vacancy_id}/edit",
                                   data=edit_form(vacancy_id, site_id, edit))
            with lock:
                statuses[response.status_code] += 1

    threads = [threading.Thread(target=work, args=editor) for editor in editors]
    readers = [threading.Thread(target=search) for _ in range(searchers)]
    for thread in threads + readers:
        thread.start()
    for thread in threads:
        thread.join()
    editing.clear()
    for thread in readers:
        thread.join()
    return statuses


def settings(root: Path) -> dict:
    return {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{root / 'portal.db'}",
        "SEARCH_INDEX_DIR": str(root / "search-index"),
        "INSTANCE_PATH": str(root / "instance"),
        "WTF_CSRF_ENABLED": False,
    }


def worker(root: Path, editors: list[tuple[int, int, int]], edits: int, searchers: int, ready, results) -> None:
    app = create_app(settings(root))
    ready.wait()
    results.put(edit_concurrently(app, editors, edits, searchers))


def run_workers(root: Path, editors: list[tuple[int, int, int]], edits: int, processes: int,
                searchers: int) -> tuple[Counter, float]:
    """The count of each status, and the seconds from the moment every worker was ready."""
    # Forked, so the workers need not import this file by name (the tests load it from its path).
    context = multiprocessing.get_context("fork")
    ready, results = context.Barrier(processes + 1), context.Queue()
    shares = [editors[number::processes] for number in range(processes)]
    workers = [context.Process(target=worker, args=(root, share, edits, searchers, ready, results)) for share in shares]
    for process in workers:
        process.start()
    ready.wait()
    started = time.perf_counter()
    statuses = sum((results.get() for _ in workers), Counter())
    seconds = time.perf_counter() - started
    for process in workers:
        process.join()
    return statuses, seconds


def main(argv: list[str] | None = None, out=None) -> int:
    out = out or sys.stdout
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editors", type=int, default=DEFAULT_EDITORS)
    parser.add_argument("--edits", type=int, default=DEFAULT_EDITS)
    parser.add_argument("--processes", type=int, default=DEFAULT_PROCESSES)
    parser.add_argument("--searchers", type=int, default=DEFAULT_SEARCHERS, help="people searching in each process")
    parser.add_argument("--dir", help="work here instead of a new temporary directory")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(args.dir or temporary)
        root.mkdir(parents=True, exist_ok=True)
        app = create_app(settings(root))
        with app.app_context():
            # create_all, not the migrations: Alembic's logging setup would silence the loggers of
            # whatever imported this (the tests do).
            db.create_all()
            load_reference_data()
            load_demo_places()
            editors = add_editors(args.editors)
            rebuild_index()
            db.session.remove()
            db.engine.dispose()
        statuses, seconds = run_workers(root, editors, args.edits, args.processes, args.searchers)
    saves = {status: count for status, count in statuses.items() if isinstance(status, int)}
    searches = {status.split()[1]: count for status, count in statuses.items() if isinstance(status, str)}
    total = sum(saves.values())
    errors = sum(count for status, count in statuses.items() if str(status).split()[-1] >= "500")
    print(f"{args.editors} editors x {args.edits} edits on SQLite, in {args.processes} processes with "
          f"{args.searchers} searching in each: {seconds:.1f} s ({total / seconds:.0f} saves a second)", file=out)
    print("Saves: " + ", ".join(f"{status}: {count}" for status, count in sorted(saves.items())), file=out)
    print("Searches: " + ", ".join(f"{status}: {count}" for status, count in sorted(searches.items())), file=out)
    answered = total + sum(searches.values())
    print(f"Server errors: {errors} of {answered} ({100 * errors / answered:.1f}%): {'PASS' if errors == 0 else 'FAIL'}",
          file=out)
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
