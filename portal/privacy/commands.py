import click
from flask import current_app
from flask.cli import AppGroup

from portal.accounts.models import utcnow
from portal.extensions import db
from portal.privacy import services

cli = AppGroup("privacy", help="Keeping personal data no longer than needed.")


@cli.command("purge-applications")
def purge_applications():
    """Delete applications and their CVs for vacancies closed longer ago than APPLICATION_RETENTION_MONTHS."""
    months = current_app.config["APPLICATION_RETENTION_MONTHS"]
    now = utcnow()
    counts = services.purge_expired(months, now)
    db.session.commit()
    click.echo(f"Vacancies closed before {services.retention_cutoff(months, now):%Y-%m-%d} ({months} months ago):")
    for name, count in counts.items():
        click.echo(f"  {name}: {count} deleted")
