"""Answers computed from stored state (`backing: "derived"`), never canned: each module says which doc kinds it
reads. A computation over no documents is still a computation (zero counts, empty lists)."""
