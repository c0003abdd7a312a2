"""A typical confluent-kafka-python 1.7.0 session, for the golden capture: usage BOOTSTRAP TOPIC GROUP.

An idempotent producer with a delivery callback (InitProducerId, Produce), then a group consumer
with manual commit that leaves the group on close.
"""
import sys
import time

from confluent_kafka import Consumer, Producer

CLIENT_ID = "golden-confluent-kafka"
RECORDS = [(b"k1", b"golden-value-1"), (b"k2", b"golden-value-2"), (b"k3", b"golden-value-3")]


def produce(bootstrap: str, topic: str) -> None:
    delivered = []

    def on_delivery(error, message):
        if error is not None:
            sys.exit(f"delivery failed: {error}")
        delivered.append(message.offset())

    producer = Producer({"bootstrap.servers": bootstrap, "client.id": CLIENT_ID, "enable.idempotence": True})
    for key, value in RECORDS:
        producer.produce(topic, key=key, value=value, on_delivery=on_delivery)
    producer.flush(20)
    if len(delivered) != len(RECORDS):
        sys.exit(f"only {len(delivered)} of {len(RECORDS)} records were delivered")
    producer.list_topics(topic, timeout=10)


def consume(bootstrap: str, topic: str, group: str) -> None:
    consumer = Consumer({
        "bootstrap.servers": bootstrap,
        "client.id": CLIENT_ID,
        "group.id": group,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "heartbeat.interval.ms": 100,
        "fetch.wait.max.ms": 100,
    })
    consumer.subscribe([topic])
    seen = 0
    deadline = time.time() + 30
    while seen < len(RECORDS) and time.time() < deadline:
        message = consumer.poll(0.2)
        if message is not None and message.error() is None:
            seen += 1
    if seen < len(RECORDS):
        sys.exit(f"confluent-kafka consumer saw {seen} of {len(RECORDS)} records")
    consumer.commit(asynchronous=False)
    consumer.committed(consumer.assignment(), timeout=10)
    deadline = time.time() + 0.5
    while time.time() < deadline:  # let a heartbeat or two go by
        consumer.poll(0.1)
    consumer.close()  # commits nothing more (auto commit off) and sends LeaveGroup


def main() -> None:
    bootstrap, topic, group = sys.argv[1:4]
    produce(bootstrap, topic)
    consume(bootstrap, topic, group)


if __name__ == "__main__":
    main()
