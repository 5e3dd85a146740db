import click
from flask.cli import AppGroup

from portal.extensions import db
from portal.reference.services import load_reference_data

cli = AppGroup("reference", help="Sectors, pay bands, role families and roles.")


@cli.command("load")
def load():
    """Load or update the reference lists from portal/reference/data."""
    counts = load_reference_data()
    db.session.commit()
    click.echo("Loaded " + ", ".join(f"{count} {name}" for name, count in counts.items()))
