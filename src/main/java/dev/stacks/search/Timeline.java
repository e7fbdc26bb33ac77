package dev.stacks.search;

import dev.stacks.enrich.PublicationDate;
import dev.stacks.index.ArchiveIndex;
import dev.stacks.index.ArchiveSearcher;
import dev.stacks.index.Fields;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
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
 * each period. The hits are counted per day from the date doc values in one pass, and the days
 * grouped into periods after it: {@link Interval#AUTO} chooses years or months from those same
 * counts, so the page asks once where it used to ask for years and then again for months.
 */
public final class Timeline {
    private static final int MAX_BUCKETS = 5000;

    private final ArchiveIndex index;
    private final UserQueryParser parser = new UserQueryParser();

    public Timeline(ArchiveIndex index) {
        this.index = index;
    }

    public TimelineSeries series(SearchRequest request, Interval interval) {
        Query hits = ArchiveSearch.withFilters(ArchiveSearch.articles(parser.parse(request.q())), ArchiveSearch.filters(request), null);
        return index.search(searcher -> {
            try {
                DateRange range = DateRange.of(searcher);
                DayCounts days = searcher.search(hits, new DayCounting(range));
                Interval chosen = interval != Interval.AUTO ? interval : days.withinTwoYears() ? Interval.MONTH : Interval.YEAR;
                Map<String, Long> counts = days.byPeriod(chosen);
                if (counts.size() > MAX_BUCKETS) {
                    throw new InvalidRequestException("interval", "more than " + MAX_BUCKETS + " periods: choose a wider interval or a narrower date range");
                }
                Map<String, Long> totals = searcher.cached("timeline-totals-" + chosen, s -> {
                    try {
                        return s.search(ArchiveSearch.articles(new MatchAllDocsQuery()), new DayCounting(range)).byPeriod(chosen);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                List<TimelineBucket> buckets = new ArrayList<>(counts.size());
                counts.forEach((period, count) -> {
                    long total = totals.getOrDefault(period, count);
                    buckets.add(new TimelineBucket(period, count, total, total == 0 ? 0 : (double) count / total));
                });
                return new TimelineSeries(chosen, buckets);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The first and last day any document of the reader is dated (from the date points); none when nothing is dated. */
    record DateRange(long first, long last) {
        static final DateRange NONE = new DateRange(0, -1);

        static DateRange of(ArchiveSearcher searcher) {
            return searcher.cached(DateRange.class, s -> {
                try {
                    byte[] min = PointValues.getMinPackedValue(s.getIndexReader(), Fields.DATE);
                    byte[] max = PointValues.getMaxPackedValue(s.getIndexReader(), Fields.DATE);
                    return min == null || max == null ? NONE : new DateRange(LongPoint.decodeDimension(min, 0), LongPoint.decodeDimension(max, 0));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        long days() {
            return last - first + 1;
        }
    }

    /**
     * Matches per day of their date, in an array over the archive's dated days (an increment per
     * hit, where a map of boxed days cost a lookup and an allocation), or in a map when the dates
     * span more than {@link #MAX_ARRAY_DAYS} (a stray year 1 or 9999 among the dates).
     */
    static final class DayCounts {
        static final int MAX_ARRAY_DAYS = 200_000; // 550 years: 800 KB per search thread

        private final DateRange range;
        private final int[] perDay;
        private final TreeMap<Long, Long> sparse;

        DayCounts(DateRange range) {
            this.range = range;
            boolean dense = range.days() <= MAX_ARRAY_DAYS;
            this.perDay = dense ? new int[(int) Math.max(0, range.days())] : null;
            this.sparse = dense ? null : new TreeMap<>();
        }

        void add(long day) {
            if (perDay != null) {
                perDay[(int) (day - range.first())]++;
            } else {
                sparse.merge(day, 1L, Long::sum);
            }
        }

        void addAll(DayCounts other) {
            if (perDay != null) {
                for (int i = 0; i < perDay.length; i++) {
                    perDay[i] += other.perDay[i];
                }
            } else {
                other.sparse.forEach((day, n) -> sparse.merge(day, n, Long::sum));
            }
        }

        /** Each counted day in order, with its count. */
        void forEach(DayConsumer each) {
            if (perDay != null) {
                for (int i = 0; i < perDay.length; i++) {
                    if (perDay[i] > 0) {
                        each.accept(range.first() + i, perDay[i]);
                    }
                }
            } else {
                sparse.forEach(each::accept);
            }
        }

        /** Whether every counted day falls within two calendar years, as 1987 and 1988 do. */
        boolean withinTwoYears() {
            int[] years = {Integer.MAX_VALUE, Integer.MIN_VALUE};
            forEach((day, n) -> {
                int year = LocalDate.ofEpochDay(day).getYear();
                years[0] = Math.min(years[0], year);
                years[1] = Math.max(years[1], year);
            });
            return years[0] != Integer.MAX_VALUE && years[1] - years[0] < 2;
        }

        Map<String, Long> byPeriod(Interval interval) {
            PublicationDate.Precision precision = switch (interval) {
                case YEAR -> PublicationDate.Precision.YEAR;
                case MONTH -> PublicationDate.Precision.MONTH;
                case DAY -> PublicationDate.Precision.DAY;
                case AUTO -> throw new IllegalArgumentException("choose an interval before grouping days into periods");
            };
            TreeMap<String, Long> periods = new TreeMap<>();
            forEach((day, n) -> periods.merge(
                    String.join("-", new PublicationDate(LocalDate.ofEpochDay(day), precision, null).parts()), n, Long::sum));
            return periods;
        }

        interface DayConsumer {
            void accept(long day, long count);
        }
    }

    /** One day counter per search slice, added up after the search; undated documents are left out. */
    private record DayCounting(DateRange range) implements CollectorManager<DayCounting.Counter, DayCounts> {
        @Override
        public Counter newCollector() {
            return new Counter(new DayCounts(range));
        }

        @Override
        public DayCounts reduce(Collection<Counter> collectors) {
            DayCounts all = new DayCounts(range);
            collectors.forEach(c -> all.addAll(c.days));
            return all;
        }

        record Counter(DayCounts days) implements Collector {
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
                            days.add(dates.nextValue());
                        }
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }
}
