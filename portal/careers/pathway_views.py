"""Career pathways: the list, each pathway with its steps and map."""
from portal.careers import bp  # noqa: F401
