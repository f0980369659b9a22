package io.leakwatch.classifier.train;

import static io.leakwatch.classifier.train.Draw.alnum;
import static io.leakwatch.classifier.train.Draw.alnumUpper;
import static io.leakwatch.classifier.train.Draw.digits;
import static io.leakwatch.classifier.train.Draw.letters;
import static io.leakwatch.classifier.train.Draw.logUniform;
import static io.leakwatch.classifier.train.Draw.pick;

import io.leakwatch.textgen.Filler;
import io.leakwatch.textgen.Lexicon;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The slots of the synthetic notices ({@link SyntheticNotices}): slots that {@code notices-lexicon.tsv} declares
 * (a list drawn per use or once per message, a column of a table row) and the ones made here (codes, amounts,
 * dates, times, plates, waybills...). An entity slot keeps its value within a message, so the signature, the
 * hotline and the body name the same bank, courier or airline; money, dates and times keep one style.
 *
 * <p>Over 400 lines: one switch over the 105 slots made in code (one case each) and their makers, which
 * share the per-message state; the word lists they draw from are in the TSV.
 */
final class NoticeSlots {
    private static final String LEXICON_RESOURCE = "/io/leakwatch/classifier/train/notices-lexicon.tsv";
    private static final Lexicon LEXICON = Lexicon.load(NoticeSlots.class, LEXICON_RESOURCE);

    private static final String[][] CITIES = LEXICON.table("cities");
    private static final String[][] COURIERS = LEXICON.table("couriers");
    private static final String[][] OTAS = LEXICON.table("otas");
    private static final String[][] AIRLINES = LEXICON.table("airlines");
    private static final String[] DOCTOR_TITLES = LEXICON.list("doctor_titles");
    private static final String[][] BROKERS = LEXICON.table("brokers");
    private static final String[] IPO_HEADS = LEXICON.list("ipo_heads");
    private static final String[] IPO_TAILS = LEXICON.list("ipo_tails");
    private static final String[] FUND_THEMES = LEXICON.list("fund_themes");
    private static final String[] SURNAMES = LEXICON.list("surnames");
    private static final String[] GIVEN = LEXICON.list("given");
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
    private static final String[][][] EN_UTILITIES = regions(LEXICON, "en_utilities");
    private static final String[][] EN_SCHOOLS = LEXICON.table("en_schools");
    private static final String[][] EN_POINTS = LEXICON.table("en_points");
    private static final String[] EN_FIRST = LEXICON.list("en_first");
    private static final String[] EN_LAST = LEXICON.list("en_last");
    private static final String[] EN_MONTHS = LEXICON.list("en_months");

    /** The slots {@code notices-lexicon.tsv} declares, by name. */
    private static final Map<String, DeclaredSlot> DECLARED_SLOTS = declaredSlots();

    private NoticeSlots() {
    }

    /** The tables {@code name.0}, {@code name.1}, {@code name.2}: UK, US and Singapore. */
    private static String[][][] regions(final Lexicon lexicon, final String name) {
        return new String[][][] {lexicon.table(name + ".0"), lexicon.table(name + ".1"), lexicon.table(name + ".2")};
    }

    /** The state of one message: its random source, service number and the entity values chosen so far. */
    static final class Ctx {
        private final SplittableRandom r;
        private final String hotline;
        private final Map<String, String> values = new HashMap<>();
        /** The last date (month * 100 + day) and time (minute of day) filled, for a later one to follow. */
        private int lastDate = -1;
        private int lastTime = -1;

        /** A message drawn from {@code r}, whose {@code {hotline}} is the slot expression {@code hotline}. */
        Ctx(final SplittableRandom r, final String hotline) {
            this.r = r;
            this.hotline = hotline;
        }

        SplittableRandom random() {
            return r;
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
    static String fill(final String template, final Ctx c) {
        return Filler.fill(template, name -> slot(name, c), true);
    }

    private static String slot(final String name, final Ctx c) {
        final DeclaredSlot declared = DECLARED_SLOTS.get(name);
        if (declared != null) {
            return declared.value(c);
        }
        final SplittableRandom r = c.r;
        return switch (name) {
            // the message's sender and service number
            case "hotline" -> c.once("hotline", () -> fill(c.hotline, c));
            case "line400" -> c.once("line400", () -> "400-" + (1 + r.nextInt(9)) + digits(2, r) + "-" + digits(4, r));
            case "landline" -> c.once("landline", () -> c.row("city", CITIES)[3] + "-" + (2 + r.nextInt(8))
                + digits(c.row("city", CITIES)[3].length() == 3 ? 7 : 6 + r.nextInt(2), r));
            // places
            case "city2" -> c.once("city2", () -> {
                final int first = Integer.parseInt(c.once("city", () -> String.valueOf(r.nextInt(CITIES.length))));
                return CITIES[(first + 1 + r.nextInt(CITIES.length - 1)) % CITIES.length][0];
            });
            case "building" -> c.once("building", () -> (1 + r.nextInt(30)) + "栋" + (1 + r.nextInt(4)) + "单元");
            case "roomno" -> c.once("roomno", () -> (1 + r.nextInt(32))
                + String.format(Locale.ROOT, "%02d", 1 + r.nextInt(8)));
            // senders and other organisations
            case "cardsign" -> r.nextInt(3) == 0 ? "{bank}信用卡" : "{bank}";
            case "otaline" -> c.row("ota", OTAS)[1].isEmpty() ? "{line400}" : c.row("ota", OTAS)[1];
            case "court" -> c.once("court", () -> r.nextBoolean() ? "{city}市中级人民法院" : "{city}市{area}人民法院");
            case "brokerline" -> c.row("broker", BROKERS)[1].isEmpty() ? "{line400}" : c.row("broker", BROKERS)[1];
            // people and contacts
            case "honor" -> pick(SURNAMES, r) + (r.nextBoolean() ? "先生" : "女士");
            case "mname" -> maskedName(r);
            case "mphone" -> "1" + (3 + r.nextInt(7)) + r.nextInt(10) + "****" + digits(4, r);
            case "mobile" -> "1" + (3 + r.nextInt(7)) + digits(9, r);
            case "email" -> (char) ('a' + r.nextInt(26)) + "" + (char) ('a' + r.nextInt(26)) + "***@"
                + pick(EMAIL_DOMAINS, r);
            case "link" -> "https://" + pick(LINK_HOSTS, r) + "/" + alnum(6 + r.nextInt(3), r);
            // codes and numbers
            case "code" -> digits(pick(new int[] {4, 5, 6, 6, 6, 6, 8}, r), r);
            case "code4" -> digits(4, r);
            case "code6" -> digits(6, r);
            case "code8" -> digits(8, r);
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
            case "doctor" -> maskedName(r) + pick(DOCTOR_TITLES, r);
            case "ampm" -> r.nextBoolean() ? "上午" : "下午";
            case "classno" -> (1 + r.nextInt(12)) + "班";
            case "caseno" -> c.once("caseno", () -> "（" + year(c) + "）" + c.row("city", CITIES)[2] + "0"
                + (101 + r.nextInt(20)) + pick(new String[] {"民初", "民终", "执", "民特"}, r) + (1 + r.nextInt(30000)) + "号");
            case "policy" -> c.once("policy", () -> digits(15 + r.nextInt(6), r));
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
            case "tlow" -> c.once("tlow", () -> String.valueOf(r.nextInt(38) - 10));
            case "thigh" -> String.valueOf(Integer.parseInt(fill("{tlow}", c)) + 3 + r.nextInt(8));
            case "n2" -> String.valueOf(1 + r.nextInt(30));
            case "n3" -> String.valueOf(2 + r.nextInt(6));
            case "n10" -> String.valueOf(2 + r.nextInt(9));
            case "small" -> String.valueOf(1 + r.nextInt(500));
            case "points" -> String.valueOf(100 + r.nextInt(50_000));
            case "mb" -> String.valueOf(1 + r.nextInt(1024));
            case "gb" -> String.format(Locale.ROOT, "%.2f", logUniform(0.1, 80, r));
            case "minutes" -> String.valueOf(1 + r.nextInt(800));
            case "kwh" -> String.valueOf(20 + r.nextInt(900));
            case "tons" -> String.valueOf(2 + r.nextInt(40));
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
            case "enbank" -> c.once("enbank", () -> pick(EN_BANKS[c.region()], r));
            case "encourier" -> c.once("encourier", () -> pick(EN_COURIERS[c.region()], r));
            case "enstore" -> pick(EN_STORES[c.region()], r);
            case "enbiller" -> pick(EN_BILLERS[c.region()], r);
            case "enairline" -> c.row("enairline", EN_AIRLINES[c.region()])[0];
            case "enflight" -> c.once("enflight", () -> c.row("enairline", EN_AIRLINES[c.region()])[1]
                + (10 + r.nextInt(2000)));
            case "enflight2" -> c.row("enairline", EN_AIRLINES[c.region()])[1] + (10 + r.nextInt(2000));
            case "pnr" -> c.once("pnr", () -> alnumUpper(6, r));
            case "enref" -> c.once("enref", () -> alnumUpper(8, r));
            case "enride" -> c.once("enride", () -> pick(EN_RIDES[c.region()], r));
            case "enfood" -> c.once("enfood", () -> pick(EN_FOODS[c.region()], r));
            case "enplate" -> enPlate(c.region(), r);
            case "enclinic" -> c.once("enclinic", () -> pick(EN_CLINICS[c.region()], r));
            case "enpharmacy" -> pick(EN_PHARMACIES[c.region()], r);
            case "enhotel" -> c.once("enhotel", () -> pick(EN_HOTELS[c.region()], r));
            case "enutil" -> c.row("enutil", EN_UTILITIES[c.region()])[0];
            case "enutilkind" -> c.row("enutil", EN_UTILITIES[c.region()])[1];
            case "enschool" -> c.once("enschool", () -> pick(EN_SCHOOLS[c.region()], r));
            case "enpoint" -> c.once("enpoint", () -> pick(EN_POINTS[c.region()], r));
            case "enname" -> c.once("enname", () -> pick(EN_FIRST, r) + " " + pick(EN_LAST, r));
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

    /** A slot {@code notices-lexicon.tsv} declares: a list drawn per use or once per message, or a table column. */
    private record DeclaredSlot(String name, String how, String[] values, String[][] table, String key, int column) {
        private String value(final Ctx c) {
            return switch (how) {
                case "draw" -> pick(values, c.r);
                case "once" -> c.once(name, () -> pick(values, c.r));
                default -> c.row(key, table)[column];
            };
        }
    }

    private static Map<String, DeclaredSlot> declaredSlots() {
        final Map<String, DeclaredSlot> slots = new HashMap<>();
        for (final Lexicon.Entry e : LEXICON.entries("slot")) {
            final String[] f = e.values();
            final DeclaredSlot slot = switch (f[0]) {
                case "draw", "once" -> new DeclaredSlot(e.name(), f[0], LEXICON.list(f[1]), null, null, -1);
                case "column" -> new DeclaredSlot(e.name(), f[0], null, LEXICON.table(f[1]), f[2], Integer.parseInt(f[3]));
                default -> throw new IllegalStateException(LEXICON_RESOURCE + ":" + e.line() + ": expected draw, once or column");
            };
            if (slots.put(e.name(), slot) != null) {
                throw new IllegalStateException(LEXICON_RESOURCE + ":" + e.line() + ": slot " + e.name() + " declared twice");
            }
        }
        return Map.copyOf(slots);
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
}
