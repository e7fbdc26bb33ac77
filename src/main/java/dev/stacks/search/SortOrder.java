package dev.stacks.search;

/** Result order: by relevance, by date ascending ("date", "earliest") or descending ("-date"). */
public enum SortOrder {
    RELEVANCE, DATE_ASC, DATE_DESC;

    public static SortOrder parse(String value) {
        if (value == null || value.isBlank()) {
            return RELEVANCE;
        }
        return switch (value) {
            case "relevance" -> RELEVANCE;
            case "date", "earliest" -> DATE_ASC;
            case "-date", "latest" -> DATE_DESC;
            default -> throw new InvalidRequestException("sort", "sort must be relevance, date or -date, not '" + value + "'");
        };
    }
}
