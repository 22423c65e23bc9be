-- Failed logins, counted per user name AND client address, and per client address for names that do not exist.
-- Working tables, not a ledger: rows are updated and removed on success; the audit trail keeps the history.
-- A real user's lock is per address, so nobody can lock someone else out by guessing from elsewhere; a name that does
-- not exist gets no row of its own (only its address is counted), so unknown names cannot fill the table.
DROP TABLE login_lock;

CREATE TABLE login_lock (
  username          VARCHAR(64) NOT NULL,
  client_addr       VARCHAR(64) NOT NULL,
  failures          INT         NOT NULL,
  first_failure_at  DATETIME(6) NOT NULL COMMENT 'UTC: the start of the 15-minute window',
  locked_until      DATETIME(6) NULL     COMMENT 'UTC',
  PRIMARY KEY (username, client_addr)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE login_throttle (
  client_addr       VARCHAR(64) NOT NULL,
  failures          INT         NOT NULL COMMENT 'failed logins with names that do not exist, in the window',
  first_failure_at  DATETIME(6) NOT NULL COMMENT 'UTC: the start of the 15-minute window',
  blocked_until     DATETIME(6) NULL     COMMENT 'UTC',
  PRIMARY KEY (client_addr)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
