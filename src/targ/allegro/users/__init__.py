"""The user behind a token: GET /me."""
