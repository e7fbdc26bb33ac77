package dev.stacks.search;

/**
 * A search among quotations: words of the quote ({@code q}, the query language applies), an
 * exact speaker, a date range, and the order: relevance, date, or "earliest" to see where a
 * phrase started.
 */
public record QuoteRequest(String q, String speaker, String from, String to, SortOrder sort, int page, int size) {
    public QuoteRequest {
        q = q == null ? "" : q.strip();
        speaker = speaker == null || speaker.isBlank() ? null : speaker.strip();
        sort = sort == null ? SortOrder.RELEVANCE : sort;
        if (q.length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw new InvalidRequestException("q", "the query is longer than " + SearchRequest.MAX_QUERY_LENGTH + " characters");
        }
        if (size < 1 || size > SearchRequest.MAX_SIZE) {
            throw new InvalidRequestException("size", "size must be between 1 and " + SearchRequest.MAX_SIZE + ", not " + size);
        }
        if (page < 1 || (long) page * size > 100_000) {
            throw new InvalidRequestException("page", "page must be between 1 and " + (100_000 / size));
        }
        DateBounds.lower("from", from);
        DateBounds.upper("to", to);
    }
}
