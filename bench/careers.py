"""Careers pages benchmark: server time of the role explorer, pathway and quiz pages at the demo's size.

A SQLite database made by the real migrations in a temporary directory, with the reference lists, the
passport catalogue, the careers content, the gazetteer and the demo region (employers, vacancies and
accounts), and its search index built. Each page is requested through Flask's test client on the app
configured as in production (no TESTING), after one warm-up request, and timed ``--rounds`` times.

    .venv/bin/python bench/careers.py [--rounds 5]
"""
# ruff: noqa: E402
from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse
import logging
import statistics
import tempfile
import time

from flask_migrate import upgrade
from sqlalchemy import func, select

from portal import create_app
from portal.careers.services import load_content_files, published_content
from portal.demo.loader import load_demo_region
from portal.extensions import db
from portal.indexing.services import get_index, rebuild_index
from portal.locations.services import load_demo_places
from portal.passport.catalogue import load_catalogue
from portal.reference.models import JobRole
from portal.reference.services import load_reference_data
from portal.vacancies.models import Vacancy

TARGET_P95_MS = 100.0
QUIZ_ANSWERS = "enjoy=helping&works_with=people&qualifications=gcses&place=Leicester&distance=10"


def page_groups(app) -> dict[str, list[str]]:
    with app.app_context():
        roles = list(db.session.scalars(select(JobRole.code).order_by(JobRole.code)))
        pathways = list(published_content().pathways)
    return {
        "careers hub": ["/careers"],
        "roles A to Z and by interest": ["/careers/roles", "/careers/roles?interest=caring",
                                         "/careers/roles?entry=apprenticeship"],
        "role page": [f"/careers/roles/{code}" for code in roles],
        "role page near a place": [f"/careers/roles/{code}?place=Leicester" for code in roles[::4]],
        "compare three roles": ["/careers/compare?role=care_worker&role=healthcare_support_worker&role=porter"],
        "pathways list": ["/careers/pathways"],
        "pathway page": [f"/careers/pathways/{slug}" for slug in pathways],
        "quiz results": [f"/careers/quiz/results?{QUIZ_ANSWERS}"],
        "home page": ["/"],
    }


def measure(client, urls: list[str], rounds: int) -> tuple[list[float], list[str]]:
    timings, failures = [], []
    for url in urls:
        status = client.get(url).status_code
        if status != 200:
            failures.append(f"{url} answered {status}")
            continue
        for _ in range(rounds):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
    return timings, failures


def main(argv: list[str] | None = None, out=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="times each page is timed (default %(default)s)")
    args = parser.parse_args(argv)
    out = out or sys.stdout

    def say(line: str = "") -> None:
        print(line, file=out, flush=True)

    with tempfile.TemporaryDirectory(prefix="careers-bench-") as temporary:
        root = Path(temporary)
        app = create_app({
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{root / 'portal.db'}",
            "SEARCH_INDEX_DIR": str(root / "search-index"),
            "INSTANCE_PATH": str(root / "instance"),
            "RATELIMIT_ENABLED": False,
        })
        try:
            with app.app_context():
                upgrade()
                load_reference_data()
                load_catalogue()
                load_content_files()
                load_demo_places()
                load_demo_region()
                db.session.commit()
                rebuild_index()
                live = db.session.scalar(select(func.count()).select_from(Vacancy))
            say(f"Careers pages benchmark: demo region with {live:,} vacancies, SQLite, "
                f"Flask test client (in-process, no network), {args.rounds} rounds a page")
            client = app.test_client()
            missed = []
            for group, urls in page_groups(app).items():
                timings, failures = measure(client, urls, args.rounds)
                for failure in failures:
                    say(f"  not measured: {failure}")
                if not timings:
                    missed.append(f"{group}: nothing measured")
                    continue
                p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
                verdict = "PASS" if p95 < TARGET_P95_MS else "FAIL"
                say(f"{group}: {len(urls)} pages, p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
                    f"max {max(timings):.1f} ms; target p95 < {TARGET_P95_MS:.0f} ms: {verdict}")
                if verdict == "FAIL":
                    missed.append(group)
            say(f"Targets missed: {'; '.join(missed)}" if missed else "All targets met")
        finally:
            with app.app_context():
                get_index().close()
                db.engine.dispose()
    return 0


if __name__ == "__main__":
    logging.getLogger("portal").setLevel(logging.WARNING)
    sys.exit(main())
