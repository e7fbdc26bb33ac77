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
