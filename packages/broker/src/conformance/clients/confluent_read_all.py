"""confluent-kafka consumer without a group: read every partition from the beginning to its end.

Args: {bootstrap, topic, timeoutMs}
Prints: {"records": [{partition, offset, key, value}], "logEnd": {partition: high watermark}}
"""
import time

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, TopicPartition

from json_cli import emit, read_args, text


def main() -> None:
    args = read_args()
    topic = args["topic"]
    consumer = Consumer(
        {
            "bootstrap.servers": args["bootstrap"],
            # librdkafka wants a group.id even for manual assignment; nothing is committed.
            "group.id": f"{topic}-reader",
            "enable.auto.commit": False,
            "enable.partition.eof": True,
            "fetch.wait.max.ms": 100,
        }
    )
    try:
        partitions = sorted(consumer.list_topics(topic=topic, timeout=5).topics[topic].partitions)
        log_end = {p: consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=5)[1] for p in partitions}
        consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
        pending = {p for p in partitions if log_end[p] > 0}
        records = []
        deadline = time.monotonic() + args["timeoutMs"] / 1000
        while pending and time.monotonic() < deadline:
            message = consumer.poll(0.2)
            if message is None:
                continue
            if message.error():
                if message.error().code() == KafkaError._PARTITION_EOF:
                    if message.offset() >= log_end[message.partition()]:
                        pending.discard(message.partition())
                    continue
                raise RuntimeError(f"consume error: {message.error()}")
            records.append(
                {
                    "partition": message.partition(),
                    "offset": message.offset(),
                    "key": text(message.key()),
                    "value": text(message.value()),
                }
            )
        emit({"records": records, "logEnd": {str(p): end for p, end in log_end.items()}})
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
