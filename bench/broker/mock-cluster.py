"""Starts librdkafka's built-in mock cluster (one broker) and prints where it listens.

The mock cluster lives inside this process (rdkafka_mock.c, enabled by the test.mock.num.brokers
property), so the process stays alive until its parent closes our stdin: when the bench ends,
or dies, the pipe closes and the cluster goes with it.

Run with Debian's /usr/bin/python3 (python3-confluent-kafka 1.7.0 on librdkafka 2.0.2).
"""
import sys

from confluent_kafka import Producer

producer = Producer({"test.mock.num.brokers": 1, "bootstrap.servers": ""})
metadata = producer.list_topics(timeout=10)
broker = next(iter(metadata.brokers.values()))
print(f"mock cluster listening on {broker.host}:{broker.port}", flush=True)
sys.stdin.read()
