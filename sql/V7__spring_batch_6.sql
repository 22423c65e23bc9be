-- Spring Batch 6 (Spring Boot 4) names the job-instance sequence BATCH_JOB_INSTANCE_SEQ; Batch 5 called it
-- BATCH_JOB_SEQ. The rename keeps the counter, so instance ids continue where they were
-- (org/springframework/batch/core/migration/6.0/migration-mysql.sql does the same).
RENAME TABLE BATCH_JOB_SEQ TO BATCH_JOB_INSTANCE_SEQ;
