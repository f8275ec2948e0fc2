pytest_plugins = ["tests.nominatim_fixture"]
