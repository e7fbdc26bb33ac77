package dev.stacks.enrich;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dateline that opens a story: a wire dateline "SALVADOR, Feb 26 -" or
 * "WASHINGTON (Reuters) -", a "date 2026-02-23" stamp, or a full date such as
 * "Friday, January 4, 2019" on its own at the top. Only the first few lines are searched.
 */
final class DatelineFinder {

    /**
     * Where the story was filed (char offsets of the place name, -1 if none), the region or country
     * written after it ("Calif.", "Germany"; null if none) and the date (may be null).
     */
    record Dateline(int placeStart, int placeEnd, String region, PublicationDate date) {
        boolean hasPlace() {
            return placeStart >= 0;
        }
    }

    private static final int HEAD = 600;

    private static final Pattern WIRE = Pattern.compile(
            "(?m)^[ \\t]*([A-Z][A-Z.'’\\- ]{0,40}[A-Z.])(?:\\s*,\\s*([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?\\s*,\\s*"
            + Dates.MONTH + "\\.?\\s+(\\d{1,2})(?:\\s*,?\\s*(\\d{4}))?\\s*(?:\\([A-Z][A-Za-z .&]{1,30}\\)\\s*)?[-–—]");
    private static final Pattern AGENCY = Pattern.compile(
            "(?m)^[ \\t]*([A-Z][A-Z.'’\\- ]{0,40}[A-Z.])(?:\\s*,\\s*([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?\\s*"
            + "\\([A-Z][A-Za-z .&]{1,30}\\)\\s*[-–—]");
    private static final Pattern STAMP = Pattern.compile("(?i)^\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern TOP_DATE = Pattern.compile("(?m)^[ \\t]*" + "(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+)?"
            + Dates.MONTH + "\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})[ \\t]*$");

    private DatelineFinder() {
    }

    static Dateline find(String text) {
        String head = text.length() > HEAD ? text.substring(0, HEAD) : text;
        Matcher m = STAMP.matcher(head);
        if (m.find()) {
            return new Dateline(-1, -1, null, Dates.parseValue(m.group(1), "dateline"));
        }
        m = WIRE.matcher(head);
        if (m.find()) {
            PublicationDate date = m.group(5) == null ? null
                    : Dates.of(Integer.parseInt(m.group(5)), Dates.month(m.group(3)), Integer.parseInt(m.group(4)),
                    PublicationDate.Precision.DAY, "dateline");
            return new Dateline(m.start(1), m.end(1), m.group(2), date);
        }
        m = AGENCY.matcher(head);
        if (m.find()) {
            return new Dateline(m.start(1), m.end(1), m.group(2), null);
        }
        m = TOP_DATE.matcher(head);
        if (m.find()) {
            return new Dateline(-1, -1, null, Dates.of(Integer.parseInt(m.group(3)), Dates.month(m.group(1)),
                    Integer.parseInt(m.group(2)), PublicationDate.Precision.DAY, "dateline"));
        }
        return new Dateline(-1, -1, null, null);
    }
}
