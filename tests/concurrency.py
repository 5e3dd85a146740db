"""Running the same work on several threads at the same moment, as several processes would."""
from __future__ import annotations

import threading
from collections.abc import Callable


def at_once(app, count: int, work: Callable[[], object]) -> list:
    """``work()`` on ``count`` threads, each in an app context of its own, released together; their results.
    An exception on any thread fails the caller, on the test's thread."""
    start = threading.Barrier(count)
    results, errors = [], []

    def run():
        try:
            with app.app_context():
                start.wait()
                results.append(work())
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == [], errors
    return results
