package io.leakwatch.classifier.train;

import io.leakwatch.textgen.Filler;
import io.leakwatch.textgen.Lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Synthetic TRANSACTIONAL SMS: one-time codes, bank, card, loan and payment alerts, operator balance, data and bill
 * notices, deliveries and pickup codes, orders, rides and food delivery, rail, air and hotel bookings, hospital,
 * school and exam notices, social security, housing fund, tax, traffic, court and other government services,
 * weather warnings, utility and property bills, insurance, securities and fund confirmations, subscriptions;
 * about 85% Chinese and 15% English (UK, US and Singapore shapes). They add to {@code zh-inbox}'s {@code inform}
 * messages, the only real notices in the corpora, so that the model learns what legitimate notices look like in
 * general rather than what one person's inbox looks like, and they give English notices at all.
 *
 * <p>Each message is composed: an optional opener ({@code 尊敬的客户，}, {@code 您好，}, ...), a body template
 * of its sector (for Chinese, sometimes followed by more bodies of the same sector), an optional closer
 * ({@code 详询95555。}, {@code 如非本人操作请忽略。}, ...) and, for Chinese, a
 * {@code 【sender】} signature at the start (about 60%), at the end (about 25%) or absent (about 15%); English
 * notices put {@code Sender: } first or {@code  - Sender} last or carry none. Templates, openers and closers are in
 * {@code notices-templates.tsv}; slots ({@code {bank}}, {@code {amount}}, {@code {date}}, ...) are filled from the
 * lists of {@code notices-lexicon.tsv} and the makers below; an entity slot keeps its value within
 * a message, so the signature, the hotline and the body name the same bank, courier or airline. No text is
 * marketing: no opt-out markers, promotions or offers. Written for this project in the shapes real notices
 * take; no corpus text is copied.
 */
public final class SyntheticNotices {

    private static final String LEXICON_RESOURCE = "/io/leakwatch/classifier/train/notices-lexicon.tsv";
    private static final String TEMPLATES_RESOURCE = "/io/leakwatch/classifier/train/notices-templates.tsv";
    private static final Lexicon LEXICON = Lexicon.load(SyntheticNotices.class, LEXICON_RESOURCE);
    private static final Lexicon TEMPLATES = Lexicon.load(SyntheticNotices.class, TEMPLATES_RESOURCE);

    // ---------------------------------------------------------------- slot values (notices-lexicon.tsv)


    private static final String[][] CITIES = LEXICON.table("cities");
    private static final String[][] BANKS = LEXICON.table("banks");
    private static final String[][] PAYS = LEXICON.table("pays");
    private static final String[][] OPERATORS = LEXICON.table("operators");
    private static final String[][] COURIERS = LEXICON.table("couriers");
    private static final String[] STATIONS = LEXICON.list("stations");
    private static final String[] LOCKERS = LEXICON.list("lockers");
    private static final String[] APPS = LEXICON.list("apps");
    private static final String[] SHOPS = LEXICON.list("shops");
    private static final String[] FOODS = LEXICON.list("foods");
    private static final String[] RIDES = LEXICON.list("rides");
    private static final String[][] OTAS = LEXICON.table("otas");
    private static final String[][] AIRLINES = LEXICON.table("airlines");
    private static final String[] HOTELS = LEXICON.list("hotels");
    private static final String[] ROOM_TYPES = LEXICON.list("room_types");
    private static final String[] HOSPITALS = LEXICON.list("hospitals");
    private static final String[] DEPTS = LEXICON.list("depts");
    private static final String[] DOCTOR_TITLES = LEXICON.list("doctor_titles");
    private static final String[] FLOORS = LEXICON.list("floors");
    private static final String[] SCHOOLS = LEXICON.list("schools");
    private static final String[] EXAM_ORGS = LEXICON.list("exam_orgs");
    private static final String[] EXAMS = LEXICON.list("exams");
    private static final String[] GRADES = LEXICON.list("grades");
    private static final String[] MAJORS = LEXICON.list("majors");
    private static final String[][] INSURERS = LEXICON.table("insurers");
    private static final String[] INS_PRODUCTS = LEXICON.list("ins_products");
    private static final String[][] BROKERS = LEXICON.table("brokers");
    private static final String[][] STOCKS = LEXICON.table("stocks");
    private static final String[] IPO_HEADS = LEXICON.list("ipo_heads");
    private static final String[] IPO_TAILS = LEXICON.list("ipo_tails");
    private static final String[] FUND_COS = LEXICON.list("fund_cos");
    private static final String[] FUND_THEMES = LEXICON.list("fund_themes");
    private static final String[] MEDIA = LEXICON.list("media");
    private static final String[] ETCS = LEXICON.list("etcs");
    private static final String[] PROPCOS = LEXICON.list("propcos");
    private static final String[] ESTATES = LEXICON.list("estates");
    private static final String[] GATES = LEXICON.list("gates");
    private static final String[] AREAS = LEXICON.list("areas");
    private static final String[] ROADS = LEXICON.list("roads");
    private static final String[] PLACES = LEXICON.list("places");
    private static final String[] STORES = LEXICON.list("stores");
    private static final String[] RESTAURANTS = LEXICON.list("restaurants");
    private static final String[] PRODUCTS = LEXICON.list("products");
    private static final String[] CARS = LEXICON.list("cars");
    private static final String[] DEVICES = LEXICON.list("devices");
    private static final String[] SURNAMES = LEXICON.list("surnames");
    private static final String[] GIVEN = LEXICON.list("given");
    private static final String[] MEMOS = LEXICON.list("memos");
    private static final String[] PAYEES = LEXICON.list("payees");
    private static final String[] PACKAGES = LEXICON.list("packages");
    private static final String[] SERVICES = LEXICON.list("services");
    private static final String[] ABROAD = LEXICON.list("abroad");
    private static final String[] HAZARDS = LEXICON.list("hazards");
    private static final String[] LEVELS = LEXICON.list("levels");
    private static final String[] WEATHERS = LEXICON.list("weathers");
    private static final String[] EMAIL_DOMAINS = LEXICON.list("email_domains");
    private static final String[] LINK_HOSTS = LEXICON.list("link_hosts");
    private static final String[] TRAIN_TYPES = LEXICON.list("train_types");
    private static final String[] PLATE_LETTERS = LEXICON.list("plate_letters");
    private static final String[] SEAT_LETTERS = LEXICON.list("seat_letters");
    private static final String[][] EN_BANKS = LEXICON.table("en_banks");
    private static final String[][] EN_COURIERS = LEXICON.table("en_couriers");
    private static final String[][] EN_STORES = LEXICON.table("en_stores");
    private static final String[][] EN_BILLERS = LEXICON.table("en_billers");
    private static final String[][][] EN_AIRLINES = regions(LEXICON, "en_airlines");
    private static final String[][] EN_RIDES = LEXICON.table("en_rides");
    private static final String[][] EN_FOODS = LEXICON.table("en_foods");
    private static final String[][] EN_CLINICS = LEXICON.table("en_clinics");
    private static final String[][] EN_PHARMACIES = LEXICON.table("en_pharmacies");
    private static final String[][] EN_HOTELS = LEXICON.table("en_hotels");
    private static final String[] EN_STAYS = LEXICON.list("en_stays");
    private static final String[][][] EN_UTILITIES = regions(LEXICON, "en_utilities");
    private static final String[][] EN_SCHOOLS = LEXICON.table("en_schools");
    private static final String[][] EN_POINTS = LEXICON.table("en_points");
    private static final String[] EN_APPS = LEXICON.list("en_apps");
    private static final String[] EN_FIRST = LEXICON.list("en_first");
    private static final String[] EN_LAST = LEXICON.list("en_last");
    private static final String[] EN_CARS = LEXICON.list("en_cars");
    private static final String[] EN_DEVICES = LEXICON.list("en_devices");
    private static final String[] EN_AIRPORTS = LEXICON.list("en_airports");
    private static final String[] EN_RESTAURANTS = LEXICON.list("en_restaurants");
    private static final String[] EN_MONTHS = LEXICON.list("en_months");
    /** A closer is dropped when the body already says the same thing. */
    private static final String[] CLOSER_MARKERS = TEMPLATES.list("closer_markers");

    // ---------------------------------------------------------------- sectors (notices-templates.tsv)

    /**
     * Bodies of one sector and how they are wrapped: {@code sign} is the sender (a slot expression, so that it
     * names the bank or courier of the body), {@code hotline} its service number.
     */
    private record Sector(String sign, String hotline, boolean english, String[] openers, String[] closers,
                          String[] bodies) {
    }

    /** All bodies, sector by sector, and the sector of each. */
    private static final String[] BODIES;
    private static final Sector[] SECTOR_OF;

    static {
        final List<String> bodies = new ArrayList<>();
        final List<Sector> sectors = new ArrayList<>();
        for (final Lexicon.Entry line : TEMPLATES.entries("sector")) {
            final String[] f = line.values();
            if (f.length != 5 || !(f[2].equals("zh") || f[2].equals("en"))) {
                throw new IllegalStateException(TEMPLATES_RESOURCE + ":" + line.line()
                    + ": expected sender|service number|zh or en|openers|closers");
            }
            final String[] sectorBodies = TEMPLATES.entries("body").stream()
                .filter(b -> b.name().equals(line.name())).map(Lexicon.Entry::value).toArray(String[]::new);
            if (sectorBodies.length == 0) {
                throw new IllegalStateException(TEMPLATES_RESOURCE + ": sector " + line.name() + " has no body");
            }
            final Sector sector = new Sector(f[0], f[1], f[2].equals("en"), TEMPLATES.list(f[3]), TEMPLATES.list(f[4]),
                sectorBodies);
            for (final String body : sectorBodies) {
                bodies.add(body);
                sectors.add(sector);
            }
        }
        BODIES = bodies.toArray(new String[0]);
        SECTOR_OF = sectors.toArray(new Sector[0]);
    }

    private SyntheticNotices() {
    }

    /** The tables {@code name.0}, {@code name.1}, {@code name.2}: UK, US and Singapore. */
    private static String[][][] regions(final Lexicon lexicon, final String name) {
        return new String[][][] {lexicon.table(name + ".0"), lexicon.table(name + ".1"), lexicon.table(name + ".2")};
    }

    /**
     * {@code n} messages, the same for the same seed. Every run of {@link #templates()} messages from the start
     * uses each body template once, in an order shuffled per run, so any {@code n} samples the sectors evenly.
     */
    public static List<String> generate(final long seed, final int n) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<String> out = new ArrayList<>(n);
        final int[] order = new int[BODIES.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = 0; i < n; i++) {
            final int k = i % order.length;
            if (k == 0) {
                Shuffle.shuffle(order, random);
            }
            out.add(message(order[k], random));
        }
        return out;
    }

    /** How many distinct body templates there are. */
    public static int templates() {
        return BODIES.length;
    }

    /** Body template {@code template} as written, slots unfilled (for tests). */
    static String body(final int template) {
        return BODIES[template];
    }

    /** One message from body template {@code template}: filled, with opener, closer and signature. */
    static String message(final int template, final SplittableRandom r) {
        final Sector sector = SECTOR_OF[template];
        final Ctx c = new Ctx(r, sector);
        final String raw = BODIES[template];
        final String body = fill(raw, c);
        return sector.english() ? english(raw, body, c) : chinese(raw, body, c);
    }

    /**
     * A Chinese notice carries one more body of its sector (a bill and then a balance, a delivery and then its pickup
     * code) with this probability, again up to {@link #MAX_EXTRA_BODIES} times. Real notices run long: 15% of
     * {@code zh-inbox}'s train-split notices have over 140 characters, single-body synthetic ones 1.6% (7.4% with
     * these), and a model that learns long Chinese text only from adverts reads a long notice as one.
     */
    static final int EXTRA_BODY_PERCENT = 40;
    static final int MAX_EXTRA_BODIES = 3;

    private static String chinese(final String raw, final String body, final Ctx c) {
        final SplittableRandom r = c.r;
        final String opener = raw.startsWith("{") ? "" : fill(pick(c.sector.openers(), r), c);
        String text = opener + body;
        for (int extra = 0; extra < MAX_EXTRA_BODIES && r.nextInt(100) < EXTRA_BODY_PERCENT; extra++) {
            final String next = pick(c.sector.bodies(), r);
            if (!next.equals(raw)) {
                text += (endsSentence(text) ? "" : "。") + fill(next, c);
            }
        }
        final String closer = closer(text, c);
        if (!closer.isEmpty()) {
            if (!endsSentence(text)) {
                text += text.charAt(text.length() - 1) < 128 ? " " : "。";
            }
            text += closer;
        }
        if (r.nextInt(100) < 10) {
            text = text.replace('，', ',').replace('：', ':').replace('（', '(').replace('）', ')');
        }
        if (r.nextInt(100) < 8 && text.endsWith("。")) {
            text = text.substring(0, text.length() - 1);
        }
        final String sign = "【" + fill(c.sector.sign(), c) + "】";
        final int where = r.nextInt(100);
        return where < 60 ? sign + text : where < 85 ? text + sign : text;
    }

    private static String english(final String raw, final String body, final Ctx c) {
        final SplittableRandom r = c.r;
        final String opener = lowerFirstWord(raw).equals(raw) ? "" : fill(pick(c.sector.openers(), r), c);
        String text = opener.isEmpty() ? body : opener + lowerFirstWord(body);
        final String closer = raw.startsWith("<#>") ? "" : closer(body, c);
        if (!closer.isEmpty()) {
            text += (endsSentence(text) ? " " : ". ") + closer;
        }
        final String sign = fill(c.sector.sign(), c);
        final int where = r.nextInt(100);
        if (text.startsWith(sign) || where >= 65) {
            return text;
        }
        return where < 50 ? sign + ": " + text : text + " - " + sign;
    }

    /** A closer of the sector, or none (about 45%), or none when the body already says the same thing. */
    private static String closer(final String body, final Ctx c) {
        if (c.r.nextInt(100) < 45) {
            return "";
        }
        final String closer = fill(pick(c.sector.closers(), c.r), c);
        for (final String marker : CLOSER_MARKERS) {
            if (closer.contains(marker) && body.contains(marker)) {
                return "";
            }
        }
        final String hotline = fill("{hotline}", c);
        return closer.contains(hotline) && body.contains(hotline) ? "" : closer;
    }

    private static boolean endsSentence(final String text) {
        if (text.isEmpty()) {
            return true;
        }
        final char last = text.charAt(text.length() - 1);
        return last == '。' || last == '！' || last == '.' || last == '!' || last == '?';
    }

    private static String lowerFirstWord(final String body) {
        for (final String word : new String[] {"Your ", "You ", "We've ", "We "}) {
            if (body.startsWith(word)) {
                return Character.toLowerCase(body.charAt(0)) + body.substring(1);
            }
        }
        return body;
    }

    // ---------------------------------------------------------------- slot filling

    /** The state of one message: its random source, sector and the entity values chosen so far. */
    private static final class Ctx {
        private final SplittableRandom r;
        private final Sector sector;
        private final Map<String, String> values = new HashMap<>();
        /** The last date (month * 100 + day) and time (minute of day) filled, for a later one to follow. */
        private int lastDate = -1;
        private int lastTime = -1;

        private Ctx(final SplittableRandom r, final Sector sector) {
            this.r = r;
            this.sector = sector;
        }

        /** The value of {@code key} in this message, made by {@code make} the first time. */
        private String once(final String key, final Supplier<String> make) {
            String value = values.get(key);
            if (value == null) {
                value = make.get();
                values.put(key, value);
            }
            return value;
        }

        /** A row of {@code table} for {@code key}, the same row all through this message. */
        private String[] row(final String key, final String[][] table) {
            return table[Integer.parseInt(once(key, () -> String.valueOf(r.nextInt(table.length))))];
        }

        private int region() {
            return Integer.parseInt(once("region", () -> String.valueOf(r.nextInt(3))));
        }
    }

    /** Fills the slots of {@code template}; a number or code that would run into a preceding digit gets a space. */
    private static String fill(final String template, final Ctx c) {
        return Filler.fill(template, name -> slot(name, c), true);
    }

    private static String slot(final String name, final Ctx c) {
        final SplittableRandom r = c.r;
        return switch (name) {
            // the message's sender and service number
            case "hotline" -> c.once("hotline", () -> fill(c.sector.hotline(), c));
            case "line400" -> c.once("line400", () -> "400-" + (1 + r.nextInt(9)) + digits(2, r) + "-" + digits(4, r));
            case "landline" -> c.once("landline", () -> c.row("city", CITIES)[3] + "-" + (2 + r.nextInt(8))
                + digits(c.row("city", CITIES)[3].length() == 3 ? 7 : 6 + r.nextInt(2), r));
            // places
            case "city" -> c.row("city", CITIES)[0];
            case "province" -> c.row("city", CITIES)[1];
            case "city2" -> c.once("city2", () -> {
                final int first = Integer.parseInt(c.once("city", () -> String.valueOf(r.nextInt(CITIES.length))));
                return CITIES[(first + 1 + r.nextInt(CITIES.length - 1)) % CITIES.length][0];
            });
            case "area" -> c.once("area", () -> pick(AREAS, r));
            case "road" -> c.once("road", () -> pick(ROADS, r));
            case "estate" -> c.once("estate", () -> pick(ESTATES, r));
            case "door" -> c.once("door", () -> pick(GATES, r));
            case "building" -> c.once("building", () -> (1 + r.nextInt(30)) + "栋" + (1 + r.nextInt(4)) + "单元");
            case "roomno" -> c.once("roomno", () -> (1 + r.nextInt(32))
                + String.format(Locale.ROOT, "%02d", 1 + r.nextInt(8)));
            case "place" -> pick(PLACES, r);
            case "abroad" -> pick(ABROAD, r);
            // senders and other organisations
            case "app" -> c.once("app", () -> pick(APPS, r));
            case "bank" -> c.row("bank", BANKS)[0];
            case "bankline" -> c.row("bank", BANKS)[1];
            case "cardsign" -> r.nextInt(3) == 0 ? "{bank}信用卡" : "{bank}";
            case "pay" -> c.row("pay", PAYS)[0];
            case "payline" -> c.row("pay", PAYS)[1];
            case "op" -> c.row("op", OPERATORS)[0];
            case "opline" -> c.row("op", OPERATORS)[1];
            case "courier" -> c.row("courier", COURIERS)[0];
            case "courierline" -> c.row("courier", COURIERS)[1];
            case "station" -> c.once("station", () -> pick(STATIONS, r));
            case "locker" -> c.once("locker", () -> pick(LOCKERS, r));
            case "shop" -> c.once("shop", () -> pick(SHOPS, r));
            case "food" -> c.once("food", () -> pick(FOODS, r));
            case "ride" -> c.once("ride", () -> pick(RIDES, r));
            case "ota" -> c.row("ota", OTAS)[0];
            case "otaline" -> c.row("ota", OTAS)[1].isEmpty() ? "{line400}" : c.row("ota", OTAS)[1];
            case "airline" -> c.row("airline", AIRLINES)[0];
            case "airlineline" -> c.row("airline", AIRLINES)[1];
            case "hotel" -> c.once("hotel", () -> pick(HOTELS, r));
            case "hospital" -> c.once("hospital", () -> pick(HOSPITALS, r));
            case "school" -> c.once("school", () -> pick(SCHOOLS, r));
            case "examorg" -> c.once("examorg", () -> pick(EXAM_ORGS, r));
            case "court" -> c.once("court", () -> r.nextBoolean() ? "{city}市中级人民法院" : "{city}市{area}人民法院");
            case "power" -> c.once("power", () -> pick(new String[] {"国家电网", "南方电网", "国网{city}供电公司"}, r));
            case "water" -> c.once("water", () -> pick(new String[] {"{city}水务", "{city}自来水", "{city}供水"}, r));
            case "gas" -> c.once("gas", () -> pick(new String[] {"{city}燃气", "华润燃气", "港华燃气", "新奥燃气"}, r));
            case "propco" -> c.once("propco", () -> pick(PROPCOS, r));
            case "insurer" -> c.row("insurer", INSURERS)[0];
            case "insurerline" -> c.row("insurer", INSURERS)[1];
            case "broker" -> c.row("broker", BROKERS)[0];
            case "brokerline" -> c.row("broker", BROKERS)[1].isEmpty() ? "{line400}" : c.row("broker", BROKERS)[1];
            case "fundco" -> c.once("fundco", () -> pick(FUND_COS, r));
            case "media" -> c.once("media", () -> pick(MEDIA, r));
            case "etc" -> c.once("etc", () -> pick(ETCS, r));
            case "store" -> pick(STORES, r);
            case "restaurant" -> c.once("restaurant", () -> pick(RESTAURANTS, r));
            // people and contacts
            case "surname" -> pick(SURNAMES, r);
            case "honor" -> pick(SURNAMES, r) + (r.nextBoolean() ? "先生" : "女士");
            case "mname" -> maskedName(r);
            case "mphone" -> "1" + (3 + r.nextInt(7)) + r.nextInt(10) + "****" + digits(4, r);
            case "mobile" -> "1" + (3 + r.nextInt(7)) + digits(9, r);
            case "email" -> (char) ('a' + r.nextInt(26)) + "" + (char) ('a' + r.nextInt(26)) + "***@"
                + pick(EMAIL_DOMAINS, r);
            case "device" -> pick(DEVICES, r);
            case "link" -> "https://" + pick(LINK_HOSTS, r) + "/" + alnum(6 + r.nextInt(3), r);
            // codes and numbers
            case "code" -> digits(pick(new int[] {4, 5, 6, 6, 6, 6, 8}, r), r);
            case "code4" -> digits(4, r);
            case "code6" -> digits(6, r);
            case "code8" -> digits(8, r);
            case "min" -> String.valueOf(pick(new int[] {2, 3, 5, 5, 10, 10, 15, 30}, r));
            case "hours" -> String.valueOf(pick(new int[] {12, 24, 48, 72}, r));
            case "openhours" -> pick(new String[] {"08:00-20:00", "09:00-21:00", "07:30-22:00", "08:30-19:30"}, r);
            case "meeting" -> pick(new String[] {"下午14:30", "下午15:00", "下午16:00", "晚上19:00", "下午3点"}, r);
            case "tail4" -> c.once("tail4", () -> digits(4, r));
            case "tail4b" -> digits(4, r);
            case "order" -> c.once("order", () -> digits(12 + r.nextInt(8), r));
            case "account" -> c.once("account", () -> digits(10 + r.nextInt(3), r));
            case "waybill" -> c.once("waybill", () -> {
                final String[] courier = c.row("courier", COURIERS);
                return courier[2] + digits(Integer.parseInt(courier[3]), r);
            });
            case "emsno" -> "1" + digits(12, r);
            case "pickup" -> c.once("pickup", () -> pickup(r));
            case "lockcode" -> digits(r.nextBoolean() ? 6 : 8, r);
            case "plate" -> c.once("plate", () -> c.row("city", CITIES)[2] + pick(PLATE_LETTERS, r)
                + (r.nextInt(4) == 0 ? "D" + digits(5, r) : digits(3, r) + alnumUpper(2, r)));
            case "car" -> c.once("car", () -> pick(CARS, r));
            case "km" -> String.format(Locale.ROOT, "%.1f", 1 + r.nextInt(600) / 10.0);
            case "ticket" -> c.once("ticket", () -> "E" + digits(9, r));
            case "train" -> c.once("train", () -> {
                final String type = pick(TRAIN_TYPES, r);
                return type + (1 + r.nextInt("GDC".contains(type) ? 9999 : 999));
            });
            case "coach" -> r.nextInt(4) == 0
                ? String.format(Locale.ROOT, "%02d车%03d号下铺", 1 + r.nextInt(16), 1 + r.nextInt(66))
                : String.format(Locale.ROOT, "%02d车%02d%s号", 1 + r.nextInt(16), 1 + r.nextInt(20),
                    pick(new String[] {"A", "B", "C", "D", "F"}, r));
            case "gatecheck" -> (1 + r.nextInt(25)) + pick(new String[] {"", "A", "B"}, r);
            case "flight" -> c.once("flight", () -> c.row("airline", AIRLINES)[2] + (1000 + r.nextInt(9000)));
            case "eticket" -> c.once("eticket", () -> c.row("airline", AIRLINES)[3] + "-" + digits(10, r));
            case "seat" -> (1 + r.nextInt(50)) + pick(SEAT_LETTERS, r);
            case "gate" -> r.nextBoolean() ? String.valueOf(1 + r.nextInt(60)) : (char) ('A' + r.nextInt(5)) + ""
                + (1 + r.nextInt(40));
            case "bagtag" -> c.row("airline", AIRLINES)[2] + digits(6, r);
            case "roomtype" -> pick(ROOM_TYPES, r);
            case "dept" -> c.once("dept", () -> pick(DEPTS, r));
            case "doctor" -> maskedName(r) + pick(DOCTOR_TITLES, r);
            case "ampm" -> r.nextBoolean() ? "上午" : "下午";
            case "floor" -> pick(FLOORS, r);
            case "grade" -> pick(GRADES, r);
            case "classno" -> (1 + r.nextInt(12)) + "班";
            case "major" -> pick(MAJORS, r);
            case "exam" -> c.once("exam", () -> pick(EXAMS, r));
            case "exam2" -> pick(new String[] {"科目一", "科目二", "科目三", "科目四"}, r);
            case "caseno" -> c.once("caseno", () -> "（" + year(c) + "）" + c.row("city", CITIES)[2] + "0"
                + (101 + r.nextInt(20)) + pick(new String[] {"民初", "民终", "执", "民特"}, r) + (1 + r.nextInt(30000)) + "号");
            case "insproduct" -> pick(INS_PRODUCTS, r);
            case "policy" -> c.once("policy", () -> digits(15 + r.nextInt(6), r));
            case "stock" -> c.row("stock", STOCKS)[0];
            case "stockcode" -> c.row("stock", STOCKS)[1];
            case "ipo" -> c.once("ipo", () -> pick(IPO_HEADS, r) + pick(IPO_TAILS, r));
            case "ipocode" -> pick(new String[] {"732", "787", "301", "001", "780"}, r) + digits(3, r);
            case "shares" -> String.valueOf(100 * (1 + r.nextInt(50)));
            case "price" -> String.format(Locale.ROOT, "%.2f", 1 + r.nextInt(30000) / 100.0);
            case "div10" -> String.format(Locale.ROOT, "%.2f", logUniform(0.2, 30, r));
            case "fund" -> c.once("fund", () -> fill("{fundco}", c).replace("基金", "") + pick(FUND_THEMES, r)
                + pick(new String[] {"A", "C", ""}, r));
            case "fundcode" -> c.once("fundcode", () -> digits(6, r));
            case "units" -> String.format(Locale.ROOT, "%,.2f", logUniform(10, 200_000, r));
            case "unitdiv" -> String.format(Locale.ROOT, "%.4f", (1 + r.nextInt(800)) / 10_000.0);
            case "memo" -> pick(MEMOS, r);
            case "payee" -> pick(PAYEES, r);
            case "pkg" -> pick(PACKAGES, r);
            case "service" -> c.once("service", () -> pick(SERVICES, r));
            case "product" -> c.once("product", () -> pick(PRODUCTS, r));
            case "hazard" -> c.once("hazard", () -> pick(HAZARDS, r));
            case "level" -> pick(LEVELS, r);
            case "weather" -> pick(WEATHERS, r);
            case "tlow" -> c.once("tlow", () -> String.valueOf(r.nextInt(38) - 10));
            case "thigh" -> String.valueOf(Integer.parseInt(fill("{tlow}", c)) + 3 + r.nextInt(8));
            case "n2" -> String.valueOf(1 + r.nextInt(30));
            case "n3" -> String.valueOf(2 + r.nextInt(6));
            case "n10" -> String.valueOf(2 + r.nextInt(9));
            case "n12" -> String.valueOf(pick(new int[] {3, 6, 12, 24}, r));
            case "n30" -> String.valueOf(pick(new int[] {5, 10, 15, 20, 30}, r));
            case "n45" -> String.valueOf(pick(new int[] {30, 45, 60, 90, 120}, r));
            case "small" -> String.valueOf(1 + r.nextInt(500));
            case "small2" -> String.valueOf(pick(new int[] {5, 10, 20, 30, 50}, r));
            case "recharge" -> String.valueOf(pick(new int[] {30, 50, 100, 200, 300}, r));
            case "pct" -> String.valueOf(pick(new int[] {50, 80, 90, 100}, r));
            case "points" -> String.valueOf(100 + r.nextInt(50_000));
            case "mb" -> String.valueOf(1 + r.nextInt(1024));
            case "gb" -> String.format(Locale.ROOT, "%.2f", logUniform(0.1, 80, r));
            case "minutes" -> String.valueOf(1 + r.nextInt(800));
            case "kwh" -> String.valueOf(20 + r.nextInt(900));
            case "tons" -> String.valueOf(2 + r.nextInt(40));
            case "m3" -> String.valueOf(pick(new int[] {5, 10, 20}, r));
            case "apphash" -> alnum(11, r);
            // money, in the message's own style
            case "amount" -> money(10, 50_000, c);
            case "balance" -> money(10, 500_000, c);
            case "fee" -> money(5, 2_000, c);
            case "phonebal" -> money(0.5, 300, c);
            // dates and times, in the message's own style
            case "date" -> date(c, false);
            case "date2" -> date(c, true);
            case "time" -> time(c, false);
            case "time2" -> time(c, true);
            case "year" -> String.valueOf(year(c));
            case "month" -> (1 + r.nextInt(12)) + "月";
            case "ym" -> year(c) + "年" + (1 + r.nextInt(12)) + "月";
            case "dom" -> String.valueOf(1 + r.nextInt(28));
            // English (the region is chosen once per message: UK, US or Singapore)
            case "enapp" -> c.once("enapp", () -> pick(EN_APPS, r));
            case "enbank" -> c.once("enbank", () -> pick(EN_BANKS[c.region()], r));
            case "encourier" -> c.once("encourier", () -> pick(EN_COURIERS[c.region()], r));
            case "enstore" -> pick(EN_STORES[c.region()], r);
            case "enbiller" -> pick(EN_BILLERS[c.region()], r);
            case "enairline" -> c.row("enairline", EN_AIRLINES[c.region()])[0];
            case "enflight" -> c.once("enflight", () -> c.row("enairline", EN_AIRLINES[c.region()])[1]
                + (10 + r.nextInt(2000)));
            case "enflight2" -> c.row("enairline", EN_AIRLINES[c.region()])[1] + (10 + r.nextInt(2000));
            case "airport" -> pick(EN_AIRPORTS, r);
            case "pnr" -> c.once("pnr", () -> alnumUpper(6, r));
            case "enref" -> c.once("enref", () -> alnumUpper(8, r));
            case "enride" -> c.once("enride", () -> pick(EN_RIDES[c.region()], r));
            case "enfood" -> c.once("enfood", () -> pick(EN_FOODS[c.region()], r));
            case "enrest" -> c.once("enrest", () -> pick(EN_RESTAURANTS, r));
            case "encar" -> pick(EN_CARS, r);
            case "enplate" -> enPlate(c.region(), r);
            case "enclinic" -> c.once("enclinic", () -> pick(EN_CLINICS[c.region()], r));
            case "enpharmacy" -> pick(EN_PHARMACIES[c.region()], r);
            case "enhotel" -> c.once("enhotel", () -> pick(EN_HOTELS[c.region()], r));
            case "enstay" -> c.once("enstay", () -> pick(EN_STAYS, r));
            case "enutil" -> c.row("enutil", EN_UTILITIES[c.region()])[0];
            case "enutilkind" -> c.row("enutil", EN_UTILITIES[c.region()])[1];
            case "enschool" -> c.once("enschool", () -> pick(EN_SCHOOLS[c.region()], r));
            case "enpoint" -> c.once("enpoint", () -> pick(EN_POINTS[c.region()], r));
            case "enfirst" -> pick(EN_FIRST, r);
            case "enlast" -> pick(EN_LAST, r);
            case "enname" -> c.once("enname", () -> pick(EN_FIRST, r) + " " + pick(EN_LAST, r));
            case "endevice" -> pick(EN_DEVICES, r);
            case "entrack" -> c.once("entrack", () -> enTracking(c.region(), r));
            case "enorder" -> c.once("enorder", () -> enOrder(r));
            case "enmoney", "enmoney2" -> enMoney(c);
            case "endate" -> enDate(c);
            case "entime" -> enTime(c, false);
            case "entime2" -> enTime(c, true);
            case "enline" -> c.once("enline", () -> enLine(c.region(), r));
            default -> throw new IllegalArgumentException("unknown slot {" + name + "}");
        };
    }

    // ---------------------------------------------------------------- value makers

    private static String maskedName(final SplittableRandom r) {
        final String surname = pick(SURNAMES, r);
        return switch (r.nextInt(3)) {
            case 0 -> surname + "*";
            case 1 -> surname + "**";
            default -> surname + "*" + pick(GIVEN, r);
        };
    }

    private static String pickup(final SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> (1 + r.nextInt(30)) + "-" + (1 + r.nextInt(6)) + "-" + digits(4, r);
            case 1 -> (char) ('A' + r.nextInt(8)) + "-" + (1 + r.nextInt(6)) + "-" + digits(4, r);
            case 2 -> digits(6, r);
            default -> (1 + r.nextInt(20)) + "-" + digits(4, r);
        };
    }

    /** Money, log-uniform in [lo, hi); the message keeps one style: 1234.56, 1,234.56 or whole yuan. */
    private static String money(final double lo, final double hi, final Ctx c) {
        final double value = logUniform(lo, hi, c.r);
        final int style = Integer.parseInt(c.once("money", () -> String.valueOf(c.r.nextInt(10))));
        if (style < 5) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (style < 8) {
            return String.format(Locale.ROOT, "%,.2f", value);
        }
        return String.valueOf(Math.max(1, Math.round(value)));
    }

    private static double logUniform(final double lo, final double hi, final SplittableRandom r) {
        return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    private static int year(final Ctx c) {
        return Integer.parseInt(c.once("year", () -> String.valueOf(2019 + c.r.nextInt(7))));
    }

    /**
     * A date in the message's style: 3月8日, 03月08日, 2024年3月8日, 2024-03-08 or 03/08; with {@code after}, a few
     * days after the last one.
     */
    private static String date(final Ctx c, final boolean after) {
        final int style = Integer.parseInt(c.once("dstyle", () -> String.valueOf(c.r.nextInt(5))));
        int month = 1 + c.r.nextInt(12);
        int day = 1 + c.r.nextInt(28);
        if (after && c.lastDate > 0) {
            month = c.lastDate / 100;
            day = c.lastDate % 100 + 1 + c.r.nextInt(5);
            if (day > 28) {
                month = month % 12 + 1;
                day -= 28;
            }
        }
        c.lastDate = month * 100 + day;
        return switch (style) {
            case 0 -> month + "月" + day + "日";
            case 1 -> String.format(Locale.ROOT, "%02d月%02d日", month, day);
            case 2 -> year(c) + "年" + month + "月" + day + "日";
            case 3 -> String.format(Locale.ROOT, "%d-%02d-%02d", year(c), month, day);
            default -> String.format(Locale.ROOT, "%02d/%02d", month, day);
        };
    }

    /** A time in the message's style: 14:05 or 14时05分; with {@code after}, up to a few hours after the last one. */
    private static String time(final Ctx c, final boolean after) {
        final boolean colon = c.once("tstyle", () -> c.r.nextInt(10) < 7 ? "colon" : "cjk").equals("colon");
        final int minutes = minuteOfDay(c, after);
        return String.format(Locale.ROOT, colon ? "%02d:%02d" : "%02d时%02d分", minutes / 60, minutes % 60);
    }

    /** Mostly in waking hours; with {@code after}, 30 minutes to 4 hours after the last time (same day). */
    private static int minuteOfDay(final Ctx c, final boolean after) {
        final int minutes = after && c.lastTime >= 0
            ? Math.min(23 * 60 + 59, c.lastTime + 30 + c.r.nextInt(210))
            : (c.r.nextInt(10) < 8 ? 7 + c.r.nextInt(16) : c.r.nextInt(24)) * 60 + c.r.nextInt(60);
        c.lastTime = minutes;
        return minutes;
    }

    private static String enMoney(final Ctx c) {
        final String amount = String.format(Locale.ROOT, "%,.2f", logUniform(1, 5_000, c.r));
        final boolean symbol = c.once("enmoney", () -> c.r.nextInt(4) == 0 ? "code" : "symbol").equals("symbol");
        return switch (c.region()) {
            case 0 -> (symbol ? "£" : "GBP ") + amount;
            case 1 -> (symbol ? "$" : "USD ") + amount;
            default -> (symbol ? "S$" : "SGD ") + amount;
        };
    }

    /** 5 Mar, 05/03/2024 or 05/03 (UK, Singapore); Mar 5, 03/05/2024 or 03/05 (US). */
    private static String enDate(final Ctx c) {
        final int style = Integer.parseInt(c.once("dstyle", () -> String.valueOf(c.r.nextInt(3))));
        final int month = 1 + c.r.nextInt(12);
        final int day = 1 + c.r.nextInt(28);
        final boolean us = c.region() == 1;
        return switch (style) {
            case 0 -> us ? EN_MONTHS[month - 1] + " " + day : day + " " + EN_MONTHS[month - 1];
            case 1 -> String.format(Locale.ROOT, "%02d/%02d/%d", us ? month : day, us ? day : month, year(c));
            default -> String.format(Locale.ROOT, "%02d/%02d", us ? month : day, us ? day : month);
        };
    }

    /** 14:05 (UK, Singapore) or 2:05 PM (US); with {@code after}, later than the last one. */
    private static String enTime(final Ctx c, final boolean after) {
        final int minutes = minuteOfDay(c, after);
        final int hour = minutes / 60;
        final int minute = minutes % 60;
        if (c.region() != 1) {
            return String.format(Locale.ROOT, "%02d:%02d", hour, minute);
        }
        final int h12 = hour % 12 == 0 ? 12 : hour % 12;
        return String.format(Locale.ROOT, "%d:%02d %s", h12, minute, hour < 12 ? "AM" : "PM");
    }

    private static String enLine(final int region, final SplittableRandom r) {
        return switch (region) {
            case 0 -> pick(new String[] {"0345", "0800", "0330"}, r) + " " + digits(3, r) + " " + digits(4, r);
            case 1 -> "1-800-" + (2 + r.nextInt(8)) + digits(2, r) + "-" + digits(4, r);
            default -> (r.nextBoolean() ? "1800 " + digits(3, r) : "6" + digits(3, r)) + " " + digits(4, r);
        };
    }

    private static String enPlate(final int region, final SplittableRandom r) {
        return switch (region) {
            case 0 -> letters(2, r) + digits(2, r) + " " + letters(3, r);
            case 1 -> (1 + r.nextInt(9)) + letters(3, r) + digits(3, r);
            default -> "S" + letters(2, r) + (1000 + r.nextInt(9000)) + letters(1, r);
        };
    }

    private static String enTracking(final int region, final SplittableRandom r) {
        return switch (region) {
            case 0 -> letters(2, r) + digits(9, r) + "GB";
            case 1 -> r.nextBoolean() ? "1Z" + alnumUpper(6, r) + digits(10, r) : "9400" + digits(18, r);
            default -> "SG" + digits(10, r);
        };
    }

    private static String enOrder(final SplittableRandom r) {
        return r.nextBoolean()
            ? digits(3, r) + "-" + digits(7, r) + "-" + digits(7, r)
            : "#" + digits(6 + r.nextInt(4), r);
    }

    // ---------------------------------------------------------------- small helpers

    private static String pick(final String[] values, final SplittableRandom r) {
        return values[r.nextInt(values.length)];
    }

    private static int pick(final int[] values, final SplittableRandom r) {
        return values[r.nextInt(values.length)];
    }

    /** {@code n} random decimal digits. */
    static String digits(final int n, final SplittableRandom r) {
        final StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static String letters(final int n, final SplittableRandom r) {
        final StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('A' + r.nextInt(26)));
        }
        return b.toString();
    }

    private static String alnum(final int n, final SplittableRandom r) {
        final String chars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        final StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return b.toString();
    }

    private static String alnumUpper(final int n, final SplittableRandom r) {
        final String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        final StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return b.toString();
    }
}
