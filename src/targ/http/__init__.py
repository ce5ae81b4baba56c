"""HTTP at the edge: requests and replies, media types, the vendors' error envelopes, authentication."""
