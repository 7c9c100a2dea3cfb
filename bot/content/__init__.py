"""content room."""
