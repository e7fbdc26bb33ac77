package dev.stacks.bench;

import dev.stacks.search.SearchRequest;
import dev.stacks.search.SortOrder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchQueryTest {
    @Test
    void the_http_path_carries_the_query_and_every_filter_url_encoded() {
        BenchQuery q = new BenchQuery("near", "actor", new SearchRequest("\"cocoa bean prices\"~3", List.of("Comissaria Smith"),
                List.of("Brazil"), "1987-02", "1987-02", List.of(), SortOrder.RELEVANCE, 1, 10, null));

        assertThat(q.httpPath()).isEqualTo("/api/v1/search?q=%22cocoa+bean+prices%22%7E3&size=10"
                + "&actor=Comissaria+Smith&location=Brazil&from=1987-02&to=1987-02");
    }
}
