package dev.stacks.enrich;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * When an article was published, as precisely as its sources say ({@link Precision}), and which
 * source said so ("metadata:dc.date", "date-line", "dateline", "text"). {@code value} is the first
 * day of the period for partial dates, so range filters and sorting work on every precision.
 */
public record PublicationDate(LocalDate value, Precision precision, String source) {

    public enum Precision { YEAR, MONTH, DAY }

    /** ISO form at the known precision: "1987", "1987-03" or "1987-03-02". */
    public String iso() {
        return switch (precision) {
            case YEAR -> String.format("%04d", value.getYear());
            case MONTH -> YearMonth.from(value).toString();
            case DAY -> value.toString();
        };
    }

    /**
     * Year, month and day at the known precision, zero-padded as {@code "%04d"} and {@code "%02d"}
     * pad them: {@code ["1987", "03", "02"]}. The date facet's path, and a timeline's period.
     */
    public String[] parts() {
        String year = zeroPadded(value.getYear(), 4);
        return switch (precision) {
            case YEAR -> new String[] {year};
            case MONTH -> new String[] {year, zeroPadded(value.getMonthValue(), 2)};
            case DAY -> new String[] {year, zeroPadded(value.getMonthValue(), 2), zeroPadded(value.getDayOfMonth(), 2)};
        };
    }

    /** As {@code String.format("%0<width>d", n)}, without parsing a format for every document. */
    static String zeroPadded(int n, int width) {
        if (n < 0) {
            return "-" + zeroPadded(-n, width - 1); // the sign counts in the width, as in Formatter
        }
        String digits = Integer.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** Parses "1987", "1987-03" or "1987-03-02" (the API's and the index's forms). */
    public static PublicationDate parseIso(String iso, String source) {
        try {
            return switch (iso.length()) {
                case 4 -> new PublicationDate(LocalDate.of(Integer.parseInt(iso), 1, 1), Precision.YEAR, source);
                case 7 -> new PublicationDate(YearMonth.parse(iso).atDay(1), Precision.MONTH, source);
                default -> new PublicationDate(LocalDate.parse(iso), Precision.DAY, source);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): " + iso, e);
        }
    }
}
