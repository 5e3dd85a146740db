"""Every domain's models, imported once so that migrations and metadata see the whole schema."""
from portal.domains import domain_parts

domain_parts("models")
