package dev.stacks.search;

/** The width of a timeline bucket. */
public enum Interval {
    YEAR, MONTH, DAY;

    public static Interval parse(String value) {
        if (value == null || value.isBlank()) {
            return YEAR;
        }
        return switch (value) {
            case "year" -> YEAR;
            case "month" -> MONTH;
            case "day" -> DAY;
            default -> throw new InvalidRequestException("interval", "interval must be year, month or day, not '" + value + "'");
        };
    }
}
