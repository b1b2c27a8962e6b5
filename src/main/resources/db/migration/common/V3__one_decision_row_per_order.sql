-- One split_decision row per order and run, instead of one per merchant + zone group: the groups'
-- decisions are lines of one text (see io.fulfil.split.DecisionTrace). The split writes a decision for
-- every order it touches, and at a million orders the row count is what costs.
-- Rows written before this version are kept: each old group row becomes a one-line trace.
ALTER TABLE split_decision RENAME TO split_decision_by_group;

CREATE TABLE split_decision (
    order_no         VARCHAR(64)    NOT NULL,
    decision_no      INT            NOT NULL,
    trace            VARCHAR(12000) NOT NULL,
    decided_at       ${timestamp}   NOT NULL,
    job_execution_id BIGINT         NULL,
    PRIMARY KEY (order_no, decision_no)
);

INSERT INTO split_decision (order_no, decision_no, trace, decided_at, job_execution_id)
SELECT order_no, decision_no,
       CONCAT(merchant_code, '	', temperature_zone, '	', rule_applied, '	', chosen, '	', candidates),
       decided_at, job_execution_id
  FROM split_decision_by_group;

DROP TABLE split_decision_by_group;
