"""The one list of domains, and each domain's parts found from it by name."""
import sys
import textwrap

import pytest

from portal.domains import DOMAINS, PARTS, domain_blueprints, domain_parts
from portal.privacy.services import registered_sections
from tests.test_layout import ROOT


@pytest.fixture
def fake_portal(tmp_path, monkeypatch):
    """A package ``fakeportal`` of a few domains, each with some of the parts."""
    files = {
        "__init__.py": "",
        "alpha/__init__.py": "from flask import Blueprint\nbp = Blueprint('alpha', __name__)\n",
        "alpha/views.py": "from fakeportal.alpha import bp\n\n@bp.route('/alpha')\ndef index():\n    return 'alpha'\n",
        "alpha/models.py": "TABLES = ['alpha']\n",
        "alpha/commands.py": "import click\ncli = click.Group('alpha')\n",
        "beta/__init__.py": "",
        "beta/personal_data.py": "SECTION = 'beta'\n",
        "beta/models.py": "TABLES = ['beta']\n",
        "gamma/__init__.py": "",
        "broken/__init__.py": "",
        "broken/models.py": "import a_module_that_is_not_there\n",
    }
    for name, text in files.items():
        path = tmp_path / "fakeportal" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "fakeportal"
    for name in [name for name in sys.modules if name.split(".")[0] == "fakeportal"]:
        del sys.modules[name]


def test_a_domains_parts_are_found_by_name_and_a_missing_part_is_simply_absent(fake_portal):
    domains = ("alpha", "beta", "gamma")
    assert [m.__name__ for m in domain_parts("views", domains, fake_portal)] == ["fakeportal.alpha.views"]
    assert [m.__name__ for m in domain_parts("commands", domains, fake_portal)] == ["fakeportal.alpha.commands"]
    assert [m.__name__ for m in domain_parts("personal_data", domains, fake_portal)] == ["fakeportal.beta.personal_data"]
    (blueprint,) = domain_blueprints(domains, fake_portal)
    assert blueprint.name == "alpha"
    assert "fakeportal.alpha.views" in sys.modules, "the blueprint comes with its routes"


def test_parts_come_in_the_order_of_the_list(fake_portal):
    parts = domain_parts("models", ("gamma", "beta", "alpha"), fake_portal)
    assert [m.__name__ for m in parts] == ["fakeportal.beta.models", "fakeportal.alpha.models"]


def test_a_part_that_fails_to_import_is_an_error_not_an_absence(fake_portal):
    with pytest.raises(ModuleNotFoundError, match="a_module_that_is_not_there"):
        domain_parts("models", ("alpha", "broken"), fake_portal)


def test_a_listed_domain_that_is_not_there_is_an_error(fake_portal):
    with pytest.raises(ModuleNotFoundError, match="delta"):
        domain_parts("models", ("alpha", "delta"), fake_portal)


def test_every_domain_folder_is_in_the_list():
    """A folder with routes, commands, personal data or models that is not in the list would be left out of
    the site, the ``flask`` commands, account deletion or the migrations."""
    with_parts = {
        folder.name
        for folder in (ROOT / "portal").iterdir()
        if (folder / "__init__.py").exists() and any((folder / f"{part}.py").exists() for part in PARTS)
    }
    assert with_parts - set(DOMAINS) == set()


def test_every_listed_domain_is_a_folder_and_listed_once():
    assert len(set(DOMAINS)) == len(DOMAINS)
    assert [d for d in DOMAINS if not (ROOT / "portal" / d / "__init__.py").exists()] == []


def test_blueprints_are_registered_in_the_order_of_the_list(app):
    with_views = [d for d in DOMAINS if (ROOT / "portal" / d / "views.py").exists()]
    assert list(app.blueprints) == with_views


def test_account_deletion_forgets_the_person_in_the_audit_trail_last():
    # The audit section records the closing and then takes the person's name off every event, those the
    # sections before it recorded included.
    assert registered_sections()[-1].name == "security_events"

