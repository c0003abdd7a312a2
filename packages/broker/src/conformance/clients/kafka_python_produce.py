"""kafka-python producer: send records and report where the broker put each one.

Args: {bootstrap, topic, partitioner: "default" | "key-modulo",
       records: [{key: str|null, value: str, partition?: int}]}
  "default" is kafka-python's DefaultPartitioner (Java's murmur2 of the key bytes);
  "key-modulo" is a custom partitioner function: int(key) % partition count.
Prints: {"partitionCount": n, "deliveries": [{key, value, partition, offset}]} in send order.
"""
from kafka import KafkaProducer

from json_cli import emit, read_args, utf8


def key_modulo_partitioner(key_bytes, all_partitions, available_partitions):
    # kafka-python calls partitioner(serialized_key, all_partitions, available_partitions).
    return all_partitions[int(key_bytes.decode("utf-8")) % len(all_partitions)]


def main() -> None:
    args = read_args()
    options = {"bootstrap_servers": args["bootstrap"], "acks": "all", "request_timeout_ms": 5000}
    if args.get("partitioner", "default") == "key-modulo":
        options["partitioner"] = key_modulo_partitioner
    producer = KafkaProducer(**options)
    try:
        futures = []
        for record in args["records"]:
            future = producer.send(
                args["topic"],
                key=utf8(record.get("key")),
                value=utf8(record["value"]),
                partition=record.get("partition"),
            )
            futures.append((record, future))
        deliveries = []
        for record, future in futures:
            sent = future.get(timeout=10)
            deliveries.append(
                {"key": record.get("key"), "value": record["value"], "partition": sent.partition, "offset": sent.offset}
            )
        partition_count = len(producer.partitions_for(args["topic"]))
        emit({"partitionCount": partition_count, "deliveries": deliveries})
    finally:
        producer.close(timeout=5)


if __name__ == "__main__":
    main()
