import sys

from thplan.cli import main

sys.exit(main())
