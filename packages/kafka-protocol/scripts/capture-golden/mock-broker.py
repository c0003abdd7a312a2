"""Runs librdkafka's built-in mock cluster (one broker) until stdin closes.

Prints one JSON line on stdout, {"host": ..., "port": ...}, once the broker listens. The mock
cluster lives inside this librdkafka client instance, so the process must stay up while the
recorded clients talk to it. See librdkafka CONFIGURATION.md, test.mock.num.brokers.
"""
import json
import sys

from confluent_kafka import Producer


def main() -> None:
    owner = Producer({"test.mock.num.brokers": 1, "bootstrap.servers": "", "log_level": 3})
    brokers = owner.list_topics(timeout=10).brokers
    if len(brokers) != 1:
        sys.exit(f"expected one mock broker, got {len(brokers)}")
    broker = next(iter(brokers.values()))
    print(json.dumps({"host": broker.host, "port": broker.port}), flush=True)
    sys.stdin.read()  # the capture script closes our stdin when it is done


if __name__ == "__main__":
    main()
