"""The role explorer: the careers hub, browsing roles, each role's page and comparing roles."""
from portal.careers import bp  # noqa: F401
