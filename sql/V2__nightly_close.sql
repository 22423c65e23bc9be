-- Nightly close: bank statements of the 专户, their matches to the ledger, the daily interest accrual and
-- settlements, reconciliation exceptions, the calendar of closed business dates, and the Spring Batch job
-- repository (DATETIME(6)). Written for MySQL 8; runs unchanged on MariaDB 10.11 and 11.4.

CREATE TABLE bank_statement_import (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  facility_id     BIGINT       NOT NULL COMMENT 'whose 专户 the statement is of',
  file_name       VARCHAR(255) NOT NULL,
  file_sha256     CHAR(64)     NOT NULL,
  encoding        VARCHAR(16)  NOT NULL,
  lines_total     INT          NOT NULL,
  lines_imported  INT          NOT NULL,
  lines_skipped   INT          NOT NULL,
  imported_by     VARCHAR(64)  NOT NULL,
  imported_at     DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_import_facility FOREIGN KEY (facility_id) REFERENCES facility (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One line of a 专户 statement. DEBIT (借) is money out of the account, CREDIT (贷) money in.
CREATE TABLE bank_statement_line (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  facility_id          BIGINT        NOT NULL,
  import_id            BIGINT        NOT NULL,
  line_no              INT           NOT NULL,
  txn_date             DATE          NOT NULL,
  value_date           DATE          NOT NULL,
  direction            VARCHAR(6)    NOT NULL,
  amount               DECIMAL(18,2) NOT NULL,
  counterparty_name    VARCHAR(128)  NULL,
  counterparty_account VARCHAR(40)   NULL,
  bank_serial_no       VARCHAR(64)   NOT NULL,
  voucher_no           VARCHAR(64)   NULL,
  balance_after        DECIMAL(18,2) NOT NULL,
  memo                 VARCHAR(255)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_bank_line_serial (facility_id, bank_serial_no),
  KEY ix_bank_line_facility_date (facility_id, value_date),
  KEY ix_bank_line_voucher (voucher_no),
  CONSTRAINT fk_bank_line_facility FOREIGN KEY (facility_id) REFERENCES facility (id),
  CONSTRAINT fk_bank_line_import FOREIGN KEY (import_id) REFERENCES bank_statement_import (id),
  CONSTRAINT ck_bank_line_direction CHECK (direction IN ('DEBIT','CREDIT')),
  CONSTRAINT ck_bank_line_amount CHECK (amount > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A bank line matches at most one ledger row and a ledger row at most one line (the two unique keys).
CREATE TABLE bank_match (
  id               BIGINT      NOT NULL AUTO_INCREMENT,
  bank_line_id     BIGINT      NOT NULL,
  ledger_entry_id  BIGINT      NOT NULL,
  method           VARCHAR(8)  NOT NULL,
  business_date    DATE        NOT NULL,
  created_at       DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_match_bank_line (bank_line_id),
  UNIQUE KEY uk_match_ledger_entry (ledger_entry_id),
  CONSTRAINT fk_match_bank_line FOREIGN KEY (bank_line_id) REFERENCES bank_statement_line (id),
  CONSTRAINT fk_match_ledger_entry FOREIGN KEY (ledger_entry_id) REFERENCES ledger_entry (id),
  CONSTRAINT ck_match_method CHECK (method IN ('VOUCHER','FUZZY'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The interest state of every position at the end of each business date (project_id 0 = the facility itself).
-- The nightly accrual continues from the previous day's row; a rerun for the same date rewrites the same values.
CREATE TABLE interest_accrual (
  business_date        DATE          NOT NULL,
  facility_id          BIGINT        NOT NULL,
  project_id           BIGINT        NOT NULL,
  principal            DECIMAL(18,2) NOT NULL,
  period_start         DATE          NULL,
  balance_days         DECIMAL(22,2) NOT NULL COMMENT '积数 of the open period',
  accrued              DECIMAL(18,2) NOT NULL,
  settled              DECIMAL(18,2) NOT NULL,
  interest_paid        DECIMAL(18,2) NOT NULL,
  interest_due         DECIMAL(18,2) NOT NULL,
  penalty_balance_days DECIMAL(22,2) NOT NULL,
  penalty_settled      DECIMAL(18,2) NOT NULL,
  penalty_paid         DECIMAL(18,2) NOT NULL,
  penalty_due          DECIMAL(18,2) NOT NULL,
  settlement_pending   TINYINT(1)    NOT NULL COMMENT '1 = a 结息日 accrued but not yet settled (step 2)',
  PRIMARY KEY (business_date, facility_id, project_id),
  KEY ix_accrual_position (facility_id, project_id, business_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 结息: one row per position and 结息日, rounded to the fen once.
CREATE TABLE interest_settlement (
  settle_date          DATE          NOT NULL,
  facility_id          BIGINT        NOT NULL,
  project_id           BIGINT        NOT NULL,
  period_start         DATE          NOT NULL,
  balance_days         DECIMAL(22,2) NOT NULL,
  interest             DECIMAL(18,2) NOT NULL,
  penalty_balance_days DECIMAL(22,2) NOT NULL,
  penalty              DECIMAL(18,2) NOT NULL,
  PRIMARY KEY (settle_date, facility_id, project_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 异常: one row per condition while it lasts. active_key is rule_code|subject_key until the row is closed, so a
-- condition that still holds is carried forward (last_seen moves), never duplicated.
CREATE TABLE recon_exception (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  rule_code       VARCHAR(32)   NOT NULL,
  severity        VARCHAR(8)    NOT NULL,
  subject_key     VARCHAR(128)  NOT NULL,
  active_key      VARCHAR(170)  NULL,
  project_id      BIGINT        NULL,
  district_id     BIGINT        NULL,
  facility_id     BIGINT        NULL,
  amount          DECIMAL(18,2) NULL,
  first_seen      DATE          NOT NULL,
  last_seen       DATE          NOT NULL,
  status          VARCHAR(8)    NOT NULL,
  closed_on       DATE          NULL,
  detail          VARCHAR(500)  NULL,
  refs            MEDIUMTEXT    NULL COMMENT 'JSON: disbursementIds, bankLineIds, milestoneIds, ledgerEntryIds',
  resolution_note VARCHAR(500)  NULL,
  resolved_by     VARCHAR(64)   NULL,
  resolved_at     DATETIME(6)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_exception_active (active_key),
  KEY ix_exception_seen (first_seen, last_seen),
  KEY ix_exception_rule_status (rule_code, status),
  KEY ix_exception_project (project_id),
  CONSTRAINT ck_exception_severity CHECK (severity IN ('WARNING','SERIOUS')),
  CONSTRAINT ck_exception_status CHECK (status IN ('OPEN','RESOLVED','WAIVED','CLOSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The calendar of closed business dates: closing a date that is here is a no-op.
CREATE TABLE business_day (
  business_date     DATE        NOT NULL,
  job_execution_id  BIGINT      NULL,
  closed_at         DATETIME(6) NOT NULL,
  accrual_rows      INT         NOT NULL,
  settlement_rows   INT         NOT NULL,
  matched_lines     INT         NOT NULL,
  exceptions_open   INT         NOT NULL,
  PRIMARY KEY (business_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Spring Batch 5 job repository (from spring-batch-core's schema-mysql.sql).

CREATE TABLE BATCH_JOB_INSTANCE  (
	JOB_INSTANCE_ID BIGINT  NOT NULL PRIMARY KEY ,
	VERSION BIGINT ,
	JOB_NAME VARCHAR(100) NOT NULL,
	JOB_KEY VARCHAR(32) NOT NULL,
	constraint JOB_INST_UN unique (JOB_NAME, JOB_KEY)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE BATCH_JOB_EXECUTION  (
	JOB_EXECUTION_ID BIGINT  NOT NULL PRIMARY KEY ,
	VERSION BIGINT  ,
	JOB_INSTANCE_ID BIGINT NOT NULL,
	CREATE_TIME DATETIME(6) NOT NULL,
	START_TIME DATETIME(6) DEFAULT NULL ,
	END_TIME DATETIME(6) DEFAULT NULL ,
	STATUS VARCHAR(10) ,
	EXIT_CODE VARCHAR(2500) ,
	EXIT_MESSAGE VARCHAR(2500) ,
	LAST_UPDATED DATETIME(6),
	constraint JOB_INST_EXEC_FK foreign key (JOB_INSTANCE_ID)
	references BATCH_JOB_INSTANCE(JOB_INSTANCE_ID)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE BATCH_JOB_EXECUTION_PARAMS  (
	JOB_EXECUTION_ID BIGINT NOT NULL ,
	PARAMETER_NAME VARCHAR(100) NOT NULL ,
	PARAMETER_TYPE VARCHAR(100) NOT NULL ,
	PARAMETER_VALUE VARCHAR(2500) ,
	IDENTIFYING CHAR(1) NOT NULL ,
	constraint JOB_EXEC_PARAMS_FK foreign key (JOB_EXECUTION_ID)
	references BATCH_JOB_EXECUTION(JOB_EXECUTION_ID)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE BATCH_STEP_EXECUTION  (
	STEP_EXECUTION_ID BIGINT  NOT NULL PRIMARY KEY ,
	VERSION BIGINT NOT NULL,
	STEP_NAME VARCHAR(100) NOT NULL,
	JOB_EXECUTION_ID BIGINT NOT NULL,
	CREATE_TIME DATETIME(6) NOT NULL,
	START_TIME DATETIME(6) DEFAULT NULL ,
	END_TIME DATETIME(6) DEFAULT NULL ,
	STATUS VARCHAR(10) ,
	COMMIT_COUNT BIGINT ,
	READ_COUNT BIGINT ,
	FILTER_COUNT BIGINT ,
	WRITE_COUNT BIGINT ,
	READ_SKIP_COUNT BIGINT ,
	WRITE_SKIP_COUNT BIGINT ,
	PROCESS_SKIP_COUNT BIGINT ,
	ROLLBACK_COUNT BIGINT ,
	EXIT_CODE VARCHAR(2500) ,
	EXIT_MESSAGE VARCHAR(2500) ,
	LAST_UPDATED DATETIME(6),
	constraint JOB_EXEC_STEP_FK foreign key (JOB_EXECUTION_ID)
	references BATCH_JOB_EXECUTION(JOB_EXECUTION_ID)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE BATCH_STEP_EXECUTION_CONTEXT  (
	STEP_EXECUTION_ID BIGINT NOT NULL PRIMARY KEY,
	SHORT_CONTEXT VARCHAR(2500) NOT NULL,
	SERIALIZED_CONTEXT TEXT ,
	constraint STEP_EXEC_CTX_FK foreign key (STEP_EXECUTION_ID)
	references BATCH_STEP_EXECUTION(STEP_EXECUTION_ID)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE BATCH_JOB_EXECUTION_CONTEXT  (
	JOB_EXECUTION_ID BIGINT NOT NULL PRIMARY KEY,
	SHORT_CONTEXT VARCHAR(2500) NOT NULL,
	SERIALIZED_CONTEXT TEXT ,
	constraint JOB_EXEC_CTX_FK foreign key (JOB_EXECUTION_ID)
	references BATCH_JOB_EXECUTION(JOB_EXECUTION_ID)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE BATCH_STEP_EXECUTION_SEQ (
	ID BIGINT NOT NULL,
	UNIQUE_KEY CHAR(1) NOT NULL,
	constraint UNIQUE_KEY_UN unique (UNIQUE_KEY)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO BATCH_STEP_EXECUTION_SEQ (ID, UNIQUE_KEY) select * from (select 0 as ID, '0' as UNIQUE_KEY) as tmp where not exists(select * from BATCH_STEP_EXECUTION_SEQ);

CREATE TABLE BATCH_JOB_EXECUTION_SEQ (
	ID BIGINT NOT NULL,
	UNIQUE_KEY CHAR(1) NOT NULL,
	constraint UNIQUE_KEY_UN unique (UNIQUE_KEY)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO BATCH_JOB_EXECUTION_SEQ (ID, UNIQUE_KEY) select * from (select 0 as ID, '0' as UNIQUE_KEY) as tmp where not exists(select * from BATCH_JOB_EXECUTION_SEQ);

CREATE TABLE BATCH_JOB_SEQ (
	ID BIGINT NOT NULL,
	UNIQUE_KEY CHAR(1) NOT NULL,
	constraint UNIQUE_KEY_UN unique (UNIQUE_KEY)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO BATCH_JOB_SEQ (ID, UNIQUE_KEY) select * from (select 0 as ID, '0' as UNIQUE_KEY) as tmp where not exists(select * from BATCH_JOB_SEQ);
