"""What every stage shares: configuration, the source pages, site paths, problems."""
