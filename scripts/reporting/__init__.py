"""The one place that turns stage results into output: terminal, report files, pull-request summary."""
