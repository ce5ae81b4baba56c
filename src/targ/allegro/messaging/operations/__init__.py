"""The message center's operations, one module per resource: threads, messages, attachments."""
