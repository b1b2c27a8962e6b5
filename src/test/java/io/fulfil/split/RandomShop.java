package io.fulfil.split;

import io.fulfil.reference.BackorderPolicy;
import io.fulfil.reference.Merchant;
import io.fulfil.reference.ReferenceData;
import io.fulfil.reference.TemperatureZone;
import io.fulfil.reference.Warehouse;
import io.fulfil.split.Catalog.Sku;
import io.fulfil.stock.StockKey;
import io.fulfil.stock.StockLevel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A whole shop made up from a seed: warehouses across China (some closed, each with its own zones,
 * some sharing a city), merchants (some {@code WAIT_FOR_ALL}), SKUs, thin stock, and paid orders in
 * serving order, most consistent and a few not. The same seed always makes the same shop.
 */
final class RandomShop {

    static final double CHINA_SOUTH = 20;
    static final double CHINA_NORTH = 45;
    static final double CHINA_WEST = 100;
    static final double CHINA_EAST = 125;

    final List<Warehouse> warehouses = new ArrayList<>();
    final List<Merchant> merchants = new ArrayList<>();
    final Map<String, Sku> skus = new LinkedHashMap<>();
    final Map<StockKey, StockLevel> stock = new LinkedHashMap<>();
    final List<GeneratedOrder> orders = new ArrayList<>();
    private final SplittableRandom random;
    private final Profile profile;

    /**
     * What kind of shop: {@code MIXED} has shelves from a few units to pallets and prices from cents to
     * hundreds of yuan; {@code PENNIES_ON_THIN_SHELVES} keeps a few units per shelf, so lines are split
     * over several warehouses and a backorder, and sells for cents with discounts close to the goods,
     * so the cents left over by largest remainder (and its Alabama paradox) come up all the time.
     */
    enum Profile {
        MIXED, PENNIES_ON_THIN_SHELVES
    }

    /** An order and whether the generator broke it on purpose (and how). */
    record GeneratedOrder(PaidOrder order, String brokenOnPurpose) {
    }

    private RandomShop(SplittableRandom random, Profile profile) {
        this.random = random;
        this.profile = profile;
    }

    static RandomShop generate(long seed, Profile profile, int warehouseCount, int skuCount, int orderCount) {
        RandomShop shop = new RandomShop(new SplittableRandom(seed), profile);
        shop.addWarehouses(warehouseCount);
        shop.addMerchants(5);
        shop.addSkus(skuCount);
        shop.addStock();
        for (int i = 0; i < orderCount; i++) {
            shop.orders.add(shop.nextOrder(String.format("O%05d", i)));
        }
        return shop;
    }

    ReferenceData reference() {
        return new ReferenceData(merchants, warehouses);
    }

    BackorderPolicy policyOf(String merchantCode) {
        return merchants.stream().filter(m -> m.code().equals(merchantCode)).findFirst().orElseThrow()
                .backorderPolicy();
    }

    /** Deliveries since the first run: more of some rows, and some rows that were not there before. */
    Map<StockKey, StockLevel> restocked(Map<StockKey, StockLevel> levels) {
        Map<StockKey, StockLevel> after = new LinkedHashMap<>();
        int chance = profile == Profile.PENNIES_ON_THIN_SHELVES ? 10 : 8;
        levels.forEach((key, level) -> after.put(key, random.nextInt(10) < chance
                ? new StockLevel(level.onHand() + delivery(), level.allocated()) : level));
        for (int i = 0; i < skus.size(); i++) {
            Warehouse w = warehouses.get(random.nextInt(warehouses.size()));
            Sku sku = pick(new ArrayList<>(skus.values()));
            after.putIfAbsent(new StockKey(w.code(), sku.code()), new StockLevel(delivery(), 0));
        }
        return after;
    }

    /** Mostly a few units, sometimes a pallet: thin rows make the planner spread groups over warehouses. */
    private int delivery() {
        if (profile == Profile.PENNIES_ON_THIN_SHELVES) {
            return 1 + random.nextInt(4);
        }
        return random.nextInt(10) < 6 ? 1 + random.nextInt(5) : 20 + random.nextInt(100);
    }

    private void addWarehouses(int count) {
        for (int i = 0; i < count; i++) {
            double lat;
            double lon;
            if (i > 0 && random.nextInt(6) == 0) { // same city as another: equal distances, priority decides
                Warehouse twin = warehouses.get(random.nextInt(warehouses.size()));
                lat = twin.latitude();
                lon = twin.longitude();
            } else {
                lat = CHINA_SOUTH + random.nextDouble() * (CHINA_NORTH - CHINA_SOUTH);
                lon = CHINA_WEST + random.nextDouble() * (CHINA_EAST - CHINA_WEST);
            }
            EnumSet<TemperatureZone> zones = EnumSet.noneOf(TemperatureZone.class);
            for (TemperatureZone z : TemperatureZone.values()) {
                if (random.nextInt(10) < 6) {
                    zones.add(z);
                }
            }
            boolean active = random.nextInt(10) < 8;
            warehouses.add(new Warehouse(String.format("W%02d", i), "warehouse " + i, "province", "city", lat, lon,
                    1 + random.nextInt(4), zones, active));
        }
    }

    private void addMerchants(int count) {
        // M0 always ships complete groups only and M1 always ships what it has; the rest are drawn
        for (int i = 0; i < count; i++) {
            boolean waitForAll = i == 0 || (i > 1 && random.nextInt(10) < 3);
            merchants.add(new Merchant("M" + i, "merchant " + i,
                    waitForAll ? BackorderPolicy.WAIT_FOR_ALL : BackorderPolicy.SHIP_AVAILABLE));
        }
    }

    private void addSkus(int count) {
        TemperatureZone[] zones = TemperatureZone.values();
        for (int i = 0; i < count; i++) {
            String code = String.format("S%03d", i);
            skus.put(code, new Sku(code, pick(merchants).code(), zones[random.nextInt(zones.length)]));
        }
    }

    private void addStock() {
        for (Warehouse w : warehouses) {
            for (Sku sku : skus.values()) {
                if (random.nextInt(100) < (profile == Profile.PENNIES_ON_THIN_SHELVES ? 90 : 60)) {
                    int onHand = profile == Profile.PENNIES_ON_THIN_SHELVES ? random.nextInt(5)
                            : random.nextInt(10) < 7 ? random.nextInt(13) : 20 + random.nextInt(40);
                    int allocated = random.nextInt(10) == 0 ? onHand + 2 : random.nextInt(onHand + 1);
                    stock.put(new StockKey(w.code(), sku.code()), new StockLevel(onHand, allocated));
                }
            }
        }
    }

    private GeneratedOrder nextOrder(String orderNo) {
        ShipPoint shipTo = random.nextInt(10) == 0 ? new ShipPoint(null, null)
                : new ShipPoint(CHINA_SOUTH + random.nextDouble() * (CHINA_NORTH - CHINA_SOUTH),
                CHINA_WEST + random.nextDouble() * (CHINA_EAST - CHINA_WEST));
        int lineCount = 1 + random.nextInt(profile == Profile.PENNIES_ON_THIN_SHELVES ? 2 : 5);
        List<PaidOrder.Line> lines = new ArrayList<>();
        List<Sku> all = new ArrayList<>(skus.values());
        for (int n = 1; n <= lineCount; n++) {
            Sku sku = random.nextInt(200) == 0 ? Catalog.UNKNOWN : pick(all);
            int quantity = 1 + random.nextInt(random.nextInt(10) == 0 ? 15 : 3);
            long unitPrice = switch (random.nextInt(10)) {
                case 0 -> 0; // a free gift
                case 1 -> 1 + random.nextInt(3); // pennies: cents left over everywhere
                default -> 1 + random.nextInt(random.nextBoolean() ? 100 : 20_000);
            };
            long lineDiscount = random.nextInt(5) == 0 ? random.nextLong(quantity * unitPrice + 1) : 0;
            if (profile == Profile.PENNIES_ON_THIN_SHELVES && random.nextInt(3) > 0) {
                quantity = 2 + random.nextInt(5);
                unitPrice = random.nextInt(4);
                lineDiscount = random.nextLong(quantity * unitPrice + 1);
            } else if (random.nextInt(20) == 0) { // fewer cents of goods than units: where the Alabama paradox lives
                quantity = 4 + random.nextInt(12);
                unitPrice = 1;
                lineDiscount = quantity - 1 - random.nextInt(3);
            }
            lines.add(new PaidOrder.Line(n, sku.code(), quantity, unitPrice, lineDiscount, sku.merchantCode(),
                    sku.zone()));
        }
        long goods = lines.stream().mapToLong(PaidOrder.Line::goodsAmount).sum();
        long discount = switch (random.nextInt(profile == Profile.PENNIES_ON_THIN_SHELVES ? 5 : 10)) {
            case 0 -> 0;
            case 1, 2 -> random.nextLong(goods + 1);
            case 3 -> goods;
            case 4 -> Math.max(0, goods - random.nextInt(3)); // a few cents short of everything
            default -> random.nextLong(goods + 1);
        };
        long shipping = random.nextBoolean() ? 0 : random.nextInt(random.nextBoolean() ? 5 : 3000);
        long paid = goods - discount + shipping;
        boolean paidAtKnown = true;
        String broken = null;
        if (random.nextInt(100) < 3) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    goods += 1;
                    broken = "goods_amount one cent more than the lines";
                }
                case 1 -> {
                    paid -= 1;
                    broken = "paid_amount one cent short";
                }
                case 2 -> {
                    discount = goods + 1;
                    shipping += 1;
                    paid = goods - discount + shipping;
                    broken = "discount above goods, paid still adds up";
                }
                case 3 -> {
                    lines.clear();
                    goods = 0;
                    discount = 0;
                    paid = shipping;
                    broken = "no lines";
                }
                default -> {
                    paidAtKnown = false;
                    broken = "paid_at missing";
                }
            }
        }
        return new GeneratedOrder(new PaidOrder(orderNo, shipTo, goods, discount, shipping, paid, paidAtKnown,
                List.copyOf(lines)), broken);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
