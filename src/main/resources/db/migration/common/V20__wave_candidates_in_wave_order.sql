-- The wave index holds the candidates in the order the wave job takes them: an ALLOCATED fulfilment
-- order has no wave, so its entry lies in the index's NULL part, sorted here by priority (EXPRESS
-- before NORMAL, which is also their alphabetical order), then paid_at, then fulfilment_no
-- (io.fulfil.picking.wave.WaveStore.CANDIDATES_SQL). The job's query is then answered from the index
-- in order, without a sort, so H2 hands out its first rows at once and finds the rest while the job
-- writes the waves before (measured at 400,000 orders, 970,774 lines: createWaves 47.8 s -> 42.7 s);
-- before, H2 computed and sorted the whole result before the first wave was written. The name stays, so
-- the query's index hint still holds.
DROP INDEX fulfilment_order_by_wave ON fulfilment_order;
CREATE INDEX fulfilment_order_by_wave ON fulfilment_order (wave_no, priority, paid_at, fulfilment_no);
