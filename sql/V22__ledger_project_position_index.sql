-- A project's rows by value date, carrying what its balances and its interest replay read (type, facility and
-- the four amounts): the 月度台账's opening sums and the replay of a project's history read this index alone,
-- in order, instead of one clustered-index lookup per row, each on a different page once the ledger outgrows the
-- buffer pool (a national month-end print reads every project's history). It replaces ix_ledger_project_date,
-- whose columns it starts with; the foreign key on project_id keeps an index.
ALTER TABLE ledger_entry
  ADD INDEX ix_ledger_project_position (project_id, value_date, facility_id, entry_type, amount, principal, interest,
                                        penalty),
  DROP INDEX ix_ledger_project_date;
