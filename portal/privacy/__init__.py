from flask import Blueprint

from portal.domains import domain_parts

bp = Blueprint("privacy", __name__)

# Each domain's personal_data module registers its part of a person's data (and any retention purge) when
# imported, in the order of the domains list.
domain_parts("personal_data")
