"""Where kafka-python 2.0.2 puts each key: used by real-clients.test.ts (run with /usr/bin/python3).

argv[1]: JSON {"bootstrap": str, "topic": str, "partitioner": "default" | "numeric-modulo"}
stdin:   JSON list of keys (str), sent as UTF-8 bytes with value b"v"
stdout:  JSON list of [key, partition] in send order, read from each record's metadata
"""
import json
import sys

from kafka import KafkaProducer


def numeric_modulo(key, all_partitions, available):
    # The custom partitioner of the kafka-python lab (Lanes seed 002), verbatim in spirit.
    return int(key.decode("UTF-8")) % len(all_partitions)


def main() -> None:
    args = json.loads(sys.argv[1])
    keys = json.load(sys.stdin)
    options = {"bootstrap_servers": args["bootstrap"], "acks": 1, "linger_ms": 5, "request_timeout_ms": 10000}
    if args["partitioner"] == "numeric-modulo":
        options["partitioner"] = numeric_modulo
    producer = KafkaProducer(**options)
    try:
        futures = [(key, producer.send(args["topic"], key=key.encode("utf-8"), value=b"v")) for key in keys]
        producer.flush(timeout=15)
        print(json.dumps([[key, future.get(timeout=10).partition] for key, future in futures]))
    finally:
        producer.close(timeout=5)


if __name__ == "__main__":
    main()
