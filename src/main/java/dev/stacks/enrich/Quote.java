package dev.stacks.enrich;

/**
 * A direct quotation: its text without the quote marks, the canonical name of its speaker
 * (null when the text does not say who), and the offsets of the quoted text in the body.
 */
public record Quote(String text, String speaker, int start, int end) {
}
