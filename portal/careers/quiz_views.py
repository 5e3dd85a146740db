"""The find-your-career quiz: one question a page, results at an address that can be shared."""
from portal.careers import bp  # noqa: F401
