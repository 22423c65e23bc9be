-- Incremental nightly close: state the close keeps so that one night reads what changed since the last one, not the
-- whole history. All of it is derived from ledger_entry, bank_statement_line and bank_match (which stay the records)
-- and can be deleted: the next close rebuilds it from the start. Written for MySQL 8; runs unchanged on MariaDB 10.11
-- and 11.4.

-- How far the state goes. 'ledger-totals': ledger_position_total holds the ledger rows with id <= last_id and value
-- date <= as_of. 'open-ledger' / 'open-line': the match_open_* tables have taken in the rows with id <= last_id.
-- 'flagged-disbursement': disbursement_flag has looked at the disbursements with id <= last_id (at taken_at, UTC), and
-- surely at those with id <= prior_id (a mark at least 10 minutes older: a request still uncommitted at one take-in
-- is looked at again by the next).
CREATE TABLE close_checkpoint (
  source    VARCHAR(32) NOT NULL,
  as_of     DATE        NULL,
  last_id   BIGINT      NOT NULL,
  prior_id  BIGINT      NULL,
  taken_at  DATETIME(6) NULL,
  PRIMARY KEY (source)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Running totals per facility and project (project_id 0 = rows without a project, e.g. drawdowns), as of the
-- 'ledger-totals' checkpoint: net paid (PAYMENT - PAYMENT_REVERSAL) and the 专户 effect.
CREATE TABLE ledger_position_total (
  facility_id     BIGINT        NOT NULL,
  project_id      BIGINT        NOT NULL,
  net_paid        DECIMAL(18,2) NOT NULL,
  account_effect  DECIMAL(18,2) NOT NULL,
  PRIMARY KEY (facility_id, project_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Statement lines not matched yet: matching and BANK_WITHOUT_LEDGER / AMOUNT_MISMATCH start from these instead of
-- anti-joining every line to bank_match. Only the id: a line's other columns are read from bank_statement_line.
CREATE TABLE match_open_line (
  bank_line_id  BIGINT NOT NULL,
  PRIMARY KEY (bank_line_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- PAYMENT ledger rows not matched yet, for LEDGER_WITHOUT_BANK (ledger rows never change, so the date is copied).
CREATE TABLE match_open_payment (
  ledger_entry_id  BIGINT NOT NULL,
  value_date       DATE   NOT NULL,
  PRIMARY KEY (ledger_entry_id),
  KEY ix_open_payment_date (value_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Disbursements whose payee or purpose is out of the ordinary: paid to another project's payee or to the developer,
-- or for a prohibited purpose. Those never change once requested (no update of payee, project, purpose), so
-- PAYEE_NOT_REGISTERED and PROHIBITED_PURPOSE check these candidates (and the newest requests) instead of every
-- disbursement, with their full conditions (paid, rejected, reversed by D).
CREATE TABLE disbursement_flag (
  disbursement_id  BIGINT NOT NULL,
  PRIMARY KEY (disbursement_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The rows of a range of value dates (the day being closed, or the days between the checkpoint and a rule's date).
CREATE INDEX ix_ledger_value_date ON ledger_entry (value_date);

-- Matches made after a date (rules evaluated for an earlier date count those rows as unmatched).
CREATE INDEX ix_bank_match_date ON bank_match (business_date);
