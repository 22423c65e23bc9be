-- 台账 onboarding (issue 12): a bureau's existing Excel workbook checked row by row through the services (dry run,
-- rolled back), then imported all or nothing; every record it created keeps its source sheet and row. Written for
-- MySQL 8; runs unchanged on MariaDB 10.11 and 11.4.

-- One uploaded workbook: its bytes (kept for the confirmation), the last check's verdict and problems, and, once
-- imported, who imported it and when. CHECKED = the dry run found no problem (it may be confirmed), FAILED = it
-- found some, IMPORTED = confirmed and committed.
CREATE TABLE onboarding_import (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  file_name      VARCHAR(255) NOT NULL,
  file_sha256    CHAR(64)     NOT NULL,
  content        LONGBLOB     NOT NULL,
  status         VARCHAR(10)  NOT NULL,
  rows_total     INT          NOT NULL,
  problems_count INT          NOT NULL,
  problems       MEDIUMTEXT   NULL COMMENT 'JSON: [{sheet, row, key, args}]',
  counts         TEXT         NULL COMMENT 'JSON: rows per sheet',
  checked_by     VARCHAR(64)  NOT NULL,
  checked_at     DATETIME(6)  NOT NULL,
  imported_by    VARCHAR(64)  NULL,
  imported_at    DATETIME(6)  NULL,
  PRIMARY KEY (id),
  KEY ix_onboarding_sha (file_sha256),
  CONSTRAINT ck_onboarding_status CHECK (status IN ('CHECKED','FAILED','IMPORTED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where an imported record came from: the import, the sheet and the row (1-based, as Excel numbers it).
CREATE TABLE onboarding_record (
  id           BIGINT      NOT NULL AUTO_INCREMENT,
  import_id    BIGINT      NOT NULL,
  sheet        VARCHAR(16) NOT NULL,
  row_no       INT         NOT NULL,
  target_type  VARCHAR(24) NOT NULL COMMENT 'facility, ledger_entry, project, payee, allocation, milestone, milestone_verification, disbursement, project_repayment',
  target_id    BIGINT      NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_onboarding_target (target_type, target_id),
  KEY ix_onboarding_row (import_id, sheet, row_no),
  CONSTRAINT fk_onboarding_record_import FOREIGN KEY (import_id) REFERENCES onboarding_import (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
