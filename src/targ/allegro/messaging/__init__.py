"""The message center (`/messaging/*`): threads between a seller and a buyer, their messages both ways, and message
attachments (declare → upload → download). center.py keeps threads and messages, files.py the attachments;
operations/ binds the seller's API, targ.admin.messaging the buyer's side."""
