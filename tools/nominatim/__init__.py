"""Tools to build and run a local Nominatim (used by the tests, the bench and the demo)."""
