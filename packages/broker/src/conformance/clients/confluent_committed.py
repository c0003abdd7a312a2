"""confluent-kafka: what a fresh member of `group` would resume from, next to each log end offset.

Args: {bootstrap, topic, group}
Prints: {"committed": {partition: offset (-1001 = nothing committed)}, "logEnd": {partition: high watermark}}
"""
from confluent_kafka import Consumer, TopicPartition

from json_cli import emit, read_args


def main() -> None:
    args = read_args()
    topic = args["topic"]
    consumer = Consumer({"bootstrap.servers": args["bootstrap"], "group.id": args["group"], "enable.auto.commit": False})
    try:
        partitions = sorted(consumer.list_topics(topic=topic, timeout=5).topics[topic].partitions)
        committed = consumer.committed([TopicPartition(topic, p) for p in partitions], timeout=10)
        for entry in committed:
            if entry.error is not None:
                raise RuntimeError(f"OffsetFetch error for partition {entry.partition}: {entry.error}")
        log_end = {p: consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=5)[1] for p in partitions}
        emit(
            {
                "committed": {str(entry.partition): entry.offset for entry in committed},
                "logEnd": {str(p): end for p, end in log_end.items()},
            }
        )
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
