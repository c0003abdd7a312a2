"""confluent-kafka: make sure a topic exists and report its partition count from metadata.

Args: {bootstrap, topic, partitions, how: "admin" | "auto"}
  "admin": AdminClient.create_topics with `partitions` partitions (CreateTopics).
  "auto":  a producer's metadata request for the topic, which auto-creates it with the broker's
           default count (librdkafka producers send allow_auto_topic_creation=true). The mock cluster
           has no CreateTopics, so tests use this against it.
Prints: {"partitions": <count in metadata>}
"""
import time

from confluent_kafka import Producer
from confluent_kafka.admin import AdminClient, NewTopic

from json_cli import emit, read_args


def partition_count(client, topic: str) -> int:
    deadline = time.monotonic() + 5
    while True:
        metadata = client.list_topics(topic=topic, timeout=5).topics[topic]
        if metadata.error is None and metadata.partitions:
            return len(metadata.partitions)
        if time.monotonic() > deadline:
            raise RuntimeError(f"topic {topic} not in metadata: {metadata.error}")
        time.sleep(0.1)


def main() -> None:
    args = read_args()
    if args["how"] == "admin":
        admin = AdminClient({"bootstrap.servers": args["bootstrap"]})
        futures = admin.create_topics([NewTopic(args["topic"], args["partitions"], 1)], operation_timeout=5)
        futures[args["topic"]].result(timeout=10)
        emit({"partitions": partition_count(admin, args["topic"])})
    else:
        producer = Producer({"bootstrap.servers": args["bootstrap"]})
        emit({"partitions": partition_count(producer, args["topic"])})


if __name__ == "__main__":
    main()
