"""Run as `python3 -m workshop.repair`: see workshop.repair.command."""
import sys

from .command import main

sys.exit(main())
