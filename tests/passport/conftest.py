"""Every passport test starts with the catalogue loaded."""
import pytest


@pytest.fixture(autouse=True)
def _catalogue_loaded(catalogue):
    return catalogue
