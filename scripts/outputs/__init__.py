"""What the build produces: the MkDocs site, briefing PDFs and downloads, the per-language search index, publishing."""
