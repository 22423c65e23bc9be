-- Failed logins per user name: 5 within 15 minutes lock the account for 15 minutes (pages and API alike).
-- A working table, not a ledger: rows are updated and removed on a successful login. The audit trail keeps the
-- history (LOGIN_FAILED, ACCOUNT_LOCKED).
CREATE TABLE login_lock (
  username          VARCHAR(64) NOT NULL,
  failures          INT         NOT NULL,
  first_failure_at  DATETIME(6) NOT NULL COMMENT 'UTC: the start of the 15-minute window',
  locked_until      DATETIME(6) NULL     COMMENT 'UTC',
  PRIMARY KEY (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
