package dev.stacks.enrich;

import java.util.List;

/**
 * A named place resolved against the gazetteer. {@code path} runs from the country down to the
 * place itself, e.g. [Mexico, Jalisco, Guadalajara]; a country's path is just [Mexico].
 */
public record Place(String name, List<String> path, List<Span> mentions) {
    public Place {
        path = List.copyOf(path);
        mentions = List.copyOf(mentions);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a place needs a path, at least its country");
        }
    }

    /** The path as the API and the facet write it: "Mexico/Jalisco/Guadalajara". */
    public String pathString() {
        return String.join("/", path);
    }
}
