-- The warehouse floor and the groundwork every later job shares: the stock movement journal, the
-- stock-raise signal the split watches, the status machine's memory of EXCEPTION, waves with their
-- zone and kind, and the stored pick lists that confirmations are checked against.

-- Every change of stock other than a split's reservation (whose record is the fulfilment line it
-- allocates): release, short pick, shipment, count. Written only by io.fulfil.stock.StockLedger.
CREATE TABLE stock_movement (
    movement_id      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    warehouse_code   VARCHAR(32)   NOT NULL,
    sku_code         VARCHAR(64)   NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    on_hand_change   INT           NOT NULL,
    allocated_change INT           NOT NULL,
    reference        VARCHAR(120)  NULL,
    order_no         VARCHAR(64)   NULL,
    reason           VARCHAR(300)  NULL,
    actor            VARCHAR(100)  NOT NULL,
    occurred_at      ${timestamp}  NOT NULL,
    recorded_at      ${timestamp}  NOT NULL,
    job_execution_id BIGINT        NULL
);
CREATE INDEX stock_movement_by_stock ON stock_movement (warehouse_code, sku_code);
CREATE INDEX stock_movement_by_order ON stock_movement (order_no);

-- One row, bumped in the same transaction as every movement that makes stock available (a release,
-- a count upwards). A running split compares it chunk by chunk and forgets its stock projection
-- when it moved, so stock that arrives mid-run is used by the same run.
CREATE TABLE stock_raise (
    id     INT    NOT NULL PRIMARY KEY,
    raised BIGINT NOT NULL
);
INSERT INTO stock_raise (id, raised) VALUES (1, 0);

-- Named counters for numbers people read (wave numbers): W000001, W000002, ...
CREATE TABLE sequence_counter (
    name       VARCHAR(32) NOT NULL PRIMARY KEY,
    last_value BIGINT      NOT NULL
);
INSERT INTO sequence_counter (name, last_value) VALUES ('wave', 0);

-- EXCEPTION remembers the main-line status it was entered from (CONTRACT §8.3); the slot numbers the
-- fulfilment orders of a wave in the order they were waved.
ALTER TABLE fulfilment_order ADD COLUMN exception_from VARCHAR(24) NULL;
ALTER TABLE fulfilment_order ADD COLUMN wave_slot INT NULL;
-- The wave job finds ALLOCATED work per warehouse; pick lists and confirmations find a wave's orders.
CREATE INDEX fulfilment_order_by_status ON fulfilment_order (status, warehouse_code);
CREATE INDEX fulfilment_order_by_wave ON fulfilment_order (wave_no);

-- A wave: one warehouse, one temperature zone, single-item or multi-item work. PLANNED until its
-- pick list is written (RELEASED), COMPLETED once every fulfilment order in it is picked or cancelled.
ALTER TABLE wave ADD COLUMN temperature_zone VARCHAR(16) NULL;
ALTER TABLE wave ADD COLUMN kind VARCHAR(8) NULL;
ALTER TABLE wave ADD COLUMN order_count INT NULL;
ALTER TABLE wave ADD COLUMN line_count INT NULL;
ALTER TABLE wave ADD COLUMN released_at ${timestamp} NULL;
ALTER TABLE wave ADD COLUMN completed_at ${timestamp} NULL;
ALTER TABLE wave ADD COLUMN job_execution_id BIGINT NULL;
CREATE INDEX wave_by_status ON wave (status);

-- A wave's pick list as written, one row per fulfilment line in walking order. The file is written
-- from these rows (so writing it again gives the same bytes) and confirmations are checked and
-- recorded against them: picked_qty, picker and picked_at stay NULL until confirmed.
CREATE TABLE pick_line (
    wave_no            VARCHAR(64)  NOT NULL,
    pick_seq           INT          NOT NULL,
    fulfilment_no      VARCHAR(80)  NOT NULL,
    fulfilment_line_no INT          NOT NULL,
    sku_code           VARCHAR(64)  NOT NULL,
    sku_name           VARCHAR(300) NOT NULL,
    location_code      VARCHAR(32)  NOT NULL,
    quantity           INT          NOT NULL,
    slot               INT          NOT NULL,
    picked_qty         INT          NULL,
    picker             VARCHAR(64)  NULL,
    picked_at          ${timestamp} NULL,
    confirmed_at       ${timestamp} NULL,
    job_execution_id   BIGINT       NULL,
    PRIMARY KEY (wave_no, pick_seq)
);
CREATE INDEX pick_line_by_fulfilment ON pick_line (fulfilment_no);
