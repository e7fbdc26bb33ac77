package dev.stacks.search;

/** A place as shown on a hit: its own name and its full path ("Mexico/Jalisco/Guadalajara"). */
public record LocationRef(String name, String path) {
}
