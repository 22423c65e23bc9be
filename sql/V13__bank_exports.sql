-- Bank exports as the banks produce them (issue 12): the time of a line, the court flag set on import, lines held
-- as probable duplicates until an accountant confirms or drops them, and header mappings saved per 专户 for
-- layouts the importer does not know. Written for MySQL 8; runs unchanged on MariaDB 10.11 and 11.4.

-- Instant on MariaDB 10.3+ and MySQL 8.0.12+ (nullable / constant default): no table rebuild.
ALTER TABLE bank_statement_line
  ADD COLUMN txn_time   TIME       NULL COMMENT 'the bank''s time of the transaction, when the export has one',
  ADD COLUMN court_flag TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1 = the memo mentions 冻结, 扣划, 司法, 法院 or 执行';

ALTER TABLE bank_statement_import
  ADD COLUMN layout      VARCHAR(32) NULL COMMENT 'STANDARD, a bank layout (ICBC, CCB, ...) or MAPPING:<id>',
  ADD COLUMN lines_held  INT         NOT NULL DEFAULT 0 COMMENT 'probable duplicates held for an accountant',
  ADD COLUMN lines_court INT         NOT NULL DEFAULT 0 COMMENT 'imported lines flagged as court actions';

-- A line whose date, direction, amount, counterparty account and voucher match a stored line of the same 专户 under
-- another serial number. It is not a statement line (the nightly close does not see it) until confirmed; a dropped
-- one stays, so a re-import of the same file skips it instead of holding it again.
CREATE TABLE bank_statement_held_line (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  facility_id          BIGINT        NOT NULL,
  import_id            BIGINT        NOT NULL,
  line_no              INT           NOT NULL,
  txn_date             DATE          NOT NULL,
  txn_time             TIME          NULL,
  value_date           DATE          NOT NULL,
  direction            VARCHAR(6)    NOT NULL,
  amount               DECIMAL(18,2) NOT NULL,
  counterparty_name    VARCHAR(128)  NULL,
  counterparty_account VARCHAR(40)   NULL,
  bank_serial_no       VARCHAR(64)   NOT NULL,
  voucher_no           VARCHAR(64)   NULL,
  balance_after        DECIMAL(18,2) NOT NULL,
  memo                 VARCHAR(255)  NULL,
  court_flag           TINYINT(1)    NOT NULL DEFAULT 0,
  duplicate_of_line_id BIGINT        NOT NULL COMMENT 'the stored line it looks like',
  status               VARCHAR(10)   NOT NULL,
  decided_by           VARCHAR(64)   NULL,
  decided_at           DATETIME(6)   NULL,
  decision_note        VARCHAR(500)  NULL,
  bank_line_id         BIGINT        NULL COMMENT 'the statement line made on confirmation',
  PRIMARY KEY (id),
  UNIQUE KEY uk_held_line_serial (facility_id, bank_serial_no),
  KEY ix_held_line_status (facility_id, status),
  CONSTRAINT fk_held_line_facility FOREIGN KEY (facility_id) REFERENCES facility (id),
  CONSTRAINT fk_held_line_import FOREIGN KEY (import_id) REFERENCES bank_statement_import (id),
  CONSTRAINT fk_held_line_duplicate FOREIGN KEY (duplicate_of_line_id) REFERENCES bank_statement_line (id),
  CONSTRAINT fk_held_line_bank_line FOREIGN KEY (bank_line_id) REFERENCES bank_statement_line (id),
  CONSTRAINT ck_held_line_direction CHECK (direction IN ('DEBIT','CREDIT')),
  CONSTRAINT ck_held_line_amount CHECK (amount > 0),
  CONSTRAINT ck_held_line_status CHECK (status IN ('HELD','CONFIRMED','DROPPED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An accountant's mapping of an unknown export layout: the header cells as the bank wrote them and the field each
-- one holds. The next file of this 专户 whose header has the same signature is read with it.
CREATE TABLE bank_statement_mapping (
  id                BIGINT       NOT NULL AUTO_INCREMENT,
  facility_id       BIGINT       NOT NULL,
  header_signature  CHAR(64)     NOT NULL COMMENT 'SHA-256 of the normalised header cells',
  header_cells      TEXT         NOT NULL COMMENT 'JSON array: the header cells as written',
  fields            TEXT         NOT NULL COMMENT 'JSON array: the field of each cell (IGNORE for none)',
  created_by        VARCHAR(64)  NOT NULL,
  created_at        DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_mapping_signature (facility_id, header_signature),
  CONSTRAINT fk_mapping_facility FOREIGN KEY (facility_id) REFERENCES facility (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
