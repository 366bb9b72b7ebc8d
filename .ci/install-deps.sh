#!/usr/bin/env bash
# System packages the test suite uses, installed only when missing (idempotent, quiet). Called by .ci/run.
#   python3-numpy, python3-h5py: Signals.Tests check NPZ / pickle / HDF5 interoperability against numpy and h5py
#   (those tests skip, with the reason, where the packages are absent).
set -euo pipefail

apt_packages=(python3-numpy python3-h5py)

missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: apt-get not found; not installing ${missing[*]} (tests that need them will skip)" >&2
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: installed ${missing[*]}"
