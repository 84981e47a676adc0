package io.cemkit.examples;

import static io.cemkit.testkit.CemkitAssertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemkit.core.AgreementEvent;
import io.cemkit.core.AgreementEventType;
import io.cemkit.core.AgreementStatus;
import io.cemkit.core.AssetStatus;
import io.cemkit.core.Cemkit;
import io.cemkit.workflow.AuditRecord;
import io.cemkit.workflow.BottleneckReport;
import io.cemkit.workflow.CrmProcesses;
import io.cemkit.workflow.InsightFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** E2: Maya's year of service processes under her agreement's SLA, the dunning run and the busy day, from one run. */
class TelecomDemoTest {
  private static final ObjectMapper MAPPER = Cemkit.objectMapper();

  @TempDir
  static Path dir;
  private static DemoRun<TelecomDemo.Outcome> demo;

  @BeforeAll
  static void run() {
    demo = DemoRun.of(dir, (out, files) -> new TelecomDemo(out, files).run());
  }

  @Test
  @DisplayName("the suspension asked on Thursday 15:00 is due on Sunday in office hours: at risk at 10:12, done "
      + "on time")
  void suspension() {
    assertThat(LocalDate.of(2026, 11, 19).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
    assertThat(demo.outcome().suspension()).containsExactly(
        "check    allowed    RESPONSE   ON_TIME  due Sun 2026-11-22 11:00",
        "cut      done       RESPONSE   AT_RISK  due Sun 2026-11-22 11:00",
        "apply    done       RESOLUTION ON_TIME  due Sun 2026-11-22 15:00");
    assertThat(demo.story().lines()).contains(
        "  checkDeadlines() every 15 minutes from Thursday to Sunday 09:00: 0 alerts, no office hour passes on "
            + "Friday and Saturday",
        "  Sun 2026-11-22 10:12 alert RESPONSE_AT_RISK: 80% of the first-response time has gone",
        "  Sun 2026-11-22 10:35 the line is cut; apply suspends the agreement: AG-3001 SUSPENDED");
  }

  @Test
  @DisplayName("the installation: the lost lease is refused, the second technician installs, the response is late")
  void installation() {
    assertThat(demo.outcome().maya()).hasAssetInStatus(TelecomDemo.MAYA_ROUTER, AssetStatus.IN_SERVICE);
    assertThat(demo.outcome().maya().asset(TelecomDemo.MAYA_ROUTER).orElseThrow().serialNumber()).contains("RX-88412");
    assertThat(demo.outcome().installation()).containsExactly(
        "check    allowed    RESPONSE   ON_TIME  due Mon 2026-01-05 09:05",
        "visit    installed  RESPONSE   BREACHED due Mon 2026-01-05 09:05",
        "apply    done       RESOLUTION ON_TIME  due Tue 2026-01-06 09:05");
    assertThat(demo.story().lines()).contains(
        "  Sun 2026-01-04 13:45 nobody came: expireLeases() ends 1 lease, the visit is back in the queue (1 waiting)",
        "  Sun 2026-01-04 16:20 fibertech-07 reports the visit done with the old lease: refused "
            + "(CompletionTokenException)");
  }

  @Test
  @DisplayName("dunning: Maya's dispute freezes her run for three days and she pays; Avi is suspended for "
      + "non-payment; reminders only where billing messages are allowed")
  void dunning() {
    assertThat(demo.outcome().mayaCollection()).startsWith("await-due:elapsed", "check-1:unpaid", "remind-1:sent")
        .endsWith("remind-2:sent", "wait-2:elapsed", "check-3:paid").doesNotContain("suspend:done");
    assertThat(Collections.frequency(demo.outcome().mayaCollection(), "check-2:disputed")).isEqualTo(3);
    assertThat(demo.outcome().aviCollection()).containsExactly("await-due:elapsed", "check-1:unpaid", "remind-1:sent",
        "wait-1:elapsed", "check-2:unpaid", "remind-2:sent", "wait-2:elapsed", "check-3:unpaid", "notice:sent",
        "wait-3:elapsed", "check-4:unpaid", "suspend:done");
    assertThat(demo.outcome().avi()).isInStatus(AgreementStatus.SUSPENDED).hasLastEvent(AgreementEventType.SUSPENDED);
    assertThat(demo.outcome().avi().events().get(demo.outcome().avi().events().size() - 1).reason())
        .startsWith("non-payment of invoice INV-2603-3002");
    assertThat(demo.story().lines()).contains(
        "    2026-03-15 C-3001 EMAIL billing.reminder BILLING_COLLECTION",
        "    2026-03-15 C-3002 SMS   billing.reminder BILLING_COLLECTION",
        "    2026-03-24 C-3001 EMAIL complaint.answer SERVICE",
        "    2026-03-29 C-3002 SMS   billing.notice   BILLING_COLLECTION");
    assertThat(demo.story().lines()).filteredOn(l -> l.startsWith("    2026-") && l.contains("C-3002 EMAIL")).isEmpty();
  }

  @Test
  @DisplayName("renewal: refused while suspended, resumed under the process's own SLA, renewed inside the window")
  void renewal() {
    assertThat(demo.outcome().maya()).isInStatus(AgreementStatus.ACTIVE).hasCurrentVersion(2)
        .hasEventTypes(AgreementEventType.CREATED, AgreementEventType.SIGNED, AgreementEventType.ASSET_ORDERED,
            AgreementEventType.ACTIVATED, AgreementEventType.ASSET_DELIVERED, AgreementEventType.ASSET_INSTALLED,
            AgreementEventType.SUSPENDED, AgreementEventType.RESUMED, AgreementEventType.RENEWED)
        .hasVersionInForceOn(LocalDate.of(2027, 1, 1), 2);
    assertThat(demo.outcome().maya().currentVersion().terms().term().end()).contains(LocalDate.of(2027, 12, 31));
    assertThat(demo.story()).contains("renewal asked in the app while suspended: refused, Agreement AG-3001 is "
        + "SUSPENDED; RENEW is not allowed (resume it before renewing)", "her terms hold no resumption "
        + "entitlement, so it runs under the process's own SLA: 2h / 4h");
  }

  @Test
  @DisplayName("the busy day: 260 requests; the field-service partner is the bottleneck, for lack of capacity")
  void busyDay() {
    List<InsightFigures> processes = demo.outcome().busyDay().report().processes();
    assertThat(processes.stream().mapToLong(InsightFigures::entered).sum()).isEqualTo(BusyDay.REQUESTS);
    assertThat(processes).extracting(InsightFigures::name).containsExactlyInAnyOrderElementsOf(BusyDay.MIX.keySet());
    BottleneckReport.Bottleneck top = demo.outcome().busyDay().bottlenecks().bottleneck().orElseThrow();
    assertSoftly(soft -> {
      soft.assertThat(top.name()).isEqualTo("partner " + CrmProcesses.FIELD_SERVICE);
      soft.assertThat(top.cause()).isEqualTo(BottleneckReport.Cause.CAPACITY);
      soft.assertThat(top.mainStep()).contains("installation/visit");
      soft.assertThat(demo.outcome().busyDay().bottlenecks().performers().get(1).name()).isEqualTo("queue complaints");
    });
    assertThat(demo.story()).contains("    Bottleneck: " + top.explanation());
  }

  @Test
  @DisplayName("the files: the suspension's audit, the agreement's events, the bottleneck report as text and JSON, "
      + "the day as a Mermaid flowchart")
  void files() throws IOException {
    assertThat(dir.toFile().list()).containsExactlyInAnyOrder("suspension-audit.json", "AG-3001-events.json",
        "bottlenecks.txt", "bottlenecks.json", "busy-day.mmd");
    List<AuditRecord> audit = MAPPER.readValue(Files.readString(dir.resolve("suspension-audit.json")),
        new TypeReference<List<AuditRecord>>() {});
    assertThat(audit).hasSize(4).allSatisfy(r -> assertThat(r.sla()).isPresent());
    List<AgreementEvent> events = MAPPER.readValue(Files.readString(dir.resolve("AG-3001-events.json")),
        new TypeReference<List<AgreementEvent>>() {});
    assertThat(events).isEqualTo(demo.outcome().maya().events());
    assertThat(MAPPER.readValue(Files.readString(dir.resolve("bottlenecks.json")), BottleneckReport.class))
        .isEqualTo(demo.outcome().busyDay().bottlenecks());
    assertThat(Files.readString(dir.resolve("bottlenecks.txt")))
        .isEqualTo(demo.outcome().busyDay().bottlenecks().toText());
    assertThat(Files.readString(dir.resolve("busy-day.mmd"))).startsWith("flowchart LR\n")
        .contains("[\"partner field-service<br/>", "-->|\"visit ", " bottleneck\n");
    assertThat(demo.story()).contains("  wrote " + dir.resolve("busy-day.mmd") + ": ");
  }
}
