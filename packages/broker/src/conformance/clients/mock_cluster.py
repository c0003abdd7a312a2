"""Start librdkafka's built-in mock cluster and keep it alive until stdin closes.

The mock (src/rdkafka_mock*.c in librdkafka) is the reference peer the conformance tests can run
against with LANES_CONFORMANCE_TARGET=mock. It lives inside this producer handle, so the process
prints the bootstrap address once and then blocks on stdin: the test closes stdin (or kills us) to stop it.
"""
import json
import sys

from confluent_kafka import Producer


def main() -> None:
    producer = Producer({"test.mock.num.brokers": 1, "bootstrap.servers": ""})
    metadata = producer.list_topics(timeout=5)
    broker = list(metadata.brokers.values())[0]
    print(json.dumps({"bootstrap": f"{broker.host}:{broker.port}"}), flush=True)
    sys.stdin.read()


if __name__ == "__main__":
    main()
