"""Who may use the employer's passport pages."""
from flask_login import current_user

from portal.accounts.access import organisation_member_required

# A recruiter or trainer of an organisation; the views then check that organisation's access to each passport.
passport_staff_required = organisation_member_required(lambda: current_user.handles_passports)
