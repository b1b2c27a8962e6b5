-- The stock journal (stock_movement) loses its index on (warehouse_code, sku_code).
--
-- Nothing reads the journal by stock row: the reconciliation and the invariant checks add it up in one
-- pass over the whole table (GROUP BY warehouse and SKU), and `explain` reads an order's movements
-- through stock_movement_by_order. Yet every movement inserted an entry at a random place of that
-- index (a shipment's units spread over the SKUs of every warehouse), which on a journal larger than
-- the database's memory is a page read from disk and written back per movement. A manifest import of
-- 955,788 rows on MariaDB (default 128 MB buffer pool) applied in 75 s without it against 81 to 83 s
-- with it, with 7% less work on the server (README, "Fifteenth session").
DROP INDEX stock_movement_by_stock ON stock_movement;
