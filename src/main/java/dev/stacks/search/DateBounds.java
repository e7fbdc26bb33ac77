package dev.stacks.search;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * Partial ISO dates as range bounds: "1987" from → 1987-01-01, to → 1987-12-31;
 * "1987-03" → the first or last day of March; "-0044-03-15" and other years before 1000 work too.
 */
public final class DateBounds {
    private static final Pattern YEAR = Pattern.compile("-?\\d{1,4}");
    private static final Pattern MONTH = Pattern.compile("-?\\d{1,4}-\\d{2}");

    private DateBounds() {
    }

    /** The first day of the period, as epoch day; null for a blank value. */
    public static Long lower(String parameter, String value) {
        return parse(parameter, value, true);
    }

    /** The last day of the period, as epoch day; null for a blank value. */
    public static Long upper(String parameter, String value) {
        return parse(parameter, value, false);
    }

    private static Long parse(String parameter, String value, boolean first) {
        if (value == null || value.isBlank() || value.equals("*")) {
            return null;
        }
        String v = value.strip();
        try {
            if (YEAR.matcher(v).matches()) {
                int year = Integer.parseInt(v);
                return (first ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31)).toEpochDay();
            }
            if (MONTH.matcher(v).matches()) {
                int dash = v.lastIndexOf('-');
                YearMonth ym = YearMonth.of(Integer.parseInt(v.substring(0, dash)), Integer.parseInt(v.substring(dash + 1)));
                return (first ? ym.atDay(1) : ym.atEndOfMonth()).toEpochDay();
            }
            return LocalDate.parse(v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v).toEpochDay();
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new InvalidRequestException(parameter,
                    parameter + " must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not '" + value + "'");
        }
    }
}
