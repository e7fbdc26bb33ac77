package dev.stacks.search;

import java.util.List;
import java.util.Map;

/** A page of hits with the facet counts of the whole result set, and a cursor to the next page. */
public record SearchResult(long total, long tookMs, List<Hit> hits, Map<String, List<FacetValue>> facets, String nextCursor) {
}
