"""Running a request's writes again when SQLite stayed busy longer than its busy timeout.

Every SQLite connection waits for another's write to finish (see ``configure_sqlite`` in
extensions.py), but when many writers queue at once an unlucky one can still give up with "database
is locked". It changed nothing, so its writes can simply run again. Only views whose work before the
commit touches nothing but the database (no email sent, no file stored) may be run again; the others
answer such a failure with a "try again" page.
"""
from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable

from sqlalchemy.exc import OperationalError

from portal.extensions import db

log = logging.getLogger(__name__)

ATTEMPTS = 3
# Seconds to wait before running again, at random in this range so the writers that gave up together
# do not queue up together again.
PAUSE = (0.05, 0.25)


def database_busy(error: Exception) -> bool:
    """SQLite gave up waiting for another process's write; the statement changed nothing."""
    return isinstance(error, OperationalError) and "database is locked" in str(error.orig)


def retry_when_busy(view: Callable) -> Callable:
    """Run the view again, from a rolled-back session, when the database was too busy to write."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        for attempt in range(1, ATTEMPTS):
            try:
                return view(*args, **kwargs)
            except OperationalError as error:
                if not database_busy(error):
                    raise
            db.session.rollback()
            log.info("Database busy; running %s again (attempt %s)", view.__name__, attempt + 1)
            time.sleep(random.uniform(*PAUSE))
        return view(*args, **kwargs)

    return wrapped
