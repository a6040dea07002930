"""Resolution of mentions to the world: actors, places, times, and the event records."""
