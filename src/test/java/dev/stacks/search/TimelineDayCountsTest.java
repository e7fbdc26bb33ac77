package dev.stacks.search;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineDayCountsTest {
    private static long day(String iso) {
        return LocalDate.parse(iso).toEpochDay();
    }

    private static Timeline.DayCounts counted(Timeline.DateRange range, String... days) {
        Timeline.DayCounts counts = new Timeline.DayCounts(range);
        for (String d : days) {
            counts.add(day(d));
        }
        return counts;
    }

    @Test
    void daysAreGroupedIntoYearsMonthsAndDaysTheSameInAnArrayAsInAMap() {
        String[] days = {"1987-03-02", "1987-03-02", "1987-03-20", "1988-01-01", "1999-12-31"};
        Timeline.DateRange narrow = new Timeline.DateRange(day("1987-01-01"), day("1999-12-31"));
        Timeline.DateRange vast = new Timeline.DateRange(day("0001-01-01"), day("9999-12-31")); // a stray date: the map
        assertThat(vast.days()).isGreaterThan(Timeline.DayCounts.MAX_ARRAY_DAYS);
        for (Timeline.DateRange range : new Timeline.DateRange[] {narrow, vast}) {
            Timeline.DayCounts counts = counted(range, days);
            assertThat(counts.byPeriod(Interval.YEAR)).isEqualTo(Map.of("1987", 3L, "1988", 1L, "1999", 1L));
            assertThat(counts.byPeriod(Interval.MONTH)).containsExactly(
                    Map.entry("1987-03", 3L), Map.entry("1988-01", 1L), Map.entry("1999-12", 1L));
            assertThat(counts.byPeriod(Interval.DAY)).containsEntry("1987-03-02", 2L).hasSize(4);
        }
    }

    @Test
    void countsOfSeveralSearchThreadsAddUp() {
        Timeline.DateRange range = new Timeline.DateRange(day("2019-01-01"), day("2019-12-31"));
        Timeline.DayCounts all = counted(range, "2019-04-12");
        all.addAll(counted(range, "2019-04-12", "2019-12-31"));
        assertThat(all.byPeriod(Interval.DAY)).containsExactly(Map.entry("2019-04-12", 2L), Map.entry("2019-12-31", 1L));
    }

    @Test
    void twoCalendarYearsAskForMonthsAndThreeForYears() {
        Timeline.DateRange range = new Timeline.DateRange(day("1987-01-01"), day("1989-12-31"));
        assertThat(counted(range, "1987-12-31", "1988-01-01").withinTwoYears()).isTrue();
        assertThat(counted(range, "1987-06-01").withinTwoYears()).isTrue();
        assertThat(counted(range, "1987-01-01", "1989-01-01").withinTwoYears()).isFalse();
        assertThat(counted(range).withinTwoYears()).isFalse(); // nothing dated: years
    }
}
