package dev.stacks.enrich;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the ways dates are written in metadata and in news text. Stateless. */
final class Dates {

    private Dates() {
    }

    static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
    private static final String WEEKDAY = "(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
            + "|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\\.?,?\\s+)?";

    /** A full date in running text: "January 4, 2019", "4 JANUARY 2019", "Jan. 4 2019", "2019-01-04", "21.03.2024". */
    static final Pattern FULL_DATE = Pattern.compile(
            "\\b" + WEEKDAY + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b"
            + "|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+(\\d{4})\\b"
            + "|\\b(\\d{4})-(\\d{2})-(\\d{2})\\b"
            + "|\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern ISO_PREFIX = Pattern.compile("^\\s*(\\d{4})(?:[-/](\\d{1,2})(?:[-/](\\d{1,2}))?)?(?:$|[T\\s]|[+-]\\d|Z)");
    private static final Pattern MONTH_YEAR = Pattern.compile("^\\s*" + MONTH + "\\.?,?\\s+(\\d{4})\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SLASHED = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern RFC = Pattern.compile("(\\d{1,2})\\s+" + MONTH + "[a-z]*\\.?\\s+(\\d{4})", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    static int month(String name) {
        Integer m = MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
        return m == null ? -1 : m;
    }

    /** A date from a metadata value or a "Date:" line, at the precision it is written; null if none. */
    static PublicationDate parseValue(String value, String source) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = ISO_PREFIX.matcher(value);
        if (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                return of(y, 1, 1, PublicationDate.Precision.YEAR, source);
            }
            int mo = Integer.parseInt(m.group(2));
            if (m.group(3) == null) {
                return of(y, mo, 1, PublicationDate.Precision.MONTH, source);
            }
            return of(y, mo, Integer.parseInt(m.group(3)), PublicationDate.Precision.DAY, source);
        }
        PublicationDate full = firstFullDate(value, source);
        if (full != null) {
            return full;
        }
        m = RFC.matcher(value);
        if (m.find()) {
            return of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)),
                    PublicationDate.Precision.DAY, source);
        }
        m = MONTH_YEAR.matcher(value);
        if (m.find()) {
            return of(Integer.parseInt(m.group(2)), month(m.group(1)), 1, PublicationDate.Precision.MONTH, source);
        }
        m = SLASHED.matcher(value);
        if (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            int y = Integer.parseInt(m.group(3));
            // "30/06/2022" is day first and "06/30/2022" month first; "03/04/2022" is read day first
            return b > 12 ? of(y, a, b, PublicationDate.Precision.DAY, source) : of(y, b, a, PublicationDate.Precision.DAY, source);
        }
        return null;
    }

    /**
     * The first full (day-precision) date in a text, or null. Every full date holds a four-digit
     * year, so the pattern only runs around such numbers: long texts without dates cost a char scan.
     */
    static PublicationDate firstFullDate(CharSequence text, String source) {
        List<Found> all = fullDates(text, source, 1);
        return all.isEmpty() ? null : all.get(0).date();
    }

    /** A full date found in a text, where it starts, and whether the words before it make it a deadline. */
    record Found(PublicationDate date, int start, boolean deadline) {
    }

    /** Up to {@code max} full dates of a text, in text order. */
    static List<Found> fullDates(CharSequence text, String source, int max) {
        List<Found> out = new ArrayList<>();
        int n = text.length();
        Matcher m = FULL_DATE.matcher(text).useTransparentBounds(true);
        int searchedTo = 0;
        for (int i = 0; i + 4 <= n && out.size() < max; i++) {
            if (!isYearAt(text, i)) {
                continue;
            }
            int from = Math.max(searchedTo, i - 40);
            int to = Math.min(n, i + 11);
            m.region(from, to);
            while (m.find() && out.size() < max) {
                PublicationDate d = fromFullDate(m, source);
                if (d != null) {
                    out.add(new Found(d, m.start(), deadlineBefore(text, m.start())));
                    searchedTo = m.end();
                }
            }
            searchedTo = Math.max(searchedTo, Math.max(from, i - 12));
            i += 3;
        }
        return out;
    }

    /**
     * Words before a date that make it a deadline, a term or a birth date, never the day of
     * publication: "by March 31, 1990", "until", "effective", "due", "expires", "born on".
     */
    private static final Pattern DEADLINE = Pattern.compile("(?i)\\b(?:by|until|till|before|through|thru|effective|due|"
            + "deadline|expires?|expiring|expiry|matures?|maturing|maturity|starting|beginning|begins|scheduled|born|"
            + "than|ending|ends|from|to|between|and|next|postponed|adjourned|delayed|redeemable|payable|record)"
            + "(?:\\s+(?:on|the|of|in))?\\s*[,(]?\\s*$");

    /** A weekday at the end of the text before a date; compiled once, as every date found is tested. */
    private static final Pattern WEEKDAY_AT_END = Pattern.compile("(?i)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s*$");

    private static boolean deadlineBefore(CharSequence text, int start) {
        int from = Math.max(0, start - 30);
        String before = text.subSequence(from, start).toString();
        // a weekday before the date belongs to it: "by Friday, March 3, 1990"
        before = WEEKDAY_AT_END.matcher(before).replaceAll("");
        return DEADLINE.matcher(before).find();
    }

    private static boolean isYearAt(CharSequence s, int i) {
        char c = s.charAt(i);
        if (c != '1' && c != '2') {
            return false;
        }
        if (i > 0 && Character.isDigit(s.charAt(i - 1))) {
            return false;
        }
        for (int k = 1; k < 4; k++) {
            if (!Character.isDigit(s.charAt(i + k))) {
                return false;
            }
        }
        return i + 4 >= s.length() || !Character.isDigit(s.charAt(i + 4));
    }

    static PublicationDate fromFullDate(Matcher m, String source) {
        if (m.group(1) != null) {
            return of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)), PublicationDate.Precision.DAY, source);
        }
        if (m.group(4) != null) {
            return of(Integer.parseInt(m.group(6)), month(m.group(5)), Integer.parseInt(m.group(4)), PublicationDate.Precision.DAY, source);
        }
        if (m.group(7) != null) {
            return of(Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)), Integer.parseInt(m.group(9)),
                    PublicationDate.Precision.DAY, source);
        }
        // "21.03.2024": the dotted form is day first wherever it is used
        return of(Integer.parseInt(m.group(12)), Integer.parseInt(m.group(11)), Integer.parseInt(m.group(10)),
                PublicationDate.Precision.DAY, source);
    }

    static PublicationDate of(int year, int month, int day, PublicationDate.Precision precision, String source) {
        if (year < 1000 || year > 2200 || month < 1) {
            return null;
        }
        try {
            return new PublicationDate(LocalDate.of(year, month, day), precision, source);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
