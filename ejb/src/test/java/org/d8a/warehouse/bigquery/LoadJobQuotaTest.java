package org.d8a.warehouse.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadJobQuotaTest {

    @Test
    void theDefaultIntervalOfTwoSecondsIsWarnedAbout() {
        assertEquals(Optional.of("warehouse.bigquery.writer_type loadjob with delivery.interval 2s can start 43200 load"
                + " jobs per table and day; BigQuery allows 1500: set delivery.interval to 1m or more, with a "
                + "delivery.chunk_size that holds a run's sessions (docs/warehouses.md)"),
                LoadJobQuota.warning(Duration.ofSeconds(2)));
    }

    @Test
    void aMinuteOrMoreStaysWithinTheQuota() {
        assertEquals(Optional.empty(), LoadJobQuota.warning(Duration.ofMinutes(1)));
        assertEquals(Optional.empty(), LoadJobQuota.warning(Duration.ofMinutes(5)));
    }

    @Test
    void justUnderAMinuteIsOverIt() {
        assertEquals(1507, Long.parseLong(LoadJobQuota.warning(Duration.ofMillis(57_300)).orElseThrow()
                .replaceAll(".* can start (\\d+) load jobs.*", "$1")));
    }
}
