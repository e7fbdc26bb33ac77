package dev.stacks.api;

import dev.stacks.search.ArchiveSearch;
import io.javalin.http.Context;

/** GET /api/v1/search. */
final class SearchController {
    private final ArchiveSearch search;

    SearchController(ArchiveSearch search) {
        this.search = search;
    }

    void search(Context ctx) {
        ctx.json(search.search(Params.searchRequest(ctx)));
    }
}
