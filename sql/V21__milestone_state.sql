-- Incremental milestone rules: per-project milestone state the close's intake step keeps, so that
-- MILESTONE_OVERDUE, OVER_PROGRESS and IDLE_FUNDS read it plus the milestones and verifications past its checkpoints
-- instead of every milestone each night. Like V5, all of it is derived (from milestone and milestone_verification,
-- which are insert-only) and may be deleted: the next close rebuilds it from the whole history. The checkpoints are
-- close_checkpoint rows 'milestone' and 'milestone-verification' (last_id: the rows with id <= last_id are in).
-- Written for MySQL 8; runs unchanged on MariaDB 10.11 and 11.4.

-- Per project, over the verifications taken in: the highest cumulative cap verified and the latest verification
-- date. A rule for a date D on or after last_verified_on can take the cap as it is; for an earlier D (a past date
-- re-evaluated) it reads that project's verifications instead, since a maximum cannot be taken back.
CREATE TABLE milestone_project_state (
  project_id           BIGINT       NOT NULL,
  verified_cap_percent DECIMAL(5,2) NOT NULL,
  last_verified_on     DATE         NOT NULL,
  PRIMARY KEY (project_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The milestones taken in without a verification taken in (the open gaps of the schedules). planned_date is copied
-- (milestones never change) so MILESTONE_OVERDUE reads only the late ones through the index.
CREATE TABLE milestone_open (
  milestone_id  BIGINT NOT NULL,
  project_id    BIGINT NOT NULL,
  planned_date  DATE   NOT NULL,
  PRIMARY KEY (milestone_id),
  KEY ix_milestone_open_planned (planned_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- IDLE_FUNDS' gaps [gap_from, gap_to) between a project's verification dates that can hold an idle payment (see
-- RuleMapper.xml, idleGapRows): rewritten whole for every project that got a milestone or a verification. Which gaps
-- are kept depends on loan.rules.idle-days, so each row says the threshold it was cut with: after a change of it the
-- rule computes every gap itself and the next intake cuts them all again.
CREATE TABLE milestone_gap (
  project_id  BIGINT   NOT NULL,
  gap_from    DATE     NOT NULL,
  gap_to      DATE     NOT NULL,
  idle_days   INT      NOT NULL,
  PRIMARY KEY (project_id, gap_from, gap_to)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Verifications dated after a rule's date D count as not yet made on D; the rules find those few by date.
CREATE INDEX ix_verification_date ON milestone_verification (verified_on);
