import os
import sys

from thplan.cli import main

code = main()
try:
    sys.stdout.flush()
    sys.stderr.flush()
except BrokenPipeError:  # output piped into `head` and closed early: not an error
    pass
# Everything is written and the database closed: leave without freeing a large import's millions of objects one by
# one (a fifth of a second after a million values).
os._exit(code)
