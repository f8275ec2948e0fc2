"""Processing: buildosmchange and uploadosmchange against the sandbox; the token in the QGIS
authentication database."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsAuthMethodConfig

from osm_roundtrip.plugin.adapters import auth, download_service
from osm_roundtrip.plugin.core.gpkg_update import connect
from osm_roundtrip.plugin.core.osm.osmchange import parse_osc

BBOX = (9.518, 47.138, 9.524, 47.142)


@pytest.fixture
def edited_gpkg(osm_sandbox, tmp_path):
    osm_sandbox.reset()
    path = tmp_path / "vaduz.gpkg"
    download_service.download_to_gpkg(BBOX, osm_sandbox.api, path)
    with connect(path) as db:
        fid = db.execute(
            "SELECT fid FROM osm_points WHERE osm_id IS NOT NULL AND amenity IS NOT NULL LIMIT 1"
        ).fetchone()[0]
        db.execute("UPDATE osm_points SET name = 'Processing' WHERE fid = ?", (fid,))
    return path


def test_token_is_kept_in_the_auth_database_only(auth_db, osm_sandbox):
    config_id = auth.store_token("s3cret-token", osm_sandbox.api)
    assert auth.load_token(config_id) == "s3cret-token"
    config = QgsAuthMethodConfig()
    assert auth_db.loadAuthenticationConfig(config_id, config, False)
    assert "127.0.0.1" in config.name()
    again = auth.store_token("other-token", osm_sandbox.api, config_id)
    assert again == config_id and auth.load_token(config_id) == "other-token"
    auth.remove_token(config_id)
    assert auth.load_token(config_id) is None


def test_build_then_upload_osmchange(auth_db, osm_sandbox, edited_gpkg, tmp_path, provider):
    import processing

    osc = tmp_path / "edits.osc"
    built = processing.run(
        "osmroundtrip:buildosmchange", {"INPUT": str(edited_gpkg), "OUTPUT": str(osc)}
    )
    assert built["MODIFIED"] == 1 and built["CREATED"] == 0
    changes = parse_osc(osc.read_bytes())
    node = changes.modifies[0].element
    assert node.tags["name"] == "Processing"

    config_id = auth.store_token(osm_sandbox.token(), osm_sandbox.api)
    report = tmp_path / "report.json"
    result = processing.run(
        "osmroundtrip:uploadosmchange",
        {
            "INPUT": str(osc),
            "ENDPOINT": osm_sandbox.api,
            "AUTH": config_id,
            "COMMENT": "From Processing",
            "SOURCE": "survey",
            "OUTPUT": str(report),
        },
    )
    assert result["MODIFIED"] == 1
    data = json.loads(report.read_text())
    assert data["changesets"] == [int(result["CHANGESETS"])]
    assert not (tmp_path / "edits.osc.upload").exists()


def test_upload_without_comment_is_refused(auth_db, osm_sandbox, tmp_path, provider):
    import processing
    from qgis.core import QgsProcessingException

    osc = tmp_path / "empty.osc"
    osc.write_text('<osmChange version="0.6"/>')
    config_id = auth.store_token(osm_sandbox.token(), osm_sandbox.api)
    with pytest.raises(QgsProcessingException, match="comment is required"):
        processing.run(
            "osmroundtrip:uploadosmchange",
            {"INPUT": str(osc), "ENDPOINT": osm_sandbox.api, "AUTH": config_id, "COMMENT": " "},
        )
