"""A threaded static file server for the benchmark, on 127.0.0.1 only.

Like `python -m http.server`, plus a `LinkChecker` response header: without
it LinkChecker waits 0.1–0.6 s between requests to one host whatever
`maxrequestspersecond` says (linkcheck/director/aggregator.py), which would
measure its politeness delay instead of its speed.

Usage: python static_server.py PORT DIRECTORY
"""

import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("LinkChecker", "benchmark")
        super().end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port, directory = int(sys.argv[1]), sys.argv[2]
    handler = functools.partial(Handler, directory=directory)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
