from portal.extensions import db
from portal.locations.services import find_place, postcode_district

ONSPD_HEADER = "pcd,pcd2,pcds,dointr,doterm,lat,long\n"


def test_postcode_district_accepts_full_postcodes_and_outward_codes():
    assert postcode_district("le11 3tu") == "LE11"
    assert postcode_district("LE113TU") == "LE11"
    assert postcode_district("EC1A 1BB") == "EC1A"
    assert postcode_district("LE11") == "LE11"
    assert postcode_district("Loughborough") is None


def test_towns_and_postcodes_are_found_offline(app):
    with app.app_context():
        assert find_place("loughborough").name == "Loughborough"
        assert find_place("LE16 7AA").key == "LE16"
        assert find_place("Atlantis") is None
        assert find_place("   ") is None


def test_ons_postcode_directory_loads_districts_for_the_whole_country(app, tmp_path):
    csv_path = tmp_path / "ONSPD.csv"
    csv_path.write_text(ONSPD_HEADER + "\n".join([
        "TR1 1AA,TR1  1AA,TR1 1AA,198001,,50.2630,-5.0510",
        "TR1 1AB,TR1  1AB,TR1 1AB,198001,,50.2650,-5.0530",
        "TR1 9ZZ,TR1  9ZZ,TR1 9ZZ,198001,200012,51.0000,-4.0000",
        "ZZ99 9ZZ,ZZ99 9ZZ,ZZ99 9ZZ,198001,,99.999999,0.000000",
        "EH1 1AA,EH1  1AA,EH1 1AA,198001,,55.9500,-3.1900",
    ]) + "\n")
    try:
        result = app.test_cli_runner().invoke(args=["locations", "load-ons", str(csv_path)])
        assert result.exit_code == 0, result.output
        assert "Loaded 2 postcode districts" in result.output
        with app.app_context():
            truro = find_place("TR1 3XX")
            assert (truro.latitude, truro.longitude) == (50.264, -5.052)
            assert find_place("EH1").latitude == 55.95
            assert find_place("ZZ99") is None
    finally:
        with app.app_context():
            from portal.locations.models import Place

            db.session.execute(db.delete(Place).where(Place.key.in_(["TR1", "EH1"])))
            db.session.commit()


def test_load_ons_refuses_a_missing_file(app, tmp_path):
    result = app.test_cli_runner().invoke(args=["locations", "load-ons", str(tmp_path / "missing.csv")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
