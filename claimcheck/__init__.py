"""claimcheck: find where coverage of an AI launch disagrees on its figures."""

__version__ = "0.1.0"
