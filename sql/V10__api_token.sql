-- API tokens for system clients (bank and reporting integrations): HTTP Basic runs BCrypt on every request, about
-- 80 ms of CPU, which caps a 2-core server near 25 requests a second whatever the endpoint. A token is 256 random
-- bits, shown once and stored as its SHA-256: a slow hash adds nothing against a secret that cannot be guessed.
-- Not a ledger: first use and revocation update the row, and each is audited.
ALTER TABLE app_user
  ADD COLUMN service_account TINYINT(1) NOT NULL DEFAULT 0
    COMMENT '1 = a system client (系统账户): signs in by API token only, never by password';

CREATE TABLE api_token (
  id             BIGINT      NOT NULL AUTO_INCREMENT,
  user_id        BIGINT      NOT NULL,
  name           VARCHAR(64) NOT NULL COMMENT 'what the token is for, given by its creator',
  token_hash     CHAR(64)    NOT NULL COMMENT 'SHA-256 of the secret, hex; the secret itself is never stored',
  hint           VARCHAR(12) NOT NULL COMMENT 'the secret''s first characters, to tell tokens apart in a list',
  expires_on     DATE        NOT NULL COMMENT 'the last day it is valid (Beijing date)',
  created_at     DATETIME(6) NOT NULL COMMENT 'UTC',
  created_by     VARCHAR(64) NOT NULL,
  first_used_at  DATETIME(6) NULL     COMMENT 'UTC',
  revoked_at     DATETIME(6) NULL     COMMENT 'UTC',
  revoked_by     VARCHAR(64) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_api_token_hash (token_hash),
  KEY ix_api_token_user (user_id),
  CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
