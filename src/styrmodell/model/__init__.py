"""The governance model: plain pydantic v2 models, no I/O."""
