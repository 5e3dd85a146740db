"""Searches never fail because the search index is being rebuilt, swapped or deleted under them."""
from __future__ import annotations

import shutil
import threading
from collections import Counter

from portal.indexing.services import get_index, rebuild_index

SEARCHERS = 4
ROUNDS = 12


def test_searches_answer_while_the_index_is_rebuilt_and_deleted_again_and_again(app, make_organisation, make_vacancy):
    organisation = make_organisation()
    for title in ("Care Worker", "Staff Nurse", "Senior Care Worker"):
        make_vacancy(organisation, title=title)
    statuses, found = Counter(), Counter()
    lock, running = threading.Lock(), threading.Event()
    running.set()

    def search():
        client = app.test_client()
        while running.is_set():
            for path in ("/jobs?q=care", "/api/v1/vacancies?q=care"):
                response = client.get(path)
                with lock:
                    statuses[response.status_code] += 1
                    if path.startswith("/api/") and response.status_code == 200:
                        found[response.get_json()["total"]] += 1

    searchers = [threading.Thread(target=search) for _ in range(SEARCHERS)]
    for thread in searchers:
        thread.start()
    try:
        for round_number in range(ROUNDS):
            with app.app_context():
                rebuild_index()
                if round_number % 3 == 2:
                    shutil.rmtree(app.config["SEARCH_INDEX_DIR"], ignore_errors=True)
                    get_index().close()
    finally:
        running.clear()
        for thread in searchers:
            thread.join()

    assert set(statuses) == {200}, statuses
    assert set(found) == {3}, found
