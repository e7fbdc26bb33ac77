package dev.stacks.search;

/** The width of a timeline bucket; {@link #AUTO} lets the timeline choose from the hits' dates. */
public enum Interval {
    YEAR, MONTH, DAY,
    /** Years, or months when every dated hit falls within two calendar years (a year or two of news). */
    AUTO;

    public static Interval parse(String value) {
        if (value == null || value.isBlank()) {
            return YEAR;
        }
        return switch (value) {
            case "year" -> YEAR;
            case "month" -> MONTH;
            case "day" -> DAY;
            case "auto" -> AUTO;
            default -> throw new InvalidRequestException("interval", "interval must be year, month, day or auto, not '" + value + "'");
        };
    }
}
