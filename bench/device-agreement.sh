#!/usr/bin/env bash
# Measures how often each device-detection candidate agrees with Matomo DeviceDetector, field by field, on the real
# user agents (and client hints) of YAUAA's test cases, and what each costs to build and to run.
# Matomo's answers come from node-device-detector (a maintained JavaScript port with current rules and client hints).
# Fetches YAUAA from Maven Central and the JavaScript packages from npm; needs java 17, mvn, node and npm.
# Usage: bench/device-agreement.sh            (on the development machine: flock /tmp/mvn.lock bench/device-agreement.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=$root/bench/target/device-agreement
mkdir -p "$work/classes"

npm install --silent --no-audit --no-fund --prefix "$work" node-device-detector@2.2.7 js-yaml@4.1.0 > /dev/null
(cd "$root" && mvn -B -q compile -pl persistence,ejb \
    && mvn -B -q dependency:build-classpath -pl persistence,ejb -Dmdep.includeScope=provided -Dmdep.outputFile="$work/ejb.cp")
mvn -B -q -f "$here/device-agreement/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/yauaa.cp"
yauaa_jar=$(tr ':' '\n' < "$work/yauaa.cp" | grep '/yauaa-[0-9.]*\.jar$')

# the corpus: every distinct request of YAUAA's test cases, with Matomo's answer
rm -rf "$work/UserAgents" && (cd "$work" && unzip -q -o "$yauaa_jar" 'UserAgents/*')
NODE_PATH="$work/node_modules" node "$here/device-agreement/matomo-expected.js" "$work/UserAgents" > "$work/corpus.jsonl"

classpath="$root/ejb/target/classes:$(cat "$work/ejb.cp"):$(cat "$work/yauaa.cp")"
javac -nowarn -d "$work/classes" -cp "$classpath" "$here/device-agreement/DeviceAgreement.java"
java -Xmx2g -cp "$work/classes:$classpath" org.d8a.enrich.device.DeviceAgreement "$work/corpus.jsonl" \
    2> "$work/stderr.log"
echo
echo "commit $(git -C "$root" rev-parse --short HEAD); corpus: YAUAA $(basename "$yauaa_jar" .jar) UserAgents/*.yaml"
