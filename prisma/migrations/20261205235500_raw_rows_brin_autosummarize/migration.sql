-- A block range is indexed only once summarized; until then every query reads it. Copied rows come
-- in a million at a time, so a run's new ranges are summarized as they fill (by autovacuum), and by
-- deleteRawRows before it deletes, which otherwise read every run's rows (decision 046).
ALTER INDEX "ReconciliationRawRow_seq_idx" SET (autosummarize = on);
