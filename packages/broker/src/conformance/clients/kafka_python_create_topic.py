"""kafka-python admin: create a topic with N partitions, then read the count back from metadata.

Args: {bootstrap, topic, partitions}
Prints: {"partitions": <count a fresh client sees in metadata>}
"""
import time

from kafka import KafkaAdminClient, KafkaConsumer
from kafka.admin import NewTopic

from json_cli import emit, read_args


def main() -> None:
    args = read_args()
    admin = KafkaAdminClient(bootstrap_servers=args["bootstrap"], request_timeout_ms=5000)
    try:
        response = admin.create_topics(
            [NewTopic(name=args["topic"], num_partitions=args["partitions"], replication_factor=1)],
            timeout_ms=5000,
        )
        errors = [(topic, code) for topic, code, *_ in response.topic_errors if code != 0]
        if errors:
            raise RuntimeError(f"CreateTopics answered errors {errors}")
    finally:
        admin.close()

    # A separate client, so the count comes from a Metadata response, not from the admin's request.
    consumer = KafkaConsumer(bootstrap_servers=args["bootstrap"], request_timeout_ms=11000)
    try:
        deadline = time.monotonic() + 5
        partitions = consumer.partitions_for_topic(args["topic"])
        while partitions is None and time.monotonic() < deadline:
            time.sleep(0.1)
            partitions = consumer.partitions_for_topic(args["topic"])
        emit({"partitions": None if partitions is None else len(partitions)})
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
