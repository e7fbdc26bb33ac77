package dev.stacks.search;

import java.util.List;

/** One document of an export: what a citation or a spreadsheet row needs. */
public record ExportRow(String id, String title, String date, List<ActorRef> actors, List<LocationRef> locations,
                       String sourceName, String format, String contentType) {
}
