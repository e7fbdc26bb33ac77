package dev.stacks.enrich;

import dev.stacks.extract.Extraction;
import dev.stacks.extract.ExtractionStatus;
import java.util.List;
import java.util.Map;

/** One shared enricher for the tests (loading the lexicons takes about a second) and helpers. */
final class Enrich {

    static final RuleBasedEnricher ENRICHER = RuleBasedEnricher.load();

    private Enrich() {
    }

    static Article text(String text) {
        return text(text, Map.of());
    }

    static Article text(String text, Map<String, List<String>> metadata) {
        Extraction x = new Extraction(text, null, "text/plain", metadata, ExtractionStatus.TEXT, null, false, List.of());
        return ENRICHER.enrich("test", x, new Source("test.txt", "text/plain", "txt", "", text.length()));
    }

    static List<String> people(Article a) {
        return a.actors().stream().filter(x -> x.type() == ActorType.PERSON).map(Actor::name).toList();
    }

    static List<String> organisations(Article a) {
        return a.actors().stream().filter(x -> x.type() == ActorType.ORGANISATION).map(Actor::name).toList();
    }

    static List<String> paths(Article a) {
        return a.locations().stream().map(Place::pathString).toList();
    }
}
