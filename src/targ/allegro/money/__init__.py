"""Money on real state: the seller's payment refunds (`/payments/refunds`), wallet history
(`/payments/payment-operations`) and billing (`/billing/billing-entries`), written as sales happen (sales.py, called
by the buyer's order steps), refunds move (refunds.py) and payouts are made (the admin action in admin/money.py).
Rules and their sources: docs/money.md and docs/behaviour.md ("Payments, refunds and billing")."""
