#!/usr/bin/env bash
# Installs what the test suite needs beyond Node: the real Kafka clients the conformance tests drive
# (kcat, kafka-python, confluent-kafka-python), Chromium for the browser journeys, and docker-compose
# to validate docker-compose.yml. Debian/Ubuntu only; skips whatever is already there.
set -euo pipefail

packages=()
command -v kcat >/dev/null 2>&1 || packages+=(kcat)
/usr/bin/python3 -c 'import kafka' >/dev/null 2>&1 || packages+=(python3-kafka)
/usr/bin/python3 -c 'import confluent_kafka' >/dev/null 2>&1 || packages+=(python3-confluent-kafka)
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v docker-compose >/dev/null 2>&1 || packages+=(docker-compose)

if [ ${#packages[@]} -eq 0 ]; then
  echo "test dependencies: all present"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing: ${packages[*]}. Install them with your package manager (this script knows only apt-get)." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Installing ${packages[*]} needs root: run this script as root or install sudo." >&2; exit 1; }
  sudo="sudo"
fi
echo "installing: ${packages[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "test dependencies: installed ${packages[*]}"
