-- A project's life cycle (issue 11): 停工 → 复工 → 竣工 → 交付 → 销号, each change with the date it took effect, the
-- document that decided it and who recorded it. project.status stays the status of today; the reports as of a date
-- read the status on that date from here. The first row of a project (from_status NULL) is the status it was
-- registered with, which holds from before anything else the system knows of it.
CREATE TABLE project_status_change (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  project_id   BIGINT       NOT NULL,
  from_status  VARCHAR(16)  NULL COMMENT 'NULL on the row that registered the project',
  to_status    VARCHAR(16)  NOT NULL,
  effective_on DATE         NOT NULL,
  document_ref VARCHAR(128) NOT NULL COMMENT '文件编号: the decision, acceptance certificate or close-out approval',
  note         VARCHAR(500) NULL,
  created_at   DATETIME(6)  NOT NULL COMMENT 'UTC',
  created_by   VARCHAR(64)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_status_change_project (project_id, effective_on, id),
  CONSTRAINT fk_status_change_project FOREIGN KEY (project_id) REFERENCES project (id),
  CONSTRAINT ck_status_change_to CHECK (to_status IN ('STOPPED','RESUMED','COMPLETED','DELIVERED','CLOSED')),
  CONSTRAINT ck_status_change_from CHECK (from_status IS NULL
                                          OR from_status IN ('STOPPED','RESUMED','COMPLETED','DELIVERED','CLOSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the projects registered before the history was kept: their status of today as their first row
INSERT INTO project_status_change (project_id, from_status, to_status, effective_on, document_ref, note, created_at,
                                   created_by)
SELECT id, NULL, status, DATE(created_at), '—', NULL, created_at, created_by FROM project;
