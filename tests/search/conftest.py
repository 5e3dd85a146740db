from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

from search import SearchQuery, VacancyIndex

NOW = datetime(2026, 3, 2, 12, 0, 0)
TODAY = NOW.date()
LEEDS = (53.7997, -1.5492)
BRADFORD = (53.7960, -1.7594)  # about 8.7 miles west of Leeds
YORK = (53.9600, -1.0873)  # about 22 miles north-east of Leeds
LONDON = (51.5072, -0.1276)


def make_doc(id, **fields):
    doc = {
        "id": id,
        "title": f"Vacancy {id}",
        "summary": "A rewarding role with a friendly team.",
        "text": "Apply online today.",
        "employer_name": "Acme Health",
        "role_name": "General",
        "sector": "adult_social_care",
        "role_family": "care",
        "role": "care_assistant",
        "employer_id": 1,
        "contract_type": "permanent",
        "working_patterns": ["full_time"],
        "pay_annual": 24000.0,
        "flags": [],
        "posted_at": NOW - timedelta(days=id),
        "closing_date": TODAY + timedelta(days=30),
        "locations": [LEEDS],
        "visible": True,
    }
    doc.update(fields)
    return doc


def query(**fields):
    """A SearchQuery at the fixed test time."""
    fields.setdefault("now", NOW)
    fields.setdefault("today", TODAY)
    return SearchQuery(**fields)


def ids(result):
    return [hit.id for hit in result.hits]


@pytest.fixture
def index_dir(tmp_path):
    return tmp_path / "index"


@pytest.fixture
def build(index_dir):
    """Rebuild an index from the given documents and return it open."""
    opened = []

    def build(docs, cursor=0):
        index = VacancyIndex(index_dir)
        index.rebuild(docs, cursor)
        opened.append(index)
        return index

    yield build
    for index in opened:
        index.close()


@pytest.fixture
def search(build):
    """Build from documents, then search: search(docs)(**query_fields)."""

    def search(docs):
        index = build(docs)
        return lambda **fields: index.search(query(**fields))

    return search


@pytest.fixture
def kit():
    """Test data helpers (fixtures rather than imports: test directories here
    are not packages, so module names must stay unique across the suite)."""
    return SimpleNamespace(
        NOW=NOW,
        TODAY=TODAY,
        LEEDS=LEEDS,
        BRADFORD=BRADFORD,
        YORK=YORK,
        LONDON=LONDON,
        make_doc=make_doc,
        query=query,
        ids=ids,
    )
