"""The build tool for AI Explained: validation, build, checks and reports.

Run it as ``python -m scripts --help``.
"""
