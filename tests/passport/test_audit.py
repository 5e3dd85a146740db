"""Every change to a passport and every verification leaves an entry: who, which organisation, what."""
import io
from datetime import date, timedelta

from werkzeug.datastructures import FileStorage

from portal.accounts.models import User
from portal.employers.models import Organisation
from portal.extensions import db
from portal.passport import services, sharing
from portal.passport.models import Employment, TrainingRecord
from tests.storage.samples import PDF


def _details(completed_on, evidence=None):
    return services.RecordDetails(competence_code="fire_safety", level_code="1", completed_on=completed_on,
                                  expires_on=None, provider="Trainer Ltd", method="face_to_face", evidence_upload=evidence)


def test_every_change_and_verification_is_audited(app, make_user, make_organisation, make_recruiter):
    holder_account = make_user()
    employer_row = make_organisation(name="Audit Care")
    recruiter_account = make_recruiter(employer_row)
    with app.app_context():
        holder = db.session.get(User, holder_account.id)
        employer = db.session.get(Organisation, employer_row.id)
        recruiter = db.session.get(User, recruiter_account.id)
        today = date.today()
        employment = services.add_employment(holder, services.EmploymentDetails(employer.id, "Carer", today, None, True))
        services.update_employment(employment, holder, services.EmploymentDetails(employer.id, "Senior carer", today, None, True))
        first = services.add_record(holder, _details(today - timedelta(days=300), FileStorage(io.BytesIO(PDF), "c.pdf")))
        services.update_record(first, holder, _details(today - timedelta(days=200)))
        services.remove_evidence(first, holder)
        services.verify_record(first, employer, recruiter)
        services.withdraw_verification(first, employer, recruiter)
        second = services.add_verified_record(holder, _details(today), employer, recruiter)
        services.accept_record(second, employer, recruiter)
        share = sharing.share_with_organisation(holder, employer)
        sharing.revoke_share(share, holder)
        _link, _token = sharing.create_link(holder, "Agency")
        services.delete_record(second, holder)
        services.delete_employment(db.session.get(Employment, employment.id), holder)
        db.session.commit()

        entries = list(reversed(services.audit_trail(holder.id)))
        assert [entry.action for entry in entries] == [
            "employment_added", "employment_changed", "record_added", "record_changed", "evidence_removed",
            "record_verified", "verification_withdrawn", "record_added_by_employer", "record_superseded",
            "record_accepted", "share_created", "share_revoked", "share_created", "record_deleted", "employment_removed",
        ]
        by_employer = [entry for entry in entries if entry.actor_id == recruiter.id]
        assert {entry.organisation_id for entry in by_employer} == {employer.id}
        assert all(entry.actor_id == holder.id for entry in entries if entry not in by_employer)
        assert "verified by Audit Care" in entries[5].detail
        assert db.session.get(TrainingRecord, first.id).superseded_at is not None
