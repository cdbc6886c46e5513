"""styrmodell: en kommuns styrmodell som YAML i git."""

__version__ = "0.2.0"
