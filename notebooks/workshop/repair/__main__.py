"""Run as `python3 -m workshop.repair`: see workshop.repair.fix.main."""
import sys

from .fix import main

sys.exit(main())
