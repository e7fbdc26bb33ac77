package dev.stacks.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacks.enrich.Actor;
import dev.stacks.enrich.Article;
import dev.stacks.enrich.Place;
import dev.stacks.enrich.PublicationDate;
import dev.stacks.enrich.Quote;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Article → the block of Lucene documents that represents it (the article, then one per quotation). */
public final class DocumentMapper {

    /** Text stored and indexed with positions and offsets (see {@link Fields#BODY}). */
    static final FieldType TEXT_WITH_OFFSETS = textWithOffsets(true);
    static final FieldType TEXT_WITH_OFFSETS_UNSTORED = textWithOffsets(false);

    private static FieldType textWithOffsets(boolean stored) {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setStored(stored);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** Documents only: the near pairs narrow phrase matching and are never scored, counted or shown. */
    static final FieldType NEAR_PAIRS = nearPairsType();

    private static FieldType nearPairsType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final FacetsConfig facets;

    public DocumentMapper(FacetsConfig facets) {
        this.facets = facets;
    }

    /** The facet dimensions and how each is shaped; shared by writer and reader. */
    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(Fields.FACET_ACTOR, true);
        config.setHierarchical(Fields.FACET_LOCATION, true);
        config.setMultiValued(Fields.FACET_LOCATION, true);
        config.setHierarchical(Fields.FACET_DATE, true);
        return config;
    }

    public List<Document> toDocuments(Article article) {
        List<Document> block = new ArrayList<>(1 + article.quotes().size());
        block.add(articleDocument(article));
        for (Quote quote : article.quotes()) {
            block.add(quoteDocument(article, quote));
        }
        return block;
    }

    private Document articleDocument(Article a) {
        Document doc = new Document();
        doc.add(new StringField(Fields.KIND, Fields.KIND_ARTICLE, Field.Store.NO));
        doc.add(new StringField(Fields.GROUP, a.id(), Field.Store.NO));
        doc.add(new KeywordField(Fields.ID, a.id(), Field.Store.YES));
        String title = a.title() == null ? "" : a.title();
        doc.add(new Field(Fields.TITLE, title, TEXT_WITH_OFFSETS));
        doc.add(new Field(Fields.BODY, a.body(), TEXT_WITH_OFFSETS));
        doc.add(new Field(Fields.BODY_NEAR, a.body(), NEAR_PAIRS));
        addDate(doc, a.date());

        Set<String> actorNames = new LinkedHashSet<>();
        for (Actor actor : a.actors()) {
            if (actorNames.add(actor.name())) {
                doc.add(new KeywordField(Fields.ACTOR, actor.name(), Field.Store.NO));
                doc.add(new StringField(Fields.ACTOR_TYPED, actor.type().label() + "|" + actor.name(), Field.Store.YES));
                doc.add(new TextField(Fields.ACTOR_TEXT, actor.name(), Field.Store.NO));
                doc.add(new SortedSetDocValuesFacetField(Fields.FACET_ACTOR, actor.name()));
            }
        }
        Set<String> prefixes = new LinkedHashSet<>();
        for (Place place : a.locations()) {
            List<String> path = place.path();
            for (int i = 1; i <= path.size(); i++) {
                prefixes.add(String.join("/", path.subList(0, i)));
            }
            doc.add(new TextField(Fields.LOCATION_TEXT, String.join(" ", path), Field.Store.NO));
            doc.add(new StoredField(Fields.LOCATION_PATH, place.pathString()));
            doc.add(new SortedSetDocValuesFacetField(Fields.FACET_LOCATION, path.toArray(String[]::new)));
        }
        prefixes.forEach(p -> doc.add(new StringField(Fields.LOCATION, p, Field.Store.NO)));
        for (Quote quote : a.quotes()) {
            doc.add(new Field(Fields.QUOTE, quote.text(), TEXT_WITH_OFFSETS_UNSTORED));
            if (quote.speaker() != null) {
                doc.add(new TextField(Fields.SPEAKER, quote.speaker(), Field.Store.NO));
            }
        }
        addSource(doc, a);
        doc.add(new StoredField(Fields.ENRICHMENT, toJson(new StoredEnrichment(a.actors(), a.locations(), a.quotes()))));
        doc.add(dateFacet(a.date()));
        doc.add(new SortedSetDocValuesFacetField(Fields.FACET_FORMAT, a.source().format()));
        try {
            return facets.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document quoteDocument(Article a, Quote quote) {
        Document doc = new Document();
        doc.add(new StringField(Fields.KIND, Fields.KIND_QUOTE, Field.Store.NO));
        doc.add(new StringField(Fields.GROUP, a.id(), Field.Store.YES));
        doc.add(new Field(Fields.QUOTE, quote.text(), TEXT_WITH_OFFSETS));
        if (quote.speaker() != null) {
            doc.add(new TextField(Fields.SPEAKER, quote.speaker(), Field.Store.NO));
            doc.add(new KeywordField(Fields.SPEAKER_EXACT, quote.speaker(), Field.Store.YES));
        }
        doc.add(new StoredField(Fields.QUOTE_START, quote.start()));
        doc.add(new StoredField(Fields.QUOTE_END, quote.end()));
        doc.add(new StoredField(Fields.QUOTE_TITLE, a.title() == null ? "" : a.title()));
        addDate(doc, a.date());
        return doc; // quotes carry no facets: the counts are of articles
    }

    private static void addDate(Document doc, PublicationDate date) {
        if (date != null) {
            doc.add(new LongField(Fields.DATE, date.value().toEpochDay(), Field.Store.NO));
            doc.add(new StoredField(Fields.DATE_ISO, date.iso()));
            doc.add(new StoredField(Fields.DATE_SOURCE, date.source()));
        }
    }

    private static void addSource(Document doc, Article a) {
        doc.add(new KeywordField(Fields.FORMAT, a.source().format(), Field.Store.YES));
        doc.add(new StoredField(Fields.SOURCE_NAME, a.source().name()));
        doc.add(new StoredField(Fields.CONTENT_TYPE, a.source().contentType()));
        doc.add(new StoredField(Fields.SHA256, a.source().sha256()));
        doc.add(new StoredField(Fields.SIZE, a.source().size()));
        if (a.truncated()) {
            doc.add(new StoredField(Fields.TRUNCATED, 1));
        }
        if (a.parentId() != null) {
            doc.add(new StringField(Fields.PARENT, a.parentId(), Field.Store.YES));
        }
    }

    /** year › month › day, as deep as the date's precision; undated documents get their own bucket. */
    private static SortedSetDocValuesFacetField dateFacet(PublicationDate date) {
        if (date == null) {
            return new SortedSetDocValuesFacetField(Fields.FACET_DATE, Fields.UNDATED);
        }
        return new SortedSetDocValuesFacetField(Fields.FACET_DATE, date.parts());
    }

    static String toJson(StoredEnrichment enrichment) {
        try {
            return JSON.writeValueAsString(enrichment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("enrichment records always serialise", e);
        }
    }

    public static StoredEnrichment fromJson(String json) {
        try {
            return JSON.readValue(json, StoredEnrichment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable enrichment in the index; run reindex", e);
        }
    }
}
