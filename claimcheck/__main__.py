"""Run the command line as `python -m claimcheck`."""

from claimcheck.cli import main

main()
