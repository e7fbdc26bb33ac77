package dev.stacks.search;

/**
 * One facet value with its count among the current results. {@code type} is set for actors,
 * {@code path} for hierarchical values (locations "Mexico/Jalisco", dates "1987/03").
 */
public record FacetValue(String value, String type, String path, long count) {
}
