-- Room inside each fulfilment order's row for the columns that later steps fill in (see
-- io.fulfil.fulfilment.GrowthRoom). The split writes it on MySQL and MariaDB; waving and shipping give
-- back as many bytes as they add, so those updates leave the record's length as it was. InnoDB then
-- rewrites the record where it stood instead of reorganising or splitting its page, which the split
-- left full. Rows written before this migration have no room (NULL) and are updated as before. On H2,
-- which writes a changed page whole whatever its rows' lengths, it stays NULL.
ALTER TABLE fulfilment_order ADD COLUMN growth_room VARBINARY(96);
