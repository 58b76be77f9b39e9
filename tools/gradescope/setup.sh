#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu): it installs
# a JDK 17 and Maven from Ubuntu's packages, then compiles the pristine tree, which fetches every
# plugin and library grading needs into ~/.m2. Grading itself (run_autograder) runs offline.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven
cd /autograder/source/pristine
chmod +x grade.sh tools/*.sh
mvn -B -ntp -q test-compile
echo "setup.sh: JDK, Maven and the tree's dependencies are installed"
