package dev.stacks.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DateFinderTest {

    @Test
    void publication_metadata_wins_over_the_text_and_says_where_it_came_from() {
        Article a = Enrich.text("Date: 2001-02-03\nSomething happened on March 4, 2005.",
                Map.of("article:published_time", List.of("2019-01-04T07:45:00+01:00")));
        assertThat(a.date()).isEqualTo(PublicationDate.parseIso("2019-01-04", "metadata:article:published_time"));
    }

    @Test
    void an_email_date_header_is_read_in_its_own_format() {
        Article a = Enrich.text("Hello.", Map.of("Message:Raw-Header:Date", List.of("Tue, 08 Jul 2025 09:14:00 +0200")));
        assertThat(a.date().iso()).isEqualTo("2025-07-08");
        assertThat(a.date().source()).isEqualTo("metadata:Message:Raw-Header:Date");
    }

    @Test
    void a_date_line_comes_before_the_dateline_and_the_text() {
        Article a = Enrich.text("Title\nDate: 2019-04-12\n\nPITALITO, Colombia, March 3, 2018 - On May 1, 2017 it rained.");
        assertThat(a.date()).isEqualTo(PublicationDate.parseIso("2019-04-12", "date-line"));
    }

    @Test
    void a_date_line_may_give_a_month_only() {
        assertThat(Enrich.text("Published: March 1987\n\nText.").date())
                .isEqualTo(PublicationDate.parseIso("1987-03", "date-line"));
    }

    @Test
    void a_wire_dateline_with_a_year_is_the_date() {
        Article a = Enrich.text("TRIER, Germany, Feb. 9, 2004 – The river rose. On March 3, 2001 it had not.");
        assertThat(a.date()).isEqualTo(PublicationDate.parseIso("2004-02-09", "dateline"));
    }

    @Test
    void a_date_stamp_at_the_top_is_a_dateline() {
        assertThat(Enrich.text(" date 2026-02-23 Mexico’s military killed …").date())
                .isEqualTo(PublicationDate.parseIso("2026-02-23", "dateline"));
    }

    @Test
    void the_first_full_date_in_the_text_works_before_1900_and_in_capitals() {
        assertThat(Enrich.text("THE GEELONG ADVERTISER\nSATURDAY, NOVEMBER 16, 1889.\n\nA fire broke out.").date())
                .isEqualTo(PublicationDate.parseIso("1889-11-16", "text"));
        assertThat(Enrich.text("Oslo, 21.03.2024 · 10:42 CET\n\nRates held.").date())
                .isEqualTo(PublicationDate.parseIso("2024-03-21", "text"));
    }

    @Test
    void a_creation_date_is_used_only_when_the_text_gives_none_and_a_modification_date_never() {
        Map<String, List<String>> meta = Map.of("dcterms:created", List.of("2012-05-17T10:00:00Z"),
                "dcterms:modified", List.of("2020-01-01T00:00:00Z"));
        assertThat(Enrich.text("On Thursday the court ruled.", meta).date())
                .isEqualTo(PublicationDate.parseIso("2012-05-17", "metadata:dcterms:created"));
        assertThat(Enrich.text("Published November 14, 2022. The port closed.", meta).date())
                .isEqualTo(PublicationDate.parseIso("2022-11-14", "text"));
        assertThat(Enrich.text("No date at all.", Map.of("dcterms:modified", List.of("2020-01-01"))).date()).isNull();
    }

    @Test
    void a_wire_dateline_without_a_year_gives_no_date() {
        assertThat(Enrich.text("SALVADOR, Feb 26 - Showers continued throughout the week.").date()).isNull();
    }

    @Test
    void a_deadline_is_never_the_date_and_a_dateline_without_a_year_stays_undated() {
        // on Reuters-21578 the nearest year to a body date gives the right day for under a third of such stories
        assertThat(Enrich.text("OTTAWA, March 3 — Barriers must go by March 31, 1990, the ministers agreed.").date()).isNull();
        assertThat(Enrich.text("Notice\n\nThe offer is open until 31 March 2024.").date()).isNull();
    }

    @Test
    void a_date_above_the_story_wins_over_dates_in_the_body() {
        Article a = Enrich.text("The Lee Valley Courier\nSaturday, 9 March 2019\n\nBy Siobhán Ní Bhriain\n\n"
                + "When he took over on 4 May 1994, the town had three bakeries.");
        assertThat(a.date()).isEqualTo(PublicationDate.parseIso("2019-03-09", "text"));
    }

    @Test
    void dates_deep_in_the_body_are_events_not_the_publication() {
        assertThat(Enrich.text("Obituary\n\nShe was an engineer who built bridges for forty years.\n\n"
                + "She was born on 3 April 1931 and married on 2 June 1960.").date()).isNull();
    }

    @Test
    void day_first_datelines_slashed_dates_and_old_datelines_are_read() {
        assertThat(Enrich.text("BORDEAUX, 23 November 2023 — Growers will be paid.").date())
                .isEqualTo(PublicationDate.parseIso("2023-11-23", "dateline"));
        assertThat(Enrich.text("Appeal for witnesses\nPosted: 12:40, 30/06/2022\n\nA cyclist was hurt.").date())
                .isEqualTo(PublicationDate.parseIso("2022-06-30", "date-line"));
        Article old = Enrich.text("HALIFAX, N.S., Oct. 13.—The Lunenburg schooner Mary Ellen went to pieces.");
        assertThat(old.date()).isNull();
        assertThat(Enrich.paths(old)).contains("Canada/Nova Scotia/Halifax");
    }
}
