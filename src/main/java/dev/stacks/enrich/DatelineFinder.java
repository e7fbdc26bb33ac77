package dev.stacks.enrich;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dateline that opens a story: a wire dateline "SALVADOR, Feb 26 -", "BORDEAUX,
 * 23 November 2023 —", "HALIFAX, N.S., Oct. 13.—" or "WASHINGTON (Reuters) -", a bare "MELBOURNE —",
 * a "date 2026-02-23" stamp, or a full date such as "Friday, January 4, 2019" on its own at the top.
 * Only the first few lines are searched.
 */
final class DatelineFinder {

    /**
     * Where the story was filed (char offsets of the place name, -1 if none), the region or country
     * written after it ("Calif.", "Germany"; null if none), the date when the dateline has a year
     * (may be null), and the month and day it gives without a year (0 if none).
     */
    record Dateline(int placeStart, int placeEnd, String region, PublicationDate date, int month, int day) {
        boolean hasPlace() {
            return placeStart >= 0;
        }
    }

    private static final int HEAD = 600;

    private static final String PLACE = "(\\p{Lu}[\\p{Lu}.'’\\- ]{0,40}[\\p{Lu}.])";
    private static final String REGION = "(?:\\s*,\\s*(\\p{Lu}[\\p{L}.]+(?: \\p{Lu}[\\p{L}.]+)?))?";
    private static final String AGENCY = "(?:\\(\\p{Lu}[\\p{L} .&]{1,30}\\)\\s*|/[\\p{L} ]{2,30}/\\s*)?";
    private static final String DASH = "(?:--|[-–—])";

    private static final Pattern WIRE = Pattern.compile(
            "(?m)^[ \\t]*" + PLACE + REGION + "\\s*,\\s*" + Dates.MONTH + "\\.?\\s+(\\d{1,2})(?:\\s*,?\\s*(\\d{4}))?\\.?\\s*"
            + AGENCY + DASH);
    private static final Pattern WIRE_DAY_FIRST = Pattern.compile(
            "(?m)^[ \\t]*" + PLACE + REGION + "\\s*,\\s*(\\d{1,2})\\s+" + Dates.MONTH + "[a-z]*\\.?(?:\\s*,?\\s*(\\d{4}))?\\.?\\s*"
            + AGENCY + DASH);
    private static final Pattern AGENCY_ONLY = Pattern.compile(
            "(?m)^[ \\t]*" + PLACE + REGION + "\\s*\\(\\p{Lu}[\\p{L} .&]{1,30}\\)\\s*" + DASH);
    private static final Pattern BARE = Pattern.compile("(?m)^[ \\t]*" + PLACE + REGION + "\\s*[–—]\\s");
    private static final Pattern STAMP = Pattern.compile("(?i)^\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern TOP_DATE = Pattern.compile("(?m)^[ \\t]*" + "(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+)?"
            + Dates.MONTH + "\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})[ \\t]*$");

    private DatelineFinder() {
    }

    static Dateline find(String text) {
        String head = text.length() > HEAD ? text.substring(0, HEAD) : text;
        Matcher m = STAMP.matcher(head);
        if (m.find()) {
            return new Dateline(-1, -1, null, Dates.parseValue(m.group(1), "dateline"), 0, 0);
        }
        Matcher wire = WIRE.matcher(head);
        Matcher dayFirst = WIRE_DAY_FIRST.matcher(head);
        boolean w = wire.find();
        boolean d = dayFirst.find();
        if (w && (!d || wire.start() <= dayFirst.start())) {
            return dated(wire, Dates.month(wire.group(3)), Integer.parseInt(wire.group(4)), wire.group(5));
        }
        if (d) {
            return dated(dayFirst, Dates.month(dayFirst.group(4)), Integer.parseInt(dayFirst.group(3)), dayFirst.group(5));
        }
        m = AGENCY_ONLY.matcher(head);
        if (m.find()) {
            return new Dateline(m.start(1), m.end(1), m.group(2), null, 0, 0);
        }
        m = TOP_DATE.matcher(head);
        if (m.find()) {
            return new Dateline(-1, -1, null, Dates.of(Integer.parseInt(m.group(3)), Dates.month(m.group(1)),
                    Integer.parseInt(m.group(2)), PublicationDate.Precision.DAY, "dateline"), 0, 0);
        }
        m = BARE.matcher(head);
        if (m.find()) {
            return new Dateline(m.start(1), m.end(1), m.group(2), null, 0, 0);
        }
        return new Dateline(-1, -1, null, null, 0, 0);
    }

    private static Dateline dated(Matcher m, int month, int day, String year) {
        PublicationDate date = year == null ? null
                : Dates.of(Integer.parseInt(year), month, day, PublicationDate.Precision.DAY, "dateline");
        return new Dateline(m.start(1), m.end(1), m.group(2), date, year == null ? month : 0, year == null ? day : 0);
    }
}
