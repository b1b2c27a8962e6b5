package io.fulfil.picking.confirm;

import io.fulfil.fulfilment.FulfilmentOrders;
import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.fulfilment.OrderStatus;
import io.fulfil.fulfilment.OrderStatusRollup;
import io.fulfil.fulfilment.ParentOrders;
import io.fulfil.imports.ImportKind;
import io.fulfil.imports.ParsedRow;
import io.fulfil.picking.confirm.PickStore.Backorder;
import io.fulfil.picking.confirm.PickStore.FulfilmentLine;
import io.fulfil.picking.wave.WaveProgress;
import io.fulfil.split.Amounts;
import io.fulfil.stock.StockKey;
import io.fulfil.stock.StockLedger;
import io.fulfil.stock.StockMovement;
import io.fulfil.support.KeyLists;
import io.fulfil.support.csv.CsvRow;
import io.fulfil.support.csv.RowError;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Pick confirmations (CONTRACT §4, §7.4, §7.5) as a kind of import: the pick list with
 * {@code picked_qty}, {@code picker} and {@code picked_at} filled in, a row identified by
 * {@code wave_no} and {@code pick_seq}.
 *
 * <p>Applying a chunk locks the parent orders it may roll up (those with a short pick), then fulfilment
 * orders, then their pick lines, then stock, each in key order, checks every row again under lock and
 * records it on its pick line. A short pick moves the shortfall with its share of the line's money to
 * the order line's backorder and takes it out of stock; a line picked to zero leaves its fulfilment
 * order, and an order picked to zero in total is CANCELLED, keeping its last line as its record. An order whose pick lines are all confirmed
 * with something picked becomes PICKED; a wave whose orders are all done becomes COMPLETED; the parents
 * of orders with a short pick are rolled up (a move from WAVED to PICKED alone leaves a parent's
 * derived status as it was, {@link OrderStatusRollup#sameStanding}).
 */
@Component
public class PickConfirmations implements ImportKind<PickConfirmation> {

    /** True when confirmation {@code c} (a {@code pick_confirmation} row) is pick line {@code p}'s: the same key. */
    public static final String CONFIRMATION_OF_LINE = "c.wave_no = p.wave_no AND c.pick_seq = p.pick_seq";

    static final List<String> COLUMNS = List.of("wave_no", "pick_seq", "fulfilment_no", "sku_code", "picked_qty",
            "picker", "picked_at");

    private final PickStore store;
    private final FulfilmentOrders fulfilmentOrders;
    private final ParentOrders parentOrders;
    private final StockLedger stockLedger;
    private final Clock clock;
    private final KeyLists keyLists;
    private final WaveProgress waveProgress;

    PickConfirmations(PickStore store, FulfilmentOrders fulfilmentOrders, ParentOrders parentOrders,
                      StockLedger stockLedger, Clock clock, KeyLists keyLists, WaveProgress waveProgress) {
        this.keyLists = keyLists;
        this.waveProgress = waveProgress;
        this.store = store;
        this.fulfilmentOrders = fulfilmentOrders;
        this.parentOrders = parentOrders;
        this.stockLedger = stockLedger;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "picks";
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS;
    }

    @Override
    public String key(CsvRow row) {
        String wave = row.cell("wave_no");
        String seq = row.cell("pick_seq");
        if (wave.isEmpty() || !seq.matches("\\d{1,9}")) {
            return null;
        }
        return wave + "\u0000" + Integer.parseInt(seq);
    }

    @Override
    public String keyColumn() {
        return "pick_seq";
    }

    @Override
    public String describeKey(CsvRow row) {
        return "wave " + row.cell("wave_no") + " pick_seq " + Integer.parseInt(row.cell("pick_seq"));
    }

    @Override
    public PickConfirmation parse(CsvRow row) {
        String wave = row.text("wave_no", 64);
        Integer seq = row.positiveInt("pick_seq");
        String fulfilmentNo = row.text("fulfilment_no", 80);
        String sku = row.text("sku_code", 64);
        Integer picked = row.nonNegativeInt("picked_qty");
        String picker = row.text("picker", 64);
        LocalDateTime at = row.offsetDateTime("picked_at");
        if (row.hasErrors()) {
            return null;
        }
        return new PickConfirmation(row.line(), wave, seq, fulfilmentNo, sku, picked, picker, at);
    }

    @Override
    public void check(List<ParsedRow<PickConfirmation>> rows) {
        List<PickConfirmation> values = rows.stream().map(ParsedRow::value).toList();
        PickStore.WaveLines read = store.linesOfWaves(wavesOf(values));
        Map<String, FulfilmentStatus> statuses = new HashMap<>();
        read.orders().forEach((no, fo) -> statuses.put(no, fo.status()));
        List<PickCheck.Verdict> verdicts = judge(values, read.lines(), statuses);
        for (int i = 0; i < rows.size(); i++) {
            for (PickCheck.Problem p : verdicts.get(i).problems()) {
                rows.get(i).row().reject(p.column(), p.reason());
            }
        }
    }

    private static Set<String> wavesOf(List<PickConfirmation> rows) {
        Set<String> waves = new TreeSet<>();
        rows.forEach(r -> waves.add(r.waveNo()));
        return waves;
    }

    /**
     * Judges rows in file order against the lines as they stand, each accepted row counting as applied
     * for the rows after it. Facts beyond the lines (unknown wave, fulfilment order, SKU) are looked up
     * for the whole chunk only when some row needs them.
     */
    private List<PickCheck.Verdict> judge(List<PickConfirmation> rows, Map<PickKey, PickLine> lines,
                                          Map<String, FulfilmentStatus> statuses) {
        Set<String> waves = new HashSet<>();
        Set<String> fulfilmentNos = new HashSet<>();
        Set<String> skus = new HashSet<>();
        for (PickConfirmation r : rows) {
            PickLine line = lines.get(r.key());
            if (line == null) {
                waves.add(r.waveNo());
            } else {
                if (!line.fulfilmentNo().equals(r.fulfilmentNo())) {
                    fulfilmentNos.add(r.fulfilmentNo());
                }
                if (!line.skuCode().equals(r.skuCode())) {
                    skus.add(r.skuCode());
                }
            }
        }
        Set<String> knownWaves = store.existing("wave", "wave_no", waves);
        Set<String> knownOrders = store.existing("fulfilment_order", "fulfilment_no", fulfilmentNos);
        Set<String> knownSkus = store.existing("sku", "sku_code", skus);
        PickCheck.Facts facts = new PickCheck.Facts() {
            public boolean waveExists(String waveNo) {
                return knownWaves.contains(waveNo);
            }

            public boolean fulfilmentOrderExists(String fulfilmentNo) {
                return knownOrders.contains(fulfilmentNo);
            }

            public boolean skuExists(String skuCode) {
                return knownSkus.contains(skuCode);
            }

            public FulfilmentStatus statusOf(String fulfilmentNo) {
                return statuses.get(fulfilmentNo);
            }
        };
        List<PickCheck.Verdict> verdicts = new ArrayList<>(rows.size());
        for (PickConfirmation r : rows) {
            PickLine line = lines.get(r.key());
            PickCheck.Verdict verdict = PickCheck.check(r, line, facts);
            if (!verdict.rejected() && !verdict.unchanged()) {
                lines.put(r.key(), line.confirmedBy(r));
            }
            verdicts.add(verdict);
        }
        return verdicts;
    }

    @Override
    public List<List<RowError>> apply(List<PickConfirmation> rows, String fileName, long jobExecutionId) {
        Set<String> waves = wavesOf(rows);
        Set<String> fulfilmentNos = new TreeSet<>();
        rows.forEach(r -> fulfilmentNos.add(r.fulfilmentNo()));
        // only the parents this chunk may roll up are locked: those of orders with a short pick (or a row
        // that will be rejected). A row is short when its picked_qty differs from its pick line's
        // quantity, and a pick line's quantity and fulfilment order never change, so the lines read
        // without locks tell; an order's parts never change parents either. A move from WAVED to PICKED
        // alone leaves the parent as it was, and whoever rolls a parent up meanwhile counts WAVED and
        // PICKED alike (OrderStatusRollup.sameStanding), so those parents are left unlocked.
        Map<String, OrderStatus> parents = parentOrders.lock(parentsToRollUp(rows, waves, fulfilmentNos));
        Map<String, FulfilmentOrders.Current> locked = new HashMap<>();
        for (List<String> slice : keyLists.slices(fulfilmentNos)) {
            locked.putAll(fulfilmentOrders.lock(slice));
        }
        // every pick line of their waves as it stands now, with its confirmation, those of the locked orders
        // included: a fulfilment order's lines are all in its wave, and only a holder of its lock writes them
        // (the wave that made them, and this import, which confirms them), so they cannot change until this
        // transaction ends. The confirmations' row locks come with their insert below, still after the
        // fulfilment orders' and before the stock's.
        Set<String> lockedWaves = new TreeSet<>(waves);
        locked.values().forEach(fo -> {
            if (fo.waveNo() != null) {
                lockedWaves.add(fo.waveNo());
            }
        });
        Map<PickKey, PickLine> lines = store.pickLinesOfWaves(lockedWaves);
        Map<String, FulfilmentStatus> statuses = new HashMap<>();
        locked.forEach((no, fo) -> statuses.put(no, fo.status()));

        List<PickCheck.Verdict> verdicts = judge(rows, lines, statuses);
        List<List<RowError>> rejected = new ArrayList<>();
        List<PickConfirmation> accepted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PickCheck.Verdict verdict = verdicts.get(i);
            PickConfirmation row = rows.get(i);
            if (verdict.rejected()) {
                rejected.add(verdict.problems().stream().map(p -> new RowError(fileName, row.line(), p.column(),
                        valueOf(row, p.column()), p.reason())).toList());
            } else if (!verdict.unchanged()) {
                accepted.add(row);
            }
        }
        if (!accepted.isEmpty()) {
            applyAccepted(accepted, lines, locked, parents, jobExecutionId);
        }
        return rejected;
    }

    /** The accepted rows, checked under lock; {@code lines} holds every pick line of their orders, as confirmed now. */
    private void applyAccepted(List<PickConfirmation> accepted, Map<PickKey, PickLine> lines,
                               Map<String, FulfilmentOrders.Current> locked, Map<String, OrderStatus> parents,
                               long jobExecutionId) {
        LocalDateTime now = LocalDateTime.now(clock);
        Set<String> touched = new TreeSet<>();
        Map<PickKey, PickLine> byKey = lines;
        // only short picks change fulfilment lines and backorders: read those of their orders alone
        Set<String> shortFulfilments = new TreeSet<>();
        Set<String> shortOrders = new TreeSet<>();
        for (PickConfirmation r : accepted) {
            PickLine pick = byKey.get(r.key());
            touched.add(pick.fulfilmentNo());
            if (r.pickedQty() != pick.quantity()) {
                shortFulfilments.add(pick.fulfilmentNo());
                shortOrders.add(locked.get(pick.fulfilmentNo()).orderNo());
            }
        }
        Map<String, Map<Integer, FulfilmentLine>> fulfilmentLines = store.fulfilmentLines(shortFulfilments);
        Set<String> orderNos = new TreeSet<>();
        touched.forEach(no -> orderNos.add(locked.get(no).orderNo()));
        Map<String, Backorder> backorders = store.backorders(shortOrders);
        Map<String, Backorder> changedBackorders = new LinkedHashMap<>();
        Set<String> newBackorders = new HashSet<>();
        List<FulfilmentLine> updated = new ArrayList<>();
        Map<String, List<FulfilmentLine>> pickedToZero = new TreeMap<>();
        List<StockMovement> movements = new ArrayList<>();

        for (PickConfirmation r : accepted) {
            PickLine pick = lines.get(r.key());
            if (r.pickedQty() == pick.quantity()) {
                continue;
            }
            FulfilmentOrders.Current fo = locked.get(pick.fulfilmentNo());
            FulfilmentLine line = fulfilmentLines.getOrDefault(fo.fulfilmentNo(), Map.of()).get(pick.fulfilmentLineNo());
            if (line == null || line.quantity() != pick.quantity()) {
                throw new IllegalStateException(pick.key() + ": fulfilment line " + fo.fulfilmentNo() + "/"
                        + pick.fulfilmentLineNo() + " no longer matches its pick line; nothing of this chunk is applied");
            }
            ShortPick split = ShortPick.of(line.amounts(), line.quantity(), r.pickedQty());
            FulfilmentLine rest = new FulfilmentLine(line.fulfilmentNo(), line.lineNo(), line.orderNo(),
                    line.orderLineNo(), line.skuCode(), split.pickedQty(), split.picked());
            if (split.pickedQty() > 0) {
                updated.add(rest);
                fulfilmentLines.get(fo.fulfilmentNo()).put(line.lineNo(), rest);
            } else {
                pickedToZero.computeIfAbsent(fo.fulfilmentNo(), k -> new ArrayList<>()).add(line);
            }
            String key = PickStore.backorderKey(line.orderNo(), line.orderLineNo());
            Backorder before = changedBackorders.containsKey(key) ? changedBackorders.get(key) : backorders.get(key);
            if (before == null) {
                newBackorders.add(key);
                changedBackorders.put(key, new Backorder(line.orderNo(), line.orderLineNo(), line.skuCode(),
                        split.shortfallQty(), split.shortfall()));
            } else {
                changedBackorders.put(key, new Backorder(before.orderNo(), before.orderLineNo(), before.skuCode(),
                        before.quantity() + split.shortfallQty(), before.amounts().plus(split.shortfall())));
            }
            movements.add(StockMovement.shortPick(new StockKey(fo.warehouseCode(), line.skuCode()),
                    split.shortfallQty(), pick.key().toString(), fo.orderNo(),
                    "short pick: picked " + r.pickedQty() + " of " + pick.quantity(), r.picker(), r.pickedAt()));
        }

        // each touched fulfilment order: done when all its pick lines are confirmed; cancelled if nothing was picked
        List<FulfilmentOrders.Current> toPicked = new ArrayList<>();
        List<FulfilmentOrders.Current> toCancelled = new ArrayList<>();
        Map<String, int[]> progress = new HashMap<>();
        for (PickLine l : lines.values()) {
            if (!touched.contains(l.fulfilmentNo())) {
                continue;
            }
            int[] p = progress.computeIfAbsent(l.fulfilmentNo(), k -> new int[3]);
            p[0]++;
            if (l.confirmed()) {
                p[1]++;
                p[2] += l.pickedQty();
            }
        }
        List<FulfilmentLine> deleted = new ArrayList<>();
        for (String no : touched) {
            int[] p = progress.get(no);
            boolean done = p[0] == p[1];
            List<FulfilmentLine> zero = pickedToZero.getOrDefault(no, List.of());
            if (done && p[2] == 0) {
                toCancelled.add(locked.get(no));
                // the last line stays, as it was, as the cancelled order's record
                zero = zero.isEmpty() ? zero : zero.subList(0, zero.size() - 1);
            } else if (done) {
                toPicked.add(locked.get(no));
            }
            for (FulfilmentLine z : zero) {
                deleted.add(z);
                fulfilmentLines.get(no).remove(z.lineNo());
            }
        }
        Set<String> reshaped = new TreeSet<>(pickedToZero.keySet());
        updated.forEach(l -> reshaped.add(l.fulfilmentNo()));
        Map<String, Amounts> sums = new TreeMap<>();
        for (String no : reshaped) {
            Amounts sum = Amounts.ZERO;
            for (FulfilmentLine l : fulfilmentLines.get(no).values()) {
                sum = sum.plus(l.amounts());
            }
            sums.put(no, sum);
        }

        store.confirm(accepted, now, jobExecutionId);
        store.updateLines(updated);
        store.deleteLines(deleted);
        store.updateFulfilmentAmounts(sums);
        List<Backorder> inserts = new ArrayList<>();
        List<Backorder> updates = new ArrayList<>();
        changedBackorders.forEach((key, b) -> (newBackorders.contains(key) ? inserts : updates).add(b));
        store.insertBackorders(inserts, now);
        store.updateBackorders(updates);
        stockLedger.apply(movements, jobExecutionId);
        moveInSlices(toPicked, FulfilmentStatus.PICKED);
        moveInSlices(toCancelled, FulfilmentStatus.CANCELLED);
        Set<String> waves = new TreeSet<>();
        accepted.forEach(r -> waves.add(r.waveNo()));
        waveProgress.completeWaves(waves, now);
        // a move from WAVED to PICKED leaves the parent's derived status as it was (the roll-up tells
        // PICKED from WAVED apart no more than from ALLOCATED), so only the parents whose parts changed
        // otherwise (short picks: lines, backorders, cancellations) are rolled up, without reading the rest
        Set<String> reshapedParents = new TreeSet<>(shortOrders);
        toCancelled.forEach(fo -> reshapedParents.add(fo.orderNo()));
        if (!OrderStatusRollup.sameStanding(FulfilmentStatus.WAVED, FulfilmentStatus.PICKED)) {
            reshapedParents.addAll(orderNos);
        }
        Map<String, OrderStatus> touchedParents = new TreeMap<>();
        reshapedParents.forEach(no -> {
            if (!parents.containsKey(no)) {
                throw new IllegalStateException("order " + no + " changed by a short pick was not locked before its"
                        + " fulfilment orders; nothing of this chunk is applied");
            }
            touchedParents.put(no, parents.get(no));
        });
        parentOrders.rollUp(touchedParents);
    }

    /**
     * The parent orders a chunk may roll up, from its rows and their waves' pick lines as last committed:
     * those of the fulfilment orders with a row that is a short pick or does not match a pick line; all
     * of them if PICKED ever stands apart from WAVED in the roll-up.
     */
    private Set<String> parentsToRollUp(List<PickConfirmation> rows, Set<String> waves, Set<String> fulfilmentNos) {
        Set<String> reshaping = fulfilmentNos;
        if (OrderStatusRollup.sameStanding(FulfilmentStatus.WAVED, FulfilmentStatus.PICKED)) {
            Map<PickKey, PickLine> lines = store.pickLinesOfWaves(waves);
            reshaping = new TreeSet<>();
            for (PickConfirmation r : rows) {
                PickLine line = lines.get(r.key());
                if (line == null || !line.fulfilmentNo().equals(r.fulfilmentNo()) || r.pickedQty() != line.quantity()) {
                    reshaping.add(r.fulfilmentNo());
                }
            }
        }
        Set<String> orderNos = new TreeSet<>();
        for (List<String> slice : keyLists.slices(reshaping)) {
            fulfilmentOrders.read(slice).values().forEach(fo -> orderNos.add(fo.orderNo()));
        }
        return orderNos;
    }

    private void moveInSlices(List<FulfilmentOrders.Current> orders, FulfilmentStatus next) {
        Map<String, FulfilmentOrders.Current> byNo = new HashMap<>();
        orders.forEach(fo -> byNo.put(fo.fulfilmentNo(), fo));
        for (List<String> slice : keyLists.slices(byNo.keySet())) {
            fulfilmentOrders.move(slice.stream().map(byNo::get).toList(), next);
        }
    }

    private static String valueOf(PickConfirmation row, String column) {
        return switch (column) {
            case "wave_no" -> row.waveNo();
            case "pick_seq" -> Integer.toString(row.pickSeq());
            case "fulfilment_no" -> row.fulfilmentNo();
            case "sku_code" -> row.skuCode();
            case "picked_qty" -> Integer.toString(row.pickedQty());
            case "picker" -> row.picker();
            default -> row.pickedAt().toString();
        };
    }

    @Override
    public Map<String, Long> outcome(List<Long> jobExecutionIds) {
        long[] counts = store.confirmedBy(jobExecutionIds);
        Map<String, Long> outcome = new LinkedHashMap<>();
        outcome.put("applied", counts[0]);
        outcome.put("short picks", counts[1]);
        return outcome;
    }
}
