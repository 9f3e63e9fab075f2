"""Modal screens: the header form for a new draft, and the small questions the app asks."""
