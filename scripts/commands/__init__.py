"""Command handlers: arguments in, a library call, output through reporting, an exit code out."""
