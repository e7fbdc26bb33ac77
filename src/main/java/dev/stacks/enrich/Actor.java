package dev.stacks.enrich;

import java.util.List;

/**
 * A person or organisation named in an article, under its canonical full name
 * ("Claudia Sheinbaum", not "President Sheinbaum"), with every mention's offsets.
 */
public record Actor(String name, ActorType type, List<Span> mentions) {
    public Actor {
        mentions = List.copyOf(mentions);
    }
}
