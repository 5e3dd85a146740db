"""The workforce team edit the careers content: drafts, preview, publishing, history and restoring."""
from portal.careers import bp  # noqa: F401
