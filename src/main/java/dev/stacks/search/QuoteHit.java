package dev.stacks.search;

/** A quotation found: its text, speaker (null if unknown), its article, and its offsets in that article's text. */
public record QuoteHit(String text, String speaker, String documentId, String title, String date, int start, int end, Float score) {
}
