"""Developer tools kept in the repository (not shipped in the plugin zip)."""
