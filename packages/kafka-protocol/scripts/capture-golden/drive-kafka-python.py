"""A typical kafka-python 2.0.2 session, for the golden capture: usage BOOTSTRAP TOPIC GROUP.

Producer (acks=1, then one acks=0 send), a group consumer that commits by hand and leaves,
and an admin lookup of the committed offsets. kafka-python does not negotiate versions: it
sends ApiVersions v0, guesses the broker version and then uses fixed request versions.
"""
import sys
import time

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition

CLIENT_ID = "golden-kafka-python"
RECORDS = [(b"k1", b"golden-value-1"), (b"k2", b"golden-value-2"), (b"k3", b"golden-value-3")]


def produce(bootstrap: str, topic: str) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap, client_id=CLIENT_ID, acks=1, linger_ms=0)
    for key, value in RECORDS:
        producer.send(topic, key=key, value=value).get(timeout=20)
    producer.close()
    fire_and_forget = KafkaProducer(bootstrap_servers=bootstrap, client_id=CLIENT_ID, acks=0)
    fire_and_forget.send(topic, key=b"k0", value=b"golden-acks-0").get(timeout=20)
    fire_and_forget.flush()
    fire_and_forget.close()


def consume(bootstrap: str, topic: str, group: str) -> None:
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        client_id=CLIENT_ID,
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        session_timeout_ms=10000,
        heartbeat_interval_ms=100,
        fetch_max_wait_ms=100,
    )
    seen = 0
    deadline = time.time() + 30
    while seen < len(RECORDS) and time.time() < deadline:
        for records in consumer.poll(timeout_ms=200).values():
            seen += len(records)
    if seen < len(RECORDS):
        sys.exit(f"kafka-python consumer saw {seen} of {len(RECORDS)} records")
    consumer.commit()
    time.sleep(0.5)  # let a heartbeat or two go by
    consumer.poll(timeout_ms=200)
    consumer.close()  # sends LeaveGroup


def admin(bootstrap: str, topic: str, group: str) -> None:
    client = KafkaAdminClient(bootstrap_servers=bootstrap, client_id=CLIENT_ID)
    # Name the partitions: asked for all (null topics), the mock answers a null array, which
    # Kafka's OffsetFetchResponse does not allow, so that exchange could not be a golden fixture.
    partitions = [TopicPartition(topic, partition) for partition in range(4)]
    offsets = client.list_consumer_group_offsets(group, partitions=partitions)
    if sum(1 for meta in offsets.values() if meta.offset >= 0) == 0:
        sys.exit(f"admin found no committed offsets for {group}: {offsets}")
    client.close()


def main() -> None:
    bootstrap, topic, group = sys.argv[1:4]
    produce(bootstrap, topic)
    consume(bootstrap, topic, group)
    admin(bootstrap, topic, group)


if __name__ == "__main__":
    main()
