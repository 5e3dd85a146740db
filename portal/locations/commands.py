from pathlib import Path

import click
from flask.cli import AppGroup

from portal.extensions import db
from portal.locations.services import load_demo_places, load_ons_postcode_directory

cli = AppGroup("locations", help="The gazetteer of towns and postcode districts.")


@cli.command("load-demo")
def load_demo():
    """Load the towns and postcode districts of the demo region."""
    count = load_demo_places()
    db.session.commit()
    click.echo(f"Loaded {count} places")


@cli.command("load-ons")
@click.argument("csv_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def load_ons(csv_path: Path):
    """Load every postcode district from an ONS Postcode Directory (ONSPD) CSV file."""
    count = load_ons_postcode_directory(csv_path)
    db.session.commit()
    click.echo(f"Loaded {count} postcode districts")
