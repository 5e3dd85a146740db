"""`make serve` runs gunicorn with two workers a core plus one, unless WEB_CONCURRENCY says otherwise."""
import runpy

import pytest

from portal.config import REPO_ROOT


@pytest.mark.parametrize("cores, web_concurrency, workers", [
    pytest.param(1, None, 3, id="one-core"),
    pytest.param(2, None, 5, id="two-cores"),
    pytest.param(8, None, 17, id="eight-cores"),
    pytest.param(None, None, 3, id="core-count-unknown"),
    pytest.param(8, "4", 4, id="web-concurrency-wins"),
])
def test_workers_follow_the_core_count(monkeypatch, cores, web_concurrency, workers):
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    if web_concurrency is None:
        monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    else:
        monkeypatch.setenv("WEB_CONCURRENCY", web_concurrency)

    settings = runpy.run_path(str(REPO_ROOT / "gunicorn.conf.py"))

    assert settings["workers"] == workers
