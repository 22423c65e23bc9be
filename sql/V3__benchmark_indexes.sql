-- Indexes found by the nightly-close benchmark (docs/BENCHMARKS.md). Written for MySQL 8; runs unchanged on
-- MariaDB 10.11 and 11.4.

-- IDLE_FUNDS reads, for each long gap between a project's milestone verifications, only the payments inside it.
CREATE INDEX ix_disbursement_project_paid ON disbursement (project_id, paid_on);

-- Fuzzy statement matching probes each unmatched bank line by facility, amount and value date ± the window: with
-- only (facility_id, value_date) every probe read all the facility's rows of the 7 days.
CREATE INDEX ix_ledger_facility_amount_date ON ledger_entry (facility_id, amount, value_date);
