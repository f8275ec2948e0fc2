"""Processing provider ``osmroundtrip`` and its algorithms."""
