"""The build step that fetches the iD tagging schema: integrity check, extraction, idempotence."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile

import pytest

from tools import id_schema


def tarball(files):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


PACKAGE_FILES = {
    "package/dist/deprecated.json": json.dumps([{"old": {"a": "b"}}]).encode(),
    "package/dist/presets.json": json.dumps({"x": {"tags": {"a": "c"}}}).encode(),
    "package/dist/fields.json": json.dumps({"f": {"key": "a", "type": "combo"}}).encode(),
    "package/dist/preset_categories.json": b"{}",
    "package/LICENSE.md": b"ISC",
    "package/dist/taginfo.json": b"{}",
    **{
        f"package/dist/translations/{lang}.json": json.dumps(
            {
                lang: {
                    "presets": {
                        "presets": {"x": {"name": f"X {lang}", "terms": ["t"], "icon": "i"}},
                        "fields": {
                            "f": {
                                "label": f"F {lang}",
                                "options": {"c": {"title": "C", "description": "long text"}},
                            }
                        },
                        "categories": {},
                    },
                    "unused": {"big": "x" * 1000},
                }
            }
        ).encode()
        for lang in ("en", "de", "fr", "it")
    },
}


def sri(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def test_the_integrity_hash_must_match():
    data = tarball(PACKAGE_FILES)
    id_schema.check_integrity(data, sri(data))
    with pytest.raises(ValueError, match="mismatch"):
        id_schema.check_integrity(data + b"x", sri(data))
    with pytest.raises(ValueError, match="unsupported"):
        id_schema.check_integrity(data, "md5-abc")


def test_only_what_the_validator_and_the_tag_editor_read_is_kept(tmp_path):
    folder = tmp_path / id_schema.VERSION
    id_schema.extract(tarball(PACKAGE_FILES), folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        "LICENSE.md",
        "VERSION",
        "deprecated.json",
        "fields.json",
        "preset_categories.json",
        "presets.json",
        "translations",
    ]
    assert sorted(p.name for p in (folder / "translations").iterdir()) == [
        "de.json",
        "en.json",
        "fr.json",
    ]
    de = json.loads((folder / "translations" / "de.json").read_text("utf-8"))
    assert de == {
        "de": {
            "presets": {
                "presets": {"x": {"name": "X de", "terms": ["t"]}},
                "fields": {"f": {"label": "F de", "options": {"c": "C"}}},
                "categories": {},
            }
        }
    }
    assert id_schema.is_complete(folder)


def test_a_cache_without_the_tag_editor_files_is_fetched_again(tmp_path):
    folder = tmp_path / id_schema.VERSION
    id_schema.extract(tarball(PACKAGE_FILES), folder)
    (folder / "translations" / "fr.json").unlink()
    assert not id_schema.is_complete(folder)
    (folder / "fields.json").unlink()
    assert not id_schema.is_complete(folder)
    assert [p.name for p in tmp_path.iterdir()] == [id_schema.VERSION]  # no partial folder left


def test_a_broken_tarball_leaves_nothing(tmp_path):
    broken = dict(PACKAGE_FILES)
    broken["package/dist/presets.json"] = b"{not json"
    with pytest.raises(ValueError):
        id_schema.extract(tarball(broken), tmp_path / id_schema.VERSION)
    assert list(tmp_path.iterdir()) == []


def test_a_complete_cache_is_not_fetched_again(tmp_path, monkeypatch):
    id_schema.extract(tarball(PACKAGE_FILES), tmp_path / id_schema.VERSION)

    def no_network(url):
        raise AssertionError(f"fetched {url}")

    monkeypatch.setattr(id_schema, "_get", no_network)
    assert id_schema.ensure(tmp_path) == tmp_path / id_schema.VERSION
