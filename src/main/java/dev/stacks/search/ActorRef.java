package dev.stacks.search;

/** An actor as shown on a hit: canonical name and "person" or "organisation". */
public record ActorRef(String name, String type) {
}
