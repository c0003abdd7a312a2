"""confluent-kafka producer: send records and report every delivery callback.

Args: {bootstrap, topic, records: [{key: str|null, value: str, partition?: int, timestamp?: str}]}
(timestamp: milliseconds as a decimal string, so that JSON keeps all 64 bits.)
Prints: {"deliveries": [{key, value, partition, offset, error}]} in callback order.
"""
from confluent_kafka import Producer

from json_cli import emit, read_args, text, utf8


def main() -> None:
    args = read_args()
    producer = Producer({"bootstrap.servers": args["bootstrap"], "linger.ms": 5, "message.timeout.ms": 10000})
    deliveries = []

    def on_delivery(error, message):
        deliveries.append(
            {
                "key": text(message.key()),
                "value": text(message.value()),
                "partition": message.partition(),
                "offset": message.offset(),
                "error": None if error is None else str(error),
            }
        )

    for record in args["records"]:
        options = {"key": utf8(record.get("key")), "value": utf8(record["value"]), "on_delivery": on_delivery}
        if record.get("partition") is not None:
            options["partition"] = record["partition"]
        if record.get("timestamp") is not None:
            options["timestamp"] = int(record["timestamp"])
        producer.produce(args["topic"], **options)
    remaining = producer.flush(15)
    if remaining:
        raise RuntimeError(f"{remaining} records still undelivered after flush")
    emit({"deliveries": deliveries})


if __name__ == "__main__":
    main()
