"""The demo region's passports: a care worker with verified, due and expired records shared with the
NHS trust, a trainer, and staff at every employer."""
from datetime import date

from portal.accounts.models import User
from portal.extensions import db
from portal.demo.loader import load_demo_region
from portal.passport import services, sharing
from portal.passport.models import AuditEntry, Credential, RecordAcceptance
from portal.passport.status import Status
from portal.time import utcnow


def test_the_demo_region_has_passports_to_try(app):
    with app.app_context():
        counts = load_demo_region(date(2026, 11, 29))
        db.session.commit()
        carer = db.session.scalar(db.select(User).where(User.email == "carer@example.org"))
        passport = services.passport(carer, date(2026, 11, 29))
        statuses = {line.status.status for line in passport.lines}
        assert statuses == {Status.VALID, Status.EXPIRING, Status.EXPIRED}
        assert sum(line.record.is_verified for line in passport.lines) >= 20
        nhs = db.session.scalar(db.select(User).where(User.email == "recruiter@soarvalley.example")).organisation
        assert sharing.live_organisation_share(nhs.id, carer.id, utcnow()) is not None
        trainer = db.session.scalar(db.select(User).where(User.email == "trainer@homecare.example"))
        assert trainer.handles_passports and not trainer.is_recruiter
        assert counts["skills passports"] > 40
        assert db.session.scalar(db.select(db.func.count(RecordAcceptance.id))) > 0
        assert db.session.scalar(db.select(db.func.count(Credential.id))) > 20
        assert db.session.scalar(db.select(db.func.count(AuditEntry.id))) > 100
