"""kafka-python group consumer: join a group, read until `expected` records arrived, commit, leave.

Args: {bootstrap, topic, group, expected, timeoutMs}
Prints: {"assignment": [partition...], "records": [{partition, offset, key, value}],
         "committed": {partition: offset}}
"""
import time

from kafka import KafkaConsumer, TopicPartition

from json_cli import emit, read_args, text


def main() -> None:
    args = read_args()
    consumer = KafkaConsumer(
        args["topic"],
        bootstrap_servers=args["bootstrap"],
        group_id=args["group"],
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        session_timeout_ms=6000,
        heartbeat_interval_ms=1000,
        fetch_max_wait_ms=100,
        request_timeout_ms=11000,
    )
    try:
        records = []
        deadline = time.monotonic() + args["timeoutMs"] / 1000
        while len(records) < args["expected"] and time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=200).values():
                for message in batch:
                    records.append(
                        {
                            "partition": message.partition,
                            "offset": message.offset,
                            "key": text(message.key),
                            "value": text(message.value),
                        }
                    )
        assignment = sorted(tp.partition for tp in consumer.assignment())
        consumer.commit()
        committed = {
            str(p): consumer.committed(TopicPartition(args["topic"], p)) for p in assignment
        }
        emit({"assignment": assignment, "records": records, "committed": committed})
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
