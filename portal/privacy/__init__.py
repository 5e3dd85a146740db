import importlib

from flask import Blueprint

bp = Blueprint("privacy", __name__)

# Each module registers its domain's part of a person's data (and any retention purge) when imported.
PERSONAL_DATA_MODULES = (
    "portal.accounts.personal_data",
    "portal.profiles.personal_data",
    "portal.applications.personal_data",
    "portal.alerts.personal_data",
    "portal.passport.personal_data",
    "portal.twofactor.personal_data",
    "portal.audit.personal_data",
    "portal.mail.personal_data",
)

for _module_name in PERSONAL_DATA_MODULES:
    importlib.import_module(_module_name)

