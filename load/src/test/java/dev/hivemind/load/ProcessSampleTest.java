package dev.hivemind.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.error.ServerBusyException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Reading {@code /proc} and naming failures, the two things every report relies on. */
class ProcessSampleTest {

    @Test
    void cpuTimeIsUtimePlusStimeCountedAfterTheCommandName() {
        // a command name with spaces and a parenthesis must not shift the fields
        String stat = "4242 (java (hub) x) S 1 4242 4242 0 -1 4194560 2000 0 0 0 1234 566 0 0 20 0 40 0 100 0 0";
        assertEquals(18.0, ProcessSample.parseCpuSeconds(stat).getAsDouble(), 1e-9);
        assertTrue(ProcessSample.parseCpuSeconds("garbage").isEmpty());
    }

    @Test
    void rssIsTheVmRssLine() {
        String status = "Name:\tjava\nVmPeak:\t 999 kB\nVmRSS:\t  123456 kB\nThreads:\t40\n";
        assertEquals(123456, ProcessSample.parseRssKib(status).getAsLong());
        assertTrue(ProcessSample.parseRssKib("Name:\tjava\n").isEmpty());
    }

    @Test
    void thisProcessCanBeSampled() {
        ProcessSample self = ProcessSample.self();
        assertTrue(self.cpuSeconds() > 0, self.toString());
        assertTrue(ProcessSample.of(ProcessHandle.current().pid()).orElseThrow().rssKib() > 0);
        assertTrue(ProcessSample.of(Long.MAX_VALUE).isEmpty(), "no such process");
    }

    @Test
    void failuresAreCountedByCloseCodeOrHttpStatus() {
        assertEquals("close-1008", Outcomes.cause(new CompletionException(new ConnectionClosedException(1008, "no"))));
        assertEquals("http-401", Outcomes.cause(new ConnectionClosedException(401, "unauthorized")));
        assertEquals("error-ServerBusyException", Outcomes.cause(new ServerBusyException("busy", "pool full")));
        assertEquals("error-ConnectException", Outcomes.cause(new CompletionException(
                new dev.hivemind.api.error.InternalHiveMindException("connection failed", "cannot connect",
                        new java.net.ConnectException("refused")))));
        assertEquals("error-IllegalStateException", Outcomes.cause(new IllegalStateException()));
        Outcomes o = new Outcomes();
        o.failure(new ConnectionClosedException(1008, "no"));
        o.failure("timeout");
        o.failure("timeout");
        o.success(2_000_000);
        assertEquals(1, o.completed());
        assertEquals(3, o.failed());
        assertEquals(2L, o.failures().get("timeout"));
        assertEquals(2.0, o.histogram().getValueAtPercentile(50) / 1000.0, 0.01);
    }
}
