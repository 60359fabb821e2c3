package no.ks.led.e2e;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;

/** The services' Kafka consumer groups on the local stack: how far behind they are, and a reset for replay. */
final class ConsumerGroups implements AutoCloseable {

    /** Every consumer group of the services and the topic it follows. */
    static final Map<String, String> GROUPS = groups();

    private final Admin admin;

    ConsumerGroups() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("LED_KAFKA_BOOTSTRAP", "127.0.0.1:19092"));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        admin = Admin.create(config);
    }

    private static Map<String, String> groups() {
        Map<String, String> groups = new TreeMap<>();
        for (String service : ServiceDatabases.SERVICES) {
            groups.put(service + "-access", "led.organisations.events");
        }
        groups.put("organisations-identity-sync", "led.organisations.events");
        groups.put("scheduling", "led.programmes.events");
        groups.put("programmes", "led.surveys.events");
        return groups;
    }

    /**
     * Each group's lag: the records of its topic it has not committed yet (a partition it never
     * committed counts from the start).
     */
    Map<String, Long> lag() {
        Map<String, Long> lag = new TreeMap<>();
        for (Map.Entry<String, String> group : GROUPS.entrySet()) {
            Map<TopicPartition, Long> ends = endOffsets(List.of(group.getValue()));
            Map<TopicPartition, OffsetAndMetadata> committed = get(
                    admin.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata());
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                behind += end.getValue() - (offset == null ? 0 : offset.offset());
            }
            lag.put(group.getKey(), behind);
        }
        return lag;
    }

    /** How many records the dead-letter topics hold in all. */
    long deadLettered() {
        return endOffsets(ServiceDatabases.SERVICES.stream().map(s -> "led." + s + ".dlq").toList())
                .values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Forgets every group's committed offsets (the groups must have no members: stop the services
     * first), so each service reads its topics from the beginning when it starts again. A member still
     * in a group then is the ghost of a killed process: one that died between asking to join and being
     * answered is never timed out by its session, only by the rebalance timeout (max.poll.interval.ms,
     * 5 min). With every service stopped no member can be a live one, so the ghosts are removed.
     */
    void deleteAll() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Set<String> left = new TreeSet<>(GROUPS.keySet());
        while (true) {
            admin.deleteConsumerGroups(left).deletedGroups().forEach((group, deleted) -> {
                try {
                    deleted.get(30, TimeUnit.SECONDS);
                    left.remove(group);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof GroupIdNotFoundException) {
                        left.remove(group);
                    } else if (!(e.getCause() instanceof GroupNotEmptyException)) {
                        throw new IllegalStateException("Deleting consumer group " + group + " failed: " + e.getCause(), e);
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Deleting consumer group " + group + " timed out", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            if (left.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Consumer groups still have members 60 s after the services stopped and their members were removed: " + left);
            }
            System.out.println("[chaos] consumer groups still with members, removing them: " + left);
            for (String group : left) {
                try {
                    get(admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all());
                } catch (IllegalStateException e) {
                    System.out.println("[chaos] removing the members of " + group + " failed, trying again: " + e.getMessage());
                }
            }
            Thread.sleep(1_000);
        }
    }

    private Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        get(admin.describeTopics(topics).allTopicNames()).forEach((topic, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        return get(admin.listOffsets(request).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
