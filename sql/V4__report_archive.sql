-- Archive of printed reports: every PDF the nightly close prints or a user downloads, by its SHA-256, so a printed
-- copy can be checked years later (POST /api/v1/reports/verification). The PDF itself lives in the archive
-- directory (loan.reports.archive-dir); file_path is relative to it. Rows are never changed or removed.
CREATE TABLE report_archive (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  report_type    VARCHAR(32)  NOT NULL COMMENT 'project-ledger, exceptions, disbursement-audit, summary, repayment-schedule',
  report_number  VARCHAR(40)  NOT NULL COMMENT 'derived from the parameters: BJL-PL-20231231-3F2A9C01',
  parameters     VARCHAR(500) NOT NULL COMMENT 'canonical form: type|date|key=value…, keys sorted',
  locale         VARCHAR(8)   NOT NULL,
  district_id    BIGINT       NULL COMMENT 'the district the report covers; NULL = city-wide',
  business_date  DATE         NOT NULL,
  sha256         CHAR(64)     NOT NULL,
  size_bytes     BIGINT       NOT NULL,
  pages          INT          NOT NULL,
  file_path      VARCHAR(255) NOT NULL,
  source         VARCHAR(8)   NOT NULL,
  created_at     DATETIME(6)  NOT NULL COMMENT 'UTC',
  created_by     VARCHAR(64)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_report_archive_sha256 (sha256),
  KEY ix_report_archive_date (business_date, report_type),
  KEY ix_report_archive_number (report_number),
  CONSTRAINT ck_report_archive_source CHECK (source IN ('NIGHTLY','DOWNLOAD'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER report_archive_no_update BEFORE UPDATE ON report_archive FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'report_archive is append-only';

CREATE TRIGGER report_archive_no_delete BEFORE DELETE ON report_archive FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'report_archive is append-only';
