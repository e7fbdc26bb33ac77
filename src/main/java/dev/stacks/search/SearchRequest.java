package dev.stacks.search;

import java.util.List;

/**
 * A search as a researcher asks it: the query text, filters (each a list: values of one filter
 * are alternatives, different filters all apply), the order and the page. Built by the API or the
 * command line; validated here, at the boundary, so that everything past it can trust it.
 */
public record SearchRequest(
        String q,
        List<String> actors,
        List<String> locations,
        String from,
        String to,
        List<String> formats,
        SortOrder sort,
        int page,
        int size,
        String cursor) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_QUERY_LENGTH = 2000;

    public SearchRequest {
        q = q == null ? "" : q.strip();
        actors = List.copyOf(actors == null ? List.of() : actors);
        locations = List.copyOf(locations == null ? List.of() : locations);
        formats = List.copyOf(formats == null ? List.of() : formats);
        sort = sort == null ? SortOrder.RELEVANCE : sort;
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidRequestException("q", "the query is " + q.length() + " characters long; the limit is " + MAX_QUERY_LENGTH);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("size", "size must be between 1 and " + MAX_SIZE + ", not " + size);
        }
        if (page < 1) {
            throw new InvalidRequestException("page", "page starts at 1, not " + page);
        }
        if ((long) page * size > 100_000 && (cursor == null || cursor.isBlank())) {
            throw new InvalidRequestException("page", "page " + page + " is too deep; follow nextCursor to page further");
        }
        DateBounds.lower("from", from);
        DateBounds.upper("to", to);
    }

    /** A request for the first page of a query, without filters. */
    public static SearchRequest of(String q) {
        return new SearchRequest(q, List.of(), List.of(), null, null, List.of(), SortOrder.RELEVANCE, 1, 10, null);
    }

    /** The same search without its filters (actor, location, date, format). */
    public SearchRequest withoutFilters() {
        return new SearchRequest(q, List.of(), List.of(), null, null, List.of(), sort, page, size, cursor);
    }

    /** The same search's next page. */
    public SearchRequest nextPage() {
        return new SearchRequest(q, actors, locations, from, to, formats, sort, page + 1, size, cursor);
    }

    public SearchRequest withSize(int newSize) {
        return new SearchRequest(q, actors, locations, from, to, formats, sort, 1, newSize, null);
    }
}
