"""The vendor specs at run time: the compiled bundle, routing, request and response validation."""
