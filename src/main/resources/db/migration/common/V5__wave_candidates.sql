-- What the wave job sorts and packs its candidates by, kept on the fulfilment order itself (written
-- by the split when it creates the row), so the candidate query reads one table without subqueries
-- or joins: the order's priority and paid_at (copied: neither changes once an order is paid), and
-- the fulfilment order's line count and units (its lines never change after the split).
ALTER TABLE fulfilment_order ADD COLUMN priority VARCHAR(16) NULL;
ALTER TABLE fulfilment_order ADD COLUMN paid_at ${timestamp} NULL;
ALTER TABLE fulfilment_order ADD COLUMN line_count INT NULL;
ALTER TABLE fulfilment_order ADD COLUMN units INT NULL;

-- Rows written before this migration.
UPDATE fulfilment_order
   SET priority = (SELECT o.priority FROM customer_order o WHERE o.order_no = fulfilment_order.order_no),
       paid_at = (SELECT o.paid_at FROM customer_order o WHERE o.order_no = fulfilment_order.order_no),
       line_count = (SELECT COUNT(*) FROM fulfilment_line l WHERE l.fulfilment_no = fulfilment_order.fulfilment_no),
       units = (SELECT COALESCE(SUM(l.quantity), 0) FROM fulfilment_line l
                 WHERE l.fulfilment_no = fulfilment_order.fulfilment_no);
