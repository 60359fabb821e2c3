import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Kafka topics that do not exist yet, waits until they have leaders, then lists them.
 * Compiled by deploy/local/stack.sh prepare and run against the broker's own jars:
 *
 * <pre>java -cp "classes:kafka/lib/*" CreateTopics BOOTSTRAP TIMEOUT_SECONDS name:partitions[:key=value...]...</pre>
 *
 * <p>{@code key=value} pairs are topic configurations, e.g. {@code retention.ms=-1}.
 *
 * One JVM for all topics (the kafka-topics tool takes one topic per JVM). Exits non-zero if
 * the broker does not answer in time or a topic cannot be created.
 */
public class CreateTopics {
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: CreateTopics BOOTSTRAP TIMEOUT_SECONDS name:partitions[:key=value...]...");
      System.exit(2);
    }
    String bootstrap = args[0];
    Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[1]));
    List<NewTopic> wanted = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      String[] parts = args[i].split(":");
      Map<String, String> configs = new java.util.HashMap<>();
      for (int j = 2; j < parts.length; j++) {
        String[] kv = parts[j].split("=", 2);
        configs.put(kv[0], kv[1]);
      }
      wanted.add(new NewTopic(parts[0], Integer.parseInt(parts[1]), (short) 1).configs(configs));
    }

    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
    try (Admin admin = Admin.create(props)) {
      // The broker logs "started" slightly before it answers metadata requests reliably.
      Set<String> existing = null;
      Exception last = null;
      while (existing == null && Instant.now().isBefore(deadline)) {
        try {
          existing = admin.listTopics().names().get();
        } catch (ExecutionException e) {
          last = e;
          Thread.sleep(500);
        }
      }
      if (existing == null) {
        throw new IllegalStateException("broker at " + bootstrap + " did not answer", last);
      }

      List<NewTopic> missing = new ArrayList<>();
      for (NewTopic topic : wanted) {
        if (!existing.contains(topic.name())) {
          missing.add(topic);
        }
      }
      for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> result :
          admin.createTopics(missing).values().entrySet()) {
        try {
          result.getValue().get();
          System.out.println("created " + result.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }

      // Wait until every topic has a leader for each partition, i.e. is usable.
      List<String> names = wanted.stream().map(NewTopic::name).toList();
      while (true) {
        try {
          var descriptions = admin.describeTopics(names).allTopicNames().get();
          boolean ready = descriptions.values().stream()
              .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null));
          if (ready) {
            descriptions.values().forEach(d ->
                System.out.println(d.name() + " partitions=" + d.partitions().size()));
            return;
          }
        } catch (ExecutionException e) {
          last = e;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("topics not ready in time", last);
        }
        Thread.sleep(200);
      }
    }
  }
}
