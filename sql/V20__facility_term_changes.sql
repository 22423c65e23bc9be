-- Facility terms over time (issue 11): 展期 (a new maturity) and rate changes, each asked for by an accountant with
-- the approval's document and approved by a reviewer other than the one who asked (maker-checker). The facility row
-- keeps the contract's own terms; interest reads them, then each APPROVED change from its effective day.
CREATE TABLE facility_term_change (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  facility_id       BIGINT        NOT NULL,
  kind              VARCHAR(16)   NOT NULL COMMENT 'EXTENSION 展期, RATE 利率调整',
  effective_on      DATE          NOT NULL,
  new_maturity_date DATE          NULL COMMENT 'EXTENSION',
  new_annual_rate   DECIMAL(9,6)  NULL COMMENT 'RATE',
  approval_ref      VARCHAR(128)  NOT NULL COMMENT '展期协议或利率调整批复的文号',
  status            VARCHAR(16)   NOT NULL,
  requested_by      VARCHAR(64)   NOT NULL,
  requested_at      DATETIME(6)   NOT NULL COMMENT 'UTC',
  decided_by        VARCHAR(64)   NULL,
  decided_at        DATETIME(6)   NULL COMMENT 'UTC',
  decision_note     VARCHAR(500)  NULL,
  PRIMARY KEY (id),
  KEY ix_term_change_facility (facility_id, status, effective_on),
  CONSTRAINT fk_term_change_facility FOREIGN KEY (facility_id) REFERENCES facility (id),
  CONSTRAINT ck_term_change_kind CHECK (kind IN ('EXTENSION','RATE')),
  CONSTRAINT ck_term_change_status CHECK (status IN ('REQUESTED','APPROVED','REJECTED')),
  CONSTRAINT ck_term_change_values CHECK ((kind = 'EXTENSION' AND new_maturity_date IS NOT NULL AND new_annual_rate IS NULL)
                                          OR (kind = 'RATE' AND new_annual_rate IS NOT NULL AND new_maturity_date IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A rate change inside an open interest period splits its 积数: the nightly state carries Σ 积数 of the earlier parts ×
-- (their rate − the rate now), exact, so that the period is still rounded once at settlement. Zero for a period with
-- one rate, which is every state written before this migration.
ALTER TABLE interest_accrual
  ADD COLUMN rate_adjustment DECIMAL(32,8) NOT NULL DEFAULT 0 COMMENT 'Σ 积数 × (earlier rate − rate now) of the open period',
  ADD COLUMN penalty_rate_adjustment DECIMAL(32,8) NOT NULL DEFAULT 0;
