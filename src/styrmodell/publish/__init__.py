"""`styr publicera`: the whole governance model as a static, accessible website with open data."""
