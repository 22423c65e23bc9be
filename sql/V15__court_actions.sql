-- Court actions on a 专户 (issue 12, DOMAIN.md "Court actions on the 专户"): freezes (冻结) lower what is available
-- to pay until released; deductions (扣划) took money out and are tracked until recovered or written off. Written
-- for MySQL 8; runs unchanged on MariaDB 10.11 and 11.4.

CREATE TABLE court_freeze (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  facility_id   BIGINT        NOT NULL,
  court         VARCHAR(128)  NOT NULL,
  case_no       VARCHAR(64)   NOT NULL COMMENT '案号, e.g. （2023）湘1102执保123号',
  amount        DECIMAL(18,2) NOT NULL COMMENT 'the amount frozen',
  frozen_on     DATE          NOT NULL,
  note          VARCHAR(500)  NULL,
  bank_line_id  BIGINT        NULL COMMENT 'a statement line that showed it, if any',
  created_by    VARCHAR(64)   NOT NULL,
  created_at    DATETIME(6)   NOT NULL,
  released_on   DATE          NULL,
  release_ref   VARCHAR(128)  NULL COMMENT 'the 解除冻结 ruling or notice',
  released_by   VARCHAR(64)   NULL,
  released_at   DATETIME(6)   NULL,
  PRIMARY KEY (id),
  KEY ix_freeze_facility (facility_id, released_on),
  CONSTRAINT fk_freeze_facility FOREIGN KEY (facility_id) REFERENCES facility (id),
  CONSTRAINT fk_freeze_bank_line FOREIGN KEY (bank_line_id) REFERENCES bank_statement_line (id),
  CONSTRAINT ck_freeze_amount CHECK (amount > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One deduction: opened by the import of a flagged debit line (court and case number from the line when it names
-- them) or by hand. OPEN until recovered in full (RECOVERED) or written off (WRITTEN_OFF) by a reviewer.
CREATE TABLE court_deduction (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  facility_id     BIGINT        NOT NULL,
  bank_line_id    BIGINT        NULL,
  court           VARCHAR(128)  NULL,
  case_no         VARCHAR(64)   NULL,
  amount          DECIMAL(18,2) NOT NULL,
  deducted_on     DATE          NOT NULL,
  status          VARCHAR(12)   NOT NULL,
  note            VARCHAR(500)  NULL,
  created_by      VARCHAR(64)   NOT NULL,
  created_at      DATETIME(6)   NOT NULL,
  written_off_on  DATE          NULL,
  write_off_note  VARCHAR(500)  NULL,
  written_off_by  VARCHAR(64)   NULL,
  written_off_at  DATETIME(6)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_deduction_bank_line (bank_line_id),
  KEY ix_deduction_facility (facility_id, status),
  CONSTRAINT fk_deduction_facility FOREIGN KEY (facility_id) REFERENCES facility (id),
  CONSTRAINT fk_deduction_bank_line FOREIGN KEY (bank_line_id) REFERENCES bank_statement_line (id),
  CONSTRAINT ck_deduction_amount CHECK (amount > 0),
  CONSTRAINT ck_deduction_status CHECK (status IN ('OPEN','RECOVERED','WRITTEN_OFF'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Money the court (or the creditor) paid back into the 专户 against a deduction.
CREATE TABLE court_recovery (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  deduction_id  BIGINT        NOT NULL,
  amount        DECIMAL(18,2) NOT NULL,
  recovered_on  DATE          NOT NULL,
  bank_line_id  BIGINT        NULL,
  note          VARCHAR(500)  NULL,
  created_by    VARCHAR(64)   NOT NULL,
  created_at    DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_recovery_deduction (deduction_id, recovered_on),
  CONSTRAINT fk_recovery_deduction FOREIGN KEY (deduction_id) REFERENCES court_deduction (id),
  CONSTRAINT fk_recovery_bank_line FOREIGN KEY (bank_line_id) REFERENCES bank_statement_line (id),
  CONSTRAINT ck_recovery_amount CHECK (amount > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
