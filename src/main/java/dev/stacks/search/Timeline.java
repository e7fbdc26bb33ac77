package dev.stacks.search;

import dev.stacks.enrich.PublicationDate;
import dev.stacks.index.ArchiveIndex;
import dev.stacks.index.Fields;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hits per year, month or day for a query and its filters, beside the number of all documents in
 * each period. Counts come straight from the date doc values in one pass per query.
 */
public final class Timeline {
    private static final int MAX_BUCKETS = 5000;

    private final ArchiveIndex index;
    private final UserQueryParser parser = new UserQueryParser();

    public Timeline(ArchiveIndex index) {
        this.index = index;
    }

    public List<TimelineBucket> series(SearchRequest request, Interval interval) {
        Query hits = ArchiveSearch.withFilters(ArchiveSearch.articles(parser.parse(request.q())), ArchiveSearch.filters(request), null);
        Query all = ArchiveSearch.articles(new org.apache.lucene.search.MatchAllDocsQuery());
        return index.search(searcher -> {
            try {
                Map<String, Long> counts = searcher.search(hits, new PeriodCounter(interval));
                Map<String, Long> totals = searcher.cached("timeline-totals-" + interval, s -> {
                    try {
                        return s.search(all, new PeriodCounter(interval));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                if (counts.size() > MAX_BUCKETS) {
                    throw new InvalidRequestException("interval", "more than " + MAX_BUCKETS + " periods: choose a wider interval or a narrower date range");
                }
                List<TimelineBucket> buckets = new ArrayList<>();
                counts.forEach((period, count) -> {
                    long total = totals.getOrDefault(period, count);
                    buckets.add(new TimelineBucket(period, count, total, total == 0 ? 0 : (double) count / total));
                });
                return buckets;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Counts matching documents by day of their date; undated documents are left out. */
    private static final class DayCounter implements Collector {
        final TreeMap<Long, Long> byDay = new TreeMap<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedNumericDocValues dates = context.reader().getSortedNumericDocValues(Fields.DATE);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (dates != null && dates.advanceExact(doc)) {
                        byDay.merge(dates.nextValue(), 1L, Long::sum);
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /** Merges the day counts of every search slice into periods of the interval. */
    private record PeriodCounter(Interval interval) implements CollectorManager<DayCounter, Map<String, Long>> {
        @Override
        public DayCounter newCollector() {
            return new DayCounter();
        }

        @Override
        public Map<String, Long> reduce(Collection<DayCounter> collectors) {
            TreeMap<String, Long> periods = new TreeMap<>();
            for (DayCounter c : collectors) {
                c.byDay.forEach((day, n) -> periods.merge(period(day), n, Long::sum));
            }
            return periods;
        }

        private String period(long epochDay) {
            PublicationDate.Precision precision = switch (interval) {
                case YEAR -> PublicationDate.Precision.YEAR;
                case MONTH -> PublicationDate.Precision.MONTH;
                case DAY -> PublicationDate.Precision.DAY;
            };
            return String.join("-", new PublicationDate(LocalDate.ofEpochDay(epochDay), precision, null).parts());
        }
    }
}
