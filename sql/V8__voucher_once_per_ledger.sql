-- A bank voucher number posts once per facility ledger and kind of row: the same payment voucher on a second PAYMENT
-- row (a retried request under a new Idempotency-Key) is refused by the database too, whatever the service checked.
-- A reversal carries its payment's voucher (another entry_type), and a project repayment split over several
-- facilities carries its voucher once per facility; rows without a voucher (NULL) are not constrained.
ALTER TABLE ledger_entry ADD CONSTRAINT uk_ledger_voucher UNIQUE (facility_id, entry_type, voucher_no);
