#!/usr/bin/env python3
"""Generate the demo data set in sample-data/ (deterministic, stdlib only).

    python3 scripts/make-sample-data.py            # (re)write sample-data/ and verify it
    python3 scripts/make-sample-data.py --check    # only verify the files already there

Writes merchants.csv, warehouses.csv, skus.csv, stock.csv, orders.csv, order_lines.csv,
the small broken file sets under sample-data/bad/, a restock file under sample-data/restock/
and sample-data/README.md (which documents every column and names the orders and SKUs that
demonstrate each splitting rule). The column names, vocabularies and invariants are those of
/work/shared/CONTRACT.md sections 1, 3 and 4.

Money is handled as integer cents throughout so that every amount is exact; the fixed seed
makes every run produce byte-identical files (nothing iterates over a set or a hash order).
"""

import csv
import math
import os
import random
import re
import sys
from datetime import datetime, timedelta, timezone

SEED = 20261121
ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
OUT = os.path.join(ROOT, "sample-data")
TZ = timezone(timedelta(hours=8))
ZONES = ["AMBIENT", "CHILLED", "FROZEN"]
N_ORDERS = 5000
N_SKUS = 300

HEADERS = {
    "merchants.csv": ["merchant_code", "name", "backorder_policy"],
    "warehouses.csv": ["warehouse_code", "name", "province", "city", "latitude", "longitude",
                       "priority", "temperature_zones", "active"],
    "skus.csv": ["sku_code", "merchant_code", "name", "temperature_zone", "weight_grams"],
    "stock.csv": ["warehouse_code", "sku_code", "on_hand", "location_code"],
    "orders.csv": ["order_no", "customer_id", "status", "priority", "paid_at", "ship_name",
                   "ship_phone", "ship_province", "ship_city", "ship_address", "ship_latitude",
                   "ship_longitude", "goods_amount", "discount_amount", "shipping_fee",
                   "paid_amount"],
    "order_lines.csv": ["order_no", "line_no", "sku_code", "quantity", "unit_price",
                        "line_discount"],
}

# ---------------------------------------------------------------------------------------------
# Reference data
# ---------------------------------------------------------------------------------------------

MERCHANTS = [
    ("M001", "鲜果坊", "SHIP_AVAILABLE"),
    ("M002", "优选粮油百货", "SHIP_AVAILABLE"),
    ("M003", "数码港", "WAIT_FOR_ALL"),
    ("M004", "冻品汇", "SHIP_AVAILABLE"),
]

# code, name, province, city, lat, lon, priority, zones, active
WAREHOUSES = [
    ("SH-QP", "上海青浦中心仓", "上海", "上海", 31.150500, 121.124000, 1, ["AMBIENT", "CHILLED", "FROZEN"], True),
    ("GZ-BY", "广州白云仓", "广东", "广州", 23.250000, 113.273000, 2, ["AMBIENT", "CHILLED"], True),
    ("BJ-DX", "北京大兴仓", "北京", "北京", 39.726900, 116.341000, 2, ["AMBIENT", "FROZEN"], True),
    ("WH-DX", "武汉东西湖仓", "湖北", "武汉", 30.619000, 114.138000, 3, ["AMBIENT"], True),
    ("CD-SL", "成都双流仓", "四川", "成都", 30.575000, 103.923000, 4, ["AMBIENT"], True),
    ("HZ-XS", "杭州萧山仓", "浙江", "杭州", 30.183000, 120.264000, 1, ["AMBIENT", "CHILLED"], False),
]
WH = {w[0]: w for w in WAREHOUSES}
ACTIVE_FOR_ZONE = {z: [w[0] for w in WAREHOUSES if w[8] and z in w[7]] for z in ZONES}


def P(merchant, zone, brands, product, specs):
    """A catalogue entry: one product in several brands and pack sizes (grams, list price CNY)."""
    return (merchant, zone, brands, product, specs)


CATALOG = [
    # --- M001 鲜果坊: fruit and eggs (ambient), dairy/fresh meat (chilled), a few frozen fruits
    P("M001", "AMBIENT", ["烟台红富士", "阿克苏冰糖心", "洛川"], "苹果", [("2.5kg", 2600, 39.9), ("5kg", 5200, 69.9)]),
    P("M001", "AMBIENT", ["赣南", "秭归", "奉节"], "脐橙", [("2.5kg", 2600, 35.9), ("5kg", 5200, 59.9)]),
    P("M001", "AMBIENT", ["海南", "云南"], "香蕉", [("3kg", 3100, 29.9)]),
    P("M001", "AMBIENT", ["眉县徐香", "蒲江红心", "佳沛金果"], "猕猴桃", [("12粒装", 1300, 59.9)]),
    P("M001", "AMBIENT", ["海南贵妃", "攀枝花凯特", "广西桂七"], "芒果", [("2.5kg", 2600, 45.9)]),
    P("M001", "AMBIENT", ["广西", "四会"], "砂糖橘", [("2.5kg", 2600, 29.9)]),
    P("M001", "AMBIENT", ["库尔勒"], "香梨", [("3kg", 3100, 49.9), ("5kg", 5200, 75.9)]),
    P("M001", "AMBIENT", ["广西", "福建"], "百香果", [("2kg", 2100, 32.9)]),
    P("M001", "AMBIENT", ["德青源", "黄天鹅", "圣迪乐村"], "鲜鸡蛋", [("30枚", 1800, 36.9), ("10枚", 600, 14.9)]),
    P("M001", "AMBIENT", ["海南"], "椰青", [("9个装", 9500, 79.9)]),
    P("M001", "AMBIENT", ["越南红心", "海南"], "火龙果", [("2.5kg", 2600, 39.9)]),
    P("M001", "AMBIENT", ["新疆"], "哈密瓜", [("2个装", 4000, 49.9)]),
    P("M001", "AMBIENT", ["阳光玫瑰", "巨峰"], "葡萄", [("1kg", 1100, 39.9)]),
    P("M001", "CHILLED", ["光明优倍", "每日鲜语", "三元", "君乐宝悦鲜活"], "鲜牛奶", [("950ml", 1000, 16.9), ("1.5L", 1560, 23.9)]),
    P("M001", "CHILLED", ["简爱", "光明如实", "卡士", "乐纯"], "原味酸奶", [("1kg", 1050, 29.9), ("100g×8杯", 850, 25.9)]),
    P("M001", "CHILLED", ["丹东99", "红颜", "章姬"], "草莓", [("500g", 600, 39.9), ("1kg", 1100, 69.9)]),
    P("M001", "CHILLED", ["云南", "智利"], "蓝莓", [("125g×4盒", 600, 49.9)]),
    P("M001", "CHILLED", ["挪威", "智利"], "冰鲜三文鱼中段", [("300g", 350, 89.9)]),
    P("M001", "CHILLED", ["圣农", "凤祥"], "冷鲜鸡胸肉", [("1kg", 1050, 29.9)]),
    P("M001", "CHILLED", ["壹号土猪", "双汇"], "冷鲜猪里脊", [("500g", 550, 32.9)]),
    P("M001", "CHILLED", [""], "鲜切蔬菜沙拉", [("250g", 280, 15.9), ("500g", 530, 26.9)]),
    P("M001", "CHILLED", ["祖名", "白玉"], "内酯豆腐", [("400g×4盒", 1700, 13.9)]),
    P("M001", "CHILLED", ["零度果坊", "味全"], "NFC鲜榨橙汁", [("1L", 1050, 19.9)]),
    P("M001", "CHILLED", ["妙可蓝多", "百吉福"], "奶酪棒", [("500g 25支", 520, 49.9)]),
    P("M001", "CHILLED", ["陈克明", "日清"], "冷藏鲜面条", [("1kg", 1050, 15.9)]),
    P("M001", "FROZEN", ["泰国金枕"], "冷冻榴莲果肉", [("1kg", 1100, 119.9)]),
    P("M001", "FROZEN", ["智利"], "冷冻蓝莓", [("1kg", 1050, 39.9)]),
    P("M001", "FROZEN", ["仙居"], "冷冻杨梅", [("1kg", 1100, 49.9)]),
    # --- M002 优选粮油百货: groceries, snacks, drinks, household (all ambient)
    P("M002", "AMBIENT", ["十月稻田", "柴火大院", "金龙鱼", "福临门"], "五常大米", [("5kg", 5050, 69.9)]),
    P("M002", "AMBIENT", ["十月稻田", "柴火大院", "金龙鱼", "福临门"], "东北长粒香大米", [("10kg", 10100, 79.9)]),
    P("M002", "AMBIENT", ["金龙鱼", "福临门"], "泰国香米", [("5kg", 5050, 59.9)]),
    P("M002", "AMBIENT", ["金龙鱼", "鲁花", "福临门"], "花生油", [("5L", 4600, 139.9)]),
    P("M002", "AMBIENT", ["金龙鱼", "多力", "福临门"], "玉米油", [("4L", 3700, 79.9)]),
    P("M002", "AMBIENT", ["金龙鱼", "鲁花"], "芝麻油", [("400ml", 450, 29.9)]),
    P("M002", "AMBIENT", ["金沙河", "香雪", "五得利"], "高筋小麦粉", [("5kg", 5050, 32.9)]),
    P("M002", "AMBIENT", ["金沙河", "陈克明", "中粮"], "挂面", [("1kg", 1020, 9.9)]),
    P("M002", "AMBIENT", ["燕之坊", "十月稻田"], "黄小米", [("2.5kg", 2550, 29.9)]),
    P("M002", "AMBIENT", ["三只松鼠", "良品铺子", "百草味"], "每日坚果", [("750g 30袋", 850, 99.9)]),
    P("M002", "AMBIENT", ["三只松鼠", "良品铺子", "百草味"], "夏威夷果", [("500g", 520, 39.9)]),
    P("M002", "AMBIENT", ["三只松鼠", "良品铺子", "百草味"], "碧根果", [("500g", 520, 42.9)]),
    P("M002", "AMBIENT", ["三只松鼠", "良品铺子", "百草味"], "芒果干", [("500g", 520, 29.9)]),
    P("M002", "AMBIENT", ["三只松鼠", "良品铺子", "百草味"], "风干牛肉干", [("200g", 220, 39.9)]),
    P("M002", "AMBIENT", ["洽洽"], "香瓜子", [("500g×2袋", 1050, 25.9)]),
    P("M002", "AMBIENT", ["卫龙"], "大面筋辣条", [("106g×10包", 1100, 29.9)]),
    P("M002", "AMBIENT", ["旺旺"], "雪饼", [("520g", 560, 25.9)]),
    P("M002", "AMBIENT", ["奥利奥"], "夹心饼干", [("家庭装 600g", 620, 32.9)]),
    P("M002", "AMBIENT", ["德芙", "费列罗"], "巧克力", [("礼盒 300g", 350, 89.0)]),
    P("M002", "AMBIENT", ["桂格", "西麦"], "燕麦片", [("1kg", 1050, 29.9)]),
    P("M002", "AMBIENT", ["五芳斋", "诸老大"], "粽子礼盒", [("8只装", 1400, 69.9)]),
    P("M002", "AMBIENT", ["稻香村"], "糕点礼盒", [("1kg", 1100, 98.0)]),
    P("M002", "AMBIENT", ["农夫山泉", "怡宝", "百岁山"], "饮用天然水", [("550ml×24瓶", 13500, 29.9)]),
    P("M002", "AMBIENT", ["元气森林"], "白桃气泡水", [("480ml×15瓶", 7500, 59.9)]),
    P("M002", "AMBIENT", ["可口可乐", "百事"], "可乐", [("330ml×24罐", 8500, 49.9)]),
    P("M002", "AMBIENT", ["特仑苏", "金典", "蒙牛"], "纯牛奶", [("250ml×12盒", 3200, 59.9)]),
    P("M002", "AMBIENT", ["安慕希", "纯甄"], "常温酸奶", [("205g×12瓶", 2700, 59.9)]),
    P("M002", "AMBIENT", ["海天", "李锦记", "千禾"], "生抽酱油", [("1.9L", 2100, 19.9)]),
    P("M002", "AMBIENT", ["海天", "李锦记"], "蚝油", [("700g", 800, 12.9)]),
    P("M002", "AMBIENT", ["恒顺", "保宁"], "香醋", [("500ml", 600, 8.9)]),
    P("M002", "AMBIENT", ["王守义"], "十三香", [("45g×4袋", 200, 12.9)]),
    P("M002", "AMBIENT", ["康师傅", "统一", "白象"], "红烧牛肉面", [("5连包", 600, 14.9)]),
    P("M002", "AMBIENT", ["雀巢"], "速溶咖啡", [("1+2原味 90条", 1350, 99.0)]),
    P("M002", "AMBIENT", ["三顿半"], "精品速溶咖啡", [("24颗", 300, 129.0)]),
    P("M002", "AMBIENT", ["立顿"], "红茶包", [("100包", 220, 39.9)]),
    P("M002", "AMBIENT", ["西湖牌"], "明前龙井茶", [("250g", 300, 168.0)]),
    P("M002", "AMBIENT", ["维达", "清风", "心相印"], "抽纸 3层100抽", [("24包", 2600, 49.9)]),
    P("M002", "AMBIENT", ["维达", "清风", "心相印"], "卷纸", [("4层27卷", 3000, 59.9)]),
    P("M002", "AMBIENT", ["维达", "洁柔"], "湿巾", [("80抽×3包", 900, 19.9)]),
    P("M002", "AMBIENT", ["心相印", "维达"], "厨房用纸", [("4卷", 800, 19.9)]),
    P("M002", "AMBIENT", ["蓝月亮", "立白", "奥妙"], "洗衣液", [("3kg", 3100, 49.9)]),
    P("M002", "AMBIENT", ["立白", "白猫"], "洗洁精", [("1.5kg", 1550, 14.9)]),
    P("M002", "AMBIENT", ["滴露", "威露士"], "消毒液", [("1.2L", 1300, 39.9)]),
    P("M002", "AMBIENT", ["舒肤佳", "六神"], "沐浴露", [("1L", 1080, 39.9)]),
    P("M002", "AMBIENT", ["海飞丝", "清扬", "潘婷"], "洗发水", [("750ml", 820, 69.9)]),
    P("M002", "AMBIENT", ["高露洁", "云南白药", "舒适达"], "牙膏", [("120g×3支", 400, 39.9)]),
    P("M002", "AMBIENT", ["帮宝适", "好奇"], "纸尿裤", [("L码 62片", 1800, 129.0)]),
    P("M002", "AMBIENT", ["护舒宝", "苏菲"], "卫生巾", [("日用240mm 40片", 600, 39.9)]),
    P("M002", "AMBIENT", ["洁丽雅", "金号"], "纯棉毛巾", [("3条装", 400, 39.9)]),
    P("M002", "AMBIENT", ["富安娜", "水星家纺"], "纯棉四件套", [("1.8m床", 2500, 299.0)]),
    P("M002", "AMBIENT", ["茶花", "禧天龙"], "收纳箱", [("60L", 2000, 59.9)]),
    P("M002", "AMBIENT", ["乐扣乐扣", "膳魔师"], "保温杯", [("500ml", 350, 129.0)]),
    P("M002", "AMBIENT", ["苏泊尔", "九阳"], "不粘炒锅", [("32cm", 1800, 199.0)]),
    P("M002", "AMBIENT", ["得力", "晨光"], "中性笔", [("0.5mm 12支", 150, 19.9)]),
    # --- M003 数码港: electronics (ambient); backorder policy WAIT_FOR_ALL
    P("M003", "AMBIENT", ["华为", "小米", "漫步者", "倍思", "绿联"], "蓝牙耳机", [("真无线降噪版", 60, 299.0), ("真无线标准版", 55, 149.0)]),
    P("M003", "AMBIENT", ["小米", "倍思", "绿联", "安克"], "充电宝", [("20000mAh 22.5W", 430, 129.0)]),
    P("M003", "AMBIENT", ["绿联", "倍思", "安克"], "Type-C数据线", [("1m", 40, 19.9), ("2m", 60, 29.9)]),
    P("M003", "AMBIENT", ["绿联", "倍思", "安克", "小米"], "氮化镓充电器", [("65W", 150, 99.0)]),
    P("M003", "AMBIENT", ["罗技", "雷蛇", "小米"], "无线鼠标", [("静音版", 90, 89.0)]),
    P("M003", "AMBIENT", ["罗技", "达尔优", "樱桃"], "机械键盘", [("87键 红轴", 900, 349.0)]),
    P("M003", "AMBIENT", ["西部数据", "希捷", "东芝"], "移动硬盘", [("1TB", 220, 369.0), ("2TB", 230, 499.0)]),
    P("M003", "AMBIENT", ["闪迪", "金士顿", "三星"], "U盘", [("64GB", 20, 39.9), ("128GB", 20, 69.9)]),
    P("M003", "AMBIENT", ["小米", "华为"], "智能手环", [("标准版", 50, 249.0)]),
    P("M003", "AMBIENT", ["小米", "华为", "联想"], "平板电脑", [("11英寸 8+256GB", 600, 1999.0)]),
    P("M003", "AMBIENT", ["小米", "天猫精灵", "小度"], "智能音箱", [("标准版", 800, 199.0)]),
    P("M003", "AMBIENT", ["小米", "华为", "TP-LINK"], "无线路由器", [("WiFi6 AX3000", 500, 299.0)]),
    P("M003", "AMBIENT", ["三星", "闪迪"], "存储卡", [("microSD 128GB", 5, 79.0)]),
    P("M003", "AMBIENT", ["小米", "飞利浦"], "电动牙刷", [("声波款", 300, 199.0)]),
    # --- M004 冻品汇: frozen food, a little chilled deli
    P("M004", "FROZEN", ["思念", "三全", "湾仔码头", "必品阁"], "猪肉白菜水饺", [("1kg", 1050, 23.9), ("500g", 520, 13.9)]),
    P("M004", "FROZEN", ["思念", "三全", "湾仔码头"], "三鲜水饺", [("1kg", 1050, 26.9)]),
    P("M004", "FROZEN", ["思念", "三全", "湾仔码头"], "黑芝麻汤圆", [("500g", 520, 12.9)]),
    P("M004", "FROZEN", ["湾仔码头", "必品阁"], "鲜肉大馄饨", [("480g", 500, 22.9)]),
    P("M004", "FROZEN", ["科尔沁", "恒都", "澳洲安格斯"], "冷冻原切牛排", [("1kg", 1050, 139.9)]),
    P("M004", "FROZEN", ["八喜", "和路雪", "钟薛高", "哈根达斯"], "冰淇淋", [("香草味 550g", 600, 39.9), ("多口味组合 6支装", 500, 45.9)]),
    P("M004", "FROZEN", ["国联", "獐子岛"], "冷冻虾仁", [("500g", 520, 59.9)]),
    P("M004", "FROZEN", ["圣农", "正大"], "冷冻鸡翅中", [("1kg", 1050, 49.9)]),
    P("M004", "FROZEN", ["粮全其美", "思念"], "原味手抓饼", [("20片装", 1800, 29.9)]),
    P("M004", "FROZEN", ["安井", "海欣"], "火锅丸子组合", [("1kg", 1050, 32.9)]),
    P("M004", "FROZEN", ["舟山"], "冷冻带鱼段", [("1kg", 1050, 45.9)]),
    P("M004", "FROZEN", ["盱眙"], "麻辣小龙虾", [("750g", 800, 49.9)]),
    P("M004", "FROZEN", ["安井", "思念"], "速冻小笼包", [("600g", 620, 19.9)]),
    P("M004", "FROZEN", ["科尔沁"], "火锅肥牛卷", [("500g", 520, 39.9)]),
    P("M004", "CHILLED", ["双汇", "雨润"], "低温火腿片", [("200g", 220, 15.9)]),
    P("M004", "CHILLED", ["得利斯", "金锣"], "冷藏鲜肉肠", [("400g", 420, 19.9)]),
]

# Free gifts (always sold at 0.00); one per merchant that runs a gift promotion.
GIFTS = [
    ("M001", "鲜果坊保鲜冰袋（赠品）", 120),
    ("M002", "环保帆布购物袋（赠品）", 150),
    ("M003", "数码收纳包（赠品）", 110),
]

# province, city, lat, lon, weight, districts
CITIES = [
    ("北京", "北京", 39.9042, 116.4074, 9, ["朝阳区", "海淀区", "丰台区", "东城区", "西城区", "通州区"]),
    ("上海", "上海", 31.2304, 121.4737, 10, ["浦东新区", "徐汇区", "闵行区", "静安区", "杨浦区", "宝山区"]),
    ("天津", "天津", 39.0842, 117.2009, 3, ["和平区", "南开区", "河西区", "滨海新区"]),
    ("重庆", "重庆", 29.5630, 106.5516, 4, ["渝中区", "江北区", "南岸区", "渝北区"]),
    ("广东", "广州", 23.1291, 113.2644, 7, ["天河区", "越秀区", "海珠区", "番禺区", "白云区"]),
    ("广东", "深圳", 22.5431, 114.0579, 7, ["南山区", "福田区", "宝安区", "龙岗区", "罗湖区"]),
    ("广东", "东莞", 23.0207, 113.7518, 2, ["南城街道", "东城街道", "松山湖"]),
    ("广东", "佛山", 23.0215, 113.1214, 2, ["禅城区", "南海区", "顺德区"]),
    ("浙江", "杭州", 30.2741, 120.1551, 6, ["西湖区", "拱墅区", "滨江区", "余杭区", "萧山区"]),
    ("浙江", "宁波", 29.8683, 121.5440, 2, ["海曙区", "鄞州区", "江北区"]),
    ("浙江", "温州", 27.9943, 120.6994, 2, ["鹿城区", "瓯海区", "龙湾区"]),
    ("江苏", "南京", 32.0603, 118.7969, 4, ["玄武区", "鼓楼区", "建邺区", "江宁区"]),
    ("江苏", "苏州", 31.2990, 120.5853, 4, ["姑苏区", "工业园区", "吴中区", "相城区"]),
    ("江苏", "无锡", 31.4912, 120.3119, 2, ["梁溪区", "滨湖区", "新吴区"]),
    ("四川", "成都", 30.5728, 104.0668, 5, ["武侯区", "锦江区", "青羊区", "高新区", "成华区"]),
    ("四川", "绵阳", 31.4675, 104.6796, 1, ["涪城区", "游仙区"]),
    ("湖北", "武汉", 30.5928, 114.3055, 4, ["江汉区", "武昌区", "洪山区", "汉阳区", "江岸区"]),
    ("湖南", "长沙", 28.2282, 112.9388, 3, ["岳麓区", "芙蓉区", "天心区", "开福区"]),
    ("河南", "郑州", 34.7466, 113.6254, 3, ["金水区", "二七区", "中原区", "郑东新区"]),
    ("河北", "石家庄", 38.0428, 114.5149, 2, ["长安区", "桥西区", "裕华区"]),
    ("山东", "济南", 36.6512, 117.1201, 2, ["历下区", "市中区", "槐荫区"]),
    ("山东", "青岛", 36.0671, 120.3826, 3, ["市南区", "市北区", "崂山区", "黄岛区"]),
    ("福建", "福州", 26.0745, 119.2965, 2, ["鼓楼区", "台江区", "仓山区"]),
    ("福建", "厦门", 24.4798, 118.0894, 2, ["思明区", "湖里区", "集美区"]),
    ("安徽", "合肥", 31.8206, 117.2272, 2, ["蜀山区", "包河区", "庐阳区"]),
    ("江西", "南昌", 28.6820, 115.8579, 2, ["东湖区", "西湖区", "红谷滩区"]),
    ("陕西", "西安", 34.3416, 108.9398, 3, ["雁塔区", "碑林区", "未央区", "长安区"]),
    ("辽宁", "沈阳", 41.8057, 123.4315, 2, ["和平区", "沈河区", "浑南区"]),
    ("辽宁", "大连", 38.9140, 121.6147, 2, ["中山区", "沙河口区", "甘井子区"]),
    ("吉林", "长春", 43.8171, 125.3235, 1, ["朝阳区", "南关区", "宽城区"]),
    ("黑龙江", "哈尔滨", 45.8038, 126.5349, 1, ["南岗区", "道里区", "香坊区"]),
    ("云南", "昆明", 25.0389, 102.7183, 2, ["五华区", "盘龙区", "官渡区"]),
    ("贵州", "贵阳", 26.6470, 106.6302, 1, ["云岩区", "南明区", "观山湖区"]),
    ("广西", "南宁", 22.8170, 108.3665, 1, ["青秀区", "兴宁区", "西乡塘区"]),
    ("海南", "海口", 20.0440, 110.1999, 1, ["龙华区", "美兰区"]),
    ("山西", "太原", 37.8706, 112.5489, 1, ["小店区", "迎泽区"]),
    ("内蒙古", "呼和浩特", 40.8426, 111.7492, 1, ["新城区", "赛罕区"]),
    ("甘肃", "兰州", 36.0611, 103.8343, 1, ["城关区", "七里河区"]),
    ("新疆", "乌鲁木齐", 43.8256, 87.6168, 1, ["天山区", "沙依巴克区"]),
    ("宁夏", "银川", 38.4872, 106.2309, 1, ["兴庆区", "金凤区"]),
    ("青海", "西宁", 36.6171, 101.7782, 1, ["城中区", "城西区"]),
    ("西藏", "拉萨", 29.6520, 91.1721, 1, ["城关区"]),
]
CITY = {c[1]: c for c in CITIES}

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢") + ["欧阳", "司马", "诸葛"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建文斌宇浩凯晨欣怡子涵雨轩梓萱思睿博雅琪晓东海燕俊峰")
STREETS = ["人民路", "中山路", "解放路", "建设路", "和平路", "长江路", "新华路", "文化路", "光明路", "滨江大道",
           "科技园路", "学府路", "幸福路", "青年路", "黄河路", "友谊路", "朝阳路", "东风路", "迎宾大道", "世纪大道"]
COMMUNITIES = ["阳光花园", "锦绣家园", "翠湖小区", "万科城", "碧桂园", "金地名都", "保利花园", "绿城桂花园",
               "龙湖春江郦城", "世纪新城", "华润橡树湾", "融创壹号院", "中海国际社区", "幸福里", "书香门第"]
TOWERS = ["国际金融中心", "环球贸易广场", "科技大厦", "创业大厦", "万达广场写字楼", "中心大厦"]
PHONE_PREFIX = ["138", "139", "137", "136", "135", "150", "151", "152", "158", "159", "186", "187",
                "188", "189", "177", "133", "180", "181", "199", "130", "131", "132", "155", "156"]


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

def money(cents):
    assert isinstance(cents, int) and cents >= 0, cents
    return "%d.%02d" % (cents // 100, cents % 100)


def iso(dt):
    return dt.isoformat() if dt else ""


def haversine_km(lat1, lon1, lat2, lon2):
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def wh_km(code, lat, lon):
    w = WH[code]
    return haversine_km(lat, lon, w[4], w[5])


def largest_remainder(total, weights):
    """Split total cents over weights by largest remainder, ties to the lower index (CONTRACT §3.7)."""
    s = sum(weights)
    if s == 0:
        return [0] * len(weights)
    base = [total * w // s for w in weights]
    rema = [total * w % s for w in weights]
    left = total - sum(base)
    order = sorted(range(len(weights)), key=lambda i: (-rema[i], i))
    for i in order[:left]:
        base[i] += 1
    return base


def write_csv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)


def read_csv(path):
    with open(path, "rb") as f:
        raw = f.read()
    assert raw.startswith(b"\xef\xbb\xbf"), path + ": no UTF-8 BOM"
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


# ---------------------------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------------------------

class Gen:
    def __init__(self):
        self.rng = random.Random(SEED)

    # --- SKUs ------------------------------------------------------------------------------
    def make_skus(self):
        rng = self.rng
        combos = {z: [] for z in ZONES}
        for merchant, zone, brands, product, specs in CATALOG:
            for brand in brands:
                for spec, grams, price in specs:
                    name = ("%s%s %s" % (brand, product, spec)).strip()
                    combos[zone].append((merchant, zone, name, grams, price))
        n_ambient = N_SKUS - len(GIFTS) - len(combos["CHILLED"]) - len(combos["FROZEN"])
        assert len(combos["AMBIENT"]) >= n_ambient, (len(combos["AMBIENT"]), n_ambient)
        keep = set(rng.sample(range(len(combos["AMBIENT"])), n_ambient))
        chosen = [c for i, c in enumerate(combos["AMBIENT"]) if i in keep]
        chosen += combos["CHILLED"] + combos["FROZEN"]
        # group by merchant, catalogue order inside a merchant: SKU codes read naturally
        chosen.sort(key=lambda c: c[0])
        self.skus = []
        for merchant, zone, name, grams, price in chosen:
            p = price * rng.uniform(0.88, 1.15)
            if p >= 150:
                cents = int(round(p / 10.0)) * 1000 - 100      # 299.00, 1999.00 ...
            elif p >= 20:
                cents = int(p) * 100 + 90                      # 39.90
            else:
                cents = int(round(p * 10)) * 10                # 12.80
            self.skus.append(dict(merchant=merchant, zone=zone, name=name,
                                  grams=max(5, int(grams * rng.uniform(0.97, 1.05))),
                                  price=cents, gift=False))
        for merchant, name, grams in GIFTS:
            self.skus.append(dict(merchant=merchant, zone="AMBIENT", name=name, grams=grams,
                                  price=0, gift=True))
        assert len(self.skus) == N_SKUS
        for i, s in enumerate(self.skus, 1):
            s["code"] = "SKU%05d" % i
            s["role"] = "gift" if s["gift"] else "normal"
        self.sku = {s["code"]: s for s in self.skus}

    def pick_sku(self, pred, role):
        cands = [s for s in self.skus if s["role"] == "normal" and not s["gift"] and pred(s)]
        s = self.rng.choice(cands)
        s["role"] = role
        return s["code"]

    def assign_roles(self):
        m = lambda code, zone, word=None: (lambda s: s["merchant"] == code and s["zone"] == zone
                                           and (word is None or word in s["name"]))
        pk = self.pick_sku
        d = self.demo = {}
        # dedicated demo SKUs (ordered only by the showcase orders)
        d["express"] = pk(m("M002", "AMBIENT", "坚果"), "demo")
        d["tie"] = pk(m("M002", "AMBIENT", "巧克力"), "demo")
        d["zone_a"] = pk(m("M001", "AMBIENT", "苹果"), "demo")
        d["zone_c"] = pk(m("M001", "CHILLED", "鲜牛奶"), "demo")
        d["zone_f"] = pk(m("M001", "FROZEN"), "demo")
        d["m4_f"] = pk(m("M004", "FROZEN", "水饺"), "demo")
        d["fewest_p"] = pk(m("M002", "AMBIENT", "大米"), "demo")
        d["fewest_q"] = pk(m("M002", "AMBIENT", "油"), "demo")
        d["split"] = pk(m("M002", "AMBIENT", "洗衣液"), "demo")
        d["wait_1"] = pk(m("M003", "AMBIENT", "耳机"), "demo")
        d["wait_2"] = pk(m("M003", "AMBIENT", "充电"), "demo")
        d["noship"] = pk(m("M002", "AMBIENT", "纸"), "demo")
        d["inactive_k"] = pk(m("M002", "AMBIENT", "牙膏"), "demo")
        d["inactive_l"] = pk(m("M002", "AMBIENT", "沐浴露"), "demo")
        d["far"] = pk(m("M002", "AMBIENT", "茶"), "demo")
        for i in range(1, 5):
            d["e%d" % i] = pk(m("M002", "AMBIENT"), "demo")
        # flash sale SKUs: scarce, ordered only in the 20:00:00 flash sale
        self.flash = [pk(m("M003", "AMBIENT", "手环"), "flash"),
                      pk(m("M002", "AMBIENT", "每日坚果"), "flash")]
        # scarce SKUs ordered often by the random orders
        self.scarce = []
        for pred in [m("M003", "AMBIENT", "耳机"), m("M003", "AMBIENT", "平板"), m("M003", "AMBIENT"),
                     m("M001", "CHILLED", "草莓"), m("M001", "CHILLED", "三文鱼"), m("M001", "CHILLED"),
                     m("M004", "FROZEN", "牛排"), m("M004", "FROZEN", "冰淇淋"), m("M001", "FROZEN"),
                     m("M001", "AMBIENT", "猕猴桃"), m("M001", "AMBIENT", "椰青"),
                     m("M002", "AMBIENT", "五常"), m("M002", "AMBIENT")]:
            self.scarce.append(pk(pred, "scarce"))
        # SKUs that nobody stocks (stocked in no warehouse at all)
        self.nostock = [pk(m("M002", "AMBIENT"), "nostock"), pk(m("M002", "AMBIENT"), "nostock"),
                        pk(m("M003", "AMBIENT"), "nostock"), pk(m("M001", "CHILLED"), "nostock"),
                        pk(m("M004", "FROZEN"), "nostock"), pk(m("M001", "AMBIENT"), "nostock")]
        # SKUs stocked in exactly one far-away warehouse
        self.single = [pk(m(mc, z), "single") for mc, z in
                       [("M002", "AMBIENT"), ("M002", "AMBIENT"), ("M003", "AMBIENT"), ("M001", "AMBIENT"),
                        ("M002", "AMBIENT"), ("M001", "CHILLED"), ("M004", "FROZEN"), ("M004", "FROZEN")]]
        self.single_wh = {}
        for code in self.single:
            z = self.sku[code]["zone"]
            self.single_wh[code] = {"AMBIENT": self.rng.choice(["CD-SL", "BJ-DX", "WH-DX"]),
                                    "CHILLED": "GZ-BY", "FROZEN": "BJ-DX"}[z]
        # SKUs with a little less stock than demand (backorders and multi-warehouse spreads)
        self.tight = [pk(lambda s: True, "tight") for _ in range(12)]
        self.gifts = [s["code"] for s in self.skus if s["gift"]]

    # --- customers -------------------------------------------------------------------------
    def make_address(self, city):
        rng = self.rng
        district = rng.choice(city[5])
        street = rng.choice(STREETS)
        if rng.random() < 0.2:
            return "%s%s%d号%s%d层" % (district, street, rng.randint(1, 999), rng.choice(TOWERS),
                                      rng.randint(2, 45))
        return "%s%s%d号%s%d栋%d单元%d%02d室" % (
            district, street, rng.randint(1, 999), rng.choice(COMMUNITIES), rng.randint(1, 28),
            rng.randint(1, 4), rng.randint(1, 32), rng.randint(1, 6))

    def make_customer(self, city=None):
        rng = self.rng
        if city is None:
            city = rng.choices(CITIES, weights=[c[4] for c in CITIES])[0]
        while True:
            phone = rng.choice(PHONE_PREFIX) + "%08d" % rng.randint(0, 99999999)
            if phone not in self.phones:
                self.phones[phone] = 1
                break
        while True:
            cid = "C%08d" % rng.randint(10000000, 99999999)
            if cid not in self.cids:
                self.cids[cid] = 1
                break
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))
        return dict(id=cid, name=name, phone=phone, province=city[0], city=city[1],
                    address=self.make_address(city),
                    lat=round(city[2] + rng.gauss(0, 0.035), 6), lon=round(city[3] + rng.gauss(0, 0.04), 6))

    def make_customers(self):
        self.phones, self.cids = {}, {}
        self.customers = [self.make_customer() for _ in range(3800)]

    # --- orders ----------------------------------------------------------------------------
    def new_order(self, created, paid, customer, priority="NORMAL", status="PAID"):
        return dict(created=created, paid=paid, cust=customer, priority=priority, status=status,
                    lines=[], discount=0, shipping=0, tags=[], order_no=None)

    @staticmethod
    def add_line(o, sku, qty, unit, ldisc=0):
        assert 0 <= ldisc <= qty * unit
        o["lines"].append(dict(sku=sku, qty=qty, unit=unit, ldisc=ldisc))

    @staticmethod
    def line_goods(l):
        return l["qty"] * l["unit"] - l["ldisc"]

    def finish_money(self, o, goods=None, paid=None):
        o["goods_true"] = sum(self.line_goods(l) for l in o["lines"])
        o["goods"] = o["goods_true"] if goods is None else goods
        assert o["discount"] <= o["goods"]
        o["paid_amount"] = o["goods"] - o["discount"] + o["shipping"] if paid is None else paid

    def demo_orders(self):
        """Hand-made showcase orders, created in the first minutes of 2026-11-20 (lowest order numbers)."""
        d, sku = self.demo, self.sku
        day = datetime(2026, 11, 20, 0, 0, 0, tzinfo=TZ)
        t = lambda mm, ss=0: day + timedelta(minutes=mm, seconds=ss)
        c = lambda city: self.make_customer(CITY[city])
        price = lambda k: sku[d[k]]["price"]
        orders = []

        def mk(key, created, paid, city, priority="NORMAL"):
            o = self.new_order(created, paid, c(city), priority)
            o["demo"] = key
            orders.append(o)
            return o

        o = mk("zone", t(0, 10), t(2), "成都")
        self.add_line(o, d["zone_a"], 1, price("zone_a"))
        self.add_line(o, d["zone_c"], 2, price("zone_c"))
        self.add_line(o, d["zone_f"], 1, price("zone_f"))
        o["shipping"] = 1200
        o = mk("merchants", t(0, 20), t(2, 30), "上海")
        self.add_line(o, d["zone_a"], 1, price("zone_a"))
        self.add_line(o, d["e3"], 2, price("e3"))
        self.add_line(o, d["wait_1"], 1, price("wait_1"))
        self.add_line(o, d["m4_f"], 3, price("m4_f"))
        o = mk("fewest", t(0, 30), t(3), "上海")
        self.add_line(o, d["fewest_p"], 1, price("fewest_p"))
        self.add_line(o, d["fewest_q"], 1, price("fewest_q"))
        o = mk("tie_e", t(0, 40), t(20), "广州")
        self.add_line(o, d["tie"], 1, price("tie"))
        o["shipping"] = 600
        o = mk("express_a", t(0, 50), t(5), "上海")
        self.add_line(o, d["express"], 1, price("express"))
        for k, ss in (("tie_c", 10), ("tie_d", 20), ("tie_f", 30)):
            o = mk(k, t(1, ss), t(10), "深圳")
            self.add_line(o, d["tie"], 1, price("tie"))
            o["shipping"] = 600
        o = mk("split_1", t(2), t(6), "上海")
        self.add_line(o, d["split"], 6, price("split"), 100)
        o["discount"], o["shipping"] = 500, 600
        o = mk("wait_g", t(2, 30), t(7), "上海")
        self.add_line(o, d["wait_1"], 1, price("wait_1"))
        self.add_line(o, d["wait_2"], 1, price("wait_2"))
        self.add_line(o, d["e1"], 1, price("e1"))
        o = mk("wait_h", t(3), t(7, 30), "上海")
        self.add_line(o, d["wait_1"], 1, price("wait_1"))
        self.add_line(o, d["wait_2"], 2, price("wait_2"))
        o = mk("shipavail_i", t(3, 30), t(8), "上海")
        self.add_line(o, d["e2"], 2, price("e2"))
        self.add_line(o, d["noship"], 1, price("noship"))
        o = mk("inactive_j", t(4), t(8, 30), "杭州")
        self.add_line(o, d["inactive_k"], 2, price("inactive_k"))
        o = mk("inactive_only_l", t(4, 30), t(9), "杭州")
        self.add_line(o, d["inactive_l"], 1, price("inactive_l"))
        o["shipping"] = 600
        o = mk("far", t(5), t(9, 30), "哈尔滨")
        self.add_line(o, d["far"], 1, price("far"))
        o = mk("money_equal", t(5, 30), t(11), "上海")
        for k in ("e1", "e2", "e3"):
            self.add_line(o, d[k], 1, 3330)
        o["discount"], o["shipping"] = 1000, 1000
        o = mk("money_gift", t(6), t(11, 30), "上海")
        self.add_line(o, d["e4"], 1, 5990)
        self.add_line(o, self.gifts[1], 1, 0)
        o["discount"] = 1000
        o = mk("money_fullline", t(6, 30), t(12), "上海")
        self.add_line(o, d["e2"], 1, 1990, 1990)
        self.add_line(o, d["e3"], 2, 2500)
        o["discount"], o["shipping"] = 500, 600
        o = mk("money_fullorder", t(7), t(12, 30), "上海")
        self.add_line(o, d["e4"], 1, 990)
        o["discount"], o["shipping"] = 990, 600
        o = mk("express_b", t(8), t(25), "上海", "EXPRESS")
        self.add_line(o, d["express"], 1, price("express"))
        o["shipping"] = 1200
        o = mk("split_2", t(9), t(28), "广州")
        self.add_line(o, d["split"], 10, price("split"))
        for o in orders:
            self.finish_money(o)
            o["tags"].append("demo")
        return orders

    def random_time(self):
        rng = self.rng
        hours = [3, 2, 1, .5, .5, .5, 1, 2, 3, 4, 5, 5, 6, 5, 4, 4, 4, 4, 5, 6, 8, 9, 8, 5]
        while True:
            day = 20 if rng.random() < 0.45 else 21
            h = rng.choices(range(24), weights=hours)[0]
            dt = datetime(2026, 11, day, h, rng.randint(0, 59), rng.randint(0, 59), tzinfo=TZ)
            if dt >= datetime(2026, 11, 20, 0, 31, tzinfo=TZ):
                return dt

    def pay_time(self, created):
        end = datetime(2026, 11, 21, 23, 59, 59, tzinfo=TZ)
        paid = created + timedelta(seconds=self.rng.choice([self.rng.randint(5, 120), self.rng.randint(60, 1500)]))
        return min(paid, end)

    def quantity(self, s, scarce):
        rng = self.rng
        if scarce:
            return rng.choices([1, 2, 3, 4], weights=[60, 22, 12, 6])[0]
        if s["merchant"] == "M003" or s["grams"] >= 5000:
            return rng.choices([1, 2], weights=[92, 8])[0]
        if s["price"] < 2000:
            return rng.choices([1, 2, 3, 4, 6], weights=[55, 25, 10, 6, 4])[0]
        return rng.choices([1, 2, 3], weights=[78, 17, 5])[0]

    def fill_random_lines(self, o, n, exclude_merchant=None):
        rng = self.rng
        used = [l["sku"] for l in o["lines"]]
        while len(o["lines"]) < n:
            code = rng.choices(self.pool, weights=self.pool_w)[0]
            s = self.sku[code]
            if code in used or s["merchant"] == exclude_merchant:
                continue
            used.append(code)
            unit = s["price"]
            if rng.random() < 0.12:                              # promo price
                unit = int(unit * rng.uniform(0.8, 0.95)) // 10 * 10
            qty = self.quantity(s, code in self.scarce)
            gross = qty * unit
            ldisc = 0
            if gross >= 1000 and rng.random() < 0.09:            # per-line promotion
                ldisc = rng.choice([200, 500, 1000, int(gross * rng.uniform(0.05, 0.15))])
                ldisc = min(ldisc, gross)
            self.add_line(o, code, qty, unit, ldisc)

    def coupon_and_fee(self, o):
        rng = self.rng
        goods = sum(self.line_goods(l) for l in o["lines"])
        if goods > 0 and rng.random() < 0.30:
            if rng.random() < 0.25:                              # odd-cent platform subsidy
                disc = rng.randint(1, max(1, min(goods // 5, 5000)))
            else:
                options = [(30000, 5000), (20000, 3000), (10000, 1500), (10000, 1000), (5000, 500), (0, 300)]
                disc = rng.choice([v for th, v in options if goods >= th])
            o["discount"] = min(disc, goods)
        cold = any(self.sku[l["sku"]]["zone"] != "AMBIENT" for l in o["lines"])
        if goods - o["discount"] >= 9900:
            o["shipping"] = 0
        elif cold or o["priority"] == "EXPRESS":
            o["shipping"] = 1200
        else:
            o["shipping"] = rng.choice([600, 1000])

    def random_orders(self, n_random, n_flash):
        rng = self.rng
        # popularity: log-normal for ordinary SKUs, scarce SKUs take ~5 % of all lines
        self.pool, self.pool_w = [], []
        for s in self.skus:
            if s["role"] in ("normal", "nostock", "single", "tight"):
                self.pool.append(s["code"])
                self.pool_w.append(rng.lognormvariate(0, 0.9))
        ws = 0.05 / 0.95 * sum(self.pool_w) / len(self.scarce)
        for code in self.scarce:
            self.pool.append(code)
            self.pool_w.append(ws)
        orders = []
        for _ in range(n_random):
            created = self.random_time()
            cust = rng.choice(self.customers)
            o = self.new_order(created, self.pay_time(created), cust,
                               "EXPRESS" if rng.random() < 0.10 else "NORMAL")
            n = rng.choices([1, 2, 3, 4, 5], weights=[25, 30, 22, 13, 10])[0]
            self.fill_random_lines(o, n)
            merchants = [self.sku[l["sku"]]["merchant"] for l in o["lines"]]
            if len(o["lines"]) < 5 and rng.random() < 0.01:
                gifts = [g for g in self.gifts if self.sku[g]["merchant"] in merchants]
                if gifts:
                    self.add_line(o, rng.choice(gifts), 1, 0)
                    o["tags"].append("gift")
            self.coupon_and_fee(o)
            orders.append(o)
        # flash sale (秒杀) at 2026-11-21 20:00:00: many orders paid in the same second
        flash_paid = datetime(2026, 11, 21, 20, 0, 0, tzinfo=TZ)
        for i in range(n_flash):
            created = flash_paid - timedelta(seconds=rng.randint(3, 170))
            o = self.new_order(created, flash_paid, rng.choice(self.customers))
            code = self.flash[i % 2]
            self.add_line(o, code, 1, self.sku[code]["price"] * 6 // 10 // 10 * 10)
            self.fill_random_lines(o, 1 + rng.choice([0, 0, 1, 2]), exclude_merchant=self.sku[code]["merchant"])
            self.coupon_and_fee(o)
            o["tags"].append("flash")
            orders.append(o)
        for o in orders:
            self.finish_money(o)
        return orders

    def make_orders(self):
        rng = self.rng
        demo = self.demo_orders()
        n_flash = 36
        rand = self.random_orders(N_ORDERS - len(demo) - n_flash, n_flash)
        orders = demo + rand
        orders.sort(key=lambda o: o["created"])
        counters = {}
        for o in orders:
            day = o["created"].strftime("%Y%m%d")
            counters[day] = counters.get(day, 0) + 1
            o["order_no"] = "SO%s%05d" % (day, counters[day])
        self.orders = orders
        self.order = {o["order_no"]: o for o in orders}
        plain = [o for o in rand if "flash" not in o["tags"] and "gift" not in o["tags"]]
        has_scarce = lambda o: any(l["sku"] in self.scarce for l in o["lines"])

        # PENDING_PAYMENT: not paid, must not be split (they hold scarce SKUs, to show it)
        self.pending = []
        for o in rng.sample([o for o in plain if has_scarce(o) and o["priority"] == "NORMAL"], 4):
            o["status"], o["paid"] = "PENDING_PAYMENT", None
            o["tags"].append("pending")
            self.pending.append(o["order_no"])

        # inconsistent money on purpose (ON_HOLD, never split)
        cand = [o for o in plain if o["status"] == "PAID"]
        self.inconsistent = []

        def take(pred, why, fix):
            o = rng.choice([x for x in cand if pred(x) and "inconsistent" not in x["tags"]])
            fix(o)
            o["tags"].append("inconsistent")
            o["why"] = why
            self.inconsistent.append(o["order_no"])

        def goods_plus(delta):
            def f(o):
                self.finish_money(o, goods=o["goods_true"] + delta)
            return f

        take(lambda o: o["priority"] == "EXPRESS" and has_scarce(o),
             "goods_amount is 10.00 more than the lines add up to (paid_amount follows the wrong goods_amount)",
             goods_plus(1000))
        take(lambda o: has_scarce(o) and len(o["lines"]) >= 3,
             "goods_amount is 0.01 short of the lines (a rounding slip; paid_amount follows it)",
             goods_plus(-1))
        take(lambda o: o["shipping"] > 0 and has_scarce(o),
             "paid_amount leaves out the shipping_fee (goods_amount is right)",
             lambda o: self.finish_money(o, paid=o["goods_true"] - o["discount"]))
        take(lambda o: o["discount"] > 0,
             "paid_amount is 5.00 more than goods_amount - discount_amount + shipping_fee",
             lambda o: self.finish_money(o, paid=o["goods_true"] - o["discount"] + o["shipping"] + 500))

        def no_ldisc(o):
            wrong = sum(l["qty"] * l["unit"] for l in o["lines"])
            self.finish_money(o, goods=wrong)
        take(lambda o: any(l["ldisc"] > 0 for l in o["lines"]),
             "goods_amount ignores the line_discount of its lines (paid_amount follows the wrong goods_amount)",
             no_ldisc)
        # sanity: really inconsistent, never negative
        for no in self.inconsistent:
            o = self.order[no]
            assert o["goods"] != o["goods_true"] or o["paid_amount"] != o["goods"] - o["discount"] + o["shipping"]
            assert o["goods"] >= 0 and o["paid_amount"] >= 0

    # --- stock -----------------------------------------------------------------------------
    def make_stock(self):
        rng = self.rng
        d = self.demo
        demand = {}
        for o in self.orders:
            for l in o["lines"]:
                demand[l["sku"]] = demand.get(l["sku"], 0) + l["qty"]
        self.demand = demand
        stock = {}                                               # (wh, sku) -> on_hand

        def put(wh, code, qty):
            assert self.sku[code]["zone"] in WH[wh][7], (wh, code)
            stock[(wh, code)] = stock.get((wh, code), 0) + qty

        # showcase SKUs: fixed, so the expected outcome of every showcase order is known
        for code in (d["zone_a"],):
            put("CD-SL", code, 20); put("SH-QP", code, 20)
        put("SH-QP", d["zone_c"], 20); put("GZ-BY", d["zone_c"], 20)
        put("SH-QP", d["zone_f"], 20); put("BJ-DX", d["zone_f"], 20)
        put("SH-QP", d["m4_f"], 30); put("BJ-DX", d["m4_f"], 30)
        put("SH-QP", d["fewest_p"], 50); put("BJ-DX", d["fewest_p"], 50)
        put("BJ-DX", d["fewest_q"], 50)
        put("SH-QP", d["split"], 4); put("WH-DX", d["split"], 4); put("GZ-BY", d["split"], 4)
        put("SH-QP", d["wait_1"], 30)
        put("SH-QP", d["express"], 1)
        put("GZ-BY", d["tie"], 2)
        put("HZ-XS", d["inactive_k"], 100); put("SH-QP", d["inactive_k"], 10)
        put("HZ-XS", d["inactive_l"], 200)
        put("CD-SL", d["far"], 30)
        for k in ("e1", "e2", "e3", "e4"):
            for wh in ("SH-QP", "GZ-BY", "BJ-DX"):
                put(wh, d[k], 100)
        # d["wait_2"] and d["noship"] are stocked nowhere
        # flash sale SKUs: 3 and 5 units for dozens of buyers
        put("SH-QP", self.flash[0], 2); put("GZ-BY", self.flash[0], 1)
        put("SH-QP", self.flash[1], 2); put("WH-DX", self.flash[1], 2); put("CD-SL", self.flash[1], 1)
        # scarce SKUs: 0-5 units in total, spread thin
        totals = [0, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5, 1, 3]
        rng.shuffle(totals)
        self.scarce_inactive = []
        for code, total in zip(self.scarce, totals):
            el = ACTIVE_FOR_ZONE[self.sku[code]["zone"]]
            whs = rng.sample(el, min(len(el), rng.choice([1, 2, 3, 3])))
            shares = [0] * len(whs)
            for _ in range(total):
                shares[rng.randrange(len(whs))] += 1
            for wh, q in zip(whs, shares):
                put(wh, code, q)
            if len(self.scarce_inactive) < 2 and self.sku[code]["zone"] in WH["HZ-XS"][7]:
                put("HZ-XS", code, 300)                          # plenty, but the warehouse is inactive
                self.scarce_inactive.append(code)
        # gifts: plenty, in four of the five ambient warehouses
        for code in self.gifts:
            for wh in ("SH-QP", "GZ-BY", "BJ-DX", "WH-DX"):
                put(wh, code, rng.randint(200, 500))
        # everything else: from the demand
        for s in self.skus:
            code, role = s["code"], s["role"]
            if role not in ("normal", "single", "tight"):
                continue
            dem = demand.get(code, 0)
            el = ACTIVE_FOR_ZONE[s["zone"]]
            if role == "single":
                whs = [self.single_wh[code]]
                total = int(math.ceil(dem * rng.uniform(1.5, 3.0))) + rng.randint(5, 30)
            else:
                k = min(len(el), rng.choices([1, 2, 3, 4], weights=[20, 35, 28, 17])[0])
                whs = rng.sample(el, k)
                if role == "tight":
                    total = int(dem * rng.uniform(0.55, 0.9))
                else:
                    total = int(math.ceil(dem * rng.uniform(1.3, 3.0))) + rng.randint(5, 60)
            weights = [rng.uniform(0.2, 1.0) for _ in whs]
            shares = largest_remainder(total, [int(w * 1000) for w in weights])
            for wh, q in zip(whs, shares):
                if role == "normal" and len(whs) > 1 and rng.random() < 0.04:
                    q = 0                                        # a bin counted empty
                put(wh, code, q)
        # the inactive warehouse still holds stock: it must never be used
        cands = [s["code"] for s in self.skus if s["role"] in ("normal", "tight")
                 and s["zone"] in WH["HZ-XS"][7]]
        for code in rng.sample(cands, 55):
            put("HZ-XS", code, rng.randint(50, 600))
        # bin locations, unique per warehouse; zone letter A/B ambient, C chilled, F frozen
        used = {}
        self.stock = []
        for (wh, code) in sorted(stock):
            zone = self.sku[code]["zone"]
            letter = {"AMBIENT": rng.choice("AB"), "CHILLED": "C", "FROZEN": "F"}[zone]
            while True:
                loc = "%s-%02d-%02d-%d" % (letter, rng.randint(1, 24), rng.randint(1, 40), rng.randint(1, 5))
                if (wh, loc) not in used:
                    used[(wh, loc)] = 1
                    break
            self.stock.append((wh, code, stock[(wh, code)], loc))
        self.stock_map = stock

    # --- writing ---------------------------------------------------------------------------
    def write_main(self):
        write_csv(os.path.join(OUT, "merchants.csv"), HEADERS["merchants.csv"], MERCHANTS)
        write_csv(os.path.join(OUT, "warehouses.csv"), HEADERS["warehouses.csv"],
                  [(w[0], w[1], w[2], w[3], "%.6f" % w[4], "%.6f" % w[5], w[6], "|".join(w[7]),
                    "true" if w[8] else "false") for w in WAREHOUSES])
        write_csv(os.path.join(OUT, "skus.csv"), HEADERS["skus.csv"],
                  [(s["code"], s["merchant"], s["name"], s["zone"], s["grams"]) for s in self.skus])
        write_csv(os.path.join(OUT, "stock.csv"), HEADERS["stock.csv"], self.stock)
        rows, lines = [], []
        for o in sorted(self.orders, key=lambda o: o["order_no"]):
            c = o["cust"]
            rows.append((o["order_no"], c["id"], o["status"], o["priority"], iso(o["paid"]), c["name"],
                         c["phone"], c["province"], c["city"], c["address"], "%.6f" % c["lat"],
                         "%.6f" % c["lon"], money(o["goods"]), money(o["discount"]), money(o["shipping"]),
                         money(o["paid_amount"])))
            for i, l in enumerate(o["lines"], 1):
                lines.append((o["order_no"], i, l["sku"], l["qty"], money(l["unit"]), money(l["ldisc"])))
        write_csv(os.path.join(OUT, "orders.csv"), HEADERS["orders.csv"], rows)
        write_csv(os.path.join(OUT, "order_lines.csv"), HEADERS["order_lines.csv"], lines)

    def stock_row(self, wh, code):
        for r in self.stock:
            if r[0] == wh and r[1] == code:
                return r
        raise KeyError((wh, code))

    def write_bad_and_restock(self):
        bad = os.path.join(OUT, "bad")
        self.bad_files = []
        d, sku = self.demo, self.sku
        e1, e2 = sku[d["e1"]], sku[d["e2"]]
        cust = self.make_customer(CITY["上海"])

        def order_row(no, goods, disc=0, ship=0, paid_at="2026-11-21T10:15:00+08:00", priority="NORMAL",
                      status="PAID"):
            return (no, cust["id"], status, priority, paid_at, cust["name"], cust["phone"], cust["province"],
                    cust["city"], cust["address"], "%.6f" % cust["lat"], "%.6f" % cust["lon"], money(goods),
                    money(disc), money(ship), money(goods - disc + ship))

        def scenario(folder, files, error, why):
            for fname, header, rows in files:
                write_csv(os.path.join(bad, folder, fname), header, rows)
            self.bad_files.append((folder, [f[0] for f in files], error, why))

        oh, lh = HEADERS["orders.csv"], HEADERS["order_lines.csv"]
        # 1. order line naming a SKU that does not exist
        scenario("unknown-sku", [
            ("orders.csv", oh, [order_row("SO2026112290001", e1["price"] + 3 * e2["price"], ship=0)]),
            ("order_lines.csv", lh, [("SO2026112290001", 1, e1["code"], 1, money(e1["price"]), "0.00"),
                                     ("SO2026112290001", 2, "SKU99999", 3, money(e2["price"]), "0.00")]),
        ], "order_lines.csv line 3, column sku_code: unknown SKU SKU99999",
            "SKU99999 is not in skus.csv (nor in the database); the order and its lines must not be loaded half.")
        # 2. non-numeric on_hand (valid rows repeat the main file's values: loading them changes nothing)
        r1, r3 = self.stock[0], self.stock[1]
        scenario("bad-number", [
            ("stock.csv", HEADERS["stock.csv"], [r1, (r3[0], r3[1], "12x", r3[3]),
                                                  self.stock[2]]),
        ], "stock.csv line 3, column on_hand: not a whole number: 12x",
            "The other two rows equal the main stock.csv.")
        # 3. skus.csv without the temperature_zone column
        rows = [(s["code"], s["merchant"], s["name"], s["grams"]) for s in self.skus[:3]]
        scenario("missing-column", [
            ("skus.csv", ["sku_code", "merchant_code", "name", "weight_grams"], rows),
        ], "skus.csv line 1: required column temperature_zone is missing",
            "The rows are otherwise the first three SKUs of the main skus.csv.")
        # 4. unknown temperature zone
        s0, s1, s2 = self.skus[0], self.skus[1], self.skus[2]
        scenario("bad-zone", [
            ("skus.csv", HEADERS["skus.csv"], [
                (s0["code"], s0["merchant"], s0["name"], s0["zone"], s0["grams"]),
                (s1["code"], s1["merchant"], s1["name"], "WARM", s1["grams"]),
                (s2["code"], s2["merchant"], s2["name"], s2["zone"], s2["grams"])]),
        ], "skus.csv line 3, column temperature_zone: WARM is not AMBIENT, CHILLED or FROZEN",
            "Rows 1 and 3 equal the main skus.csv.")
        # 5. SKU of an unknown merchant
        scenario("unknown-merchant", [
            ("skus.csv", HEADERS["skus.csv"], [
                (s0["code"], s0["merchant"], s0["name"], s0["zone"], s0["grams"]),
                ("SKU00901", "M999", "测试商品 1件", "AMBIENT", 100)]),
        ], "skus.csv line 3, column merchant_code: unknown merchant M999",
            "SKU00901 would be a new SKU, but M999 is not a merchant.")
        # 6. stock in an unknown warehouse
        scenario("unknown-warehouse", [
            ("stock.csv", HEADERS["stock.csv"], [r1, ("XA-01", r1[1], 10, "A-01-01-1")]),
        ], "stock.csv line 3, column warehouse_code: unknown warehouse XA-01",
            "Row 1 equals the main stock.csv.")
        # 7. zero and negative quantities
        scenario("bad-quantity", [
            ("orders.csv", oh, [order_row("SO2026112290002", 2 * e1["price"])]),
            ("order_lines.csv", lh, [("SO2026112290002", 1, e1["code"], 2, money(e1["price"]), "0.00"),
                                     ("SO2026112290002", 2, e2["code"], 0, money(e2["price"]), "0.00")]),
        ], "order_lines.csv line 3, column quantity: must be a positive integer, was 0",
            "Money is consistent with the valid line only; the whole order must be rejected.")
        # 8. negative money
        scenario("negative-money", [
            ("orders.csv", oh, [order_row("SO2026112290003", e1["price"])]),
            ("order_lines.csv", lh, [("SO2026112290003", 1, e1["code"], 1, money(e1["price"]), "0.00"),
                                     ("SO2026112290003", 2, e2["code"], 1, "-" + money(e2["price"]), "0.00")]),
        ], "order_lines.csv line 3, column unit_price: must not be negative, was -%s" % money(e2["price"]),
            "goods_amount counts line 1 only.")
        # 9. timestamp without an offset, and a priority outside the vocabulary
        scenario("bad-timestamp", [
            ("orders.csv", oh, [order_row("SO2026112290004", e1["price"], paid_at="2026-11-21 10:15:00")]),
            ("order_lines.csv", lh, [("SO2026112290004", 1, e1["code"], 1, money(e1["price"]), "0.00")]),
        ], "orders.csv line 2, column paid_at: not ISO-8601 with an offset: 2026-11-21 10:15:00",
            "Everything else in the order is valid.")
        scenario("bad-priority", [
            ("orders.csv", oh, [order_row("SO2026112290005", e1["price"], priority="URGENT")]),
            ("order_lines.csv", lh, [("SO2026112290005", 1, e1["code"], 1, money(e1["price"]), "0.00")]),
        ], "orders.csv line 2, column priority: URGENT is not NORMAL or EXPRESS",
            "Everything else in the order is valid.")
        # restock: a later count that releases showcase backorders
        w2 = d["wait_2"]
        sc = self.scarce[0]
        sc_rows = [r for r in self.stock if r[1] == sc and WH[r[0]][8]]
        ex = self.stock_row("SH-QP", d["express"])
        taken = [r[3] for r in self.stock if r[0] == "SH-QP"]
        loc = next("A-%02d-%02d-1" % (a, b) for a in range(1, 25) for b in range(1, 41)
                   if "A-%02d-%02d-1" % (a, b) not in taken)
        self.restock = [("SH-QP", w2, 5, loc), (ex[0], ex[1], 2, ex[3])]
        if sc_rows:
            r = sc_rows[0]
            self.restock.append((r[0], r[1], r[2] + 20, r[3]))
        write_csv(os.path.join(OUT, "restock", "stock.csv"), HEADERS["stock.csv"], self.restock)

    def run(self):
        self.make_skus()
        self.assign_roles()
        self.make_customers()
        self.make_orders()
        self.make_stock()
        self.check_showcase_geometry()
        self.write_main()
        self.write_bad_and_restock()
        self.write_readme()

    def check_showcase_geometry(self):
        """Assert the distances the showcase expectations rely on."""
        o = {x["demo"]: x for x in self.orders if "demo" in x}
        c = o["zone"]["cust"]
        k = lambda wh: wh_km(wh, c["lat"], c["lon"])
        assert k("CD-SL") < k("SH-QP") and k("GZ-BY") < k("SH-QP") and k("BJ-DX") < k("SH-QP")
        c = o["split_1"]["cust"]
        assert k("SH-QP") + k("WH-DX") < min(k("SH-QP") + k("GZ-BY"), k("WH-DX") + k("GZ-BY"))
        c = o["inactive_j"]["cust"]
        assert k("HZ-XS") < k("SH-QP")
        c = o["fewest"]["cust"]
        assert k("SH-QP") < k("BJ-DX")

    # --- README ----------------------------------------------------------------------------
    def service_key(self, o):
        return (0 if o["priority"] == "EXPRESS" else 1, o["paid"], o["order_no"])

    def summary(self):
        paid = [o for o in self.orders if o["status"] == "PAID"]
        n_lines = sum(len(o["lines"]) for o in self.orders)
        merchants_per = [len(dict.fromkeys(self.sku[l["sku"]]["merchant"] for l in o["lines"])) for o in self.orders]
        cold = sum(1 for o in self.orders if any(self.sku[l["sku"]]["zone"] != "AMBIENT" for l in o["lines"]))
        zones = {z: sum(1 for s in self.skus if s["zone"] == z) for z in ZONES}
        stocked_rows_inactive = sum(1 for r in self.stock if r[0] == "HZ-XS")
        waf = [m for m in MERCHANTS if m[2] == "WAIT_FOR_ALL"]
        S = []
        S.append("merchants.csv    %5d rows" % len(MERCHANTS))
        S.append("warehouses.csv   %5d rows (1 inactive: HZ-XS, holding %d stock rows)" % (len(WAREHOUSES), stocked_rows_inactive))
        S.append("skus.csv         %5d rows (AMBIENT %d, CHILLED %d, FROZEN %d)" % (len(self.skus), zones["AMBIENT"], zones["CHILLED"], zones["FROZEN"]))
        S.append("stock.csv        %5d rows (%d SKUs stocked nowhere)" % (len(self.stock), sum(1 for s in self.skus if not any(k[1] == s["code"] for k in self.stock_map))))
        S.append("orders.csv       %5d rows (PAID %d, PENDING_PAYMENT %d; EXPRESS %d)" % (len(self.orders), len(paid), len(self.pending), sum(1 for o in self.orders if o["priority"] == "EXPRESS")))
        S.append("order_lines.csv  %5d rows (%.2f lines per order; %d orders span 2+ merchants, %d have chilled/frozen lines)" % (n_lines, n_lines / len(self.orders), sum(1 for m in merchants_per if m > 1), cold))
        S.append("coupons (discount_amount > 0): %d orders; line_discount > 0: %d lines; free-gift lines: %d" % (
            sum(1 for o in self.orders if o["discount"] > 0), sum(1 for o in self.orders for l in o["lines"] if l["ldisc"] > 0),
            sum(1 for o in self.orders for l in o["lines"] if l["unit"] == 0)))
        S.append("inconsistent orders (-> ON_HOLD): " + ", ".join(self.inconsistent))
        S.append("PENDING_PAYMENT orders (not split): " + ", ".join(self.pending))
        S.append("scarce SKUs: " + ", ".join(self.scarce + self.flash))
        S.append("WAIT_FOR_ALL merchant: " + ", ".join("%s %s" % (m[0], m[1]) for m in waf))
        return S

    def write_readme(self):
        sku, d = self.sku, self.demo
        demo = {o["demo"]: o for o in self.orders if "demo" in o}
        no = lambda k: demo[k]["order_no"]
        nm = lambda code: "%s %s" % (code, sku[code]["name"])
        srows = lambda code: ", ".join("%s:%d" % (r[0], r[2]) for r in self.stock if r[1] == code) or "none"
        L = []
        w = L.append
        summary = self.summary()
        self.summary_lines = summary
        w("# Sample data")
        w("")
        w("Demo data for the order-splitting processor: a Chinese marketplace with four merchants, six")
        w("warehouses, %d SKUs and %d orders paid on 2026-11-20 and 2026-11-21 (UTC+8)." % (len(self.skus), len(self.orders)))
        w("Every file here is generated by `scripts/make-sample-data.py` with a fixed seed (%d); re-running" % SEED)
        w("`python3 scripts/make-sample-data.py` rewrites the same bytes and checks the result. Edit the")
        w("script, not the CSV files. Load it all with `scripts/fulfil load sample-data`.")
        w("")
        w("Format (CONTRACT.md §4): UTF-8 with a leading BOM (so Excel shows the Chinese text), comma")
        w("separated, one header row, LF line ends, fields quoted only when they need it. Money is a plain")
        w("decimal with exactly two decimals (`12.30`, CNY, never negative); timestamps are ISO-8601 with")
        w("the offset (`2026-11-21T10:15:00+08:00`); booleans are `true`/`false`.")
        w("")
        w("## Summary")
        w("")
        w("```")
        L.extend(summary)
        w("```")
        w("")
        w("## Files and columns")
        w("")
        w("### merchants.csv")
        w("")
        w("| column | type | allowed values | meaning |")
        w("|---|---|---|---|")
        w("| merchant_code | text, key | `M001`..`M004` | the seller |")
        w("| name | text | Chinese shop name | shown to people |")
        w("| backorder_policy | enum | `SHIP_AVAILABLE`, `WAIT_FOR_ALL` | `SHIP_AVAILABLE`: ship what is in stock, backorder the rest; `WAIT_FOR_ALL`: a group (this merchant + one zone) of an order ships only complete, otherwise all of it waits in `backorder` |")
        w("")
        w("| merchant_code | name | backorder_policy | sells |")
        w("|---|---|---|---|")
        sells = {"M001": "fruit and eggs (AMBIENT), milk, yoghurt, berries, fresh meat (CHILLED), frozen fruit (FROZEN)",
                 "M002": "rice, oil, snacks, drinks, household goods (AMBIENT)",
                 "M003": "electronics (AMBIENT)", "M004": "dumplings, ice cream, meat, seafood (FROZEN), deli (CHILLED)"}
        for m in MERCHANTS:
            w("| %s | %s | %s | %s |" % (m[0], m[1], m[2], sells[m[0]]))
        w("")
        w("### warehouses.csv")
        w("")
        w("| column | type | allowed values | meaning |")
        w("|---|---|---|---|")
        w("| warehouse_code | text, key | e.g. `SH-QP` (city-district) | the warehouse |")
        w("| name | text | Chinese | |")
        w("| province, city | text | Chinese | where it is |")
        w("| latitude, longitude | decimal degrees, 6 decimals | WGS-84 | for the great-circle distance to the ship-to point |")
        w("| priority | integer | 1..4 | tie-break after distance: lower wins |")
        w("| temperature_zones | `\\|`-separated list | non-empty subset of `AMBIENT`, `CHILLED`, `FROZEN` | zones it can store and ship |")
        w("| active | boolean | `true`, `false` | an inactive warehouse is never a candidate, whatever stock it holds |")
        w("")
        w("| code | name | city | lat, lon | priority | zones | active |")
        w("|---|---|---|---|---|---|---|")
        for x in WAREHOUSES:
            w("| %s | %s | %s %s | %.4f, %.4f | %d | %s | %s |" % (x[0], x[1], x[2], x[3], x[4], x[5], x[6], "\\|".join(x[7]), "true" if x[8] else "**false**"))
        w("")
        w("Active warehouses per zone: " + "; ".join("%s: %s" % (z, ", ".join(ACTIVE_FOR_ZONE[z])) for z in ZONES) + ".")
        w("")
        w("### skus.csv")
        w("")
        w("| column | type | allowed values | meaning |")
        w("|---|---|---|---|")
        w("| sku_code | text, key | `SKU00001`..`SKU%05d` | the product |" % len(self.skus))
        w("| merchant_code | text | a `merchant_code` of merchants.csv | the one merchant that sells it |")
        w("| name | text | Chinese, brand + product + pack size | printed on pick lists |")
        w("| temperature_zone | enum | `AMBIENT`, `CHILLED`, `FROZEN` | must be stored and shipped in this zone |")
        w("| weight_grams | integer | > 0 | packed weight of one unit |")
        w("")
        w("SKUs are numbered merchant by merchant (M001 first). The last three (%s) are free gifts, only ever" % ", ".join(self.gifts))
        w("ordered at unit_price 0.00.")
        w("")
        w("### stock.csv")
        w("")
        w("| column | type | allowed values | meaning |")
        w("|---|---|---|---|")
        w("| warehouse_code | text | a `warehouse_code` of warehouses.csv | key, with sku_code |")
        w("| sku_code | text | a `sku_code` of skus.csv | |")
        w("| on_hand | integer | >= 0 | units counted in the bin; `allocated` is the processor's and not in the file |")
        w("| location_code | text | `ZONE-AISLE-BAY-LEVEL`, e.g. `A-03-12-2`: zone letter, 2-digit aisle, 2-digit bay, 1-digit level | the bin; A/B ambient, C chilled, F frozen; unique within a warehouse |")
        w("")
        w("Every stock row is in a warehouse that supports the SKU's zone. Most SKUs are stocked in 1-4 active")
        w("warehouses with 1.3-3x the units ordered; a few bins are counted empty (on_hand 0).")
        w("")
        w("### orders.csv")
        w("")
        w("| column | type | allowed values | meaning |")
        w("|---|---|---|---|")
        w("| order_no | text, key | `SO` + order date `yyyyMMdd` + 5-digit sequence, e.g. `SO2026112100001` | numbered in order of creation (not of payment) |")
        w("| customer_id | text | `C` + 8 digits | the buyer; repeat buyers ship to the same address |")
        w("| status | enum | `PAID`, `PENDING_PAYMENT` | only `PAID` orders are split |")
        w("| priority | enum | `NORMAL`, `EXPRESS` | EXPRESS demand is served before NORMAL |")
        w("| paid_at | timestamp | ISO-8601 with `+08:00`, 2026-11-20..2026-11-21; empty for `PENDING_PAYMENT` | serving order after priority |")
        w("| ship_name | text | Chinese name | recipient |")
        w("| ship_phone | text | 11-digit mobile number, e.g. `13812345678` | recipient |")
        w("| ship_province, ship_city | text | Chinese | ship-to region (%d cities in %d provinces) |" % (len(CITIES), len(dict.fromkeys(c[0] for c in CITIES))))
        w("| ship_address | text | Chinese street address | |")
        w("| ship_latitude, ship_longitude | decimal degrees, 6 decimals | | ship-to point for the distance rule |")
        w("| goods_amount | money | >= 0 | Σ(quantity × unit_price − line_discount) over the lines |")
        w("| discount_amount | money | 0 .. goods_amount | order-level coupon |")
        w("| shipping_fee | money | `0.00`, `6.00`, `10.00`, `12.00` | as a rule 0.00 from 99.00 after the coupon, else 12.00 with chilled/frozen lines or EXPRESS, else 6.00 or 10.00 |")
        w("| paid_amount | money | >= 0 | goods_amount − discount_amount + shipping_fee |")
        w("")
        w("### order_lines.csv")
        w("")
        w("| column | type | allowed values | meaning |")
        w("|---|---|---|---|")
        w("| order_no | text | an `order_no` of orders.csv | key, with line_no |")
        w("| line_no | integer | 1..n, no gaps | |")
        w("| sku_code | text | a `sku_code` of skus.csv | no SKU twice in one order |")
        w("| quantity | integer | >= 1 | units ordered |")
        w("| unit_price | money | >= 0; `0.00` for a free gift | price per unit |")
        w("| line_discount | money | 0 .. quantity × unit_price | promotion on this line |")
        w("")
        w("## Showcase orders (rules of CONTRACT.md §3)")
        w("")
        w("The first %d order numbers of 2026-11-20 are hand-made, paid between 00:02 and 00:28, and use SKUs" % len(demo))
        w("that no other order touches, so their outcome does not depend on the rest of the data. Where a")
        w("split between warehouses is expected, how many units each warehouse gives is up to the processor.")
        w("")
        w("| order | rule | what is in it | expected |")
        w("|---|---|---|---|")
        w("| %s | 2, 4: one fulfilment order per zone | M001 to 成都: %s ×1 (AMBIENT), %s ×2 (CHILLED), %s ×1 (FROZEN) | three fulfilment orders: AMBIENT from CD-SL (nearest), CHILLED from GZ-BY (nearer than SH-QP; CD-SL has no CHILLED), FROZEN from BJ-DX (nearer than SH-QP) |" % (no("zone"), nm(d["zone_a"]), nm(d["zone_c"]), nm(d["zone_f"])))
        w("| %s | 2: one fulfilment order per merchant | to 上海: %s (M001), %s ×2 (M002), %s (M003), %s ×3 (M004 FROZEN) | four fulfilment orders, all from SH-QP |" % (no("merchants"), d["zone_a"], d["e3"], d["wait_1"], d["m4_f"]))
        w("| %s | 4: one warehouse that ships the whole group | to 上海: %s (SH-QP 50, BJ-DX 50) + %s (BJ-DX 50 only) | one fulfilment order from BJ-DX, not SH-QP + BJ-DX |" % (no("fewest"), nm(d["fewest_p"]), nm(d["fewest_q"])))
        w("| %s | 5: fewest warehouses, then total distance; a line split | to 上海: %s ×6, line_discount 1.00, coupon 5.00, fee 6.00; stock SH-QP 4, WH-DX 4, GZ-BY 4 | the line split over SH-QP and WH-DX (pair nearest in total); money spread over the two pieces by quantity |" % (no("split_1"), nm(d["split"])))
        w("| %s | 5, 6: what is left, then backorder | to 广州: %s ×10, paid after %s | the 6 units left are allocated (over two warehouses), 4 backordered -> PARTIALLY_ALLOCATED |" % (no("split_2"), d["split"], no("split_1")))
        w("| %s | 1: EXPRESS first | to 上海, **NORMAL**, paid 00:05: %s ×1 (only 1 unit: SH-QP) | backordered -> BACKORDERED |" % (no("express_a"), nm(d["express"])))
        w("| %s | 1: EXPRESS first | to 上海, **EXPRESS**, paid 00:25: the same SKU ×1 | gets the single unit although paid 20 minutes later |" % no("express_b"))
        w("| %s, %s, %s | 1: paid_at, then order_no | NORMAL, all paid at exactly 2026-11-20T00:10:00+08:00: %s ×1 each (2 units: GZ-BY) | %s and %s get a unit; %s (same second, higher order_no) is backordered |" % (no("tie_c"), no("tie_d"), no("tie_f"), nm(d["tie"]), no("tie_c"), no("tie_d"), no("tie_f")))
        w("| %s | 1: paid_at before order_no | the same SKU ×1, lowest order_no of the four but paid at 00:20 | backordered |" % no("tie_e"))
        w("| %s | 6: WAIT_FOR_ALL | M003 %s ×1 (SH-QP 30) + %s ×1 (stocked nowhere), and M002 %s ×1 | M003 group allocates nothing, both lines in backorder; the M002 line ships from SH-QP -> PARTIALLY_ALLOCATED |" % (no("wait_g"), d["wait_1"], nm(d["wait_2"]), d["e1"]))
        w("| %s | 6: WAIT_FOR_ALL | M003 only: %s ×1 + %s ×2 | nothing allocated -> BACKORDERED |" % (no("wait_h"), d["wait_1"], d["wait_2"]))
        w("| %s | 6: SHIP_AVAILABLE | M002: %s ×2 (plenty) + %s ×1 (stocked nowhere) | first line allocated, second backordered -> PARTIALLY_ALLOCATED |" % (no("shipavail_i"), d["e2"], nm(d["noship"])))
        w("| %s | 3: inactive warehouse never used | to 杭州: %s ×2; stock HZ-XS 100 (inactive, 15 km away), SH-QP 10 | ships from SH-QP |" % (no("inactive_j"), nm(d["inactive_k"])))
        w("| %s | 3: inactive warehouse never used | to 杭州: %s ×1, stocked only in HZ-XS (200) | backordered |" % (no("inactive_only_l"), nm(d["inactive_l"])))
        w("| %s | 4: the only warehouse, however far | to 哈尔滨: %s ×1, stocked only in CD-SL | ships from CD-SL (~2,900 km) |" % (no("far"), nm(d["far"])))
        w("| %s | 7: largest remainder, ties to the lower line | three lines of 33.30, coupon 10.00, fee 10.00 | discount 3.34 / 3.33 / 3.33, shipping 3.34 / 3.33 / 3.33, paid 33.30 each |" % no("money_equal"))
        # apportionment demos computed with the contract's rule
        for key, label in (("money_gift", "a free gift line (0.00) gets no share"),
                           ("money_fullline", "a line discounted to 0.00 gets no share"),
                           ("money_fullorder", "coupon = goods_amount; only the fee is paid")):
            o = demo[key]
            lg = [self.line_goods(l) for l in o["lines"]]
            dd = largest_remainder(o["discount"], lg)
            ss = largest_remainder(o["shipping"], lg)
            desc = " + ".join("%s ×%d @ %s%s" % (l["sku"], l["qty"], money(l["unit"]),
                                                  (" − " + money(l["ldisc"])) if l["ldisc"] else "") for l in o["lines"])
            exp = "; ".join("line %d: goods %s, discount %s, fee %s, paid %s" % (i + 1, money(lg[i]), money(dd[i]), money(ss[i]), money(lg[i] - dd[i] + ss[i])) for i in range(len(lg)))
            w("| %s | 7: %s | %s; coupon %s, fee %s | %s |" % (o["order_no"], label, desc, money(o["discount"]), money(o["shipping"]), exp))
        w("")
        w("The `priority` tie-break of rule 4 needs two warehouses at exactly the same distance, which real")
        w("coordinates do not give; it is left to unit tests.")
        w("")
        w("Showcase SKUs (ordered by the showcase orders only) and their stock:")
        w("")
        w("| SKU | name | zone | stock (warehouse:on_hand) |")
        w("|---|---|---|---|")
        for k, code in d.items():
            w("| %s | %s | %s | %s |" % (code, sku[code]["name"], sku[code]["zone"], srows(code)))
        w("")
        w("`restock/stock.csv` is a later count to load after a first split: it stocks %s (releases" % d["wait_2"])
        w("the WAIT_FOR_ALL backorders of %s and %s), raises %s at SH-QP to 2 (releases %s)," % (no("wait_g"), no("wait_h"), d["express"], no("express_a")))
        w("and adds 20 units of scarce SKU %s in one warehouse." % self.scarce[0])
        w("")
        w("## Contention in the bulk data")
        w("")
        w("### Scarce SKUs")
        w("")
        w("Fifteen SKUs have 0-5 units in all active warehouses together but are ordered often, so they")
        w("cause backorders, lines split over warehouses and, for M003, WAIT_FOR_ALL groups that wait.")
        w("\"First in line\" are the first PAID, consistent orders in serving order (EXPRESS first, then")
        w("paid_at, then order_no): they get the units, unless a WAIT_FOR_ALL group cannot ship complete")
        w("and so passes its turn.")
        w("")
        w("| SKU | name | merchant | zone | stock (warehouse:on_hand) | active total | order lines | units ordered | first in line |")
        w("|---|---|---|---|---|---|---|---|---|")
        served = sorted([o for o in self.orders if o["status"] == "PAID" and "inconsistent" not in o["tags"]], key=self.service_key)
        for code in self.scarce + self.flash:
            s = sku[code]
            ls = [(o, l) for o in self.orders for l in o["lines"] if l["sku"] == code]
            act = sum(r[2] for r in self.stock if r[1] == code and WH[r[0]][8])
            first = [o for o in served if any(l["sku"] == code for l in o["lines"])][:3]
            fc = ", ".join("%s (%s%s ×%d)" % (o["order_no"], "EXPRESS " if o["priority"] == "EXPRESS" else "",
                                               o["paid"].strftime("%m-%d %H:%M:%S"),
                                               [l["qty"] for l in o["lines"] if l["sku"] == code][0]) for o in first)
            w("| %s | %s | %s | %s | %s | %d | %d | %d | %s |" % (code, s["name"], s["merchant"], s["zone"], srows(code), act, len(ls), sum(l["qty"] for _, l in ls), fc))
        w("")
        w("%s also have 300 units each in the inactive HZ-XS, which must never be used." % " and ".join(self.scarce_inactive))
        w("")
        flash_orders = sorted([o for o in self.orders if "flash" in o["tags"]], key=lambda o: o["order_no"])
        w("**Flash sale (秒杀).** %d NORMAL orders are all paid at exactly 2026-11-21T20:00:00+08:00, each with one" % len(flash_orders))
        w("unit of %s (3 units in stock) or %s (5 units); nobody else orders these two." % (nm(self.flash[0]), nm(self.flash[1])))
        for code, n in ((self.flash[0], 3), (self.flash[1], 5)):
            fo = [o["order_no"] for o in flash_orders if any(l["sku"] == code for l in o["lines"])]
            w("For %s the winners are the %d lowest order numbers: %s; the other %d are backordered%s." % (
                code, n, ", ".join(fo[:n]), len(fo) - n,
                " (M003 is WAIT_FOR_ALL, but the flash SKU is alone in its group)" if sku[code]["merchant"] == "M003" else ""))
        w("")
        w("### Other stock situations")
        w("")
        w("- Stocked in no warehouse at all (always backordered): " + ", ".join("%s (%s, %d units ordered)" % (nm(c), sku[c]["merchant"], self.demand.get(c, 0)) for c in self.nostock) + "; plus the showcase SKUs %s and %s. The M003 one holds back the whole M003 group of every order that has it (WAIT_FOR_ALL)." % (d["wait_2"], d["noship"]))
        w("- Stocked in a single warehouse only (far from most ship-to points): " + ", ".join("%s (%s)" % (c, self.single_wh[c]) for c in self.single) + ".")
        w("- Less stock than demand (0.55-0.9x), so the nearest warehouse runs dry and later orders spread or backorder: " + ", ".join(self.tight) + ".")
        w("- The inactive warehouse HZ-XS holds %d stock rows, including SKUs that active warehouses lack." % sum(1 for r in self.stock if r[0] == "HZ-XS"))
        w("")
        w("## Other notable orders")
        w("")
        w("Inconsistent on purpose (must go to ON_HOLD with the reason, never split; several hold scarce SKUs):")
        w("")
        w("| order | what is wrong |")
        w("|---|---|")
        for n in self.inconsistent:
            o = self.order[n]
            w("| %s | %s%s (goods %s, lines add up to %s, paid %s) |" % (n, "EXPRESS; " if o["priority"] == "EXPRESS" else "", o["why"], money(o["goods"]), money(o["goods_true"]), money(o["paid_amount"])))
        w("")
        w("PENDING_PAYMENT (empty paid_at; must not be split, and must not take the scarce units they ask for): " + ", ".join(self.pending) + ".")
        w("")
        first = lambda pred, n=5: ", ".join([o["order_no"] for o in sorted(self.orders, key=lambda o: o["order_no"]) if "demo" not in o["tags"] and pred(o)][:n])
        mset = lambda o: dict.fromkeys(sku[l["sku"]]["merchant"] for l in o["lines"])
        zset = lambda o: dict.fromkeys(sku[l["sku"]]["zone"] for l in o["lines"])
        w("Examples from the bulk orders (first few by order_no):")
        w("")
        w("- Three or more merchants in one cart: " + first(lambda o: len(mset(o)) >= 3))
        w("- One merchant, lines in two or three zones (M001): " + first(lambda o: len(dict.fromkeys(sku[l["sku"]]["zone"] for l in o["lines"] if sku[l["sku"]]["merchant"] == "M001")) >= 2))
        w("- All three zones in one order: " + first(lambda o: len(zset(o)) == 3))
        w("- Free gift line (unit_price 0.00), %d bulk orders: " % sum(1 for o in self.orders if "gift" in o["tags"])
          + first(lambda o: any(l["unit"] == 0 for l in o["lines"]), 8))
        w("- line_discount on a line: " + first(lambda o: any(l["ldisc"] > 0 for l in o["lines"])))
        w("- Coupon (discount_amount > 0) with odd cents: " + first(lambda o: o["discount"] % 100 != 0))
        w("- Quantity > 1 of a scarce SKU: " + first(lambda o: any(l["sku"] in self.scarce and l["qty"] > 1 for l in o["lines"])))
        w("- EXPRESS orders asking for a scarce SKU: " + first(lambda o: o["priority"] == "EXPRESS" and any(l["sku"] in self.scarce for l in o["lines"])))
        w("- M003 (WAIT_FOR_ALL) carts with an SKU stocked nowhere: " + first(lambda o: any(l["sku"] in self.nostock and sku[l["sku"]]["merchant"] == "M003" for l in o["lines"])))
        w("- Ship-to in 新疆/西藏/青海 (far from every warehouse): " + first(lambda o: o["cust"]["province"] in ("新疆", "西藏", "青海")))
        w("")
        w("## bad/: broken inputs for loader tests")
        w("")
        w("Each folder is one broken scenario and holds only the files it needs (2-4 rows each). Everything")
        w("except the named error is valid and refers to merchants, SKUs and warehouses of the main data;")
        w("new orders use order numbers `SO20261122900nn`, which the main data does not have. Line numbers")
        w("count the header as line 1.")
        w("")
        w("| folder | files | expected rejection | note |")
        w("|---|---|---|---|")
        for folder, files, error, why in self.bad_files:
            w("| `bad/%s/` | %s | %s | %s |" % (folder, ", ".join(files), error, why))
        w("")
        with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(L) + "\n")


# ---------------------------------------------------------------------------------------------
# Verification (reads the files back; knows nothing of the generator's state)
# ---------------------------------------------------------------------------------------------

MONEY = re.compile(r"^(0|[1-9]\d*)\.\d{2}$")
INT = re.compile(r"^(0|[1-9]\d*)$")
TS = re.compile(r"^2026-11-2[01]T\d{2}:\d{2}:\d{2}\+08:00$")
LOC = re.compile(r"^[A-Z]-\d{2}-\d{2}-\d$")
DEC6 = re.compile(r"^-?\d{1,3}\.\d{1,6}$")


def cents(s):
    assert MONEY.match(s), s
    a, b = s.split(".")
    return int(a) * 100 + int(b)


def verify(expected_inconsistent=None):
    errors = []

    def check(cond, msg):
        if not cond:
            errors.append(msg)

    data = {}
    for fname, header in HEADERS.items():
        h, rows = read_csv(os.path.join(OUT, fname))
        check(h == header, "%s: header %s" % (fname, h))
        data[fname] = rows
    merchants = {r["merchant_code"]: r for r in data["merchants.csv"]}
    check(len(merchants) == len(data["merchants.csv"]), "duplicate merchant")
    for r in merchants.values():
        check(r["backorder_policy"] in ("SHIP_AVAILABLE", "WAIT_FOR_ALL"), "policy " + str(r))
    check(any(r["backorder_policy"] == "WAIT_FOR_ALL" for r in merchants.values()), "no WAIT_FOR_ALL")
    whs = {r["warehouse_code"]: r for r in data["warehouses.csv"]}
    check(len(whs) == len(data["warehouses.csv"]), "duplicate warehouse")
    for r in whs.values():
        zs = r["temperature_zones"].split("|")
        check(zs and all(z in ZONES for z in zs) and len(set(zs)) == len(zs), "zones " + str(r))
        check(r["active"] in ("true", "false") and INT.match(r["priority"]), "warehouse " + str(r))
        check(DEC6.match(r["latitude"]) and DEC6.match(r["longitude"]), "coords " + str(r))
    check(sum(1 for r in whs.values() if r["active"] == "false") == 1, "exactly one inactive warehouse")
    skus = {r["sku_code"]: r for r in data["skus.csv"]}
    check(len(skus) == len(data["skus.csv"]) == N_SKUS, "sku count/duplicates")
    for r in skus.values():
        check(re.match(r"^SKU\d{5}$", r["sku_code"]) is not None, "sku code " + r["sku_code"])
        check(r["merchant_code"] in merchants, "sku merchant " + str(r))
        check(r["temperature_zone"] in ZONES, "sku zone " + str(r))
        check(INT.match(r["weight_grams"]) and int(r["weight_grams"]) > 0, "weight " + str(r))
    seen, locs = {}, {}
    for r in data["stock.csv"]:
        k = (r["warehouse_code"], r["sku_code"])
        check(k not in seen, "duplicate stock " + str(k))
        seen[k] = 1
        check(r["warehouse_code"] in whs and r["sku_code"] in skus, "stock ref " + str(r))
        check(INT.match(r["on_hand"]) is not None, "on_hand " + str(r))
        check(LOC.match(r["location_code"]) is not None, "location " + str(r))
        check((r["warehouse_code"], r["location_code"]) not in locs, "bin used twice " + str(r))
        locs[(r["warehouse_code"], r["location_code"])] = 1
        if r["warehouse_code"] in whs and r["sku_code"] in skus:
            check(skus[r["sku_code"]]["temperature_zone"] in whs[r["warehouse_code"]]["temperature_zones"].split("|"),
                  "stock zone " + str(r))
    per_sku = {}
    for r in data["stock.csv"]:
        if whs.get(r["warehouse_code"], {}).get("active") == "true":
            per_sku[r["sku_code"]] = per_sku.get(r["sku_code"], 0) + 1
    check(max(per_sku.values()) <= 4, "an SKU stocked in more than 4 active warehouses")
    check(any(r["warehouse_code"] == c for r in data["stock.csv"] for c, w in whs.items() if w["active"] == "false"),
          "inactive warehouse holds no stock")
    orders = {}
    for r in data["orders.csv"]:
        check(r["order_no"] not in orders, "duplicate order " + r["order_no"])
        orders[r["order_no"]] = r
        check(re.match(r"^SO202611(20|21)\d{5}$", r["order_no"]) is not None, "order_no " + r["order_no"])
        check(r["status"] in ("PAID", "PENDING_PAYMENT"), "status " + str(r))
        check(r["priority"] in ("NORMAL", "EXPRESS"), "priority " + str(r))
        if r["status"] == "PAID":
            check(TS.match(r["paid_at"]) is not None, "paid_at " + str(r))
        else:
            check(r["paid_at"] == "", "pending with paid_at " + str(r))
        check(re.match(r"^1\d{10}$", r["ship_phone"]) is not None, "phone " + str(r))
        check(DEC6.match(r["ship_latitude"]) and DEC6.match(r["ship_longitude"]), "ship coords " + str(r))
        for c in ("goods_amount", "discount_amount", "shipping_fee", "paid_amount"):
            check(MONEY.match(r[c]) is not None, "%s %s" % (c, r))
        check(cents(r["discount_amount"]) <= cents(r["goods_amount"]), "discount > goods " + r["order_no"])
        check(r["shipping_fee"] in ("0.00", "6.00", "10.00", "12.00"), "fee " + str(r))
    check(len(orders) == N_ORDERS, "order count")
    lines = {}
    for r in data["order_lines.csv"]:
        check(r["order_no"] in orders, "line of unknown order " + str(r))
        check(r["sku_code"] in skus, "line with unknown sku " + str(r))
        check(INT.match(r["quantity"]) and int(r["quantity"]) > 0, "quantity " + str(r))
        check(MONEY.match(r["unit_price"]) and MONEY.match(r["line_discount"]), "line money " + str(r))
        gross = int(r["quantity"]) * cents(r["unit_price"])
        check(cents(r["line_discount"]) <= gross, "line_discount > gross " + str(r))
        lines.setdefault(r["order_no"], []).append(r)
    bad = []
    for no, o in orders.items():
        ls = lines.get(no, [])
        check(1 <= len(ls) <= 5, "line count %s %d" % (no, len(ls)))
        check([int(l["line_no"]) for l in ls] == list(range(1, len(ls) + 1)), "line_no gaps " + no)
        check(len(set(l["sku_code"] for l in ls)) == len(ls), "sku twice in " + no)
        goods = sum(int(l["quantity"]) * cents(l["unit_price"]) - cents(l["line_discount"]) for l in ls)
        ok = (cents(o["goods_amount"]) == goods and
              cents(o["paid_amount"]) == cents(o["goods_amount"]) - cents(o["discount_amount"]) + cents(o["shipping_fee"]))
        if not ok:
            bad.append(no)
    if expected_inconsistent is not None:
        check(sorted(bad) == sorted(expected_inconsistent), "inconsistent orders %s != expected %s" % (bad, expected_inconsistent))
    # bad/ and restock/ files: BOM, header, and references other than the intended error
    for root, _, files in os.walk(os.path.join(OUT, "bad")):
        for f in files:
            read_csv(os.path.join(root, f))
    h, rows = read_csv(os.path.join(OUT, "restock", "stock.csv"))
    check(h == HEADERS["stock.csv"], "restock header")
    for r in rows:
        check(r["warehouse_code"] in whs and r["sku_code"] in skus and LOC.match(r["location_code"]), "restock " + str(r))
    return errors, bad, data


def main():
    if "--check" not in sys.argv[1:]:
        g = Gen()
        g.run()
        errors, bad, data = verify(g.inconsistent)
        print("\n".join(g.summary_lines))
    else:
        errors, bad, data = verify()
        print("%d orders, %d inconsistent: %s" % (len(data["orders.csv"]), len(bad), ", ".join(sorted(bad))))
    if errors:
        print("VERIFY FAILED:\n  " + "\n  ".join(errors[:50]), file=sys.stderr)
        return 1
    print("verify: OK (headers, keys, references, zones, bins, formats; all consistent orders satisfy both formulas)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
