package dev.stacks.search;

import java.util.List;

/** A page of quotations. */
public record QuoteResult(long total, long tookMs, List<QuoteHit> hits) {
}
