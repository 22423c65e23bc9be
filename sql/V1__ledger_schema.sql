-- 保交楼专项借款 ledger: the schema of record.
-- Written for MySQL 8; runs unchanged on MariaDB 10.11 and 11.4.
-- Money is DECIMAL(18,2) in 元; instants are DATETIME(6) in UTC; dates are business dates (Asia/Shanghai).

CREATE TABLE district (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  code        VARCHAR(32)  NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_district_code (code),
  UNIQUE KEY uk_district_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  username      VARCHAR(64)  NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  display_name  VARCHAR(64)  NOT NULL,
  role          VARCHAR(16)  NOT NULL,
  district_id   BIGINT       NULL COMMENT 'NULL = city scope (all districts)',
  enabled       TINYINT(1)   NOT NULL DEFAULT 1,
  created_at    DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_user_username (username),
  CONSTRAINT fk_user_district FOREIGN KEY (district_id) REFERENCES district (id),
  CONSTRAINT ck_user_role CHECK (role IN ('ACCOUNTANT','REVIEWER','AUDITOR','ADMIN'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 借款批次: borrowed centrally from a policy bank; the 专户 balance of a facility is derived from ledger_entry.
CREATE TABLE facility (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  code            VARCHAR(32)   NOT NULL,
  name            VARCHAR(128)  NOT NULL,
  lender          VARCHAR(128)  NOT NULL,
  borrower        VARCHAR(128)  NOT NULL,
  account_no      VARCHAR(40)   NULL COMMENT '专项借款专户 account number',
  amount          DECIMAL(18,2) NOT NULL,
  annual_rate     DECIMAL(9,6)  NOT NULL COMMENT 'e.g. 0.028000 = 2.8% a year',
  penalty_markup  DECIMAL(9,6)  NOT NULL COMMENT '0.500000 = penalty rate is the rate +50%',
  start_date      DATE          NOT NULL,
  maturity_date   DATE          NOT NULL,
  created_at      DATETIME(6)   NOT NULL,
  created_by      VARCHAR(64)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_facility_code (code),
  CONSTRAINT ck_facility_amount CHECK (amount > 0),
  CONSTRAINT ck_facility_dates CHECK (maturity_date > start_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE project (
  id                     BIGINT        NOT NULL AUTO_INCREMENT,
  code                   VARCHAR(32)   NOT NULL,
  name                   VARCHAR(128)  NOT NULL,
  district_id            BIGINT        NOT NULL,
  developer              VARCHAR(128)  NOT NULL,
  developer_account_no   VARCHAR(40)   NULL COMMENT 'the developer''s own account, to spot payments to it',
  contractor             VARCHAR(128)  NULL,
  total_units            INT           NOT NULL,
  delivered_units        INT           NOT NULL DEFAULT 0,
  funding_gap            DECIMAL(18,2) NOT NULL DEFAULT 0,
  expected_delivery_date DATE          NULL,
  status                 VARCHAR(16)   NOT NULL,
  plan_text              TEXT          NULL COMMENT '一楼一策',
  responsible_official   VARCHAR(64)   NULL COMMENT '包保领导',
  task_force             VARCHAR(255)  NULL COMMENT '一项目一专班',
  created_at             DATETIME(6)   NOT NULL,
  created_by             VARCHAR(64)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_project_code (code),
  KEY ix_project_district_status (district_id, status),
  CONSTRAINT fk_project_district FOREIGN KEY (district_id) REFERENCES district (id),
  CONSTRAINT ck_project_status CHECK (status IN ('STOPPED','RESUMED','COMPLETED','DELIVERED','CLOSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE payee (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  project_id  BIGINT       NOT NULL,
  name        VARCHAR(128) NOT NULL,
  account_no  VARCHAR(40)  NOT NULL,
  bank_name   VARCHAR(128) NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  created_at  DATETIME(6)  NOT NULL,
  created_by  VARCHAR(64)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_payee_project_account (project_id, account_no),
  CONSTRAINT fk_payee_project FOREIGN KEY (project_id) REFERENCES project (id),
  CONSTRAINT ck_payee_kind CHECK (kind IN ('CONTRACTOR','SUPPLIER','WAGE_ACCOUNT','DEVELOPER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 额度核定: a cap granted to one project out of one facility. Not cash.
CREATE TABLE allocation (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  project_id    BIGINT        NOT NULL,
  facility_id   BIGINT        NOT NULL,
  amount        DECIMAL(18,2) NOT NULL,
  approval_ref  VARCHAR(64)   NOT NULL COMMENT '批复文号',
  approved_on   DATE          NOT NULL,
  created_at    DATETIME(6)   NOT NULL,
  created_by    VARCHAR(64)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_allocation_facility (facility_id),
  KEY ix_allocation_project (project_id, facility_id),
  CONSTRAINT fk_allocation_project FOREIGN KEY (project_id) REFERENCES project (id),
  CONSTRAINT fk_allocation_facility FOREIGN KEY (facility_id) REFERENCES facility (id),
  CONSTRAINT ck_allocation_amount CHECK (amount > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 工程节点: ordered release schedule; a cap counts only once verified.
CREATE TABLE milestone (
  id                     BIGINT       NOT NULL AUTO_INCREMENT,
  project_id             BIGINT       NOT NULL,
  seq                    INT          NOT NULL,
  name                   VARCHAR(64)  NOT NULL,
  planned_date           DATE         NOT NULL,
  cumulative_cap_percent DECIMAL(5,2) NOT NULL,
  created_at             DATETIME(6)  NOT NULL,
  created_by             VARCHAR(64)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_milestone_project_seq (project_id, seq),
  CONSTRAINT fk_milestone_project FOREIGN KEY (project_id) REFERENCES project (id),
  CONSTRAINT ck_milestone_cap CHECK (cumulative_cap_percent > 0 AND cumulative_cap_percent <= 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A verification is recorded once and never edited.
CREATE TABLE milestone_verification (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  milestone_id    BIGINT       NOT NULL,
  verified_on     DATE         NOT NULL,
  inspector       VARCHAR(64)  NOT NULL,
  evidence_ref    VARCHAR(128) NOT NULL COMMENT 'e.g. 监理 report number',
  units_delivered INT          NULL,
  verified_by     VARCHAR(64)  NOT NULL,
  verified_at     DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_verification_milestone (milestone_id),
  CONSTRAINT fk_verification_milestone FOREIGN KEY (milestone_id) REFERENCES milestone (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 拨付 request: a workflow document (REQUESTED -> APPROVED/REJECTED -> PAID -> REVERSED).
-- The money itself is posted to ledger_entry, which is append-only.
CREATE TABLE disbursement (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  project_id      BIGINT        NOT NULL,
  facility_id     BIGINT        NOT NULL,
  payee_id        BIGINT        NOT NULL,
  milestone_id    BIGINT        NOT NULL,
  purpose         VARCHAR(16)   NOT NULL,
  amount          DECIMAL(18,2) NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  requested_by    VARCHAR(64)   NOT NULL,
  requested_at    DATETIME(6)   NOT NULL,
  decided_by      VARCHAR(64)   NULL,
  decided_at      DATETIME(6)   NULL,
  decision_note   VARCHAR(500)  NULL,
  paid_on         DATE          NULL,
  voucher_no      VARCHAR(64)   NULL,
  paid_by         VARCHAR(64)   NULL,
  paid_at         DATETIME(6)   NULL,
  reversed_on     DATE          NULL,
  reversal_reason VARCHAR(500)  NULL,
  reversed_by     VARCHAR(64)   NULL,
  reversed_at     DATETIME(6)   NULL,
  PRIMARY KEY (id),
  KEY ix_disbursement_project_status (project_id, status),
  KEY ix_disbursement_status (status),
  CONSTRAINT fk_disbursement_project FOREIGN KEY (project_id) REFERENCES project (id),
  CONSTRAINT fk_disbursement_facility FOREIGN KEY (facility_id) REFERENCES facility (id),
  CONSTRAINT fk_disbursement_payee FOREIGN KEY (payee_id) REFERENCES payee (id),
  CONSTRAINT fk_disbursement_milestone FOREIGN KEY (milestone_id) REFERENCES milestone (id),
  CONSTRAINT ck_disbursement_amount CHECK (amount > 0),
  CONSTRAINT ck_disbursement_status CHECK (status IN ('REQUESTED','APPROVED','REJECTED','PAID','REVERSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 项目还款: one repayment by a project; its split per facility is in ledger_entry.
CREATE TABLE project_repayment (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  project_id  BIGINT        NOT NULL,
  amount      DECIMAL(18,2) NOT NULL,
  value_date  DATE          NOT NULL,
  voucher_no  VARCHAR(64)   NOT NULL,
  created_at  DATETIME(6)   NOT NULL,
  created_by  VARCHAR(64)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_project_repayment_project (project_id, value_date),
  CONSTRAINT fk_project_repayment_project FOREIGN KEY (project_id) REFERENCES project (id),
  CONSTRAINT ck_project_repayment_amount CHECK (amount > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every posted money movement. Append-only: corrections are reversal rows.
-- account_effect is the signed effect on the facility's 专户 (+ in, - out).
CREATE TABLE ledger_entry (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  facility_id       BIGINT        NOT NULL,
  project_id        BIGINT        NULL,
  entry_type        VARCHAR(24)   NOT NULL,
  value_date        DATE          NOT NULL,
  amount            DECIMAL(18,2) NOT NULL,
  principal         DECIMAL(18,2) NOT NULL DEFAULT 0,
  interest          DECIMAL(18,2) NOT NULL DEFAULT 0,
  penalty           DECIMAL(18,2) NOT NULL DEFAULT 0,
  account_effect    DECIMAL(18,2) NOT NULL,
  voucher_no        VARCHAR(64)   NULL,
  disbursement_id   BIGINT        NULL,
  repayment_id      BIGINT        NULL,
  reverses_entry_id BIGINT        NULL,
  note              VARCHAR(500)  NULL,
  created_at        DATETIME(6)   NOT NULL,
  created_by        VARCHAR(64)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_ledger_reverses (reverses_entry_id),
  KEY ix_ledger_facility_date (facility_id, value_date),
  KEY ix_ledger_project_date (project_id, value_date),
  KEY ix_ledger_voucher (voucher_no),
  CONSTRAINT fk_ledger_facility FOREIGN KEY (facility_id) REFERENCES facility (id),
  CONSTRAINT fk_ledger_project FOREIGN KEY (project_id) REFERENCES project (id),
  CONSTRAINT fk_ledger_disbursement FOREIGN KEY (disbursement_id) REFERENCES disbursement (id),
  CONSTRAINT fk_ledger_repayment FOREIGN KEY (repayment_id) REFERENCES project_repayment (id),
  CONSTRAINT fk_ledger_reverses FOREIGN KEY (reverses_entry_id) REFERENCES ledger_entry (id),
  CONSTRAINT ck_ledger_type CHECK (entry_type IN ('DRAWDOWN','CENTRAL_REPAYMENT','PAYMENT','PAYMENT_REVERSAL','PROJECT_REPAYMENT'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entry is append-only: post a reversal instead';

CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entry is append-only: post a reversal instead';

-- The audit trail. Each row carries the SHA-256 of the previous row, so any later edit breaks the chain.
CREATE TABLE audit_event (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  occurred_at  DATETIME(6)   NOT NULL COMMENT 'UTC',
  username     VARCHAR(64)   NOT NULL,
  action       VARCHAR(64)   NOT NULL,
  target_type  VARCHAR(32)   NULL,
  target_id    VARCHAR(64)   NULL,
  result       VARCHAR(16)   NOT NULL,
  before_state MEDIUMTEXT    NULL,
  after_state  MEDIUMTEXT    NULL,
  detail       VARCHAR(500)  NULL,
  remote_addr  VARCHAR(64)   NULL,
  prev_hash    CHAR(64)      NOT NULL,
  hash         CHAR(64)      NOT NULL,
  PRIMARY KEY (id),
  KEY ix_audit_user_time (username, occurred_at),
  KEY ix_audit_target (target_type, target_id),
  KEY ix_audit_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';

-- One row, locked FOR UPDATE by every audit insert, so the chain stays linear under concurrency.
CREATE TABLE audit_chain_head (
  id         TINYINT  NOT NULL,
  last_id    BIGINT   NOT NULL,
  last_hash  CHAR(64) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO audit_chain_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Idempotency-Key records of money-moving POSTs: same key + same body replays the stored answer.
CREATE TABLE idempotency_record (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  username        VARCHAR(64)  NOT NULL,
  idem_key        VARCHAR(128) NOT NULL,
  request_method  VARCHAR(8)   NOT NULL,
  request_path    VARCHAR(255) NOT NULL,
  request_hash    CHAR(64)     NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  response_status INT          NULL,
  response_type   VARCHAR(128) NULL,
  response_body   MEDIUMTEXT   NULL,
  created_at      DATETIME(6)  NOT NULL,
  completed_at    DATETIME(6)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_idempotency_user_key (username, idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
