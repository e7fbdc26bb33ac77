/**
 * Enrichment: from an {@link dev.stacks.extract.Extraction} to an {@link dev.stacks.enrich.Article}
 * with its publication date, actors (people and organisations), locations and quotations.
 *
 * <p>The default {@link dev.stacks.enrich.Enricher} is {@link dev.stacks.enrich.RuleBasedEnricher}:
 * rules over capitalised phrases, cue words (titles and roles, organisation words), given-name
 * lists and gazetteers, with no statistical model, so that it is licence-clean and fast (about
 * 1 ms of CPU per 1,000 words on Reuters-21578). Its data are compact files beside these classes,
 * built from openly licensed npm packages by {@code tools/gazetteer/build.mjs} and credited in
 * NOTICE, plus our own hand-written lists (titles, organisation words, known organisations,
 * family names written first, historical country names).
 *
 * <p>It is measured three ways: Reuters-21578 labels ({@link dev.stacks.enrich.ReutersEvaluation}),
 * the 16 samples of {@code corpus/samples} and a second set of 20 articles in other styles
 * ({@code src/test/resources/gold/styles}), the last two against hand-written gold annotations whose
 * conventions are in {@code src/test/resources/gold/README.md}.
 *
 * <p>Decisions that shape the facets:
 * <ul>
 *   <li><b>Every entity is a facet value</b>, so uncertain names are dropped rather than guessed:
 *       pronouns, function words, months, weekdays, sentence-initial everyday words ("Within"),
 *       headings and demonyms are never actors; titles, roles and post-nominal letters are stripped
 *       ("President Claudia Sheinbaum" → "Claudia Sheinbaum", "Judge Helen Marsh KC" → "Helen
 *       Marsh"). Streets, natural features, sites and ships ("Liverpool Street", "Sea of Japan",
 *       "the schooner Mary Ellen") are neither actors nor places.</li>
 *   <li><b>One person is one value</b>: the full name as first written (NFC, single spaces,
 *       diacritics kept); titled surnames ("President Halvorsen", even before the full name), later
 *       surnames, first names in features ("Aoife is planning …", when only one person has that first
 *       name), nicknames ("El Mencho") and acronyms ("CJNG") resolve to it within the article. Chinese,
 *       Korean and Vietnamese names written family name first ("Kim Dong-hyun", "Nguyen Van Phuc") are
 *       recognised from a list of family names, and a later "Kim" is that person. Bylines ("By …",
 *       "Compiled by …", "Interviewer: …") name people whatever their names.</li>
 *   <li><b>One organisation is one value</b>: well-known organisations have one canonical name
 *       across articles ({@code orgs.tsv}: "EC" and "European Community", "M&amp;S" and "Marks and
 *       Spencer", "Merrill Lynch Canada Inc" and "Merrill Lynch"). Firms whose names read like a
 *       person's are organisations when the list knows them ("Morgan Stanley", "Jardine Fleming") or
 *       the sentence says so: an ampersand ("Harlow &amp; Finch"), a kind of organisation before or
 *       after the name ("the journal Nature Astronomy", "the Waitrose supermarket chain", "Crédit
 *       Agricole, the largest lender to …"), or a workplace ("an analyst at Peel Hunt").
 *       Organisation names run through "of", "for", "the", commas of a list and Romance particles
 *       ("Office for the Coordination of Humanitarian Affairs", "Ministry of Agriculture, Fisheries and
 *       Food", "Conseil interprofessionnel du vin de Bordeaux") and take a place after some words
 *       ("Statistics Norway", "University College Cork"). A generic word before an institution names
 *       none ("Central Bank", "Finance Ministry", "City Council", "Environment Agency": which one is
 *       not said), nor does a country before a generic head ("Mexican Army"); a region or town does
 *       ("West Yorkshire Police"). A line in capitals at the top that ends in an organisation or
 *       publication word is a masthead ("THE HALIFAX MORNING LEDGER" → "Halifax Morning Ledger").</li>
 *   <li><b>Locations</b> are paths country › admin1 region › place from GeoNames (every place of
 *       1,000 people or more, and every capital), with admin1 codes and names from one GeoNames
 *       version. Ambiguous names are settled by the other places in the text (their region named
 *       beside or elsewhere, the region most of the article's places are in: Trujillo in a story about
 *       Valle del Cauca), then by population, with national capitals ahead of regional ones. Places under 100,000 people need their country or region
 *       named; villages under 5,000 count only where the text says they are places ("Lunenburg,
 *       N.S.", "the town of Heptonstall", "in Kinsale" with its region named). A region and its own
 *       city of the same name are the city ("flies to Oaxaca") unless the words say region ("the
 *       state of Oaxaca", "Jalisco state", "governor of Itapúa"). Large cities named like people
 *       ("Paris", "Bergen", "Geneva") need no more context than other places.</li>
 *   <li><b>Demonyms</b> ("Mexican military", "French officials") are not locations: they say
 *       whose, not where; they only help settle ambiguous place names.</li>
 *   <li><b>Datelines</b> ("SALVADOR, Feb 26 -", "BORDEAUX, 23 November 2023 —", "HALIFAX, N.S.,
 *       Oct. 13.—", "MELBOURNE —") are a location mention of the place the story was filed from, and
 *       a date source when they carry a year.</li>
 *   <li><b>Dates</b>: metadata, a "Date:"/"Posted:" line, a dated dateline, then a full date above
 *       the story (masthead, headline, byline) or in its first paragraph. A date after "by",
 *       "until", "effective", "due", "born" and the like is a deadline or a biography, never the
 *       publication. Dates deeper in the body are never taken: on Reuters-21578 the first full date
 *       of the body is the day of publication for 2 stories in 1,218. A dateline without a year
 *       ("OTTAWA, March 3 —") leaves the story undated rather than borrowing a year from the body:
 *       the nearest year to the body's dates gives the right day for 228 of 778 such Reuters
 *       stories, and a deadline's year is wrong by design; a wrong date is worse than the "no date"
 *       bucket. Slashed dates are read day first unless the first number cannot be a month.</li>
 *   <li><b>Historical countries</b>: renamed states resolve to today's name (Burma → Myanmar,
 *       West and East Germany → Germany); states that broke up keep their own entry (Soviet Union,
 *       Yugoslavia, Czechoslovakia). "U.S." and "US" are the United States.</li>
 *   <li><b>Quotations</b> are attributed to people only; an organisation's statement, or words the
 *       text gives to no one, have no speaker. A role refers back to the person named with that
 *       title or role ("the judge wrote" after "Judge Ana Ortiz", "the president said"); an unnamed
 *       spokesman stays unnamed. A pronoun refers to the subject of the last sentence about a
 *       person when that is later than the last speech; people inside a ", who …," clause are not the
 *       speaker; a paragraph that is only a quotation continues the last speaker of the paragraph
 *       before, by newspaper convention.</li>
 * </ul>
 */
package dev.stacks.enrich;
