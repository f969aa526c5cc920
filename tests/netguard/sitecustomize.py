"""Loaded into test subprocesses (PYTHONPATH): refuse any socket to a non-loopback address.

Classrooms lose their network; this makes every test run as if they had, and turns any
attempt to reach the internet (an nltk.download(), a CDN font, a telemetry ping) into a
loud failure instead of a silent dependency.
"""

import framelab_netguard

framelab_netguard.install()
