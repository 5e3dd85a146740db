import click
from flask import current_app
from flask.cli import AppGroup

from portal.audit.services import purge_older_than
from portal.extensions import db
from portal.mail.services import purge_sent
from portal.privacy import services
from portal.time import utcnow

cli = AppGroup("privacy", help="Keeping personal data no longer than needed.")


@cli.command("purge-applications")
def purge_applications():
    """Delete applications and their CVs for vacancies closed longer ago than APPLICATION_RETENTION_MONTHS,
    audit events older than AUDIT_RETENTION_MONTHS, and emails sent longer ago than MAIL_RETENTION_DAYS."""
    months = current_app.config["APPLICATION_RETENTION_MONTHS"]
    audit_months = current_app.config["AUDIT_RETENTION_MONTHS"]
    now = utcnow()
    counts = services.purge_expired(months, now)
    audit_events = purge_older_than(audit_months, now)
    mail_days = current_app.config["MAIL_RETENTION_DAYS"]
    emails = purge_sent(mail_days, now)
    db.session.commit()
    click.echo(f"Vacancies closed before {services.retention_cutoff(months, now):%Y-%m-%d} ({months} months ago):")
    for name, count in counts.items():
        click.echo(f"  {name}: {count} deleted")
    click.echo(f"Audit events before {services.retention_cutoff(audit_months, now):%Y-%m-%d} ({audit_months} months ago): "
               f"{audit_events} deleted")
    click.echo(f"Emails sent more than {mail_days} days ago: {emails} deleted")
