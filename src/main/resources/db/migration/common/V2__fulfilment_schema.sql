-- Business tables of CONTRACT.md section 1, plus the processor's own columns and tables.
-- Written in the SQL that H2 2.x and MySQL/MariaDB share, so one history serves both; the one
-- type they disagree on, a timestamp without time zone, is the ${timestamp} placeholder (see FlywaySettings).
-- V1 (a Java migration) creates Spring Batch's own tables from the DDL shipped in its jar.

CREATE TABLE merchant (
    merchant_code    VARCHAR(32)  NOT NULL PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    backorder_policy VARCHAR(16)  NOT NULL
);

CREATE TABLE warehouse (
    warehouse_code    VARCHAR(32)   NOT NULL PRIMARY KEY,
    name              VARCHAR(200)  NOT NULL,
    province          VARCHAR(64)   NOT NULL,
    city              VARCHAR(64)   NOT NULL,
    latitude          DECIMAL(9, 6) NOT NULL,
    longitude         DECIMAL(9, 6) NOT NULL,
    priority          INT           NOT NULL,
    temperature_zones VARCHAR(64)   NOT NULL,
    active            BOOLEAN       NOT NULL
);

CREATE TABLE sku (
    sku_code         VARCHAR(64)  NOT NULL PRIMARY KEY,
    merchant_code    VARCHAR(32)  NOT NULL,
    name             VARCHAR(300) NOT NULL,
    temperature_zone VARCHAR(16)  NOT NULL,
    weight_grams     INT          NOT NULL
);

CREATE TABLE stock (
    warehouse_code VARCHAR(32) NOT NULL,
    sku_code       VARCHAR(64) NOT NULL,
    on_hand        INT         NOT NULL,
    allocated      INT         NOT NULL DEFAULT 0,
    location_code  VARCHAR(32) NOT NULL,
    PRIMARY KEY (warehouse_code, sku_code),
    CONSTRAINT stock_allocated_within_on_hand CHECK (allocated >= 0 AND allocated <= on_hand)
);
-- The split locks every stock row of the SKUs in a chunk: one index range per SKU.
CREATE INDEX stock_by_sku ON stock (sku_code, warehouse_code);

CREATE TABLE customer_order (
    order_no        VARCHAR(64)    NOT NULL PRIMARY KEY,
    customer_id     VARCHAR(64)    NOT NULL,
    status          VARCHAR(24)    NOT NULL,
    priority        VARCHAR(16)    NOT NULL,
    paid_at         ${timestamp}   NULL,
    ship_name       VARCHAR(200)   NOT NULL,
    ship_phone      VARCHAR(32)    NOT NULL,
    ship_province   VARCHAR(64)    NOT NULL,
    ship_city       VARCHAR(64)    NOT NULL,
    ship_address    VARCHAR(500)   NOT NULL,
    ship_latitude   DECIMAL(9, 6)  NULL,
    ship_longitude  DECIMAL(9, 6)  NULL,
    goods_amount    DECIMAL(14, 2) NOT NULL,
    discount_amount DECIMAL(14, 2) NOT NULL,
    shipping_fee    DECIMAL(14, 2) NOT NULL,
    paid_amount     DECIMAL(14, 2) NOT NULL,
    -- the processor's own columns
    hold_reason     VARCHAR(500)   NULL,
    split_at        ${timestamp}   NULL
);

CREATE TABLE order_line (
    order_no      VARCHAR(64)    NOT NULL,
    line_no       INT            NOT NULL,
    sku_code      VARCHAR(64)    NOT NULL,
    quantity      INT            NOT NULL,
    unit_price    DECIMAL(14, 2) NOT NULL,
    line_discount DECIMAL(14, 2) NOT NULL,
    PRIMARY KEY (order_no, line_no)
);

CREATE TABLE fulfilment_order (
    fulfilment_no    VARCHAR(80)    NOT NULL PRIMARY KEY,
    order_no         VARCHAR(64)    NOT NULL,
    merchant_code    VARCHAR(32)    NOT NULL,
    warehouse_code   VARCHAR(32)    NOT NULL,
    temperature_zone VARCHAR(16)    NOT NULL,
    status           VARCHAR(24)    NOT NULL,
    goods_amount     DECIMAL(14, 2) NOT NULL,
    discount_amount  DECIMAL(14, 2) NOT NULL,
    shipping_fee     DECIMAL(14, 2) NOT NULL,
    paid_amount      DECIMAL(14, 2) NOT NULL,
    wave_no          VARCHAR(64)    NULL,
    carrier_code     VARCHAR(32)    NULL,
    tracking_no      VARCHAR(64)    NULL,
    shipped_at       ${timestamp}   NULL,
    delivered_at     ${timestamp}   NULL,
    -- the processor's own columns
    created_at       ${timestamp}   NOT NULL,
    job_execution_id BIGINT         NULL
);
-- Indexes cost every split write, so there are only those a query needs: this one finds an order's
-- fulfilment orders (re-splits, explain); the split's demand query scans customer_order once per run.
CREATE INDEX fulfilment_order_by_order ON fulfilment_order (order_no);

CREATE TABLE fulfilment_line (
    fulfilment_no   VARCHAR(80)    NOT NULL,
    line_no         INT            NOT NULL,
    order_no        VARCHAR(64)    NOT NULL,
    order_line_no   INT            NOT NULL,
    sku_code        VARCHAR(64)    NOT NULL,
    quantity        INT            NOT NULL,
    goods_amount    DECIMAL(14, 2) NOT NULL,
    discount_amount DECIMAL(14, 2) NOT NULL,
    shipping_fee    DECIMAL(14, 2) NOT NULL,
    paid_amount     DECIMAL(14, 2) NOT NULL,
    PRIMARY KEY (fulfilment_no, line_no)
);

CREATE TABLE backorder (
    order_no        VARCHAR(64)    NOT NULL,
    order_line_no   INT            NOT NULL,
    sku_code        VARCHAR(64)    NOT NULL,
    quantity        INT            NOT NULL,
    goods_amount    DECIMAL(14, 2) NOT NULL,
    discount_amount DECIMAL(14, 2) NOT NULL,
    shipping_fee    DECIMAL(14, 2) NOT NULL,
    paid_amount     DECIMAL(14, 2) NOT NULL,
    -- the processor's own column: when the quantity was first left unallocated
    created_at      ${timestamp}   NOT NULL,
    PRIMARY KEY (order_no, order_line_no)
);

CREATE TABLE wave (
    wave_no        VARCHAR(64) NOT NULL PRIMARY KEY,
    warehouse_code VARCHAR(32) NOT NULL,
    status         VARCHAR(24) NOT NULL,
    created_at     ${timestamp} NOT NULL
);

-- One row per split decision (merchant + zone group of an order, per run that allocated or held it):
-- the candidates with distance and stock, the rule that chose and what was chosen. Shown by `explain`.
CREATE TABLE split_decision (
    order_no         VARCHAR(64)   NOT NULL,
    decision_no      INT           NOT NULL,
    merchant_code    VARCHAR(32)   NOT NULL,
    temperature_zone VARCHAR(16)   NOT NULL,
    rule_applied     VARCHAR(32)   NOT NULL,
    chosen           VARCHAR(500)  NOT NULL,
    candidates       VARCHAR(4000) NOT NULL,
    decided_at       ${timestamp}  NOT NULL,
    job_execution_id BIGINT        NULL,
    PRIMARY KEY (order_no, decision_no)
);
