package dev.stacks.search;

/** One occurrence of a query in context (keyword in context): left · match · right. */
public record ConcordanceLine(String documentId, String title, String date, String left, String match, String right, int start, int end) {
}
