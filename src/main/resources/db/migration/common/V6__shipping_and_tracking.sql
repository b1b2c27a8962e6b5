-- Shipping, carrier tracking and cancellation (CONTRACT §8, §9).

-- A parcel is a fulfilment order once shipped: its carrier and tracking number are unique, and the
-- import of carrier events finds a parcel by them. NULLs (not yet shipped) do not collide.
CREATE UNIQUE INDEX fulfilment_order_by_tracking ON fulfilment_order (tracking_no, carrier_code);
ALTER TABLE fulfilment_order ADD COLUMN weight_grams INT NULL;
-- The latest event_time among the parcel's mapped events: "no news for H hours" (report stalled).
ALTER TABLE fulfilment_order ADD COLUMN last_event_at ${timestamp} NULL;
-- Cancellation reads cancelled orders by status.
CREATE INDEX customer_order_by_status ON customer_order (status);

-- Every carrier event received, once: a repeated one (same carrier, tracking number, code and time)
-- is a duplicate. mapped_status is NULL for a code the carrier's mapping does not know (recorded and
-- reported, changes nothing); fulfilment_no is NULL while no parcel has that tracking number yet.
CREATE TABLE carrier_event (
    event_id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tracking_no      VARCHAR(64)  NOT NULL,
    carrier_code     VARCHAR(32)  NOT NULL,
    event_code       VARCHAR(64)  NOT NULL,
    event_time       ${timestamp} NOT NULL,
    location         VARCHAR(200) NULL,
    description      VARCHAR(500) NULL,
    mapped_status    VARCHAR(24)  NULL,
    fulfilment_no    VARCHAR(80)  NULL,
    received_at      ${timestamp} NOT NULL,
    job_execution_id BIGINT       NULL
);
-- The one index: every reader (dedupe, replay, explain, hand-over) asks by tracking number, and each
-- index more costs every event written.
CREATE UNIQUE INDEX carrier_event_by_parcel ON carrier_event (tracking_no, carrier_code, event_code, event_time);

-- Parcels (carrier + tracking number) that have events but no manifest yet: their events wait and
-- are applied when the manifest arrives. Small, so finding what waits never scans carrier_event.
CREATE TABLE waiting_parcel (
    tracking_no    VARCHAR(64)  NOT NULL,
    carrier_code   VARCHAR(32)  NOT NULL,
    first_event_at ${timestamp} NOT NULL,
    PRIMARY KEY (tracking_no, carrier_code)
);

-- A parcel of a cancelled order that a carrier already has: we cannot stop it, operators ask the
-- carrier to intercept it. OPEN until the parcel comes back (DONE) or is delivered anyway (FAILED).
CREATE TABLE intercept_request (
    fulfilment_no    VARCHAR(80)  NOT NULL PRIMARY KEY,
    order_no         VARCHAR(64)  NOT NULL,
    carrier_code     VARCHAR(32)  NOT NULL,
    tracking_no      VARCHAR(64)  NOT NULL,
    requested_at     ${timestamp} NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    closed_at        ${timestamp} NULL,
    job_execution_id BIGINT       NULL
);
CREATE INDEX intercept_request_by_status ON intercept_request (status);

-- What happened to an order after its split that no other table tells in words: each step of a
-- cancellation (shown by explain).
CREATE TABLE order_history (
    history_id       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_no         VARCHAR(64)  NOT NULL,
    fulfilment_no    VARCHAR(80)  NULL,
    action           VARCHAR(32)  NOT NULL,
    detail           VARCHAR(500) NOT NULL,
    occurred_at      ${timestamp} NOT NULL,
    job_execution_id BIGINT       NULL
);
CREATE INDEX order_history_by_order ON order_history (order_no);

-- A wave whose pick list must be written again (a fulfilment order left it); cleared once written.
ALTER TABLE wave ADD COLUMN pick_list_stale BOOLEAN NOT NULL DEFAULT FALSE;
