"""Two app processes, each with its own index directory, over one database."""
import os
import re
import socket
import subprocess
import sys
import time

import pytest
import requests

from tests.factories import PASSWORD

pytestmark = pytest.mark.slow

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(app, tmp_path, name):
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "SEARCH_INDEX_DIR": str(tmp_path / name / "index"),
        "INSTANCE_PATH": str(tmp_path / name / "instance"),
        "SECRET_KEY": "a-secret-key-shared-by-both-machines-of-this-test",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "portal:create_app", "run", "--port", str(port), "--no-reload"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            # The first request builds the machine's index, which a busy machine may take seconds over.
            requests.get(f"{base}/api/v1/vacancies", timeout=10)
            return process, base
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{name} did not start")


def _csrf(html: str) -> str:
    match = CSRF.search(html)
    return match.group(1) or match.group(2)


@pytest.fixture
def two_machines(app, tmp_path):
    started = [_start(app, tmp_path, "a"), _start(app, tmp_path, "b")]
    yield [base for _process, base in started]
    for process, _base in started:
        process.terminate()
        process.wait(10)


def test_vacancy_published_on_one_machine_is_found_on_the_other(
    two_machines, make_organisation, make_recruiter, make_vacancy
):
    machine_a, machine_b = two_machines
    organisation = make_organisation()
    recruiter = make_recruiter(organisation)
    draft = make_vacancy(organisation, title="Dementia Champion Xylophonist", status="draft")
    assert requests.get(f"{machine_b}/api/v1/vacancies", params={"q": "xylophonist"}).json()["total"] == 0

    browser = requests.Session()
    token = _csrf(browser.get(f"{machine_a}/sign-in").text)
    browser.post(f"{machine_a}/sign-in", data={"email": recruiter.email, "password": PASSWORD, "csrf_token": token})
    token = _csrf(browser.get(f"{machine_a}/recruiter/vacancies").text)
    published = browser.post(f"{machine_a}/recruiter/vacancies/{draft.id}/publish", data={"csrf_token": token})
    assert published.ok

    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        found = requests.get(f"{machine_b}/api/v1/vacancies", params={"q": "xylophonist"}).json()
        if found["total"] == 1:
            break
        time.sleep(0.1)
    assert found["total"] == 1
    assert found["results"][0]["id"] == draft.id
