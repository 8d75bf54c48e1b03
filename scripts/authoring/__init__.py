"""For writers: start a page, check the files you changed, preview while you edit."""
