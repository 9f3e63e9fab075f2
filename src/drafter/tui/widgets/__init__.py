"""The panes of the drafting screen, each a small widget talking to the app by messages."""
