-- Keys that grow with time for the rows the split writes per order, so that a split serving orders
-- out of order-number order (paid in another order, from several front ends, backorder retries)
-- appends to these tables instead of writing into random pages of tables larger than memory.

-- New fulfilment orders are numbered F0000000001, F0000000002, ... in the order the split creates
-- them (io.fulfil.fulfilment.FulfilmentNumbers); numbers given before this version keep their form.
INSERT INTO sequence_counter (name, last_value) VALUES ('fulfilment', 0);

-- split_decision is keyed by a growing id, and found by order through a secondary index a fraction of
-- the table's size (a decision's trace is hundreds of bytes). The index is not unique: a run numbers
-- an order's decisions while it holds the order's row lock, so two runs never give the same number;
-- and on MySQL a unique index's duplicate check takes gap locks that two split writers inserting
-- side by side (one waiting for the other to commit) wait on.
ALTER TABLE split_decision RENAME TO split_decision_v3;

CREATE TABLE split_decision (
    decision_id      BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_no         VARCHAR(64)    NOT NULL,
    decision_no      INT            NOT NULL,
    trace            VARCHAR(12000) NOT NULL,
    decided_at       ${timestamp}   NOT NULL,
    job_execution_id BIGINT         NULL
);
CREATE INDEX split_decision_by_order ON split_decision (order_no, decision_no);

INSERT INTO split_decision (order_no, decision_no, trace, decided_at, job_execution_id)
SELECT order_no, decision_no, trace, decided_at, job_execution_id
  FROM split_decision_v3
 ORDER BY decided_at, order_no, decision_no;

DROP TABLE split_decision_v3;
