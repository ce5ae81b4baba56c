"""The seller's post-purchase issues API, one module per resource: issues.py (`/sale/issues*`, beta media type),
attachments.py (`/sale/issues/attachments*`), and the deprecated views of the same issues: disputes.py
(`/sale/disputes*`) and dispute_attachments.py (`/sale/dispute-attachments*`)."""
