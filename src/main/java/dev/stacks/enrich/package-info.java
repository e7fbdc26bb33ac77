/**
 * Enrichment: from an {@link dev.stacks.extract.Extraction} to an {@link dev.stacks.enrich.Article}
 * with its publication date, actors (people and organisations), locations and quotations.
 *
 * <p>The default {@link dev.stacks.enrich.Enricher} is {@link dev.stacks.enrich.RuleBasedEnricher}:
 * rules over capitalised phrases, cue words (titles and roles, organisation words), given-name
 * lists and gazetteers, with no statistical model, so that it is licence-clean and fast (about
 * 0.5–1 ms of CPU per 1,000 words). Its data are compact files beside these classes, built from
 * openly licensed npm packages by {@code tools/gazetteer/build.mjs} and credited in NOTICE, plus our
 * own hand-written lists (titles, organisation words, known organisations, historical country names).
 *
 * <p>Decisions that shape the facets:
 * <ul>
 *   <li><b>Every entity is a facet value</b>, so uncertain names are dropped rather than guessed:
 *       pronouns, function words, months, weekdays, sentence-initial everyday words ("Within"),
 *       headings and demonyms are never actors; titles and roles are stripped ("President Claudia
 *       Sheinbaum" → "Claudia Sheinbaum").</li>
 *   <li><b>One person is one value</b>: the full name as first written (NFC, single spaces,
 *       diacritics kept); later surnames, nicknames ("El Mencho") and acronyms ("CJNG") resolve to
 *       it within the article. Well-known organisations have one canonical name across articles
 *       ({@code orgs.tsv}: "EC" and "European Community" are one value).</li>
 *   <li><b>Locations</b> are paths country › admin1 region › place from GeoNames (places of 5,000
 *       people or more, and every capital), ambiguous names settled by the other places in the text
 *       and then by population; small places need that context to count.</li>
 *   <li><b>Demonyms</b> ("Mexican military", "French officials") are not locations: they say
 *       whose, not where; they only help settle ambiguous place names.</li>
 *   <li><b>Datelines</b> ("SALVADOR, Feb 26 -") are a location mention of the place the story was
 *       filed from, and a date source when they carry a year.</li>
 *   <li><b>Historical countries</b>: renamed states resolve to today's name (Burma → Myanmar,
 *       West and East Germany → Germany); states that broke up keep their own entry (Soviet Union,
 *       Yugoslavia, Czechoslovakia). "U.S." and "US" are the United States.</li>
 *   <li><b>Quotations</b> are attributed to people only; an organisation's statement, or words the
 *       text gives to no one, have no speaker.</li>
 * </ul>
 */
package dev.stacks.enrich;
