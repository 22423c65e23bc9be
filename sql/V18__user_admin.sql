-- Users managed in the system (issue 11): an admin creates a user with a one-time password that must be changed at
-- the first login, disables or re-enables one, and resets a forgotten password. Every user changes their own; the
-- last five are kept (BCrypt hashes, never the passwords) so that none of them comes back.
ALTER TABLE app_user
  ADD COLUMN must_change_password TINYINT(1) NOT NULL DEFAULT 0
    COMMENT '1 = signed in with a one-time password: every page and API call but the change is refused until changed',
  ADD COLUMN password_changed_at DATETIME(6) NULL COMMENT 'UTC';

CREATE TABLE password_history (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  user_id       BIGINT       NOT NULL,
  password_hash VARCHAR(100) NOT NULL COMMENT 'BCrypt, as app_user.password_hash was',
  replaced_at   DATETIME(6)  NOT NULL COMMENT 'UTC',
  PRIMARY KEY (id),
  KEY ix_password_history_user (user_id, id),
  CONSTRAINT fk_password_history_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
